import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { emptyQuery, type SearchIndex } from '~/search/types';

export const QUERY_KINDS = [
  'no-diacritics',
  'typo',
  'synonym',
  'place',
  'ocop',
  'mixed-case',
  'prefix',
  'category',
  // Kinds query understanding reads (decision 012).
  'ocop-place',
  'former-place',
  'buyer-words',
  'commune',
  'price',
] as const;

const relevanceQuerySchema = z.object({
  query: z.string().trim().min(1),
  kind: z.enum(QUERY_KINDS),
  // One to three products a buyer would clearly expect: more would measure the catalogue, not the engine.
  mustAppearInTop5: z
    .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))
    .min(1)
    .max(3),
});
export type RelevanceQuery = z.infer<typeof relevanceQuerySchema>;

export interface RelevanceReport {
  recallAt5: number;
  mrr: number;
  byKind: Record<string, { recallAt5: number; mrr: number; queries: number }>;
  failures: Array<{ query: string; missing: string[]; top5: string[] }>;
}

/** Parses a relevance set; a malformed entry or a repeated query throws with its position. */
export function parseRelevanceQueries(data: unknown): RelevanceQuery[] {
  const queries = z.array(relevanceQuerySchema).min(1).parse(data);
  const seen = new Set<string>();
  queries.forEach((q, i) => {
    if (seen.has(q.query))
      throw new Error(`Relevance query #${i + 1} “${q.query}” is listed twice`);
    seen.add(q.query);
  });
  return queries;
}

/** queries.json: `{ sources, queries }` (the public sources the products are modelled on, cited). */
export function loadRelevanceQueries(): RelevanceQuery[] {
  const file = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, 'queries.json'), 'utf8'),
  ) as { queries?: unknown };
  return parseRelevanceQueries(file.queries);
}

/**
 * One query's scores from the engine's ranked slugs: recall@5 is the share of must-appear products in the
 * top 5; the reciprocal rank is 1 / rank of the first must-appear product among the ranked slugs (0 if none).
 */
export function scoreRanking(
  rankedSlugs: string[],
  mustAppear: string[],
): { recall: number; reciprocalRank: number; missing: string[] } {
  if (mustAppear.length === 0)
    throw new Error('A relevance query needs at least one must-appear product');
  const top5 = rankedSlugs.slice(0, 5);
  const missing = mustAppear.filter((slug) => !top5.includes(slug));
  const firstRank = rankedSlugs.findIndex((slug) => mustAppear.includes(slug));
  return {
    recall: 1 - missing.length / mustAppear.length,
    reciprocalRank: firstRank >= 0 ? 1 / (firstRank + 1) : 0,
    missing,
  };
}

/** recall@5 and MRR (first relevant hit within the top 10) over the set, overall and per kind of query. */
export async function evaluateRelevance(
  index: SearchIndex,
  queries: RelevanceQuery[],
): Promise<RelevanceReport> {
  const rows: Array<{ kind: string; recall: number; rr: number }> = [];
  const failures: RelevanceReport['failures'] = [];
  for (const q of queries) {
    const slugs = (await index.search(emptyQuery({ q: q.query, perPage: 10 }))).hits.map(
      (h) => h.slug,
    );
    const score = scoreRanking(slugs, q.mustAppearInTop5);
    rows.push({ kind: q.kind, recall: score.recall, rr: score.reciprocalRank });
    if (score.missing.length)
      failures.push({ query: q.query, missing: score.missing, top5: slugs.slice(0, 5) });
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const byKind: RelevanceReport['byKind'] = {};
  for (const kind of QUERY_KINDS) {
    const of = rows.filter((r) => r.kind === kind);
    if (of.length)
      byKind[kind] = {
        recallAt5: mean(of.map((r) => r.recall)),
        mrr: mean(of.map((r) => r.rr)),
        queries: of.length,
      };
  }
  return {
    recallAt5: mean(rows.map((r) => r.recall)),
    mrr: mean(rows.map((r) => r.rr)),
    byKind,
    failures,
  };
}
