import type { DB } from '~db/connection.server';
import { listMemberships, loadActor, signUp } from '~/accounts/index.server';
import {
  adjustStock,
  listCommunes,
  listIndexableProductIds,
  loadSearchDocuments,
} from '~/catalogue/index.server';
import {
  addToCart,
  applyOrderEvent,
  getOrderDetail,
  loadCart,
  placeCheckout,
  quoteCheckout,
  setCartQuantity,
} from '~/orders/index.server';
import { loadDeliveryFeeTable } from '~/orders';
import { recordIncomingPayment } from '~/payments/index.server';
import { writeReview } from '~/reviews/index.server';
import { listPublicBatchesOfProduct } from '~/traceability/index.server';

/** The demo buyers' password (demo only: SEED_DEMO=false in production seeds none of this). */
export const DEMO_BUYER_PASSWORD = 'chophien-buyer-demo';

const BUYERS = [
  { identifier: 'nguoimua.hanoi@chophien.test', name: 'Nguyễn Thu Hà', street: '12 Hàng Bạc' },
  { identifier: 'nguoimua.hue@chophien.test', name: 'Trần Minh Khoa', street: '8 Lê Lợi' },
  { identifier: 'nguoimua.saigon@chophien.test', name: 'Lê Thị Lan', street: '45 Pasteur' },
] as const;
const PROVINCES = ['01', '46', '79'];
const MONTHS = 5;
const RATINGS = [5, 4, 5, 5, 3, 4, 5, 4];
const TEXTS = [
  'Đóng gói cẩn thận, giao nhanh. Hàng đúng như mô tả, cả nhà đều thích.',
  'Chất lượng tốt, thơm và sạch. Sẽ mua lại ủng hộ hợp tác xã.',
  'Quét tem thấy rõ nguồn gốc lô hàng, rất yên tâm.',
  'Hàng ổn, giao hơi lâu vì đường lên bản xa nhưng người bán báo trước.',
  '',
  'Mua làm quà biếu, người nhận khen ngon. Giá hợp lý.',
];
const HOUR = 3_600_000;
const FEES = loadDeliveryFeeTable(null);
const DAY = 24 * HOUR;

/**
 * The demo's sales (issue 17): three demo buyers order over the past months (two of three by VietQR,
 * paid; the rest cash on delivery), each order goes through the cooperative's steps to delivered (and
 * completed once the return window has passed), and the buyers review what they received. Before
 * that, the products with traceable batches get stock. Deterministic in what it buys, when and how it
 * rates (codes are random as always); only domain functions write.
 */
export async function seedDemoOrders(db: DB, now = new Date()): Promise<{ orders: number }> {
  await stockTraceableProducts(db, now);
  const buyerIds: number[] = [];
  for (const buyer of BUYERS) {
    buyerIds.push(
      await signUp(
        db,
        { identifier: buyer.identifier, displayName: buyer.name, password: DEMO_BUYER_PASSWORD },
        new Date(now.getTime() - (MONTHS + 1) * 30 * DAY),
      ),
    );
  }
  const products = await buyableProducts(db, { userId: buyerIds[0] ?? 0 });
  let orders = 0;
  let n = 0;
  for (let month = MONTHS; month >= 1; month--) {
    for (let b = 0; b < BUYERS.length; b++) {
      const userId = buyerIds[b] ?? 0;
      const placedAt = new Date(now.getTime() - month * 30 * DAY + b * 4 * DAY + 9 * HOUR);
      const lines = [products[n % products.length], products[(n * 7 + 3) % products.length]];
      const method = n % 3 === 2 ? 'cod' : 'vietqr';
      orders += await oneCheckout(db, userId, b, lines, method, placedAt, now, n);
      n++;
    }
  }
  return { orders };
}

async function stockTraceableProducts(db: DB, now: Date) {
  const documents = await loadSearchDocuments(db, await listIndexableProductIds(db));
  for (const product of documents.values()) {
    if (product.stock >= 50) continue;
    const batches = await listPublicBatchesOfProduct(db, product.id);
    if (!batches.length) continue;
    const owner = (await listMemberships(db, product.cooperativeId)).find(
      (m) => m.role === 'owner',
    );
    const actor = owner ? await loadActor(db, owner.user_id) : null;
    if (!actor) continue;
    await adjustStock(db, actor, product.id, 150 - product.stock, 'Nhập kho lô hàng (demo)', now);
  }
}

