import { data } from '@remix-run/node';
import type { Lang } from '~/i18n';
import { commonMessages } from '~/i18n/messages/common';
import { isUserError, UserError } from './errors';
import { localizeFieldErrors, type Submission } from './form';

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * The submitted form, or a UserError: 415 for a body that is not a form, 400 for one that cannot be
 * read. Every action reads its form through this, so no input shape ends in a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get('Content-Type') ?? '')) {
    throw new UserError('not_a_form', 415, commonMessages.notAForm);
  }
  try {
    return await request.formData();
  } catch {
    throw new UserError('broken_form', 400, commonMessages.brokenForm);
  }
}

/** The 400 answer of a form whose schema refused it: each field's message, and what was typed. */
export function submissionFailed(
  lang: Lang,
  submission: Extract<Submission<unknown>, { ok: false }>,
) {
  const values = Object.fromEntries(
    Object.entries(submission.values).filter(([, v]) => typeof v === 'string' || Array.isArray(v)),
  );
  return data(
    {
      fieldErrors: localizeFieldErrors(submission.fieldErrors, lang),
      values,
      error: { field: null, message: commonMessages.formInvalid[lang] } satisfies FormError,
    },
    { status: 400 },
  );
}

export interface FormError {
  field: string | null;
  message: string;
}

/**
 * Runs an action body; a UserError becomes `{ error }` with its HTTP status and the message in the
 * user's language, so the form re-renders with what was typed and nothing half-written.
 */
export async function withUserErrors<T>(lang: Lang, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (isUserError(error)) {
      return data(
        {
          error: {
            field: error.field ?? null,
            message: error.userMessage[lang],
          } satisfies FormError,
        },
        { status: error.status },
      );
    }
    throw error;
  }
}

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

export function optionalText(form: FormData, name: string): string | null {
  return text(form, name) || null;
}

/** In loaders: a UserError (a 404 from a permission check, say) becomes an error page with its status. */
export async function orErrorPage<T>(lang: Lang, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUserError(error))
      throw data({ message: error.userMessage[lang] }, { status: error.status });
    throw error;
  }
}
