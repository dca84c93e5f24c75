import type { ProgrammePayload, Snapshot } from '../../../shared/protocol.ts';
import { mountAgenda } from './app.ts';
import { agendaDataFrom, type AgendaData } from '../../../shared/agenda/data.ts';
import { connectLive } from './live.ts';

/** Entry of /agenda: no React, just the shared renderer and a read-only socket (see docs/BENCHMARKS.md). */
async function start(): Promise<void> {
  const root = document.getElementById('agenda');
  if (!root) return;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const inline = document.getElementById('agenda-data')?.textContent;
  mountAgenda({ root, data: inline ? (JSON.parse(inline) as AgendaData) : await fetchData(), connect: connectLive, storage });
}

/** Without the server's rendering (the vite dev server, a raw agenda.html) the data comes from the public API. */
async function fetchData(): Promise<AgendaData> {
  const p = (await (await fetch('/api/v1/programme')).json()) as ProgrammePayload;
  const snaps = await Promise.all(
    p.programme.event.stages.map(async (s) => (await (await fetch(`/api/v1/state?stage=${encodeURIComponent(s.id)}`)).json()) as Snapshot),
  );
  return agendaDataFrom(p, snaps, Date.now());
}

void start();

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/agenda-sw.js', { scope: '/agenda' }).catch(() => {
    // No offline copy (private mode, plain http on some browsers); the live page works regardless.
  });
}
