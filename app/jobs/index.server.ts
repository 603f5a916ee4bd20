import type { DB } from '~db/connection.server';
import { withJobLock } from '~db/dialect';
import { refreshLapsedBadges } from '~/catalogue/index.server';
import { rateLimiter } from '~/accounts/index.server';
import { drainEmailOutbox, createSmtpTransport } from '~/email/index.server';
import type { Config } from '~/lib/config.server';
import type { Logger } from '~/lib/log.server';
import { completeDeliveredOrders } from '~/orders/index.server';
import { expireUnpaidCheckouts } from '~/payments/index.server';
import { resumeIssueJobs, STALLED_ISSUE_MS } from '~/traceability/index.server';

export interface Jobs {
  stop(): Promise<void>;
}

/**
 * The background jobs other than the search outbox (see startSearch): run by every app instance with
 * JOBS=on (the default) or by `npm run worker`. Each tick runs under a job lock (withJobLock: one
 * instance at a time on PostgreSQL) and its work is marked in the rows it changes (conditional updates),
 * so any number of instances may run the jobs and each piece of work is done once (decision 011).
 */
export async function startJobs(db: DB, config: Config, log: Logger): Promise<Jobs> {
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, run: () => void) => {
    const timer = setInterval(run, ms);
    timer.unref();
    timers.push(timer);
  };
  // Hourly housekeeping: lapsed OCOP badges leave the indexes; day-old rate-limit events are dropped.
  every(3_600_000, () => {
    void withJobLock(db, 'catalogue:badges', () => refreshLapsedBadges(db))
      .then((n) => n && log.info('OCOP badges lapsed; products re-indexed', { count: n }))
      .catch((error) => log.error('badge refresh failed', { error: String(error) }));
    void withJobLock(db, 'accounts:rate-limit-prune', () =>
      rateLimiter(db).prune(86_400_000),
    ).catch((error) => log.error('rate-limit prune failed', { error: String(error) }));
  });
  await withJobLock(db, 'catalogue:badges', () => refreshLapsedBadges(db));
  // Sends queued e-mail every 10 s when SMTP is configured; otherwise mail waits in the admin mailbox.
  if (config.mail.smtpUrl) {
    const transport = createSmtpTransport(config.mail.smtpUrl);
    every(10_000, () => {
      void drainEmailOutbox(db, transport, { from: config.mail.from, log }).catch((error) =>
        log.error('mail drain failed', { error: String(error) }),
      );
    });
  }
  // Every minute: unpaid card and bank-transfer checkouts past their deadline give their stock back,
  // delivered orders past the return window complete, and stalled stamp issues are started again.
  every(60_000, () => {
    void withJobLock(db, 'payments:expiry', () => expireUnpaidCheckouts(db))
      .then((n) => n && log.info('unpaid checkouts expired', { count: n }))
      .catch((error) => log.error('checkout expiry failed', { error: String(error) }));
    void withJobLock(db, 'orders:return-window', () => completeDeliveredOrders(db))
      .then(
        (n) => n && log.info('delivered orders completed after the return window', { count: n }),
      )
      .catch((error) => log.error('order completion failed', { error: String(error) }));
    // Stamp issues whose job stopped without a restart (a failed write, an instance gone) carry on.
    void withJobLock(db, 'traceability:resume', () =>
      resumeIssueJobs(db, { stalledForMs: STALLED_ISSUE_MS }),
    )
      .then((n) => n && log.info('stalled stamp issues resumed', { count: n }))
      .catch((error) => log.error('stamp issue resume failed', { error: String(error) }));
  });
  await withJobLock(db, 'payments:expiry', () => expireUnpaidCheckouts(db));
  // Stamp issues a restart interrupted carry on at once rather than when their batch page is next opened.
  await resumeIssueJobs(db);
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
