import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useEffect, useLayoutEffect } from 'react';
import { LANGS, translate, type Lang, type MessageKey, type Params } from '../../shared/i18n/index.ts';

const KEY = 'ros.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved && (LANGS as string[]).includes(saved)) return saved as Lang;
  } catch {
    // Storage can be blocked (private mode); Vietnamese stays the default.
  }
  return 'vi';
}

export const langStore = createStore<{ lang: Lang }>()(() => ({ lang: initialLang() }));

/** Switches the language; `remember` keeps it for the next visit (a person's choice, not a URL's). */
export function setLang(lang: Lang, remember = true): void {
  langStore.setState({ lang });
  try {
    if (remember) globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    // Not remembered, but still switched for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function toggleLang(): void {
  setLang(langStore.getState().lang === 'vi' ? 'en' : 'vi');
}

/** The language a display page's address asks for: `?lang=en`, otherwise Vietnamese. */
export function urlLang(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'vi';
}

/**
 * Display pages (stage timer, LED walls) carry no controls: their language is set by the link the
 * technician opens, `?lang=en`, and not remembered, so the page reads the same after a reboot.
 */
export function useUrlLang(): void {
  useLayoutEffect(() => {
    setLang(urlLang(location.search), false);
  }, []);
}

export type T = (key: MessageKey, params?: Params) => string;

export function useLang(): Lang {
  return useStore(langStore, (s) => s.lang);
}

export function useT(): T {
  const lang = useLang();
  return (key, params) => translate(lang, key, params);
}

/** Keeps the browser tab's title in the chosen language. */
export function useDocumentTitle(key: MessageKey): void {
  const lang = useLang();
  useEffect(() => {
    document.title = translate(lang, key);
  }, [lang, key]);
}
