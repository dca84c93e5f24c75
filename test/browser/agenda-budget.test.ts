import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { agendaScripts } from '../support/agenda-scripts.ts';
import { ROOT } from '../support/server.ts';

/** The public agenda's JavaScript, compressed, must stay under this (issue 5). */
const AGENDA_JS_BUDGET = 80 * 1024;

const DIST = join(ROOT, 'dist/client');

describe('the /agenda JavaScript budget', () => {
  it(`stays under ${AGENDA_JS_BUDGET / 1024} KB gzip, with none of the consoles' code`, () => {
    if (!existsSync(join(DIST, 'agenda.html'))) throw new Error('dist/client/agenda.html missing: `npm test` builds first, or run `npx vite build`');
    const files = agendaScripts(DIST);
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((f) => ({ f, gz: gzipSync(readFileSync(f)).length }));
    const total = sizes.reduce((a, s) => a + s.gz, 0);
    const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    // React, the MC console and zod stay out of the phones' download.
    expect(code).not.toMatch(/react\.production|__SECRET_INTERNALS|ZodError/);
    expect(total, sizes.map((s) => `${s.f.replace(DIST, '')}: ${s.gz} B`).join('\n')).toBeLessThanOrEqual(AGENDA_JS_BUDGET);
  });

  it('follows the page\'s scripts, preloads and their static and dynamic imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ros-budget-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'agenda.html'), '<script type="module" crossorigin src="/assets/a.js"></script><link rel="modulepreload" crossorigin href="/assets/p.js">');
    writeFileSync(join(dir, 'assets/a.js'), 'import{x}from"./b.js";const l=()=>import("./c.js");');
    writeFileSync(join(dir, 'assets/b.js'), 'export const x=1;');
    writeFileSync(join(dir, 'assets/c.js'), 'export default 2;');
    writeFileSync(join(dir, 'assets/p.js'), 'export {};');
    writeFileSync(join(dir, 'assets/unrelated.js'), 'export {};');
    const names = agendaScripts(dir).map((f) => f.slice(f.lastIndexOf('/') + 1)).sort();
    expect(names).toEqual(['a.js', 'b.js', 'c.js', 'p.js']);
  });
});
