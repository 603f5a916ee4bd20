import type { DB } from '~db/connection.server';
import type { NewOrganization } from '~db/schema';
import { fold, slugify } from '~/lib/text';
import { organizationProductsChanged } from './search-documents.server';

export interface OrganizationInput {
  slug?: string;
  name: string;
  kind: NewOrganization['kind'];
  provinceCode: string;
  communeCode: string | null;
  addressLine: string;
  phone: string;
  description: string;
  verificationState: 'pending' | 'approved' | 'rejected';
}

/** Finds an organization by slug, or by folded name in the same province; creates it when absent. */
export async function ensureOrganization(
  trx: DB,
  input: OrganizationInput,
  now = new Date(),
): Promise<{ id: number; created: boolean }> {
  const bySlug = input.slug
    ? await trx
        .selectFrom('organizations')
        .select('id')
        .where('slug', '=', input.slug)
        .executeTakeFirst()
    : undefined;
  if (bySlug) return { id: bySlug.id, created: false };
  const found = await findOrganizationByName(trx, input.provinceCode, input.name);
  if (found) return { id: found, created: false };
  const at = now.toISOString();
  const row = await trx
    .insertInto('organizations')
    .values({
      slug: await uniqueOrganizationSlug(trx, input.slug ?? slugify(input.name)),
      name: input.name.trim(),
      kind: input.kind,
      province_code: input.provinceCode,
      commune_code: input.communeCode,
      address_line: input.addressLine,
      phone: input.phone,
      description: input.description,
      verification_state: input.verificationState,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await organizationProductsChanged(trx, row.id);
  return { id: row.id, created: true };
}

export async function findOrganizationByName(
  db: DB,
  provinceCode: string,
  name: string,
): Promise<number | null> {
  const key = fold(name).replace(/\s+/g, ' ').trim();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('province_code', '=', provinceCode)
    .execute();
  return rows.find((r) => fold(r.name).replace(/\s+/g, ' ').trim() === key)?.id ?? null;
}

async function uniqueOrganizationSlug(trx: DB, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await trx
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', candidate)
      .executeTakeFirst();
    if (!taken) return candidate;
  }
}
