import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '~/lib/config.server';
import { createStampKeyring, type StampKeyring } from './authenticator.server';

const KEY_FILE = 'stamp-keys.json';

/**
 * The stamp keyring: STAMP_KEYS/STAMP_KEY_ID when configured; otherwise a key generated once into
 * DATA_DIR/stamp-keys.json (mode 0600) so a fresh install works and keeps verifying its own stamps.
 * Back that file up with the database: losing it makes every printed stamp read as not genuine.
 */
export function loadStampKeyring(config: Pick<Config, 'dataDir' | 'stamps'>): StampKeyring {
  if (config.stamps.keys && config.stamps.currentKeyId)
    return createStampKeyring(config.stamps.currentKeyId, config.stamps.keys);
  const file = path.join(config.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const generated = { currentKeyId: '1', keys: { '1': randomBytes(32).toString('base64url') } };
    // wx: never overwrite a key file another process wrote first.
    try {
      fs.writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    currentKeyId: string;
    keys: Record<string, string>;
  };
  return createStampKeyring(stored.currentKeyId, stored.keys);
}
