import { defineMessages } from '../messages';

/** Reviews: verified-purchase ratings, the cooperative's answer, reports and the operator's moderation. */
export const reviewsMessages = defineMessages('reviews', {
  notDelivered: {
    vi: 'Chỉ đánh giá được sau khi đơn hàng đã giao tới bạn.',
    en: 'You can review once the order has been delivered to you.',
  },
  notInOrder: {
    vi: 'Sản phẩm này không có trong đơn hàng.',
    en: 'This product is not in the order.',
  },
  alreadyReviewed: {
    vi: 'Bạn đã đánh giá sản phẩm này trong đơn hàng này.',
    en: 'You have already reviewed this product in this order.',
  },
  ratingRange: {
    vi: 'Chọn số sao từ 1 đến 5.',
    en: 'Choose from 1 to 5 stars.',
  },
  bodyTooLong: {
    vi: 'Nhận xét tối đa 2.000 ký tự.',
    en: 'The review can be at most 2,000 characters.',
  },
  tooManyPhotos: {
    vi: 'Tối đa 3 ảnh cho một đánh giá.',
    en: 'At most 3 photos per review.',
  },
  reviewNotFound: { vi: 'Không tìm thấy đánh giá.', en: 'Review not found.' },
  replyLength: {
    vi: 'Nhập câu trả lời (2–1.000 ký tự).',
    en: 'Enter the answer (2–1,000 characters).',
  },
  helperCannotReply: {
    vi: 'Tổ công nghệ số không trả lời đánh giá thay hợp tác xã: chủ hoặc nhân viên hợp tác xã trả lời.',
    en: 'The digital technology team does not answer reviews for the cooperative: its owner or staff do.',
  },
  alreadyReplied: {
    vi: 'Hợp tác xã đã trả lời đánh giá này; chỉ được trả lời một lần.',
    en: 'The cooperative has already answered this review; it may answer once.',
  },
  reasonLength: {
    vi: 'Nhập lý do (3–300 ký tự).',
    en: 'Enter a reason (3–300 characters).',
  },
  alreadyReported: {
    vi: 'Bạn đã báo cáo đánh giá này.',
    en: 'You have already reported this review.',
  },
  ownReview: {
    vi: 'Không thể báo cáo đánh giá của chính bạn.',
    en: 'You cannot report your own review.',
  },
  alreadyHidden: { vi: 'Đánh giá này đã bị ẩn.', en: 'This review is already hidden.' },
  notHidden: { vi: 'Đánh giá này đang hiển thị.', en: 'This review is already shown.' },
});
