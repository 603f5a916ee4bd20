import { uploadMessages } from '~/i18n/messages/uploads';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { IMAGE_WIDTHS } from './image-urls';
import { UserError } from './errors';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * A 50-megapixel phone photo fits; a 10 MB PNG of one colour claiming 16 000 × 16 000 pixels (a
 * decompression bomb, 1 GB once decoded) does not.
 */
export const MAX_INPUT_PIXELS = 64_000_000;
/** WebP cannot be taller than this; very tall images are also capped at 4 × their width. */
const WEBP_MAX_SIDE = 16_383;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export type DocumentType = ImageType | 'application/pdf';

/** The type a file really has, from its first bytes (a renamed executable is not a JPEG). */
export function sniffType(buffer: Buffer): DocumentType | null {
  if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff)
    return 'image/jpeg';
  if (
    buffer.length >= 8 &&
    buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    buffer.length >= 12 &&
    buffer.toString('latin1', 0, 4) === 'RIFF' &&
    buffer.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  if (buffer.length >= 5 && buffer.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** `10 MB`, `512 KB`: the limit as people read it (Vietnamese uses a decimal comma). */
function sizeLabel(bytes: number, lang: 'vi' | 'en'): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : [Math.max(1, bytes / 1024), 'KB'];
  const rounded = `${Math.round(value * 10) / 10}`;
  return `${lang === 'vi' ? rounded.replace('.', ',') : rounded} ${unit}`;
}

function tooLarge(maxBytes: number, field: string): UserError {
  return new UserError(
    'too_large',
    413,
    {
      vi: uploadMessages.tooLarge.vi.replace('{size}', sizeLabel(maxBytes, 'vi')),
      en: uploadMessages.tooLarge.en.replace('{size}', sizeLabel(maxBytes, 'en')),
    },
    field,
  );
}

const NOT_A_PHOTO = uploadMessages.notAPhoto;
const UNREADABLE = uploadMessages.unreadablePhoto;
const TOO_MANY_PIXELS = uploadMessages.tooManyPixels;
const NOT_A_SCAN = uploadMessages.notAScan;

export interface ImageVariant {
  /** The width slot this variant fills (320, 640, 1280): it names the file. */
  width: number;
  /** Its real size: never wider than the slot, never larger than the original. */
  pixelWidth: number;
  pixelHeight: number;
  data: Buffer;
}

/** Shaped like `RenderedImage` from the catalogue, so `saveRenderedImage`/`addProductPhoto` take it as is. */
export interface ProcessedImage {
  /** `p/` + the first 24 hex digits of the upload's SHA-256: the same photo is stored once. */
  storageKey: string;
  sourceType: ImageType;
  /** Size of the largest variant, upright. */
  width: number;
  height: number;
  variants: ImageVariant[];
}

export interface ProcessOptions {
  maxBytes?: number;
  widths?: readonly number[];
  /** The form field errors are reported on. */
  field?: string;
}

/**
 * A photo from a phone: JPEG, PNG or WebP judged by content (not by name), at most `maxBytes`. Turned
 * upright from its EXIF orientation, then re-encoded to WebP variants without any metadata (no EXIF, no
 * GPS, no ICC: colours are converted to sRGB first). Anything else is a 413/415 UserError.
 */
export async function processUploadedImage(
  buffer: Buffer,
  options: ProcessOptions = {},
): Promise<ProcessedImage> {
  const { maxBytes = MAX_UPLOAD_BYTES, widths = IMAGE_WIDTHS, field = 'photo' } = options;
  if (buffer.length > maxBytes) throw tooLarge(maxBytes, field);
  const sourceType = sniffType(buffer);
  if (sourceType !== 'image/jpeg' && sourceType !== 'image/png' && sourceType !== 'image/webp') {
    throw new UserError('unsupported_type', 415, NOT_A_PHOTO, field);
  }
  // failOn 'warning': a truncated or damaged file is refused, not half-decoded into grey.
  const decode = () =>
    sharp(buffer, {
      failOn: 'warning',
      limitInputPixels: false,
      sequentialRead: true,
    }).autoOrient();
  let meta: sharp.Metadata;
  try {
    meta = await sharp(buffer, { limitInputPixels: false }).metadata();
  } catch {
    throw new UserError('unreadable', 415, UNREADABLE, field);
  }
  if (!meta.width || !meta.height) throw new UserError('unreadable', 415, UNREADABLE, field);
  if (meta.width * meta.height > MAX_INPUT_PIXELS)
    throw new UserError('too_many_pixels', 413, TOO_MANY_PIXELS, field);

  const variants: ImageVariant[] = [];
  try {
    for (const width of widths) {
      const { data, info } = await decode()
        .resize({
          width,
          height: Math.min(WEBP_MAX_SIDE, width * 4),
          fit: 'inside',
          withoutEnlargement: true,
        })
        .webp({ quality: 78 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width, pixelWidth: info.width, pixelHeight: info.height, data });
    }
  } catch {
    throw new UserError('unreadable', 415, UNREADABLE, field);
  }
  const largest = variants.at(-1);
  if (!largest) throw new RangeError('processUploadedImage needs at least one width');
  const hash = createHash('sha256').update(buffer).digest('hex').slice(0, 24);
  return {
    storageKey: `p/${hash}`,
    sourceType,
    width: largest.pixelWidth,
    height: largest.pixelHeight,
    variants,
  };
}

/** The product-photo upload the listing pages use: the storefront's widths, 10 MB. */
export function processUploadedPhoto(buffer: Buffer): Promise<ProcessedImage> {
  return processUploadedImage(buffer);
}

/**
 * The type of a certificate scan (JPEG, PNG, WebP or PDF) by content, at most `maxBytes`; 413/415 otherwise.
 * Only the type is checked here; `prepareCertificateScan` also strips an image scan's metadata.
 */
export function detectDocumentType(
  buffer: Buffer,
  options: { maxBytes?: number; field?: string } = {},
): DocumentType {
  const { maxBytes = MAX_UPLOAD_BYTES, field = 'scan' } = options;
  if (buffer.length > maxBytes) throw tooLarge(maxBytes, field);
  const type = sniffType(buffer);
  if (!type) throw new UserError('unsupported_type', 415, NOT_A_SCAN, field);
  return type;
}

/** Kept for the listing routes: `detectDocumentType` with the defaults. */
export function checkCertificateScan(buffer: Buffer): DocumentType {
  return detectDocumentType(buffer);
}

/**
 * A certificate scan ready to store: a PDF as it came; an image upright and re-encoded in its own format
 * without metadata (phones write GPS into scans too). A damaged image is a 415.
 */
export async function prepareCertificateScan(
  buffer: Buffer,
): Promise<{ contentType: DocumentType; data: Buffer }> {
  const contentType = detectDocumentType(buffer);
  if (contentType === 'application/pdf') return { contentType, data: buffer };
  try {
    const image = sharp(buffer, {
      failOn: 'warning',
      limitInputPixels: MAX_INPUT_PIXELS,
    }).autoOrient();
    const encoded =
      contentType === 'image/jpeg'
        ? image.jpeg({ quality: 90 })
        : contentType === 'image/png'
          ? image.png()
          : image.webp({ quality: 90 });
    return { contentType, data: await encoded.toBuffer() };
  } catch {
    throw new UserError('unreadable', 415, uploadMessages.unreadableScan, 'scan');
  }
}
