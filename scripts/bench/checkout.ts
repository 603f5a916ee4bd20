import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DB } from '~db/connection.server';
import { openPostgres } from '~db/postgres.server';
import { startTestPostgres } from '../../tests/helpers/postgres';
import { FormClient } from '../../tests/helpers/browser-less';
import { startTestServer, type TestServer } from '../../tests/helpers/server';

// npm run bench:checkout [-- --buyers 50 --seconds 20 --hot-stock 200 --modes sqlite,pg1,pg2]
// Real HTTP against the built server: each buyer adds two products of two cooperatives to a guest cart,
// asks for the review (delivery fees) and places the order, over and over. A second phase has every buyer
// race for the last units of one product. Ends with a stock check against the orders written. Modes:
// SQLite with one instance, PostgreSQL (a throw-away server from Debian's package) with one and with two
// instances (buyers alternate between them), printed side by side.
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const BUYERS = arg('buyers', 50);
const SECONDS = arg('seconds', 20);
const HOT_STOCK = arg('hot-stock', 200);

const MODES = (
  process.argv.includes('--modes')
    ? process.argv[process.argv.indexOf('--modes') + 1]
    : 'sqlite,pg1,pg2'
)!.split(',');
const SERVER_ENV = {
  VIETQR_BANK_BIN: '970436',
  VIETQR_ACCOUNT_NUMBER: '0011004455667',
  VIETQR_ACCOUNT_NAME: 'CHO PHIEN BENCH',
  STAMP_KEYS: JSON.stringify({ '1': 'b'.repeat(43) }),
  STAMP_KEY_ID: '1',
};

