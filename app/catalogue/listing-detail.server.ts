import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { getManagedProduct } from './managed-products.server';
import { listStockAdjustments } from './stock.server';

/** Everything the edit page shows; 404 for anyone who is not a member of the product's organization. */
export async function getListingDetail(db: DB, actor: Actor, productId: number) {
  const product = await getManagedProduct(db, actor, productId);
  const [images, certificate, certifications, stockHistory, org] = await Promise.all([
    db
      .selectFrom('product_images')
      .select(['storage_key', 'position'])
      .where('product_id', '=', productId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('ocop_certificates')
      .selectAll()
      .where('product_id', '=', productId)
      .executeTakeFirst(),
    db
      .selectFrom('certifications')
      .select(['kind', 'reference'])
      .where('product_id', '=', productId)
      .execute(),
    listStockAdjustments(db, productId),
    db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', product.organization_id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    product,
    images,
    certificate: certificate ?? null,
    certifications,
    stockHistory,
    organizationName: org.name,
    provinceCode: product.province_code,
  };
}
