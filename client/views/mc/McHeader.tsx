import type { Day, Stage } from '../../../shared/model/programme.schema.ts';
import { ConnectionBadge } from '../../components/ConnectionBadge.tsx';
import { toggleLang, useT } from '../../i18n/lang.ts';
import type { Label } from '../stage/stage-display.ts';

type Props = {
  stages: Stage[];
  stageId: string | null;
  onStage: (id: string) => void;
  days: Day[];
  dayId: string | null;
  runningDayId: string | null;
  onDay: (id: string) => void;
  aheadBehind: Label | null;
  tone: 'late' | 'early' | 'ok';
  wakeLock: boolean;
  onLogout: () => void;
  /** The one stage this login may run: named, since there is nothing to pick. */
  scopedStage?: string | null;
};

/** Stage and day pickers, the ahead/behind line, and the connection state, always in view. */
export function McHeader(p: Props) {
  const t = useT();
  return (
    <header className="mc-header">
      <div className="mc-pickers">
        {p.stages.length > 1 ? (
          <label className="mc-picker">
            <span className="visually-hidden">{t('mc.stage')}</span>
            <select className="mc-select" value={p.stageId ?? ''} onChange={(e) => p.onStage(e.target.value)} aria-label={t('mc.stage')}>
              {p.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : p.scopedStage ? (
          <span className="mc-scoped-stage" data-testid="mc-scoped-stage">
            {p.scopedStage}
          </span>
        ) : null}
        <div className="mc-days" role="group" aria-label={t('mc.day')}>
          {p.days.map((d) => (
            <button
              key={d.id}
              type="button"
              className={`mc-day${d.id === p.dayId ? ' mc-day-on' : ''}${d.id === p.runningDayId ? ' mc-day-running' : ''}`}
              aria-pressed={d.id === p.dayId}
              onClick={() => p.onDay(d.id)}
            >
              {d.label || d.date}
              <small>{d.date.slice(8, 10)}/{d.date.slice(5, 7)}</small>
            </button>
          ))}
        </div>
      </div>
      <p className={`mc-ahead mc-ahead-${p.tone}`} data-testid="mc-ahead" role="status">
        {p.aheadBehind ? t(p.aheadBehind.key, p.aheadBehind.params) : ''}
      </p>
      <div className="mc-status">
        <ConnectionBadge className="mc-conn" />
        {p.wakeLock ? (
          <span className="mc-wake" title={t('mc.wakeLock')} aria-label={t('mc.wakeLock')}>
            ☀
          </span>
        ) : null}
        <button type="button" className="mc-btn mc-small" onClick={toggleLang}>
          {t('lang.switch')}
        </button>
        <button type="button" className="mc-btn mc-small" onClick={p.onLogout}>
          {t('login.logout')}
        </button>
      </div>
    </header>
  );
}
