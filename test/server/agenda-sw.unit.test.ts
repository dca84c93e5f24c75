import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { serviceWorkerSource } from '../../server/agenda/service-worker.ts';

const ORIGIN = 'http://venue.lan:3000';

type Listener = (event: unknown) => void;

/** Runs the worker's source against a fake worker global with an in-memory Cache Storage. */
function loadWorker(fetchImpl: (req: { url: string }) => Promise<Response>) {
  const listeners = new Map<string, Listener>();
  const stores = new Map<string, Map<string, Response>>();
  const keyOf = (r: string | { url: string }) => new URL(typeof r === 'string' ? r : r.url, ORIGIN).pathname;
  const caches = {
    open: async (name: string) => {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return {
        put: async (r: string | { url: string }, res: Response) => void store.set(keyOf(r), res),
        add: async (r: string) => void store.set(keyOf(r), await fetchImpl({ url: new URL(r, ORIGIN).href })),
        match: async (r: string | { url: string }) => store.get(keyOf(r))?.clone(),
      };
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const self = {
    location: new URL(`${ORIGIN}/agenda-sw.js`),
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: () => undefined,
    clients: { claim: async () => undefined },
  };
  runInNewContext(serviceWorkerSource('test', ['/assets/agenda-abc.js']), { self, caches, fetch: fetchImpl, URL, Promise, setTimeout, console });
  const dispatch = (url: string, init: { method?: string; mode?: string } = {}) => {
    let responded: Promise<Response> | null = null;
    listeners.get('fetch')!({
      request: { url: `${ORIGIN}${url}`, method: init.method ?? 'GET', mode: init.mode ?? 'cors' },
      respondWith: (p: Promise<Response>) => (responded = p),
    });
    return responded as Promise<Response> | null;
  };
  const install = async () => {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get('install')!({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  return { dispatch, stores, install };
}

describe('agenda service worker', () => {
  it('never touches the API, control commands or socket.io', () => {
    const sw = loadWorker(async () => new Response('net'));
    expect(sw.dispatch('/api/v1/control/next', { method: 'POST' })).toBeNull();
    expect(sw.dispatch('/api/v1/state')).toBeNull();
    expect(sw.dispatch('/api/v1/login', { method: 'POST' })).toBeNull();
    expect(sw.dispatch('/socket.io/?EIO=4&transport=polling')).toBeNull();
    expect(sw.dispatch('/mc', { mode: 'navigate' })).toBeNull();
  });

  it('keeps the last /agenda page and serves it when the network is gone', async () => {
    let online = true;
    const sw = loadWorker(async () => {
      if (!online) throw new TypeError('network down');
      return new Response('<html>programme v1</html>', { status: 200 });
    });
    const first = await sw.dispatch('/agenda', { mode: 'navigate' });
    expect(await first!.text()).toContain('programme v1');
    online = false;
    const offline = await sw.dispatch('/agenda?day=d1', { mode: 'navigate' });
    expect(await offline!.text()).toContain('programme v1');
  });

  it('keeps the page and its scripts at install, so the very first visit already works offline', async () => {
    let online = true;
    const sw = loadWorker(async (req) => {
      if (!online) throw new TypeError('network down');
      return new Response(`body of ${new URL(req.url).pathname}`, { status: 200 });
    });
    await sw.install();
    online = false;
    expect(await (await sw.dispatch('/agenda', { mode: 'navigate' }))!.text()).toBe('body of /agenda');
    expect(await (await sw.dispatch('/assets/agenda-abc.js'))!.text()).toBe('body of /assets/agenda-abc.js');
  });

  it('serves hashed assets from the cache once fetched', async () => {
    let calls = 0;
    const sw = loadWorker(async () => {
      calls += 1;
      return new Response('export{}', { status: 200 });
    });
    await sw.dispatch('/assets/agenda-abc.js');
    const again = await sw.dispatch('/assets/agenda-abc.js');
    expect(await again!.text()).toBe('export{}');
    expect(calls).toBe(1);
  });
});
