import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '~db/connection.server';
import { migrateToLatest } from '~db/migrate.server';
import { catalogueSearchDocuments, seedDatabase } from '~/catalogue/index.server';
import { createLogger } from '~/lib/log.server';
import {
  createEmbeddedSync,
  createMeilisearchIndex,
  createOutboxWorker,
  startManagedMeilisearch,
  type ManagedMeilisearch,
  createSqliteSearchIndex,
  loadFoldedSynonyms,
  createPlaceIndexLoader,
  withUnderstanding,
} from '~/search/index.server';
import { createStockMeilisearch } from './stock-meili';
import {
  evaluateRelevance,
  loadRelevanceQueries,
  type RelevanceReport,
} from '../../tests/relevance/evaluate';

// npm run bench:relevance — recall@5 and MRR of tests/relevance/queries.json per kind for our Meilisearch
// configuration, our embedded engine (both with query understanding) and a stock-settings Meilisearch on the
// same documents, on a fresh copy of the demo catalogue and a Meilisearch started for the run (removed at the end).
const queries = loadRelevanceQueries();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-relevance-'));
const { db } = openDatabase(path.join(dir, 'db.sqlite'));
let meili: ManagedMeilisearch | undefined;
try {
  meili = await startManagedMeilisearch({
    dataDir: dir,
    logDir: path.join(dir, 'logs'),
    keyFile: path.join(dir, 'meili.key'),
  });
  await migrateToLatest(db);
  await seedDatabase(db, {
    demo: true,
    uploadsDir: path.join(dir, 'uploads'),
    seedsDir: path.resolve('seeds'),
  });
  const index = createMeilisearchIndex({ url: meili.url, apiKey: meili.apiKey });
  await index.ensureSettings();
  const log = createLogger('error');
  const source = catalogueSearchDocuments;
  await createEmbeddedSync({ db, source, log }).drain();
  await createOutboxWorker({ db, index, source, log }).drain();
  const print = (name: string, report: RelevanceReport) => {
    console.log(
      `\n${name}: recall@5 ${report.recallAt5.toFixed(3)}, MRR ${report.mrr.toFixed(3)} over ${queries.length} queries`,
    );
    console.table(
      Object.fromEntries(
        Object.entries(report.byKind).map(([kind, r]) => [
          kind,
          { queries: r.queries, 'recall@5': r.recallAt5.toFixed(2), MRR: r.mrr.toFixed(2) },
        ]),
      ),
    );
    for (const f of report.failures)
      console.log(
        `  missed for “${f.query}”: ${f.missing.join(', ')} (top 5: ${f.top5.join(', ') || '—'})`,
      );
  };
  const places = createPlaceIndexLoader(db, source);
  const ours = await evaluateRelevance(withUnderstanding(index, places), queries);
  const embedded = await evaluateRelevance(
    withUnderstanding(createSqliteSearchIndex(db, loadFoldedSynonyms()), places),
    queries,
  );
  const documents = await source.load(db, await source.listVisibleIds(db));
  const stock = await evaluateRelevance(
    await createStockMeilisearch(meili.url, meili.apiKey, [...documents.values()]),
    queries,
  );
  print('Our Meilisearch configuration (goal: recall@5 ≥ 0.95, ahead of stock)', ours);
  print('Embedded SQLite FTS5', embedded);
  print('Stock Meilisearch (default settings, raw text)', stock);
  console.log('\nPer kind, side by side (recall@5 / MRR):');
  console.table(
    Object.fromEntries(
      Object.keys(ours.byKind).map((kind) => {
        const cell = (r: RelevanceReport) =>
          `${r.byKind[kind]?.recallAt5.toFixed(2)} / ${r.byKind[kind]?.mrr.toFixed(2)}`;
        return [kind, { ours: cell(ours), embedded: cell(embedded), stock: cell(stock) }];
      }),
    ),
  );
  const all = (r: RelevanceReport) => `${r.recallAt5.toFixed(3)} / ${r.mrr.toFixed(3)}`;
  console.log(
    `All ${queries.length} queries: ours ${all(ours)}, embedded ${all(embedded)}, stock ${all(stock)}`,
  );
} finally {
  await meili?.stop();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
