import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor } from '~/accounts';
import { helperActivityInProvince } from '~/audit/index.server';
import { provinceName } from './province.server';

/**
 * The trade office's view of the community digital technology teams (decision 017): for one province,
 * which helper accounts worked for which cooperatives, and how many listings they created and edited.
 * Officers of the province and admins; anyone else gets 403.
 */
export async function communityHelpersPage(db: DB, actor: Actor, provinceCode: string) {
  requireOfficerFor(actor, provinceCode);
  const [province, rows] = await Promise.all([
    provinceName(db, provinceCode),
    helperActivityInProvince(db, provinceCode),
  ]);
  return {
    province,
    rows,
    helpers: new Set(rows.map((r) => r.helperUserId)).size,
    cooperatives: new Set(rows.map((r) => r.organizationId)).size,
  };
}
