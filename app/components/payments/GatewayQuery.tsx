import { Form } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { formatVnd } from '~/lib/money';

const NAMES: Record<string, string> = { vnpay: 'VNPay', momo: 'MoMo', zalopay: 'ZaloPay' };

/** What asking the gateway gave (the action's `checked`). */
export type GatewayCheckShown =
  | { kind: 'recorded'; gateway: string; outcome: string; duplicate: boolean }
  | { kind: 'state'; gateway: string; status: 'pending' | 'failed' | 'not_found'; code: string };

const DONE = [
  'applied',
  'applied_overpaid',
  'held_unmatched',
  'held_short',
  'held_late',
  'held_already_paid',
  'refund',
  'ignored',
] as const;
const isDone = (o: string): o is (typeof DONE)[number] => (DONE as readonly string[]).includes(o);

export function GatewayCheckNotice({ checked }: { checked: GatewayCheckShown }) {
  const { t } = useI18n();
  const gateway = NAMES[checked.gateway] ?? checked.gateway;
  const text =
    checked.kind === 'recorded'
      ? t('gqRecorded', {
          gateway,
          what: checked.duplicate
            ? t('paDone_duplicate')
            : isDone(checked.outcome)
              ? t(`paDone_${checked.outcome}`)
              : checked.outcome,
        })
      : t(`gqState_${checked.status}`, { gateway, code: checked.code });
  return (
    <p className="notice" role="status" data-testid="gateway-check">
      {text}
    </p>
  );
}

/**
 * VNPay, MoMo and ZaloPay checkouts still awaiting money, each with "Check with the gateway", and
 * the same question by reference for any other checkout (expired, already paid).
 */
export function GatewayQuerySection({
  awaiting,
}: {
  awaiting: Array<{
    id: number;
    reference: string;
    contact_name: string;
    payment_method: string;
    total_vnd: number;
    received_vnd: number;
    pay_by: string | null;
  }>;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="gateway-query-title">
      <h2 id="gateway-query-title">{t('gqHeading', { n: awaiting.length })}</h2>
      <p className="muted">{t('gqHint')}</p>
      {awaiting.map((c) => (
        <Form method="post" key={c.id} className="inline-form">
          <code>{c.reference}</code> {c.contact_name} · {NAMES[c.payment_method]} ·{' '}
          {formatVnd(c.total_vnd - c.received_vnd)} · {t('paBy')}{' '}
          {c.pay_by ? formatDateTime(c.pay_by) : ''}
          <input type="hidden" name="reference" value={c.reference} />
          <button type="submit" name="intent" value="query" className="button--secondary">
            {t('gqAsk')}
          </button>
        </Form>
      ))}
      <h3>{t('gqOtherHeading')}</h3>
      <Form method="post" className="inline-form">
        <input
          name="reference"
          placeholder="TT…"
          aria-label={t('gqReference')}
          required
          pattern="[Tt][Tt][0-9A-Za-z]{8}"
        />
        <button type="submit" name="intent" value="query" className="button--secondary">
          {t('gqAsk')}
        </button>
      </Form>
    </section>
  );
}
