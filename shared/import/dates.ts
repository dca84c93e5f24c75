/** Day headers: "CHƯƠNG TRÌNH NGÀY THỨ 1 (11/7/2025)", "Ngày 12/7", "Day 2 – Saturday 12 July 2025". */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The first date written in the text; `year` fills in "11/7" without a year. */
export function findDate(text: string, year: number | null): string | null {
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b/.exec(text);
  if (m && (m[3] !== undefined || year !== null)) {
    const y = m[3] === undefined ? (year as number) : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return iso(y, Number(m[2]), Number(m[1]));
  }
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(text);
  let month = MONTHS[(m?.[2] ?? '').toLowerCase()];
  if (m && month) return iso(Number(m[3]), month, Number(m[1]));
  m = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
  month = MONTHS[(m?.[1] ?? '').toLowerCase()];
  if (m && month) return iso(Number(m[3]), month, Number(m[2]));
  m = /\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/i.exec(text);
  if (m && (m[3] !== undefined || year !== null)) return iso(m[3] === undefined ? (year as number) : Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

const DAY_HEADER = [
  /chương\s+trình\s+ngày/i,
  /^ngày\s+(?:thứ\s+)?(?:\d+|nhất|hai|ba|bốn|năm)\b/i,
  /^(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\b.*\d/i,
  /^day\s+(?:\d+|one|two|three|four|five)\b/i,
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*\d/i,
  /^(?:programme|program|schedule|agenda)\s+(?:for\s+)?day\b/i,
];

/** A short label for the day: "Ngày thứ 1", "Day 2"; null when the text is not a day header. */
export function dayHeader(text: string): { label: string } | null {
  const t = text.trim();
  if (!DAY_HEADER.some((re) => re.test(t)) && !(t.length < 60 && /^(?:ngày|day)\b/i.test(t) && findDate(t, 2000) !== null)) return null;
  const short = /ngày\s+thứ\s+\d+|ngày\s+\d+(?:[/.]\d+)*|day\s+\d+/i.exec(t)?.[0];
  const label = short ?? t;
  return { label: label.charAt(0).toUpperCase() + label.slice(1).toLowerCase() };
}
