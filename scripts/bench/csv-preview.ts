import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '~db/connection.server';
import { FormClient } from '../../tests/helpers/browser-less';
import { startTestServer } from '../../tests/helpers/server';

// npm run bench:csv [-- --runs 3 --seeded-from data/cho-phien.sqlite]
// Does a maximum-size spreadsheet preview (2 MB, every row valid, so every row is checked) hold the
// server? /healthz is asked one request after another, first idle, then while previews run; the
// report gives both latency distributions and their ratio.
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 3);
const MAX_BYTES = 2 * 1024 * 1024;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-csv-bench-'));
// A copy of an already seeded demo database starts faster than seeding a fresh one.
const seededFrom = process.argv.indexOf('--seeded-from');
if (seededFrom > 0)
  fs.copyFileSync(process.argv[seededFrom + 1] ?? '', path.join(dataDir, 'cho-phien.sqlite'));
console.log('Starting the built server on a fresh demo database…');
const server = await startTestServer({ dataDir });
const { db } = openDatabase(path.join(dataDir, 'cho-phien.sqlite'));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50).toFixed(1),
    p99: percentile(sorted, 99).toFixed(1),
    max: (sorted[sorted.length - 1] ?? NaN).toFixed(1),
  };
};

async function healthzWhile(running: () => boolean, minSamples = 0): Promise<number[]> {
  const samples: number[] = [];
  while (running() || samples.length < minSamples) {
    const start = performance.now();
    await (await fetch(`${server.url}/healthz`)).arrayBuffer();
    samples.push(performance.now() - start);
  }
  return samples;
}

try {
  const org = await db
    .selectFrom('organizations as o')
    .innerJoin('provinces as p', 'p.code', 'o.province_code')
    .select(['o.id', 'o.name', 'o.slug', 'p.name as province', 'o.province_code'])
    .where('o.verification_state', '=', 'approved')
    .where('o.province_code', '=', '12')
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
  const commune = await db
    .selectFrom('communes')
    .select('name')
    .where('province_code', '=', org.province_code)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const header =
    'cooperative,province,commune,name,description,group,category,unit,price_vnd,stock,ocop_stars,ocop_certificate_no,ocop_issued_on,gtin,weight_g,image';
  const lines = [header];
  let size = header.length + 1;
  // The most a web import takes: 1,000 rows (MAX_SELLER_CSV_ROWS), descriptions long enough for 2 MB.
  const filler = 'Mứt mận sấy dẻo, làm thủ công từ mận Tam Đường chín cây. '.repeat(30);
  for (let i = 1; i <= 1000; i++) {
    const line = `${org.name},${org.province},${commune.name},Sản phẩm thử số ${i},"Mô tả ${i}: ${filler}",food,Mứt,hộp,${1000 + i},10,,,,,,`;
    if (size + Buffer.byteLength(line) + 1 > MAX_BYTES) break;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  const csv = `${lines.join('\n')}\n`;
  console.log(`CSV: ${lines.length - 1} rows, ${(Buffer.byteLength(csv) / 1024).toFixed(0)} KiB`);

  const producer = new FormClient(server.url);
  const signIn = await producer.post('/dang-nhap', {
    identifier: `${org.slug}@chophien.test`,
    password: 'chophien-producer-demo',
  });
  if (signIn.status !== 302) throw new Error(`sign-in answered ${signIn.status}`);

  const idle = await healthzWhile(() => false, 300);
  const during: number[] = [];
  const previews: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const form = new FormData();
    form.set('intent', 'preview');
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'lon.csv');
    let done = false;
    const start = performance.now();
    const preview = producer
      .post(`/kenh-nguoi-ban/to-chuc/${org.id}/nhap-csv`, form)
      .then(async (r) => {
        const html = await r.text();
        done = true;
        previews.push(performance.now() - start);
        if (r.status !== 200 || !html.includes('Xem trước'))
          throw new Error(`preview answered ${r.status}`);
      });
    during.push(...(await healthzWhile(() => !done)));
    await preview;
  }
  // Then the import of the same file: one transaction of every row.
  const encoded = await (async () => {
    const form = new FormData();
    form.set('intent', 'preview');
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'lon.csv');
    const html = await (
      await producer.post(`/kenh-nguoi-ban/to-chuc/${org.id}/nhap-csv`, form)
    ).text();
    return /name="csv" value="([^"]+)"/.exec(html)?.[1] ?? '';
  })();
  let importing = true;
  const importStart = performance.now();
  const imported = producer
    .post(`/kenh-nguoi-ban/to-chuc/${org.id}/nhap-csv`, { intent: 'import', csv: encoded })
    .then(async (r) => {
      await r.text();
      importing = false;
      if (r.status !== 200) throw new Error(`import answered ${r.status}`);
      return performance.now() - importStart;
    });
  const duringImport = await healthzWhile(() => importing);
  const importMs = await imported;
  const idleStats = summary(idle);
  const duringStats = summary(during);
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`preview of the 2 MB file, ${RUNS} runs: median ${summary(previews).p50} ms`);
  console.log(`/healthz idle        (ms): ${JSON.stringify(idleStats)}`);
  console.log(`/healthz during preview (ms): ${JSON.stringify(duringStats)}`);
  console.log(`import of the same file: ${importMs.toFixed(0)} ms`);
  console.log(`/healthz during import (ms): ${JSON.stringify(summary(duringImport))}`);
  console.log(
    `ratio p99 during preview / idle: ${(Number(duringStats.p99) / Number(idleStats.p99)).toFixed(1)}`,
  );
} finally {
  await db.destroy();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
