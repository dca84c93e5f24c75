import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useT } from '../../../i18n/lang.ts';
import { FitText } from '../../../components/FitText.tsx';
import { usePublicUrl } from '../../../net/usePublicUrl.ts';

type Props = { text: string | undefined; url: string | undefined };

/** The attendee agenda on this very server, at its public (venue LAN) address. */
export const agendaUrl = (origin: string) => `${origin}/agenda`;
export const shortUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

export function QrLayout({ text, url }: Props) {
  const t = useT();
  const base = usePublicUrl();
  const target = url || agendaUrl(base);
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Dark on light with a quiet zone: the contrast phone cameras read most reliably.
    QRCode.toString(target, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [target]);
  return (
    <>
      <div className="led-qr-code">
        {svg ? <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={target} data-testid="led-qr" /> : null}
      </div>
      <FitText text={text || t('led.qrText')} className="led-qr-text" testId="led-qr-text" />
      <FitText text={shortUrl(target)} nowrap className="led-qr-url" testId="led-qr-url" />
    </>
  );
}
