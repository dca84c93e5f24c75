import { useEffect, useState } from 'react';
import { useT, useUrlLang } from '../../i18n/lang.ts';
import { useShow } from '../../store/hooks.ts';
import { useStageFrame } from '../stage/useStageFrame.ts';
import { FitText } from '../../components/FitText.tsx';
import { LayoutView } from './LayoutView.tsx';
import { useLedScreen } from './useLedScreen.ts';
import './led.css';

function useViewport() {
  const [size, setSize] = useState(() => ({ w: innerWidth, h: innerHeight }));
  useEffect(() => {
    const on = () => setSize({ w: innerWidth, h: innerHeight });
    addEventListener('resize', on);
    return () => removeEventListener('resize', on);
  }, []);
  return size;
}

/** `/led`: a full-screen LED wall showing what the technician assigned, once the technician added it. */
export default function LedView() {
  const t = useT();
  const { screen, identifying, pairingCode } = useLedScreen();
  const connection = useShow((s) => s.connection);
  // Drawn at the frame where a second turns, like the speaker's timer, and idle in between: a
  // modest player is not kept busy.
  const { now } = useStageFrame();
  const { w, h } = useViewport();

  // `&lang=en` lets a wall for foreign guests show English without a keyboard at the player.
  useUrlLang();
  useEffect(() => {
    document.documentElement.classList.add('led-page');
    return () => document.documentElement.classList.remove('led-page');
  }, []);

  // Tells the windows apart on the player's task bar and in the browser's tab list.
  const title = screen ? `${screen.name || screen.id} · ${t('views.led')}` : '';
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);

  return (
    <main className="led" data-testid="led" data-connection={connection} aria-label={screen?.name || t('views.led')}>
      {screen ? <LayoutView layout={screen.layout} width={w} height={h} now={now} /> : null}
      {!screen && pairingCode ? (
        <div className="led-pairing" data-testid="led-code">
          <div className="led-code-value">{pairingCode}</div>
          <div className="led-code-hint">{t('led.pairHint')}</div>
        </div>
      ) : null}
      {identifying ? (
        <div className="led-identify" data-testid="led-identify">
          <FitText text={identifying} />
        </div>
      ) : null}
      {/* Keeps counting from the last snapshot; only this dot says the link is down. */}
      {connection !== 'online' ? <div className="led-offline" data-testid="led-offline" title={t('led.offline')} /> : null}
    </main>
  );
}
