import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadActor } from '~/accounts/index.server';
import { isUserError, type UserError } from '~/lib/errors';
import { parseSubmission } from '~/lib/form';
import { writeReviewSchema } from '~/reviews';
import {
  listMemberReviews,
  listProductReviews,
  moderateReview,
  ratingSummary,
  replyToReview,
  reportReview,
  writeReview,
} from '~/reviews/index.server';
import { productsOfTwoCooperatives } from '../helpers/checkout';
import { buyerOrder, newBuyer, ownerActorOf } from '../helpers/reviews';
import { copyTemplateDatabase, type TestData } from '../helpers/test-db';

let data: TestData;
beforeEach(() => {
  data = copyTemplateDatabase();
  // This test writes photos: give it its own uploads folder instead of the template's link.
  fs.unlinkSync(data.uploadsDir);
  fs.mkdirSync(data.uploadsDir);
});
afterEach(async () => {
  await data.cleanup();
});

const photo = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/uploads', name));
const buyerParty = (userId: number) => [{ role: 'buyer' as const, access: { userId } }];

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

const reviewCount = async () =>
  Number(
    (
      await data.db
        .selectFrom('product_reviews')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('verified-purchase reviews', () => {
  it('lets the buyer of a delivered order review its product once, with photos', async () => {
    const [product] = await productsOfTwoCooperatives(data.db);
    const buyer = await newBuyer(data.db, 'mua1@example.vn');
    const before = await ratingSummary(data.db, product.id);
    const order = await buyerOrder(data.db, buyer, product.id);
    const id = await writeReview(
      data.db,
      buyerParty(buyer),
      order.code,
      { productId: product.id, rating: 4, body: 'Mật ong thơm, đóng gói cẩn thận.' },
      [photo('small.webp')],
      data.uploadsDir,
    );
    const [review] = await listProductReviews(data.db, product.id);
    expect(review).toMatchObject({ id, rating: 4, authorName: 'Mua', reply: null });
    expect(review?.photos).toHaveLength(1);
    const key = review?.photos[0]?.storageKey ?? '';
    expect(fs.existsSync(path.join(data.uploadsDir, `${key}-320.webp`))).toBe(true);
    const after = await ratingSummary(data.db, product.id);
    expect(after.count).toBe(before.count + 1);
    expect(after.sold).toBe(before.sold + 1);

    const again = await userError(
      writeReview(
        data.db,
        buyerParty(buyer),
        order.code,
        { productId: product.id, rating: 5, body: '' },
        [],
        data.uploadsDir,
      ),
    );
    expect(again.status).toBe(409);
    const audit = await data.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'review')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['review.write']);
  });

  it('refuses a review without a delivered order of that product, and writes nothing', async () => {
    const [product, other] = await productsOfTwoCooperatives(data.db);
    const buyer = await newBuyer(data.db, 'mua2@example.vn');
    const stranger = await newBuyer(data.db, 'la@example.vn');
    const open = await buyerOrder(data.db, buyer, product.id, 'placed');
    const input = { productId: product.id, rating: 5, body: 'Tốt' };
    const notDelivered = await userError(
      writeReview(data.db, buyerParty(buyer), open.code, input, [], data.uploadsDir),
    );
    expect(notDelivered.status).toBe(409);
    expect(notDelivered.userMessage.vi).toMatch(/đã giao/);

    const delivered = await buyerOrder(data.db, buyer, product.id);
    const wrongProduct = await userError(
      writeReview(
        data.db,
        buyerParty(buyer),
        delivered.code,
        { ...input, productId: other.id },
        [],
        data.uploadsDir,
      ),
    );
    expect(wrongProduct.field).toBe('productId');
    const notTheirs = await userError(
      writeReview(data.db, buyerParty(stranger), delivered.code, input, [], data.uploadsDir),
    );
    expect(notTheirs.status).toBe(404);
    const cooperative = await ownerActorOf(data.db, delivered.organization_id);
    const asSeller = await userError(
      writeReview(
        data.db,
        [{ role: 'cooperative', actor: cooperative }],
        delivered.code,
        input,
        [],
        data.uploadsDir,
      ),
    );
    expect(asSeller.status).toBe(400);
    const badPhoto = await userError(
      writeReview(
        data.db,
        buyerParty(buyer),
        delivered.code,
        input,
        [photo('renamed-executable.jpg')],
        data.uploadsDir,
      ),
    );
    expect(badPhoto.status).toBeGreaterThanOrEqual(400);
    const tooMany = await userError(
      writeReview(
        data.db,
        buyerParty(buyer),
        delivered.code,
        input,
        [photo('small.webp'), photo('small.webp'), photo('small.webp'), photo('small.webp')],
        data.uploadsDir,
      ),
    );
    expect(tooMany.field).toBe('photos');
    expect(await reviewCount()).toBe(0);
  });

  it('lets a guest with the checkout key review a delivered order', async () => {
    const [product] = await productsOfTwoCooperatives(data.db);
    const buyer = await newBuyer(data.db, 'mua3@example.vn');
    const order = await buyerOrder(data.db, buyer, product.id);
    await writeReview(
      data.db,
      [{ role: 'buyer', access: { checkoutToken: order.placed.accessToken } }],
      order.code,
      { productId: product.id, rating: 3, body: '' },
      [],
      data.uploadsDir,
    );
    const row = await data.db.selectFrom('product_reviews').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ rating: 3, author_user_id: null, author_name: 'Mua' });
  });

  it('checks the form: stars 1–5, text at most 2,000 characters', () => {
    for (const rating of ['0', '6', 'x', '']) {
      const s = parseSubmission(writeReviewSchema, { productId: '3', rating, body: '' });
      expect(s.ok, rating).toBe(false);
      if (!s.ok) expect(s.fieldErrors.rating?.vi).toMatch(/1 đến 5/);
    }
    const long = parseSubmission(writeReviewSchema, {
      productId: '3',
      rating: '5',
      body: 'a'.repeat(2001),
    });
    expect(long.ok).toBe(false);
    const fine = parseSubmission(writeReviewSchema, { productId: '3', rating: '5' });
    expect(fine).toEqual({ ok: true, value: { productId: 3, rating: 5, body: '' } });
  });
});

