import type { DB } from '~db/connection.server';
import { recordAudit } from '~/audit/index.server';
import { saveRenderedImage } from '~/catalogue/index.server';
import { reviewsMessages as m } from '~/i18n/messages/reviews';
import { invalid, UserError } from '~/lib/errors';
import { type ProcessedImage, processUploadedPhoto } from '~/lib/images.server';
import {
  type OrderParty,
  receivedOrderLine,
  reviewableOrder,
  soldCounts,
} from '~/orders/index.server';
import { NO_RATING, type RatingSummary } from './ratings';
import { MAX_REVIEW_PHOTOS, type WriteReviewForm } from './review-forms';

/**
 * The buyer reviews one line of a received order (decision 016). The order domain proves the order is
 * the visitor's, received, and holds the product; one review per line. Photos are checked (type by
 * content, size, pixels) before anything is written. Returns the review's id.
 */
export async function writeReview(
  db: DB,
  parties: OrderParty[],
  code: string,
  input: WriteReviewForm,
  photos: Buffer[],
  uploadsDir: string,
  now = new Date(),
): Promise<number> {
  const { orderId, organizationId, buyerUserId, buyerGivenName, line } = await receivedOrderLine(
    db,
    parties,
    code,
    input.productId,
  );
  if (photos.length > MAX_REVIEW_PHOTOS) throw invalid('photos', m.tooManyPhotos);
  const existing = await db
    .selectFrom('product_reviews')
    .select('id')
    .where('order_id', '=', orderId)
    .where('product_id', '=', line.productId)
    .executeTakeFirst();
  if (existing) throw new UserError('already_reviewed', 409, m.alreadyReviewed, 'productId');
  const images: ProcessedImage[] = [];
  for (const photo of photos) images.push(await processUploadedPhoto(photo));
  for (const image of images) await saveRenderedImage(uploadsDir, image);
  return db.transaction().execute(async (trx) => {
    const review = await trx
      .insertInto('product_reviews')
      .values({
        order_id: orderId,
        product_id: line.productId,
        organization_id: organizationId,
        author_user_id: buyerUserId,
        author_name: buyerGivenName,
        rating: input.rating,
        body: input.body,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (images.length) {
      await trx
        .insertInto('review_photos')
        .values(
          images.map((image, position) => ({
            review_id: review.id,
            position,
            storage_key: image.storageKey,
            width: image.width,
            height: image.height,
          })),
        )
        .execute();
    }
    await recordAudit(
      trx,
      {
        actorUserId: buyerUserId,
        organizationId,
        provinceCode: null,
        entityType: 'review',
        entityId: review.id,
        action: 'review.write',
        changes: { rating: [null, input.rating], productId: [null, line.productId] },
      },
      now,
    );
    return review.id;
  });
}

/** The lines of the buyer's order with whether each is reviewed yet (the review page). */
export async function reviewPageForOrder(db: DB, parties: OrderParty[], code: string) {
  const order = await reviewableOrder(db, parties, code);
  const reviewed = await db
    .selectFrom('product_reviews')
    .select(['product_id', 'rating'])
    .where('order_id', '=', order.orderId)
    .execute();
  const byProduct = new Map(reviewed.map((r) => [r.product_id, r.rating]));
  return {
    code: order.code,
    received: order.received,
    lines: order.lines.map((l) => ({ ...l, reviewedRating: byProduct.get(l.productId) ?? null })),
  };
}

/** Average, count (visible reviews) and units sold, for each product of a grid or page. */
export async function ratingSummaries(
  db: DB,
  productIds: number[],
): Promise<Record<number, RatingSummary>> {
  const ids = [...new Set(productIds)];
  if (!ids.length) return {};
  const [rows, sold] = await Promise.all([
    db
      .selectFrom('product_reviews')
      .select((eb) => [
        'product_id',
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('rating').as('total'),
      ])
      .where('product_id', 'in', ids)
      .where('state', '=', 'visible')
      .groupBy('product_id')
      .execute(),
    soldCounts(db, ids),
  ]);
  const stats = new Map(rows.map((r) => [r.product_id, r]));
  const summaries: Record<number, RatingSummary> = {};
  for (const id of ids) {
    const row = stats.get(id);
    const count = Number(row?.count ?? 0);
    const average = count ? Math.round((Number(row?.total ?? 0) / count) * 10) / 10 : null;
    const units = sold.get(id) ?? 0;
    if (count || units) summaries[id] = { average, count, sold: units };
  }
  return summaries;
}

export async function ratingSummary(db: DB, productId: number): Promise<RatingSummary> {
  return (await ratingSummaries(db, [productId]))[productId] ?? NO_RATING;
}

export interface PublicReview {
  id: number;
  rating: number;
  body: string;
  authorName: string;
  createdAt: string;
  photos: Array<{ storageKey: string; width: number; height: number }>;
  reply: { body: string; at: string } | null;
}

/** The visible reviews of a product, newest first, with photos and the cooperative's answer. */
export async function listProductReviews(
  db: DB,
  productId: number,
  limit = 20,
): Promise<PublicReview[]> {
  const rows = await db
    .selectFrom('product_reviews')
    .select(['id', 'rating', 'body', 'author_name', 'created_at', 'reply_body', 'reply_at'])
    .where('product_id', '=', productId)
    .where('state', '=', 'visible')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const photos = rows.length
    ? await db
        .selectFrom('review_photos')
        .selectAll()
        .where(
          'review_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    rating: r.rating,
    body: r.body,
    authorName: r.author_name,
    createdAt: r.created_at,
    photos: photos
      .filter((p) => p.review_id === r.id)
      .map((p) => ({ storageKey: p.storage_key, width: p.width, height: p.height })),
    reply: r.reply_body && r.reply_at ? { body: r.reply_body, at: r.reply_at } : null,
  }));
}
