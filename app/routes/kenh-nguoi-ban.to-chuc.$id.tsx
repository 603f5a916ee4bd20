import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { baseUrl, requireActor } from '~/accounts/index.server';
import { Field, formFeedback, FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { organizationPageSchema } from '~/catalogue';
import {
  fileBuffer,
  getOrganizationWorkspace,
  inviteMember,
  readForm,
  removeMember,
  resubmitOrganization,
  uploadOrganizationLogo,
} from '~/catalogue/index.server';
import { langFromRequest, pick, translator, useI18n } from '~/i18n';
import { formatMessage } from '~/i18n/messages';
import { communityHelperMessages as helperText } from '~/i18n/messages/community-helpers';
import { formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { TableWrap } from '~/components/TableWrap';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const page = await orErrorPage(lang, () =>
    getOrganizationWorkspace(context.services.db, actor, Number(params.id)),
  );
  return data(
    { ...page, title: translator(lang)('sellOrganizationTitle') },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

/** One form per intent (organizationPageSchema); the logo's file is read from the multipart body. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const { db, config } = context.services;
  const id = Number(params.id);
  return withUserErrors(lang, async () => {
    const form = await readForm(request);
    const submission = parseSubmission(organizationPageSchema, form);
    if (!submission.ok) return submissionFailed(lang, submission);
    const input = submission.value;
    switch (input.intent) {
      case 'logo':
        await uploadOrganizationLogo(
          db,
          actor,
          id,
          await fileBuffer(form, 'logo'),
          config.uploadsDir,
        );
        return { ok: 'logo' as const };
      case 'invite': {
        const { identifier, role } = input;
        const invite = { identifier, role, baseUrl: baseUrl(request, context) };
        return { ok: await inviteMember(db, actor, id, invite) };
      }
      case 'remove':
        await removeMember(db, actor, id, input.userId);
        return { ok: 'removed' as const };
      case 'resubmit':
        await resubmitOrganization(db, actor, id, input.note);
        return { ok: 'resubmitted' as const };
    }
  });
}

const NOTICE = {
  resubmitted: 'toResubmitted',
  logo: 'sellLogoUpdated',
  invited: 'sellInvited',
  added: 'sellMembersUpdated',
  removed: 'sellMembersUpdated',
} as const;

export default function OrganizationPage() {
  const { org, isOwner, canReadAudit, members, invitations, audit } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldError } = formFeedback(result);
  const { lang, t } = useI18n();
  const sentBack =
    org.verification_state === 'changes_requested' || org.verification_state === 'rejected';
  return (
    <div className="workspace">
      <p>
        <Link to="/kenh-nguoi-ban">← {t('sellerHome')}</Link>
      </p>
      <h1>{org.name}</h1>
      <FormMessage error={formError} />
      {sentBack && org.rejection_reason ? (
        <p className="form-error">
          {org.verification_state === 'changes_requested'
            ? t('toReviewerNote')
            : t('sellRejectionReason')}
          {org.rejection_reason}
        </p>
      ) : null}
      {sentBack && isOwner ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="resubmit" />
          <Field label={t('toResubmitNote')} name="note" error={fieldError('note')} />
          <button type="submit">{t('toResubmitOrganization')}</button>
        </Form>
      ) : null}
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {t(NOTICE[result.ok])}
        </p>
      ) : null}
      <section aria-labelledby="members-h">
        <h2 id="members-h">{t('sellMembers')}</h2>
        <ul>
          {members.map((m) => (
            <li key={m.id}>
              {m.display_name}{' '}
              <span className="muted">
                {m.phone ?? m.email} ·{' '}
                {m.role === 'owner'
                  ? t('sellRoleOwner')
                  : m.role === 'helper'
                    ? pick(lang, helperText.roleName)
                    : t('sellRoleStaff')}
              </span>
              {isOwner ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={m.id} />
                  <button type="submit" className="button--secondary">
                    {t('sellRemove')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {invitations.length ? (
          <p className="muted">
            {t('sellPending')}
            {invitations.map((i) => i.identifier).join(', ')}
          </p>
        ) : null}
        {isOwner ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="invite" />
            <Field
              label={t('sellInviteBy')}
              name="identifier"
              required
              error={fieldError('identifier')}
            />
            <div className="field">
              <label htmlFor="role">{t('sellRole')}</label>
              <select id="role" name="role">
                <option value="staff">{t('sellRoleStaffOption')}</option>
                <option value="owner">{t('sellRoleOwnerOption')}</option>
                <option value="helper">{pick(lang, helperText.roleOption)}</option>
              </select>
            </div>
            <button type="submit">{t('sellInvite')}</button>
          </Form>
        ) : null}
      </section>
      {isOwner ? (
        <Form method="post" encType="multipart/form-data" className="inline-form">
          <input type="hidden" name="intent" value="logo" />
          <label htmlFor="logo">{t('sellLogo')}</label>
          <input
            id="logo"
            name="logo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required
          />
          <button type="submit">{t('sellUploadLogo')}</button>
        </Form>
      ) : null}
      {canReadAudit ? (
        <section aria-labelledby="audit-h">
          <h2 id="audit-h">{t('sellAuditLog')}</h2>
          <TableWrap labelledBy="audit-h">
            <table className="data">
              <thead>
                <tr>
                  <th>{t('sellWhen')}</th>
                  <th>{t('sellWho')}</th>
                  <th>{t('sellWhat')}</th>
                  <th>{t('sellChanges')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((a) => (
                  <tr key={a.id}>
                    <td>{formatDateTime(a.createdAt)}</td>
                    <td>
                      {a.actorName && a.actorIsHelper
                        ? pick(lang, formatMessage(helperText.auditBy, { name: a.actorName }))
                        : (a.actorName ?? '—')}
                    </td>
                    <td>
                      {a.entityType} #{a.entityId}: {a.action}
                    </td>
                    <td>
                      {Object.entries(a.changes)
                        .map(
                          ([k, [from, to]]) =>
                            `${k}: ${String(from ?? '∅')} → ${String(to ?? '∅')}`,
                        )
                        .join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
