import { sql } from 'kysely';
import type { DB } from '~db/connection.server';
import type { ScanVerdict } from '~db/schema-traceability';
import { traceabilityMessages as m } from '~/i18n/messages/traceability';
import { todayInVietnam } from '~/lib/dates';
import type { Message } from '~/lib/errors';
import { verifyStamp, type StampKeyring } from './authenticator.server';
import { isGtinIdentity, parseStampUrl, type StampIdentity } from './digital-link';
import { parseSerial, serialStatus } from './serials';

/**
 * The scan verdict: parse the URL → verify the authenticator with our keys (no database, so forgeries
 * cost nothing) → the serial is issued and not revoked → the batch has not expired → copy detection →
 * log the scan (network prefix only). Rules and reasons: docs/stamps.md, decision 007.
 */

/** Copy detection looks at this window before the scan. */
export const COPY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** More distinct networks (IPv4 /24, IPv6 /48) than this within the window ⇒ possibly copied. */
export const COPY_MAX_NETWORKS = 4;
/** More scans than this within the window ⇒ possibly copied. */
export const COPY_MAX_SCANS = 20;

export interface ScanHistory {
  /** Scans of this stamp ever, this one included. */
  total: number;
  /** The first scan (ISO timestamp). */
  firstAt: string;
  inWindow: number;
  networksInWindow: number;
}

export interface StampCheck {
  verdict: ScanVerdict;
  /** Why a stamp is not genuine (for support and the curious buyer); null otherwise. */
  reason: Message | null;
  batchId: number | null;
  serial: number | null;
  revocationReason: string | null;
  history: ScanHistory | null;
}

const notGenuine = (reason: Message): StampCheck => ({
  verdict: 'not_genuine',
  reason,
  batchId: null,
  serial: null,
  revocationReason: null,
  history: null,
});
const FORGED = m.forged;
const NOT_ISSUED = m.serialNeverIssued;

async function findBatch(db: DB, identity: StampIdentity) {
  const query = db.selectFrom('batches').select(['id', 'expires_on']);
  return isGtinIdentity(identity)
    ? query
        .where('gtin', '=', identity.gtin)
        .where('lot_code', '=', identity.lot)
        .executeTakeFirst()
    : query.where('id', '=', identity.batchId).where('gtin', 'is', null).executeTakeFirst();
}

/** Judges a scanned stamp URL and logs the scan of an identified stamp. */
export async function checkStamp(
  db: DB,
  keyring: StampKeyring,
  url: string,
  options: { networkPrefix: string; now?: Date },
): Promise<StampCheck> {
  const now = options.now ?? new Date();
  const parsed = parseStampUrl(url);
  if (!parsed.ok) return notGenuine(parsed.reason);
  const { authenticator, ...fields } = parsed.stamp;
  const identity: StampIdentity =
    'gtin' in fields && fields.gtin
      ? { gtin: fields.gtin, lot: fields.lot!, serial: fields.serial }
      : { batchId: fields.batchId!, serial: fields.serial };
  if (!verifyStamp(keyring, identity, authenticator)) return notGenuine(FORGED);
  const serial = parseSerial(identity.serial);
  if (serial === null) return notGenuine(NOT_ISSUED);
  const batch = await findBatch(db, identity);
  if (!batch) return notGenuine(NOT_ISSUED);

  const [issues, revocations] = await Promise.all([
    db
      .selectFrom('stamp_issues')
      .select(['serial_start', 'count'])
      .where('batch_id', '=', batch.id)
      .where('status', '=', 'done')
      .where('serial_start', '<=', serial)
      .execute(),
    db
      .selectFrom('stamp_revocations')
      .select(['serial_start', 'count', 'reason'])
      .where('batch_id', '=', batch.id)
      .where('serial_start', '<=', serial)
      .execute(),
  ]);
  const status = serialStatus(
    serial,
    issues.map((i) => ({ start: i.serial_start, count: i.count })),
    revocations.map((r) => ({ start: r.serial_start, count: r.count, reason: r.reason })),
  );
  if (status.status === 'not_issued') return notGenuine(NOT_ISSUED);

  const windowStart = new Date(now.getTime() - COPY_WINDOW_MS).toISOString();
  const prefix = options.networkPrefix.slice(0, 64);
  // Forged scans are never logged; revoked ones are, so the producer sees a lost roll being used.
  // Every query reads only the covering index (batch_id, serial, scanned_at, network_prefix), and the
  // window's queries stop as soon as the answer is known, so a stamp scanned thousands of times (a
  // widely copied one, or someone hammering it) costs the same as a fresh one.
  const thisStamp = db
    .selectFrom('stamp_scans')
    .where('batch_id', '=', batch.id)
    .where('serial', '=', serial);
  const [all, recent, networks] = await Promise.all([
    thisStamp
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.min('scanned_at').as('first')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(
        thisStamp
          .select(sql.lit(1).as('one'))
          .where('scanned_at', '>', windowStart)
          .limit(COPY_MAX_SCANS + 1)
          .as('w'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    // Up to COPY_MAX_NETWORKS + 1 distinct networks: with fewer, this is the whole set and tells whether
    // the buyer's network is already among them.
    thisStamp
      .select('network_prefix')
      .distinct()
      .where('scanned_at', '>', windowStart)
      .limit(COPY_MAX_NETWORKS + 1)
      .execute(),
  ]);
  const networkSet = new Set(networks.map((n) => n.network_prefix));
  const history: ScanHistory = {
    total: Number(all.total) + 1,
    firstAt: all.first ?? now.toISOString(),
    inWindow: Number(recent.n) + 1,
    networksInWindow: networkSet.size + (networkSet.has(prefix) ? 0 : 1),
  };
  const copied = history.networksInWindow > COPY_MAX_NETWORKS || history.inWindow > COPY_MAX_SCANS;
  const verdict: ScanVerdict =
    status.status === 'revoked'
      ? 'revoked'
      : batch.expires_on && batch.expires_on < todayInVietnam(now)
        ? 'expired'
        : copied
          ? 'possibly_copied'
          : 'genuine';
  await db
    .insertInto('stamp_scans')
    .values({
      batch_id: batch.id,
      serial,
      scanned_at: now.toISOString(),
      network_prefix: prefix,
      verdict,
    })
    .execute();
  return {
    verdict,
    reason: null,
    batchId: batch.id,
    serial,
    revocationReason: status.status === 'revoked' ? status.reason : null,
    history,
  };
}

/** Scan counts of a batch for its producer: total, flagged as possibly copied, distinct stamps. */
export async function scanSummary(db: DB, batchId: number) {
  const row = await db
    .selectFrom('stamp_scans')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number>(eb.case().when('verdict', '=', 'possibly_copied').then(1).else(0).end())
        .as('copied'),
    ])
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), copied: Number(row.copied ?? 0) };
}
