import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { listDemand, weeksBefore } from '~/search/index.server';

/** Weeks of unmet searches the dashboard shows. */
export const DEMAND_WEEKS = 8;

/**
 * What buyers searched for in this province (the query named it or filtered on it) and found nothing
 * or little, over the last weeks, most searched first. Officers of the province only.
 */
export async function provinceSearchDemand(
  db: DB,
  actor: Actor,
  provinceCode: string,
  now = new Date(),
) {
  requireOfficerFor(actor, provinceCode);
  return listDemand(db, {
    provinceCodes: [provinceCode],
    sinceWeek: weeksBefore(now, DEMAND_WEEKS),
    limit: 20,
  });
}