describe('after a review: answer, report, moderation', () => {
  async function oneReview() {
    const [product, other] = await productsOfTwoCooperatives(data.db);
    const buyer = await newBuyer(data.db, 'mua4@example.vn');
    const order = await buyerOrder(data.db, buyer, product.id);
    const id = await writeReview(
      data.db,
      buyerParty(buyer),
      order.code,
      { productId: product.id, rating: 1, body: 'Hàng giả!' },
      [],
      data.uploadsDir,
    );
    return { id, product, other, buyer, order };
  }

  it('the cooperative answers once; another cooperative cannot', async () => {
    const { id, product, other } = await oneReview();
    const owner = await ownerActorOf(data.db, product.organization_id);
    const outsider = await ownerActorOf(data.db, other.organization_id);
    expect(
      (await userError(replyToReview(data.db, outsider, id, 'Không phải của tôi'))).status,
    ).toBe(404);
    await replyToReview(data.db, owner, id, 'Cảm ơn anh, HTX xin gửi lại hàng.');
    expect((await userError(replyToReview(data.db, owner, id, 'Lần hai'))).status).toBe(409);
    const [review] = await listProductReviews(data.db, product.id);
    expect(review?.reply?.body).toBe('Cảm ơn anh, HTX xin gửi lại hàng.');
  });

  it('a helper of the cooperative (tổ công nghệ số) may not answer; its staff may', async () => {
    const { id, product } = await oneReview();
    const member = async (email: string, role: 'helper' | 'staff') => {
      const userId = await newBuyer(data.db, email);
      await data.db
        .insertInto('organization_members')
        .values({
          organization_id: product.organization_id,
          user_id: userId,
          role,
          created_at: new Date().toISOString(),
        })
        .execute();
      const actor = await loadActor(data.db, userId);
      if (!actor) throw new Error('no actor');
      return actor;
    };
    const helper = await member('to-cns@example.vn', 'helper');
    const refused = await userError(replyToReview(data.db, helper, id, 'Trả lời hộ'));
    expect(refused.status).toBe(403);
    expect(refused.userMessage.vi).toMatch(/^Tổ công nghệ số không trả lời đánh giá/);
    expect((await listProductReviews(data.db, product.id))[0]?.reply).toBeNull();
    expect((await listMemberReviews(data.db, helper)).find((r) => r.id === id)?.canReply).toBe(
      false,
    );
    const staff = await member('nhan-vien@example.vn', 'staff');
    expect((await listMemberReviews(data.db, staff)).find((r) => r.id === id)?.canReply).toBe(true);
    await replyToReview(data.db, staff, id, 'Cảm ơn chị đã góp ý.');
    expect((await listProductReviews(data.db, product.id))[0]?.reply?.body).toBe(
      'Cảm ơn chị đã góp ý.',
    );
  });

  it('reports once per person, not one’s own; the operator hides with a reason and shows again', async () => {
    const { id, product, buyer } = await oneReview();
    const reporter = await loadActor(data.db, await newBuyer(data.db, 'bao@example.vn'));
    const author = await loadActor(data.db, buyer);
    if (!reporter || !author) throw new Error('no actors');
    expect((await userError(reportReview(data.db, author, id, 'Tự báo cáo'))).status).toBe(409);
    await reportReview(data.db, reporter, id, 'Lời lẽ xúc phạm');
    expect((await userError(reportReview(data.db, reporter, id, 'Lần nữa'))).status).toBe(409);

    expect(
      (
        await userError(
          moderateReview(data.db, reporter, { intent: 'hide', reviewId: id, reason: 'Spam' }),
        )
      ).status,
    ).toBe(403);
    const admin = { ...reporter, isAdmin: true };
    const countBefore = (await ratingSummary(data.db, product.id)).count;
    await moderateReview(data.db, admin, { intent: 'hide', reviewId: id, reason: 'Xúc phạm' });
    expect(await listProductReviews(data.db, product.id)).toEqual([]);
    expect((await ratingSummary(data.db, product.id)).count).toBe(countBefore - 1);
    expect(
      (
        await userError(
          moderateReview(data.db, admin, { intent: 'hide', reviewId: id, reason: 'Lại' }),
        )
      ).status,
    ).toBe(409);
    await moderateReview(data.db, admin, { intent: 'show', reviewId: id });
    expect(await listProductReviews(data.db, product.id)).toHaveLength(1);
    const audit = await data.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'review')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'review.write',
      'review.report',
      'review.hide',
      'review.show',
    ]);
    expect(audit[2]?.actor_user_id).toBe(admin.userId);
  });
});
