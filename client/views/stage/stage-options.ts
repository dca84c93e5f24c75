import { resolveShow, STAGE_SHOW, type ResolvedShow, type ShowOptions } from '../../../shared/model/screen.schema.ts';

const KEYS = ['countdown', 'overtime', 'clock', 'logo'] as const;
const ON = new Set(['1', 'true', 'yes', 'on']);
const OFF = new Set(['0', 'false', 'no', 'off']);

/**
 * What this stage timer shows, from its link: `/stage?stage=hall&overtime=0&logo=1`. The timer
 * faces the speaker, so by default it shows everything but the logo; a value it cannot read keeps
 * the default.
 */
export function stageShowFrom(search: string): ResolvedShow {
  const q = new URLSearchParams(search);
  const given: ShowOptions = {};
  for (const k of KEYS) {
    const v = q.get(k)?.toLowerCase();
    if (v !== undefined && ON.has(v)) given[k] = true;
    else if (v !== undefined && OFF.has(v)) given[k] = false;
  }
  return resolveShow(given, STAGE_SHOW);
}
