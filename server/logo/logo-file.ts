import { ServiceError } from '../errors.ts';

/** A logo is shown on walls and phones over venue Wi-Fi: half a megabyte is plenty for a crisp one. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/**
 * The logo's type read from its bytes (never from what the upload claims), or a clear refusal.
 * An SVG with scripts, event handlers or embedded documents is refused outright; the ones accepted
 * are still served with a sandboxing CSP (logo.routes.ts).
 */
export function checkLogo(bytes: Buffer): LogoType {
  if (bytes.length === 0) throw new ServiceError('bad_request', 'the logo file is empty');
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new ServiceError('bad_request', `the logo is ${Math.ceil(bytes.length / 1024)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB`, { limitBytes: LOGO_MAX_BYTES }, 413);
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(text)) {
    if (/<script|<foreignObject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|<!ENTITY/i.test(text)) {
      throw new ServiceError('bad_request', 'the SVG logo contains scripts, event handlers or embedded documents; export it as plain SVG or PNG');
    }
    return 'image/svg+xml';
  }
  throw new ServiceError('bad_request', 'the logo must be a PNG, JPEG or SVG image');
}
