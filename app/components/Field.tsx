import { useId, type InputHTMLAttributes } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string | null;
  hint?: string;
}

/** A labelled input with its hint and error wired for screen readers. */
export function Field({ label, name, error, hint, ...input }: FieldProps) {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field__hint muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({
  error,
}: {
  error?: { field: string | null; message: string } | null;
}) {
  if (!error || error.field) return null;
  return (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  );
}

export function fieldError(
  error: { field: string | null; message: string } | null | undefined,
  field: string,
): string | null {
  return error?.field === field ? error.message : null;
}

/**
 * What an action answered about a form, in one shape: `{ error }` from a domain UserError (one field or
 * the whole form) or `{ fieldErrors, values }` from a schema that refused the input (every field).
 */
export function formFeedback(result: unknown) {
  const answer = (result ?? {}) as {
    error?: { field: string | null; message: string } | null;
    fieldErrors?: Record<string, string>;
    values?: Record<string, unknown>;
  };
  const error = answer.error ?? null;
  return {
    formError: error,
    fieldError: (name: string): string | null =>
      answer.fieldErrors?.[name] ?? (error?.field === name ? error.message : null),
    value: (name: string): string | undefined => {
      const v = answer.values?.[name];
      return typeof v === 'string' ? v : undefined;
    },
  };
}
