import { orderStateName, type OrderState } from '~/orders';
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

const ROLE_NAMES = {
  buyer: { vi: 'Người mua', en: 'Buyer' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  operator: { vi: 'Chợ Phiên', en: 'Chợ Phiên' },
  system: { vi: 'Hệ thống', en: 'System' },
} as const;

/** Every step of an order with who took it and when, oldest first; shown to buyer and cooperative alike. */
export function OrderTimeline({
  history,
  lotLink,
}: {
  history: Entry[];
  lotLink?: (lot: string) => string | null;
}) {
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <ol className="timeline" aria-label={vi ? 'Tiến trình đơn hàng' : 'Order timeline'}>
      {history.map((entry, i) => (
        <li key={i} data-state={entry.to_state}>
          <strong>{orderStateName(entry.to_state as OrderState)[lang]}</strong>
          <span className="muted">
            {' '}
            — {formatDateTime(entry.at)} ·{' '}
            {ROLE_NAMES[entry.actor_role as keyof typeof ROLE_NAMES]?.[lang] ?? entry.actor_role}
            {entry.display_name && entry.actor_role !== 'buyer' ? ` (${entry.display_name})` : ''}
          </span>
          {entry.reason && (
            <p>
              {vi ? 'Lý do' : 'Reason'}: {entry.reason}
            </p>
          )}
          {entry.carrier && (
            <p>
              {entry.carrier} — {vi ? 'mã vận đơn' : 'tracking'}{' '}
              <code>{entry.tracking_number}</code>
            </p>
          )}
          {entry.lots.length > 0 && (
            <p>
              {vi ? 'Lô hàng' : 'Lots'}:{' '}
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
