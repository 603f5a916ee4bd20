import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { todayInVietnam } from '~/lib/dates';
import { col, type Cell, type DrillTable } from './drill-query';
import { vietnamDay } from './kpi';
import { STAMP_WINDOW_DAYS, type StampFigure } from './stamps';

/**
 * Stamp figures of the province's cooperatives, read from the traceability tables and the catalogue's
 * products and organizations directly (counted, never changed): decision 008.
 * Issued: every stamp of a finished issue request (revoked ones included: they were printed). Scans,
 * stamps flagged as possibly copied and buyer reports: the last `STAMP_WINDOW_DAYS` Vietnamese days.
 */

/** The UTC instant the window starts: midnight in Vietnam, `STAMP_WINDOW_DAYS - 1` days before today. */
export function stampWindowStart(today: string): string {
  return new Date(
    Date.parse(today) - (STAMP_WINDOW_DAYS - 1) * 86_400_000 - 7 * 3_600_000,
  ).toISOString();
}

const inProvince = (provinceCode: string) => (db: DB) =>
  db
    .selectFrom('batches as b')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .innerJoin('products as p', 'p.id', 'b.product_id')
    .where('o.province_code', '=', provinceCode);

export async function provinceStamps(
  db: DB,
  actor: Actor,
  provinceCode: string,
  today = todayInVietnam(),
) {
  requireOfficerFor(actor, provinceCode);
  const since = stampWindowStart(today);
  const batches = inProvince(provinceCode);
  const [issued, scans, copied, reports] = await Promise.all([
    batches(db)
      .innerJoin('stamp_issues as s', 's.batch_id', 'b.id')
      .where('s.status', '=', 'done')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('s.count'), eb.lit(0)).as('stamps'),
        eb.fn.countAll<number>().as('runs'),
      ])
      .executeTakeFirstOrThrow(),
    batches(db)
      .innerJoin('stamp_scans as s', 's.batch_id', 'b.id')
      .where('s.scanned_at', '>=', since)
      .select((eb) => [eb.fn.countAll<number>().as('scans')])
      .executeTakeFirstOrThrow(),
    batches(db)
      .innerJoin('stamp_scans as s', 's.batch_id', 'b.id')
      .where('s.scanned_at', '>=', since)
      .where('s.verdict', '=', 'possibly_copied')
      .select(['s.batch_id', 's.serial'])
      .distinct()
      .execute(),
    batches(db)
      .innerJoin('stamp_reports as r', 'r.batch_id', 'b.id')
      .where('r.created_at', '>=', since)
      .select((eb) => [eb.fn.countAll<number>().as('reports')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    issued: Number(issued.stamps),
    issueRuns: Number(issued.runs),
    scans: Number(scans.scans),
    copied: copied.length,
    reports: Number(reports.reports),
    windowDays: STAMP_WINDOW_DAYS,
  };
}

/** The rows behind one stamp figure; no buyer data (scans keep no address, reports' contacts are left out). */
export async function stampRows(
  db: DB,
  provinceCode: string,
  figure: StampFigure,
  today: string,
): Promise<DrillTable> {
  const since = stampWindowStart(today);
  const batches = inProvince(provinceCode);
  const base = [col('product'), col('organization'), col('lot')];
  let columns = base;
  let rows: Array<Record<string, Cell>> = [];
  if (figure === 'stamps-issued') {
    const issues = await batches(db)
      .innerJoin('stamp_issues as s', 's.batch_id', 'b.id')
      .where('s.status', '=', 'done')
      .select([
        'p.name',
        'o.name as org',
        'b.lot_code',
        's.serial_start',
        's.count',
        's.finished_at',
      ])
      .orderBy('s.id')
      .execute();
    columns = [...base, col('serial_from'), col('serial_to'), col('count'), col('issued_on')];
    rows = issues.map((s) => ({
      product: s.name,
      organization: s.org,
      lot: s.lot_code,
      serial_from: s.serial_start,
      serial_to: s.serial_start + s.count - 1,
      count: s.count,
      issued_on: s.finished_at ? vietnamDay(s.finished_at) : '',
    }));
  } else if (figure === 'stamps-scanned') {
    const scans = await batches(db)
      .innerJoin('stamp_scans as s', 's.batch_id', 'b.id')
      .where('s.scanned_at', '>=', since)
      .select(['p.name', 'o.name as org', 'b.lot_code', 's.serial', 's.scanned_at', 's.verdict'])
      .orderBy('s.scanned_at', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
    columns = [...base, col('serial'), col('scanned_at'), col('verdict')];
    rows = scans.map((s) => ({
      product: s.name,
      organization: s.org,
      lot: s.lot_code,
      serial: s.serial,
      scanned_at: s.scanned_at,
      verdict: s.verdict,
    }));
  } else if (figure === 'stamps-copied') {
    const stamps = await batches(db)
      .innerJoin('stamp_scans as s', 's.batch_id', 'b.id')
      .where('s.scanned_at', '>=', since)
      .where('s.verdict', '=', 'possibly_copied')
      .select((eb) => [
        'p.name',
        'o.name as org',
        'b.lot_code',
        's.serial',
        eb.fn.countAll<number>().as('flagged_scans'),
        eb.fn.min('s.scanned_at').as('first'),
        eb.fn.max('s.scanned_at').as('last'),
      ])
      .groupBy(['s.batch_id', 's.serial'])
      .orderBy('s.batch_id')
      .orderBy('s.serial')
      .execute();
    columns = [...base, col('serial'), col('flagged_scans'), col('first'), col('last')];
    rows = stamps.map((s) => ({
      product: s.name,
      organization: s.org,
      lot: s.lot_code,
      serial: s.serial,
      flagged_scans: Number(s.flagged_scans),
      first: s.first as string,
      last: s.last as string,
    }));
  } else {
    const reports = await batches(db)
      .innerJoin('stamp_reports as r', 'r.batch_id', 'b.id')
      .where('r.created_at', '>=', since)
      .select([
        'p.name',
        'o.name as org',
        'b.lot_code',
        'r.serial',
        'r.message',
        'r.created_at',
        'r.status',
      ])
      .orderBy('r.created_at', 'desc')
      .execute();
    columns = [...base, col('serial'), col('reported_on'), col('message'), col('status')];
    rows = reports.map((r) => ({
      product: r.name,
      organization: r.org,
      lot: r.lot_code,
      serial: r.serial,
      reported_on: vietnamDay(r.created_at),
      message: r.message,
      status: r.status,
    }));
  }
  return { columns, rows, links: rows.map(() => null) };
}
