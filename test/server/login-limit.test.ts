import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/server.ts';

// Above the per-address connection cap, so that what is measured is the login limit alone.
const server = useTestServer({ connectionsPerAddress: 1000 });

describe('login rate limit under concurrency', () => {
  it('300 wrong passwords sent at once: at most 10 are checked (401), the rest refused before hashing (429)', async () => {
    const attempt = (i: number) =>
      fetch(`${server.url}/api/v1/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: `wrong-guess-${i}` }),
      }).then((r) => r.status);
    const codes = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt(i)));
    const checked = codes.filter((c) => c === 401).length;
    const refused = codes.filter((c) => c === 429).length;
    expect(checked).toBeLessThanOrEqual(10);
    expect(checked + refused).toBe(300);
  }, 120_000);
});
