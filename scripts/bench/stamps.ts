import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { openDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { loadActor } from '~/accounts/index.server';
import { seedDatabase } from '~/catalogue/index.server';
import {
  createBatch,
  loadStampKeyring,
  streamLabelsPdf,
  issueStamps,
  labelsForPrint,
  stampUrl,
} from '~/traceability/index.server';
import { startTestServer } from '../../tests/helpers/server';

// npm run bench:stamps [-- --stamps 1000000 --labels 1000 --seconds 10 --connections 10]
// 1. issuing N stamps through the domain function (request + background job) and the database growth;
// 2. the label PDF for L labels; 3. p50/p99 of the public scan page under load, against the built server.
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const STAMPS = arg('stamps', 1_000_000);
const LABELS = arg('labels', 1_000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 10);
const ROOT = path.resolve(import.meta.dirname, '../..');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-stamps-bench-'));
const databasePath = path.join(dataDir, 'cho-phien.sqlite');
const uploadsDir = path.join(dataDir, 'uploads');
const { db, sqlite } = openDatabase(databasePath);
const bytes = () => {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(databasePath).size;
};
/** Bytes actually used by rows and index entries (dbstat), which file size hides when a row fits a free page. */
const usedBytes = () =>
  Number((sqlite.prepare('select sum(pgsize - unused) as n from dbstat').get() as { n: number }).n);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

try {
  console.log('Preparing a fresh demo database…');
  await migrateToLatest(db);
  await seedDatabase(db, { demo: true, uploadsDir, seedsDir: path.join(ROOT, 'seeds') });
  const owner = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'htx-che-tam-duong@chophien.test')
    .executeTakeFirstOrThrow();
  const actor = (await loadActor(db, owner.id))!;
  const product = await db
    .selectFrom('products')
    .select(['id', 'origin_commune_code'])
    .where('slug', '=', 'che-xanh-tam-duong')
    .executeTakeFirstOrThrow();
  const keyring = loadStampKeyring({ dataDir, stamps: { keys: null, currentKeyId: null } });
  const batchId = await createBatch(db, actor, product.id, {
    lotCode: 'BENCH-01',
    producedOn: '2026-07-01',
    expiresOn: '2028-07-01',
    quantity: STAMPS,
    quantityUnit: 'gói',
    communeCode: product.origin_commune_code ?? '03390',
    latitude: null,
    longitude: null,
    areaName: '',
    notes: '',
  });

  // 1. Issue.
  const before = bytes();
  const usedBefore = usedBytes();
  const started = performance.now();
  const issueId = await issueStamps(db, actor, batchId, STAMPS, keyring);
  const returned = performance.now() - started;
  for (;;) {
    const { status } = await db
      .selectFrom('stamp_issues')
      .select('status')
      .where('id', '=', issueId)
      .executeTakeFirstOrThrow();
    if (status === 'done') break;
    if (status === 'failed') throw new Error('the issue failed');
    await new Promise((resolve) => setImmediate(resolve));
  }
  const issueMs = performance.now() - started;
  const growth = bytes() - before;
  const usedGrowth = usedBytes() - usedBefore;

  // 2. PDF for LABELS labels (a4-65), to a sink.
  const origin = 'https://chophien.vn';
  const pdfStart = performance.now();
  const { labels } = await labelsForPrint(
    db,
    actor,
    batchId,
    { start: 1, count: LABELS },
    keyring,
    origin,
  );
  let pdfBytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pdfBytes += chunk.length;
      done();
    },
  });
  const pdf = await streamLabelsPdf({ layout: 'a4-65', labels, out: sink });
  const pdfMs = performance.now() - pdfStart;
  await db.destroy();

  // 3. The scan page under load: genuine stamps spread over 10,000 serials, against the built server.
  console.log('Starting the built server on that database…');
  const server = await startTestServer({ dataDir });
  const batch = { id: batchId, gtin: '08938400000004', lotCode: 'BENCH-01' };
  const paths = Array.from({ length: 10_000 }, (_, i) =>
    stampUrl(keyring, server.url, batch, 1 + ((i * 97) % STAMPS)).slice(server.url.length),
  );
  let next = 0;
  let load;
  let baseline;
  try {
    const check = await (await fetch(`${server.url}${paths[0]}`)).text();
    if (!check.includes('Tem chính hãng')) throw new Error('the scan page did not say genuine');
    load = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
        },
      ],
    });
    // The product page under the same load, for scale (the machine may be shared).
    baseline = await autocannon({
      url: `${server.url}/san-pham/che-xanh-tam-duong`,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
  } finally {
    await server.stop();
  }

  console.log('\nTraceability stamps benchmark');
  console.table([
    {
      measure: `issue ${STAMPS.toLocaleString('en-US')} stamps: request returns`,
      value: `${returned.toFixed(1)} ms`,
    },
    {
      measure: `issue ${STAMPS.toLocaleString('en-US')} stamps: done (background job)`,
      value: `${issueMs.toFixed(1)} ms`,
      goal: '< 30 s',
    },
    { measure: 'database growth for the issue: file size', value: `${growth} bytes` },
    {
      measure: 'database growth for the issue: bytes used (rows, indexes, audit entry)',
      value: `${usedGrowth} bytes`,
    },
    {
      measure: `PDF of ${LABELS.toLocaleString('en-US')} labels (a4-65, ${pdf.pages} pages, ${mb(pdfBytes)})`,
      value: `${(pdfMs / 1000).toFixed(2)} s`,
      goal: '< 10 s',
    },
    {
      measure: `scan page p50 (${CONNECTIONS} connections, ${SECONDS} s)`,
      value: `${load.latency.p50} ms`,
    },
    { measure: 'scan page p99', value: `${load.latency.p99} ms`, goal: '< 50 ms' },
    {
      measure: 'scan page throughput',
      value: `${Math.round(load.requests.average)} req/s`,
      errors: load.errors + load.non2xx,
    },
    {
      measure: 'for scale: product page p50 / p99',
      value: `${baseline.latency.p50} / ${baseline.latency.p99} ms`,
      errors: baseline.errors + baseline.non2xx,
    },
  ]);
} finally {
  if (sqlite.open) sqlite.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
