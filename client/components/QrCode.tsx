import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

type Props = { text: string; size: number; label: string; className?: string };

/**
 * The QR code for `text` as an SVG data URL, or null until it is drawn (or if `text` cannot be
 * encoded). Drawn here, from the bundled `qrcode` package (no CDN, no server round trip, so a
 * device link's token never travels anywhere to be drawn). Dark on light with a quiet zone:
 * the contrast phone and tablet cameras read most reliably.
 */
export function useQrDataUrl(text: string): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [text]);
  return svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null;
}

/** The code as an image of `size` px; the LED's QR layout sizes its own from `useQrDataUrl`. */
export function QrCode({ text, size, label, className }: Props) {
  const src = useQrDataUrl(text);
  return (
    <span className={className} style={{ display: 'inline-block', width: size, height: size }}>
      {src ? <img src={src} width={size} height={size} alt={label} data-qr={text} /> : null}
    </span>
  );
}
