import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, signIn } from '~/accounts/index.server';
import { DEMO_HELPER, seedDemoHelper } from '~/demo/helpers.server';
import { communityHelpersPage } from '~/tradeoffice/index.server';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// Issue 17 leftovers: the demo has one digital technology team member at work, so the trade office's
// /so-cong-thuong/to-cong-nghe-so shows a row on `npm start` (seedDemo seeds it with the demo history).
let data: TestData;
beforeAll(() => {
  data = copyTemplateDatabase();
});
afterAll(async () => {
  await data?.cleanup();
});

describe('the demo helper', () => {
  it('works for the Tam Đường tea cooperative and shows on the Lai Châu trade office page', async () => {
    const now = new Date('2026-12-01T03:00:00Z');
    await seedDemoHelper(data.db, now);
    const officer = await data.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'socongthuong.laichau@chophien.test')
      .executeTakeFirstOrThrow();
    const page = await communityHelpersPage(data.db, (await loadActor(data.db, officer.id))!, '12');
    expect(page.rows).toEqual([
      expect.objectContaining({
        helperName: DEMO_HELPER.name,
        organizationName: expect.stringContaining('Tam Đường'),
        created: 1,
        edited: 1,
      }),
    ]);
    expect(page.helpers).toBe(1);
    const member = await data.db
      .selectFrom('organization_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.role')
      .where('u.email', '=', DEMO_HELPER.identifier)
      .execute();
    expect(member).toEqual([{ role: 'helper' }]);
    // The demo account signs in with the password the README gives.
    const signedIn = await signIn(data.db, {
      identifier: DEMO_HELPER.identifier,
      password: DEMO_HELPER.password,
      network: '127.0.0.1',
    });
    expect(signedIn).toBeGreaterThan(0);
  });
});
