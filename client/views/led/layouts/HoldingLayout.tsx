import { useShow } from '../../../store/hooks.ts';
import { FitText } from '../../../components/FitText.tsx';

/** Only a logo served by our own server: the venue may have no internet. */
const isLocal = (url: string) => url.startsWith('/') && !url.startsWith('//');

export function HoldingLayout({ unit }: { unit: number }) {
  const event = useShow((s) => s.programme?.programme.event ?? null);
  if (!event) return null;
  const logo = isLocal(event.logoUrl) ? event.logoUrl : '';
  return (
    <>
      {logo ? (
        <div className="led-holding-logo">
          <img src={logo} alt="" />
        </div>
      ) : null}
      <FitText text={event.title} className="led-holding-title" testId="led-holding-title" />
      {event.theme ? <FitText text={event.theme} maxPx={unit * 0.09} className="led-holding-theme" /> : null}
    </>
  );
}
