import { defineMessages } from '../messages';

/** Uploaded photos and certificate scans. */
export const uploadMessages = defineMessages('uploads', {
  tooLarge: { vi: 'Tệp quá lớn: tối đa {size}.', en: 'The file is too large: {size} at most.' },
  notAPhoto: {
    vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP.',
    en: 'Only JPEG, PNG or WebP photos are accepted.',
  },
  unreadablePhoto: {
    vi: 'Ảnh bị hỏng hoặc không đọc được.',
    en: 'The photo is damaged or cannot be read.',
  },
  tooManyPixels: {
    vi: 'Ảnh có độ phân giải quá lớn (tối đa 64 megapixel).',
    en: 'The photo has too many pixels (64 megapixels at most).',
  },
  notAScan: {
    vi: 'Bản scan giấy chứng nhận phải là ảnh (JPEG, PNG, WebP) hoặc PDF.',
    en: 'The certificate scan must be an image (JPEG, PNG, WebP) or a PDF.',
  },
  unreadableScan: {
    vi: 'Bản scan bị hỏng hoặc không đọc được.',
    en: 'The scan is damaged or cannot be read.',
  },
});
