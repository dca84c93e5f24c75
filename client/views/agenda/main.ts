import { mountAgenda } from './app.ts';
import type { AgendaData } from './data.ts';
import { connectLive } from './live.ts';

/** Entry of /agenda: no React, just the shared renderer and a read-only socket (see docs/BENCHMARKS.md). */
const root = document.getElementById('agenda');
const inline = document.getElementById('agenda-data')?.textContent;
if (root && inline) {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  mountAgenda({ root, data: JSON.parse(inline) as AgendaData, connect: connectLive, storage });
}

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/agenda-sw.js', { scope: '/agenda' }).catch(() => {
    // No offline copy (private mode, plain http on some browsers); the live page works regardless.
  });
}
