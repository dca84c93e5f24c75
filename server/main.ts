import { WORKER_ROLE } from './fanout/messages.ts';
import { runFanoutWorker } from './fanout/worker.ts';
import { startPrimary } from './primary.ts';

// One program, two roles: the server itself, or one of the fan-out workers it starts (WORKERS).
if (process.env.ROS_ROLE === WORKER_ROLE) runFanoutWorker();
else await startPrimary();