/** User + system CPU milliseconds the server process has used (Linux /proc), or NaN elsewhere. */
function serverCpuMs(servers: TestServer[]): number {
  let total = 0;
  for (const server of servers) {
    try {
      const stat = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8');
      const fields = stat.split(') ')[1]!.split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      return NaN;
    }
  }
  return total;
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

async function runMode(db: DB, servers: TestServer[], label: string) {
  let turn = 0;
  const rows = await db
    .selectFrom('products')
    .select(['id', 'organization_id'])
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const first = rows[0];
  if (!first) throw new Error('The demo catalogue has no published products.');
  const second = rows.find((r) => r.organization_id !== first.organization_id)!;
  const hot = rows.find((r) => r.id !== first.id && r.id !== second.id)!;
  await db
    .updateTable('products')
    .set({ stock: 1_000_000 })
    .where('id', 'in', [first.id, second.id])
    .execute();
  await db.updateTable('products').set({ stock: HOT_STOCK }).where('id', '=', hot.id).execute();
  // Sold = what this run placed: the demo's past orders (app/demo/orders.server.ts) come before it.
  const ordersBefore = Number(
    (
      await db
        .selectFrom('orders')
        .select((eb) => eb.fn.coalesce(eb.fn.max<number>('id'), eb.lit(0)).as('id'))
        .executeTakeFirstOrThrow()
    ).id,
  );
  const commune = (
    await db
      .selectFrom('communes')
      .select('code')
      .where('province_code', '=', '01')
      .executeTakeFirstOrThrow()
  ).code;
  const address = {
    contactName: 'Người Mua Thử',
    contactPhone: '0912345678',
    contactEmail: '',
    provinceCode: '01',
    communeCode: commune,
    street: '1 Tràng Tiền',
    note: '',
  };

  async function buyOnce(
    lines: number[],
  ): Promise<{ ok: boolean; placeMs: number; totalMs: number }> {
    const client = new FormClient(servers[turn++ % servers.length]!.url);
    const started = performance.now();
    for (const id of lines)
      await client.post('/gio-hang', { intent: 'add', productId: String(id), quantity: '1' });
    const review = await (
      await client.post('/thanh-toan?tinh=01', { intent: 'review', ...address })
    ).text();
    const placeStarted = performance.now();
    const placed = await client.post('/thanh-toan', {
      intent: 'place',
      ...address,
      paymentMethod: 'vietqr',
      cartVersion: hidden(review, 'cartVersion'),
      expectedTotalVnd: hidden(review, 'expectedTotalVnd'),
    });
    const end = performance.now();
    // Success is the redirect to the payment page; an empty cart (sold out before it was added) redirects back to it.
    const ok =
      placed.status === 302 && (placed.headers.get('location') ?? '').includes('/dat-hang/');
    await placed.body?.cancel();
    return { ok, placeMs: end - placeStarted, totalMs: end - started };
  }

  console.log(`Phase 1: ${BUYERS} concurrent buyers for ${SECONDS} s…`);
  // Phase 1: throughput with 50 concurrent buyers, two cooperatives per cart.
  const placeTimes: number[] = [];
  const flowTimes: number[] = [];
  let failures = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const phaseStart = performance.now();
  const cpuStart = serverCpuMs(servers);
  await Promise.all(
    Array.from({ length: BUYERS }, async () => {
      while (performance.now() < deadline) {
        const result = await buyOnce([first.id, second.id]);
        if (result.ok) {
          placeTimes.push(result.placeMs);
          flowTimes.push(result.totalMs);
        } else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - phaseStart) / 1000;
  const serverCpu = serverCpuMs(servers) - cpuStart;
  placeTimes.sort((a, b) => a - b);
  flowTimes.sort((a, b) => a - b);

  // Phase 2: every buyer races for one product with HOT_STOCK units, until it is sold out (or a
  // runaway number of attempts proves something else refuses the orders).
  console.log(`Phase 2: ${BUYERS} buyers race for the last ${HOT_STOCK} units of one product…`);
  let hotSold = 0;
  let hotRefused = 0;
  const maxAttempts = HOT_STOCK * 3 + BUYERS * 5;
  await Promise.all(
    Array.from({ length: BUYERS }, async () => {
      while (hotSold + hotRefused < maxAttempts) {
        const result = await buyOnce([hot.id]);
        if (result.ok) hotSold++;
        else {
          hotRefused++;
          const left = (
            await db
              .selectFrom('products')
              .select('stock')
              .where('id', '=', hot.id)
              .executeTakeFirstOrThrow()
          ).stock;
          if (left === 0) return;
        }
      }
    }),
  );

  const sold = async (id: number) =>
    Number(
      (
        await db
          .selectFrom('order_items')
          .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('n'))
          .where('product_id', '=', id)
          .where('order_id', '>', ordersBefore)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stock = async (id: number) =>
    (await db.selectFrom('products').select('stock').where('id', '=', id).executeTakeFirstOrThrow())
      .stock;
  const checks = [
    {
      product: 'cooperative A',
      start: 1_000_000,
      sold: await sold(first.id),
      left: await stock(first.id),
    },
    {
      product: 'cooperative B',
      start: 1_000_000,
      sold: await sold(second.id),
      left: await stock(second.id),
    },
    {
      product: 'hot product',
      start: HOT_STOCK,
      sold: await sold(hot.id),
      left: await stock(hot.id),
    },
  ].map((c) => ({ ...c, consistent: c.start - c.sold === c.left && c.left >= 0 }));

  const consistent = checks.every((c) => c.consistent) && hotSold === HOT_STOCK;
  if (!consistent) console.table(checks);
  return {
    mode: label,
    'checkouts/s': Math.round((placeTimes.length / elapsed) * 10) / 10,
    'orders/s': Math.round(((placeTimes.length * 2) / elapsed) * 10) / 10,
    'place p50 ms': Math.round(percentile(placeTimes, 50)),
    'place p99 ms': Math.round(percentile(placeTimes, 99)),
    'flow p50 ms': Math.round(percentile(flowTimes, 50)),
    checkouts: placeTimes.length,
    failures,
    // Steadier than the rates when other work shares the machine: what one checkout costs the servers.
    'server CPU ms/checkout': Math.round((serverCpu / Math.max(1, placeTimes.length)) * 10) / 10,
    'hot sold': `${hotSold}/${HOT_STOCK}`,
    'stock check': consistent ? 'ok' : 'FAILED',
  };
}

const results: Array<Record<string, string | number>> = [];
for (const mode of MODES) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-checkout-bench-'));
  const postgres = mode === 'sqlite' ? null : await startTestPostgres();
  const servers: TestServer[] = [];
  let close: () => Promise<void> = async () => {};
  try {
    console.log(`\n[${mode}] starting the built server(s) on a fresh demo database…`);
    const env: Record<string, string> = { ...SERVER_ENV };
    if (postgres) {
      postgres.psql('create database bench');
      env.DATABASE_URL = postgres.url('bench');
    }
    const instances = mode === 'pg2' ? 2 : 1;
    for (let i = 0; i < instances; i++)
      servers.push(await startTestServer({ dataDir, env, startTimeoutMs: 300_000 }));
    let db: DB;
    if (postgres) {
      db = openPostgres({ url: postgres.url('bench'), poolSize: 4, statementTimeoutMs: 60_000 }).db;
      close = () => db.destroy();
    } else {
      const opened = openDatabase(path.join(dataDir, 'cho-phien.sqlite'));
      db = opened.db;
      close = async () => {
        await opened.db.destroy();
        if (opened.sqlite.open) opened.sqlite.close();
      };
    }
    const label = { sqlite: 'SQLite ×1', pg1: 'PostgreSQL ×1', pg2: 'PostgreSQL ×2' }[mode] ?? mode;
    results.push(await runMode(db, servers, label));
  } finally {
    await close();
    await Promise.all(servers.map((s) => s.stop()));
    postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(
  `\n${BUYERS} concurrent buyers for ${SECONDS} s each (cart of 2 cooperatives → review → place, VietQR), then a race for ${HOT_STOCK} units; load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}:`,
);
console.table(results);
if (results.some((r) => r['stock check'] !== 'ok')) {
  console.error('STOCK CHECK FAILED');
  process.exitCode = 1;
}
