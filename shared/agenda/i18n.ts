import * as agenda from '../i18n/messages/agenda.ts';
import * as common from '../i18n/messages/common.ts';
import type { Lang } from '../i18n/index.ts';

/**
 * The agenda's own slice of the dictionaries. Importing `shared/i18n/index.ts` would ship every
 * console's strings to the phones; these two files are all the agenda shows, with the same
 * `{name}` substitution as `translate`.
 */
const dictionaries = {
  vi: { ...common.vi, ...agenda.vi },
  en: { ...common.en, ...agenda.en },
};
export type AgendaKey = keyof (typeof dictionaries)['vi'];
export type AgendaT = (key: AgendaKey, params?: Record<string, string | number>) => string;

export const LANG_KEY = 'ros.lang';
export const isLang = (v: unknown): v is Lang => v === 'vi' || v === 'en';

export function agendaT(lang: Lang): AgendaT {
  const dict = dictionaries[lang];
  return (key, params) => {
    const template = dict[key] ?? dictionaries.vi[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}
