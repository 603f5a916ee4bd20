import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { errorMeta } from '~/components/error-meta';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { Pagination } from '~/components/Pagination';
import { ProductGrid } from '~/components/ProductGrid';
import { OCOP_GROUPS, groupName } from '~/catalogue';
import { findProvince } from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { absoluteUrl, loaderCacheHeaders, publicCacheHeaders } from '~/lib/http.server';
import { ratingSummaries } from '~/reviews/index.server';
import { emptyQuery, productCard } from '~/search';

export const headers = loaderCacheHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db, search, config } = context.services;
  const lang = langFromRequest(request);
  const province = await findProvince(db, params.slug ?? '');
  if (!province || province.slug !== params.slug) {
    throw data({ message: translator(lang)('shopProvinceNotFound') }, { status: 404 });
  }
  const pageParam = Number(new URL(request.url).searchParams.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 1000 ? pageParam : 1;
  const result = await search.search(
    emptyQuery({ provinceCodes: [province.code], page, perPage: 24 }),
  );
  return data(
    {
      province,
      result: { ...result, hits: result.hits.map(productCard) },
      ratings: await ratingSummaries(
        db,
        result.hits.map((h) => h.id),
      ),
      page,
      title: translator(lang)('specialtiesOf', { province: province.name }),
      canonical: absoluteUrl(request, `/tinh/${province.slug}`, config.publicUrl),
    },
    { headers: publicCacheHeaders(request) },
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? [
        { title: `${args.data.title} — Chợ Phiên` },
        { tagName: 'link', rel: 'canonical', href: args.data.canonical },
        { property: 'og:title', content: args.data.title },
      ]
    : errorMeta(args);

export default function ProvincePage() {
  const { province, result, ratings, page, title } = useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  return (
    <div className="province-page">
      <h1>{title}</h1>
      {province.formerNames.length ? (
        <p className="muted">
          {province.fullName} ({province.formerNames.join(', ')})
        </p>
      ) : null}
      <p>
        {t('resultCount', { n: result.total })} ·{' '}
        <Link to={`/san-pham?province=${province.slug}`}>{t('filters')} →</Link>
      </p>
      <ul className="chip-list">
        {OCOP_GROUPS.filter((g) => (result.facets.group[g] ?? 0) > 0).map((g) => (
          <li key={g}>
            <Link className="chip" to={`/san-pham?province=${province.slug}&group=${g}`}>
              {groupName(lang, g)} ({result.facets.group[g]})
            </Link>
          </li>
        ))}
      </ul>
      {result.total === 0 ? (
        <p>{t('noResults')}</p>
      ) : (
        <ProductGrid products={result.hits} ratings={ratings} label={title} />
      )}
      <Pagination page={page} pages={Math.max(1, Math.ceil(result.total / 24))} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
