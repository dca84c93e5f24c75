/**
 * Clock times as plan documents print them: "08 giờ 30", "8h20", "08h00", "8:20", "17g", "5.30 pm".
 * Returns 24 h "HH:mm" or null when the text is not a time.
 */
const CLOCK = String.raw`(\d{1,2})\s*(?:(?:giờ|gio|g|h|:|\.)\s*(\d{2})?\s*(?:phút|p|')?|\s*(?=[ap]\.?m))\s*([ap]\.?m\.?)?`;
const CLOCK_RE = new RegExp(`^${CLOCK}$`, 'i');
/** Hyphen, en dash, em dash, minus, "đến", "to", "until", with any spaces around. */
const SEP = String.raw`\s*(?:[-‐‑‒–—−~]+|đến|den|to|until)\s*`;
const RANGE_RE = new RegExp(`^(?:từ\\s*)?(${CLOCK})(?:${SEP}(${CLOCK}))?$`, 'i');

const pad = (n: number) => String(n).padStart(2, '0');

function toHhmm(h: string | undefined, m: string | undefined, ampm: string | undefined): string | null {
  let hour = Number(h);
  const minute = m === undefined || m === '' ? 0 : Number(m);
  if (!Number.isInteger(hour) || minute > 59) return null;
  if (ampm) {
    const pm = /^p/i.test(ampm);
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 24 || (hour === 24 && minute > 0)) return null;
  return `${pad(hour % 24)}:${pad(minute)}`;
}

export function parseClock(text: string): string | null {
  const m = CLOCK_RE.exec(normalise(text));
  if (!m) return null;
  // A bare number ("15") is a duration, not a time; a time needs a marker.
  if (!/[:h.g']|giờ|gio|[ap]\.?m/i.test(m[0])) return null;
  return toHhmm(m[1], m[2], m[3]);
}

export type TimeRange = { start: string; end: string | null };

/** "08 giờ 30 – 10 giờ 30", "8h20-8h30", "8:20–8:30", "08:20" → {start, end}; null when not a time. */
export function parseRange(text: string): TimeRange | null {
  const t = normalise(text);
  const m = RANGE_RE.exec(t);
  if (!m) return null;
  const start = parseClock(m[1] ?? '');
  if (start === null) return null;
  if (m[5] === undefined) return { start, end: null };
  const end = parseClock(m[5]);
  return end === null ? null : { start, end };
}

/** "120", "05", "15 phút", "15'", "15 min", "1h30", "1:30:00"(h:m:s) → minutes; null when not a duration. */
export function parseDuration(text: string): number | null {
  const t = normalise(text).toLowerCase();
  if (t === '') return null;
  let m = /^(\d+(?:[.,]\d+)?)\s*(?:phút|phut|p|'|′|min|mins|minutes?|m)?\.?$/.exec(t);
  if (m) {
    const v = Number((m[1] ?? '').replace(',', '.'));
    return v > 0 ? v : v === 0 ? 0 : null;
  }
  m = /^(\d+)\s*(?:h|giờ|gio|hours?|hrs?)\s*(?:(\d{1,2})\s*(?:phút|p|'|min|mins|minutes?|m)?)?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2] ?? 0);
  m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60;
  return null;
}

export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const fromMinutes = (min: number) => {
  const m = ((Math.round(min) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
};

/** Minutes from start to end; an earlier end crosses midnight (a 23:30–00:30 late show). */
export function rangeMinutes(r: { start: string; end: string }): number {
  const d = toMinutes(r.end) - toMinutes(r.start);
  return d < 0 ? d + 1440 : d;
}

function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim().replace(/[.;,]$/, '');
}

/**
 * A time cell that names an order instead of a time: "sau phần phát biểu", "tiếp theo", "ngay sau
 * đó", "after the speech". It reads naturally as "no printed time, follows the row before", but
 * only the organiser may say so (see ParseOptions.followLines).
 */
const RELATIVE_TIME = /^(?:ngay\s+sau|liền\s+sau|tiếp\s+(?:theo|sau|đó)|kế\s+(?:tiếp|đó)|sau(?:\s+(?:khi|đó|phần|tiết\s+mục|mục))?|right\s+after|after|following|then|next)(?!\p{L})/iu;

export const isRelativeTime = (text: string) => RELATIVE_TIME.test(text.trim());
