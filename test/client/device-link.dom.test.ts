import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptDeviceLink, linkToken } from '../../client/auth/device-link.ts';
import { sessionStore, setSession } from '../../client/auth/session.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
  history.replaceState(null, '', '/');
});

describe('opening a device link', () => {
  it('reads the token from the fragment only', () => {
    expect(linkToken('#token=abc%2Fd')).toBe('abc/d');
    expect(linkToken('')).toBeNull();
    expect(linkToken('#other=1')).toBeNull();
  });

  it('keeps the token as this device’s login with the role and stage the server gives, and takes it out of the address bar', async () => {
    history.replaceState(null, '', '/mc?stage=hall-b#token=tok');
    const fetch = vi.fn(async () => new Response(JSON.stringify({ role: 'mc', kind: 'device', name: 'MC B', stageId: 'hall-b' }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await adoptDeviceLink();
    expect(fetch).toHaveBeenCalledWith('/api/v1/me', { headers: { authorization: 'Bearer tok' } });
    expect(location.pathname + location.search + location.hash).toBe('/mc?stage=hall-b');
    expect(sessionStore.getState().session).toEqual({ token: 'tok', role: 'mc', stageId: 'hall-b', name: 'MC B', expiresAt: null });
    expect(JSON.parse(localStorage.getItem('ros.session') ?? 'null')).toMatchObject({ token: 'tok' });
  });

  it('says a revoked link is no longer valid, and keeps no login', async () => {
    history.replaceState(null, '', '/mc#token=old');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 401 })));
    await adoptDeviceLink();
    expect(location.hash).toBe('');
    expect(sessionStore.getState()).toEqual({ session: null, ended: 'link_invalid' });
  });
});
