import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { baseUrl, requireActor } from '~/accounts/index.server';
import { isOfficerFor, requireOrgPrivate } from '~/accounts';
import { listAuditForOrganization } from '~/audit/index.server';
import { Field, FormMessage, fieldError } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import {
  fileBuffer,
  readForm,
  inviteMember,
  listMembersForViewer,
  removeMember,
  resubmitOrganization,
  setOrganizationLogo,
} from '~/catalogue/index.server';
import { processUploadedPhoto } from '~/lib/images.server';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { invalid, notFound } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';

export const meta: MetaFunction = () => [{ title: 'Tổ chức — Chợ Phiên' }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db } = context.services;
  const id = Number(params.id);
  return orErrorPage(langFromRequest(request), async () => {
    const org = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'province_code', 'verification_state', 'rejection_reason'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!org) throw notFound();
    // Members see their organization; officers of its province see it too, read-only, with the audit log.
    requireOrgPrivate(actor, { id, provinceCode: org.province_code });
    const isOwner = actor.memberships.some((m) => m.organizationId === id && m.role === 'owner');
    const canReadAudit = isOwner || isOfficerFor(actor, org.province_code);
    const audit = canReadAudit ? await listAuditForOrganization(db, id, 100) : [];
    return data(
      { org, isOwner, canReadAudit, ...(await listMembersForViewer(db, id)), audit },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const id = Number(params.id);
  return withUserErrors(langFromRequest(request), async () => {
    const form = await readForm(request);
    switch (text(form, 'intent')) {
      case 'logo': {
        const logo = await fileBuffer(form, 'logo');
        if (!logo) throw invalid('logo', { vi: 'Hãy chọn ảnh logo.', en: 'Choose a logo image.' });
        await setOrganizationLogo(
          context.services.db,
          actor,
          id,
          await processUploadedPhoto(logo),
          context.services.config.uploadsDir,
        );
        return { ok: 'logo' as const };
      }
      case 'invite':
        return {
          ok: await inviteMember(context.services.db, actor, id, {
            identifier: text(form, 'identifier'),
            role: text(form, 'role') === 'owner' ? 'owner' : 'staff',
            baseUrl: baseUrl(request, context),
          }),
        };
      case 'remove':
        await removeMember(context.services.db, actor, id, Number(text(form, 'userId')));
        return { ok: 'removed' as const };
      case 'resubmit':
        await resubmitOrganization(context.services.db, actor, id, text(form, 'note'));
        return { ok: 'resubmitted' as const };
      default:
        throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    }
  });
}

export default function OrganizationPage() {
  const { org, isOwner, canReadAudit, members, invitations, audit } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang, t } = useI18n();
  const vi = lang === 'vi';
  const sentBack =
    org.verification_state === 'changes_requested' || org.verification_state === 'rejected';
  return (
    <div className="workspace">
      <p>
        <Link to="/kenh-nguoi-ban">← {vi ? 'Kênh người bán' : 'Seller workspace'}</Link>
      </p>
      <h1>{org.name}</h1>
      <FormMessage error={error} />
      {sentBack && org.rejection_reason ? (
        <p className="form-error">
          {org.verification_state === 'changes_requested'
            ? t('toReviewerNote')
            : vi
              ? 'Lý do từ chối: '
              : 'Reason: '}
          {org.rejection_reason}
        </p>
      ) : null}
      {sentBack && isOwner ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="resubmit" />
          <Field label={t('toResubmitNote')} name="note" error={fieldError(error, 'note')} />
          <button type="submit">{t('toResubmitOrganization')}</button>
        </Form>
      ) : null}
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {result.ok === 'resubmitted'
            ? t('toResubmitted')
            : result.ok === 'logo'
              ? vi
                ? 'Đã cập nhật logo.'
                : 'Logo updated.'
              : result.ok === 'invited'
                ? vi
                  ? 'Đã gửi lời mời: người này sẽ vào tổ chức khi đăng ký bằng số điện thoại/e-mail đó.'
                  : 'Invitation saved: they join when they sign up with that phone/e-mail.'
                : vi
                  ? 'Đã cập nhật thành viên.'
                  : 'Members updated.'}
        </p>
      ) : null}
      <section aria-labelledby="members-h">
        <h2 id="members-h">{vi ? 'Thành viên' : 'Members'}</h2>
        <ul>
          {members.map((m) => (
            <li key={m.id}>
              {m.display_name}{' '}
              <span className="muted">
                {m.phone ?? m.email} ·{' '}
                {m.role === 'owner' ? (vi ? 'chủ sở hữu' : 'owner') : vi ? 'nhân viên' : 'staff'}
              </span>
              {isOwner ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={m.id} />
                  <button type="submit" className="button--secondary">
                    {vi ? 'Xoá' : 'Remove'}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {invitations.length ? (
          <p className="muted">
            {vi ? 'Đang chờ: ' : 'Pending: '}
            {invitations.map((i) => i.identifier).join(', ')}
          </p>
        ) : null}
        {isOwner ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="invite" />
            <Field
              label={vi ? 'Mời bằng số điện thoại hoặc e-mail' : 'Invite by phone or e-mail'}
              name="identifier"
              required
              error={fieldError(error, 'identifier')}
            />
            <div className="field">
              <label htmlFor="role">{vi ? 'Vai trò' : 'Role'}</label>
              <select id="role" name="role">
                <option value="staff">{vi ? 'Nhân viên' : 'Staff'}</option>
                <option value="owner">{vi ? 'Chủ sở hữu' : 'Owner'}</option>
              </select>
            </div>
            <button type="submit">{vi ? 'Mời' : 'Invite'}</button>
          </Form>
        ) : null}
      </section>
      {isOwner ? (
        <Form method="post" encType="multipart/form-data" className="inline-form">
          <input type="hidden" name="intent" value="logo" />
          <label htmlFor="logo">
            {vi ? 'Logo (JPEG, PNG, WebP, tối đa 10 MB)' : 'Logo (JPEG, PNG, WebP, 10 MB at most)'}
          </label>
          <input
            id="logo"
            name="logo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required
          />
          <button type="submit">{vi ? 'Tải logo lên' : 'Upload the logo'}</button>
        </Form>
      ) : null}
      {canReadAudit ? (
        <section aria-labelledby="audit-h">
          <h2 id="audit-h">{vi ? 'Nhật ký thay đổi' : 'Audit log'}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th>{vi ? 'Thời gian' : 'When'}</th>
                  <th>{vi ? 'Người' : 'Who'}</th>
                  <th>{vi ? 'Việc' : 'What'}</th>
                  <th>{vi ? 'Thay đổi' : 'Changes'}</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((a) => (
                  <tr key={a.id}>
                    <td>{formatDateTime(a.createdAt)}</td>
                    <td>{a.actorName ?? '—'}</td>
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
          </div>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
