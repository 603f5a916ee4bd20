// The reviews domain's public entry for code that also runs in the browser (no server-only imports).
// Everything else in app/reviews/ is internal (eslint: architecture/domain-boundaries).
export { formatRating, NO_RATING, type RatingSummary } from './ratings';
export {
  MAX_REVIEW_LENGTH,
  MAX_REVIEW_PHOTOS,
  moderateReviewSchema,
  replyReviewSchema,
  reportReviewSchema,
  type WriteReviewForm,
  writeReviewSchema,
} from './review-forms';
