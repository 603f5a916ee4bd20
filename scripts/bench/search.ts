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
  catalogueSearchDocuments,
} from '~/catalogue/index.server';
import {
  createMeilisearchIndex,
  startManagedMeilisearch,
  createSqliteSearchIndex,
  loadFoldedSynonyms,
  createPlaceIndexLoader,
  withUnderstanding,
  createMeiliHttpClient,
} from '~/search/index.server';
import { Meilisearch } from 'meilisearch';
import { createStockMeilisearch } from './stock-meili';
import { emptyQuery, type SearchIndex } from '~/search';
import { BENCH_QUERIES } from './search-queries';
import { ms, summarize } from './stats';
import { buildSyntheticCatalogue } from './synthetic-catalogue';

// npm run bench:search [-- --products 100000 --runs 30]
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PRODUCTS = arg('products', 100_000);
const RUNS = arg('runs', 30);

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

/** One row per query with every engine's hit counts and p95s, and our Meilisearch against stock. */
function printSideBySide(cold: Timings, warm: Timings, meili: Timings, stock: Timings) {
  console.log(
    '\nSide by side (p95; stock Meilisearch runs the raw text with no filters or facets, so it does less work):',
  );
  console.table(
    BENCH_QUERIES.map(([label], i) => {
      const [c, w, m, k] = [cold.rows[i], warm.rows[i], meili.rows[i], stock.rows[i]];
      if (!c || !w || !m || !k) throw new Error(`no timing for query ${label}`);
      return {
        query: label,
        'SQLite hits': c.hits,
        'Meili hits': m.hits,
        'stock hits': k.hits,
        'SQLite p95 (cache off)': ms(c.p95),
        'SQLite p95 (cache on)': ms(w.p95),
        'Meili p95': ms(m.p95),
        'stock p95': ms(k.p95),
        'Meili/stock p50': (m.p50 / Math.max(0.001, k.p50)).toFixed(2),
      };
    }),
  );
  const o = (t: Timings) => `p50 ${ms(t.overall.p50)}, p95 ${ms(t.overall.p95)}`;
  console.log(
    `Overall: SQLite ${o(cold)} (cache off), ${o(warm)} (cache on); our Meilisearch ${o(meili)}; stock Meilisearch ${o(stock)}`,
  );
  console.log(
    `Ratios of medians: our Meilisearch / stock ${(meili.overall.p50 / stock.overall.p50).toFixed(2)}, embedded (cache on) / stock ${(warm.overall.p50 / stock.overall.p50).toFixed(2)}`,
  );
  console.log(`Load average (1, 5, 15 min) at the end: ${loadAverage()}`);
}

/**
 * Where Meilisearch spends its time on broad queries: the same search with our settings, without the
 * facet distribution, without exact totals, and with a sort, each timed alone (medians of RUNS).
 */
async function whereTimeGoes(url: string, apiKey: string) {
  // The app's transport (node:http, kept-alive) and, for comparison, the client's default global fetch.
  const products = new Meilisearch({
    host: url,
    apiKey,
    httpClient: createMeiliHttpClient(),
  }).index('products');
  const throughFetch = new Meilisearch({ host: url, apiKey }).index('products');
  const facets = ['provinceCode', 'group', 'ocopStars', 'priceBucket', 'inStock'];
  const variants: Array<[string, Record<string, unknown>]> = [
    ['page + 5 facets (as the app)', { page: 1, hitsPerPage: 24, facets }],
    ['page, no facets', { page: 1, hitsPerPage: 24 }],
    ['limit (estimated total), no facets', { limit: 24 }],
    ['page + 1 facet (provinceCode)', { page: 1, hitsPerPage: 24, facets: ['provinceCode'] }],
    ['page + facets, sort priceVnd', { page: 1, hitsPerPage: 24, facets, sort: ['priceVnd:asc'] }],
    ['page + 5 facets, through fetch', { page: 1, hitsPerPage: 24, facets }],
  ];
  const rows = [];
  for (const q of ['', 'm', 'che', 'mien dong']) {
    const row: Record<string, string> = { q: q || '(browse)' };
    for (const [label, params] of variants) {
      const index = label.endsWith('through fetch') ? throughFetch : products;
      await index.search(q, params);
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await index.search(q, params);
        samples.push(performance.now() - started);
      }
      row[label] = ms(summarize(samples).p50);
    }
    rows.push(row);
  }
  console.log('\nWhere the time goes (Meilisearch, our index, p50 per variant):');
  console.table(rows);
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

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
  console.log(`Load average (1, 5, 15 min) before timing: ${loadAverage()}`);
  // Both our engines answer through query understanding, as in the app (decision 012).
  const places = createPlaceIndexLoader(db, catalogueSearchDocuments);
  // The embedded engine caches facet counts per query text; "cold" turns that off so every run pays for them.
  const cold = await timeQueries(
    withUnderstanding(
      createSqliteSearchIndex(db, loadFoldedSynonyms(), { facetCacheSize: 0 }),
      places,
    ),
  );
  const warm = await timeQueries(
    withUnderstanding(createSqliteSearchIndex(db, loadFoldedSynonyms()), places),
  );
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
    const allDocuments = [];
    for (let i = 0; i < ids.length; i += 10_000) {
      const documents = [...(await loadSearchDocuments(db, ids.slice(i, i + 10_000))).values()];
      allDocuments.push(...documents);
      await index.upsert(documents);
    }
    console.log(
      `\nMeilisearch index build (${ids.length.toLocaleString('en')} documents, batches of 10,000, waiting for every task): ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`,
    );
    const meiliResult = await timeQueries(withUnderstanding(index, places));
    report('Meilisearch 1.21, our settings and query understanding', meiliResult, 15);
    const stockStarted = performance.now();
    const stock = await createStockMeilisearch(meili.url, meili.apiKey, allDocuments);
    console.log(
      `\nStock Meilisearch index build (same documents): ${((performance.now() - stockStarted) / 1000).toFixed(1)} s`,
    );
    const stockResult = await timeQueries(stock);
    report('Meilisearch 1.21, stock settings, raw text', stockResult, 15);
    printSideBySide(cold, warm, meiliResult, stockResult);
    await whereTimeGoes(meili.url, meili.apiKey);
  } finally {
    await meili.stop();
  }
  await db.destroy();
  if (sqlite.open) sqlite.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
