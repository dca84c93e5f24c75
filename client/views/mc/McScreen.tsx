import { useState } from 'react';
import { lineKey } from '../../../shared/engine/plan.ts';
import type { StageView } from '../../../shared/engine/view.ts';
import type { Segment } from '../../../shared/model/programme.schema.ts';
import type { ProgrammeWarning } from '../../../shared/model/warnings.ts';
import type { ProgrammePayload } from '../../../shared/protocol.ts';
import { useT, type T } from '../../i18n/lang.ts';
import { formatClock } from '../../../shared/time-format.ts';
import type { ConnectionStatus } from '../../store/show.store.ts';
import { aheadBehindLabel, aheadBehindTone, defaultDay, fixedLateList, lateAmount, primaryAction } from './mc-display.ts';
import { McControls } from './McControls.tsx';
import { McHeader } from './McHeader.tsx';
import { McMessages } from './McMessages.tsx';
import { McNow } from './McNow.tsx';
import { McRundown } from './McRundown.tsx';
import { useControl, type Send } from './useControl.ts';

export type McScreenProps = {
  view: StageView | null;
  now: number;
  payload: ProgrammePayload | null;
  segments: ReadonlyMap<string, Segment>;
  stageId: string | null;
  onStage: (id: string) => void;
  connection: ConnectionStatus;
  send: Send;
  wakeLock?: boolean;
  onLogout?: () => void;
};

/** The MC console: everything from the live view of one stage, every press through `send`. */
export function McScreen({ view, now, payload, segments, stageId, onStage, connection, send, wakeLock = false, onLogout = () => {} }: McScreenProps) {
  const t = useT();
  const { press, notice } = useControl(send, t);
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const event = payload?.programme.event;
  const timeZone = event?.timeZone ?? 'Asia/Ho_Chi_Minh';
  const dayId = pickedDay ?? (event ? defaultDay(event.days, view?.phase ?? null, view?.dayId ?? null, now, timeZone) : null);
  const shownStage = view?.stageId ?? stageId;
  const onRunningDay = view !== null && dayId === view.dayId;
  const lines = payload && dayId && shownStage ? (payload.plan.lines[lineKey(dayId, shownStage)] ?? []) : [];
  const primary = primaryAction(view?.phase ?? 'idle', view?.dayId ?? null, dayId);
  const late = view ? fixedLateList(view) : [];
  const firstLate = late[0];
  const dayName = (id: string | null) => {
    const d = event?.days.find((x) => x.id === id);
    return d ? d.label || d.date : '';
  };

  return (
    <main className="mc" data-connection={connection}>
      <McHeader
        stages={event?.stages ?? []}
        stageId={shownStage}
        onStage={onStage}
        days={event?.days ?? []}
        dayId={dayId}
        runningDayId={view && view.phase !== 'idle' ? view.dayId : null}
        onDay={setPickedDay}
        aheadBehind={view ? aheadBehindLabel(view.aheadBehindMs) : null}
        tone={aheadBehindTone(view?.aheadBehindMs ?? null)}
        wakeLock={wakeLock}
        onLogout={onLogout}
      />
      <div className="mc-alerts">
        {connection !== 'online' ? (
          <p className="mc-alert mc-alert-offline" role="alert" data-testid="mc-offline">
            {t('mc.offline')}
          </p>
        ) : null}
        {firstLate ? (
          <p className="mc-alert mc-alert-late" role="alert" data-testid="mc-fixed-late">
            <span className="mc-alert-text">
              ⚠{' '}
              {t('mc.fixedLate', {
                time: firstLate.plannedStart === null ? '' : formatClock(firstLate.plannedStart, timeZone),
                title: segments.get(firstLate.segmentId)?.title ?? firstLate.segmentId,
                late: t(lateAmount(firstLate.lateMs).key, lateAmount(firstLate.lateMs).params),
              })}
              {late.length > 1 ? ` ${t('mc.fixedLate.more', { count: late.length - 1 })}` : ''}
            </span>
          </p>
        ) : null}
      </div>
      <div className="mc-live">{view ? <McNow view={view} now={now} segments={segments} /> : <p className="mc-muted">{t('conn.connecting')}</p>}</div>
      <div className="mc-list">
        {!onRunningDay && view && view.phase !== 'idle' ? (
          <p className="mc-other-day">{t('mc.list.otherDay', { day: dayName(dayId), running: dayName(view.dayId) })}</p>
        ) : null}
        <McRundown
          live={onRunningDay && view ? view.segments : null}
          lines={lines}
          segments={segments}
          timeZone={timeZone}
          press={press}
          warnings={warningsBySegment(payload?.warnings ?? [], t)}
        />
      </div>
      <div className="mc-side">
        <McControls phase={view?.phase ?? 'idle'} primary={primary} press={press} />
        <div className="mc-notice-slot" aria-live="assertive">
          {notice ? (
            <p key={notice.seq} className={`mc-notice mc-notice-${notice.tone}`} role="alert" data-testid="mc-notice" data-tone={notice.tone}>
              {notice.text}
            </p>
          ) : null}
        </div>
        <McMessages message={view?.message ?? null} press={press} />
      </div>
    </main>
  );
}

function warningsBySegment(list: readonly ProgrammeWarning[], t: T): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of list) out.set(w.segmentId, [...(out.get(w.segmentId) ?? []), t(`warning.${w.code}`, w.params)]);
  return out;
}
