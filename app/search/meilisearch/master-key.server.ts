import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads the managed server's master key, generating it on first use: 32 random bytes as base64url,
 * written with mode 0600 (exclusive create, so two processes racing cannot both write one).
 * A key file readable by others is tightened back to 0600 rather than trusted loosely.
 */
export function readOrCreateMasterKey(keyFile: string): string {
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  if (!fs.existsSync(keyFile)) {
    try {
      fs.writeFileSync(keyFile, `${randomBytes(32).toString('base64url')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((fs.statSync(keyFile).mode & 0o077) !== 0) fs.chmodSync(keyFile, 0o600);
  const key = fs.readFileSync(keyFile, 'utf8').trim();
  // Meilisearch refuses master keys under 16 bytes in production; a truncated file must not slip through.
  if (key.length < 32)
    throw new Error(
      `The Meilisearch master key in ${keyFile} is shorter than 32 characters; delete the file to generate a new one.`,
    );
  return key;
}
