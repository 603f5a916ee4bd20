import { clientNetwork } from '~/accounts/index.server';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CatalogueFilters } from '~/components/CatalogueFilters';
import { Pagination } from '~/components/Pagination';
import { ProductGrid } from '~/components/ProductGrid';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { UnderstoodChips } from '~/components/UnderstoodChips';
import { listProvinces } from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { loaderCacheHeaders, publicCacheHeaders } from '~/lib/http.server';
import { ratingSummaries } from '~/reviews/index.server';
import { parseSearchParams, productCard } from '~/search';
import { countsAsDemand } from '~/search/index.server';

export const headers = loaderCacheHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.heading} — Chợ Phiên` : 'Chợ Phiên' },
  { name: 'robots', content: page?.query.q ? 'noindex' : 'index' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db, search } = context.services;
  const lang = langFromRequest(request);
  const t = translator(lang);
  const provinces = await listProvinces(db);
  const parsed = parseSearchParams(new URL(request.url).searchParams, provinces);
  if (!parsed.ok) {
    throw data({ message: parsed.error.message[lang] }, { status: 400 });
  }
  const result = await search.search(parsed.query, { network: clientNetwork(request) });
  const heading = parsed.query.q ? t('resultsFor', { q: parsed.query.q }) : t('catalogueTitle');
  const degraded =
    search.activeEngine() !== 'meilisearch' &&
    context.services.config.search.engine === 'meilisearch';
  return data(
    {
      heading,
      query: parsed.query,
      result: { ...result, hits: result.hits.map(productCard) },
      ratings: await ratingSummaries(
        db,
        result.hits.map((h) => h.id),
      ),
      degraded,
      provinces: provinces.map((p) => ({ code: p.code, slug: p.slug, name: p.name })),
    },
    {
      // Never from the page cache: a search that found little (counted as demand on every request) or
      // a degraded answer (the next request must try Meilisearch again).
      headers:
        countsAsDemand(parsed.query, result) || degraded
          ? { 'Cache-Control': 'private, no-store' }
          : publicCacheHeaders(request),
    },
  );
}

export default function Catalogue() {
  const { heading, query, result, ratings, degraded, provinces } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(result.total / query.perPage));
  return (
    <div className="catalogue">
      <h1>{heading}</h1>
      {degraded ? (
        <p className="notice" role="status">
          {t('degradedSearch')}
        </p>
      ) : null}
      <div className="catalogue__layout">
        <CatalogueFilters query={query} facets={result.facets} provinces={provinces} />
        <section aria-labelledby="results-heading" className="catalogue__results">
          <h2 id="results-heading" className="result-count" aria-live="polite">
            {t('resultCount', { n: result.total })}
          </h2>
          <UnderstoodChips understood={result.understood} query={query} provinces={provinces} />
          {result.total === 0 ? (
            <div className="empty-result">
              <p>{t('noResults')}</p>
              <p>{t('noResultsTips')}</p>
              <p>
                <Link to="/san-pham">{t('clearFilters')}</Link>
              </p>
            </div>
          ) : (
            <ProductGrid products={result.hits} ratings={ratings} label={heading} />
          )}
          <Pagination page={query.page} pages={pages} />
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
