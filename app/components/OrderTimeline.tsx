import { orderStateName, type OrderState, type PaymentMethod } from '~/orders';
import { formatDateTime } from '~/lib/dates';
import { useI18n } from '~/i18n';

interface Entry {
  to_state: string;
  event: string;
  actor_role: string;
  at: string;
  reason: string | null;
  carrier: string | null;
  tracking_number: string | null;
  lots: string[];
  display_name: string | null;
}

const ROLES = ['buyer', 'cooperative', 'operator', 'system'] as const;
const isRole = (role: string): role is (typeof ROLES)[number] =>
  (ROLES as readonly string[]).includes(role);

/** Every step of an order with who took it and when, oldest first; shown to buyer and cooperative alike. */
export function OrderTimeline({
  history,
  lotLink,
  paymentMethod,
}: {
  history: Entry[];
  lotLink?: (lot: string) => string | null;
  paymentMethod?: PaymentMethod;
}) {
  const { lang, t } = useI18n();
  return (
    <ol className="timeline" aria-label={t('orTimelineLabel')}>
      {history.map((entry, i) => (
        <li key={i} data-state={entry.to_state}>
          <strong>{orderStateName(entry.to_state as OrderState, paymentMethod)[lang]}</strong>
          <span className="muted">
            {' '}
            — {formatDateTime(entry.at)} ·{' '}
            {isRole(entry.actor_role) ? t(`orRole_${entry.actor_role}`) : entry.actor_role}
            {entry.display_name && entry.actor_role !== 'buyer' ? ` (${entry.display_name})` : ''}
          </span>
          {entry.reason && <p>{t('orReason', { reason: entry.reason })}</p>}
          {entry.carrier && (
            <p>
              {entry.carrier} — {t('orTracking')} <code>{entry.tracking_number}</code>
            </p>
          )}
          {entry.lots.length > 0 && (
            <p>
              {t('orLots')}:{' '}
              {entry.lots.map((lot, j) => {
                const href = lotLink?.(lot) ?? null;
                return (
                  <span key={lot}>
                    {j > 0 && ', '}
                    {href ? <a href={href}>{lot}</a> : lot}
                  </span>
                );
              })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
