import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { catalogueSearchDocuments, seedReferenceData } from '~/catalogue/index.server';
import {
  createSqliteSearchIndex,
  loadFoldedSynonyms,
  createPlaceIndexLoader,
  withUnderstanding,
} from '~/search/index.server';
import { emptyQuery, type SearchIndex } from '~/search';
import { BENCH_QUERIES } from './search-queries';
import { ms, summarize } from './stats';
import { buildSyntheticCatalogue } from './synthetic-catalogue';

// tsx scripts/bench/search-embedded.ts [--products 100000] [--runs 10] [--keep FILE] [--only LABEL]
// Only the embedded engine, quicker than bench:search while iterating; --keep reuses a built catalogue.
const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const PRODUCTS = Number(argValue('products') ?? 100_000);
const RUNS = Number(argValue('runs') ?? 10);
const keep = argValue('keep');
const only = argValue('only');

const dir = keep ? path.dirname(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-bench-'));
const file = keep ?? path.join(dir, 'bench.sqlite');
const fresh = !fs.existsSync(file);
const { db, sqlite } = openDatabase(file);
try {
  if (fresh) {
    await migrateToLatest(db);
    await seedReferenceData(db);
    const started = performance.now();
    await buildSyntheticCatalogue(db, PRODUCTS, path.resolve('seeds'));
    console.log(
      `Built ${PRODUCTS} products in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  } else {
    await migrateToLatest(db);
  }
  const places = createPlaceIndexLoader(db, catalogueSearchDocuments);
  const time = async (engine: SearchIndex) => {
    const all: number[] = [];
    const rows = [];
    for (const [label, overrides] of BENCH_QUERIES) {
      if (only && !label.includes(only)) continue;
      const query = emptyQuery({ perPage: 24, ...overrides });
      await engine.search(query);
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        total = (await engine.search(query)).total;
        samples.push(performance.now() - started);
      }
      all.push(...samples);
      const s = summarize(samples);
      rows.push({ query: label, hits: total, p50: ms(s.p50), p95: ms(s.p95) });
    }
    return { rows, overall: summarize(all) };
  };
  for (const size of [0, 500]) {
    const engine = withUnderstanding(
      createSqliteSearchIndex(db, loadFoldedSynonyms(), { facetCacheSize: size }),
      places,
    );
    const result = await time(engine);
    console.log(`\nEmbedded engine, facet cache ${size ? 'on' : 'off'}, ${RUNS} runs per query:`);
    console.table(result.rows);
    console.log(`Overall p50 ${ms(result.overall.p50)}, p95 ${ms(result.overall.p95)}`);
  }
  console.log(
    `Load average: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
} finally {
  await db.destroy();
  if (sqlite.open) sqlite.close();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}
