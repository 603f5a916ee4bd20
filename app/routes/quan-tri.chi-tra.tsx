import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireAdmin, formatPhoneForDisplay } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';
import { payoutSchema } from '~/orders';
import { listPayoutBalances, recordPayout } from '~/orders/index.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('paTitlePayouts') },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const balances = await orErrorPage(langFromRequest(request), () =>
    listPayoutBalances(context.services.db, actor),
  );
  return data({ balances }, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** The operator records a payout made to a cooperative (amount, bank transaction id). */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    requireAdmin(actor);
    const submission = parseSubmission(payoutSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const { organizationId, amount, reference } = submission.value;
    const payout = await recordPayout(
      context.services.db,
      actor,
      organizationId,
      amount,
      reference,
    );
    return { done: payout.balanceVnd };
  });
}

export default function Payouts() {
  const { balances } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldError } = formFeedback(result);
  const problem = fieldError('amount') ?? fieldError('reference') ?? formError?.message;
  const { t } = useI18n();
  return (
    <div className="workspace">
      <h1>{t('paPayoutsHeading')}</h1>
      <p className="muted">{t('paPayoutsIntro')}</p>
      {result && 'done' in result ? (
        <p role="status" className="notice">
          {t('paPayoutRecorded', { balance: formatVnd(result.done) })}
        </p>
      ) : null}
      <FormMessage error={problem ? { field: null, message: problem } : null} />
      {balances.length === 0 ? (
        <p>{t('paNoBalances')}</p>
      ) : (
        <ul className="review-list payouts">
          {balances.map((b) => (
            <li key={b.id}>
              <strong>{b.name}</strong> · {formatPhoneForDisplay(b.phone)} — {t('paBalance')}{' '}
              <strong className="line-total">{formatVnd(b.balance)}</strong>
              {b.last_entry_at ? (
                <span className="muted">
                  {' '}
                  · {t('paUpdated')} {formatDateTime(String(b.last_entry_at))}
                </span>
              ) : null}
              {b.balance > 0 ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="organizationId" value={b.id} />
                  <label htmlFor={`amount-${b.id}`}>{t('paAmount')}</label>
                  <input
                    id={`amount-${b.id}`}
                    name="amount"
                    inputMode="numeric"
                    required
                    defaultValue={b.balance.toLocaleString('vi-VN')}
                  />
                  <label htmlFor={`ref-${b.id}`}>{t('paTransactionId')}</label>
                  <input
                    id={`ref-${b.id}`}
                    name="reference"
                    required
                    minLength={3}
                    maxLength={200}
                  />
                  <button type="submit">{t('paRecordPayout')}</button>
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
