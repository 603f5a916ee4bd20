import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToCart, mergeGuestCart, setCartQuantity } from '~/orders/cart-changes.server';
import { loadCart, newGuestCartToken } from '~/orders/cart.server';
import { placeCheckout, quoteCheckout } from '~/orders/checkout.server';
import {
  checkoutOf,
  guestCheckout,
  hanoiAddress,
  ordersOf,
  productsOfTwoCooperatives,
  SETTINGS,
  stockOf,
} from '../helpers/checkout';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

// The cart and placing a checkout, against the database. What happens to the money and the orders
// afterwards: checkout-settlement.test.ts.

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
});
afterEach(async () => {
  await data.cleanup();
});

describe('cart', () => {
  it('bounds quantities by stock, groups by cooperative and flags price changes', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const owner = { guestToken: newGuestCartToken() };
    expect(await addToCart(data.db, owner, a.id, a.stock + 10)).toEqual({
      quantity: a.stock,
      capped: true,
    });
    await addToCart(data.db, owner, b.id, 1);
    let cart = await loadCart(data.db, owner);
    expect(cart.groups.map((g) => g.organizationId).sort()).toEqual(
      [a.organization_id, b.organization_id].sort(),
    );
    expect(cart.changes).toEqual([]);
    await data.db
      .updateTable('products')
      .set({ price_vnd: b.price_vnd + 5_000 })
      .where('id', '=', b.id)
      .execute();
    cart = await loadCart(data.db, owner);
    expect(cart.changes).toEqual([
      {
        productId: b.id,
        name: b.name,
        kind: 'price',
        fromVnd: b.price_vnd,
        toVnd: b.price_vnd + 5_000,
      },
    ]);
    await expect(setCartQuantity(data.db, owner, a.id, -1)).rejects.toThrow(/whole number/);
    await expect(addToCart(data.db, owner, 999_999, 1)).rejects.toThrow(/no longer for sale/);
  });

  it('merges a guest cart into the account cart at sign-in', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const user = await data.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@chophien.test')
      .executeTakeFirstOrThrow();
    await addToCart(data.db, { userId: user.id }, a.id, 1);
    const guest = { guestToken: newGuestCartToken() };
    await addToCart(data.db, guest, a.id, 2);
    await addToCart(data.db, guest, b.id, 1);
    await mergeGuestCart(data.db, guest.guestToken, user.id);
    const cart = await loadCart(data.db, { userId: user.id });
    expect(
      cart.groups.flatMap((g) => g.lines.map((l) => [l.productId, l.quantity])).sort(),
    ).toEqual(
      [
        [a.id, 3],
        [b.id, 1],
      ].sort(),
    );
    expect((await loadCart(data.db, guest)).itemCount).toBe(0);
  });
});

describe('checkout', () => {
  it('makes one payment and one order per cooperative, takes the stock and empties the cart', async () => {
    const [a, b] = await productsOfTwoCooperatives(data.db);
    const [stockA, stockB] = [await stockOf(data.db, a.id), await stockOf(data.db, b.id)];
    const { placed, owner, quote } = await guestCheckout(
      data.db,
      [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 1 },
      ],
      'vietqr',
    );
    expect(placed.orderCodes).toHaveLength(2);
    expect([await stockOf(data.db, a.id), await stockOf(data.db, b.id)]).toEqual([
      stockA - 2,
      stockB - 1,
    ]);
    const orders = await ordersOf(data.db, placed.checkoutId);
    expect(orders.map((o) => o.state)).toEqual(['placed', 'placed']);
    expect(orders.reduce((n, o) => n + o.total_vnd, 0)).toBe(quote.totalVnd);
    expect(quote.deliveryVnd).toBeGreaterThan(0);
    const checkout = await checkoutOf(data.db, placed.checkoutId);
    expect(checkout.payment_state).toBe('awaiting');
    expect(new Date(checkout.pay_by!).getTime() - new Date(checkout.created_at).getTime()).toBe(
      12 * 3_600_000,
    );
    expect((await loadCart(data.db, owner)).itemCount).toBe(0);
  });

  it('puts cash-on-delivery orders straight through to the cooperative', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const { placed } = await guestCheckout(data.db, [{ productId: a.id, quantity: 1 }], 'cod');
    expect((await ordersOf(data.db, placed.checkoutId)).map((o) => o.state)).toEqual([
      'cod_accepted',
    ]);
    expect((await checkoutOf(data.db, placed.checkoutId)).payment_state).toBe('cash_on_delivery');
  });

  it('refuses a tampered total or a stale cart and writes nothing', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    const owner = { guestToken: newGuestCartToken() };
    await addToCart(data.db, owner, a.id, 1);
    const cart = await loadCart(data.db, owner);
    const address = await hanoiAddress(data.db);
    const quote = quoteCheckout(cart, '01', SETTINGS.feeTable);
    const stock = await stockOf(data.db, a.id);
    const count = async () =>
      Number(
        (
          await data.db
            .selectFrom('checkouts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        { ...address, paymentMethod: 'cod', cartVersion: cart.version, expectedTotalVnd: 1_000 },
        SETTINGS,
      ),
    ).rejects.toThrow(/changed/);
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        {
          ...address,
          paymentMethod: 'cod',
          cartVersion: `${a.id}:1:1`,
          expectedTotalVnd: quote.totalVnd,
        },
        SETTINGS,
      ),
    ).rejects.toThrow(/changed/);
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        {
          ...address,
          paymentMethod: 'bitcoin',
          cartVersion: cart.version,
          expectedTotalVnd: quote.totalVnd,
        },
        SETTINGS,
      ),
    ).rejects.toThrow(/payment method/);
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        {
          ...address,
          communeCode: '00001',
          provinceCode: '12',
          paymentMethod: 'cod',
          cartVersion: cart.version,
          expectedTotalVnd: quote.totalVnd,
        },
        SETTINGS,
      ),
    ).rejects.toThrow(/commune/);
    await expect(
      placeCheckout(
        data.db,
        owner,
        null,
        {
          ...address,
          contactPhone: '123',
          paymentMethod: 'cod',
          cartVersion: cart.version,
          expectedTotalVnd: quote.totalVnd,
        },
        SETTINGS,
      ),
    ).rejects.toThrow(/phone/);
    expect(await count()).toBe(before);
    expect(await stockOf(data.db, a.id)).toBe(stock);
  });

  it('sells exactly the stock when 200 buyers race for 50 units', async () => {
    const [a] = await productsOfTwoCooperatives(data.db);
    await data.db.updateTable('products').set({ stock: 50 }).where('id', '=', a.id).execute();
    const address = await hanoiAddress(data.db);
    const buyers = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const owner = { guestToken: newGuestCartToken() };
        await addToCart(data.db, owner, a.id, 1);
        return { owner, cart: await loadCart(data.db, owner) };
      }),
    );
    const results = await Promise.allSettled(
      buyers.map(({ owner, cart }) =>
        placeCheckout(
          data.db,
          owner,
          null,
          {
            ...address,
            paymentMethod: 'vietqr',
            cartVersion: cart.version,
            expectedTotalVnd: quoteCheckout(cart, '01', SETTINGS.feeTable).totalVnd,
          },
          SETTINGS,
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => /no longer has|changed/.test(String((r as PromiseRejectedResult).reason))),
    ).toBe(true);
    expect(await stockOf(data.db, a.id)).toBe(0);
    const sold = await data.db
      .selectFrom('order_items')
      .select((eb) => eb.fn.sum<number>('quantity').as('n'))
      .where('product_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(Number(sold.n)).toBe(50);
  });
});
