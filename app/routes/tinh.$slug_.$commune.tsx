import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { Pagination } from '~/components/Pagination';
import { ProductGrid } from '~/components/ProductGrid';
import { findCommunePage } from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { absoluteUrl, loaderCacheHeaders, publicCacheHeaders } from '~/lib/http.server';
import { emptyQuery } from '~/search';

export const headers = loaderCacheHeaders;

// /tinh/<province>/<commune>: a commune's products. Slugs end with the commune code; an older slug
// without it moves permanently to the one commune it names, or offers the two that shared it.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db, search, config } = context.services;
  const t = translator(langFromRequest(request));
  const page = await findCommunePage(db, params.slug ?? '', params.commune ?? '');
  if (!page) throw data({ message: t('communeNotFound') }, { status: 404 });
  if (page.kind === 'moved') throw redirect(page.to, 301);
  if (page.kind === 'choose') {
    const choices = page.communes.map((c) => ({ name: c.fullName, slug: c.slug }));
    return data(
      { kind: 'choose' as const, province: page.province, choices },
      { status: 300, headers: publicCacheHeaders(request) },
    );
  }
  const pageParam = Number(new URL(request.url).searchParams.get('page') ?? '1');
  const current =
    Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 1000 ? pageParam : 1;
  const result = await search.search(
    emptyQuery({ communeCodes: [page.commune.code], page: current, perPage: 24 }),
  );
  const path = `/tinh/${page.province.slug}/${page.commune.slug}`;
  return data(
    {
      kind: 'found' as const,
      province: page.province,
      commune: page.commune,
      result,
      page: current,
      title: t('specialtiesOfCommune', {
        commune: page.commune.fullName,
        province: page.province.name,
      }),
      canonical: absoluteUrl(request, path, config.publicUrl),
    },
    { headers: publicCacheHeaders(request) },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  page?.kind === 'found'
    ? [
        { title: `${page.title} — Chợ Phiên` },
        { tagName: 'link', rel: 'canonical', href: page.canonical },
      ]
    : [{ title: 'Chợ Phiên' }];

export default function CommunePage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useI18n();
  if (page.kind === 'choose') {
    return (
      <div className="province-page">
        <p>{t('communeChoose', { province: page.province.name })}</p>
        <ul>
          {page.choices.map((c) => (
            <li key={c.slug}>
              <Link to={`/tinh/${page.province.slug}/${c.slug}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const { commune, province, result, title } = page;
  return (
    <div className="province-page">
      <h1>{title}</h1>
      {commune.formerNames.length ? (
        <p className="muted">
          {t('communeFormerNames', { names: commune.formerNames.join(', ') })}
        </p>
      ) : null}
      <p>
        {t('resultCount', { n: result.total })} ·{' '}
        <Link to={`/tinh/${province.slug}`}>{province.name} →</Link>
      </p>
      {result.total === 0 ? (
        <p>{t('noResults')}</p>
      ) : (
        <ProductGrid products={result.hits} label={title} />
      )}
      <Pagination page={page.page} pages={Math.max(1, Math.ceil(result.total / 24))} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
