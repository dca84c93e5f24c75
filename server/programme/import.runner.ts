import { Worker } from 'node:worker_threads';
import type { ApiError } from '../../shared/protocol.ts';
import type { Programme } from '../../shared/model/programme.schema.ts';
import { ServiceError } from '../errors.ts';
import type { ImportRequest } from './import.schema.ts';
import type { ImportOutcome } from './import.service.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import.limits.ts';

export type ImportJob = { current: Programme; request: ImportRequest; inflatedBytes: number };
export type ImportReply = { ok: true; outcome: ImportOutcome } | { ok: false; error: ApiError & { status: number } };
export type ImportRunner = {
  run: (current: Programme, request: ImportRequest) => Promise<ImportOutcome>;
  close: () => Promise<void>;
};

let devUrl: Promise<URL> | null = null;

/** In the bundle (dist/server/main.js) every module shares the bundle's URL and the worker is bundled beside it. */
function workerUrl(): Promise<URL> {
  if (!import.meta.url.endsWith('.ts')) return Promise.resolve(new URL('./import-worker.js', import.meta.url));
  devUrl ??= import('./import-worker.dev.ts').then((m) => m.devWorkerUrl());
  return devUrl;
}

/**
 * Reads imports in worker threads with a time limit, a heap limit and an inflated-size limit, so no
 * file can stall the event loop that answers the MC. Over a limit: 413 naming it, and that thread is
 * ended; a thread that finished its file waits for the next one.
 */
export function importRunner(limits: ImportLimits = DEFAULT_IMPORT_LIMITS): ImportRunner {
  let running = 0;
  const idle: Worker[] = [];

  async function spawn(): Promise<Worker> {
    const w = new Worker(await workerUrl(), {
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    w.unref(); // an idle reader never keeps the process alive
    return w;
  }

  async function run(current: Programme, request: ImportRequest): Promise<ImportOutcome> {
    if (running >= limits.concurrent) {
      throw new ServiceError('rate_limited', `${limits.concurrent} files are being read already; try again in a few seconds`, { retryAfterSec: 5 });
    }
    running++;
    try {
      const worker = idle.pop() ?? (await spawn());
      const reply = await inWorker(worker, { current, request, inflatedBytes: limits.inflatedBytes }, limits);
      idle.push(worker);
      if (reply.ok) return reply.outcome;
      const { status, ...error } = reply.error;
      throw new ServiceError(error.code, error.message, error.details, status);
    } finally {
      running--;
    }
  }

  return {
    run,
    close: async () => {
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
    },
  };
}

/** One job on one worker; the worker is ended (and the promise rejected) when the job goes over a limit. */
function inWorker(worker: Worker, job: ImportJob, limits: ImportLimits): Promise<ImportReply> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const fail = (e: ServiceError) => {
      done();
      void worker.terminate();
      reject(e);
    };
    const onMessage = (reply: ImportReply) => {
      done();
      resolve(reply);
    };
    const onError = (e: Error & { code?: string }) =>
      fail(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? overLimit('memory', `reading the file needed more than ${limits.memoryMb} MB of memory, the limit for one import; nothing was saved`)
          : new ServiceError('internal', `the import could not be read (${e.message.slice(0, 200)})`),
      );
    const onExit = (code: number) => fail(new ServiceError('internal', `the import reader stopped (exit code ${code})`));
    const timer = setTimeout(
      () => fail(overLimit('time', `reading the file took longer than ${limits.timeMs / 1000} s, the limit for one import; nothing was saved`)),
      limits.timeMs,
    );
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(job);
  });
}

function overLimit(limit: 'time' | 'memory', message: string): ServiceError {
  return new ServiceError('bad_request', message, { limit }, 413);
}
