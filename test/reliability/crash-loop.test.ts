import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverBundle } from '../support/bundle.ts';
import { crashLoop } from './crash-loop.ts';

describe('kill -9 at random moments', () => {
  it('never loses an acknowledged action and never half-applies one (50 rounds)', async () => {
    const result = await crashLoop({
      rounds: 50,
      dataDir: mkdtempSync(join(tmpdir(), 'ros-crashloop-')),
      bundle: await serverBundle(),
      deadlineMs: 240_000,
    });
    expect(result.failures).toEqual([]);
    expect(result.rounds).toBe(50);
    expect(result.faultKills).toBeGreaterThanOrEqual(16);
    expect(result.acknowledged).toBeGreaterThan(50);
    console.log(`crash loop: ${JSON.stringify(result)}`);
  }, 300_000);
});
