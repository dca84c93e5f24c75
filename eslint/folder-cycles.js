// Folder-level import cycles inside server/ (server/realtime → fanout → live → realtime): a cycle
// between feature folders means neither can be read or changed alone. import-x/no-cycle sees only
// file-level cycles, which a folder cycle need not contain, so this rule looks at folders.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g;

/** The folder of server/ a file belongs to (`server/live/x.ts` → `live`), or null. */
function folderOf(root, file) {
  const parts = relative(join(root, 'server'), file).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : null;
}

function* sources(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* sources(join(dir, e.name));
    else if (/\.tsx?$/.test(e.name)) yield join(dir, e.name);
  }
}

/** folder → folders it imports from, read from every file under server/ (type-only imports too). */
function folderGraph(root) {
  const graph = new Map();
  for (const file of sources(join(root, 'server'))) {
    const from = folderOf(root, file);
    if (!from) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!spec.startsWith('.')) continue;
      const to = folderOf(root, resolve(dirname(file), spec));
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from).add(to);
    }
  }
  return graph;
}

/** A path of folders from `start` back to `goal`, or null. */
function pathBack(graph, start, goal) {
  const seen = new Set();
  const walk = (at, path) => {
    if (at === goal) return path;
    if (seen.has(at)) return null;
    seen.add(at);
    for (const next of graph.get(at) ?? []) {
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [start]);
}

export const noFolderCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid import cycles between the folders of server/' },
    schema: [],
    messages: { cycle: 'folder cycle: server/{{path}}' },
  },
  create(context) {
    const root = context.cwd;
    const from = folderOf(root, context.filename);
    if (!from) return {};
    // Read once per file linted: the graph must see edits made in the same run (editors, --fix).
    const graph = folderGraph(root);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = folderOf(root, resolve(dirname(context.filename), spec));
      if (!to || to === from) return;
      const back = pathBack(graph, to, from);
      if (back) context.report({ node: node.source, messageId: 'cycle', data: { path: [from, ...back].join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
