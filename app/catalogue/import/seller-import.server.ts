import type { DB } from '~db/connection.server';
import { type Actor, requireOrgMember } from '~/accounts';
import { LIMITS, rateLimiter } from '~/accounts/index.server';
import { formatMessage } from '~/i18n/messages';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { importLimitMessages as lm } from '~/i18n/messages/import-limits';
import { invalid, UserError } from '~/lib/errors';
import type { ImportError } from './csv-format';
import { applyImport, checkImport, type ImportSummary } from './import.server';

export const MAX_SELLER_CSV_BYTES = 2 * 1024 * 1024;
/**
 * Rows of one web import. The import is one transaction, during which every other request's queries
 * wait (SQLite has one connection); 1,000 rows keep it well under a second. Larger catalogues go
 * through `npm run import`.
 */
export const MAX_SELLER_CSV_ROWS = 1000;

export interface ImportPreviewRow {
  line: number;
  name: string;
  priceVnd: number;
  unit: string;
  stock: number;
  stars: 3 | 4 | 5 | null;
}

export type SellerImportResult =
  | { ok: false; errors: ImportError[] }
  | { ok: true; preview: ImportPreviewRow[] }
  | { ok: true; imported: ImportSummary };

/**
 * A member's spreadsheet for their own organization, in two steps. `preview` checks the whole file and
 * lists every bad row, writing nothing; `import` checks the same bytes again and writes them in one
 * transaction, as drafts for review.
 */
export async function importSellerCsv(
  db: DB,
  actor: Actor,
  organizationId: number,
  step: 'preview' | 'import',
  csv: Buffer | null,
  uploadsDir: string,
): Promise<SellerImportResult> {
  requireOrgMember(actor, organizationId);
  if (!csv || csv.length === 0) throw invalid('file', m.csvRequired);
  if (csv.length > MAX_SELLER_CSV_BYTES) throw invalid('file', m.csvTooLarge);
  // One file at a time per organization in this process, and a budget per organization overall.
  if (running.has(organizationId)) throw new UserError('busy', 429, lm.alreadyRunning);
  const decision = await rateLimiter(db).consume(
    `csv-import:org:${organizationId}`,
    LIMITS.csvImport,
  );
  if (!decision.allowed) {
    const minutes = Math.max(1, Math.ceil(decision.retryAfterSeconds / 60));
    throw new UserError('rate_limited', 429, formatMessage(lm.tooMany, { minutes }));
  }
  running.add(organizationId);
  try {
    return await checkAndApply(db, actor, organizationId, step, csv, uploadsDir);
  } finally {
    running.delete(organizationId);
  }
}

const running = new Set<number>();

async function checkAndApply(
  db: DB,
  actor: Actor,
  organizationId: number,
  step: 'preview' | 'import',
  csv: Buffer,
  uploadsDir: string,
): Promise<SellerImportResult> {
  const check = await checkImport(db, csv.toString('utf8'), {
    baseDir: null,
    onlyOrganizationId: organizationId,
    maxRows: MAX_SELLER_CSV_ROWS,
  });
  if (!check.ok) return { ok: false, errors: check.errors };
  if (step === 'preview') {
    return {
      ok: true,
      preview: check.plan.rows.map((r) => ({
        line: r.line,
        name: r.name,
        priceVnd: r.priceVnd,
        unit: r.unit,
        stock: r.stock,
        stars: r.ocop?.stars ?? null,
      })),
    };
  }
  const imported = await applyImport(db, check.plan, {
    uploadsDir,
    status: 'draft',
    actorUserId: actor.userId,
  });
  return { ok: true, imported };
}
