import { DateTime } from 'luxon';
import { Programme, type SegmentInput } from '../../shared/model/programme.schema.ts';
import { khanhHoa2025 } from '../../server/demo/khanh-hoa-2025.ts';

const TZ = 'Asia/Ho_Chi_Minh';

/**
 * The Khánh Hòa opening ceremony rows on one day whose first segment was due `lateMin` minutes
 * before `now` (in Vietnam, to the nearest minute), the rest following it: starting it now puts
 * the show that late, give or take the seconds (see `awayFromHalfMinute`).
 */
export function lateOpeningProgramme(now: number, lateMin: number): Programme {
  const due = DateTime.fromMillis(now, { zone: TZ }).minus({ minutes: lateMin }).plus({ seconds: 30 }).startOf('minute');
  const rows = khanhHoa2025.segments.filter((s) => s.section === 'KHAI MẠC NGÀY HỘI').slice(0, 5);
  const segments: SegmentInput[] = rows.map((s, i) => ({
    ...s,
    dayId: 'd1',
    plannedStart: i === 0 ? due.toFormat('HH:mm') : null,
    plannedEnd: null,
    fixedStart: i === 0,
  }));
  return Programme.parse({
    event: { ...khanhHoa2025.event, days: [{ id: 'd1', date: due.toISODate(), label: 'Ngày thứ 1' }] },
    segments,
  });
}

/** Waits until the clock is at least 20 s from a half minute, so a rounded delay is exact. */
export async function awayFromHalfMinute(): Promise<void> {
  const s = new Date().getSeconds();
  if (s >= 20 && s < 40) await new Promise((r) => setTimeout(r, (40 - s) * 1000));
}
