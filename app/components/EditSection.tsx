import type { ReactNode } from 'react';
import { FormMessage, type formFeedback } from './Field';

/** One part of a page of several short forms: its heading, anchored for the page's section links. */
export function EditSection({
  id,
  title,
  children,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="edit-section">
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

/** A form's own answer, shown beside that form: saved, or why not. */
export function FormAnswer({
  saved,
  feedback,
  anyField = false,
}: {
  saved: string | null;
  feedback: ReturnType<typeof formFeedback>;
  /** Also an error about a field (for answers that reached no form of their own). */
  anyField?: boolean;
}) {
  const error = feedback.formError;
  return (
    <>
      {saved ? (
        <p className="notice notice--ok" role="status">
          {saved}
        </p>
      ) : null}
      <FormMessage error={anyField && error ? { ...error, field: null } : error} />
    </>
  );
}
