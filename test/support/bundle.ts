import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.ts';

let built: Promise<string> | null = null;

/**
 * The server bundled the way `npm run build` does, fresh from the sources. Written inside the repo
 * so its bare imports resolve to node_modules. Starts several times faster than tsx, which matters
 * for loops that start the server hundreds of times.
 */
export function serverBundle(): Promise<string> {
  built ??= (async () => {
    // One folder per test process: the import worker is a second file the bundle finds beside itself.
    const dir = join(ROOT, `node_modules/.cache/run-of-show-test/server-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const options = { bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'silent' } as const;
    await build({ ...options, entryPoints: [join(ROOT, 'server/main.ts')], outfile: join(dir, 'main.js') });
    await build({ ...options, entryPoints: [join(ROOT, 'server/programme/import.worker.ts')], outfile: join(dir, 'import-worker.js') });
    await build({ ...options, entryPoints: [join(ROOT, 'server/edge/main.ts')], outfile: join(dir, 'edge.js') });
    return join(dir, 'main.js');
  })();
  return built;
}

/** The audience edge (`npm run edge`), bundled beside serverBundle's main.js. */
export async function edgeBundle(): Promise<string> {
  return join(await serverBundle(), '..', 'edge.js');
}
