import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_BIN } from '../helpers/postgres';
import { FormClient } from '../helpers/browser-less';
import { freePort, startTestServer, type TestServer } from '../helpers/server';
import { copyTemplateDatabase, first, type TestData } from '../helpers/test-db';

// PostgreSQL project only: a bad DATABASE_URL or an unreachable server stops the app at start with a
// clear message (and never its password); PostgreSQL going away under a running app answers /healthz
// 503 and fails requests without writing half of anything, and the app recovers when it comes back.
let data: TestData;
let server: TestServer;
const databaseName = () => new URL(data.databaseUrl ?? '').pathname.slice(1);

beforeAll(async () => {
  data = copyTemplateDatabase();
  server = await startTestServer({ dataDir: data.dataDir });
});
afterAll(async () => {
  await server?.stop();
  if (data) {
    await allowConnections(true).catch(() => undefined);
    await data.cleanup();
  }
});

/** Refuses (or allows again) every connection to the app's database and ends the open ones. */
async function allowConnections(allow: boolean) {
  // From the server's maintenance database: nobody, superusers included, connects to the app's meanwhile.
  const admin = new URL(data.databaseUrl ?? '');
  admin.pathname = '/postgres';
  const name = databaseName();
  const statements = [`alter database "${name}" allow_connections ${allow}`];
  if (!allow)
    statements.push(
      `select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '${name}'`,
    );
  for (const statement of statements)
    execFileSync(path.join(PG_BIN, 'psql'), [
      '-X',
      '-q',
      '-At',
      '-d',
      admin.toString(),
      '-c',
      statement,
    ]);
  // pg_terminate_backend only signals: wait until the backends are gone.
  for (let i = 0; !allow && i < 50; i++) {
    const left = execFileSync(path.join(PG_BIN, 'psql'), [
      '-X',
      '-q',
      '-At',
      '-d',
      admin.toString(),
      '-c',
      `select count(*) from pg_stat_activity where datname = '${name}'`,
    ])
      .toString()
      .trim();
    if (left === '0') break;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startFails(env: Record<string, string>): Promise<string> {
  try {
    const started = await startTestServer({ dataDir: data.dataDir, env });
    await started.stop();
    return 'started';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('when PostgreSQL is not there', () => {
  it('refuses a DATABASE_URL that is not a PostgreSQL URL, naming the variable', async () => {
    const output = await startFails({ DATABASE_URL: 'mysql://root:hunter2@localhost/cho' });
    expect(output).toMatch(/server exited with 1/);
    expect(output).toMatch(/DATABASE_URL=.*must be a PostgreSQL URL/);
    expect(output).not.toContain('hunter2');
  });

  it('stops at start with a clear message when the server cannot be reached, without the password', async () => {
    const port = await freePort();
    const output = await startFails({
      DATABASE_URL: `postgres://cho:hunter2@127.0.0.1:${port}/cho_phien`,
    });
    expect(output).toMatch(/server exited with 1/);
    expect(output).toMatch(/PostgreSQL is not reachable \(connection refused\)/);
    expect(output).toContain(`postgres://cho:***@127.0.0.1:${port}/cho_phien`);
    expect(output).not.toContain('hunter2');
  });

  it('says so for a database that does not exist', async () => {
    const url = new URL(data.databaseUrl ?? '');
    url.pathname = '/no_such_database';
    const output = await startFails({ DATABASE_URL: url.toString() });
    expect(output).toMatch(/the database named in DATABASE_URL does not exist/);
  });

  it('answers /healthz 503 while it is gone, writes nothing half-way, and recovers', async () => {
    const product = first(
      await data.db
        .selectFrom('products')
        .select(['id', 'stock'])
        .where('status', '=', 'published')
        .where('stock', '>', 0)
        .orderBy('id')
        .limit(1)
        .execute(),
    );
    const counts = async () => ({
      checkouts: (
        await data.db
          .selectFrom('checkouts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      stock: (
        await data.db
          .selectFrom('products')
          .select('stock')
          .where('id', '=', product.id)
          .executeTakeFirstOrThrow()
      ).stock,
      movements: (
        await data.db
          .selectFrom('stock_movements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    });
    const client = new FormClient(server.url);
    const added = await client.post('/gio-hang', {
      intent: 'add',
      productId: String(product.id),
      quantity: '1',
    });
    expect(added.status).toBeLessThan(400);
    const before = await counts();

    await allowConnections(false);
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { database: { ok: boolean } }).database.ok).toBe(false);
      const placed = await client.post('/thanh-toan', {
        intent: 'place',
        contactName: 'Người Mua',
        contactPhone: '0912345678',
        contactEmail: '',
        provinceCode: '01',
        communeCode: '00001',
        street: '1 Tràng Tiền',
        note: '',
        paymentMethod: 'cod',
        cartVersion: '1',
        expectedTotalVnd: '1',
      });
      expect(placed.status).toBeGreaterThanOrEqual(500);
      await placed.body?.cancel();
    } finally {
      await allowConnections(true);
    }

    expect(await counts()).toEqual(before);
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await fetch(`${server.url}/healthz`)).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
