import { pairingRoom, screenRoom, TECH_ROOM } from '../requests/screens.requests.ts';
import type { ScreensBroadcaster } from '../screens/screens.service.ts';
import type { AppServer } from './main.endpoint.ts';

export function screensBroadcaster(io: AppServer): ScreensBroadcaster {
  return {
    screenChanged: (info) => io.to(screenRoom(info.id)).emit('screen:changed', info),
    listChanged: (list) => io.to(TECH_ROOM).emit('screens:changed', list),
    identify: (id, name) => io.to(screenRoom(id)).emit('screen:identified', { name }),
    forgotten: (id) => io.to(screenRoom(id)).emit('screen:forgotten'),
    paired: (code, pairing) => io.to(pairingRoom(code)).emit('screen:paired', pairing),
  };
}
