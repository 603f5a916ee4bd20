import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ProductGrid } from '~/components/ProductGrid';
import { OCOP_GROUPS, groupName } from '~/catalogue';
import { listProvinces } from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { loaderCacheHeaders, publicCacheHeaders } from '~/lib/http.server';
import { ratingSummaries } from '~/reviews/index.server';
import { emptyQuery, productCard } from '~/search';

export const headers = loaderCacheHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
  { name: 'description', content: page?.description ?? '' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db, search } = context.services;
  const t = translator(langFromRequest(request));
  const [featured, overview, provinces] = await Promise.all([
    search.search(emptyQuery({ stars: [4, 5], inStockOnly: true, sort: 'stars', perPage: 8 })),
    search.search(emptyQuery({ perPage: 1 })),
    listProvinces(db),
  ]);
  const provinceCounts = provinces
    .map((p) => ({ slug: p.slug, name: p.name, count: overview.facets.province[p.code] ?? 0 }))
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count);
  return data(
    {
      title: `${t('siteName')} — ${t('tagline')}`,
      description: t('tagline'),
      featured: featured.hits.map(productCard),
      ratings: await ratingSummaries(
        db,
        featured.hits.map((h) => h.id),
      ),
      provinces: provinceCounts,
      groups: OCOP_GROUPS.map((g) => ({ code: g, count: overview.facets.group[g] ?? 0 })),
    },
    { headers: publicCacheHeaders(request) },
  );
}

export default function Home() {
  const page = useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  return (
    <div className="home">
      <section className="hero">
        <h1>{t('siteName')}</h1>
        <p>{t('tagline')}</p>
      </section>
      <section aria-labelledby="featured-heading">
        <div className="section-head">
          <h2 id="featured-heading">{t('featured')}</h2>
          <Link to="/san-pham?stars=4&stars=5">{t('seeAll')}</Link>
        </div>
        <ProductGrid products={page.featured} ratings={page.ratings} label={t('featured')} />
      </section>
      <section aria-labelledby="provinces-heading">
        <h2 id="provinces-heading">{t('shopByProvince')}</h2>
        <ul className="chip-list">
          {page.provinces.map((p) => (
            <li key={p.slug}>
              <Link className="chip" to={`/tinh/${p.slug}`}>
                {p.name} <span className="muted">({p.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t('shopByGroup')}</h2>
        <ul className="group-list">
          {page.groups.map((g) => (
            <li key={g.code}>
              <Link className={`group-tile group-tile--${g.code}`} to={`/san-pham?group=${g.code}`}>
                <span>{groupName(lang, g.code)}</span>
                <span className="muted">
                  {g.count} {t('products')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
