import type { DB } from '~db/connection.server';
import { withJobLock } from '~db/dialect';
import type { Logger } from '~/lib/log.server';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(message: OutgoingEmail & { from: string }): Promise<void>;
}

/** Queues an e-mail in the caller's transaction: it is sent only if the change it belongs to commits. */
export async function queueEmail(trx: DB, email: OutgoingEmail, now = new Date()): Promise<void> {
  await trx
    .insertInto('email_outbox')
    .values({
      to_address: email.to,
      subject: email.subject,
      body_text: email.text,
      created_at: now.toISOString(),
      next_attempt_at: now.toISOString(),
    })
    .execute();
}

const MAX_BACKOFF_MS = 60 * 60 * 1000;

/**
 * Sends due e-mails through `transport`; a failure is recorded on the row and retried later with
 * exponential backoff (1 min, 2 min, 4 min … at most an hour). Returns how many were sent.
 */
export async function drainEmailOutbox(
  db: DB,
  transport: MailTransport,
  options: { from: string; log: Logger; now?: Date; batch?: number },
): Promise<number> {
  // One sender at a time across instances (PostgreSQL); each row is marked sent_at as soon as it went.
  return (await withJobLock(db, 'email:outbox', () => sendDue(db, transport, options))) ?? 0;
}

async function sendDue(
  db: DB,
  transport: MailTransport,
  options: { from: string; log: Logger; now?: Date; batch?: number },
): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db
    .selectFrom('email_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(options.batch ?? 20)
    .execute();
  let sent = 0;
  for (const row of due) {
    try {
      await transport.send({
        from: options.from,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
      });
      await db
        .updateTable('email_outbox')
        .set({ sent_at: new Date().toISOString(), last_error: null })
        .where('id', '=', row.id)
        .execute();
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const delay = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** (attempts - 1));
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('email_outbox')
        .set({
          attempts,
          last_error: message,
          next_attempt_at: new Date(now.getTime() + delay).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      if (attempts === 1)
        options.log.warn('e-mail not sent, will retry', { id: row.id, error: message });
    }
  }
  return sent;
}

/** The admin mailbox: newest outgoing mail first, sent or not. */
export async function listOutgoingEmail(db: DB, limit = 100) {
  return db.selectFrom('email_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
