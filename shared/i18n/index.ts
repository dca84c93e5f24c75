import * as common from './messages/common.ts';
import * as warnings from './messages/warnings.ts';
import * as mc from './messages/mc.ts';
import * as stage from './messages/stage.ts';
import * as agenda from './messages/agenda.ts';
import * as led from './messages/led.ts';
import * as tech from './messages/tech.ts';
import * as edit from './messages/edit.ts';
import * as report from './messages/report.ts';
import * as stages from './messages/stages.ts';
import * as crew from './messages/crew.ts';

/**
 * Every user-facing string goes through here. Each area keeps its own dictionary file under
 * messages/ (vi first, en typed against it so a missing translation does not compile).
 */
const vi = { ...common.vi, ...warnings.vi, ...mc.vi, ...stage.vi, ...agenda.vi, ...led.vi, ...tech.vi, ...edit.vi, ...report.vi, ...crew.vi, ...stages.vi };
const en: Record<keyof typeof vi, string> = { ...common.en, ...warnings.en, ...mc.en, ...stage.en, ...agenda.en, ...led.en, ...tech.en, ...edit.en, ...report.en, ...crew.en, ...stages.en };

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export type MessageKey = keyof typeof vi;
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key] ?? dictionaries.vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const isMessageKey = (key: string): key is MessageKey => key in vi;

/**
 * The message that explains an error code from the server: an engine refusal (`no_next_segment`)
 * or a request error (`stale_version`); null for a code this version has no words for.
 */
export function errorMessageKey(code: string): MessageKey | null {
  const refusal = `refusal.${code}`;
  if (isMessageKey(refusal)) return refusal;
  const error = `error.${code}`;
  return isMessageKey(error) ? error : null;
}
