import { describe, expect, it } from 'vitest';
import { flashOn, FLASH_MS, gapLabel, gapRemainingMs, isFlashing, previousInLine, timerDisplay } from '../../../client/views/stage/stage-display.ts';
import { at, MIN } from '../../support/factories.ts';
import { scenario, type Log } from './views.ts';

const s = scenario([
  ['17:00', 10, { title: 'A', warningSec: 120, dangerSec: 30 }],
  [null, 5, { title: 'B' }],
]);
const started: Log = [[{ type: 'start', dayId: 'd1' }, at('17:00')]];

describe('timerDisplay', () => {
  it('colours by the segment thresholds: normal → warning → danger → overtime', () => {
    const show = (now: number) => timerDisplay(s.view(started, now));
    expect(show(at('17:07', 59))).toMatchObject({ text: '02:01', level: 'normal' });
    expect(show(at('17:08'))).toMatchObject({ text: '02:00', level: 'warning' });
    expect(show(at('17:09', 30))).toMatchObject({ text: '00:30', level: 'danger' });
    expect(show(at('17:10'))).toMatchObject({ text: '00:00', level: 'danger', overtime: false });
    expect(show(at('17:10', 5))).toMatchObject({ text: '+00:05', level: 'overtime', overtime: true });
    expect(show(at('17:12', 3))).toMatchObject({ text: '+02:03', level: 'overtime' });
  });
  it('shows hours for long segments and stands still while paused', () => {
    const long = scenario([['08:30', 120, { title: 'VR' }]]);
    const log: Log = [
      [{ type: 'start', dayId: 'd1' }, at('08:30')],
      [{ type: 'pause' }, at('08:31')],
    ];
    expect(timerDisplay(long.view(log.slice(0, 1), at('08:30', 1)))?.text).toBe('1:59:59');
    const paused = timerDisplay(long.view(log, at('09:00')));
    expect(paused).toMatchObject({ text: '1:59:00', paused: true });
    expect(timerDisplay(long.view(log, at('10:00')))?.text).toBe('1:59:00');
  });
  it('is null when nothing runs', () => {
    expect(timerDisplay(s.view([], at('16:00')))).toBeNull();
  });
});

describe('gapLabel', () => {
  const seg = (kind: 'opening' | 'closing' | 'performance' | 'quiz', section: string) => ({ kind, section });
  it('names an opening or a closing by its kind', () => {
    expect(gapLabel(seg('opening', ''), seg('quiz', 'Buổi chiều')).key).toBe('stage.gap.opening');
    expect(gapLabel(seg('closing', 'BẾ MẠC'), seg('quiz', 'BẾ MẠC')).key).toBe('stage.gap.closing');
  });
  it('names a new upper-case ceremony section in sentence case', () => {
    expect(gapLabel(seg('performance', 'KHAI MẠC NGÀY HỘI'), seg('quiz', 'Buổi chiều'))).toEqual({
      key: 'stage.gap.section',
      params: { section: 'Khai mạc ngày hội' },
    });
  });
  it('falls back to a neutral label for a time-of-day section, the same section, or the first segment', () => {
    expect(gapLabel(seg('quiz', 'Buổi chiều'), seg('performance', 'Buổi sáng')).key).toBe('stage.gap.next');
    expect(gapLabel(seg('performance', 'KHAI MẠC'), seg('quiz', 'KHAI MẠC')).key).toBe('stage.gap.next');
    expect(gapLabel(seg('performance', 'Buổi sáng'), null).key).toBe('stage.gap.start');
  });
});

describe('gap countdown and flash', () => {
  it('counts down to countdownTo and never below zero', () => {
    expect(gapRemainingMs({ countdownTo: at('17:00') }, at('16:47', 26))).toBe(12 * MIN + 34_000);
    expect(gapRemainingMs({ countdownTo: at('17:00') }, at('17:01'))).toBe(0);
    expect(gapRemainingMs({ countdownTo: null }, at('17:01'))).toBeNull();
  });
  it('blinks in quarter-second halves for FLASH_MS from the server time of the flash', () => {
    const t = at('17:00');
    expect(flashOn(t, t)).toBe(true);
    expect(flashOn(t, t + 300)).toBe(false);
    expect(flashOn(t, t + 500)).toBe(true);
    expect(flashOn(t, t + FLASH_MS)).toBe(false);
    expect(isFlashing(t, t + FLASH_MS - 1)).toBe(true);
    expect(isFlashing(t, t + FLASH_MS)).toBe(false);
    expect(isFlashing(null, t)).toBe(false);
  });
  it('finds the segment before another in the running order', () => {
    expect(previousInLine(['a', 'b', 'c'], 'c')).toBe('b');
    expect(previousInLine(['a', 'b'], 'a')).toBeNull();
  });
});
