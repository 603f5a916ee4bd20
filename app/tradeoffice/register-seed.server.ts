import type { DB } from '~db/connection.server';

/** A listing with an approved OCOP claim, as a register would name it (for building a demo register). */
export interface ClaimedListing {
  productId: number;
  provinceCode: string;
  productName: string;
  producer: string;
  communeCode: string | null;
  group: string;
  stars: 3 | 4 | 5;
  certificateNo: string;
  issuedOn: string;
  expiresOn: string;
}

/**
 * Every listing with an approved OCOP claim, by province then id. Reads the catalogue's products,
 * organizations and certificates directly (the trade office's counting exception, decision 008).
 */
export async function listClaimedListings(db: DB): Promise<ClaimedListing[]> {
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .innerJoin('ocop_certificates as c', 'c.product_id', 'p.id')
    .select([
      'p.id',
      'p.name',
      'p.ocop_group',
      'p.origin_commune_code',
      'o.province_code',
      'o.commune_code',
      'o.name as organization_name',
      'c.stars',
      'c.certificate_no',
      'c.issued_on',
      'c.expires_on',
    ])
    .where('c.review_state', '=', 'approved')
    .where('p.status', '!=', 'archived')
    .orderBy('o.province_code')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    productId: r.id,
    provinceCode: r.province_code,
    productName: r.name,
    producer: r.organization_name,
    communeCode: r.origin_commune_code ?? r.commune_code,
    group: r.ocop_group,
    stars: r.stars,
    certificateNo: r.certificate_no,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
  }));
}

export interface SeedRegisterEntry {
  provinceCode: string;
  productName: string;
  producer: string;
  stars: 3 | 4 | 5;
  certificateNo: string;
  decisionDate: string;
  expiresOn: string;
  group: string;
  communeCode: string | null;
  /** The listing the entry is already confirmed to be, or null (not on Chợ Phiên / not matched yet). */
  matchedProductId: number | null;
}

/**
 * Writes register entries as a seed does (no officer, no audit row: nobody decided anything). An
 * entry whose certificate number the province already holds is left alone, so seeding twice adds
 * nothing. Returns how many were added.
 */
export async function addSeedRegisterEntries(
  db: DB,
  entries: SeedRegisterEntry[],
  now = new Date(),
): Promise<number> {
  let added = 0;
  await db.transaction().execute(async (trx) => {
    for (const e of entries) {
      const existing = await trx
        .selectFrom('ocop_register_entries')
        .select('id')
        .where('province_code', '=', e.provinceCode)
        .where('certificate_no', '=', e.certificateNo)
        .executeTakeFirst();
      if (existing) continue;
      await trx
        .insertInto('ocop_register_entries')
        .values({
          province_code: e.provinceCode,
          product_name: e.productName,
          producer: e.producer,
          stars: e.stars,
          certificate_no: e.certificateNo,
          decision_date: e.decisionDate,
          expires_on: e.expiresOn,
          ocop_group: e.group,
          commune_code: e.communeCode,
          matched_product_id: e.matchedProductId,
          matched_by: null,
          matched_at: e.matchedProductId === null ? null : now.toISOString(),
          imported_at: now.toISOString(),
        })
        .execute();
      added++;
    }
  });
  return added;
}
