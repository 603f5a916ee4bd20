import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireActor } from '~/accounts/index.server';
import { groupName, listingStatusName } from '~/catalogue';
import { getProductPreview } from '~/catalogue/index.server';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { ProductMainImage } from '~/components/ProductMainImage';
import { orErrorPage } from '~/lib/forms.server';
import { formatVnd } from '~/lib/money';

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.title ?? 'Chợ Phiên' },
  { name: 'robots', content: 'noindex' },
];

/** The seller's preview of the buyer's page, before review too (members of the cooperative only). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const lang = langFromRequest(request);
  const preview = await orErrorPage(lang, () =>
    getProductPreview(context.services.db, actor, Number(params.id)),
  );
  const title = translator(lang)('owPreviewTitle', { name: preview.product.name });
  return data({ ...preview, title }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export default function ProductPreview() {
  const { product, status } = useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  const main = product.images[0];
  return (
    <article className="product-page">
      <p className="notice" role="note">
        {t('owPreviewBanner', { status: listingStatusName(status)[lang] })}{' '}
        <Link to={`/kenh-nguoi-ban/san-pham/${product.id}`}>{t('owPreviewBack')}</Link>
      </p>
      <div className="product-page__layout">
        <div className="product-page__media">
          <ProductMainImage image={main} fallbackAlt={product.name} />
        </div>
        <div className="product-page__info">
          <h1>{product.name}</h1>
          <p className="price">
            <strong>{formatVnd(product.priceVnd)}</strong>{' '}
            <span className="muted">{t('perUnit', { unit: product.unit })}</span>
          </p>
          <p className={product.stock > 0 ? 'stock stock--in' : 'stock stock--out'}>
            {product.stock > 0 ? t('inStock', { n: product.stock }) : t('outOfStock')}
          </p>
          <dl className="facts">
            <dt>{t('origin')}</dt>
            <dd>
              {[product.origin.communeFullName, product.origin.provinceName]
                .filter(Boolean)
                .join(', ')}
            </dd>
            <dt>{t('category')}</dt>
            <dd>{product.category || groupName(lang, product.group)}</dd>
          </dl>
          <p className="review-description">{product.description}</p>
        </div>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
