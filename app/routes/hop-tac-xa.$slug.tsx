import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { errorMeta } from '~/components/error-meta';
import { GeneralErrorBoundary } from '~/components/GeneralErrorBoundary';
import { ProductGrid } from '~/components/ProductGrid';
import { imageUrl } from '~/lib/image-urls';
import { getPublicOrganization, listOrganizationProductCards } from '~/catalogue/index.server';
import { langFromRequest, translator, useI18n } from '~/i18n';
import { absoluteUrl, loaderCacheHeaders, publicCacheHeaders } from '~/lib/http.server';
import { ratingSummaries } from '~/reviews/index.server';

export const headers = loaderCacheHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { db, config } = context.services;
  const organization = await getPublicOrganization(db, params.slug ?? '');
  if (!organization) {
    const t = translator(langFromRequest(request));
    throw data({ message: t('shopProducerNotFound') }, { status: 404 });
  }
  const products = await listOrganizationProductCards(db, organization.id);
  return data(
    {
      organization,
      products,
      ratings: await ratingSummaries(
        db,
        products.map((p) => p.id),
      ),
      canonical: absoluteUrl(request, `/hop-tac-xa/${organization.slug}`, config.publicUrl),
    },
    { headers: publicCacheHeaders(request) },
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? [
        { title: `${args.data.organization.name} — Chợ Phiên` },
        { name: 'description', content: args.data.organization.description.slice(0, 160) },
        { tagName: 'link', rel: 'canonical', href: args.data.canonical },
        { property: 'og:title', content: args.data.organization.name },
      ]
    : errorMeta(args);

export default function CooperativePage() {
  const { organization, products, ratings } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="cooperative-page">
      <nav className="breadcrumbs" aria-label="breadcrumb">
        <Link to="/">{t('home')}</Link> ›{' '}
        <Link to={`/tinh/${organization.provinceSlug}`}>{organization.provinceName}</Link>
      </nav>
      {organization.logoKey ? (
        <img
          className="org-logo"
          src={imageUrl(organization.logoKey, 320)}
          alt=""
          width={96}
          height={96}
        />
      ) : null}
      <h1>{organization.name}</h1>
      <p>
        <span className={organization.verified ? 'tag tag--ok' : 'tag'}>
          {organization.verified ? t('verified') : t('unverified')}
        </span>{' '}
        <span className="muted">{t(`kind_${organization.kind}` as 'kind_cooperative')}</span>
      </p>
      <p>{organization.description}</p>
      <dl className="facts">
        <dt>{t('address')}</dt>
        <dd>
          {[organization.addressLine, organization.communeFullName, organization.provinceName]
            .filter(Boolean)
            .join(', ')}
        </dd>
        {organization.phone ? (
          <>
            <dt>{t('phone')}</dt>
            <dd>
              <a href={`tel:${organization.phone}`}>{organization.phone}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('cooperativeProducts', { name: organization.name })}</h2>
      <ProductGrid products={products} ratings={ratings} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
