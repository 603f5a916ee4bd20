import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireAdmin } from '~/accounts';
import { requireActor } from '~/accounts/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { listOutgoingEmail } from '~/email/index.server';
import { langFromRequest, useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';
import { orErrorPage } from '~/lib/forms.server';

export const meta: MetaFunction = () => [{ title: 'Hộp thư đi — Chợ Phiên' }];

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
  const { lang } = useI18n();
  const vi = lang === 'vi';
  return (
    <div className="workspace">
      <h1>{vi ? 'Hộp thư đi' : 'Outgoing mail'}</h1>
      <p className="muted">
        {smtp
          ? vi
            ? 'E-mail được gửi qua SMTP; danh sách dưới đây là bản lưu.'
            : 'Mail is sent through SMTP; this is the record.'
          : vi
            ? 'Chưa cấu hình SMTP_URL: e-mail chỉ hiện ở đây.'
            : 'SMTP_URL is not set: mail only appears here.'}
      </p>
      {mail.map((m) => (
        <article key={m.id} className="mail">
          <h2 className="h3">{m.subject}</h2>
          <p className="muted">
            {vi ? 'Tới' : 'To'} {m.to_address} · {formatDateTime(m.created_at)} ·{' '}
            {m.sent_at
              ? vi
                ? 'đã gửi'
                : 'sent'
              : m.last_error
                ? `${vi ? 'lỗi' : 'error'}: ${m.last_error}`
                : vi
                  ? 'chưa gửi'
                  : 'not sent'}
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