/** Published products a buyer can really put in a cart (approved cooperative, stock), by id. */
async function buyableProducts(db: DB, owner: { userId: number }) {
  const documents = [...(await loadSearchDocuments(db, await listIndexableProductIds(db))).values()]
    .filter((d) => d.stock >= 20)
    .sort((a, b) => a.id - b.id);
  const buyable: number[] = [];
  for (const d of documents) {
    try {
      await addToCart(db, owner, d.id, 1);
    } catch {
      continue;
    }
    buyable.push(d.id);
  }
  const cart = await loadCart(db, owner);
  const available = new Set(cart.groups.flatMap((g) => g.lines.filter((l) => l.available)));
  for (const id of buyable) await setCartQuantity(db, owner, id, 0);
  const ids = [...available].map((l) => l.productId);
  // Every third one keeps the demo varied without buying the whole catalogue.
  return ids.filter((_, i) => i % 3 === 0).slice(0, 16);
}

async function oneCheckout(
  db: DB,
  userId: number,
  buyerIndex: number,
  productIds: Array<number | undefined>,
  method: 'vietqr' | 'cod',
  placedAt: Date,
  now: Date,
  n: number,
): Promise<number> {
  const owner = { userId };
  for (const id of new Set(productIds))
    if (id) await addToCart(db, owner, id, 1 + (n % 2), placedAt);
  const cart = await loadCart(db, owner);
  const buyer = BUYERS[buyerIndex] ?? BUYERS[0];
  const provinceCode = PROVINCES[buyerIndex] ?? '01';
  const communes = await listCommunes(db, provinceCode);
  const quote = quoteCheckout(cart, provinceCode, FEES);
  const placed = await placeCheckout(
    db,
    owner,
    userId,
    {
      contactName: buyer.name,
      contactPhone: `09123456${String(10 + buyerIndex)}`,
      contactEmail: buyer.identifier,
      provinceCode,
      communeCode: communes[(n * 5) % communes.length]?.code ?? '',
      street: buyer.street,
      note: '',
      paymentMethod: method,
      cartVersion: cart.version,
      expectedTotalVnd: quote.totalVnd,
    },
    {
      feeTable: FEES,
      methods: ['vietqr', 'cod'],
      cardPaymentMinutes: 30,
      bankTransferHours: 12,
    },
    placedAt,
  );
  if (method === 'vietqr') {
    await recordIncomingPayment(
      db,
      {
        provider: 'bank',
        externalId: `DEMO-${placed.reference}`,
        amountVnd: placed.totalVnd,
        description: placed.reference,
        occurredAt: new Date(placedAt.getTime() + HOUR).toISOString(),
        reference: placed.reference,
      },
      new Date(placedAt.getTime() + HOUR),
    );
  }
  const at = (days: number) => new Date(placedAt.getTime() + days * DAY);
  const parties = [{ role: 'buyer' as const, access: { userId } }];
  for (const code of placed.orderCodes) {
    const { order: detail, items } = await getOrderDetail(db, { role: 'system' }, code);
    const order = {
      id: detail.id,
      organizationId: detail.organization_id,
      productIds: items.map((i) => i.product_id),
    };
    const ownerRow = (await listMemberships(db, order.organizationId)).find(
      (m) => m.role === 'owner',
    );
    const actor = ownerRow ? await loadActor(db, ownerRow.user_id) : null;
    if (!actor) continue;
    const coop = { role: 'cooperative' as const, actor };
    await applyOrderEvent(db, coop, order.id, 'accept', {}, { now: at(0.3) });
    await applyOrderEvent(
      db,
      coop,
      order.id,
      'ship',
      { carrier: 'VNPost', trackingNumber: `EB${String(100000 + n)}VN` },
      { now: at(1) },
    );
    await applyOrderEvent(db, coop, order.id, 'deliver', {}, { now: at(3) });
    if (at(10) < now)
      await applyOrderEvent(db, { role: 'system' }, order.id, 'complete', {}, { now: at(10) });
    for (const [i, productId] of order.productIds.entries()) {
      if ((n + i) % 4 === 3) continue; // not every buyer writes a review
      await writeReview(
        db,
        parties,
        code,
        {
          productId,
          rating: RATINGS[(n + i) % RATINGS.length] ?? 5,
          body: TEXTS[(n + i) % TEXTS.length] ?? '',
        },
        [],
        '',
        at(4 + i),
      );
    }
  }
  return placed.orderCodes.length;
}
