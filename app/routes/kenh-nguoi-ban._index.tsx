import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { listingStatusName } from '~/catalogue';
import { sellerOverview } from '~/catalogue/index.server';
import { useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import { formatVnd } from '~/lib/money';

export const meta: MetaFunction = () => [{ title: 'Kênh người bán — Chợ Phiên' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return data(await sellerOverview(context.services.db, actor), {
    headers: { 'Cache-Control': 'private, no-store' },
  });
}

const ORG_STATE = {
  pending: { vi: 'Chờ duyệt', en: 'Waiting for review' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  changes_requested: { vi: 'Cần bổ sung', en: 'Changes requested' },
};
/** The badge colour of a state: a request for changes looks like a rejection, it needs the cooperative to act. */
const badge = (state: string) => (state === 'changes_requested' ? 'rejected' : state);

export default function SellerHome() {
  const { organizations, products, lowStock, expiring } = useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  const vi = lang === 'vi';
  return (
    <div className="workspace">
      <h1>{vi ? 'Kênh người bán' : 'Seller workspace'}</h1>
      {organizations.length === 0 ? (
        <div className="notice">
          <p>
            {vi
              ? 'Bạn chưa thuộc hợp tác xã hay cơ sở nào. Hãy đăng ký tổ chức của bạn để bắt đầu bán hàng.'
              : 'You are not a member of any organization yet. Register yours to start selling.'}
          </p>
        </div>
      ) : null}
      <p>
        <Link className="button" to="/kenh-nguoi-ban/to-chuc/moi">
          {vi ? '+ Đăng ký hợp tác xã / cơ sở' : '+ Register an organization'}
        </Link>
      </p>
      {organizations.map((org) => (
        <section key={org.id} className="org-card" aria-labelledby={`org-${org.id}`}>
          <h2 id={`org-${org.id}`}>{org.name}</h2>
          <p>
            <span
              className={`status status--${org.verification_state === 'approved' ? 'published' : org.verification_state === 'pending' ? 'submitted' : 'rejected'}`}
            >
              {ORG_STATE[org.verification_state][lang]}
            </span>{' '}
            <span className="muted">
              {org.province_name} ·{' '}
              {org.role === 'owner' ? (vi ? 'Chủ sở hữu' : 'Owner') : vi ? 'Nhân viên' : 'Staff'}
            </span>
          </p>
          {org.rejection_reason ? (
            <p className="form-error">
              {org.verification_state === 'changes_requested'
                ? t('toReviewerNote')
                : vi
                  ? 'Lý do từ chối: '
                  : 'Reason: '}
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
              {vi ? '+ Thêm sản phẩm' : '+ Add a product'}
            </Link>
            <Link to={`/kenh-nguoi-ban/to-chuc/${org.id}/nhap-csv`}>
              {vi ? 'Nhập từ bảng tính' : 'Import a spreadsheet'}
            </Link>
            <Link to={`/kenh-nguoi-ban/to-chuc/${org.id}`}>
              {vi ? 'Thành viên, nhật ký' : 'Members, audit log'}
            </Link>
            <Link to={`/kenh-nguoi-ban/don-hang?to-chuc=${org.id}`}>
              {vi ? 'Đơn hàng đến' : 'Incoming orders'}
            </Link>
            <Link to={`/kenh-nguoi-ban/so-du?to-chuc=${org.id}`}>{vi ? 'Số dư' : 'Balance'}</Link>
          </p>
        </section>
      ))}
      {lowStock.length ? (
        <section aria-labelledby="low-stock">
          <h2 id="low-stock">{vi ? 'Sắp hết hàng' : 'Low stock'}</h2>
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
          <h2 id="expiring">
            {vi
              ? 'Giấy chứng nhận OCOP sắp hoặc đã hết hạn'
              : 'OCOP certificates expiring or expired'}
          </h2>
          <ul>
            {expiring.map((p) => (
              <li key={p.id}>
                <Link to={`/kenh-nguoi-ban/san-pham/${p.id}`}>{p.name}</Link>:{' '}
                {formatCalendarDate(p.expires_on!)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {products.length ? (
        <section aria-labelledby="my-products">
          <h2 id="my-products">{vi ? 'Sản phẩm của tôi' : 'My products'}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th>{vi ? 'Sản phẩm' : 'Product'}</th>
                  <th>{vi ? 'Trạng thái' : 'Status'}</th>
                  <th>{vi ? 'Giá' : 'Price'}</th>
                  <th>{vi ? 'Tồn' : 'Stock'}</th>
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
                      {p.stars
                        ? `${p.stars}★ ${p.ocop_review === 'approved' ? '✓' : p.ocop_review === 'pending' ? (vi ? '(chờ duyệt)' : '(in review)') : p.ocop_review === 'changes_requested' ? (vi ? '(cần bổ sung)' : '(changes requested)') : vi ? '(bị từ chối)' : '(rejected)'}`
                        : '—'}
                      {p.ocop_note ? <div className="field__error">{p.ocop_note}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <Form method="post" action="/dang-xuat">
        <input type="hidden" name="everywhere" value="1" />
        <button type="submit" className="button--secondary">
          {vi ? 'Đăng xuất khỏi mọi thiết bị' : 'Sign out on every device'}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
