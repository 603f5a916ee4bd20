import type { DB } from '~db/connection.server';
import { type Actor, isMember, isOrgTrader, requireAdmin } from '~/accounts';
import { recordAudit } from '~/audit/index.server';
import { reviewsMessages as m } from '~/i18n/messages/reviews';
import { notFound, UserError } from '~/lib/errors';

// After a review is written: the cooperative answers once, anyone signed in may report it, the
// operator hides it with a reason (or shows it again). Every step is audited.

async function reviewRow(db: DB, reviewId: number) {
  const row = await db
    .selectFrom('product_reviews')
    .selectAll()
    .where('id', '=', reviewId)
    .executeTakeFirst();
  if (!row) throw notFound(m.reviewNotFound);
  return row;
}

/**
 * The reviewed cooperative's owner or staff answers the review; only one answer, never edited. The
 * answer speaks for the cooperative, so its digital technology team (helpers, decision 017) may not.
 */
export async function replyToReview(
  db: DB,
  actor: Actor,
  reviewId: number,
  reply: string,
  now = new Date(),
): Promise<void> {
  const review = await reviewRow(db, reviewId);
  // Another cooperative's member learns nothing about the review: the same 404 as a missing one.
  if (!isMember(actor, review.organization_id)) throw notFound(m.reviewNotFound);
  if (!isOrgTrader(actor, review.organization_id))
    throw new UserError('forbidden', 403, m.helperCannotReply, 'reply');
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('product_reviews')
      .set({ reply_body: reply, reply_by: actor.userId, reply_at: now.toISOString() })
      .where('id', '=', reviewId)
      .where('reply_body', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new UserError('already_replied', 409, m.alreadyReplied, 'reply');
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: review.organization_id,
        provinceCode: null,
        entityType: 'review',
        entityId: reviewId,
        action: 'review.reply',
        changes: { reply: [null, reply] },
      },
      now,
    );
  });
}

/** A signed-in person reports a review to the operator, once; the review stays until moderated. */
export async function reportReview(
  db: DB,
  actor: Actor,
  reviewId: number,
  reason: string,
  now = new Date(),
): Promise<void> {
  const review = await reviewRow(db, reviewId);
  if (review.state !== 'visible') throw notFound(m.reviewNotFound);
  if (review.author_user_id === actor.userId)
    throw new UserError('own_review', 409, m.ownReview, 'reason');
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('review_reports')
      .select('review_id')
      .where('review_id', '=', reviewId)
      .where('reporter_user_id', '=', actor.userId)
      .executeTakeFirst();
    if (done) throw new UserError('already_reported', 409, m.alreadyReported, 'reason');
    await trx
      .insertInto('review_reports')
      .values({
        review_id: reviewId,
        reporter_user_id: actor.userId,
        reason,
        created_at: now.toISOString(),
      })
      .execute();
    await trx
      .updateTable('product_reviews')
      .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
      .where('id', '=', reviewId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: review.organization_id,
        provinceCode: null,
        entityType: 'review',
        entityId: reviewId,
        action: 'review.report',
        changes: { reason: [null, reason] },
      },
      now,
    );
  });
}

/** The operator hides a review (with the reason buyers never see but the audit log keeps) or shows it. */
export async function moderateReview(
  db: DB,
  actor: Actor,
  input:
    { intent: 'hide'; reviewId: number; reason: string } | { intent: 'show'; reviewId: number },
  now = new Date(),
): Promise<void> {
  requireAdmin(actor);
  const review = await reviewRow(db, input.reviewId);
  const hide = input.intent === 'hide';
  if (hide && review.state === 'hidden')
    throw new UserError('already_hidden', 409, m.alreadyHidden, 'reason');
  if (!hide && review.state === 'visible')
    throw new UserError('not_hidden', 409, m.notHidden, 'reviewId');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('product_reviews')
      .set(
        hide
          ? {
              state: 'hidden',
              hidden_reason: input.reason,
              hidden_by: actor.userId,
              hidden_at: now.toISOString(),
            }
          : { state: 'visible', hidden_reason: null, hidden_by: null, hidden_at: null },
      )
      .where('id', '=', input.reviewId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: review.organization_id,
        provinceCode: null,
        entityType: 'review',
        entityId: input.reviewId,
        action: hide ? 'review.hide' : 'review.show',
        changes: {
          state: [review.state, hide ? 'hidden' : 'visible'],
          ...(hide ? { reason: [null, input.reason] } : {}),
        },
      },
      now,
    );
  });
}

const listColumns = [
  'r.id',
  'r.rating',
  'r.body',
  'r.author_name',
  'r.state',
  'r.hidden_reason',
  'r.reply_body',
  'r.report_count',
  'r.created_at',
  'p.name as product_name',
  'p.slug as product_slug',
] as const;

/** The operator's queue: reported reviews first, then the newest. */
export async function listReviewsForModeration(db: DB, actor: Actor, limit = 100) {
  requireAdmin(actor);
  const rows = await db
    .selectFrom('product_reviews as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .select(listColumns)
    .orderBy('r.report_count', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  const reports = rows.length
    ? await db
        .selectFrom('review_reports')
        .select(['review_id', 'reason', 'created_at'])
        .where(
          'review_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  return rows.map((r) => ({ ...r, reports: reports.filter((x) => x.review_id === r.id) }));
}

/**
 * The reviews of the cooperatives the actor is a member of, newest first (the seller's page), each
 * saying whether the actor may answer it (not a helper of that cooperative).
 */
export async function listMemberReviews(db: DB, actor: Actor, limit = 100) {
  const organizationIds = actor.memberships.map((m) => m.organizationId);
  if (!organizationIds.length) return [];
  const rows = await db
    .selectFrom('product_reviews as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .select([...listColumns, 'r.organization_id'])
    .where('r.organization_id', 'in', organizationIds)
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ organization_id, ...r }) => ({
    ...r,
    canReply: isOrgTrader(actor, organization_id),
  }));
}

/** A visible review as the report page shows it (404 for a hidden or missing one). */
export async function reviewForReport(db: DB, reviewId: number) {
  const row = await db
    .selectFrom('product_reviews as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .select(['r.id', 'r.rating', 'r.body', 'r.author_name', 'p.name as product_name', 'p.slug'])
    .where('r.id', '=', reviewId)
    .where('r.state', '=', 'visible')
    .executeTakeFirst();
  if (!row) throw notFound(m.reviewNotFound);
  return row;
}
