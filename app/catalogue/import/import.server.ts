import fs from 'node:fs/promises';
import path from 'node:path';
import type { DB } from '~db/connection.server';
import { recordAudit } from '~/audit/index.server';
import { formatMessage } from '~/i18n/messages';
import { importMessages as m } from '~/i18n/messages/catalogue-import';
import { importLimitMessages } from '~/i18n/messages/import-limits';
import { fold } from '~/lib/text';
import { cooperativeYield } from '~/lib/yield.server';
import { renderProductImage, saveRenderedImage, type RenderedImage } from '../image-files.server';
import { productNameKey } from '../listings.server';
import { loadPlaceIndex } from '../places.server';
import { ensureOrganization, findOrganizationByName } from '../save-organization.server';
import { saveCatalogueProduct } from '../save-product.server';
import { readImportCsv, type ImportError } from './csv-format';
import { validateImportRow, type ValidRow } from './validate-row';

export interface ImportPlan {
  rows: Array<
    ValidRow & { organizationId: number | null; rendered: RenderedImage | null; ocopIssuer: string }
  >;
  newCooperatives: string[];
}

export type ImportCheck = { ok: true; plan: ImportPlan } | { ok: false; errors: ImportError[] };

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  cooperativesCreated: number;
}

/**
 * Checks a whole file without writing anything: every bad row is reported with its line and reason.
 * `baseDir` is where relative image paths start; an image may not point outside it.
 * `onlyOrganizationId` restricts a member's upload to their own cooperative.
 */
export async function checkImport(
  db: DB,
  csvText: string,
  options: { baseDir: string | null; onlyOrganizationId?: number; maxRows?: number },
): Promise<ImportCheck> {
  const { rows, errors } = await readImportCsv(csvText);
  if (options.maxRows !== undefined && rows.length > options.maxRows) {
    const message = formatMessage(importLimitMessages.tooManyRows, { max: options.maxRows });
    return { ok: false, errors: [{ line: 1, message }] };
  }
  const pause = cooperativeYield();
  const places = await loadPlaceIndex(db);
  const valid: ValidRow[] = [];
  for (const raw of rows) {
    await pause();
    const result = validateImportRow(raw, places);
    if ('errors' in result) errors.push(...result.errors);
    else valid.push(result.row);
  }

  const seen = new Map<string, number>();
  const gtins = new Map<string, number>();
  const planned: ImportPlan['rows'] = [];
  const newCooperatives = new Map<string, { name: string }>();
  for (const row of valid) {
    await pause();
    const duplicateKey = `${row.provinceCode}|${fold(row.cooperative)}|${fold(row.name)}`;
    const earlier = seen.get(duplicateKey);
    if (earlier) {
      errors.push({
        line: row.line,
        column: 'name',
        message: formatMessage(m.duplicate, { name: row.name, line: earlier }),
      });
      continue;
    }
    seen.set(duplicateKey, row.line);

    const organizationId = await findOrganizationByName(db, row.provinceCode, row.cooperative);
    if (options.onlyOrganizationId !== undefined && organizationId !== options.onlyOrganizationId) {
      errors.push({
        line: row.line,
        column: 'cooperative',
        message: formatMessage(m.otherCooperative, { value: row.cooperative }),
      });
      continue;
    }
    if (!organizationId)
      newCooperatives.set(`${row.provinceCode}|${row.cooperative}`, { name: row.cooperative });

    if (row.gtin) {
      const sameFile = gtins.get(row.gtin);
      const owner = await db
        .selectFrom('products')
        .select(['organization_id', 'name_key'])
        .where('gtin', '=', row.gtin)
        .executeTakeFirst();
      const ownedByThisRow =
        owner &&
        owner.organization_id === organizationId &&
        owner.name_key === productNameKey(row.name);
      if (sameFile || (owner && !ownedByThisRow)) {
        errors.push({
          line: row.line,
          column: 'gtin',
          message: sameFile
            ? formatMessage(m.gtinTakenInFile, { value: row.gtin, line: sameFile })
            : formatMessage(m.gtinTaken, { value: row.gtin }),
        });
        continue;
      }
      gtins.set(row.gtin, row.line);
    }

    let rendered: RenderedImage | null = null;
    if (row.image && options.baseDir === null) {
      errors.push({
        line: row.line,
        column: 'image',
        message: m.imageOnWeb,
      });
      continue;
    }
    if (row.image && options.baseDir !== null) {
      const file = path.resolve(options.baseDir, row.image);
      if (!file.startsWith(path.resolve(options.baseDir) + path.sep)) {
        errors.push({
          line: row.line,
          column: 'image',
          message: formatMessage(m.imageOutside, { value: row.image }),
        });
        continue;
      }
      try {
        rendered = await renderProductImage(await fs.readFile(file));
      } catch {
        errors.push({
          line: row.line,
          column: 'image',
          message: formatMessage(m.imageUnreadable, { value: row.image }),
        });
        continue;
      }
    }
    const provinceFullName =
      places.provinces.find((p) => p.code === row.provinceCode)?.fullName ?? '';
    planned.push({
      ...row,
      organizationId,
      rendered,
      ocopIssuer: defaultIssuer(row.ocop?.stars ?? 0, provinceFullName),
    });
  }

  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return {
    ok: true,
    plan: { rows: planned, newCooperatives: [...newCooperatives.values()].map((k) => k.name) },
  };
}

