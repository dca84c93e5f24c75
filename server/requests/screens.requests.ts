import { AssignRequest, ConfirmRequest, PairRequest, RegisterRequest, RenameRequest, RestoreRequest, ScreenRef, type ScreenInfo } from '../../shared/model/screen.schema.ts';
import { NoPayload, type Role } from '../../shared/protocol.ts';
import { ServiceError } from '../errors.ts';
import type { ScreensService } from '../screens/screens.service.ts';
import { entry, type Budget, type RequestConnection } from './table.ts';

export const SCREEN_ROLES: readonly Role[] = ['admin', 'technician'];
export const screenRoom = (id: string) => `screen:${id}`;
/** The one player showing pairing code `code`. */
export const pairingRoom = (code: string) => `pairing:${code}`;
/** Technicians following the list of screens. */
export const TECH_ROOM = 'screens';

/** A player registers on each connect and after a resize (debounced). */
const REGISTER_BUDGET: Budget = { perSecond: 1, burst: 5 };
/** A new player asks for a code once per connection, or again after a forget. */
const PAIR_BUDGET: Budget = { perSecond: 0.2, burst: 3 };
const TECH_BUDGET: Budget = { perSecond: 10, burst: 30 };

/** The screen requests: an LED player saying who it is, and the technician's commands. */
export function screenRequests(screens: ScreensService) {
  const leaveScreen = (conn: RequestConnection) => {
    const id = conn.data.screenId;
    if (id === undefined) return;
    conn.leave(screenRoom(id));
    delete conn.data.screenId;
    // A forgotten screen is already gone from the service; detaching it is harmless.
    screens.detached(id);
  };
  const driveScreen = (conn: RequestConnection, id: string) => {
    if (conn.data.screenId === undefined) conn.onClose(() => leaveScreen(conn));
    leaveScreen(conn);
    conn.data.screenId = id;
    conn.join(screenRoom(id));
    screens.attached(id);
  };

  return {
    'screen:pair': entry({
      schema: PairRequest,
      roles: 'anyone',
      budget: PAIR_BUDGET,
      run: (req, ctx) => {
        if (!ctx.conn) throw new ServiceError('bad_request', 'pairing needs a socket');
        const conn = ctx.conn;
        const code = screens.pair(ctx.address, req.width, req.height);
        conn.join(pairingRoom(code));
        conn.onClose(() => screens.unpair(code));
        return { code };
      },
    }),
    // Anyone may try; the screen's key (checked by the service) is what lets it in.
    'screen:register': entry({
      schema: RegisterRequest,
      roles: 'anyone',
      budget: REGISTER_BUDGET,
      run: (req, ctx): ScreenInfo => {
        const info = screens.register(req);
        if (ctx.conn && ctx.conn.data.screenId !== info.id) driveScreen(ctx.conn, info.id);
        else screens.announce();
        return screens.get(info.id);
      },
    }),
    'screens:watch': entry({
      schema: NoPayload,
      roles: SCREEN_ROLES,
      budget: TECH_BUDGET,
      run: (_req, ctx): ScreenInfo[] => {
        ctx.conn?.join(TECH_ROOM);
        return screens.list();
      },
    }),
    'screen:confirm': entry({
      schema: ConfirmRequest,
      roles: SCREEN_ROLES,
      budget: TECH_BUDGET,
      run: (req): ScreenInfo => screens.confirm(req.code, req.name),
    }),
    'screen:assign': entry({
      schema: AssignRequest,
      roles: SCREEN_ROLES,
      budget: TECH_BUDGET,
      run: (req): ScreenInfo[] => screens.assign(req.screens, req.layout),
    }),
    'screen:restore': entry({
      schema: RestoreRequest,
      roles: SCREEN_ROLES,
      budget: TECH_BUDGET,
      run: (req): ScreenInfo[] => screens.restore(req.screens),
    }),
    'screen:rename': entry({
      schema: RenameRequest,
      roles: SCREEN_ROLES,
      budget: TECH_BUDGET,
      run: (req): ScreenInfo => screens.rename(req.screenId, req.name),
    }),
    'screen:identify': entry({
      schema: ScreenRef,
      roles: SCREEN_ROLES,
      budget: TECH_BUDGET,
      run: (req): ScreenInfo => screens.identify(req.screenId),
    }),
    'screen:forget': entry({
      schema: ScreenRef,
      roles: SCREEN_ROLES,
      budget: TECH_BUDGET,
      run: (req) => {
        screens.forget(req.screenId);
        return { screenId: req.screenId };
      },
    }),
  };
}
