import fs from 'node:fs/promises';
import path from 'node:path';
import type { DB } from '~db/connection.server';
import { addMembership, DEMO_STAFF, ensureStaffAccount } from '~/accounts/index.server';
import type { CertificationKind, OcopGroup, OrganizationKind } from './groups';
import { renderProductImage, saveRenderedImage, type RenderedImage } from './image-files.server';
import { seedReferenceData } from './reference-data.server';
import { ensureOrganization } from './save-organization.server';
import { saveCatalogueProduct } from './save-product.server';

interface DemoCooperative {
  slug: string;
  name: string;
  kind: OrganizationKind;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  phone: string;
  description: string;
  verified: boolean;
}
interface DemoProduct {
  slug: string;
  cooperative: string;
  name: string;
  description: string;
  group: OcopGroup;
  category: string;
  unit: string;
  netQuantity: string;
  weightG: number | null;
  priceVnd: number;
  stock: number;
  originCommuneCode: string | null;
  gtin: string | null;
  ocop: { stars: 3 | 4 | 5; certificateNo: string; issuer: string; issuedOn: string } | null;
  certifications: Array<{ kind: CertificationKind; reference: string }>;
  image: string;
  createdDaysAgo?: number;
}

export interface SeedReport {
  referenceData: 'loaded' | 'present';
  demo: 'seeded' | 'present' | 'skipped';
  cooperatives: number;
  products: number;
}

const DEMO_MARK = 'demo_seeded_at';

/**
 * Loads the 2025 administrative units when absent, then — unless `demo` is false (production sets
 * SEED_DEMO=false) — the demo catalogue once (app/demo adds the rest of the demo on top of it). A marker row makes later starts skip it, so nothing is
 * ever duplicated, even if an operator deleted demo rows on purpose.
 */
export async function seedDatabase(
  db: DB,
  options: { demo: boolean; uploadsDir: string; seedsDir: string; now?: Date },
): Promise<SeedReport> {
  const provinceCount = await db
    .selectFrom('provinces')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const referenceData = Number(provinceCount.n) >= 34 ? 'present' : 'loaded';
  if (referenceData === 'loaded') await seedReferenceData(db);

  if (!options.demo) return { referenceData, demo: 'skipped', cooperatives: 0, products: 0 };
  const mark = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', DEMO_MARK)
    .executeTakeFirst();
  if (mark) return { referenceData, demo: 'present', cooperatives: 0, products: 0 };

  const demoDir = path.join(options.seedsDir, 'demo');
  const cooperatives = JSON.parse(
    await fs.readFile(path.join(demoDir, 'cooperatives.json'), 'utf8'),
  ) as DemoCooperative[];
  const products = JSON.parse(
    await fs.readFile(path.join(demoDir, 'products.json'), 'utf8'),
  ) as DemoProduct[];

  // Images are rendered before the transaction: it stays short and a bad image fails before any write.
  const images = new Map<string, RenderedImage>();
  for (const product of products) {
    const image = await renderProductImage(
      await fs.readFile(path.join(options.seedsDir, 'images', product.image)),
    );
    await saveRenderedImage(options.uploadsDir, image);
    images.set(product.slug, image);
  }

  const now = options.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (const c of cooperatives) {
      const { id } = await ensureOrganization(
        trx,
        {
          slug: c.slug,
          name: c.name,
          kind: c.kind,
          provinceCode: c.provinceCode,
          communeCode: c.communeCode,
          addressLine: c.addressLine,
          phone: c.phone,
          description: c.description,
          verificationState: c.verified ? 'approved' : 'pending',
        },
        now,
      );
      ids.set(c.slug, id);
    }
    for (const p of products) {
      const organizationId = ids.get(p.cooperative);
      if (!organizationId)
        throw new Error(`demo product ${p.slug}: unknown cooperative ${p.cooperative}`);
      const createdAt = new Date(
        now.getTime() - (p.createdDaysAgo ?? 0) * 86_400_000,
      ).toISOString();
      await saveCatalogueProduct(
        trx,
        {
          organizationId,
          slug: p.slug,
          name: p.name,
          description: p.description,
          group: p.group,
          category: p.category,
          unit: p.unit,
          netQuantity: p.netQuantity,
          weightG: p.weightG,
          priceVnd: p.priceVnd,
          stock: p.stock,
          gtin: p.gtin,
          originCommuneCode: p.originCommuneCode,
          status: 'published',
          ocop: p.ocop,
          certifications: p.certifications,
          image: images.get(p.slug) ?? null,
          createdAt,
        },
        { reason: 'seed' },
        now,
      );
    }
    await trx.insertInto('app_meta').values({ key: DEMO_MARK, value: now.toISOString() }).execute();
  });
  for (const account of DEMO_STAFF) await ensureStaffAccount(db, account, now);
  await seedDemoProducerOwners(
    db,
    cooperatives.filter((c) => c.verified).map((c) => c.slug),
    now,
  );
  return {
    referenceData,
    demo: 'seeded',
    cooperatives: cooperatives.length,
    products: products.length,
  };
}

/** Password of every demo cooperative owner account (`<cooperative slug>@chophien.test`); the README lists it. */
export const DEMO_PRODUCER_PASSWORD = 'chophien-producer-demo';

/** One owner account per approved demo cooperative, so the seller side of the demo can be tried at once. */
async function seedDemoProducerOwners(db: DB, slugs: string[], now: Date): Promise<void> {
  for (const slug of slugs) {
    const organization = await db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!organization) continue;
    const userId = await ensureStaffAccount(
      db,
      {
        identifier: `${slug}@chophien.test`,
        displayName: `Chủ ${organization.name}`,
        password: DEMO_PRODUCER_PASSWORD,
      },
      now,
    );
    await addMembership(db, { organizationId: organization.id, userId, role: 'owner' }, now);
  }
}
