import { describe, expect, it } from 'vitest';
import { elapsedMs, remainingMs, timerLevel } from '../../shared/engine/timer.ts';

const a = (over = {}) => ({ start: 1000, end: null, pausedMs: 0, pausedAt: null, addedMs: 0, ...over });

describe('timer arithmetic', () => {
  it('remaining = duration + added − running time', () => {
    expect(remainingMs(a({ addedMs: 60_000 }), 600_000, 1000 + 100_000)).toBe(560_000);
  });
  it('pauses do not count as running time', () => {
    expect(elapsedMs(a({ pausedMs: 30_000 }), 1000 + 100_000)).toBe(70_000);
    // While paused the clock stands still at the pause instant.
    expect(elapsedMs(a({ pausedAt: 1000 + 50_000 }), 1000 + 900_000)).toBe(50_000);
  });
  it('goes negative in overtime', () => {
    expect(remainingMs(a(), 60_000, 1000 + 90_000)).toBe(-30_000);
  });
  it('levels: normal → warning → danger → overtime', () => {
    expect(timerLevel(121_000, 120_000, 0)).toBe('normal');
    expect(timerLevel(120_000, 120_000, 0)).toBe('warning');
    expect(timerLevel(0, 120_000, 0)).toBe('danger');
    expect(timerLevel(-1, 120_000, 0)).toBe('overtime');
    expect(timerLevel(25_000, 120_000, 30_000)).toBe('danger');
  });
});
