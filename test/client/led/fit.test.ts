import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digitsKey, fitFontSize, shapeOf } from '../../../client/components/fit.ts';

describe('fitFontSize', () => {
  it('finds the largest size that fits, to half a pixel', () => {
    const limit = 137.3;
    const size = fitFontSize((px) => px <= limit, 6, 1000);
    expect(size).toBeLessThanOrEqual(limit);
    expect(size).toBeGreaterThan(limit - 1);
  });

  it('returns the maximum when everything fits and the minimum when nothing does', () => {
    expect(fitFontSize(() => true, 6, 400)).toBe(400);
    expect(fitFontSize(() => false, 6, 400)).toBe(6);
  });

  it('never returns a size that does not fit, for any monotonic limit', () => {
    fc.assert(
      fc.property(fc.double({ min: 6, max: 4000, noNaN: true }), fc.double({ min: 7, max: 4000, noNaN: true }), (limit, max) => {
        const size = fitFontSize((px) => px <= limit, 6, max);
        expect(size).toBeLessThanOrEqual(Math.max(6, Math.min(limit, max)));
        if (limit < max) expect(size).toBeGreaterThan(limit - 1);
      }),
      { seed: 4, numRuns: 300 },
    );
  });
});

describe('digitsKey', () => {
  it('gives ticking countdowns of one length the same key, and a new key when the length changes', () => {
    expect(digitsKey('12:34')).toBe(digitsKey('09:59'));
    expect(digitsKey('1:00:00')).not.toBe(digitsKey('59:59'));
    expect(digitsKey('+01:02')).not.toBe(digitsKey('01:02'));
  });
});

describe('shapeOf', () => {
  it('classifies the walls of the square', () => {
    expect(shapeOf(1920, 480)).toBe('strip');
    expect(shapeOf(3840, 1080)).toBe('strip');
    expect(shapeOf(1920, 1080)).toBe('landscape');
    expect(shapeOf(1280, 720)).toBe('landscape');
    expect(shapeOf(1080, 1920)).toBe('portrait');
    expect(shapeOf(0, 0)).toBe('landscape');
  });
});
