import type { DB } from '~db/connection.server';
import { generateToken, hashToken } from './tokens.server';

export const SESSION_COOKIE = '__session';
export const SESSION_DAYS = 30;

/** Starts a session: the cookie holds a random id, the database only its hash. */
export async function createSession(
  db: DB,
  userId: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/** The signed-in user's id, or null for a missing, unknown or expired session. */
export async function userIdForSession(
  db: DB,
  token: string | null,
  now = new Date(),
): Promise<number | null> {
  if (!token) return null;
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at', 'last_seen_at'])
    .where('id_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  // Touch at most hourly: a page view should not always be a write.
  if (now.getTime() - Date.parse(row.last_seen_at) > 3_600_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', hashToken(token))
      .execute();
  }
  return row.user_id;
}

export async function endSession(db: DB, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}

/** "Sign out everywhere": every session of the user, on every device. */
export async function endAllSessions(db: DB, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function purgeExpiredSessions(db: DB, now = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
