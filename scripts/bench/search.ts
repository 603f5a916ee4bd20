import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import {
  listIndexableProductIds,
  loadSearchDocuments,
  seedReferenceData,
} from '~/catalogue/index.server';
import {
  createMeilisearchIndex,
  startManagedMeilisearch,
  createSqliteSearchIndex,
  loadFoldedSynonyms,
} from '~/search/index.server';
import { emptyQuery, type SearchIndex, type SearchQuery } from '~/search';
import { ms, summarize } from './stats';
import { buildSyntheticCatalogue } from './synthetic-catalogue';

// npm run bench:search [-- --products 100000 --runs 30]
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PRODUCTS = arg('products', 100_000);
const RUNS = arg('runs', 30);

export const BENCH_QUERIES: Array<[string, Partial<SearchQuery>]> = [
  ['browse all', {}],
  ['mien dong', { q: 'mien dong' }],
  ['che shan tuyet', { q: 'che shan tuyet' }],
  ['prefix "che sh"', { q: 'che sh' }],
  ['tra (synonym)', { q: 'tra' }],
  ['mat ong rung', { q: 'mat ong rung' }],
  ['gao + Điện Biên', { q: 'gao', provinceCodes: ['11'] }],
  ['ocop 4 sao', { q: 'ocop 4 sao' }],
  ['trau gac bep, price_asc', { q: 'trau gac bep', sort: 'price_asc' }],
  ['dac san lao cai', { q: 'dac san lao cai' }],
  ['yen bai (former name)', { q: 'yen bai' }],
  ['group beverage + 5 stars', { groups: ['beverage'], stars: [5] }],
  ['price 100k–200k in stock', { minPriceVnd: 100_000, maxPriceVnd: 199_999, inStockOnly: true }],
  ['newest', { sort: 'newest' }],
  ['stars sort + herbal', { groups: ['herbal'], sort: 'stars' }],
  ['thao qua page 5', { q: 'thao qua', page: 5 }],
  ['ruou ngo bac ha', { q: 'ruou ngo bac ha' }],
  ['tho cam', { q: 'tho cam' }],
  ['m (one letter)', { q: 'm' }],
  ['no match', { q: 'xyzzyqwerty' }],
];

async function timeQueries(engine: SearchIndex) {
  const all: number[] = [];
  const rows: Array<{ query: string; hits: number; p50: number; p95: number; p99: number }> = [];
  for (const [label, overrides] of BENCH_QUERIES) {
    const query = emptyQuery({ perPage: 24, ...overrides });
    await engine.search(query); // warm-up
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await engine.search(query);
      samples.push(performance.now() - started);
      total = result.total;
    }
    all.push(...samples);
    rows.push({ query: label, hits: total, ...summarize(samples) });
  }
  return { rows, overall: summarize(all) };
}

type Timings = Awaited<ReturnType<typeof timeQueries>>;

/** One row per query with both engines' hit counts and p95s, so they compare at a glance. */
function printSideBySide(cold: Timings, warm: Timings, meili: Timings) {
  console.log(
    '\nSide by side (p95; Meilisearch counts more hits where typo tolerance matches more words):',
  );
  console.table(
    BENCH_QUERIES.map(([label], i) => {
      const [c, w, m] = [cold.rows[i], warm.rows[i], meili.rows[i]];
      if (!c || !w || !m) throw new Error(`no timing for query ${label}`);
      return {
        query: label,
        'SQLite hits': c.hits,
        'Meili hits': m.hits,
        'SQLite p95 (cache off)': ms(c.p95),
        'SQLite p95 (cache on)': ms(w.p95),
        'Meili p95': ms(m.p95),
      };
    }),
  );
  console.log(
    `Overall p95: SQLite ${ms(cold.overall.p95)} (cache off), ${ms(warm.overall.p95)} (cache on); Meilisearch ${ms(meili.overall.p95)}`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-bench-'));
try {
  const { db, sqlite } = openDatabase(path.join(dir, 'bench.sqlite'));
  await migrateToLatest(db);
  await seedReferenceData(db);
  console.log(
    `Building a ${PRODUCTS.toLocaleString('en')}-product catalogue from the demo vocabulary…`,
  );
  const started = performance.now();
  await buildSyntheticCatalogue(db, PRODUCTS, path.resolve('seeds'));
  const buildSeconds = (performance.now() - started) / 1000;
  const size = fs.statSync(path.join(dir, 'bench.sqlite')).size;
  console.log(
    `SQLite FTS5 index build (insert + index, transactional): ${buildSeconds.toFixed(1)} s, database ${(size / 1048576).toFixed(0)} MiB`,
  );

  const report = (name: string, result: Awaited<ReturnType<typeof timeQueries>>, goal: number) => {
    console.log(`\n${name}, ${RUNS} runs per query, facets included:`);
    console.table(
      result.rows.map((r) => ({
        query: r.query,
        hits: r.hits,
        p50: ms(r.p50),
        p95: ms(r.p95),
        p99: ms(r.p99),
      })),
    );
    console.log(
      `All queries: p50 ${ms(result.overall.p50)}, p95 ${ms(result.overall.p95)}, p99 ${ms(result.overall.p99)} (goal: p95 < ${goal} ms)`,
    );
  };
  // The embedded engine caches facet counts per query text; "cold" turns that off so every run pays for them.
  const cold = await timeQueries(
    createSqliteSearchIndex(db, loadFoldedSynonyms(), { facetCacheSize: 0 }),
  );
  const warm = await timeQueries(createSqliteSearchIndex(db, loadFoldedSynonyms()));
  report('Embedded engine (SQLite FTS5), facet cache off', cold, 30);
  report('Embedded engine (SQLite FTS5), facet cache on (the app default)', warm, 30);

  const meili = await startManagedMeilisearch({
    dataDir: dir,
    logDir: path.join(dir, 'logs'),
    keyFile: path.join(dir, 'meili.key'),
  });
  try {
    const index = createMeilisearchIndex({
      url: meili.url,
      apiKey: meili.apiKey,
      taskTimeoutMs: 600_000,
    });
    await index.ensureSettings();
    const indexStarted = performance.now();
    const ids = await listIndexableProductIds(db);
    for (let i = 0; i < ids.length; i += 10_000) {
      const documents = await loadSearchDocuments(db, ids.slice(i, i + 10_000));
      await index.upsert([...documents.values()]);
    }
    console.log(
      `\nMeilisearch index build (${ids.length.toLocaleString('en')} documents, batches of 10,000, waiting for every task): ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`,
    );
    const meiliResult = await timeQueries(index);
    report('Meilisearch 1.21', meiliResult, 15);
    printSideBySide(cold, warm, meiliResult);
  } finally {
    await meili.stop();
  }
  await db.destroy();
  if (sqlite.open) sqlite.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
