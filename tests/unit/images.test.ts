import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkCertificateScan,
  detectDocumentType,
  MAX_UPLOAD_BYTES,
  prepareCertificateScan,
  processUploadedImage,
  sniffType,
} from '~/lib/images.server';
import { isUserError } from '~/lib/errors';
import {
  contentKey,
  imageVariantKey,
  InvalidStorageKeyError,
  isValidStorageKey,
  LocalDiskStorage,
  putImageVariants,
  type Storage,
} from '~/lib/uploads.server';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/uploads');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** The UserError a promise or call ends in, as `status code field`. */
async function failure(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isUserError(error)) return `${error.status} ${error.code} ${error.field}`;
    throw error;
  }
  return 'no error';
}

describe('sniffType', () => {
  it('reads the type from the first bytes, not the name', () => {
    expect(sniffType(fixture('gps-rotated.jpg'))).toBe('image/jpeg');
    expect(sniffType(fixture('wide.png'))).toBe('image/png');
    expect(sniffType(fixture('small.webp'))).toBe('image/webp');
    expect(sniffType(fixture('certificate.pdf'))).toBe('application/pdf');
    expect(sniffType(fixture('renamed-executable.jpg'))).toBeNull();
    expect(sniffType(fixture('drawing.svg.jpg'))).toBeNull();
    expect(sniffType(fixture('animation.gif'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
    expect(sniffType(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
  });
});

describe('processUploadedImage', () => {
  it('turns a phone JPEG upright and strips EXIF and GPS from every variant', async () => {
    const input = fixture('gps-rotated.jpg');
    const before = await sharp(input).metadata();
    expect([before.width, before.height, before.orientation, Boolean(before.exif)]).toEqual([
      60,
      40,
      6,
      true,
    ]);

    const image = await processUploadedImage(input);
    expect(image.sourceType).toBe('image/jpeg');
    expect(image.storageKey).toMatch(/^p\/[0-9a-f]{24}$/);
    expect(image.variants.map((v) => v.width)).toEqual([320, 640, 1280]);
    for (const variant of image.variants) {
      const meta = await sharp(variant.data).metadata();
      expect(meta.format).toBe('webp');
      // Orientation 6 means the stored 60 × 40 is shown 40 × 60; never upscaled.
      expect([meta.width, meta.height, variant.pixelWidth, variant.pixelHeight]).toEqual([
        40, 60, 40, 60,
      ]);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    expect([image.width, image.height]).toEqual([40, 60]);
  });

  it('scales a wide PNG down to each width, in proportion, never past the original', async () => {
    const image = await processUploadedImage(fixture('wide.png'));
    expect(image.sourceType).toBe('image/png');
    expect(image.variants.map((v) => [v.width, v.pixelWidth, v.pixelHeight])).toEqual([
      [320, 320, 16],
      [640, 640, 32],
      [1280, 1280, 64],
    ]);
    expect([image.width, image.height]).toEqual([1280, 64]);
  });

  it('accepts WebP and keeps a small one at its own size', async () => {
    const image = await processUploadedImage(fixture('small.webp'));
    expect(image.sourceType).toBe('image/webp');
    expect(image.variants.map((v) => [v.pixelWidth, v.pixelHeight])).toEqual([
      [200, 150],
      [200, 150],
      [200, 150],
    ]);
  });

  it('gives the same key for the same bytes and another for other bytes', async () => {
    const a = await processUploadedImage(fixture('small.webp'), { widths: [320] });
    const b = await processUploadedImage(fixture('small.webp'), { widths: [320] });
    const c = await processUploadedImage(fixture('wide.png'), { widths: [320] });
    expect(a.storageKey).toBe(b.storageKey);
    expect(c.storageKey).not.toBe(a.storageKey);
  });

  it('refuses a file over the size limit with 413, before decoding it', async () => {
    expect(await failure(() => processUploadedImage(fixture('wide.png'), { maxBytes: 1000 }))).toBe(
      '413 too_large photo',
    );
    const huge = Buffer.concat([fixture('gps-rotated.jpg'), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(await failure(() => processUploadedImage(huge))).toBe('413 too_large photo');
    try {
      await processUploadedImage(huge);
    } catch (error) {
      expect(isUserError(error) && error.userMessage).toEqual({
        vi: 'Tệp quá lớn: tối đa 10 MB.',
        en: 'The file is too large: 10 MB at most.',
      });
    }
  });

  it('refuses a decompression bomb (too many pixels) with 413', async () => {
    const bomb = await sharp({
      create: { width: 9000, height: 8000, channels: 3, background: '#fff' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await failure(() => processUploadedImage(bomb))).toBe('413 too_many_pixels photo');
  });

  it.each([
    ['a renamed executable', 'renamed-executable.jpg'],
    ['an SVG named .jpg', 'drawing.svg.jpg'],
    ['a GIF', 'animation.gif'],
    ['a PDF', 'certificate.pdf'],
  ])('refuses %s with 415', async (_what, name) => {
    expect(await failure(() => processUploadedImage(fixture(name)))).toBe(
      '415 unsupported_type photo',
    );
  });

  it.each([
    ['a truncated JPEG', 'truncated.jpg'],
    ['a JPEG header followed by garbage', 'corrupt.jpg'],
  ])('refuses %s as unreadable with 415', async (_what, name) => {
    expect(await failure(() => processUploadedImage(fixture(name)))).toBe('415 unreadable photo');
  });

  it('refuses an empty file and reports on the field it is given', async () => {
    expect(await failure(() => processUploadedImage(Buffer.alloc(0), { field: 'logo' }))).toBe(
      '415 unsupported_type logo',
    );
  });

  it('has a bilingual message for a wrong type', async () => {
    try {
      await processUploadedImage(fixture('renamed-executable.jpg'));
    } catch (error) {
      expect(isUserError(error) && error.userMessage).toEqual({
        vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP.',
        en: 'Only JPEG, PNG or WebP photos are accepted.',
      });
    }
  });
});

describe('certificate scans', () => {
  it('detectDocumentType accepts images and PDFs by content', () => {
    expect(detectDocumentType(fixture('certificate.pdf'))).toBe('application/pdf');
    expect(detectDocumentType(fixture('gps-rotated.jpg'))).toBe('image/jpeg');
    expect(detectDocumentType(fixture('wide.png'))).toBe('image/png');
    expect(checkCertificateScan(fixture('small.webp'))).toBe('image/webp');
  });

  it('refuses other types with 415 and large files with 413', async () => {
    expect(await failure(() => detectDocumentType(fixture('renamed-executable.jpg')))).toBe(
      '415 unsupported_type scan',
    );
    expect(await failure(() => detectDocumentType(fixture('animation.gif')))).toBe(
      '415 unsupported_type scan',
    );
    expect(await failure(() => detectDocumentType(Buffer.alloc(0)))).toBe(
      '415 unsupported_type scan',
    );
    expect(
      await failure(() => detectDocumentType(fixture('certificate.pdf'), { maxBytes: 100 })),
    ).toBe('413 too_large scan');
    try {
      detectDocumentType(fixture('certificate.pdf'), { maxBytes: 100 });
    } catch (error) {
      expect(isUserError(error) && error.userMessage.vi).toBe('Tệp quá lớn: tối đa 1 KB.');
    }
  });

  it('prepareCertificateScan strips an image scan’s GPS and passes a PDF through', async () => {
    const image = await prepareCertificateScan(fixture('gps-rotated.jpg'));
    const meta = await sharp(image.data).metadata();
    expect([image.contentType, meta.format, meta.exif, meta.width, meta.height]).toEqual([
      'image/jpeg',
      'jpeg',
      undefined,
      40,
      60,
    ]);
    const pdf = await prepareCertificateScan(fixture('certificate.pdf'));
    expect(pdf).toEqual({ contentType: 'application/pdf', data: fixture('certificate.pdf') });
    expect(await failure(() => prepareCertificateScan(fixture('truncated.jpg')))).toBe(
      '415 unreadable scan',
    );
  });
});

describe('LocalDiskStorage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cho-phien-uploads-'));
  const storage = new LocalDiskStorage(root);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('puts, gets, serves and deletes by content-addressed key', async () => {
    const data = fixture('small.webp');
    const key = contentKey(data, { prefix: 'p', extension: 'webp', suffix: '320' });
    expect(key).toMatch(/^p\/[0-9a-f]{24}-320\.webp$/);
    expect(await storage.put(key, data, 'image/webp')).toEqual({ created: true });
    expect(await storage.put(key, data, 'image/webp')).toEqual({ created: false });
    expect(await storage.get(key)).toEqual({ data, contentType: 'image/webp' });
    expect(storage.url(key)).toBe(`/uploads/${key}`);
    expect(fs.readdirSync(path.join(root, 'p'))).toEqual([key.slice(2)]); // no temp files left
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it('refuses a content type that does not match the key', async () => {
    await expect(
      storage.put('p/abc.webp', Buffer.from('%PDF-'), 'application/pdf'),
    ).rejects.toThrow(/does not match/);
  });

  it.each([
    '../escape.webp',
    'p/../../escape.webp',
    '/etc/passwd.pdf',
    'p/./a.webp',
    'p//a.webp',
    '.hidden.webp',
    'p/a.webp/',
    'p\\a.webp',
    'p/a.html',
    'p/a',
    'P/A.webp',
    'p/a.webp.tmp',
    'p/..webp',
    '',
    'p/a b.webp',
    'p/a%2f..%2fb.webp',
    `${'a'.repeat(101)}.webp`,
  ])('refuses the key %j everywhere (no path traversal)', async (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    await expect(storage.put(key, Buffer.from('x'), 'image/webp')).rejects.toThrow(
      InvalidStorageKeyError,
    );
    await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
    expect(() => storage.url(key)).toThrow(InvalidStorageKeyError);
    expect(fs.existsSync(path.join(root, '..', 'escape.webp'))).toBe(false);
  });

  it('builds keys only from safe parts', () => {
    expect(imageVariantKey('p/0123456789abcdef01234567', 640)).toBe(
      'p/0123456789abcdef01234567-640.webp',
    );
    expect(() => imageVariantKey('../p', 640)).toThrow(InvalidStorageKeyError);
    expect(() => contentKey(Buffer.from('x'), { prefix: '..', extension: 'pdf' })).toThrow(
      InvalidStorageKeyError,
    );
  });

  it('stores every variant of a processed photo under the keys the storefront links to', async () => {
    const image = await processUploadedImage(fixture('gps-rotated.jpg'));
    const keys = await putImageVariants(storage, image);
    expect(keys).toEqual([320, 640, 1280].map((w) => `${image.storageKey}-${w}.webp`));
    for (const key of keys) expect((await storage.get(key))?.contentType).toBe('image/webp');
  });

  it('removes what it wrote when a later variant fails, but keeps files an earlier upload made', async () => {
    const earlier = {
      storageKey: 'p/aaaaaaaaaaaaaaaaaaaaaaaa',
      variants: [{ width: 320, data: Buffer.from('earlier') }],
    };
    await putImageVariants(storage, earlier);
    let puts = 0;
    const failing: Storage = {
      put: (key, data, type) =>
        ++puts === 3 ? Promise.reject(new Error('disk full')) : storage.put(key, data, type),
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
      url: (key) => storage.url(key),
    };
    const image = {
      storageKey: earlier.storageKey,
      variants: [320, 640, 1280].map((width) => ({ width, data: Buffer.from(`v${width}`) })),
    };
    await expect(putImageVariants(failing, image)).rejects.toThrow('disk full');
    expect((await storage.get('p/aaaaaaaaaaaaaaaaaaaaaaaa-320.webp'))?.data.toString()).toBe(
      'earlier',
    );
    expect(await storage.get('p/aaaaaaaaaaaaaaaaaaaaaaaa-640.webp')).toBeNull();
    expect(await storage.get('p/aaaaaaaaaaaaaaaaaaaaaaaa-1280.webp')).toBeNull();
  });
});
