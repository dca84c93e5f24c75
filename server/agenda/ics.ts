import { DateTime } from 'luxon';
import { lineKey } from '../../shared/engine/plan.ts';
import type { AgendaData } from '../../shared/agenda/data.ts';

export type IcsOptions = {
  /** Only this stage; all stages when omitted. */
  stageId?: string | undefined;
  /** DTSTAMP, epoch ms. */
  now: number;
  /** Right-hand side of every UID, so two servers' calendars never collide. */
  uidDomain: string;
};

/**
 * The programme as iCalendar (RFC 5545), times in the event's zone with its VTIMEZONE so a phone
 * anywhere shows Vietnamese wall-clock times converted correctly. A zone with daylight saving
 * would need its full rules; rather than emit wrong ones, such events are written in UTC.
 */
export function renderIcs(d: AgendaData, o: IcsOptions): string {
  const tz = d.event.timeZone;
  const fixed = fixedOffset(tz, d.event.days.map((x) => x.date));
  const when = (ms: number) =>
    fixed === null
      ? `:${DateTime.fromMillis(ms, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'")}`
      : `;TZID=${tz}:${DateTime.fromMillis(ms, { zone: tz }).toFormat("yyyyLLdd'T'HHmmss")}`;
  const stages = d.event.stages.filter((s) => o.stageId === undefined || s.id === o.stageId);
  const info = new Map(d.segments.map((s) => [s.id, s]));
  const stamp = DateTime.fromMillis(o.now, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//run-of-show//agenda//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(stages.length === 1 && d.event.stages.length > 1 ? `${d.event.title} — ${stages[0]?.name ?? ''}` : d.event.title)}`,
    `X-WR-TIMEZONE:${tz}`,
  ];
  if (fixed !== null) lines.push(...vtimezone(tz, fixed));
  for (const day of d.event.days) {
    for (const stage of stages) {
      for (const l of d.plan.lines[lineKey(day.id, stage.id)] ?? []) {
        const s = info.get(l.id);
        if (!s || l.planned.start === null) continue;
        const end = l.planned.end ?? l.planned.start + l.durationMs;
        const description = [s.performer, s.section].filter(Boolean).join('\n');
        lines.push(
          'BEGIN:VEVENT',
          `UID:${s.id}.${day.date}@${o.uidDomain}`,
          `DTSTAMP:${stamp}`,
          `DTSTART${when(l.planned.start)}`,
          `DTEND${when(end)}`,
          `SUMMARY:${text(s.title)}`,
          ...(description ? [`DESCRIPTION:${text(description)}`] : []),
          `LOCATION:${text([stage.name, d.event.venue].filter(Boolean).join(', '))}`,
          `CATEGORIES:${text(s.kind)}`,
          'END:VEVENT',
        );
      }
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** The zone's offset in minutes if it is the same all through the event's years, else null. */
function fixedOffset(tz: string, dates: string[]): number | null {
  const years = new Set(dates.map((x) => Number(x.slice(0, 4))));
  const offsets = new Set<number>();
  for (const y of years) {
    for (let m = 1; m <= 12; m++) offsets.add(DateTime.fromObject({ year: y, month: m, day: 1 }, { zone: tz }).offset);
  }
  return offsets.size === 1 ? ([...offsets][0] ?? null) : null;
}

function vtimezone(tz: string, offsetMin: number): string[] {
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tz}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${off}`,
    `TZOFFSETTO:${off}`,
    `TZNAME:${off.slice(0, 3)}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

/**
 * TEXT value escaping of RFC 5545 §3.3.11. Every line break, a lone CR included, becomes \n: some
 * readers end a content line at a bare CR, so one left raw would start a line of the sender's choosing.
 */
export function text(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
export function fold(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      parts.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}
