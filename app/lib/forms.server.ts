import { data } from '@remix-run/node';
import type { Lang } from '~/i18n';
import { isUserError } from './errors';

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
