import { DateTime } from 'luxon';
import { Programme } from '../../shared/model/programme.schema.ts';
import { khanhHoa2025 } from './khanh-hoa-2025.ts';

/**
 * The demo programme. By default its days are moved to start today (in the event's zone) so every
 * screen shows a live day; `original` keeps the document's dates (11–12/7/2025).
 */
export function demoProgramme(startToday: number | null): Programme {
  const p = Programme.parse(khanhHoa2025);
  if (startToday === null) return p;
  const first = p.event.days[0];
  if (!first) return p;
  const today = DateTime.fromMillis(startToday, { zone: p.event.timeZone }).startOf('day');
  const origin = DateTime.fromISO(first.date, { zone: p.event.timeZone });
  const shift = Math.round(today.diff(origin, 'days').days);
  const days = p.event.days.map((d) => ({
    ...d,
    date: DateTime.fromISO(d.date, { zone: p.event.timeZone }).plus({ days: shift }).toISODate() ?? d.date,
  }));
  return { ...p, event: { ...p.event, days } };
}
