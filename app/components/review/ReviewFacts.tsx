import { groupName, isOcopGroup } from '~/catalogue';
import { useI18n } from '~/i18n';
import { formatDateTime } from '~/lib/dates';

interface OrganizationFacts {
  slug: string;
  name: string;
  phone: string;
  taxCode: string | null;
  address: string;
  description: string;
  approved: boolean;
  since: string;
  listings: { published: number; waiting: number; rejected: number; changesRequested: number };
}
interface ProductFacts {
  slug: string;
  description: string;
  group: string;
  netQuantity: string;
  stock: number;
  published: boolean;
  photos: Array<{ src: string; alt: string }>;
}

/** Who is asking: the organization's details and its history on Chợ Phiên. */
export function OrganizationFacts({ org }: { org: OrganizationFacts | undefined }) {
  const { t } = useI18n();
  if (!org) return null;
  return (
    <div className="review-facts">
      <p>
        {org.approved ? (
          <a href={`/hop-tac-xa/${org.slug}`}>{org.name}</a>
        ) : (
          <strong>{org.name}</strong>
        )}
        {org.taxCode ? ` · ${t('toTaxCode', { code: org.taxCode })}` : ''}
      </p>
      <dl className="facts">
        <dt>{t('owrPhone')}</dt>
        <dd>
          <a href={`tel:${org.phone.replaceAll(' ', '')}`}>{org.phone}</a>
        </dd>
        <dt>{t('owrAddress')}</dt>
        <dd>{org.address}</dd>
      </dl>
      {org.description ? <p className="muted">{org.description}</p> : null}
      <p className="muted">
        {t('owrSince', { date: formatDateTime(org.since) })} ·{' '}
        {t('owrHistory', {
          published: org.listings.published,
          waiting: org.listings.waiting,
          rejected: org.listings.rejected,
          back: org.listings.changesRequested,
        })}
      </p>
    </div>
  );
}

/** What is being listed: its photos, description and the figures a buyer will see. */
export function ProductFacts({ product }: { product: ProductFacts | undefined }) {
  const { t, lang } = useI18n();
  if (!product) return null;
  return (
    <div className="review-facts">
      {product.photos.length > 0 ? (
        <div className="review-photos">
          {product.photos.map((photo) => (
            <img
              key={photo.src}
              src={photo.src}
              alt={photo.alt}
              width={120}
              height={120}
              loading="lazy"
            />
          ))}
        </div>
      ) : (
        <p className="muted">{t('owrNoPhoto')}</p>
      )}
      <p className="muted">
        {isOcopGroup(product.group) ? groupName(lang, product.group) : product.group}
        {product.netQuantity ? ` · ${product.netQuantity}` : ''} ·{' '}
        {t('owrStock', { n: product.stock })}
      </p>
      <p className="review-description">{product.description || t('owrNoDescription')}</p>
      {product.published ? (
        <p>
          <a href={`/san-pham/${product.slug}`}>{t('owrProductPage')}</a>
        </p>
      ) : null}
    </div>
  );
}
