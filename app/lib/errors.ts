import type { Message } from '~/i18n/messages';
import { commonMessages } from '~/i18n/messages/common';

export type { Message };

/**
 * An error a user can cause (bad input, missing permission, conflict). Routes turn it into the
 * HTTP status it carries and show `message` in the user's language; anything else is a bug.
 * Checked by `isUserError` (a property test, not instanceof) because the Remix bundle and the
 * server entry each load their own copy of this module.
 */
export class UserError extends Error {
  readonly isUserError = true;
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly userMessage: Message,
    readonly field?: string,
  ) {
    super(userMessage.en);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { isUserError?: unknown }).isUserError === true
  );
}

export const notFound = (what: Message = commonMessages.notFound) =>
  new UserError('not_found', 404, what);

export const forbidden = () => new UserError('forbidden', 403, commonMessages.forbidden);

export const invalid = (field: string, message: Message) =>
  new UserError('invalid', 400, message, field);
