import { describe, expect, it } from 'vitest';
import { isNewLiveWebsocket } from '../../server/fanout/dispatch.ts';

const req = (line: string, headers = 'Host: 10.0.0.2:3000\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n') => Buffer.from(`${line}\r\n${headers}\r\n`, 'latin1');

describe('which connections go to a fan-out worker', () => {
  it('a new websocket on /live', () => {
    expect(isNewLiveWebsocket(req('GET /live/?EIO=4&transport=websocket HTTP/1.1'))).toBe(true);
    expect(isNewLiveWebsocket(req('GET /live/?EIO=4&transport=websocket HTTP/1.1', 'host: x\r\nupgrade: WebSocket\r\n'))).toBe(true);
  });
  it('not long polling, nor the upgrade of a polling session (it lives in the main process)', () => {
    expect(isNewLiveWebsocket(req('GET /live/?EIO=4&transport=polling&t=abc HTTP/1.1', 'Host: x\r\n'))).toBe(false);
    expect(isNewLiveWebsocket(req('GET /live/?EIO=4&transport=websocket&sid=Zx1 HTTP/1.1'))).toBe(false);
  });
  it('not the consoles, pages or API, nor anything malformed or cut short', () => {
    expect(isNewLiveWebsocket(req('GET /socket.io/?EIO=4&transport=websocket HTTP/1.1'))).toBe(false);
    expect(isNewLiveWebsocket(req('GET /live HTTP/1.1'))).toBe(false);
    expect(isNewLiveWebsocket(req('GET /agenda HTTP/1.1'))).toBe(false);
    expect(isNewLiveWebsocket(req('POST /live/?EIO=4&transport=websocket HTTP/1.1'))).toBe(false);
    expect(isNewLiveWebsocket(req('GET /live/?EIO=4&transport=websocket HTTP/1.1', 'Host: x\r\n'))).toBe(false);
    expect(isNewLiveWebsocket(Buffer.from('GET /live/?EIO=4&transport=websocket HT', 'latin1'))).toBe(false);
    // Headers that came in two pieces stay here: the rest would arrive in this process.
    expect(isNewLiveWebsocket(Buffer.from('GET /live/?EIO=4&transport=websocket HTTP/1.1\r\nUpgrade: websocket\r\n', 'latin1'))).toBe(false);
    expect(isNewLiveWebsocket(req('GET http://[::1 HTTP/1.1'))).toBe(false);
    expect(isNewLiveWebsocket(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00]))).toBe(false);
  });
});
