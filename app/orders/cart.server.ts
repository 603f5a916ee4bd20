import type { DB } from '~db/connection.server';
import { generateToken, hashToken } from '~/accounts/index.server';

// A buyer's cart as they see it (grouped by cooperative, with what changed since they added it);
// the changes buyers make are app/orders/cart-changes.server.ts.

/** A cart belongs to a signed-in buyer or to a guest's browser (a random token in a cookie). */
export type CartOwner = { userId: number } | { guestToken: string };

export interface CartLine {
  productId: number;
  slug: string;
  name: string;
  unit: string;
  quantity: number;
  priceVnd: number;
  priceWhenAddedVnd: number;
  stock: number;
  weightG: number | null;
  available: boolean;
  lineVnd: number;
  /** The product's first photo (its storage key), for the cart's thumbnail. */
  imageKey: string | null;
}

export interface CartGroup {
  organizationId: number;
  organizationName: string;
  organizationSlug: string;
  provinceCode: string;
  freeDeliveryFromVnd: number | null;
  lines: CartLine[];
  goodsVnd: number;
}

export interface Cart {
  groups: CartGroup[];
  itemCount: number;
  goodsVnd: number;
  /** Lines whose price changed since they were added, or that ask for more than is left. */
  changes: Array<{
    productId: number;
    name: string;
    kind: 'price' | 'stock' | 'unavailable';
    fromVnd?: number;
    toVnd?: number;
    stock?: number;
  }>;
  /** A digest of what the buyer sees (lines, quantities, prices); checkout refuses a stale one. */
  version: string;
}

export async function findCartId(db: DB, owner: CartOwner): Promise<number | null> {
  const query = db.selectFrom('carts').select('id');
  const row =
    'userId' in owner
      ? await query.where('user_id', '=', owner.userId).executeTakeFirst()
      : await query.where('token_hash', '=', hashToken(owner.guestToken)).executeTakeFirst();
  return row?.id ?? null;
}

export async function ensureCartId(db: DB, owner: CartOwner, now: Date): Promise<number> {
  const existing = await findCartId(db, owner);
  if (existing) return existing;
  const at = now.toISOString();
  const row = await db
    .insertInto('carts')
    .values({
      user_id: 'userId' in owner ? owner.userId : null,
      token_hash: 'guestToken' in owner ? hashToken(owner.guestToken) : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function newGuestCartToken(): string {
  return generateToken();
}

export async function loadCart(db: DB, owner: CartOwner | null): Promise<Cart> {
  const cartId = owner ? await findCartId(db, owner) : null;
  const rows =
    cartId === null
      ? []
      : await db
          .selectFrom('cart_items')
          .innerJoin('products', 'products.id', 'cart_items.product_id')
          .innerJoin('organizations', 'organizations.id', 'products.organization_id')
          .select([
            'cart_items.product_id',
            'cart_items.quantity',
            'cart_items.price_vnd_when_added',
            'products.slug',
            'products.name',
            'products.unit',
            'products.price_vnd',
            'products.stock',
            'products.weight_g',
            'products.status',
            'organizations.id as organization_id',
            'organizations.name as organization_name',
            'organizations.slug as organization_slug',
            'organizations.province_code',
            'organizations.free_delivery_from_vnd',
            'organizations.verification_state',
          ])
          .select((eb) =>
            eb
              .selectFrom('product_images')
              .select('product_images.storage_key')
              .whereRef('product_images.product_id', '=', 'cart_items.product_id')
              .orderBy('product_images.position')
              .limit(1)
              .as('image_key'),
          )
          .where('cart_items.cart_id', '=', cartId)
          .orderBy('organizations.name')
          .orderBy('cart_items.added_at')
          .execute();
  const groups = new Map<number, CartGroup>();
  const changes: Cart['changes'] = [];
  for (const row of rows) {
    const available =
      row.status === 'published' && row.verification_state === 'approved' && row.stock > 0;
    const line: CartLine = {
      productId: row.product_id,
      slug: row.slug,
      name: row.name,
      unit: row.unit,
      quantity: row.quantity,
      priceVnd: row.price_vnd,
      priceWhenAddedVnd: row.price_vnd_when_added,
      stock: row.stock,
      weightG: row.weight_g,
      available,
      lineVnd: available ? row.price_vnd * row.quantity : 0,
      imageKey: row.image_key ?? null,
    };
    if (!available)
      changes.push({ productId: line.productId, name: line.name, kind: 'unavailable' });
    else {
      if (row.price_vnd !== row.price_vnd_when_added)
        changes.push({
          productId: line.productId,
          name: line.name,
          kind: 'price',
          fromVnd: row.price_vnd_when_added,
          toVnd: row.price_vnd,
        });
      if (row.quantity > row.stock)
        changes.push({
          productId: line.productId,
          name: line.name,
          kind: 'stock',
          stock: row.stock,
        });
    }
    const group = groups.get(row.organization_id) ?? {
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      organizationSlug: row.organization_slug,
      provinceCode: row.province_code,
      freeDeliveryFromVnd: row.free_delivery_from_vnd,
      lines: [],
      goodsVnd: 0,
    };
    group.lines.push(line);
    group.goodsVnd += line.lineVnd;
    groups.set(row.organization_id, group);
  }
  const list = [...groups.values()];
  return {
    groups: list,
    itemCount: rows.reduce((n, r) => n + r.quantity, 0),
    goodsVnd: list.reduce((n, g) => n + g.goodsVnd, 0),
    changes,
    version: rows.map((r) => `${r.product_id}:${r.quantity}:${r.price_vnd}`).join(','),
  };
}

/** Empties the cart lines that were just ordered (in the checkout's transaction). */
export async function removeOrderedLines(
  trx: DB,
  owner: CartOwner,
  productIds: number[],
): Promise<void> {
  const cartId = await findCartId(trx, owner);
  if (cartId === null || productIds.length === 0) return;
  await trx
    .deleteFrom('cart_items')
    .where('cart_id', '=', cartId)
    .where('product_id', 'in', productIds)
    .execute();
}

/** How many products (lines) the cart holds: the header's cart badge. */
export async function cartLineCount(db: DB, owner: CartOwner): Promise<number> {
  const cartId = await findCartId(db, owner);
  if (cartId === null) return 0;
  const row = await db
    .selectFrom('cart_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cart_id', '=', cartId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
