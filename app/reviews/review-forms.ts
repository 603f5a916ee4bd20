import { z } from 'zod';
import { reviewsMessages as m } from '~/i18n/messages/reviews';
import { formField, msg } from '~/lib/form';

// The review forms (decision 016): the buyer's review of one order line, the cooperative's answer,
// a report by any signed-in person, the operator's hide / show. Photos travel as files beside the
// parsed fields; the domain checks them.

export const MAX_REVIEW_PHOTOS = 3;
export const MAX_REVIEW_LENGTH = 2000;

const id = (message = m.reviewNotFound) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : v),
    z.number(msg(message)).int(msg(message)).positive(msg(message)),
  );

export const writeReviewSchema = z.object({
  productId: id(m.notInOrder),
  rating: formField.int({ min: 1, max: 5, message: m.ratingRange }),
  body: z.preprocess(
    (v) => (v === undefined ? '' : v),
    z.string().max(MAX_REVIEW_LENGTH, msg(m.bodyTooLong)),
  ),
});
export type WriteReviewForm = z.output<typeof writeReviewSchema>;

export const replyReviewSchema = z.object({
  reviewId: id(),
  reply: formField.text({ min: 2, max: 1000, message: m.replyLength }),
});

export const reportReviewSchema = z.object({
  reason: formField.text({ min: 3, max: 300, message: m.reasonLength }),
});

export const moderateReviewSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('hide'),
    reviewId: id(),
    reason: formField.text({ min: 3, max: 300, message: m.reasonLength }),
  }),
  z.object({ intent: z.literal('show'), reviewId: id() }),
]);
