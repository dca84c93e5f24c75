import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Reads the import graph from the sources themselves: no server starts, nothing is built. */
const ROOT = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every relative import (value or type) of a file, as paths from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)(?:[^'";]*?from)?\s*'(\.[^']+)'/g)].map((m) => relative(ROOT, resolve(dirname(file), m[1]!)));
}

/** server/<folder>/… → the folder; a file at server/'s top (app.ts, errors.ts) is its own node. */
const nodeOf = (path: string) => {
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path;
};

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('import boundaries', () => {
  it('server/ imports nothing from client/, shared/ imports neither', () => {
    const bad = [...files(join(ROOT, 'server')), ...files(join(ROOT, 'shared'))].flatMap((f) => {
      const from = relative(ROOT, f);
      return importsOf(f)
        .filter((to) => to.startsWith('client/') || (from.startsWith('shared/') && to.startsWith('server/')))
        .map((to) => `${from} → ${to}`);
    });
    expect(bad).toEqual([]);
  });

  it('no cycle between the folders of server/', () => {
    const graph = new Map<string, Set<string>>();
    for (const f of files(join(ROOT, 'server'))) {
      const from = nodeOf(relative(ROOT, f));
      for (const to of importsOf(f).filter((p) => p.startsWith('server/')).map(nodeOf)) {
        if (to === from) continue;
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)!.add(to);
      }
    }
    expect(graph.size).toBeGreaterThan(5);
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });
});
