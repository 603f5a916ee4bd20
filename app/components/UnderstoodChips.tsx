import { Link } from '@remix-run/react';
import { useI18n } from '~/i18n';
import { searchParamsOf, type SearchQuery, type UnderstoodPart } from '~/search';

/**
 * What search understood in the buyer's words ("OCOP 4 sao", "Lào Cai", "Dưới 200.000 ₫"), each a
 * link that searches again with that part turned off (`ignore=<kind>`): works without JavaScript.
 */
export function UnderstoodChips({
  understood,
  query,
  provinces,
}: {
  understood: UnderstoodPart[] | undefined;
  query: SearchQuery;
  provinces: Array<{ code: string; slug: string }>;
}) {
  const { lang, t } = useI18n();
  if (!understood?.length) return null;
  const slugs = new Map(provinces.map((p) => [p.code, p.slug]));
  const without = (part: UnderstoodPart) =>
    `?${searchParamsOf({ ...query, page: 1, ignore: [...query.ignore, part.kind] }, slugs).toString()}`;
  return (
    <div className="understood" aria-label={t('understoodLabel')}>
      <span className="muted">{t('understoodLabel')}: </span>
      <ul className="chip-list">
        {understood.map((part) => (
          <li key={`${part.kind}-${part.value}`}>
            <Link
              className="chip"
              to={without(part)}
              rel="nofollow"
              aria-label={t('understoodRemove', { label: part.label[lang] })}
              data-understood={part.kind}
            >
              {part.label[lang]} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
