import type { StageView } from '../../../shared/engine/view.ts';
import type { Segment } from '../../../shared/model/programme.schema.ts';
import { STAGE_SHOW, type ResolvedShow } from '../../../shared/model/screen.schema.ts';
import { FitText } from '../../components/FitText.tsx';
import { useT } from '../../i18n/lang.ts';
import { formatClock, formatDuration } from '../../../shared/time-format.ts';
import type { ConnectionStatus } from '../../store/show.store.ts';
import { flashOn, gapLabel, gapRemainingMs, isFlashing, previousInLine, timerDisplay, type Label } from './stage-display.ts';

export type StageScreenProps = {
  view: StageView | null;
  /** Server time (estimated) this frame is drawn for. */
  now: number;
  segments: ReadonlyMap<string, Segment>;
  timeZone: string;
  eventTitle: string;
  connection: ConnectionStatus;
  /** What this timer shows (its link's options); by default everything but the logo. */
  show?: ResolvedShow;
  logoUrl?: string;
};

/** The speaker's timer: one huge number, readable from ten metres, and the MC's message. */
export function StageScreen({ view, now, segments, timeZone, eventTitle, connection, show = STAGE_SHOW, logoUrl = '' }: StageScreenProps) {
  const t = useT();
  const label = (l: Label) => t(l.key, l.params);
  const clock = formatClock(now, timeZone);
  const current = view?.currentId ? segments.get(view.currentId) : undefined;
  const next = view?.nextId ? segments.get(view.nextId) : undefined;
  const timer = view ? timerDisplay(view) : null;

  let caption: string | null = null;
  let digits: string | null = null;
  let level = 'normal';
  if (view && timer) {
    // A timer facing the hall (`overtime=0`) keeps the title and "next" past zero, never the red "+01:05".
    const hidden = !show.countdown || (timer.overtime && !show.overtime);
    digits = hidden ? null : timer.text;
    level = hidden ? 'normal' : timer.level;
    caption = timer.paused ? t('stage.paused') : timer.overtime && !hidden ? t('stage.overtime') : null;
  } else if (show.countdown && view && next && (view.phase === 'gap' || view.phase === 'idle')) {
    const order = view.segments.map((s) => s.id);
    const prevId = previousInLine(order, next.id);
    const left = gapRemainingMs(view, now);
    level = 'gap';
    caption = left !== null && left > 0 ? label(gapLabel(next, prevId ? (segments.get(prevId) ?? null) : null)) : t('stage.gap.due');
    digits = left !== null && left > 0 ? formatDuration(left) : null;
  }
  const ended = view?.phase === 'ended';
  const message = view?.message?.visible ? view.message : null;
  // Text caps in px from the window height: the boxes are sized in vh, FitText wants pixels.
  const vh = (typeof innerHeight === 'number' && innerHeight > 0 ? innerHeight : 1080) / 100;

  return (
    <main
      className={`stage stage-level-${level} stage-phase-${view?.phase ?? 'loading'}${message ? ' stage-with-message' : ''}`}
      data-level={level}
      data-phase={view?.phase ?? 'loading'}
    >
      <header className="stage-top">
        {show.logo && logoUrl ? <img className="stage-logo" src={logoUrl} alt="" data-testid="stage-logo" /> : null}
        {/* Fitted into two lines' height: a long title shrinks rather than being cut mid-word. */}
        <h1 className="stage-title" data-testid="stage-title">
          <FitText text={current?.title ?? eventTitle} maxPx={5.2 * vh} minPx={2.4 * vh} align="start" />
        </h1>
        <div className="stage-top-right">
          {show.clock ? (
            <time className="stage-clock" data-testid="stage-clock">
              {clock}
            </time>
          ) : null}
          {/* In the header's flow, under the clock: it never covers the title. */}
          {connection !== 'online' ? (
            <p className={`stage-conn stage-conn-${connection}`} role="status" data-testid="stage-conn">
              {t(connection === 'connecting' ? 'conn.connecting' : 'conn.offline')}
            </p>
          ) : null}
        </div>
      </header>

      <section className="stage-center" aria-live="off">
        {!view ? <p className="stage-caption">{t('stage.waiting')}</p> : null}
        {ended ? (
          <div className="stage-ended" data-testid="stage-ended">
            <p className="stage-ended-line">{t('stage.ended')}</p>
            <p className="stage-ended-thanks">{t('stage.ended.thanks')}</p>
          </div>
        ) : null}
        {caption ? (
          <p className="stage-caption" data-testid="stage-caption">
            {caption}
          </p>
        ) : null}
        {digits ? (
          <div className={`stage-digits stage-digits-len${Math.min(digits.length, 8)}`} data-testid="stage-digits" data-level={level}>
            {digits}
          </div>
        ) : null}
      </section>

      {/* The MC's message has a band of its own between the digits and "next", its text fitted to it. */}
      {message ? (
        <div
          className={`stage-message${isFlashing(message.flashAt, now) ? ' stage-message-flashing' : ''}${flashOn(message.flashAt, now) ? ' stage-message-bright' : ''}`}
          data-testid="stage-message"
          role="alert"
        >
          <FitText text={message.text} maxPx={9 * vh} minPx={2.4 * vh} />
        </div>
      ) : null}

      <footer className="stage-bottom">
        {next && !ended ? (
          <p className="stage-next" data-testid="stage-next">
            {t('stage.next', { title: next.title })}
          </p>
        ) : null}
      </footer>
    </main>
  );
}
