import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { loadActor } from '~/accounts/index.server';
import { seedDemo } from '~/demo/index.server';
import { createBatch, issueStamps, loadStampKeyring, stampUrl } from '~/traceability/index.server';
import { FormClient } from '../../tests/helpers/browser-less';
import { startTestServer } from '../../tests/helpers/server';

// npm run bench:http [-- --seconds 2 --rounds 2 --connections 10,20 --pages home,product --modes anonymous]
// Our built server and the bare Remix baseline (../shared/bench/remix-baseline, built into
// .cache/remix-baseline on first use) measured interleaved in one run: for every page, connection count
// and cookie mode, baseline round, our round, baseline round… The figures that mean something on a
// shared machine are the ratios of medians (ours ÷ baseline) and the load average printed with them.
const ROOT = path.resolve(import.meta.dirname, '../..');
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SECONDS = Number(flag('seconds') ?? 2);
const ROUNDS = Number(flag('rounds') ?? 2);
const CONNECTIONS = (flag('connections') ?? '10,20').split(',').map(Number);
const PAGES = flag('pages')?.split(',');
const MODES = (flag('modes') ?? 'anonymous,session').split(',') as Array<'anonymous' | 'session'>;
const PORT = Number(process.env.BENCH_PORT ?? 3225);
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 3235);
const BASELINE_DIR = path.join(ROOT, '.cache/remix-baseline');

