import type { Role } from '../../shared/protocol.ts';
import { AssignRequest, RegisterRequest, RenameRequest, RestoreRequest, ScreenRef } from '../../shared/model/screen.schema.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { ServiceError } from '../errors.ts';
import { parse } from '../http/validate.ts';
import { answer, type AppServer, type AppSocket } from '../realtime/socket.handlers.ts';
import type { ScreensBroadcaster, ScreensService } from './screens.service.ts';

export const SCREEN_ROLES: Role[] = ['admin', 'technician'];
const screenRoom = (id: string) => `screen:${id}`;
const TECH_ROOM = 'screens';

export function screensBroadcaster(io: AppServer): ScreensBroadcaster {
  return {
    screenChanged: (info) => io.to(screenRoom(info.id)).emit('screen:layout', info),
    listChanged: (list) => io.to(TECH_ROOM).emit('screens', list),
    identify: (id, name) => io.to(screenRoom(id)).emit('screen:identified', { name }),
    forgotten: (id) => io.to(screenRoom(id)).emit('screen:forgotten'),
  };
}

export function attachScreenHandlers(io: AppServer, screens: ScreensService, auth: AuthService): void {
  io.on('connection', (socket: AppSocket) => {
    // The screen this socket drives, if it registered as one.
    let screenId: string | null = null;

    // Checked per command, so a logout takes effect on open sockets too.
    const requireTech = () => {
      const principal = auth.verify(socket.data.token);
      if (!principal) throw new ServiceError('unauthorized', 'log in first');
      if (!SCREEN_ROLES.includes(principal.role)) throw new ServiceError('forbidden', `role ${principal.role} may not drive screens`);
    };

    const leaveScreen = () => {
      if (screenId === null) return;
      void socket.leave(screenRoom(screenId));
      const id = screenId;
      screenId = null;
      screens.detached(id);
    };

    socket.on('screen:register', (req, ack) =>
      answer(ack, () => {
        const info = screens.register(parse(RegisterRequest, req));
        if (screenId !== info.id) {
          leaveScreen();
          screenId = info.id;
          void socket.join(screenRoom(info.id));
          screens.attached(info.id);
        } else screens.announce();
        return screens.get(info.id);
      }),
    );

    socket.on('screens:watch', (_req, ack) =>
      answer(ack, () => {
        requireTech();
        void socket.join(TECH_ROOM);
        return screens.list();
      }),
    );

    socket.on('screen:assign', (req, ack) =>
      answer(ack, () => {
        requireTech();
        const { screens: targets, layout } = parse(AssignRequest, req);
        return screens.assign(targets, layout);
      }),
    );

    socket.on('screen:restore', (req, ack) =>
      answer(ack, () => {
        requireTech();
        return screens.restore(parse(RestoreRequest, req).screens);
      }),
    );

    socket.on('screen:rename', (req, ack) =>
      answer(ack, () => {
        requireTech();
        const { screenId: id, name } = parse(RenameRequest, req);
        return screens.rename(id, name);
      }),
    );

    socket.on('screen:identify', (req, ack) =>
      answer(ack, () => {
        requireTech();
        return screens.identify(parse(ScreenRef, req).screenId);
      }),
    );

    socket.on('screen:forget', (req, ack) =>
      answer(ack, () => {
        requireTech();
        const id = parse(ScreenRef, req).screenId;
        screens.forget(id);
        return { screenId: id };
      }),
    );

    socket.on('disconnect', () => {
      // A forgotten screen is already gone from the service; detaching it is harmless.
      leaveScreen();
    });
  });
}
