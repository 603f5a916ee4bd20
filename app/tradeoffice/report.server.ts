import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { tradeofficeMessages as m } from '~/i18n/messages/tradeoffice';
import { todayInVietnam } from '~/lib/dates';
import { invalid } from '~/lib/errors';
import { provinceKpi } from './dashboard.server';
import { provinceName } from './province.server';
import { provinceSales } from './sales.server';

/** Months from `from`'s to `to`'s, both included, at most 36 (the chart's width). */
export function monthsBetween(from: string, to: string): number {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7)) +
    1;
  return Math.min(36, months);
}

/**
 * The printable report for the period the officer picks (by default this month up to today): the KPI
 * at its end, its months, its sales. Officers of the province and admins only.
 */
export async function provinceReport(
  db: DB,
  actor: Actor,
  provinceCode: string,
  period: { from: string | null; to: string | null },
  today = todayInVietnam(),
) {
  requireOfficerFor(actor, provinceCode);
  const to = period.to ?? today;
  const from = period.from ?? `${today.slice(0, 7)}-01`;
  if (from > to) throw invalid('tu', m.reportPeriodInvalid);
  const months = monthsBetween(from, to);
  const [{ kpi, communeNames }, sales, province] = await Promise.all([
    provinceKpi(db, actor, provinceCode, to, months),
    provinceSales(db, actor, provinceCode, to, months, from),
    provinceName(db, provinceCode),
  ]);
  return { province, from, to, kpi, communeNames, sales };
}
