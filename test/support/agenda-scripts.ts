import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every JS file the built /agenda page loads: its scripts, module preloads and, transitively, their imports. */
export function agendaScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'agenda.html'), 'utf8');
  const start = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const seen = new Set<string>();
  const queue = start.map((href) => join(dist, href));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports and dynamic ones alike: anything the page may fetch counts against it.
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      queue.push(join(file, '..', m[1]!));
    }
  }
  return [...seen];
}
