import { hash, parseOptions, verify } from '@node-rs/argon2';
import { UserError } from '~/lib/errors';
import {
  normalizePassword as normalize,
  PASSWORD_MAX_LENGTH,
  passwordProblem,
} from './password-policy';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane): ~30 ms on this 2-core box,
// and at most 19 MiB per concurrent sign-in. `algorithm: 2` is Algorithm.Argon2id (an ambient const enum,
// which isolatedModules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

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

/** Throws a 422 UserError on the `password` field when the password breaks the policy. */
export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserError('weak_password', 422, problem, 'password');
}
