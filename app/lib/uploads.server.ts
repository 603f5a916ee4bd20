import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/*
 * Where uploaded files live, behind a small port so a cloud bucket can replace the local disk later.
 * Keys are content-addressed (`p/<sha256…>-640.webp`): the same bytes get the same key, so a stored
 * file never changes and its URL can be cached for a year.
 */

export const CONTENT_TYPES = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
} as const;

export type Extension = keyof typeof CONTENT_TYPES;

export interface StoredFile {
  data: Buffer;
  contentType: string;
}

export interface Storage {
  /**
   * Stores `data` under `key`. A key that already exists is left alone (same key, same content); the
   * answer says whether this call created the file.
   */
  put(key: string, data: Buffer, contentType: string): Promise<{ created: boolean }>;
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Where a browser fetches it. */
  url(key: string): string;
}

/**
 * Lower-case path segments of letters, digits, `_` and `-`, then one extension we serve. No `.` or `..`
 * segments, no absolute paths, no backslashes, no dot files: a key can never leave the storage root.
 */
const KEY = /^[a-z0-9][a-z0-9_-]{0,99}(\/[a-z0-9][a-z0-9_-]{0,99}){0,4}\.(webp|jpg|png|pdf)$/;

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key: ${JSON.stringify(key)}`);
    this.name = 'InvalidStorageKeyError';
  }
}

export function isValidStorageKey(key: string): boolean {
  return typeof key === 'string' && key.length <= 300 && KEY.test(key);
}

function extensionOf(key: string): Extension {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
  return key.slice(key.lastIndexOf('.') + 1) as Extension;
}

/** `<prefix>/<first 24 hex digits of SHA-256(data)>[-suffix].<extension>`; 96 bits make collisions moot. */
export function contentKey(
  data: Buffer,
  options: { prefix: string; extension: Extension; suffix?: string },
): string {
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 24);
  const key = `${options.prefix}/${hash}${options.suffix ? `-${options.suffix}` : ''}.${options.extension}`;
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
  return key;
}

/** The key of one WebP width of a product image (matches `imageUrl` in `./image-urls`). */
export function imageVariantKey(storageKey: string, width: number): string {
  const key = `${storageKey}-${width}.webp`;
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
  return key;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export class LocalDiskStorage implements Storage {
  private readonly root: string;

  /** `root` is a folder (created on demand); `urlPrefix` is where the server serves it (`/uploads`). */
  constructor(
    root: string,
    private readonly urlPrefix = '/uploads',
  ) {
    this.root = path.resolve(root);
  }

  /** The file behind a key; validated twice (pattern, then the resolved path) because this guards the disk. */
  pathOf(key: string): string {
    extensionOf(key);
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new InvalidStorageKeyError(key);
    return file;
  }

  async put(key: string, data: Buffer, contentType: string): Promise<{ created: boolean }> {
    const expected = CONTENT_TYPES[extensionOf(key)];
    if (contentType !== expected)
      throw new Error(`content type ${contentType} does not match key ${key} (${expected})`);
    const file = this.pathOf(key);
    try {
      await fs.access(file);
      return { created: false };
    } catch {
      // Not there yet: write it.
    }
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Written beside the target and renamed into place, so a reader never sees half a file, and two
    // uploads of the same photo at once both end with the whole file (rename replaces atomically).
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, data);
      await fs.rename(temp, file);
      return { created: true };
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const contentType = CONTENT_TYPES[extensionOf(key)];
    try {
      return { data: await fs.readFile(this.pathOf(key)), contentType };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  url(key: string): string {
    extensionOf(key);
    return `${this.urlPrefix}/${key}`;
  }
}

/**
 * Stores every WebP variant of a processed image and returns their keys. If one write fails, the files
 * this call created are removed again (files that were already there belong to an earlier upload of the
 * same photo and stay), so a failed upload leaves nothing behind.
 */
export async function putImageVariants(
  storage: Storage,
  image: { storageKey: string; variants: Array<{ width: number; data: Buffer }> },
): Promise<string[]> {
  const keys: string[] = [];
  const created: string[] = [];
  try {
    for (const variant of image.variants) {
      const key = imageVariantKey(image.storageKey, variant.width);
      if ((await storage.put(key, variant.data, 'image/webp')).created) created.push(key);
      keys.push(key);
    }
    return keys;
  } catch (error) {
    await Promise.all(created.map((key) => storage.delete(key)));
    throw error;
  }
}
