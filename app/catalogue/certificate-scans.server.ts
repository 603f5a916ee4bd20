import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/**
 * Certificate scans are private (the cooperative and the trade office), so they live outside the public
 * uploads folder, under DATA_DIR/private/, content-addressed and written atomically.
 */
export async function saveCertificateScan(
  dataDir: string,
  buffer: Buffer,
  contentType: string,
): Promise<{ key: string; contentType: string }> {
  const key = `certificates/${createHash('sha256').update(buffer).digest('hex').slice(0, 32)}.${EXTENSIONS[contentType] ?? 'bin'}`;
  const file = path.join(dataDir, 'private', key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, buffer);
  await fs.rename(temp, file);
  return { key, contentType };
}
