import QRCode from 'qrcode';

const cache = new Map<string, string>();

/** SVG markup of a QR code for `text`; the same few page addresses are asked for again and again. */
export async function qrSvg(text: string): Promise<string> {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  if (cache.size > 50) cache.clear();
  cache.set(text, svg);
  return svg;
}
