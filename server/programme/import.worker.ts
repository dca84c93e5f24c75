import { parentPort } from 'node:worker_threads';
import { ServiceError } from '../errors.ts';
import { previewImport } from './import.service.ts';
import type { ImportJob, ImportReply } from './import.runner.ts';

/**
 * Runs in a worker thread: the whole import (unzip, parse, check) happens here, so a file that
 * takes seconds or hundreds of MB to read costs the show nothing but this thread. One job at a
 * time; the runner ends the thread when a job goes over a limit.
 */
parentPort?.on('message', (job: ImportJob) => void read(job));

async function read(job: ImportJob): Promise<void> {
  let reply: ImportReply;
  try {
    reply = { ok: true, outcome: await previewImport(job.current, job.request, job.inflatedBytes) };
  } catch (e) {
    reply =
      e instanceof ServiceError
        ? { ok: false, error: { ...e.toJSON(), status: e.status } }
        : { ok: false, error: { code: 'internal', message: 'the import failed unexpectedly', status: 500, details: { reason: String(e).slice(0, 300) } } };
  }
  parentPort?.postMessage(reply);
}
