import express, { type ErrorRequestHandler } from 'express';
import compression from 'compression';
import { createServer, type Server as HttpServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from 'socket.io';
import type { Programme } from '../shared/model/programme.schema.ts';
import { agendaRoutes } from './agenda/agenda.routes.ts';
import { authService, type AuthService } from './auth/auth.service.ts';
import { ServiceError } from './errors.ts';
import { authRoutes } from './http/auth.routes.ts';
import { limitConnections } from './http/connection-limits.ts';
import { jsonBody } from './http/json-body.ts';
import { publicRoutes } from './http/public.routes.ts';
import { securityHeaders } from './http/security-headers.ts';
import { addressRoutes } from './http/address.routes.ts';
import { staticRoutes } from './http/static.routes.ts';
import { attachSocketHandlers, connectedTokenIds, socketBroadcaster, tellRevoked, type AppServer } from './endpoints/main.endpoint.ts';
import { publicUrl as lanPublicUrl } from './http/public-url.ts';
import { programmeRoutes } from './programme/programme.routes.ts';
import { importRunner } from './programme/import.runner.ts';
import type { ImportLimits } from './programme/import.limits.ts';
import { reportRoutes } from './report/report.routes.ts';
import { ShowService } from './show/show.service.ts';
import { liveBroadcaster } from './show/broadcaster.ts';
import { publicProgramme } from './show/public-programme.ts';
import { liveEndpoint, type LiveEndpoint } from './live/live.endpoint.ts';
import type { EdgeFeed } from './edge/publish.ts';
import { actionsRepository } from './store/actions.repository.ts';
import { probeWrite, type Db } from './store/db.ts';
import { storeHealth, type StoreHealthTracker } from './store/store-health.ts';
import { programmeRepository } from './store/programme.repository.ts';
import { screensBroadcaster } from './endpoints/screens.broadcaster.ts';
import { requestRoutes } from './requests/http.routes.ts';
import { requestTable, type RequestTable } from './requests/requests.ts';
import { screensRepository } from './screens/screens.repository.ts';
import { logoRoutes } from './logo/logo.routes.ts';
import { logoRepository } from './logo/logo.repository.ts';
import { ScreensService } from './screens/screens.service.ts';

export type AppDeps = {
  db: Db;
  seed: () => Programme;
  afterAppend?: () => void;
  now?: () => number;
  /** Built client (vite output); omitted in tests that need only the API. */
  clientDir?: string;
  /** Extra origins (besides this server's own) whose pages may open control connections. */
  allowedOrigins?: readonly string[];
  /** Open connections one address may hold (default CONNECTIONS_PER_ADDRESS). */
  connectionsPerAddress?: number;
  /** Benchmark only: stamps broadcast snapshots with this monotonic clock (see ShowDeps). */
  benchClock?: () => number;
  /** What one import may cost (time, memory, inflated size); defaults in import.limits.ts. */
  importLimits?: ImportLimits;
  /** REDIS_URL: the audience is held by edges, fed through Redis (server/edge/). */
  edges?: EdgeFeed;
  /** The base of device links and QR codes (PUBLIC_URL); default: this machine's first LAN address and the listening port. */
  publicUrl?: () => string;
};

export type App = {
  http: HttpServer;
  io: AppServer;
  live: LiveEndpoint;
  show: ShowService;
  auth: AuthService;
  health: StoreHealthTracker;
  table: RequestTable;
  close: () => Promise<void>;
};

/** Builds the whole server; nothing listens and nothing is read from the environment here. */
export function createApp(deps: AppDeps): App {
  const now = deps.now ?? Date.now;
  const health = storeHealth(now);
  const show = new ShowService({
    health,
    db: deps.db,
    programmes: programmeRepository(deps.db),
    actions: actionsRepository(deps.db),
    now,
    seed: deps.seed,
    ...(deps.benchClock ? { benchClock: deps.benchClock } : {}),
    ...(deps.afterAppend ? { afterAppend: deps.afterAppend } : {}),
  });
  const auth = authService(deps.db, now);
  // A read-only store still shows the programme; it cannot take a press, and /healthz says so from the start.
  const unwritable = probeWrite(deps.db);
  if (unwritable) health.failed(unwritable);
  const screens = new ScreensService(screensRepository(deps.db), now);
  show.onStageRenames((renames) => screens.renameStages(renames));
  // Every request the consoles, screens and scripts send, served by the socket and HTTP adapters.
  const table = requestTable({ show, screens, now });

  const app = express();
  const http = createServer({ connectionsCheckingInterval: 1000 }, app);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Phones on congested mobile data: every HTML, JSON and asset response goes out compressed.
  app.use(compression());
  app.use(securityHeaders());
  // Before the 64 kb parser: import and programme replacement parse their own, larger bodies.
  const imports = importRunner(deps.importLimits);
  app.use(programmeRoutes(show, auth, imports.run));
  app.use(logoRoutes({ db: deps.db, logos: logoRepository(deps.db), show, auth, now }));
  app.use(reportRoutes(show, actionsRepository(deps.db), auth, now));
  app.use(jsonBody('64kb'));
  app.use(publicRoutes(show, auth, now(), health));
  // connectTimeout: a websocket that never says which namespace it wants is closed soon.
  const io: AppServer = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, connectTimeout: 10_000 });
  const publicUrl = deps.publicUrl ?? (() => lanPublicUrl(undefined, listeningPort(http)));
  app.use(authRoutes({ auth, stageIds: () => show.stageIds(), publicUrl, connectedTokenIds: () => connectedTokenIds(io) }));
  app.use(addressRoutes(publicUrl));
  app.use(requestRoutes(table, auth));
  app.use(agendaRoutes({ show, now, clientDir: deps.clientDir }));
  if (deps.clientDir && existsSync(join(deps.clientDir, 'index.html'))) app.use(staticRoutes(deps.clientDir));
  app.use('/api', (_req, _res, next) => next(new ServiceError('not_found', 'no such API route')));
  app.use(errorHandler);

  limitConnections(http, deps.connectionsPerAddress);
  attachSocketHandlers(io, table, show, auth, deps.allowedOrigins ?? []);
  show.subscribe(socketBroadcaster(io, auth));
  auth.onRevoked(() => tellRevoked(io, auth));
  screens.subscribe(screensBroadcaster(io));
  const live = liveEndpoint(http, {
    programme: publicProgramme(show.programmePayload()),
    states: show.stageIds().map((id) => show.runState(id)),
    now,
    fanout: deps.edges ? 'adapter' : 'sliced',
  });
  // The edges' copy is written before the broadcast that reaches their phones.
  if (deps.edges) {
    show.subscribe(deps.edges);
    deps.edges.attach(live, show);
  }
  show.subscribe(liveBroadcaster(live));

  return {
    http,
    io,
    live,
    show,
    auth,
    health,
    table,
    close: async () => {
      await live.close();
      await deps.edges?.close();
      await imports.close();
      // io.close() settles before the HTTP server has closed; its callback waits for that.
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    },
  };
}

const listeningPort = (http: HttpServer): number => {
  const a = http.address();
  return typeof a === 'object' && a ? a.port : 3000;
};

const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof ServiceError) {
    if (err.code === 'rate_limited') res.set('Retry-After', String((err.details as { retryAfterSec?: number })?.retryAfterSec ?? 60));
    res.status(err.status).json({ error: err.toJSON() });
    return;
  }
  // Errors from express and its body parsers carry an HTTP status; anything else is ours to fix.
  const { status: given, message: said } = (typeof err === 'object' && err !== null ? err : {}) as { status?: unknown; message?: unknown };
  const status = typeof given === 'number' && given >= 400 && given < 500 ? given : 500;
  if (status === 500) console.error('request failed', err);
  const code = status === 413 ? 'bad_request' : status === 500 ? 'internal' : 'bad_request';
  const message = status === 413 ? 'request body too large' : status === 500 ? 'internal error' : typeof said === 'string' ? said : 'bad request';
  res.status(status).json({ error: { code, message } });
};
