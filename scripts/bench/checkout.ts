import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '~db/connection.server';
import { FormClient } from '../../tests/helpers/browser-less';
import { startTestServer } from '../../tests/helpers/server';

// npm run bench:checkout [-- --buyers 50 --seconds 20 --hot-stock 200]
// Real HTTP against the built server: each buyer adds two products of two cooperatives to a guest cart,
// asks for the review (delivery fees) and places the order, over and over. A second phase has every buyer
// race for the last units of one product. Ends with a stock check against the orders written.
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const BUYERS = arg('buyers', 50);
const SECONDS = arg('seconds', 20);
const HOT_STOCK = arg('hot-stock', 200);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-checkout-bench-'));
console.log('Starting the built server on a fresh demo database…');
const server = await startTestServer({
  dataDir,
  env: {
    VIETQR_BANK_BIN: '970436',
    VIETQR_ACCOUNT_NUMBER: '0011004455667',
    VIETQR_ACCOUNT_NAME: 'CHO PHIEN BENCH',
  },
});
const { db, sqlite } = openDatabase(path.join(dataDir, 'cho-phien.sqlite'));

/** User + system CPU milliseconds the server process has used (Linux /proc), or NaN elsewhere. */
function serverCpuMs(): number {
  try {
    const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

try {
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
    const client = new FormClient(server.url);
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
  const cpuStart = serverCpuMs();
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
  const serverCpu = serverCpuMs() - cpuStart;
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

  console.log(
    `\n${BUYERS} concurrent buyers for ${SECONDS} s (cart of 2 cooperatives → review → place, VietQR):`,
  );
  console.table([
    {
      'checkouts/s': Math.round((placeTimes.length / elapsed) * 10) / 10,
      'orders/s': Math.round(((placeTimes.length * 2) / elapsed) * 10) / 10,
      'place p50 ms': Math.round(percentile(placeTimes, 50)),
      'place p99 ms': Math.round(percentile(placeTimes, 99)),
      'whole flow p50 ms': Math.round(percentile(flowTimes, 50)),
      'whole flow p99 ms': Math.round(percentile(flowTimes, 99)),
      checkouts: placeTimes.length,
      failures,
      // Steadier than the rates when other work shares the machine: what one checkout costs the server.
      'server CPU ms/checkout': Math.round((serverCpu / Math.max(1, placeTimes.length)) * 10) / 10,
      'orders per server CPU-s': Math.round(
        (placeTimes.length * 2 * 1000) / Math.max(1, serverCpu),
      ),
    },
  ]);
  console.log(
    `\nRace for ${HOT_STOCK} units of one product: ${hotSold} checkouts placed, ${hotRefused} refused (sold out).`,
  );
  console.log('Stock check (start − sold = left, never negative):');
  console.table(checks);
  if (!checks.every((c) => c.consistent) || hotSold !== HOT_STOCK) {
    console.error('STOCK CHECK FAILED');
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
  if (sqlite.open) sqlite.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
