import { useI18n } from '~/i18n';

export function OcopStars({ stars }: { stars: number }) {
  const { t } = useI18n();
  return (
    <span
      className="ocop-badge"
      role="img"
      aria-label={t('ocopBadge', { n: stars })}
      title={t('ocopBadge', { n: stars })}
    >
      <span aria-hidden="true">OCOP {'★'.repeat(stars)}</span>
    </span>
  );
}
