import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { DemandTable } from '~/components/DemandTable';
import { FormMessage, formFeedback } from '~/components/Field';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { SalesSection, StampsSection } from '~/components/tradeoffice/ActivitySections';
import { CertificateSection, KpiSection, TodoSection } from '~/components/tradeoffice/KpiSections';
import { drillHref } from '~/components/tradeoffice/links';
import { ImportSection, MatchSection } from '~/components/tradeoffice/RegisterSections';
import { langFromRequest, pick, translator, useI18n } from '~/i18n';
import { communityHelperMessages } from '~/i18n/messages/community-helpers';
import { tradeofficeMessages } from '~/i18n/messages/tradeoffice';
import { invalid } from '~/lib/errors';
import { parseSubmission } from '~/lib/form';
import { orErrorPage, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';
import { confirmMatchSchema, importRegisterSchema } from '~/tradeoffice';
import {
  confirmMatch,
  importRegisterFile,
  officerProvince,
  tradeOfficeDashboard,
} from '~/tradeoffice/index.server';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
];

const provinceOf = (request: Request, actor: Parameters<typeof officerProvince>[0]) =>
  officerProvince(actor, new URL(request.url).searchParams.get('tinh'));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const page = await orErrorPage(lang, () =>
    tradeOfficeDashboard(context.services.db, actor, provinceOf(request, actor)),
  );
  const title = translator(lang)('toDashboardTitle');
  return data({ ...page, title }, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** One action, switching on `intent`: import the register, or confirm a register match. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const { db } = context.services;
  const lang = langFromRequest(request);
  return withUserErrors(lang, async () => {
    const form = await readFormData(request);
    const provinceCode = provinceOf(request, actor);
    switch (form.get('intent')) {
      case 'import': {
        const submission = parseSubmission(importRegisterSchema, form);
        if (!submission.ok) return submissionFailed(lang, submission);
        const result = await importRegisterFile(db, actor, provinceCode, submission.value.file);
        if (!result.ok) return { registerErrors: result.errors };
        return { imported: { created: result.created ?? 0, updated: result.updated ?? 0 } };
      }
      case 'match': {
        const submission = parseSubmission(confirmMatchSchema, form);
        if (!submission.ok) return submissionFailed(lang, submission);
        const { entryId, productId } = submission.value;
        await confirmMatch(db, actor, entryId, productId);
        return { matched: true as const };
      }
      default:
        throw invalid('intent', tradeofficeMessages.unknownIntent);
    }
  });
}

export default function TradeOfficeDashboard() {
  const page = useLoaderData<typeof loader>();
  const { province, kpi, communeNames, registerSize, suggestions, waiting, sales, stamps, demand } =
    page;
  const result = useActionData<typeof action>();
  const feedback = formFeedback(result);
  const { lang, t } = useI18n();
  const queueLine = (
    key: 'toQueueOrganizations' | 'toQueueListings' | 'toQueueClaims',
    figure: string,
    w: { count: number; oldestDays: number | null },
  ) => (
    <li>
      <a href={drillHref(province.code, figure)}>{t(key, { n: w.count })}</a>
      {w.oldestDays !== null ? ` (${t('toQueueOldest', { days: w.oldestDays })})` : ''}
    </li>
  );
  return (
    <div className="workspace">
      <h1>{t('toDashboardHeading', { province: province.name })}</h1>
      <FormMessage error={feedback.formError} />
      <KpiSection
        provinceCode={province.code}
        kpi={kpi}
        communeNames={communeNames}
        registerSize={registerSize}
      />
      <TodoSection provinceCode={province.code} kpi={kpi} communeNames={communeNames} />
      <DemandTable
        rows={demand}
        heading={t('demandTitle')}
        todoHref={drillHref(province.code, 'todo')}
      />
      <CertificateSection provinceCode={province.code} kpi={kpi} />
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">{t('toQueueHeading')}</h2>
        <ul>
          {queueLine('toQueueOrganizations', 'queue-organizations', waiting.organizations)}
          {queueLine('toQueueListings', 'queue-listings', waiting.listings)}
          {queueLine('toQueueClaims', 'queue-claims', waiting.claims)}
        </ul>
      </section>
      <SalesSection provinceCode={province.code} sales={sales} />
      <StampsSection provinceCode={province.code} stamps={stamps} />
      <MatchSection suggestions={suggestions} matched={Boolean(result && 'matched' in result)} />
      <ImportSection
        errors={result && 'registerErrors' in result ? (result.registerErrors ?? null) : null}
        imported={result && 'imported' in result ? (result.imported ?? null) : null}
        fileError={feedback.fieldError('file')}
      />
      <p>
        <Link to="/duyet">{t('toReviewQueueLink')}</Link>
      </p>
      <p>
        <Link to={`/so-cong-thuong/to-cong-nghe-so?tinh=${province.code}`}>
          {pick(lang, communityHelperMessages.link)}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
