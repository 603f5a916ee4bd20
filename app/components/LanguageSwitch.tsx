import { translator, type Lang } from '~/i18n';

/**
 * The Vietnamese ⇄ English switch: a plain GET form to /ngon-ngu, which sets the cookie and sends the
 * buyer back to `back`. Plain on purpose: it is also used by pages rendered outside Remix (scan pages).
 * `compact` (the site header on a phone) shows "EN" / "VI", still named "English" / "Tiếng Việt".
 */
export function LanguageSwitch({
  lang,
  back,
  compact = false,
}: {
  lang: Lang;
  back: string;
  compact?: boolean;
}) {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const t = translator(lang);
  return (
    <form method="get" action="/ngon-ngu" className="lang-switch">
      <input type="hidden" name="to" value={other} />
      <input type="hidden" name="back" value={back} />
      <button
        type="submit"
        className="link-button"
        lang={other}
        aria-label={compact ? t('switchLanguage') : undefined}
      >
        {compact ? t('byLanguageShort') : t('switchLanguage')}
      </button>
    </form>
  );
}
