import { hash, verify } from '@node-rs/argon2';
import type { Message } from '~/lib/errors';

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes): ~30 ms on this 2-core box.
// `algorithm: 2` is Algorithm.Argon2id (an ambient const enum, which isolatedModules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const COMMON = new Set(['12345678', '123456789', '1234567890', 'password', 'matkhau123', 'qwertyui', '11111111', '87654321', 'abc12345', 'password1', 'iloveyou', 'vietnam123']);

/** Why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string): Message | null {
  if (password.length < 8) return { vi: 'Mật khẩu cần ít nhất 8 ký tự.', en: 'The password needs at least 8 characters.' };
  if (password.length > 200) return { vi: 'Mật khẩu quá dài (tối đa 200 ký tự).', en: 'The password is too long (200 characters at most).' };
  if (/^(.)\1+$/.test(password) || COMMON.has(password.toLowerCase())) {
    return { vi: 'Mật khẩu này quá dễ đoán. Hãy chọn mật khẩu khác.', en: 'This password is too easy to guess. Choose another one.' };
  }
  return null;
}
