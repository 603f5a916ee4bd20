import { useRouteLoaderData } from '@remix-run/react';
import type { Message } from '~/lib/errors';
import { OCOP_GROUP_NAMES_EN, OCOP_GROUP_NAMES_VI, type OcopGroup } from '~/catalogue/groups';
import { en } from './en';
import { vi, type Dictionary } from './vi';

export type Lang = 'vi' | 'en';
export const LANG_COOKIE = 'lang';
const dictionaries: Record<Lang, Dictionary> = { vi, en };

export type Translate = (key: keyof Dictionary, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}

/** The UI language: the `lang` cookie if set to en, Vietnamese otherwise. */
export function langFromRequest(request: Request): Lang {
  const cookie = request.headers.get('Cookie') ?? '';
  return /(?:^|;\s*)lang=en(?:;|$)/.test(cookie) ? 'en' : 'vi';
}

export function groupName(lang: Lang, group: OcopGroup): string {
  return (lang === 'en' ? OCOP_GROUP_NAMES_EN : OCOP_GROUP_NAMES_VI)[group];
}

export function pick(lang: Lang, message: Message): string {
  return message[lang];
}

/** In components: the language chosen by the root loader and its translator. */
export function useI18n(): { lang: Lang; t: Translate } {
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined;
  const lang = data?.lang ?? 'vi';
  return { lang, t: translator(lang) };
}
