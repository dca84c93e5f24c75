/**
 * The agenda's service worker, served at /agenda-sw.js with scope /agenda. It keeps the last page
 * (with the programme inlined) and the hashed assets, so a phone that loses its data connection
 * still shows the programme. Only those two kinds of GET are touched: the API, control commands
 * and socket.io traffic always go straight to the network.
 *
 * Plain JavaScript in a string because it runs in the worker as it is, outside the bundles.
 */
export function serviceWorkerSource(buildId: string, assets: readonly string[]): string {
  return `'use strict';
const CACHE = ${JSON.stringify(`ros-agenda-${buildId}`)};
const PAGE = '/agenda';
// The first visit's page and scripts were fetched before this worker existed: fetch them once more.
const PRECACHE = ${JSON.stringify([...assets])};
const NETWORK_WAIT_MS = 6000;

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all([PAGE, ...PRECACHE].map((url) => cache.add(url).catch(() => undefined)))),
  );
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ros-agenda-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function kindOf(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  if (url.pathname === PAGE && request.mode === 'navigate') return 'page';
  if (url.pathname.startsWith('/assets/')) return 'asset';
  return null;
}

async function page(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((res) => {
    if (res.ok) cache.put(PAGE, res.clone());
    return res;
  });
  network.catch(() => undefined);
  // A congested network may answer after minutes; the kept copy shows meanwhile.
  const late = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const first = await Promise.race([network, late]);
    if (first) return first;
  } catch (e) {
    const kept = await cache.match(PAGE);
    if (kept) return kept;
    throw e;
  }
  const kept = await cache.match(PAGE);
  return kept || network;
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const kind = kindOf(event.request);
  if (kind === 'page') event.respondWith(page(event.request));
  else if (kind === 'asset') event.respondWith(asset(event.request));
});
`;
}
