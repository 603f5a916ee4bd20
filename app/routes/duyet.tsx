import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import {
  changeListingStatus,
  reviewOcopClaim,
  reviewOrganization,
  reviewQueue,
} from '~/catalogue/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { formatCalendarDate, formatDateTime } from '~/lib/dates';

/** How long something has waited, in whole days, for the queue ("chờ 3 ngày"). */
function waited(since: string | null, vi: boolean): string {
  if (!since) return '';
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 86_400_000));
  return vi ? ` · chờ ${days} ngày` : ` · waiting ${days} day${days === 1 ? '' : 's'}`;
}
import { invalid } from '~/lib/errors';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';

export const meta: MetaFunction = () => [{ title: 'Duyệt hồ sơ — Chợ Phiên' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const queue = await orErrorPage(langFromRequest(request), () =>
    reviewQueue(context.services.db, actor),
  );
  return data(queue, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** One action, switching on `intent`; every decision is checked against the officer's province in the domain. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const { db } = context.services;
  return withUserErrors(langFromRequest(request), async () => {
    const id = Number(text(form, 'id'));
    const reason = text(form, 'reason');
    const decision = text(form, 'decision');
    if (!['approve', 'reject', 'request_changes'].includes(decision))
      throw invalid('decision', { vi: 'Quyết định không hợp lệ.', en: 'Unknown decision.' });
    const approve = decision === 'approve';
    const requestChanges = decision === 'request_changes';
    switch (text(form, 'intent')) {
      case 'organization':
        await reviewOrganization(
          db,
          actor,
          id,
          approve ? { approve: true } : { approve: false, reason, requestChanges },
        );
        break;
      case 'listing':
        await changeListingStatus(
          db,
          actor,
          id,
          approve ? 'approve' : requestChanges ? 'request_changes' : 'reject',
          approve ? null : reason,
        );
        break;
      case 'ocop':
        await reviewOcopClaim(
          db,
          actor,
          id,
          requestChanges ? 'request_changes' : approve,
          approve ? null : reason,
        );
        break;
      default:
        throw invalid('intent', { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' });
    }
    return { ok: true as const };
  });
}

/** Approve; reject with a reason; or send back asking for changes with a note. Three small forms, no JavaScript needed. */
function Decision({ intent, id, vi }: { intent: string; id: number; vi: boolean }) {
  const { t } = useI18n();
  return (
    <div className="inline-form">
      <Form method="post">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="approve" />
        <button type="submit">{vi ? 'Duyệt' : 'Approve'}</button>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="request_changes" />
        <input
          name="reason"
          aria-label={t('toRequestChangesNote')}
          placeholder={t('toRequestChangesNote')}
        />
        <button type="submit" className="button--secondary">
          {t('toRequestChanges')}
        </button>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="reject" />
        <input
          name="reason"
          aria-label={t('toRejectReason')}
          placeholder={vi ? 'Lý do từ chối' : 'Reason'}
        />
        <button type="submit" className="button--secondary">
          {vi ? 'Từ chối' : 'Reject'}
        </button>
      </Form>
    </div>
  );
}

export default function ReviewQueue() {
  const { organizations, listings, claims } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <div className="workspace">
      <h1>{vi ? 'Duyệt hồ sơ' : 'Review queue'}</h1>
      <FormMessage error={result && 'error' in result ? result.error : null} />
      {result && 'ok' in result ? (
        <p className="notice notice--ok" role="status">
          {vi ? 'Đã ghi quyết định.' : 'Decision recorded.'}
        </p>
      ) : null}
      <section aria-labelledby="q-orgs">
        <h2 id="q-orgs">
          {vi
            ? `Hợp tác xã chờ duyệt (${organizations.length})`
            : `Organizations waiting (${organizations.length})`}
        </h2>
        <ul className="review-list">
          {organizations.map((o) => (
            <li key={o.id}>
              <strong>{o.name}</strong>{' '}
              <span className="muted">
                {o.province_name} · {o.phone}
                {o.tax_code ? ` · MST ${o.tax_code}` : ''} · {formatDateTime(o.created_at)}
                {waited(o.created_at, vi)}
              </span>
              <Decision intent="organization" id={o.id} vi={vi} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="q-listings">
        <h2 id="q-listings">
          {vi ? `Sản phẩm chờ duyệt (${listings.length})` : `Listings waiting (${listings.length})`}
        </h2>
        <ul className="review-list">
          {listings.map((l) => (
            <li key={l.id}>
              <strong>{l.name}</strong>{' '}
              <span className="muted">
                {l.org_name} · {formatVnd(l.price_vnd)} / {l.unit}
                {l.verification_state !== 'approved'
                  ? vi
                    ? ' · tổ chức chưa được duyệt'
                    : ' · organization not approved yet'
                  : ''}
                {waited(l.submitted_at, vi)}
              </span>
              <Decision intent="listing" id={l.id} vi={vi} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="q-ocop">
        <h2 id="q-ocop">
          {vi
            ? `Chứng nhận OCOP chờ xác minh (${claims.length})`
            : `OCOP claims waiting (${claims.length})`}
        </h2>
        <ul className="review-list">
          {claims.map((c) => (
            <li key={c.product_id}>
              <strong>{c.name}</strong>{' '}
              <span className="muted">
                {c.org_name} · {c.stars}★ · {c.certificate_no} · {c.issuer} ·{' '}
                {formatCalendarDate(c.issued_on)} → {formatCalendarDate(c.expires_on)}
                {waited(c.updated_at, vi)}
              </span>
              <Decision intent="ocop" id={c.product_id} vi={vi} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
