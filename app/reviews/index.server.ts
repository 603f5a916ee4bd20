// The reviews domain's server-side public entry: what routes, the server and other domains may use.
// Everything else in app/reviews/ is internal (eslint: architecture/domain-boundaries).
export {
  listMemberReviews,
  listReviewsForModeration,
  moderateReview,
  replyToReview,
  reportReview,
  reviewForReport,
} from './moderation.server';
export {
  listProductReviews,
  type PublicReview,
  ratingSummaries,
  ratingSummary,
  reviewPageForOrder,
  writeReview,
} from './reviews.server';
