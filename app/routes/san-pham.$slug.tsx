import { AddToCart } from '~/components/AddToCart';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { errorMeta } from '~/components/error-meta';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { OcopStars } from '~/components/OcopStars';
import { productJsonLd, groupName } from '~/catalogue';
import { imageUrl } from '~/lib/image-urls';
import { ProductMainImage } from '~/components/ProductMainImage';
import { getPublicProduct } from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { formatCalendarDate } from '~/lib/dates';
import { absoluteUrl, loaderCacheHeaders, publicCacheHeaders } from '~/lib/http.server';
import { formatVnd } from '~/lib/money';
import { isRegisterVerified } from '~/tradeoffice/index.server';
import { listProductReviews, ratingSummary } from '~/reviews/index.server';
import { listPublicBatchesOfProduct } from '~/traceability/index.server';
import { RatingSummaryLine } from '~/components/RatingSummaryLine';
import { ReviewList } from '~/components/ReviewList';

export const headers = loaderCacheHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db, config } = context.services;
  const product = await getPublicProduct(db, params.slug ?? '');
  const lang = langFromRequest(request);
  if (!product) {
    throw data({ message: translator(lang)('shopProductNotFound') }, { status: 404 });
  }
  const canonical = absoluteUrl(request, `/san-pham/${product.slug}`, config.publicUrl);
  const registerVerified = product.ocop ? await isRegisterVerified(db, product.id) : false;
  const [batches, rating, reviews] = await Promise.all([
    listPublicBatchesOfProduct(db, product.id),
    ratingSummary(db, product.id),
    listProductReviews(db, product.id),
  ]);
  const image = product.images[0]
    ? absoluteUrl(request, imageUrl(product.images[0].storageKey, 1280), config.publicUrl)
    : null;
  return data(
    {
      product,
      canonical,
      image,
      registerVerified,
      batches,
      rating,
      reviews,
      jsonLd: productJsonLd(product, canonical, image, rating),
    },
    { headers: publicCacheHeaders(request) },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => {
  const page = args.data;
  if (!page) return errorMeta(args);
  const { product, canonical, image } = page;
  const description = product.description.slice(0, 160);
  return [
    { title: `${product.name} — ${product.organization.name} | Chợ Phiên` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: canonical },
    { property: 'og:type', content: 'product' },
    { property: 'og:title', content: product.name },
    { property: 'og:description', content: description },
    { property: 'og:url', content: canonical },
    ...(image ? [{ property: 'og:image', content: image }] : []),
    { property: 'product:price:amount', content: String(product.priceVnd) },
    { property: 'product:price:currency', content: 'VND' },
  ];
};

export default function ProductPage() {
  const { product, jsonLd, registerVerified, batches, rating, reviews } =
    useLoaderData<typeof loader>();
  const { lang, t } = useI18n();
  const main = product.images[0];
  return (
    <article className="product-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <nav className="breadcrumbs" aria-label="breadcrumb">
        <Link to="/">{t('home')}</Link> ›{' '}
        <Link to={`/tinh/${product.origin.provinceSlug}`}>{product.origin.provinceName}</Link> ›{' '}
        <Link to={`/san-pham?group=${product.group}`}>{groupName(lang, product.group)}</Link>
      </nav>
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
          {rating.count || rating.sold ? (
            <p>
              <a href="#danh-gia" className="rating-link">
                <RatingSummaryLine summary={rating} />
              </a>
            </p>
          ) : null}
          <p className={product.stock > 0 ? 'stock stock--in' : 'stock stock--out'}>
            {product.stock > 0 ? t('inStock', { n: product.stock }) : t('outOfStock')}
          </p>
          <AddToCart productId={product.id} stock={product.stock} />
          {product.ocop ? (
            <div className="ocop-block">
              <OcopStars stars={product.ocop.stars} />{' '}
              {registerVerified ? <span className="tag tag--ok">{t('ocopVerified')}</span> : null}
              <p>
                {t('ocopCertificate', {
                  no: product.ocop.certificateNo,
                  issuer: product.ocop.issuer,
                  issued: formatCalendarDate(product.ocop.issuedOn),
                  expires: formatCalendarDate(product.ocop.expiresOn),
                })}
              </p>
            </div>
          ) : null}
          {product.certifications.length ? (
            <div>
              <h2 className="h3">{t('certifications')}</h2>
              <ul className="chip-list">
                {product.certifications.map((c) => (
                  <li key={`${c.kind}-${c.reference}`} className="chip">
                    {t(`cert_${c.kind}` as 'cert_vietgap')}
                    {c.reference ? `: ${c.reference}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <dl className="facts">
            <dt>{t('origin')}</dt>
            <dd>
              {[product.origin.communeFullName, product.origin.provinceName]
                .filter(Boolean)
                .join(', ')}
            </dd>
            {product.netQuantity ? (
              <>
                <dt>{t('netQuantity')}</dt>
                <dd>{product.netQuantity}</dd>
              </>
            ) : null}
            <dt>{t('category')}</dt>
            <dd>{product.category || groupName(lang, product.group)}</dd>
            {product.gtin ? (
              <>
                <dt>{t('gtin')}</dt>
                <dd>{product.gtin}</dd>
              </>
            ) : null}
          </dl>
          <div className="description">
            {product.description.split(/\n+/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
          {batches.length ? (
            <section aria-labelledby="trace-heading">
              <h2 id="trace-heading" className="h3">
                {t('traceTitle')}
              </h2>
              <ul>
                {batches.map((b) => (
                  <li key={b.id}>
                    <Link to={`/lo-hang/${b.id}`}>{t('traceLot', { lot: b.lot_code })}</Link>{' '}
                    <span className="muted">{formatCalendarDate(b.produced_on)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ReviewList reviews={reviews} summary={rating} />
          <section className="producer-card" aria-labelledby="producer-heading">
            <h2 id="producer-heading" className="h3">
              {t('producer')}
            </h2>
            <p>
              <Link to={`/hop-tac-xa/${product.organization.slug}`}>
                {product.organization.name}
              </Link>{' '}
              <span className={product.organization.verified ? 'tag tag--ok' : 'tag'}>
                {product.organization.verified ? t('verified') : t('unverified')}
              </span>
            </p>
            <p className="muted">
              {t(`kind_${product.organization.kind}` as 'kind_cooperative')} ·{' '}
              {product.origin.provinceName}
            </p>
            <Link to={`/hop-tac-xa/${product.organization.slug}`}>{t('viewProducer')} →</Link>
          </section>
        </div>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
