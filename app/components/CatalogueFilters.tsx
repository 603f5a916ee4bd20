import { Form, Link, useSubmit } from '@remix-run/react';
import { OCOP_GROUPS, groupName } from '~/catalogue';
import { useI18n } from '~/i18n';
import { formatVnd } from '~/lib/money';
import {
  searchParamsOf,
  PRICE_BUCKETS,
  SORTS,
  type SearchFacets,
  type SearchQuery,
} from '~/search';

interface Props {
  query: SearchQuery;
  facets: SearchFacets;
  provinces: Array<{ code: string; slug: string; name: string }>;
}

/**
 * A GET form: without JavaScript the buyer ticks filters and presses Apply; with it, every change
 * submits at once. Either way the URL holds the whole state.
 */
export function CatalogueFilters({ query, facets, provinces }: Props) {
  const { lang, t } = useI18n();
  const submit = useSubmit();
  const visibleProvinces = provinces.filter(
    (p) => (facets.province[p.code] ?? 0) > 0 || query.provinceCodes.includes(p.code),
  );
  const active =
    query.provinceCodes.length +
    query.groups.length +
    query.stars.length +
    (query.minPriceVnd !== null || query.maxPriceVnd !== null ? 1 : 0) +
    (query.inStockOnly ? 1 : 0);
  // On a phone the filters sit behind a button above the results (a <details>: no JavaScript needed);
  // from 60rem on they are always shown beside the results (buyer.css).
  return (
    <details className="filters-toggle">
      <summary className="button filters-toggle__button">
        {t('byFilters')}
        {active ? ` (${active})` : ''}
      </summary>
      <Form
        method="get"
        id="filters"
        className="filters"
        onChange={(e) => submit(e.currentTarget, { preventScrollReset: true })}
      >
        <h2 className="visually-hidden">{t('filters')}</h2>
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        <div className="filters__row">
          <label htmlFor="sort">{t('sortBy')}</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('province')}</legend>
          {visibleProvinces.map((p) => (
            <label key={p.code} className="check">
              <input
                type="checkbox"
                name="province"
                value={p.slug}
                defaultChecked={query.provinceCodes.includes(p.code)}
              />
              {p.name} <span className="muted">({facets.province[p.code] ?? 0})</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('group')}</legend>
          {OCOP_GROUPS.map((g) => (
            <label key={g} className="check">
              <input
                type="checkbox"
                name="group"
                value={g}
                defaultChecked={query.groups.includes(g)}
              />
              {groupName(lang, g)} <span className="muted">({facets.group[g] ?? 0})</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('stars')}</legend>
          {([5, 4, 3] as const).map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                name="stars"
                value={s}
                defaultChecked={query.stars.includes(s)}
              />
              {t('starsN', { n: s })}{' '}
              <span className="muted">({facets.stars[String(s)] ?? 0})</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('price')}</legend>
          <ul className="price-buckets">
            {PRICE_BUCKETS.map((b) => (
              <li key={b.key}>
                <Link to={priceHref(query, provinces, b.min, b.max)} preventScrollReset>
                  {b.max === null
                    ? `≥ ${formatVnd(b.min)}`
                    : `${formatVnd(b.min)} – ${formatVnd(b.max)}`}
                </Link>{' '}
                <span className="muted">({facets.price[b.key] ?? 0})</span>
              </li>
            ))}
          </ul>
          <div className="price-inputs">
            <label>
              {t('minPrice')}
              <input
                type="number"
                name="min_price"
                min={0}
                step={1000}
                inputMode="numeric"
                defaultValue={query.minPriceVnd ?? ''}
              />
            </label>
            <label>
              {t('maxPrice')}
              <input
                type="number"
                name="max_price"
                min={0}
                step={1000}
                inputMode="numeric"
                defaultValue={query.maxPriceVnd ?? ''}
              />
            </label>
          </div>
        </fieldset>
        <label className="check">
          <input type="checkbox" name="in_stock" value="1" defaultChecked={query.inStockOnly} />
          {t('inStockOnly')} <span className="muted">({facets.inStock})</span>
        </label>
        <div className="filters__actions">
          <button type="submit">{t('applyFilters')}</button>
          <Link to={query.q ? `?q=${encodeURIComponent(query.q)}` : '?'}>{t('clearFilters')}</Link>
        </div>
      </Form>
    </details>
  );
}

function priceHref(
  query: SearchQuery,
  provinces: Props['provinces'],
  min: number,
  max: number | null,
): string {
  const slugs = new Map(provinces.map((p) => [p.code, p.slug]));
  const bucket = {
    ...query,
    minPriceVnd: min > 0 ? min : null,
    maxPriceVnd: max === null ? null : max - 1,
    page: 1,
  };
  return `?${searchParamsOf(bucket, slugs).toString()}`;
}
