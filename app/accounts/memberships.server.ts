import type { DB } from '~db/connection.server';

// Memberships and invitations decide who may act for an organization, so accounts owns their tables;
// the catalogue (which owns organizations) composes these with its own checks, audit and e-mail.

export type MembershipRole = 'owner' | 'staff' | 'helper';

/** Adds a member; false when the user already belongs to the organization (nothing changes). */
export async function addMembership(
  trx: DB,
  membership: { organizationId: number; userId: number; role: MembershipRole },
  now = new Date(),
): Promise<boolean> {
  const result = await trx
    .insertInto('organization_members')
    .values({
      organization_id: membership.organizationId,
      user_id: membership.userId,
      role: membership.role,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function membershipRole(
  db: DB,
  organizationId: number,
  userId: number,
): Promise<MembershipRole | null> {
  const row = await db
    .selectFrom('organization_members')
    .select('role')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (row?.role as MembershipRole | undefined) ?? null;
}

export async function listMemberships(db: DB, organizationId: number) {
  return db
    .selectFrom('organization_members')
    .select(['user_id', 'role'])
    .where('organization_id', '=', organizationId)
    .execute();
}

export async function removeMembership(
  trx: DB,
  organizationId: number,
  userId: number,
): Promise<void> {
  await trx
    .deleteFrom('organization_members')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}

/** An invitation that takes effect when someone signs up with this phone or e-mail. */
export async function createInvitation(
  trx: DB,
  invitation: {
    organizationId: number;
    identifier: string;
    role: MembershipRole;
    invitedBy: number;
  },
  now = new Date(),
): Promise<number> {
  const row = await trx
    .insertInto('organization_invitations')
    .values({
      organization_id: invitation.organizationId,
      identifier: invitation.identifier,
      role: invitation.role,
      invited_by: invitation.invitedBy,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new account takes up every open invitation sent to its phone or e-mail. */
export async function acceptPendingInvitations(
  db: DB,
  userId: number,
  identifier: string,
  now = new Date(),
): Promise<void> {
  const invitations = await db
    .selectFrom('organization_invitations')
    .selectAll()
    .where('identifier', '=', identifier)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  for (const invitation of invitations) {
    await db.transaction().execute(async (trx) => {
      await addMembership(
        trx,
        {
          organizationId: invitation.organization_id,
          userId,
          role: invitation.role as MembershipRole,
        },
        now,
      );
      await trx
        .updateTable('organization_invitations')
        .set({ accepted_at: now.toISOString() })
        .where('id', '=', invitation.id)
        .execute();
    });
  }
}

/** The e-mail addresses of an organization's members (those who gave one), for notices. */
export async function memberEmails(db: DB, organizationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('organization_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.organization_id', '=', organizationId)
    .where('u.email', 'is not', null)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.email).filter((e): e is string => e !== null);
}
