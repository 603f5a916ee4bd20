import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { noticesPageSchema } from '~/catalogue';
import { listNotices, markNoticesRead } from '~/catalogue/index.server';
import { FormAnswer } from '~/components/EditSection';
import { formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { NoticeList } from '~/components/NoticeList';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { parseSubmission } from '~/lib/form';
import type { loader as rootLoader } from '~/root';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

/** The notices of the member's organizations (the latest 50); reading them is the page's own POST. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  // The unread count is the root loader's (the menu badge), not counted again here.
  const notices = await listNotices(context.services.db, actor, 50);
  return data(
    { notices, title: translator(langFromRequest(request))('ntTitle') },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const submission = parseSubmission(noticesPageSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    const input = submission.value;
    const upTo = input.intent === 'seen' ? input.upTo : 'all';
    const unread = await markNoticesRead(context.services.db, actor, upTo);
    return { ok: input.intent, unread };
  });
}

export default function Notices() {
  const { notices } = useLoaderData<typeof loader>();
  const unread = useRouteLoaderData<typeof rootLoader>('root')?.user?.unreadNotices ?? 0;
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const markedAll = result && 'ok' in result && result.ok === 'read-all';
  return (
    <div className="workspace">
      <p>
        <Link to="/kenh-nguoi-ban">← {t('sellerHome')}</Link>
      </p>
      <h1>{t('ntHeading')}</h1>
      <FormAnswer saved={markedAll ? t('ntMarkedRead') : null} feedback={formFeedback(result)} />
      {unread > 0 ? (
        <Form method="post" className="inline-form">
          <p>{t('ntUnreadCount', { n: unread })}</p>
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit">{t('ntMarkAllRead')}</button>
        </Form>
      ) : null}
      {notices.length ? <NoticeList notices={notices} /> : <p>{t('ntNone')}</p>}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
