import type { DB } from '~db/connection.server';
import type { Actor } from '~/accounts';

// Read and unread notices (migration 0017): per user, the highest notice id read. Only this module
// writes notice_reads.

/** The highest notice id the user has read (0 when none yet). */
export async function lastReadNoticeId(db: DB, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notice_reads')
    .select('last_read_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.last_read_id ?? 0;
}

/** The organizations whose notices the actor sees. */
export const memberOrgIds = (actor: Actor) => actor.memberships.map((x) => x.organizationId);

/** How many notices of the actor's organizations the actor has not read: the seller menu's badge. */
export async function countUnreadNotices(db: DB, actor: Actor): Promise<number> {
  const orgIds = memberOrgIds(actor);
  if (orgIds.length === 0) return 0;
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organization_id', 'in', orgIds)
    .where('id', '>', (eb) =>
      eb.fn.coalesce(
        eb.selectFrom('notice_reads').select('last_read_id').where('user_id', '=', actor.userId),
        eb.lit(0),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks as read the actor's notices up to `upTo` (the newest one a page showed), or all of them.
 * Only notices of the actor's own organizations count, so a forged `upTo` cannot mark notices that do
 * not exist yet; reading never goes backwards. Returns the unread count left.
 */
export async function markNoticesRead(
  db: DB,
  actor: Actor,
  upTo: number | 'all',
  now = new Date(),
): Promise<number> {
  const orgIds = memberOrgIds(actor);
  if (orgIds.length === 0) return 0;
  let newest = db
    .selectFrom('notices')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('organization_id', 'in', orgIds);
  if (upTo !== 'all') newest = newest.where('id', '<=', upTo);
  const found = await newest.executeTakeFirst();
  const lastReadId = Number(found?.id ?? 0);
  if (lastReadId > 0) {
    await db
      .insertInto('notice_reads')
      .values({ user_id: actor.userId, last_read_id: lastReadId, read_at: now.toISOString() })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ last_read_id: lastReadId, read_at: now.toISOString() })
          .where('notice_reads.last_read_id', '<', lastReadId),
      )
      .execute();
  }
  return countUnreadNotices(db, actor);
}
