import { act, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HomeView from '../../../client/views/home/HomeView.tsx';
import { setLang } from '../../../client/i18n/lang.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** README's "Which device opens which screen" table, as [screen, opened on, address] rows. */
function readmeViews(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Which device opens which screen')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| screen'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, '')));
}

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLang('vi'));
});

describe('the landing page', () => {
  it('says which device opens which screen, in the words and order of the README', () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 503 })));
    const expected = readmeViews();
    expect(expected).toHaveLength(8);
    act(() => setLang('en'));
    render(<HomeView />);
    const rows = within(screen.getByRole('list', { name: /Which device|Màn hình nào/ })).getAllByRole('link').map((a) => [
      a.querySelector('.home-view-name')?.textContent ?? '',
      a.querySelector('.home-view-who')?.textContent?.replace(/^Opened on: /, '') ?? '',
      a.getAttribute('href') ?? '',
    ]);
    expect(rows).toEqual(expected);
  });

  it('in Vietnamese too, every screen names its device', () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 503 })));
    render(<HomeView />);
    const links = within(screen.getByRole('list', { name: /Which device|Màn hình nào/ })).getAllByRole('link');
    expect(links).toHaveLength(8);
    expect(links[0]?.textContent).toContain('MC hoặc quản lý sân khấu, trên máy tính bảng cạnh sân khấu');
    expect(links[4]?.textContent).toContain('Khán giả, trên điện thoại của mình');
  });

  it('shows the LAN address and, for each stage, its links on that address with a QR code each', async () => {
    const programme = { programme: { event: { title: 'Ngày Hội', stages: [{ id: 'main', name: 'Sân khấu chính' }, { id: 'hall-b', name: 'Hội trường B' }] } } };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => new Response(JSON.stringify(url === '/api/v1/address' ? { publicUrl: 'http://192.168.1.20:3000' } : programme), { status: 200 })),
    );
    render(<HomeView />);
    expect((await screen.findByTestId('home-address')).textContent).toBe('http://192.168.1.20:3000');
    const stages = await screen.findAllByTestId('home-stage');
    expect(stages.map((s) => within(s).getAllByRole('link').map((a) => a.getAttribute('href')))).toEqual([
      ['http://192.168.1.20:3000/stage?stage=main', 'http://192.168.1.20:3000/mc?stage=main', 'http://192.168.1.20:3000/agenda?stage=main'],
      ['http://192.168.1.20:3000/stage?stage=hall-b', 'http://192.168.1.20:3000/mc?stage=hall-b', 'http://192.168.1.20:3000/agenda?stage=hall-b'],
    ]);
    // Each link's QR code carries the same address (drawn asynchronously).
    await expect.poll(() => stages[1]?.querySelectorAll('img[data-qr]').length).toBe(3);
    expect(stages[1]?.querySelector('img[data-qr]')?.getAttribute('data-qr')).toBe('http://192.168.1.20:3000/stage?stage=hall-b');
  });
});
