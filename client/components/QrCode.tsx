import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

type Props = { text: string; size: number; label: string; className?: string };

/**
 * A QR code drawn here, from the bundled `qrcode` package (no CDN, no server round trip, so a
 * device link's token never travels anywhere to be drawn). Dark on light with a quiet zone:
 * the contrast phone and tablet cameras read most reliably.
 */
export function QrCode({ text, size, label, className }: Props) {
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
  return (
    <span className={className} style={{ display: 'inline-block', width: size, height: size }}>
      {svg ? <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} width={size} height={size} alt={label} data-qr={text} /> : null}
    </span>
  );
}
