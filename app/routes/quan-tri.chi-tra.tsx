import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireAdmin, formatPhoneForDisplay } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { FormMessage } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { orErrorPage, text, withUserErrors } from '~/lib/forms.server';
import { formatVnd, parseVnd } from '~/lib/money';
import { balancesToPay, recordPayout } from '~/orders/index.server';

export const meta: MetaFunction = () => [{ title: 'Chi trả cho hợp tác xã — Quản trị Chợ Phiên' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const balances = await orErrorPage(langFromRequest(request), () =>
    balancesToPay(context.services.db, actor),
  );
  return data({ balances }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return withUserErrors(langFromRequest(request), async () => {
    requireAdmin(actor);
    const form = await request.formData();
    const amount = parseVnd(text(form, 'amount')) ?? Number.NaN;
    const result = await recordPayout(
      context.services.db,
      actor,
      Number(text(form, 'organizationId')),
      amount,
      text(form, 'reference'),
    );
    return { done: result.balanceVnd };
  });
}

export default function Payouts() {
  const { balances } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && 'error' in result ? result.error : null;
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <div className="workspace">
      <h1>{vi ? 'Chi trả cho hợp tác xã' : 'Payouts to cooperatives'}</h1>
      <p className="muted">
        {vi
          ? 'Chuyển khoản cho hợp tác xã qua ngân hàng, rồi ghi lại ở đây với mã giao dịch. Số dư là tiền các đơn đã giao, trừ phí sàn, trừ các lần chi trả.'
          : 'Pay the cooperative by bank transfer, then record it here with the transaction id. The balance is delivered orders, less commission, less payouts.'}
      </p>
      {result && 'done' in result ? (
        <p role="status" className="notice">
          {vi
            ? `Đã ghi chi trả. Số dư còn lại: ${formatVnd(result.done)}.`
            : `Payout recorded. Remaining balance: ${formatVnd(result.done)}.`}
        </p>
      ) : null}
      <FormMessage error={error ? { ...error, field: null } : null} />
      {balances.length === 0 ? (
        <p>{vi ? 'Chưa hợp tác xã nào có số dư.' : 'No cooperative has a balance yet.'}</p>
      ) : (
        <ul className="review-list payouts">
          {balances.map((b) => (
            <li key={b.id}>
              <strong>{b.name}</strong> · {formatPhoneForDisplay(b.phone)} —{' '}
              {vi ? 'số dư' : 'balance'}{' '}
              <strong className="line-total">{formatVnd(b.balance)}</strong>
              {b.last_entry_at ? (
                <span className="muted">
                  {' '}
                  · {vi ? 'cập nhật' : 'updated'} {formatDateTime(String(b.last_entry_at))}
                </span>
              ) : null}
              {b.balance > 0 ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="organizationId" value={b.id} />
                  <label htmlFor={`amount-${b.id}`}>{vi ? 'Số tiền' : 'Amount'}</label>
                  <input
                    id={`amount-${b.id}`}
                    name="amount"
                    inputMode="numeric"
                    required
                    defaultValue={b.balance.toLocaleString('vi-VN')}
                  />
                  <label htmlFor={`ref-${b.id}`}>{vi ? 'Mã giao dịch' : 'Transaction id'}</label>
                  <input
                    id={`ref-${b.id}`}
                    name="reference"
                    required
                    minLength={3}
                    maxLength={200}
                  />
                  <button type="submit">{vi ? 'Ghi chi trả' : 'Record payout'}</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