/** Copies and builds the baseline into .cache/ when it is not there yet. */
function ensureBaseline() {
  if (fs.existsSync(path.join(BASELINE_DIR, 'build/server/index.js'))) return;
  const source = [
    process.env.REMIX_BASELINE_DIR,
    path.resolve(ROOT, '../shared/bench/remix-baseline'),
    path.resolve(ROOT, '../../shared/bench/remix-baseline'),
  ].find((dir) => dir && fs.existsSync(path.join(dir, 'package.json')));
  if (!source) throw new Error('The Remix baseline was not found: set REMIX_BASELINE_DIR.');
  console.log(`Building the Remix baseline from ${source} into .cache/remix-baseline…`);
  fs.rmSync(BASELINE_DIR, { recursive: true, force: true });
  fs.cpSync(source, BASELINE_DIR, {
    recursive: true,
    filter: (from) => !/node_modules|[\\/]build$/.test(from),
  });
  for (const args of [
    ['install', '--no-audit', '--no-fund'],
    ['run', 'build'],
  ]) {
    const run = spawnSync('npm', args, { cwd: BASELINE_DIR, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${BASELINE_DIR}`);
  }
}

async function startBaseline(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(BASELINE_DIR, 'node_modules/@remix-run/serve/dist/cli.js'), 'build/server/index.js'],
    {
      cwd: BASELINE_DIR,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(BASELINE_PORT) },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${BASELINE_PORT}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('the baseline exited');
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('the baseline did not start');
}

/** A demo database with a small stamp batch (for the scan page), prepared before the server opens it. */
async function prepareDatabase(dataDir: string) {
  const { db } = openDatabase(path.join(dataDir, 'cho-phien.sqlite'));
  await migrateToLatest(db);
  await seedDemo(db, {
    demo: true,
    uploadsDir: path.join(dataDir, 'uploads'),
    seedsDir: path.join(ROOT, 'seeds'),
  });
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
    lotCode: 'HTTP-BENCH',
    producedOn: '2026-07-01',
    expiresOn: '2028-07-01',
    quantity: 100,
    quantityUnit: 'gói',
    communeCode: product.origin_commune_code ?? '03390',
    latitude: null,
    longitude: null,
    areaName: '',
    notes: '',
  });
  const issueId = await issueStamps(db, actor, batchId, 100, keyring);
  for (;;) {
    const { status } = await db
      .selectFrom('stamp_issues')
      .select('status')
      .where('id', '=', issueId)
      .executeTakeFirstOrThrow();
    if (status === 'done') break;
    if (status === 'failed') throw new Error('the stamp issue failed');
    await new Promise((r) => setTimeout(r, 20));
  }
  const batch = await db
    .selectFrom('batches')
    .select(['id', 'gtin', 'lot_code'])
    .where('id', '=', batchId)
    .executeTakeFirstOrThrow();
  const scanPath = stampUrl(
    keyring,
    'https://x.vn',
    { id: batch.id, gtin: batch.gtin, lotCode: batch.lot_code },
    7,
  ).slice('https://x.vn'.length);
  await db.destroy();
  return scanPath;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** User + system CPU milliseconds a process has used (Linux /proc), or NaN elsewhere. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

async function measure(
  url: string,
  connections: number,
  seconds: number,
  cookie?: string,
  pid?: number,
) {
  const cpuBefore = pid ? cpuMs(pid) : NaN;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: cookie ? { cookie } : {},
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    // CPU per request is steadier than req/s when other work shares the machine.
    cpuPerRequest: (cpuMs(pid ?? 0) - cpuBefore) / Math.max(1, result.requests.total),
  };
}

ensureBaseline();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-http-bench-'));
console.log('Preparing a demo database with a stamp batch…');
const scanPath = await prepareDatabase(dataDir);
console.log(`Starting the baseline (:${BASELINE_PORT}) and our built server (:${PORT})…`);
const baseline = await startBaseline();
const server = await startTestServer({
  dataDir,
  port: PORT,
  env: { SEARCH_ENGINE: process.env.SEARCH_ENGINE ?? 'sqlite' },
});
try {
  const buyer = new FormClient(server.url);
  await buyer.post('/dang-ky', {
    displayName: 'Người Đo Tải',
    identifier: 'bench-http@chophien.test',
    password: 'mat-khau-rat-dai-cho-bench',
    redirectTo: '',
  });
  const sessionCookie = buyer.cookieHeader;
  if (!sessionCookie.includes('__session')) throw new Error('signing up gave no session cookie');
  const api = (await (await fetch(`${server.url}/api/search?per_page=1&stars=5`)).json()) as {
    hits: Array<{ url: string }>;
  };
  const productPath = new URL(api.hits[0]?.url ?? '/', server.url).pathname;
  const pages: Array<[string, string]> = (
    [
      ['home', '/'],
      ['catalogue', '/san-pham'],
      ['filtered catalogue', '/san-pham?q=che&province=lao-cai'],
      ['product', productPath],
      ['search API', '/api/search?q=mat+ong&stars=4&stars=5'],
      ['scan page', scanPath],
    ] as Array<[string, string]>
  ).filter(([name]) => !PAGES || PAGES.some((p) => name.startsWith(p)));
  for (const [name, urlPath] of pages) {
    const check = await fetch(`${server.url}${urlPath}`);
    if (!check.ok) throw new Error(`${name} (${urlPath}) answered ${check.status}`);
    await check.arrayBuffer();
  }
  console.log(`Warming up (load average ${load()})…`);
  for (const [, urlPath] of pages) await measure(`${server.url}${urlPath}`, 10, 1);
  await measure(baseline.url, 10, 1);

  const rows: Array<{
    page: string;
    mode: string;
    ratio: number;
    'p99 ratio': number;
    errors: number;
    [column: string]: string | number;
  }> = [];
  for (const connections of CONNECTIONS) {
    for (const mode of MODES) {
      for (const [name, urlPath] of pages) {
        const ours = [];
        const base = [];
        for (let round = 0; round < ROUNDS; round++) {
          base.push(
            await measure(baseline.url, connections, SECONDS, undefined, baseline.child.pid),
          );
          ours.push(
            await measure(
              `${server.url}${urlPath}`,
              connections,
              SECONDS,
              mode === 'session' ? sessionCookie : undefined,
              server.pid,
            ),
          );
        }
        const row = {
          page: name,
          conns: connections,
          mode,
          'req/s': Math.round(median(ours.map((r) => r.rps))),
          'base req/s': Math.round(median(base.map((r) => r.rps))),
          ratio: +(median(ours.map((r) => r.rps)) / median(base.map((r) => r.rps))).toFixed(2),
          p50: median(ours.map((r) => r.p50)),
          p99: median(ours.map((r) => r.p99)),
          'base p50': median(base.map((r) => r.p50)),
          'base p99': median(base.map((r) => r.p99)),
          'p99 ratio': +(
            median(ours.map((r) => r.p99)) / Math.max(1, median(base.map((r) => r.p99)))
          ).toFixed(2),
          'CPU ms/req': +median(ours.map((r) => r.cpuPerRequest)).toFixed(2),
          'base CPU ms/req': +median(base.map((r) => r.cpuPerRequest)).toFixed(2),
          errors: ours.reduce((n, r) => n + r.errors, 0) + base.reduce((n, r) => n + r.errors, 0),
          load1: +os.loadavg()[0]!.toFixed(2),
        };
        rows.push(row);
        console.log(
          `${name} · ${connections} conns · ${mode}: ${row.ratio}× (${row['req/s']} vs ${row['base req/s']} req/s), p99 ${row.p99} vs ${row['base p99']} ms, CPU ${row['CPU ms/req']} vs ${row['base CPU ms/req']} ms/req, load ${load()}`,
        );
      }
    }
  }
  console.log(
    `\n${SECONDS} s rounds × ${ROUNDS}, interleaved with the baseline; medians; load average now ${load()} on ${os.cpus().length} CPUs:`,
  );
  console.table(rows);
  const anonymous = rows.filter((r) => r.mode === 'anonymous' && r.page !== 'scan page');
  const session = rows.filter((r) => r.mode === 'session');
  const minRatio = (list: typeof rows) => Math.min(...list.map((r) => r.ratio));
  console.log('Goals:');
  console.table([
    {
      goal: 'anonymous pages ≥ 1.5× baseline req/s',
      worst: anonymous.length ? minRatio(anonymous) : NaN,
      met: anonymous.every((r) => r.ratio >= 1.5),
    },
    {
      goal: 'signed-in (uncached) ≥ 0.6×',
      worst: session.length ? minRatio(session) : NaN,
      met: session.every((r) => r.ratio >= 0.6),
    },
    {
      goal: 'p99 ≤ 3× baseline p99',
      worst: Math.max(...rows.map((r) => r['p99 ratio'])),
      met: rows.every((r) => r['p99 ratio'] <= 3),
    },
    {
      goal: '0 errors',
      worst: rows.reduce((n, r) => n + r.errors, 0),
      met: rows.every((r) => !r.errors),
    },
  ]);
} finally {
  await server.stop();
  baseline.child.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
