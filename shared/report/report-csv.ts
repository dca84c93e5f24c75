import { csvLine, csvText, withBom } from '../export/csv.ts';
import type { DayReport } from './report.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:mm:ss" in the event's zone. */
export function clockIn(ms: number | null, timeZone: string): string {
  if (ms === null) return '';
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** Signed "+m:ss" / "-m:ss" (or h:mm:ss), so a spreadsheet reader sees over and under at a glance. */
export function signedDuration(ms: number | null): string {
  if (ms === null) return '';
  const sign = ms > 0 ? '+' : ms < 0 ? '-' : '';
  return `${sign}${duration(Math.abs(ms))}`;
}

export function duration(ms: number | null): string {
  if (ms === null) return '';
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(total % 60)}` : `${m}:${pad(total % 60)}`;
}

export function reportCsv(days: DayReport[], timeZone: string): string {
  const header = ['Date', 'Stage', 'Segment', 'Performer', 'Status', 'Planned start', 'Planned duration', 'Actual start', 'Actual end', 'Actual duration', 'Paused', 'Added', 'Start difference', 'Duration difference'];
  const lines = [csvLine(header)];
  for (const d of days) {
    for (const r of d.rows) {
      lines.push(
        csvLine([
          d.date,
          csvText(d.stageName),
          csvText(r.title),
          csvText(r.performer),
          r.status,
          clockIn(r.plannedStart, timeZone),
          duration(r.plannedDurationMs),
          clockIn(r.actualStart, timeZone),
          clockIn(r.actualEnd, timeZone),
          duration(r.actualDurationMs),
          r.pausedMs > 0 ? duration(r.pausedMs) : '',
          r.addedMs !== 0 ? signedDuration(r.addedMs) : '',
          signedDuration(r.startDiffMs),
          signedDuration(r.durationDiffMs),
        ]),
      );
    }
    lines.push(csvLine([d.date, csvText(d.stageName), 'TOTAL', '', '', '', duration(d.totals.plannedMs), '', '', duration(d.totals.actualMs), '', '', signedDuration(d.totals.endDiffMs), signedDuration(d.totals.overUnderMs)]));
  }
  return withBom(lines);
}
