import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { DemandTable } from '~/components/DemandTable';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { NoticeList, NOTICES_PATH } from '~/components/NoticeList';
import { listingStatusName } from '~/catalogue';
import { listNotices, sellerOverview } from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { organizationStateNames } from '~/i18n/messages/catalogue';
import { formatCalendarDate } from '~/lib/dates';
import { formatVnd } from '~/lib/money';
import { TableWrap } from '~/components/TableWrap';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const title = translator(langFromRequest(request))('sellHomeTitle');
  const [overview, notices] = await Promise.all([
    sellerOverview(context.services.db, actor),
    listNotices(context.services.db, actor),
  ]);
  return data(
    { ...overview, notices, title },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

const OCOP_REVIEW = {
  approved: '✓',
  pending: 'sellOcopInReview',
  changes_requested: 'sellOcopChangesRequested',
  rejected: 'sellOcopRejectedShort',
} as const;
/** The badge colour of a state: a request for changes looks like a rejection, it needs the cooperative to act. */
const badge = (state: string) => (state === 'changes_requested' ? 'rejected' : state);

export default function SellerHome() {
  const { organizations, products, lowStock, expiring, notices, demand } =
    useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  const ocopReview = (state: string | null) => {
    const text = OCOP_REVIEW[(state ?? 'rejected') as keyof typeof OCOP_REVIEW];
    if (!text) return t('sellOcopRejectedShort');
    return text === '✓' ? text : t(text);
  };
  return (
    <div className="workspace">
      <h1>{t('sellerHome')}</h1>
      {notices.length > 0 ? (
        <section aria-labelledby="notices-h" className="notices">
          <h2 id="notices-h">{t('owNoticesHeading')}</h2>
          <NoticeList notices={notices} />
          <p>
            <Link to={NOTICES_PATH}>{t('ntAll')} →</Link>
          </p>
        </section>
      ) : null}
      {organizations.length === 0 ? (
        <div className="notice">
          <p>{t('sellNoOrganization')}</p>
        </div>
      ) : null}
      <p>
        <Link className="button" to="/kenh-nguoi-ban/to-chuc/moi">
          {t('sellRegisterOrganization')}
        </Link>
      </p>
      {organizations.map((org) => (
        <section key={org.id} className="org-card" aria-labelledby={`org-${org.id}`}>
          <h2 id={`org-${org.id}`}>{org.name}</h2>
          <p>
            <span
              className={`status status--${org.verification_state === 'approved' ? 'published' : org.verification_state === 'pending' ? 'submitted' : 'rejected'}`}
            >
              {organizationStateNames[org.verification_state][lang]}
            </span>{' '}
            <span className="muted">
              {org.province_name} ·{' '}
              {org.role === 'owner' ? t('sellRoleOwnerOption') : t('sellRoleStaffOption')}
            </span>
          </p>
          {org.rejection_reason ? (
            <p className="form-error">
              {org.verification_state === 'changes_requested'
                ? t('toReviewerNote')
                : t('sellRejectionReason')}
              {org.rejection_reason}
            </p>
          ) : null}
          {(org.verification_state === 'changes_requested' ||
            org.verification_state === 'rejected') &&
          org.role === 'owner' ? (
            <Form
              method="post"
              action={`/kenh-nguoi-ban/to-chuc/${org.id}`}
              className="inline-form"
            >
              <input type="hidden" name="intent" value="resubmit" />
              <label htmlFor={`note-${org.id}`}>{t('toResubmitNote')}</label>
              <input id={`note-${org.id}`} name="note" />
              <button type="submit">{t('toResubmitOrganization')}</button>
            </Form>
          ) : null}
          <p className="inline-form">
            <Link className="button" to={`/kenh-nguoi-ban/san-pham/moi?to-chuc=${org.id}`}>
              {t('sellAddProduct')}
            </Link>
            <Link to={`/kenh-nguoi-ban/to-chuc/${org.id}/nhap-csv`}>{t('sellImportLink')}</Link>
            <Link to={`/kenh-nguoi-ban/to-chuc/${org.id}`}>{t('sellMembersAndAudit')}</Link>
            <Link to={`/kenh-nguoi-ban/don-hang?to-chuc=${org.id}`}>{t('sellIncomingOrders')}</Link>
            <Link to={`/kenh-nguoi-ban/so-du?to-chuc=${org.id}`}>{t('sellBalance')}</Link>
            <Link to="/kenh-nguoi-ban/danh-gia">{t('rvSellerHeading')}</Link>
          </p>
        </section>
      ))}
      {lowStock.length ? (
        <section aria-labelledby="low-stock">
          <h2 id="low-stock">{t('sellLowStock')}</h2>
          <ul>
            {lowStock.map((p) => (
              <li key={p.id}>
                <Link to={`/kenh-nguoi-ban/san-pham/${p.id}`}>{p.name}</Link>: {p.stock}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {expiring.length ? (
        <section aria-labelledby="expiring">
          <h2 id="expiring">{t('sellExpiring')}</h2>
          <ul>
            {expiring.map((p) => (
              <li key={p.id}>
                <Link to={`/kenh-nguoi-ban/san-pham/${p.id}`}>{p.name}</Link>:{' '}
                {p.expires_on ? formatCalendarDate(p.expires_on) : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {demand.length ? <DemandTable rows={demand} heading={t('demandSellerTitle')} /> : null}
      {products.length ? (
        <section aria-labelledby="my-products">
          <h2 id="my-products">{t('sellMyProducts')}</h2>
          <TableWrap labelledBy="my-products">
            <table className="data">
              <thead>
                <tr>
                  <th>{t('sellProduct')}</th>
                  <th>{t('sellStatus')}</th>
                  <th>{t('sellPriceShort')}</th>
                  <th>{t('sellStockShort')}</th>
                  <th>OCOP</th>
                </tr>
              </thead>
              <tbody>
                {products.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/kenh-nguoi-ban/san-pham/${p.id}`}>{p.name}</Link>
                      {p.rejection_reason ? (
                        <div className="field__error">{p.rejection_reason}</div>
                      ) : null}
                    </td>
                    <td>
                      <span className={`status status--${badge(p.status)}`}>
                        {listingStatusName(p.status)[lang]}
                      </span>
                    </td>
                    <td>{formatVnd(p.price_vnd)}</td>
                    <td>{p.stock}</td>
                    <td>
                      {p.stars ? `${p.stars}★ ${ocopReview(p.ocop_review)}` : '—'}
                      {p.ocop_note ? <div className="field__error">{p.ocop_note}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      <Form method="post" action="/dang-xuat">
        <input type="hidden" name="everywhere" value="1" />
        <button type="submit" className="button--secondary">
          {t('signOutEverywhere')}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
