import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';
import { loadActor, signUp } from '~/accounts/index.server';
import { addToCart } from '~/orders/cart-changes.server';
import { loadCart } from '~/orders/cart.server';
import { placeCheckout, quoteCheckout } from '~/orders/checkout.server';
import { applyOrderEvent } from '~/orders/orders.server';
import { hanoiAddress, SETTINGS } from './checkout';

/** A new buyer account. */
export async function newBuyer(db: DB, email: string): Promise<number> {
  return signUp(db, {
    identifier: email,
    displayName: 'Người Mua Thử',
    password: 'mat-khau-dai-1',
  });
}

/** The owner of the organization as a loaded actor. */
export async function ownerActorOf(db: DB, organizationId: number): Promise<Actor> {
  const owner = await db
    .selectFrom('organization_members')
    .select('user_id')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  const actor = await loadActor(db, owner.user_id);
  if (!actor) throw new Error('no owner actor');
  return actor;
}

/** A signed-in buyer's cash-on-delivery order of one product, taken as far as `until`. */
export async function buyerOrder(
  db: DB,
  userId: number,
  productId: number,
  until: 'placed' | 'delivered' = 'delivered',
) {
  const owner = { userId };
  await addToCart(db, owner, productId, 1);
  const cart = await loadCart(db, owner);
  const address = await hanoiAddress(db);
  const quote = quoteCheckout(cart, address.provinceCode, SETTINGS.feeTable);
  const placed = await placeCheckout(
    db,
    owner,
    userId,
    {
      ...address,
      paymentMethod: 'cod',
      cartVersion: cart.version,
      expectedTotalVnd: quote.totalVnd,
    },
    SETTINGS,
  );
  const order = await db
    .selectFrom('orders')
    .select(['id', 'code', 'organization_id'])
    .where('checkout_id', '=', placed.checkoutId)
    .executeTakeFirstOrThrow();
  if (until === 'delivered') {
    const party = {
      role: 'cooperative' as const,
      actor: await ownerActorOf(db, order.organization_id),
    };
    await applyOrderEvent(db, party, order.id, 'accept');
    await applyOrderEvent(db, party, order.id, 'ship', {
      carrier: 'VNPost',
      trackingNumber: 'EB1VN',
    });
    await applyOrderEvent(db, party, order.id, 'deliver');
  }
  return { ...order, placed };
}
