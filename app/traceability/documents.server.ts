import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { UserError } from '~/lib/errors';
import { MAX_UPLOAD_BYTES, sniffType } from '~/lib/images.server';

/**
 * Lab reports (PDF) of inspection events. Stored outside the public uploads folder, under
 * DATA_DIR/private/lab-results/, content-addressed; served by /lo-hang/{id}/tai-lieu/{event} with a
 * sandboxing CSP, to buyers when the batch is public and to the cooperative's members.
 */

export function checkLabDocument(buffer: Buffer): void {
  if (buffer.length > MAX_UPLOAD_BYTES)
    throw new UserError('too_large', 413, m.labDocumentTooLarge, 'document');
  if (sniffType(buffer) !== 'application/pdf') {
    throw new UserError('unsupported_type', 415, m.labDocumentNotPdf, 'document');
  }
}

export async function saveLabDocument(dataDir: string, buffer: Buffer): Promise<string> {
  checkLabDocument(buffer);
  const key = `lab-results/${createHash('sha256').update(buffer).digest('hex').slice(0, 32)}.pdf`;
  const file = path.join(dataDir, 'private', key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, buffer);
  await fs.rename(temp, file);
  return key;
}

export async function readLabDocument(dataDir: string, key: string): Promise<Buffer | null> {
  if (!/^lab-results\/[0-9a-f]{32}\.pdf$/.test(key)) return null;
  return fs.readFile(path.join(dataDir, 'private', key)).catch(() => null);
}
