import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '~/accounts/index.server';
import { seedDemoRegister } from '~/demo/register.server';
import { provinceKpi } from '~/tradeoffice/index.server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// The demo register the seed writes (the template has it removed for the other trade office tests):
// both demo officers must see real figures on day one, not 0 %, "0/0" and empty charts.
let data: TestData;
const NOW = new Date('2026-12-02T03:00:00Z');

beforeAll(async () => {
  data = copyTemplateDatabase();
});
afterAll(async () => {
  await data?.cleanup();
});

const officerKpi = async (email: string, provinceCode: string) => {
  const user = await data.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(data.db, user.id);
  return provinceKpi(data.db, actor!, provinceCode, '2026-12-02');
};

describe('the demo OCOP register', () => {
  it('gives each demo province a register with a realistic share online, some missing, some expiring', async () => {
    const before = await officerKpi('socongthuong.laichau@chophien.test', '12');
    expect(before.registerSize).toBe(0);
    const added = await seedDemoRegister(data.db, NOW);
    expect(added).toBeGreaterThan(40);

    for (const [email, code] of [
      ['socongthuong.laichau@chophien.test', '12'],
      ['socongthuong.laocai@chophien.test', '15'],
    ] as const) {
      const { kpi, registerSize } = await officerKpi(email, code);
      expect(registerSize, code).toBeGreaterThan(10);
      expect(kpi.total, code).toBeGreaterThan(5);
      expect(kpi.percent, code).toBeGreaterThan(30);
      expect(kpi.percent, code).toBeLessThan(100);
      expect(kpi.todo.length, code).toBeGreaterThanOrEqual(3);
      expect(kpi.expiringSoon.length, code).toBeGreaterThan(0);
      expect(kpi.byStars.length + kpi.byGroup.length + kpi.byCommune.length).toBeGreaterThan(3);
      // Some listings claim stars the register does not hold; far fewer than all of them.
      expect(kpi.listedNotInRegister.length, code).toBeGreaterThan(0);
      expect(kpi.listedNotInRegister.length, code).toBeLessThan(kpi.online);
    }
    expect(before.kpi.listedNotInRegister.length).toBeGreaterThan(
      (await officerKpi('socongthuong.laichau@chophien.test', '12')).kpi.listedNotInRegister.length,
    );
  });

  it('adds nothing when seeded again', async () => {
    const size = (await officerKpi('socongthuong.laichau@chophien.test', '12')).registerSize;
    expect(await seedDemoRegister(data.db, NOW)).toBe(0);
    expect((await officerKpi('socongthuong.laichau@chophien.test', '12')).registerSize).toBe(size);
  });
});
