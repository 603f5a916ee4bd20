import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startTestServer } from '../../tests/helpers/server';

// npm run bench:http [-- --seconds 8 --connections 10]
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 8);
const CONNECTIONS = arg('connections', 10);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-http-bench-'));
console.log('Starting the built server on a fresh demo database…');
const server = await startTestServer({
  dataDir,
  env: { SEARCH_ENGINE: process.env.SEARCH_ENGINE ?? 'sqlite' },
});
try {
  const api = (await (await fetch(`${server.url}/api/search?per_page=1&stars=5`)).json()) as {
    hits: Array<{ url: string }>;
  };
  const productPath = api.hits[0]?.url ?? '/';
  const targets: Array<[string, string]> = [
    ['home', '/'],
    ['catalogue', '/san-pham?q=che&province=lao-cai'],
    ['search API', '/api/search?q=mat+ong&stars=4&stars=5'],
    ['product', productPath],
  ];
  const rows = [];
  for (const [name, urlPath] of targets) {
    const result = await autocannon({
      url: `${server.url}${urlPath}`,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    rows.push({
      page: name,
      path: urlPath,
      'req/s (avg)': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s per page, engine ${process.env.SEARCH_ENGINE ?? 'sqlite'}:`,
  );
  console.table(rows);
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
