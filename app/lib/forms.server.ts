import { data } from '@remix-run/node';
import type { Lang } from '~/i18n';
import { commonMessages } from '~/i18n/messages/common';
import { isUserError, UserError } from './errors';
import { localizeFieldErrors, type Submission } from './form';

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** One 10 MB file plus the other form fields; server/http.ts refuses a larger Content-Length first. */
export const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024 + 256 * 1024;

/**
 * The submitted form, or a UserError: 415 for a body that is not a form, 400 for one that cannot be
 * read, 413 for one over the limit (also when sent in chunks without a Content-Length). Every action
 * reads its form through this, so no input shape ends in a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!FORM_TYPES.test(type)) {
    throw new UserError('not_a_form', 415, commonMessages.notAForm);
  }
  const body = await readBodyWithin(request, MAX_REQUEST_BODY_BYTES);
  try {
    return await new Response(new Uint8Array(body), {
      headers: { 'Content-Type': type },
    }).formData();
  } catch {
    throw new UserError('broken_form', 400, commonMessages.brokenForm);
  }
}

/** The body's bytes, refused with a 413 as soon as it grows past `limit`. */
export async function readBodyWithin(request: Request, limit: number): Promise<Buffer> {
  if (Number(request.headers.get('Content-Length') ?? 0) > limit) throw bodyTooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Past the limit the bytes are read and dropped, so the sender sees our answer rather than a
      // reset connection; an absurdly large body is cut off.
      if (size <= limit) chunks.push(value);
      else if (size > 5 * limit) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch (error) {
    if (isUserError(error)) throw error;
    throw new UserError('broken_form', 400, commonMessages.brokenForm);
  }
  if (size > limit) throw bodyTooLarge();
  return Buffer.concat(chunks);
}

const bodyTooLarge = () => new UserError('too_large', 413, commonMessages.bodyTooLarge);

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

/**
 * For routes without a page (resource routes): Remix passes their answer through as it is, so a
 * refused form must become a real Response to keep its status (415, 400…).
 */
export function asResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (isDataWithResponseInit(result)) {
    const init = result.init ?? {};
    const headers = new Headers(init.headers);
    headers.set('Cache-Control', 'no-store');
    return Response.json(result.data, { ...init, headers });
  }
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
}

/** What `data(value, init)` returns (Remix does not export the class's type guard). */
export function isDataWithResponseInit(
  value: unknown,
): value is { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'DataWithResponseInit'
  );
}

/**
 * An action's answer (plain, or `data()` with a status) with the form it answers to, so a page of
 * several forms shows each answer (saved, field errors) in its own form only.
 */
export function answerFor<T>(form: string, answer: T): T {
  if (isDataWithResponseInit(answer))
    return data({ ...(answer.data as object), form }, answer.init ?? undefined) as T;
  if (answer && typeof answer === 'object' && !(answer instanceof Response))
    return { ...answer, form } as T;
  return answer;
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
