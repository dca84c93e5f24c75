import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionBadge } from '../../client/components/ConnectionBadge.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the store banner on every console', () => {
  it('says so while /healthz reports a read-only store, and goes when it is writable again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let store: object = { ok: false, code: 'read_only', problem: 'the store file is read-only', since: 1 };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        expect(url).toBe('/healthz');
        return new Response(JSON.stringify({ ok: false, store }), { status: 503 });
      }),
    );
    render(<ConnectionBadge />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toBe('Máy chủ không ghi được dữ liệu (tệp lưu trữ chỉ đọc): mọi thao tác điều khiển sẽ không được lưu. Báo ngay cho kỹ thuật viên.');
    store = { ok: true };
    await act(async () => {
      vi.advanceTimersByTime(10_000);
      await Promise.resolve();
    });
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows nothing while the store is healthy', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, store: { ok: true } })));
    vi.stubGlobal('fetch', fetch);
    render(<ConnectionBadge />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
