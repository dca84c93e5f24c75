import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Test projects by what they need, so each can run alone on a clean clone:
 * - unit: pure code in node — no server, no socket, no process, no dist/, no DOM;
 * - server: the real app on a loopback port with real HTTP and socket.io clients (and processes);
 * - component: views rendered in jsdom (only files that need a DOM: *.test.tsx, *.dom.test.ts);
 * - browser: flows in headless Chromium and checks of the built client (need `npm run build`);
 * - reliability: long runs (fuzz, reconnect storms, slow consumers, crashes).
 * In test/server, a file named *.unit.test.ts tests server code without a server.
 */
const DOM_TESTS = ['test/client/**/*.test.tsx', 'test/client/**/*.dom.test.ts'];

/**
 * Reliability files check times (phones back within 5 s, the console's p95 while a bomb is parsed)
 * while they start servers, Redis and nginx: they run after the other projects, two at a time.
 * Browser files run one at a time, last: Chromium uses a core of its own, and two of them together
 * missed the one-second checks. (Running them beside the other groups, in a second vitest process,
 * was tried: it slowed both to twice their time and pushed reliability latencies past their bounds.)
 */
const RELIABILITY_GROUP = { sequence: { groupOrder: 1 }, maxWorkers: 2 };
const BROWSER_GROUP = { sequence: { groupOrder: 2 }, maxWorkers: 1 };

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default is as many files at once as cores but one: a single file on two cores. Most
    // files here wait on sockets, child processes and Chromium rather than compute, so more run side
    // by side; TEST_WORKERS sets it for a slower or a bigger machine.
    maxWorkers: Number(process.env.TEST_WORKERS) || 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/engine/**/*.test.ts', 'test/import/**/*.test.ts', 'test/client/**/*.test.ts', 'test/server/**/*.unit.test.ts'],
          exclude: DOM_TESTS,
          environment: 'node',
          // Pure code keeps no state between files, so one module graph serves them all: a fresh
          // one per file spent three quarters of this project's time on imports.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          exclude: ['test/server/**/*.unit.test.ts'],
          environment: 'node',
          // Servers are made per file or per test, never kept in a module; one module graph per worker
          // spares each file a fresh import of express, socket.io and the server (40 → 24 s alone).
          isolate: false,
          // Files run side by side on a shared machine: a limit is how long before a hung test is
          // reported, not a speed requirement (those are measured in bench/).
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          // As for server: each file starts and stops its own processes, Redis and nginx.
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 60_000,
          ...RELIABILITY_GROUP,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: DOM_TESTS,
          environment: 'jsdom',
          setupFiles: ['test/client/setup.ts'],
          // One jsdom per worker rather than per file (setting one up cost a third of this
          // project's time); test/client/setup.ts empties the document and storage after each test.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Each file launches and closes its own Chromium and servers; a shared module graph spares
          // each a fresh import of playwright and the server (the group alone: 259 → 218 s).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          ...BROWSER_GROUP,
        },
      },
    ],
  },
});
