import { useT } from '../../../i18n/lang.ts';
import { FitText } from '../../../components/FitText.tsx';
import { useQrDataUrl } from '../../../components/QrCode.tsx';
import { usePublicUrl } from '../../../net/usePublicUrl.ts';

type Props = { text: string | undefined; url: string | undefined };

/** The attendee agenda on this very server, at its public (venue LAN) address. */
export const agendaUrl = (origin: string) => `${origin}/agenda`;
export const shortUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

export function QrLayout({ text, url }: Props) {
  const t = useT();
  const base = usePublicUrl();
  const target = url || agendaUrl(base);
  const src = useQrDataUrl(target);
  return (
    <>
      <div className="led-qr-code">
        {src ? <img src={src} alt={target} data-testid="led-qr" /> : null}
      </div>
      <FitText text={text || t('led.qrText')} className="led-qr-text" testId="led-qr-text" />
      <FitText text={shortUrl(target)} nowrap className="led-qr-url" testId="led-qr-url" />
    </>
  );
}
