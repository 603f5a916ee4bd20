import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireAdmin } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { listOutgoingEmail } from '~/email/index.server';
import { langFromMatches, langFromRequest, translator, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { orErrorPage } from '~/lib/forms.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: translator(langFromMatches(matches))('acTitleMailbox') },
];

/** The admin mailbox: every outgoing e-mail, so password resets work before SMTP is configured. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  await orErrorPage(langFromRequest(request), async () => requireAdmin(actor));
  return data(
    {
      mail: await listOutgoingEmail(context.services.db),
      smtp: Boolean(context.services.config.mail.smtpUrl),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export default function Mailbox() {
  const { mail, smtp } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="workspace">
      <h1>{t('acMailboxHeading')}</h1>
      <p className="muted">{smtp ? t('acMailboxSmtp') : t('acMailboxNoSmtp')}</p>
      {mail.map((m) => (
        <article key={m.id} className="mail">
          <h2 className="h3">{m.subject}</h2>
          <p className="muted">
            {t('acMailTo', { to: m.to_address })} · {formatDateTime(m.created_at)} ·{' '}
            {m.sent_at
              ? t('acMailSent')
              : m.last_error
                ? t('acMailError', { error: m.last_error })
                : t('acMailNotSent')}
          </p>
          <pre className="mail__body">{m.body_text}</pre>
        </article>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
