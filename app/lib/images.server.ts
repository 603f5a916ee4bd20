import { renderProductImage, type RenderedImage } from '~/catalogue/image-files.server';
import { UserError } from './errors';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The type a file really has, from its first bytes (a renamed executable is not a JPEG). */
export function sniffType(buffer: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | null {
  if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return 'image/jpeg';
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buffer.length >= 12 && buffer.toString('latin1', 0, 4) === 'RIFF' && buffer.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (buffer.length >= 5 && buffer.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

const tooLarge = () => new UserError('too_large', 413, { vi: 'Tệp quá lớn: tối đa 10 MB.', en: 'The file is too large: 10 MB at most.' }, 'photo');

/**
 * A product photo from a phone: JPEG, PNG or WebP by content, at most 10 MB. Rotated upright from its
 * EXIF orientation, then re-encoded to WebP variants, which drops every piece of metadata (EXIF, GPS).
 */
export async function processUploadedPhoto(buffer: Buffer): Promise<RenderedImage> {
  if (buffer.length > MAX_UPLOAD_BYTES) throw tooLarge();
  const type = sniffType(buffer);
  if (type !== 'image/jpeg' && type !== 'image/png' && type !== 'image/webp') {
    throw new UserError('unsupported_type', 415, { vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP.', en: 'Only JPEG, PNG or WebP photos are accepted.' }, 'photo');
  }
  try {
    return await renderProductImage(buffer);
  } catch {
    throw new UserError('unreadable', 415, { vi: 'Ảnh bị hỏng hoặc không đọc được.', en: 'The photo is damaged or cannot be read.' }, 'photo');
  }
}

/** A certificate scan: an image or a PDF, by content, at most 10 MB. */
export function checkCertificateScan(buffer: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' {
  if (buffer.length > MAX_UPLOAD_BYTES) throw tooLarge();
  const type = sniffType(buffer);
  if (!type) throw new UserError('unsupported_type', 415, { vi: 'Bản scan giấy chứng nhận phải là ảnh (JPEG, PNG, WebP) hoặc PDF.', en: 'The certificate scan must be an image (JPEG, PNG, WebP) or a PDF.' }, 'scan');
  return type;
}
