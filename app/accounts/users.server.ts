import type { DB } from '~db/connection.server';
import { queueEmail } from '~/email/index.server';
import { UserError } from '~/lib/errors';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.server';
import { parseLoginIdentifier } from './phone';
import { assertUnderLimits, LIMITS, rateLimiter } from './rate-limit.server';
import { endAllSessions } from './sessions.server';
import { generateToken, hashToken } from './tokens.server';

const badIdentifier = () =>
  new UserError(
    'invalid',
    400,
    {
      vi: 'Hãy nhập số điện thoại Việt Nam (ví dụ 0912 345 678) hoặc địa chỉ e-mail.',
      en: 'Enter a Vietnamese phone number (e.g. 0912 345 678) or an e-mail address.',
    },
    'identifier',
  );

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
    throw new UserError(
      'invalid',
      400,
      { vi: 'Hãy nhập họ tên (2–100 ký tự).', en: 'Enter your name (2–100 characters).' },
      'displayName',
    );
  }
  const problem = passwordProblem(input.password);
  if (problem) throw new UserError('invalid', 400, problem, 'password');
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where(identifier.kind, '=', identifier.value)
    .executeTakeFirst();
  if (existing) {
    throw new UserError(
      'conflict',
      409,
      {
        vi: 'Số điện thoại hoặc e-mail này đã có tài khoản. Hãy đăng nhập hoặc lấy lại mật khẩu.',
        en: 'This phone number or e-mail already has an account. Sign in or reset the password.',
      },
      'identifier',
    );
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
    throw new UserError('bad_credentials', 401, {
      vi: 'Sai số điện thoại/e-mail hoặc mật khẩu.',
      en: 'Wrong phone/e-mail or password.',
    });
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
  if (!user?.email) return;
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
        to: user.email!,
        subject: 'Đặt lại mật khẩu Chợ Phiên / Reset your Chợ Phiên password',
        text: `Chào ${user.display_name},\n\nMở liên kết sau trong ${RESET_MINUTES} phút để đặt mật khẩu mới (chỉ dùng được một lần):\n${input.baseUrl}/dat-lai-mat-khau/${token}\n\nNếu bạn không yêu cầu, hãy bỏ qua e-mail này.\n\n—\nOpen the link above within ${RESET_MINUTES} minutes to choose a new password (it works once). If you did not ask for it, ignore this e-mail.`,
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
  if (problem) throw new UserError('invalid', 400, problem, 'password');
  const row = await db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= now.toISOString()) {
    throw new UserError('invalid_token', 400, {
      vi: 'Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn. Hãy yêu cầu liên kết mới.',
      en: 'This reset link is invalid or has expired. Ask for a new one.',
    });
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
      throw new UserError('invalid_token', 400, {
        vi: 'Liên kết này đã được dùng.',
        en: 'This link was already used.',
      });
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now.toISOString() })
      .where('id', '=', row.user_id)
      .execute();
  });
  await endAllSessions(db, row.user_id);
  return row.user_id;
}

/** Invitations sent to this phone or e-mail before the person had an account take effect at sign-up. */
export async function acceptPendingInvitations(
  db: DB,
  userId: number,
  identifier: string,
  now = new Date(),
): Promise<void> {
  const invitations = await db
    .selectFrom('organization_invitations')
    .selectAll()
    .where('identifier', '=', identifier)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  for (const invitation of invitations) {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('organization_members')
        .values({
          organization_id: invitation.organization_id,
          user_id: userId,
          role: invitation.role,
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx
        .updateTable('organization_invitations')
        .set({ accepted_at: now.toISOString() })
        .where('id', '=', invitation.id)
        .execute();
    });
  }
}

export async function getUser(db: DB, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'phone', 'display_name', 'is_admin'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
