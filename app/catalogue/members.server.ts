import type { DB } from '~db/connection.server';
import { type Actor, requireOrgOwner, parseLoginIdentifier } from '~/accounts';
import {
  addMembership,
  createInvitation,
  listMemberships,
  removeMembership,
} from '~/accounts/index.server';
import { recordAudit } from '~/audit/index.server';
import { queueEmail } from '~/email/index.server';
import { formatMessage } from '~/i18n/messages';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { UserError } from '~/lib/errors';

/** Members and open invitations; callers check that the viewer may see the organization's private data. */
export async function listMembersForViewer(db: DB, organizationId: number) {
  const [members, invitations] = await Promise.all([
    db
      .selectFrom('organization_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.display_name', 'u.phone', 'u.email', 'm.role', 'm.created_at'])
      .where('m.organization_id', '=', organizationId)
      .orderBy('m.created_at')
      .execute(),
    db
      .selectFrom('organization_invitations')
      .select(['id', 'identifier', 'role', 'created_at'])
      .where('organization_id', '=', organizationId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute(),
  ]);
  return { members, invitations };
}

/**
 * Owners invite staff (or co-owners) by phone or e-mail. A person who already has an account joins at
 * once; otherwise the invitation waits and takes effect when they sign up with that phone or e-mail.
 */
export async function inviteMember(
  db: DB,
  actor: Actor,
  organizationId: number,
  input: { identifier: string; role: 'owner' | 'staff' | 'helper'; baseUrl: string },
  now = new Date(),
): Promise<'added' | 'invited'> {
  requireOrgOwner(actor, organizationId);
  const identifier = parseLoginIdentifier(input.identifier);
  if (!identifier) throw new UserError('invalid', 400, m.inviteIdentifierInvalid, 'identifier');
  const org = await db
    .selectFrom('organizations')
    .select(['name', 'province_code'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom('users')
    .select('id')
    .where(identifier.kind, '=', identifier.value)
    .executeTakeFirst();
  return db.transaction().execute(async (trx) => {
    if (user) {
      const added = await addMembership(
        trx,
        { organizationId, userId: user.id, role: input.role },
        now,
      );
      if (!added) throw new UserError('conflict', 409, m.alreadyMember, 'identifier');
      await recordAudit(
        trx,
        {
          actorUserId: actor.userId,
          organizationId,
          provinceCode: org.province_code,
          entityType: 'membership',
          entityId: user.id,
          action: 'added',
          changes: { role: [null, input.role] },
        },
        now,
      );
      return 'added';
    }
    const invitationId = await createInvitation(
      trx,
      { organizationId, identifier: identifier.value, role: input.role, invitedBy: actor.userId },
      now,
    );
    if (identifier.kind === 'email') {
      const params = { organization: org.name, url: `${input.baseUrl}/dang-ky` };
      const invitation = {
        subject: formatMessage(m.invitationSubject, params),
        text: formatMessage(m.invitationText, params),
      };
      await queueEmail(
        trx,
        {
          to: identifier.value,
          subject: invitation.subject.vi,
          text: `${invitation.text.vi}\n\n${invitation.text.en}`,
        },
        now,
      );
    }
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId,
        provinceCode: org.province_code,
        entityType: 'membership',
        entityId: invitationId,
        action: 'invited',
        changes: { identifier: [null, identifier.value], role: [null, input.role] },
      },
      now,
    );
    return 'invited';
  });
}

export async function removeMember(
  db: DB,
  actor: Actor,
  organizationId: number,
  userId: number,
  now = new Date(),
): Promise<void> {
  requireOrgOwner(actor, organizationId);
  const members = await listMemberships(db, organizationId);
  const target = members.find((m) => m.user_id === userId);
  if (!target) throw new UserError('not_found', 404, m.noSuchMember);
  if (target.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1) {
    throw new UserError('conflict', 409, m.lastOwner);
  }
  const org = await db
    .selectFrom('organizations')
    .select('province_code')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    await removeMembership(trx, organizationId, userId);
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId,
        provinceCode: org.province_code,
        entityType: 'membership',
        entityId: userId,
        action: 'removed',
        changes: { role: [target.role, null] },
      },
      now,
    );
  });
}
