import { z } from 'zod';
import { accountsMessages as m } from '~/i18n/messages/accounts';
import { formField, formValues, msg } from '~/lib/form';
import { passwordProblem } from './password-policy';
import { parseLoginIdentifier } from './phone';

// The account forms (sign-up, sign-in, password reset, sign-out). The schemas check what the user typed
// with the same rules the domain functions apply (phone/e-mail parsing, the password policy) and keep
// the text as typed: the domain normalises it.

/** A phone number or an e-mail address someone signs in with. */
const identifier = z
  .string(msg(m.identifierInvalid))
  .refine((value) => parseLoginIdentifier(value) !== null, msg(m.identifierInvalid));

/** A new password, checked against the policy (length, too common). */
const newPassword = z
  .string()
  .default('')
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.key });
  });

/** A same-site path to come back to after signing in (checked again by safeRedirect). */
const redirectTo = z.string().max(2000).default('');

export const signUpSchema = z.object({
  displayName: formField.text({ min: 2, max: 100, message: m.displayNameLength }),
  identifier,
  password: newPassword,
  redirectTo,
});
export type SignUpForm = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  identifier,
  // Any password is checked against the stored hash; a wrong or empty one is a failed attempt.
  password: z.string().default(''),
  redirectTo,
});
export type SignInForm = z.output<typeof signInSchema>;

export const passwordResetRequestSchema = z.object({ identifier });

export const newPasswordSchema = z.object({ password: newPassword });

export const signOutSchema = z.object({
  /** `everywhere=1` ends every session of the account. */
  everywhere: z.preprocess((v) => v === '1', z.boolean()),
});

/**
 * The fields of an account form, cleaned like every form (trimmed, NFC) except the password, which is
 * kept exactly as typed: spaces and any character are part of a password.
 */
export function accountFormValues(form: FormData): Record<string, unknown> {
  const values = formValues(form);
  const password = form.get('password');
  if (typeof password === 'string') values.password = password;
  return values;
}
