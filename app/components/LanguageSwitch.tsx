import { translator, type Lang } from '~/i18n';

/**
 * The Vietnamese ⇄ English switch: a plain GET form to /ngon-ngu, which sets the cookie and sends the
 * buyer back to `back`. Plain on purpose: it is also used by pages rendered outside Remix (scan pages).
 */
export function LanguageSwitch({ lang, back }: { lang: Lang; back: string }) {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return (
    <form method="get" action="/ngon-ngu" className="lang-switch">
      <input type="hidden" name="to" value={other} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className="link-button" lang={other}>
        {translator(lang)('switchLanguage')}
      </button>
    </form>
  );
}
