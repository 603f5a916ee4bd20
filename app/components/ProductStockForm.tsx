import { Form } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { FormAnswer } from './EditSection';
import { Field, type formFeedback } from './Field';

interface Adjustment {
  id: number;
  delta: number;
  stock_after: number;
  reason: string;
  created_at: string;
  display_name: string | null;
}

/** The product page's stock: the producer's change (+ or −, with a reason) and its history. */
export function ProductStockForm({
  stock,
  history,
  feedback,
  saved,
  action,
}: {
  stock: number;
  history: Adjustment[];
  feedback: ReturnType<typeof formFeedback>;
  saved: string | null;
  action: string;
}) {
  const { t } = useI18n();
  return (
    <div>
      <h3 id="stock-h">{t('sellStockHeading', { n: stock })}</h3>
      <FormAnswer saved={saved} feedback={feedback} />
      {/* A new history row remounts the form: a saved change is not left typed to be sent twice. */}
      <Form
        key={history[0]?.id ?? 0}
        method="post"
        action={action}
        className="form"
        aria-labelledby="stock-h"
      >
        <input type="hidden" name="intent" value="stock" />
        <Field
          label={t('sellStockDelta')}
          name="delta"
          inputMode="numeric"
          required
          error={feedback.fieldError('delta')}
        />
        <Field
          label={t('sellStockReason')}
          name="reason"
          required
          error={feedback.fieldError('reason')}
        />
        <button type="submit">{t('sellStockUpdate')}</button>
      </Form>
      {history.length ? (
        <table className="data">
          <caption className="visually-hidden">{t('sellStockHistory')}</caption>
          <thead>
            <tr>
              <th>{t('sellWhen')}</th>
              <th>{t('sellWho')}</th>
              <th>±</th>
              <th>{t('sellStockAfter')}</th>
              <th>{t('sellWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.created_at)}</td>
                <td>{h.display_name ?? '—'}</td>
                <td>{h.delta > 0 ? `+${h.delta}` : h.delta}</td>
                <td>{h.stock_after}</td>
                <td>{h.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
