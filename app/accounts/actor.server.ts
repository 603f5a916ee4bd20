import type { DB } from '~db/connection.server';
import type { Actor } from './permissions';

/** Everything permission checks need about a signed-in user, read once per request. */
export async function loadActor(db: DB, userId: number): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'is_admin'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return null;
  const [memberships, officer] = await Promise.all([
    db
      .selectFrom('organization_members')
      .select(['organization_id', 'role'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('officer_assignments')
      .select('province_code')
      .where('user_id', '=', userId)
      .execute(),
  ]);
  return {
    userId: user.id,
    isAdmin: user.is_admin === 1,
    memberships: memberships.map((m) => ({ organizationId: m.organization_id, role: m.role })),
    officerProvinceCodes: officer.map((o) => o.province_code),
  };
}
