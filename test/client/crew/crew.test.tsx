import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CrewView from '../../../client/views/crew/CrewView.tsx';
import { sessionStore, setSession } from '../../../client/auth/session.ts';
import type { Listed } from '../../../client/views/crew/crew-api.ts';

const BASE = 'http://192.168.1.20:3000';
const STAGES = [
  { id: 'main', name: 'Sân khấu chính' },
  { id: 'hall-b', name: 'Hội trường B' },
];
const listed = (over: Partial<Listed>): Listed => ({
  id: 'a1',
  kind: 'device',
  name: 'MC – Sân khấu chính (iPad 1)',
  role: 'mc',
  stageId: 'main',
  createdAt: 1,
  lastSeenAt: null,
  revokedAt: null,
  connected: false,
  ...over,
});

type Call = { method: string; url: string; body: unknown };

/** The server as the crew page meets it: the token list, the programme's stages, the address, and what it is sent. */
function fakeServer(tokens: () => Listed[] | 'unauthorized') {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      calls.push({ method, url, body });
      const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status });
      if (url === '/api/v1/address') return json({ publicUrl: BASE });
      if (url === '/api/v1/programme') return json({ programme: { event: { stages: STAGES, timeZone: 'Asia/Ho_Chi_Minh' } } });
      if (url === '/api/v1/tokens' && method === 'GET') {
        const list = tokens();
        return list === 'unauthorized' ? json({ error: { code: 'unauthorized', message: 'log in' } }, 401) : json(list);
      }
      if (url === '/api/v1/tokens' && method === 'POST') {
        const b = body as { name: string; role: string; stageId?: string };
        return json({ id: 'n1', token: 'secret-token', role: b.role, stageId: b.stageId ?? null, name: b.name, kind: 'device', url: `${BASE}/mc?stage=${b.stageId}#token=secret-token` }, 201);
      }
      return json({ ok: true });
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setSession(null));
});

describe('/crew', () => {
  it('hands out an MC link for a stage: named after role and stage when no name is typed, with its QR code', async () => {
    const calls = fakeServer(() => []);
    act(() => setSession({ token: 'admin-token', role: 'admin', expiresAt: null }));
    render(<CrewView />);
    const form = await screen.findByTestId('crew-new-device');
    fireEvent.change(within(form).getByLabelText('Sân khấu'), { target: { value: 'hall-b' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Tạo liên kết' }));
    const fresh = await screen.findByTestId('crew-new-link');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'MC – Hội trường B', role: 'mc', kind: 'device', stageId: 'hall-b' });
    expect(within(fresh).getByTestId('crew-link-url').getAttribute('href')).toBe(`${BASE}/mc?stage=hall-b#token=secret-token`);
    await waitFor(() => expect(fresh.querySelector('img[data-qr]')?.getAttribute('data-qr')).toBe(`${BASE}/mc?stage=hall-b#token=secret-token`));
  });

  it('shows which devices are connected now, and last seen in the event zone for the others', async () => {
    fakeServer(() => [listed({ connected: true }), listed({ id: 'a2', name: 'Moderator – Hội trường B', role: 'moderator', stageId: 'hall-b', lastSeenAt: Date.UTC(2025, 6, 11, 2, 5) })]);
    act(() => setSession({ token: 'admin-token', role: 'admin', expiresAt: null }));
    render(<CrewView />);
    const rows = await screen.findAllByTestId('crew-row');
    expect(rows.map((r) => within(r).getByTestId('crew-row-status').textContent)).toEqual(['Đang kết nối', 'Lần cuối: 09:05']);
    expect(rows[1]?.textContent).toContain('Điều phối lời nhắc · Hội trường B');
  });

  it('goes back to the login form, saying why, when its own login has ended', async () => {
    fakeServer(() => 'unauthorized');
    act(() => setSession({ token: 'old-admin-token', role: 'admin', expiresAt: null }));
    render(<CrewView />);
    expect((await screen.findByTestId('login-ended')).textContent).toContain('thu hồi quyền điều khiển');
    expect(sessionStore.getState().session).toBeNull();
  });
});
