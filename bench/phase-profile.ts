import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * BENCH_PHASE_PROF=<dir>: a V8 CPU profile of one process over the action phase only (what
 * `--cpu-prof` would bury under the connection ramp), written as `<name>-<pid>.cpuprofile`.
 */
export function phaseProfiler(name: string) {
  const dir = process.env.BENCH_PHASE_PROF;
  let session: Session | null = null;
  return {
    async start() {
      if (!dir || session) return;
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    },
    async stop() {
      if (!dir || !session) return;
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
      session = null;
    },
  };
}
