/**
 * Display helpers. Times are always shown in the event's zone (Intl does the zone maths, so the
 * phone's own zone never leaks in and no time-zone library ships to the browser).
 */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

export function formatClock(epochMs: number, timeZone: string, withSeconds = false): string {
  const key = `${timeZone}|${withSeconds}`;
  let f = clockFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    clockFormats.set(key, f);
  }
  return f.format(epochMs);
}

/** Countdown text: "12:34", "1:02:03"; negative values are shown without sign (the caller adds "+"). */
export function formatDuration(ms: number, roundUp = true): string {
  const abs = Math.abs(ms);
  // A countdown shows 0:01 until the very last moment, then 0:00; overtime counts up whole seconds.
  const total = ms >= 0 && roundUp ? Math.ceil(abs / 1000) : Math.floor(abs / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

/** Whole minutes for "Chậm 6 phút"; rounds toward zero so "1 phút" means at least a minute. */
export const wholeMinutes = (ms: number) => Math.trunc(ms / 60_000);

/** The event's calendar date (YYYY-MM-DD) at an instant, for choosing "today". */
export function dateInZone(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}
