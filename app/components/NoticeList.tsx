import { Link, useFetcher } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '~/i18n';
import type { Message } from '~/i18n/messages';
import { formatDateTime } from '~/lib/dates';

export interface NoticeItem {
  id: number;
  productId: number | null;
  decision: string;
  createdAt: string;
  unread: boolean;
  headline: Message;
  note: Message | null;
}

/** Where the notices' forms post ("seen", "mark all read"). */
export const NOTICES_PATH = '/kenh-nguoi-ban/thong-bao';

/**
 * The trade office's notices, newest first, the unread ones marked "Mới". Once shown, the page tells
 * the server they were seen (a POST: loaders only read), so the menu's badge goes; without JavaScript
 * the "mark all read" button of the notices page does it.
 */
export function NoticeList({ notices }: { notices: NoticeItem[] }) {
  const { lang, t } = useI18n();
  const fetcher = useFetcher();
  const newest = notices[0]?.id ?? 0;
  const hasUnread = notices.some((n) => n.unread);
  // What was unread when the page was first shown stays marked after the "seen" post revalidates it.
  const [shownUnread] = useState(() => new Set(notices.filter((n) => n.unread).map((n) => n.id)));
  const sentUpTo = useRef(0);
  useEffect(() => {
    if (!hasUnread || sentUpTo.current >= newest) return;
    sentUpTo.current = newest;
    fetcher.submit(
      { intent: 'seen', upTo: String(newest) },
      { method: 'post', action: NOTICES_PATH },
    );
  }, [hasUnread, newest, fetcher]);
  return (
    <ul className="notice-list">
      {notices.map((n) => (
        <li key={n.id} className={`notice${n.decision === 'approved' ? ' notice--ok' : ''}`}>
          {n.unread || shownUnread.has(n.id) ? (
            <>
              <span className="tag tag--warn">{t('ntNew')}</span>{' '}
            </>
          ) : null}
          {n.productId ? (
            <Link to={`/kenh-nguoi-ban/san-pham/${n.productId}`}>{n.headline[lang]}</Link>
          ) : (
            n.headline[lang]
          )}
          {n.note ? <span className="notice__note"> {n.note[lang]}</span> : null}{' '}
          <span className="muted">{formatDateTime(n.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}
