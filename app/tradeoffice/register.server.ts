import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { loadPlaceIndex } from '~/catalogue/index.server';
import { importLimitMessages } from '~/i18n/messages/import-limits';
import { tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { todayInVietnam } from '~/lib/dates';
import { notFound, UserError } from '~/lib/errors';
import type { UploadedFile } from './forms';
import { matchScore, SUGGESTION_THRESHOLD } from './matching';
import { checkRegisterCsv, type RegisterCheck } from './register-csv.server';

/** Imports the province's official OCOP list, all or nothing; re-importing updates entries by certificate number. */
export async function importRegister(
  db: DB,
  actor: Actor,
  provinceCode: string,
  csv: string,
  now = new Date(),
): Promise<RegisterCheck & { created?: number; updated?: number }> {
  requireOfficerFor(actor, provinceCode);
  const check = checkRegisterCsv(csv, await loadPlaceIndex(db), provinceCode);
  if (!check.ok) return check;
  let created = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const row of check.rows) {
      const values = {
        product_name: row.productName,
        producer: row.producer,
        stars: row.stars,
        decision_date: row.decisionDate,
        expires_on: row.expiresOn,
        ocop_group: row.group,
        commune_code: row.communeCode,
      };
      const existing = await trx
        .selectFrom('ocop_register_entries')
        .select('id')
        .where('province_code', '=', provinceCode)
        .where('certificate_no', '=', row.certificateNo)
        .executeTakeFirst();
      if (existing) {
        await trx
          .updateTable('ocop_register_entries')
          .set(values)
          .where('id', '=', existing.id)
          .execute();
        updated++;
      } else {
        await trx
          .insertInto('ocop_register_entries')
          .values({
            ...values,
            province_code: provinceCode,
            certificate_no: row.certificateNo,
            imported_at: now.toISOString(),
          })
          .execute();
        created++;
      }
    }
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: null,
        provinceCode,
        entityType: 'certificate',
        entityId: 0,
        action: 'register_imported',
        changes: { rows: [null, check.rows.length] },
      },
      now,
    );
  });
  return { ...check, created, updated };
}

/** A province's register has a few hundred rows; 2 MB is far more than any real one. */
export const MAX_REGISTER_BYTES = 2 * 1024 * 1024;

/** The register as uploaded (a UTF-8 CSV file), imported all or nothing: see importRegister. */
export async function importRegisterFile(
  db: DB,
  actor: Actor,
  provinceCode: string,
  file: UploadedFile,
  now = new Date(),
) {
  // The register is checked in one synchronous pass: a bounded file keeps that pass short.
  if (file.size > MAX_REGISTER_BYTES)
    throw new UserError('too_large', 413, importLimitMessages.registerTooLarge);
  const csv = Buffer.from(await file.arrayBuffer()).toString('utf8');
  return importRegister(db, actor, provinceCode, csv, now);
}

/**
 * Unmatched register entries with the listings of the province that look like them, best first. Reads
 * the catalogue's products and organizations directly (it only compares names).
 */
export async function suggestMatches(db: DB, actor: Actor, provinceCode: string) {
  requireOfficerFor(actor, provinceCode);
  const [entries, listings] = await Promise.all([
    db
      .selectFrom('ocop_register_entries')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('matched_product_id', 'is', null)
      .orderBy('product_name')
      .execute(),
    db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select([
        'p.id',
        'p.name',
        'p.status',
        'o.name as organization_name',
        'o.commune_code',
        'p.origin_commune_code',
      ])
      .where('o.province_code', '=', provinceCode)
      .where('p.status', '!=', 'archived')
      .execute(),
  ]);
  return entries.map((entry) => ({
    entry,
    candidates: listings
      .map((l) => ({
        id: l.id,
        name: l.name,
        status: l.status,
        organizationName: l.organization_name,
        score: matchScore(
          {
            productName: entry.product_name,
            producer: entry.producer,
            communeCode: entry.commune_code,
          },
          {
            name: l.name,
            organizationName: l.organization_name,
            communeCode: l.origin_commune_code ?? l.commune_code,
          },
        ),
      }))
      .filter((c) => c.score >= SUGGESTION_THRESHOLD)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3),
  }));
}

/** The officer confirms (or clears, with null) which listing a register entry is. */
export async function confirmMatch(
  db: DB,
  actor: Actor,
  entryId: number,
  productId: number | null,
  now = new Date(),
): Promise<void> {
  const entry = await db
    .selectFrom('ocop_register_entries')
    .select(['id', 'province_code'])
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) throw notFound();
  requireOfficerFor(actor, entry.province_code);
  if (productId !== null) {
    const product = await db
      .selectFrom('products as p')
      .innerJoin('organizations as o', 'o.id', 'p.organization_id')
      .select('o.province_code')
      .where('p.id', '=', productId)
      .executeTakeFirst();
    if (!product || product.province_code !== entry.province_code) {
      throw new UserError('invalid', 400, m.matchOwnProvinceOnly);
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ocop_register_entries')
      .set({
        matched_product_id: productId,
        matched_by: productId ? actor.userId : null,
        matched_at: productId ? now.toISOString() : null,
      })
      .where('id', '=', entryId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: null,
        provinceCode: entry.province_code,
        entityType: 'certificate',
        entityId: entryId,
        action: productId ? 'register_matched' : 'register_unmatched',
        changes: { product: [null, productId] },
      },
      now,
    );
  });
}

/** True when the product matches a valid entry of its province's register: its OCOP badge is "verified". */
export async function isRegisterVerified(
  db: DB,
  productId: number,
  today = todayInVietnam(),
): Promise<boolean> {
  const row = await db
    .selectFrom('ocop_register_entries')
    .select('id')
    .where('matched_product_id', '=', productId)
    .where('expires_on', '>=', today)
    .executeTakeFirst();
  return Boolean(row);
}
