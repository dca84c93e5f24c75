import { describe, expect, it } from 'vitest';
import { checkPublicUrl, publicUrl } from '../../server/http/public-url.ts';
import { deviceLink, viewOf } from '../../server/auth/device-link.ts';

describe('the address on links and QR codes', () => {
  it('is the first LAN address and the port, PUBLIC_URL when set, localhost only with no network', () => {
    expect(publicUrl(undefined, 3000, ['192.168.1.20', '10.0.0.5'])).toBe('http://192.168.1.20:3000');
    expect(publicUrl('http://show.lan/', 3000, ['192.168.1.20'])).toBe('http://show.lan');
    expect(publicUrl('  ', 8080, [])).toBe('http://localhost:8080');
  });

  it('refuses a PUBLIC_URL that is not an http address', () => {
    expect(checkPublicUrl(undefined)).toBeNull();
    expect(checkPublicUrl('http://192.168.1.20:3000')).toBeNull();
    expect(checkPublicUrl('192.168.1.20:3000')).toMatch(/PUBLIC_URL/);
    expect(checkPublicUrl('ftp://x')).toMatch(/http/);
  });
});

describe('a device link', () => {
  it('opens the view of its role and stage, with the token in the fragment, never in the query', () => {
    const url = new URL(deviceLink('http://192.168.1.20:3000', 'mc', 'hall-b', 'tok/en+'));
    expect(url.pathname).toBe('/mc');
    expect(url.searchParams.get('stage')).toBe('hall-b');
    expect([...url.searchParams.keys()]).toEqual(['stage']);
    expect(decodeURIComponent(url.hash)).toBe('#token=tok/en+');
    expect(viewOf('moderator', 'main')).toBe('/mc?stage=main');
    expect(viewOf('technician', 'main')).toBe('/tech');
    expect(viewOf('admin', null)).toBe('/crew');
  });
});
