import { useRouteLoaderData } from '@remix-run/react';
import { createContext, useContext } from 'react';
import type { Message } from './messages';
import { en } from './en';
import { vi, type Dictionary } from './vi';

export type Lang = 'vi' | 'en';
export const LANG_COOKIE = 'lang';
const dictionaries: Record<Lang, Dictionary> = { vi, en };

export type Translate = (key: keyof Dictionary, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) =>
      String(params?.[name] ?? `{${name}}`),
    );
}

/** The UI language: the `lang` cookie if set to en, Vietnamese otherwise. */
export function langFromRequest(request: Request): Lang {
  const cookie = request.headers.get('Cookie') ?? '';
  return /(?:^|;\s*)lang=en(?:;|$)/.test(cookie) ? 'en' : 'vi';
}

/** In a route's `meta`: the page's language, from the root loader's data in `matches`. */
export function langFromMatches(matches: ReadonlyArray<{ id: string; data?: unknown }>): Lang {
  const root = matches.find((match) => match.id === 'root')?.data as { lang?: Lang } | undefined;
  return root?.lang ?? 'vi';
}

export function pick(lang: Lang, message: Message): string {
  return message[lang];
}

/**
 * Set by pages rendered outside Remix (the stamp scan page's fast path, server/scan-page.tsx): there is
 * no root loader there, so the language comes from this provider instead.
 */
export const LangOverride = createContext<Lang | null>(null);

/** In components: the language chosen by the root loader and its translator. */
export function useI18n(): { lang: Lang; t: Translate } {
  const forced = useContext(LangOverride);
  // A subtree is rendered either inside Remix or under LangOverride, never both, so the hook order is stable.
  if (forced) return { lang: forced, t: translator(forced) };
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined;
  const lang = data?.lang ?? 'vi';
  return { lang, t: translator(lang) };
}
