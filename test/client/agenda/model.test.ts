import { describe, expect, it } from 'vitest';
import { buildAgenda, defaultSelection, DELAY_THRESHOLD_MS } from '../../../shared/agenda/model.ts';
import { renderBanner } from '../../../shared/agenda/render.ts';
import { agendaT } from '../../../shared/agenda/i18n.ts';
import { withProgramme, withRunState, fresher } from '../../../shared/agenda/data.ts';
import { at, MIN } from '../../support/factories.ts';
import { dataOf, payloadOf, snapshotAfter, twoDayProgramme } from './helpers.ts';

const p = twoDayProgramme();
const sel = { dayId: 'd1', stageId: 'main' };
const statuses = (m: ReturnType<typeof buildAgenda>) => m.rows.map((r) => `${r.id}:${r.status}`);

describe('agenda model', () => {
  it('before the MC starts, marks rows by the planned clock: finished ones past, the first to come next', () => {
    const now = at('17:17');
    const m = buildAgenda(dataOf(p, [snapshotAfter(p, [], now)], now), sel, now);
    expect(m.live).toBe(false);
    expect(statuses(m)).toEqual(['welcome:past', 'guests:next', 'speech:upcoming', 'ribbon:upcoming']);
    expect(m.lateMs).toBeNull();
    expect(m.rows.every((r) => r.shiftedStart === null)).toBe(true);
  });

  it('while running: now with progress, next, past, and projected times where they moved', () => {
    const now = at('17:24');
    const snap = snapshotAfter(p, [[{ type: 'start' }, at('17:02')], [{ type: 'next' }, at('17:20')]], now);
    const m = buildAgenda(dataOf(p, [snap], now), sel, now);
    expect(statuses(m)).toEqual(['welcome:past', 'guests:now', 'speech:next', 'ribbon:upcoming']);
    const guests = m.rows[1]!;
    expect(guests.progress).toBeCloseTo(4 / 5, 5);
    expect(guests.remainingMs).toBe(MIN);
    // Guests were due 17:15 and began 17:20; the speech follows at 17:25 instead of 17:20.
    expect(guests.shiftedStart).toBe(at('17:20'));
    expect(m.rows[2]!.shiftedStart).toBe(at('17:25'));
    // The ribbon cutting is fixed at 17:30 and the speech ends 17:35: it moves too.
    expect(m.rows[3]!.shiftedStart).toBe(at('17:35'));
    expect(m.lateMs).toBe(5 * MIN);
  });

  it('raises the delay only from the threshold on, from the live state', () => {
    const at4 = at('17:04');
    const slightly = buildAgenda(dataOf(p, [snapshotAfter(p, [[{ type: 'start' }, at4]], at4)], at4), sel, at4);
    expect(slightly.lateMs).toBeNull();
    const at10 = at('17:10');
    const late = buildAgenda(dataOf(p, [snapshotAfter(p, [[{ type: 'start' }, at10]], at10)], at10), sel, at10);
    expect(late.lateMs).toBe(10 * MIN);
    expect(DELAY_THRESHOLD_MS).toBeLessThanOrEqual(10 * MIN);
    // The same state seen a minute later: the running segment is still due to end 10 min late.
    expect(buildAgenda(dataOf(p, [snapshotAfter(p, [[{ type: 'start' }, at10]], at10)], at10), sel, at('17:11')).lateMs).toBe(10 * MIN);
  });

  it('says nothing about a delay of more than 12 hours: that is a programme run on another day', () => {
    const start = at('17:00') + 13 * 60 * MIN;
    // Day 1 started late on purpose (a bare Start that late would open day 2).
    const far = buildAgenda(dataOf(p, [snapshotAfter(p, [[{ type: 'start', dayId: 'd1' }, start]], start)], start), sel, start);
    expect(far.lateMs).toBeNull();
    const hours = at('17:00') + 80 * MIN;
    const model = buildAgenda(dataOf(p, [snapshotAfter(p, [[{ type: 'start', dayId: 'd1' }, hours]], hours)], hours), sel, hours);
    expect(model.lateMs).toBe(80 * MIN);
    expect(renderBanner(model, agendaT('vi'))).toContain('chậm khoảng 1 giờ 20 phút');
    expect(renderBanner(model, agendaT('en'))).toContain('about 1 h 20 min late');
  });

  it('counts overtime of the running segment into the delay as the clock moves, without any message', () => {
    const snap = snapshotAfter(p, [[{ type: 'start' }, at('17:00')]], at('17:00'));
    const data = dataOf(p, [snap], at('17:00'));
    expect(buildAgenda(data, sel, at('17:10')).lateMs).toBeNull();
    const later = buildAgenda(data, sel, at('17:23'));
    expect(later.lateMs).toBe(8 * MIN);
    expect(later.rows[0]!.remainingMs).toBe(-8 * MIN);
  });

  it('shows another day from the plan only, without live marks', () => {
    const now = at('17:24');
    const snap = snapshotAfter(p, [[{ type: 'start' }, at('17:02')]], now);
    const m = buildAgenda(dataOf(p, [snap], now), { dayId: 'd2', stageId: 'main' }, now);
    expect(m.live).toBe(false);
    expect(statuses(m)).toEqual(['workshop:upcoming']);
  });

  it('says the day has ended once the MC ends the last segment', () => {
    const cmds: [Parameters<typeof snapshotAfter>[1][number][0], number][] = [
      [{ type: 'start' }, at('17:00')],
      [{ type: 'next' }, at('17:15')],
      [{ type: 'next' }, at('17:20')],
      [{ type: 'next' }, at('17:30')],
      [{ type: 'end' }, at('17:40')],
    ];
    const now = at('17:41');
    const m = buildAgenda(dataOf(p, [snapshotAfter(p, cmds, now)], now), sel, now);
    expect(m.ended).toBe(true);
    expect(m.rows.every((r) => r.status === 'past')).toBe(true);
  });

  it('shows an earlier day as past without saying today has ended', () => {
    const now = at('09:00') + 24 * 60 * MIN;
    const m = buildAgenda(dataOf(p, [], now), sel, now);
    expect(m.rows.every((r) => r.status === 'past')).toBe(true);
    expect(m.ended).toBe(false);
    const evening = buildAgenda(dataOf(p, [], at('23:00')), sel, at('23:00'));
    expect(evening.ended).toBe(true);
  });

  it('opens on today while the event is on, else the next day to come, else the last', () => {
    const data = dataOf(p, [], at('09:00'));
    expect(defaultSelection(data, at('09:00')).dayId).toBe('d1');
    expect(defaultSelection(data, at('09:00') + 24 * 60 * MIN).dayId).toBe('d2');
    expect(defaultSelection(data, at('09:00') - 5 * 24 * 60 * MIN).dayId).toBe('d1');
    expect(defaultSelection(data, at('09:00') + 30 * 24 * 60 * MIN).dayId).toBe('d2');
    expect(defaultSelection(data, at('09:00'), { dayId: 'd2', stageId: 'nope' })).toEqual({ dayId: 'd2', stageId: 'main' });
  });

  it('keeps the newest snapshot and programme whatever order they arrive in', () => {
    const s1 = snapshotAfter(p, [[{ type: 'start' }, at('17:00')]], at('17:00'));
    const s2 = snapshotAfter(p, [[{ type: 'start' }, at('17:00')], [{ type: 'next' }, at('17:15')]], at('17:15'));
    const base = dataOf(p, [], at('16:00'));
    const d = withRunState(withRunState(base, s2, at('17:15')), s1, at('17:16'));
    expect(d.runStates.main?.version).toBe(2);
    const edited = withProgramme(d, payloadOf(p, 2), at('17:20'));
    expect(edited.revision).toBe(2);
    // A snapshot of the older revision may name removed segments: no live marks from it.
    expect(buildAgenda(edited, sel, at('17:20')).live).toBe(false);
    expect(buildAgenda(d, sel, at('17:20')).live).toBe(true);
    expect(withProgramme(edited, payloadOf(p, 1), at('17:21')).revision).toBe(2);
    expect(fresher(base, d)).toBe(d);
    expect(fresher(d, null)).toBe(d);
  });
});
