import type { DB } from '~db/connection.server';
import { queueEmail } from '~/email/index.server';
import { accountsMessages as m, passwordResetEmail } from '~/i18n/messages/accounts';
import { invalid, UserError } from '~/lib/errors';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.server';
import { parseLoginIdentifier } from './phone';
import { assertUnderLimits, LIMITS, rateLimiter } from './rate-limit.server';
import { endAllSessions } from './sessions.server';
import { generateToken, hashToken } from './tokens.server';
import { acceptPendingInvitations } from './memberships.server';

const badIdentifier = () => invalid('identifier', m.identifierInvalid);

export interface SignUpInput {
  identifier: string;
  displayName: string;
  password: string;
}

export async function signUp(db: DB, input: SignUpInput, now = new Date()): Promise<number> {
  const identifier = parseLoginIdentifier(input.identifier);
  if (!identifier) throw badIdentifier();
  const displayName = input.displayName.trim();
  if (displayName.length < 2 || displayName.length > 100) {
    throw invalid('displayName', m.displayNameLength);
  }
  const problem = passwordProblem(input.password);
  if (problem) throw invalid('password', problem);
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where(identifier.kind, '=', identifier.value)
    .executeTakeFirst();
  if (existing) {
    throw new UserError('conflict', 409, m.identifierTaken, 'identifier');
  }
  const at = now.toISOString();
  const row = await db
    .insertInto('users')
    .values({
      email: identifier.kind === 'email' ? identifier.value : null,
      phone: identifier.kind === 'phone' ? identifier.value : null,
      display_name: displayName,
      password_hash: await hashPassword(input.password),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await acceptPendingInvitations(db, row.id, identifier.value, now);
  return row.id;
}

/**
 * Checks the password. Failures count per account and per network (rate-limited with a clear message);
 * the message never says whether the account exists.
 */
export async function signIn(
  db: DB,
  input: { identifier: string; password: string; network: string },
  now = new Date(),
): Promise<number> {
  const identifier = parseLoginIdentifier(input.identifier);
  if (!identifier) throw badIdentifier();
  const accountKey = `signin:${identifier.value}`;
  const networkKey = `signin-ip:${input.network}`;
  const limiter = rateLimiter(db, () => now.getTime());
  await assertUnderLimits(limiter, [
    { key: accountKey, limit: LIMITS.signInPerAccount },
    { key: networkKey, limit: LIMITS.signInPerIp },
  ]);
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where(identifier.kind, '=', identifier.value)
    .executeTakeFirst();
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : await hashPassword(input.password).then(() => false);
  if (!user || !ok) {
    await limiter.record(accountKey);
    await limiter.record(networkKey);
    throw new UserError('bad_credentials', 401, m.badCredentials);
  }
  await limiter.reset(accountKey);
  return user.id;
}

export const RESET_MINUTES = 30;

/**
 * Sends a one-time reset link through the e-mail outbox (only e-mail accounts can receive one; phone
 * accounts are told to ask their cooperative owner or an admin). Answers the same whether or not the
 * account exists, so it cannot be used to discover accounts.
 */
export async function requestPasswordReset(
  db: DB,
  input: { identifier: string; network: string; baseUrl: string },
  now = new Date(),
): Promise<void> {
  const identifier = parseLoginIdentifier(input.identifier);
  if (!identifier) throw badIdentifier();
  const limiter = rateLimiter(db, () => now.getTime());
  const checks = [
    { key: `reset:${identifier.value}`, limit: LIMITS.resetPerAccount },
    { key: `reset-ip:${input.network}`, limit: LIMITS.resetPerIp },
  ];
  await assertUnderLimits(limiter, checks);
  for (const { key } of checks) await limiter.record(key);
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where(identifier.kind, '=', identifier.value)
    .executeTakeFirst();
  const email = user?.email;
  if (!user || !email) return;
  const token = generateToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
      })
      .execute();
    await queueEmail(
      trx,
      {
        to: email,
        ...passwordResetEmail({
          name: user.display_name,
          minutes: RESET_MINUTES,
          link: `${input.baseUrl}/dat-lai-mat-khau/${token}`,
        }),
      },
      now,
    );
  });
}

/** Uses a reset token once: sets the new password and signs out every session of the account. */
export async function completePasswordReset(
  db: DB,
  token: string,
  newPassword: string,
  now = new Date(),
): Promise<number> {
  const problem = passwordProblem(newPassword);
  if (problem) throw invalid('password', problem);
  const row = await db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= now.toISOString()) {
    throw new UserError('invalid_token', 400, m.resetLinkInvalid);
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', row.token_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1)
      throw new UserError('invalid_token', 400, m.resetLinkUsed);
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now.toISOString() })
      .where('id', '=', row.user_id)
      .execute();
  });
  await endAllSessions(db, row.user_id);
  return row.user_id;
}

export async function getUser(db: DB, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'phone', 'display_name', 'is_admin'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** What a signed-in buyer's checkout form starts with: their name, phone and e-mail as the account has them. */
export async function getContactDetails(
  db: DB,
  userId: number,
): Promise<{ name: string; phone: string; email: string }> {
  const user = await getUser(db, userId);
  return {
    name: user?.display_name ?? '',
    phone: user?.phone ?? '',
    email: user?.email ?? '',
  };
}
