import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addSample, estimateOffset } from '../../client/net/clock.ts';

describe('clock offset estimate', () => {
  it('takes the sample with the smallest round trip', () => {
    const est = estimateOffset([
      { t0: 1000, server: 6000, t1: 1400 }, // rtt 400
      { t0: 2000, server: 7010, t1: 2020 }, // rtt 20 → offset 5000
      { t0: 3000, server: 8100, t1: 3300 },
    ]);
    expect(est).toEqual({ offsetMs: 5000, rttMs: 20 });
  });
  it('is never further from the truth than half the best round trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), { minLength: 1, maxLength: 12 }),
        (trueOffset, legs) => {
          let t = 1_700_000_000_000;
          const samples = legs.map(([up, down]) => {
            const t0 = t;
            const server = t0 + up + trueOffset;
            const t1 = t0 + up + down;
            t = t1 + 100;
            return { t0, server, t1 };
          });
          const est = estimateOffset(samples)!;
          expect(Math.abs(est.offsetMs - trueOffset)).toBeLessThanOrEqual(est.rttMs / 2);
        },
      ),
    );
  });
  it('keeps only the most recent samples', () => {
    let s: ReturnType<typeof addSample> = [];
    for (let i = 0; i < 20; i++) s = addSample(s, { t0: i, server: i, t1: i }, 5);
    expect(s.map((x) => x.t0)).toEqual([15, 16, 17, 18, 19]);
  });
  it('ignores impossible samples', () => {
    expect(estimateOffset([{ t0: 10, server: 0, t1: 5 }])).toBeNull();
  });
});
