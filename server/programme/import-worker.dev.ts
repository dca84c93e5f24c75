import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The import worker when the server runs from its TypeScript sources (tsx, vitest, dev:server):
 * worker threads start without the parent's TypeScript loader, so the worker is bundled once per
 * process with esbuild (a dev dependency, like tsx) the way `npm run build` bundles it for `npm start`.
 */
export async function devWorkerUrl(): Promise<URL> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  // Inside node_modules so the bundle's bare imports (mammoth, read-excel-file) resolve.
  const dir = join(root, 'node_modules/.cache/run-of-show-dev');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `import-worker-${process.pid}.mjs`);
  process.once('exit', () => rmSync(outfile, { force: true }));
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'server/programme/import.worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return pathToFileURL(outfile);
}
