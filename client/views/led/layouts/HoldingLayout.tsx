import { useShow } from '../../../store/hooks.ts';
import { FitText } from '../../../components/FitText.tsx';
import { localLogo } from '../../../../shared/model/logo.ts';

export function HoldingLayout({ unit }: { unit: number }) {
  const event = useShow((s) => s.programme?.programme.event ?? null);
  if (!event) return null;
  const logo = localLogo(event.logoUrl);
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
