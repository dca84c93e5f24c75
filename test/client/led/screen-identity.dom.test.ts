import { describe, expect, it } from 'vitest';
import { nameFromUrl, storeScreen, storedScreen, urlWithName } from '../../../client/views/led/screen-identity.ts';

describe('screen identity on the device', () => {
  it('reads the screen name from the address, trimmed, and ignores an empty one', () => {
    expect(nameFromUrl('?screen=C%E1%BB%95ng%20v%C3%A0o')).toBe('Cổng vào');
    expect(nameFromUrl('?screen=%20%20')).toBeUndefined();
    expect(nameFromUrl('')).toBeUndefined();
    expect(nameFromUrl(`?screen=${'x'.repeat(80)}`)?.length).toBe(60);
  });

  it('rewrites the address after a rename, keeping other parameters', () => {
    expect(urlWithName('http://10.0.0.5:3000/led?screen=A&x=1', 'Sân khấu')).toBe('/led?screen=S%C3%A2n+kh%E1%BA%A5u&x=1');
    expect(urlWithName('http://10.0.0.5:3000/led?screen=A', '')).toBe('/led');
  });

  it('keeps the id and key the technician gave across reloads, and ignores anything else stored', () => {
    expect(storedScreen()).toBeUndefined();
    storeScreen({ screenId: 'K7P3QX', key: 'k'.repeat(32) });
    expect(storedScreen()).toEqual({ screenId: 'K7P3QX', key: 'k'.repeat(32) });
    localStorage.setItem('ros.led.screen', '{"screenId":1}');
    expect(storedScreen()).toBeUndefined();
    storeScreen(null);
    expect(storedScreen()).toBeUndefined();
  });
});
