import './zod-setup';
import { z } from 'zod';
import type { Lang } from '~/i18n';
import { messageByKey, type KeyedMessage, type Message } from '~/i18n/messages';
import { commonMessages } from '~/i18n/messages/common';

/**
 * One zod schema per form (decision 009). The schema lives in the domain module that owns the form, is
 * used by the route's action and, where a form has client-side behaviour, by the browser for inline
 * errors. Messages in a schema are keys of messages declared with `defineMessages` (`msg(m.x)`), so the
 * same schema answers in Vietnamese or English.
 */
export function msg(message: KeyedMessage): { error: string } {
  return { error: message.key };
}

/** Control characters (NUL, escape…) never reach the database; tabs and line breaks are kept. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '').normalize('NFC').trim();
}

export type FormInput = FormData | URLSearchParams | Record<string, unknown>;

/** Form fields as a plain object: text cleaned, repeated names as arrays, files kept as files. */
export function formValues(input: FormInput): Record<string, unknown> {
  if (!(input instanceof FormData) && !(input instanceof URLSearchParams)) return input;
  const values: Record<string, unknown> = {};
  for (const name of new Set(input.keys())) {
    const all = input.getAll(name).map((v) => (typeof v === 'string' ? cleanText(v) : v));
    values[name] = all.length === 1 ? all[0] : all;
  }
  return values;
}

export type FieldMessages = Record<string, Message>;

export type Submission<T> =
  | { ok: true; value: T }
  | { ok: false; fieldErrors: FieldMessages; values: Record<string, unknown> };

/** Parses a submitted form with its schema; every failing field gets its own message. */
export function parseSubmission<S extends z.ZodType>(
  schema: S,
  input: FormInput,
): Submission<z.output<S>> {
  const values = formValues(input);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const fieldErrors: FieldMessages = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : 'form';
    if (fieldErrors[field]) continue;
    fieldErrors[field] = messageByKey(issue.message) ?? fallbackMessage(issue);
  }
  return { ok: false, fieldErrors, values };
}

function fallbackMessage(issue: z.core.$ZodIssue): Message {
  if (issue.code === 'too_big' && issue.origin === 'string') {
    const max = String(issue.maximum);
    return {
      vi: commonMessages.tooLong.vi.replace('{max}', max),
      en: commonMessages.tooLong.en.replace('{max}', max),
    };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return commonMessages.required;
  if (issue.code === 'invalid_value') return commonMessages.chooseOne;
  return commonMessages.invalidValue;
}

export function localizeFieldErrors(errors: FieldMessages, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, m]) => [field, m[lang]]));
}

/**
 * Building blocks for form fields. Browsers send every field as text, and an empty input as "":
 * these turn that into the value the domain wants, with a message of ours when it cannot.
 */
export const formField = {
  /** Required text between min and max characters. */
  text: (options: { min?: number; max: number; message?: KeyedMessage }) =>
    z
      .string(options.message ? msg(options.message) : msg(commonMessages.required))
      .min(options.min ?? 1, options.message ? msg(options.message) : msg(commonMessages.required))
      .max(options.max, options.message ? msg(options.message) : undefined),
  /** Optional text: "" or missing becomes null. */
  optionalText: (options: { max: number; message?: KeyedMessage }) =>
    z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z
        .string()
        .max(options.max, options.message ? msg(options.message) : undefined)
        .nullable(),
    ),
  /** A whole number within bounds, typed as digits ("1.200.000" with dots is read as 1200000). */
  int: (options: { min?: number; max?: number; message?: KeyedMessage }) =>
    z.preprocess(
      (v) => (typeof v === 'string' && /^\d[\d.]*$/.test(v) ? Number(v.replace(/\./g, '')) : v),
      z
        .number(msg(options.message ?? commonMessages.wholeNumber))
        .int(msg(options.message ?? commonMessages.wholeNumber))
        .min(options.min ?? 0, msg(options.message ?? commonMessages.wholeNumber))
        .max(options.max ?? 2_000_000_000, msg(options.message ?? commonMessages.wholeNumber)),
    ),
  /** A checkbox: present ("on" or any value) is true, absent is false. */
  checkbox: () => z.preprocess((v) => v !== undefined && v !== '' && v !== 'false', z.boolean()),
  /** One of a fixed list of values. */
  choice: <const T extends readonly [string, ...string[]]>(values: T, message?: KeyedMessage) =>
    z.enum(values, msg(message ?? commonMessages.chooseOne)),
};
