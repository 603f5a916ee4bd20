import fs from 'node:fs/promises';
import path from 'node:path';
import type { DB } from '~db/connection.server';
import { type Actor, formatPhoneForDisplay, isMember, isOfficerFor } from '~/accounts';
import { imageUrl } from '~/lib/image-urls';
import { reviewQueue } from './review.server';

/**
 * What an officer needs beside the decision form so an approval is not blind: for each organization
 * in the queue its details and history (when it joined, what it has listed and how that went), for
 * each listing its photos and description, for each claim whether a certificate scan is on file.
 * Reads only what the queue (reviewQueue, already access-checked) names.
 */
export async function reviewDetails(
  db: DB,
  ids: { organizationIds: number[]; productIds: number[] },
) {
  const orgIds = [...new Set(ids.organizationIds)];
  const productIds = [...new Set(ids.productIds)];
  const [organizations, history, products, images] = await Promise.all([
    orgIds.length === 0
      ? []
      : db
          .selectFrom('organizations as o')
          .innerJoin('provinces as p', 'p.code', 'o.province_code')
          .leftJoin('communes as c', 'c.code', 'o.commune_code')
          .select([
            'o.id',
            'o.slug',
            'o.name',
            'o.kind',
            'o.phone',
            'o.tax_code',
            'o.address_line',
            'o.description',
            'o.verification_state',
            'o.created_at',
            'p.name as province_name',
            'c.name as commune_name',
          ])
          .where('o.id', 'in', orgIds)
          .execute(),
    orgIds.length === 0
      ? []
      : db
          .selectFrom('products')
          .select(['organization_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('organization_id', 'in', orgIds)
          .groupBy(['organization_id', 'status'])
          .execute(),
    productIds.length === 0
      ? []
      : db
          .selectFrom('products')
          .select([
            'id',
            'slug',
            'organization_id',
            'description',
            'ocop_group',
            'net_quantity',
            'stock',
            'status',
          ])
          .where('id', 'in', productIds)
          .execute(),
    productIds.length === 0
      ? []
      : db
          .selectFrom('product_images')
          .select(['product_id', 'storage_key', 'alt', 'position'])
          .where('product_id', 'in', productIds)
          .orderBy('product_id')
          .orderBy('position')
          .execute(),
  ]);
  const counts = (orgId: number) => {
    const of = (status: string) =>
      Number(history.find((h) => h.organization_id === orgId && h.status === status)?.n ?? 0);
    return {
      published: of('published'),
      waiting: of('submitted'),
      rejected: of('rejected'),
      changesRequested: of('changes_requested'),
    };
  };
  return {
    organizations: Object.fromEntries(
      organizations.map((o) => [
        o.id,
        {
          id: o.id,
          slug: o.slug,
          name: o.name,
          kind: o.kind,
          phone: formatPhoneForDisplay(o.phone),
          taxCode: o.tax_code,
          address: [o.address_line, o.commune_name, o.province_name].filter(Boolean).join(', '),
          description: o.description,
          approved: o.verification_state === 'approved',
          since: o.created_at,
          listings: counts(o.id),
        },
      ]),
    ),
    products: Object.fromEntries(
      products.map((p) => [
        p.id,
        {
          slug: p.slug,
          organizationId: p.organization_id,
          description: p.description,
          group: p.ocop_group,
          netQuantity: p.net_quantity,
          stock: p.stock,
          published: p.status === 'published',
          photos: images
            .filter((i) => i.product_id === p.id)
            .slice(0, 4)
            .map((i) => ({ src: imageUrl(i.storage_key, 320), alt: i.alt })),
        },
      ]),
    ),
  };
}

export type ReviewDetails = Awaited<ReturnType<typeof reviewDetails>>;

/**
 * The certificate scan of a product's OCOP claim, for the officers of its province, admins and the
 * cooperative's own members; null for anyone else and for a claim without a scan (the route says 404,
 * so guessing ids reveals nothing).
 */
export async function readCertificateScan(
  db: DB,
  actor: Actor | null,
  productId: number,
  dataDir: string,
): Promise<{ body: Buffer; contentType: string } | null> {
  if (!actor || !Number.isInteger(productId)) return null;
  const row = await db
    .selectFrom('ocop_certificates as c')
    .innerJoin('products as p', 'p.id', 'c.product_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['c.scan_key', 'c.scan_content_type', 'o.id as organization_id', 'o.province_code'])
    .where('c.product_id', '=', productId)
    .executeTakeFirst();
  if (!row?.scan_key) return null;
  if (!isOfficerFor(actor, row.province_code) && !isMember(actor, row.organization_id)) return null;
  if (!/^certificates\/[0-9a-f]{32}\.(jpg|png|webp|pdf)$/.test(row.scan_key)) return null;
  try {
    const body = await fs.readFile(path.join(dataDir, 'private', row.scan_key));
    return { body, contentType: row.scan_content_type ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** The review queue with what each item is (reviewQueue checks the officer), for the /duyet page. */
export async function reviewQueueWithDetails(db: DB, actor: Actor) {
  const queue = await reviewQueue(db, actor);
  const details = await reviewDetails(db, {
    organizationIds: [
      ...queue.organizations.map((o) => o.id),
      ...queue.listings.map((l) => l.organization_id),
      ...queue.claims.map((c) => c.organization_id),
    ],
    productIds: [...queue.listings.map((l) => l.id), ...queue.claims.map((c) => c.product_id)],
  });
  // Phones are shown formatted from the details; the raw E.164 stays on the server.
  const organizations = queue.organizations.map(({ phone: _, ...o }) => o);
  return { ...queue, organizations, details };
}
