import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import {
  createStampKeyring,
  signStamp,
  verifyStamp,
  streamLabelsPdf,
  type StampLabel,
} from '~/traceability/index.server';
import { buildStampUrl, type LabelLayoutId, serialToString } from '~/traceability';
import { percentile } from './stats';

// tsx scripts/bench/stamps-core.ts [-- --stamps 1000000 --labels 1000 --runs 3]
// The database-free part of `npm run bench:stamps`: HMAC authenticators and label PDFs.
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const STAMPS = arg('stamps', 1_000_000);
const LABELS = arg('labels', 1_000);
const RUNS = arg('runs', 3);

const keyring = createStampKeyring('1', { '1': randomBytes(32) });
const GTIN = '08930000000019';
const LOT = 'L2025-07';

function median(samples: number[]) {
  return percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );
}

function timeSign(): { ms: number; codes: string[] } {
  const codes = new Array<string>(STAMPS);
  const start = performance.now();
  for (let n = 0; n < STAMPS; n++)
    codes[n] = signStamp(keyring, { gtin: GTIN, lot: LOT, serial: serialToString(n + 1) });
  return { ms: performance.now() - start, codes };
}

function timeVerify(codes: string[]): number {
  const start = performance.now();
  let genuine = 0;
  for (let n = 0; n < STAMPS; n++)
    if (
      verifyStamp(keyring, { gtin: GTIN, lot: LOT, serial: serialToString(n + 1) }, codes[n] ?? '')
    )
      genuine++;
  const elapsed = performance.now() - start;
  if (genuine !== STAMPS) throw new Error(`only ${genuine} of ${STAMPS} stamps verified`);
  return elapsed;
}

function* labels(count: number): Generator<StampLabel> {
  for (let n = 1; n <= count; n++) {
    const identity = { gtin: GTIN, lot: LOT, serial: serialToString(n) };
    yield {
      url: buildStampUrl('https://chophien.vn', identity, signStamp(keyring, identity)),
      productName: 'Chè Shan Tuyết cổ thụ Suối Giàng — hộp 100 g',
      lot: LOT,
      serial: identity.serial,
    };
  }
}

async function timePdf(
  layout: LabelLayoutId,
): Promise<{ ms: number; bytes: number; pages: number }> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const start = performance.now();
  const { pages } = await streamLabelsPdf({ layout, labels: labels(LABELS), out: sink });
  return { ms: performance.now() - start, bytes, pages };
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

const sign: number[] = [];
const verify: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const signed = timeSign();
  sign.push(signed.ms);
  verify.push(timeVerify(signed.codes));
}
console.log(
  `sign   ${STAMPS.toLocaleString('en-US')} authenticators: median ${fmt(median(sign))} of ${RUNS} (${sign.map(fmt).join(', ')})`,
);
console.log(
  `verify ${STAMPS.toLocaleString('en-US')} authenticators: median ${fmt(median(verify))} of ${RUNS} (${verify.map(fmt).join(', ')})`,
);

for (const layout of ['a4-65', 'a4-40', 'roll-50x30'] as const) {
  const runs: Array<{ ms: number; bytes: number; pages: number }> = [];
  for (let run = 0; run < RUNS; run++) runs.push(await timePdf(layout));
  const { bytes, pages } = runs[0] ?? { bytes: 0, pages: 0 };
  console.log(
    `pdf ${layout.padEnd(10)} ${LABELS.toLocaleString('en-US')} labels: median ${fmt(median(runs.map((r) => r.ms)))} of ${RUNS}` +
      ` (${pages} pages, ${(bytes / 1024).toFixed(0)} KiB)`,
  );
}
