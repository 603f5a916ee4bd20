import type { DB } from '~db/connection.server';
import { type Actor, requireOfficerFor, requireOrgOwner } from '~/accounts';
import { addMembership } from '~/accounts/index.server';
import { recordAudit } from '~/audit/index.server';
import { UserError, notFound } from '~/lib/errors';
import { slugify } from '~/lib/text';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import type { RegisterOrganizationForm } from './organization-form';
import { saveRenderedImage, type RenderedImage } from './image-files.server';
import { findOrganizationByName } from './save-organization.server';
import { recordDecisionNotice } from './notices.server';
import { organizationProductsChanged } from './search-documents.server';

export type RegisterOrganizationInput = RegisterOrganizationForm;

/** A signed-in user registers an organization; it starts pending and the user becomes its owner. */
export async function registerOrganization(
  db: DB,
  actor: Actor,
  input: RegisterOrganizationInput,
  now = new Date(),
): Promise<{ id: number; slug: string }> {
  const commune = await db
    .selectFrom('communes')
    .select('province_code')
    .where('code', '=', input.communeCode)
    .executeTakeFirst();
  if (!commune || commune.province_code !== input.provinceCode) {
    throw new UserError('invalid', 400, m.communeNotInProvince, 'communeCode');
  }
  if (await findOrganizationByName(db, input.provinceCode, input.name)) {
    throw new UserError('conflict', 409, m.organizationNameTaken, 'name');
  }
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let slug = slugify(input.name) || 'to-chuc';
    for (
      let n = 2;
      await trx
        .selectFrom('organizations')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      n++
    )
      slug = `${slugify(input.name)}-${n}`;
    const row = await trx
      .insertInto('organizations')
      .values({
        slug,
        name: input.name,
        kind: input.kind,
        province_code: input.provinceCode,
        commune_code: input.communeCode,
        address_line: input.addressLine,
        phone: input.phone,
        tax_code: input.taxCode,
        description: input.description,
        verification_state: 'pending',
        created_at: at,
        updated_at: at,
        created_by_user_id: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addMembership(trx, { organizationId: row.id, userId: actor.userId, role: 'owner' }, now);
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId: row.id,
        provinceCode: input.provinceCode,
        entityType: 'organization',
        entityId: row.id,
        action: 'registered',
        changes: { name: [null, input.name] },
      },
      now,
    );
    return { id: row.id, slug };
  });
}

export type OrganizationDecision =
  { approve: true } | { approve: false; reason: string; requestChanges?: boolean };

/**
 * An officer of the organization's province (or an admin) approves it, rejects it with a reason, or
 * sends it back asking for changes with a note (`requestChanges`); the cooperative sees the reason or
 * note in its workspace and can submit again. A rejected or returned organization is not public.
 */
export async function reviewOrganization(
  db: DB,
  actor: Actor,
  organizationId: number,
  decision: OrganizationDecision,
  now = new Date(),
): Promise<void> {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'province_code', 'verification_state'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) throw notFound();
  requireOfficerFor(actor, org.province_code);
  const requestChanges = !decision.approve && decision.requestChanges === true;
  if (!decision.approve && !decision.reason.trim()) {
    throw new UserError(
      'invalid',
      400,
      requestChanges ? m.changesNoteRequired : m.organizationReasonRequired,
      'reason',
    );
  }
  const state = decision.approve ? 'approved' : requestChanges ? 'changes_requested' : 'rejected';
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organizations')
      .set({
        verification_state: state,
        rejection_reason: decision.approve ? null : decision.reason.trim(),
        reviewed_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', organizationId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId,
        provinceCode: org.province_code,
        entityType: 'organization',
        entityId: organizationId,
        action: state,
        changes: {
          verification_state: [org.verification_state, state],
          ...(decision.approve ? {} : { reason: [null, decision.reason.trim()] }),
        },
      },
      now,
    );
    await recordDecisionNotice(
      trx,
      {
        organizationId,
        productId: null,
        subject: 'organization',
        decision: state,
        note: decision.approve ? null : decision.reason.trim(),
      },
      now,
    );
    await organizationProductsChanged(trx, organizationId);
  });
}

/** The owner submits a returned (or rejected) organization for review again, saying what was done. */
export async function resubmitOrganization(
  db: DB,
  actor: Actor,
  organizationId: number,
  note: string,
  now = new Date(),
): Promise<void> {
  requireOrgOwner(actor, organizationId);
  const org = await db
    .selectFrom('organizations')
    .select(['province_code', 'verification_state', 'rejection_reason'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  if (org.verification_state !== 'changes_requested' && org.verification_state !== 'rejected') {
    throw new UserError('illegal_transition', 409, m.nothingToResubmit);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organizations')
      .set({ verification_state: 'pending', rejection_reason: null, updated_at: now.toISOString() })
      .where('id', '=', organizationId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId,
        provinceCode: org.province_code,
        entityType: 'organization',
        entityId: organizationId,
        action: 'resubmitted',
        changes: {
          verification_state: [org.verification_state, 'pending'],
          reason: [org.rejection_reason, null],
          ...(note.trim() ? { note: [null, note.trim()] } : {}),
        },
      },
      now,
    );
    await organizationProductsChanged(trx, organizationId);
  });
}

/** Owners set the organization's logo (already checked and rendered to WebP variants). */
export async function setOrganizationLogo(
  db: DB,
  actor: Actor,
  organizationId: number,
  logo: RenderedImage,
  uploadsDir: string,
  now = new Date(),
): Promise<void> {
  requireOrgOwner(actor, organizationId);
  const org = await db
    .selectFrom('organizations')
    .select(['logo_key', 'province_code'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  await saveRenderedImage(uploadsDir, logo);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organizations')
      .set({ logo_key: logo.storageKey, updated_at: now.toISOString() })
      .where('id', '=', organizationId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.userId,
        organizationId,
        provinceCode: org.province_code,
        entityType: 'organization',
        entityId: organizationId,
        action: 'logo_changed',
        changes: { logo_key: [org.logo_key, logo.storageKey] },
      },
      now,
    );
  });
}
