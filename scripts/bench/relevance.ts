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
} from '~/search/index.server';
import {
  evaluateRelevance,
  loadRelevanceQueries,
  type RelevanceReport,
} from '../../tests/relevance/evaluate';

// npm run bench:relevance — recall@5 and MRR of tests/relevance/queries.json for both engines, on a fresh
// copy of the demo catalogue and a Meilisearch started for the run (both removed at the end, even on failure).
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
  print('Meilisearch (goal: recall@5 ≥ 0.95)', await evaluateRelevance(index, queries));
  print(
    'Embedded SQLite FTS5',
    await evaluateRelevance(createSqliteSearchIndex(db, loadFoldedSynonyms()), queries),
  );
} finally {
  await meili?.stop();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