/** Writes a checked plan in one transaction: all rows or none. */
export async function applyImport(
  db: DB,
  plan: ImportPlan,
  options: { uploadsDir: string; now?: Date; status?: 'published' | 'draft'; actorUserId?: number },
): Promise<ImportSummary> {
  for (const row of plan.rows)
    if (row.rendered) await saveRenderedImage(options.uploadsDir, row.rendered);
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, cooperativesCreated: 0 };
  // Pausing inside the transaction is safe: Kysely's SQLite driver holds its one connection for the
  // transaction, so other requests' queries wait for the commit while their other work goes on.
  const pause = cooperativeYield();
  await db.transaction().execute(async (trx) => {
    for (const row of plan.rows) {
      await pause();
      const org = await ensureOrganization(
        trx,
        {
          name: row.cooperative,
          kind: 'cooperative',
          provinceCode: row.provinceCode,
          communeCode: row.communeCode,
          addressLine: '',
          phone: '',
          description: '',
          verificationState: 'pending',
        },
        options.now,
      );
      if (org.created) summary.cooperativesCreated++;
      const { id, outcome } = await saveCatalogueProduct(
        trx,
        {
          organizationId: org.id,
          name: row.name,
          description: row.description,
          group: row.group,
          category: row.category,
          unit: row.unit,
          netQuantity: '',
          weightG: row.weightG,
          priceVnd: row.priceVnd,
          stock: row.stock,
          gtin: row.gtin,
          originCommuneCode: row.communeCode,
          status: options.status === 'draft' ? undefined : 'published',
          ocop: row.ocop ? { ...row.ocop, issuer: row.ocopIssuer } : null,
          image: row.rendered,
        },
        { reason: 'import', userId: options.actorUserId ?? null },
        options.now,
      );
      summary[outcome]++;
      if (outcome !== 'unchanged') {
        await recordAudit(
          trx,
          {
            actorUserId: options.actorUserId ?? null,
            organizationId: org.id,
            provinceCode: row.provinceCode,
            entityType: 'product',
            entityId: id,
            action: `import_${outcome}`,
            changes: { name: [null, row.name], price_vnd: [null, row.priceVnd] },
          },
          options.now,
        );
      }
    }
  });
  return summary;
}

/** The CSV has no issuer column: 5-star certificates are national, the rest provincial. */
function defaultIssuer(stars: number, provinceFullName: string): string {
  return stars === 5
    ? 'Bộ Nông nghiệp và Môi trường'
    : `UBND ${provinceFullName.charAt(0).toLowerCase()}${provinceFullName.slice(1)}`;
}
