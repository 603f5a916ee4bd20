import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { orErrorPage } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { memberOrganizations, cooperativeLedger } from '~/orders/index.server';

export const meta: MetaFunction = () => [{ title: 'Số dư — Kênh người bán' }];

export const LEDGER_KIND_NAMES = {
  earning: { vi: 'Đơn đã giao', en: 'Delivered order' },
  reversal: { vi: 'Đảo lại (huỷ / hoàn tiền)', en: 'Reversed (cancelled / refunded)' },
  payout: { vi: 'Chợ Phiên đã chi trả', en: 'Paid out by Chợ Phiên' },
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const organizations = await memberOrganizations(context.services.db, actor);
  const requested = Number(new URL(request.url).searchParams.get('to-chuc'));
  const organizationId = organizations.some((o) => o.id === requested)
    ? requested
    : (organizations[0]?.id ?? null);
  const ledger =
    organizationId === null
      ? null
      : await orErrorPage(langFromRequest(request), () =>
          cooperativeLedger(context.services.db, actor, organizationId),
        );
  return data(
    {
      organizations,
      ledger,
      commissionPercent: context.services.config.payments.commissionPercent,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export default function Balance() {
  const { organizations, ledger, commissionPercent } = useLoaderData<typeof loader>();
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <div className="workspace">
      <h1>{vi ? 'Số dư và chi trả' : 'Balance and payouts'}</h1>
      {organizations.length > 1 ? (
        <form method="get" className="inline-form">
          <label htmlFor="org">{vi ? 'Tổ chức' : 'Organization'}</label>
          <select id="org" name="to-chuc" defaultValue={ledger?.organization.id}>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button type="submit">{vi ? 'Xem' : 'Show'}</button>
        </form>
      ) : null}
      {!ledger ? (
        <p className="notice">
          {vi ? 'Bạn chưa thuộc hợp tác xã nào.' : 'You are not a member of any cooperative.'}
        </p>
      ) : (
        <>
          <h2>{ledger.organization.name}</h2>
          <dl className="totals" data-testid="ledger-totals">
            <dt>{vi ? 'Tiền hàng đã giao' : 'Earned from delivered orders'}</dt>
            <dd>{formatVnd(ledger.totals.earnedVnd)}</dd>
            <dt>{vi ? 'Đã đảo lại' : 'Reversed'}</dt>
            <dd>−{formatVnd(ledger.totals.reversedVnd)}</dd>
            <dt>{vi ? 'Đã chi trả' : 'Paid out'}</dt>
            <dd>−{formatVnd(ledger.totals.paidOutVnd)}</dd>
            <dt>
              <strong>
                {vi ? 'Chợ Phiên còn nợ hợp tác xã' : 'Chợ Phiên owes the cooperative'}
              </strong>
            </dt>
            <dd>
              <strong data-testid="balance">{formatVnd(ledger.totals.balanceVnd)}</strong>
            </dd>
          </dl>
          <p className="muted">
            {vi
              ? `Chợ Phiên thu tiền của người mua và chi trả lại cho hợp tác xã. Mỗi đơn được tính khi đã giao, trừ phí sàn ${commissionPercent}% trên tiền hàng (đã trừ ${formatVnd(ledger.totals.commissionVnd)}).`
              : `Chợ Phiên collects the buyers' money and pays the cooperative. An order counts once delivered, less a ${commissionPercent}% commission on the goods (${formatVnd(ledger.totals.commissionVnd)} so far).`}
          </p>
          <p>
            <Link to={`/kenh-nguoi-ban/don-hang?to-chuc=${ledger.organization.id}`}>
              {vi ? 'Đơn hàng đến' : 'Incoming orders'}
            </Link>
          </p>
          {ledger.entries.length === 0 ? (
            <p>{vi ? 'Chưa có khoản nào.' : 'No entries yet.'}</p>
          ) : (
            <table className="order-items">
              <caption>{vi ? 'Các khoản gần nhất' : 'Latest entries'}</caption>
              <thead>
                <tr>
                  <th>{vi ? 'Ngày' : 'Date'}</th>
                  <th>{vi ? 'Loại' : 'Kind'}</th>
                  <th>{vi ? 'Đơn / nội dung' : 'Order / note'}</th>
                  <th>{vi ? 'Số tiền' : 'Amount'}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.created_at)}</td>
                    <td>{LEDGER_KIND_NAMES[e.kind][lang]}</td>
                    <td>
                      {e.order_code ? (
                        <Link to={`/kenh-nguoi-ban/don-hang/${e.order_code}`}>{e.order_code}</Link>
                      ) : (
                        e.note
                      )}
                    </td>
                    <td className="line-total">
                      {e.amount_vnd < 0 ? '−' : ''}
                      {formatVnd(Math.abs(e.amount_vnd))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
