import { hash, parseOptions, verify } from '@node-rs/argon2';
import { UserError, type Message } from '~/lib/errors';

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane): ~30 ms on this 2-core box,
// and at most 19 MiB per concurrent sign-in. `algorithm: 2` is Algorithm.Argon2id (an ambient const enum,
// which isolatedModules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase, short enough that nobody makes us hash a megabyte. */
export const PASSWORD_MAX_LENGTH = 200;

/*
 * The same Vietnamese password can arrive as precomposed (NFC) or decomposed (NFD) characters depending
 * on the phone's keyboard (Telex/VNI on Android vs iOS), so both hashing and checking use NFC.
 */
const normalize = (password: string) => password.normalize('NFC');

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), OPTIONS);
}

/** False for a wrong password and for a stored value that is not an argon2 hash (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  try {
    return await verify(passwordHash, normalize(password));
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than today's: rehash it after a good sign-in. */
export function passwordHashNeedsUpgrade(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash);
    return (
      used.algorithm !== OPTIONS.algorithm ||
      used.memoryCost !== OPTIONS.memoryCost ||
      used.timeCost !== OPTIONS.timeCost ||
      used.parallelism !== OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}

/** Top of the leaked-password lists, plus what people here pick first (lower-cased, accents removed). */
const COMMON = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '87654321',
  '12341234',
  '11223344',
  '123123123',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyui',
  'qwerty123',
  'abc12345',
  'abcd1234',
  'iloveyou',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'trustno1',
  'welcome1',
  'matkhau',
  'matkhau1',
  'matkhau123',
  'vietnam123',
  'vietnam1',
  'anhyeuem',
  'emyeuanh',
  'yeuemnhieu',
  'chophien',
  'chophien123',
  'admin123',
  'admin1234',
]);

const fold = (password: string) =>
  password
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

/** Why a password is too weak, or null when it is acceptable. Vietnamese first, English second. */
export function passwordProblem(password: string): Message | null {
  const length = [...normalize(password)].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
      en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return {
      vi: `Mật khẩu quá dài (tối đa ${PASSWORD_MAX_LENGTH} ký tự).`,
      en: `The password is too long (${PASSWORD_MAX_LENGTH} characters at most).`,
    };
  }
  if (/^(.)\1+$/su.test(password) || COMMON.has(fold(password))) {
    return {
      vi: 'Mật khẩu này quá dễ đoán. Hãy chọn mật khẩu khác.',
      en: 'This password is too easy to guess. Choose another one.',
    };
  }
  return null;
}

/** Throws a 422 UserError on the `password` field when the password breaks the policy. */
export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserError('weak_password', 422, problem, 'password');
}
