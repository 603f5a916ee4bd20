import fs from 'node:fs';
import path from 'node:path';
import { emptyQuery, type SearchIndex } from '~/search/types';

export interface RelevanceQuery {
  query: string;
  kind: string;
  mustAppearInTop5: string[];
}

export interface RelevanceReport {
  recallAt5: number;
  mrr: number;
  byKind: Record<string, { recallAt5: number; mrr: number; queries: number }>;
  failures: Array<{ query: string; missing: string[]; top5: string[] }>;
}

export function loadRelevanceQueries(): RelevanceQuery[] {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'queries.json'), 'utf8')) as RelevanceQuery[];
}

/**
 * recall@5: the share of must-appear products found in the top 5, averaged over queries.
 * MRR: the mean of 1 / rank of the first must-appear product (0 when none is in the top 10).
 */
export async function evaluateRelevance(index: SearchIndex, queries: RelevanceQuery[]): Promise<RelevanceReport> {
  const rows: Array<{ kind: string; recall: number; rr: number }> = [];
  const failures: RelevanceReport['failures'] = [];
  for (const q of queries) {
    const slugs = (await index.search(emptyQuery({ q: q.query, perPage: 10 }))).hits.map((h) => h.slug);
    const top5 = slugs.slice(0, 5);
    const found = q.mustAppearInTop5.filter((s) => top5.includes(s));
    const firstRank = slugs.findIndex((s) => q.mustAppearInTop5.includes(s));
    rows.push({ kind: q.kind, recall: found.length / q.mustAppearInTop5.length, rr: firstRank >= 0 ? 1 / (firstRank + 1) : 0 });
    if (found.length < q.mustAppearInTop5.length) failures.push({ query: q.query, missing: q.mustAppearInTop5.filter((s) => !found.includes(s)), top5 });
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const byKind: RelevanceReport['byKind'] = {};
  for (const kind of [...new Set(rows.map((r) => r.kind))]) {
    const of = rows.filter((r) => r.kind === kind);
    byKind[kind] = { recallAt5: mean(of.map((r) => r.recall)), mrr: mean(of.map((r) => r.rr)), queries: of.length };
  }
  return { recallAt5: mean(rows.map((r) => r.recall)), mrr: mean(rows.map((r) => r.rr)), byKind, failures };
}
