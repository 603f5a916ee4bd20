import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { IMAGE_WIDTHS } from '~/lib/image-urls';

export interface RenderedImage {
  storageKey: string;
  width: number;
  height: number;
  variants: Array<{ width: number; data: Buffer }>;
}

/**
 * Renders a trusted local image (seed or import file: SVG, PNG, JPEG or WebP) into the WebP widths the
 * storefront serves. The key is the content hash, so the same picture is stored once and its URLs
 * can be cached forever. Throws if sharp cannot read the file.
 */
export async function renderProductImage(input: Buffer): Promise<RenderedImage> {
  const hash = createHash('sha256').update(input).digest('hex').slice(0, 24);
  const source = sharp(input, { density: 144 }).rotate();
  const meta = await source.metadata();
  if (!meta.width || !meta.height) throw new Error('image has no size');
  const variants = [];
  for (const width of IMAGE_WIDTHS) {
    const data = await sharp(input, { density: 144 })
      .rotate()
      .resize({ width, withoutEnlargement: false, fit: 'inside' })
      .webp({ quality: 78 })
      .toBuffer();
    variants.push({ width, data });
  }
  const largest = await sharp(variants.at(-1)!.data).metadata();
  return {
    storageKey: `p/${hash}`,
    width: largest.width ?? meta.width,
    height: largest.height ?? meta.height,
    variants,
  };
}

/** Writes variants atomically (temp file + rename); existing files are left alone (same content). */
export async function saveRenderedImage(uploadsDir: string, image: RenderedImage): Promise<void> {
  for (const variant of image.variants) {
    const file = path.join(uploadsDir, `${image.storageKey}-${variant.width}.webp`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    try {
      await fs.access(file);
      continue;
    } catch {
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, variant.data);
      await fs.rename(temp, file);
    }
  }
}
