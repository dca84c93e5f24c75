import type { Lang } from '../i18n/index.ts';

const cache = new Map<string, Intl.DateTimeFormat>();
function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** "T6, 11/7" / "Fri 11 Jul" for an event day's calendar date (a date, so no zone maths). */
export function formatDayDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const f = cached(`day|${lang}`, () =>
    new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'short', day: 'numeric', month: lang === 'vi' ? 'numeric' : 'short', timeZone: 'UTC' }),
  );
  return f.format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** "GMT+7": the zone the times are in, so a visitor from elsewhere knows they are local times. */
export function zoneLabel(timeZone: string, at: number): string {
  const f = cached(`zone|${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }));
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** Whole minutes, rounded: "khoảng 10 phút" is an estimate, not a countdown. */
export const roundMinutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));
