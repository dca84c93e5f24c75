import { useState } from 'react';
import { lineKey } from '../../../shared/engine/plan.ts';
import type { StageView } from '../../../shared/engine/view.ts';
import type { Segment } from '../../../shared/model/programme.schema.ts';
import type { ProgrammeWarning } from '../../../shared/model/warnings.ts';
import type { ProgrammePayload } from '../../../shared/protocol.ts';
import { useT, type T } from '../../i18n/lang.ts';
import { formatClock } from '../../../shared/time-format.ts';
import type { ConnectionStatus } from '../../store/show.store.ts';
import { isToday } from '../../../shared/engine/lateness.ts';
import { dateInZone } from '../../../shared/time-format.ts';
import { aheadBehindTone, calendarDate, canStartOtherDay, defaultDay, fixedLateList, headerLabel, lateAmount, primaryAction } from './mc-display.ts';
import { McControls } from './McControls.tsx';
import { McHeader } from './McHeader.tsx';
import { McMessages } from './McMessages.tsx';
import { McNow } from './McNow.tsx';
import { McRundown } from './McRundown.tsx';
import { McStartDay } from './McStartDay.tsx';
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
  /** `moderator`: the messages to the speaker only, beside the live view and the MC's notes; no show control. */
  mode?: 'mc' | 'moderator';
  /** Set when this login may run one stage only (a device link of that stage). */
  scopedStage?: string | null;
};

/** The MC console: everything from the live view of one stage, every press through `send`. */
export function McScreen({ view, now, payload, segments, stageId, onStage, connection, send, wakeLock = false, onLogout = () => {}, mode = 'mc', scopedStage = null }: McScreenProps) {
  const t = useT();
  const { press, notice, dismiss } = useControl(send);
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  /** A start waiting for the MC's confirmation: another day, or a day whose date is not today. */
  const [pendingStart, setPendingStart] = useState<string | null>(null);
  const event = payload?.programme.event;
  const timeZone = event?.timeZone ?? 'Asia/Ho_Chi_Minh';
  // The stage's day: the running one once started, otherwise the day the console opens on (today's
  // while the event is on). The big button works on it, whichever day the MC is looking at.
  const stageDay = event ? defaultDay(event.days, view?.phase ?? null, view?.dayId ?? null, now, timeZone) : (view?.dayId ?? null);
  const dayId = pickedDay ?? stageDay;
  const shownStage = view?.stageId ?? stageId;
  // Live rows (and Go to) only for the stage's own day, and only when the engine's view is of it.
  const onRunningDay = view !== null && dayId === stageDay && dayId === view.dayId;
  const lines = payload && dayId && shownStage ? (payload.plan.lines[lineKey(dayId, shownStage)] ?? []) : [];
  const phase = view?.phase ?? 'idle';
  const primary = primaryAction(phase, stageDay);
  const late = view ? fixedLateList(view) : [];
  const firstLate = late[0];
  const dayOf = (id: string | null) => event?.days.find((x) => x.id === id);
  const dayName = (id: string | null) => {
    const d = dayOf(id);
    return d ? d.label || calendarDate(d.date) : '';
  };
  /** Starting a day whose date is not today in the event's zone is asked first; another day always is. */
  const startDay = (id: string, deliberate: boolean) => {
    const d = dayOf(id);
    if (deliberate || (d && !isToday(d.date, now, timeZone))) setPendingStart(id);
    else void press({ type: 'start', dayId: id });
  };
  const onPrimary = () => {
    const c = primary.command;
    if (c.type === 'start' && c.dayId !== undefined) startDay(c.dayId, false);
    else void press(c);
  };
  const pending = dayOf(pendingStart);
  const moderator = mode === 'moderator';

  return (
    <main className={moderator ? 'mc mc-moderator' : 'mc'} data-connection={connection} data-mode={mode}>
      <McHeader
        stages={event?.stages ?? []}
        stageId={shownStage}
        onStage={onStage}
        days={event?.days ?? []}
        dayId={dayId}
        runningDayId={view && view.phase !== 'idle' ? view.dayId : null}
        onDay={setPickedDay}
        aheadBehind={headerLabel(view)}
        tone={aheadBehindTone(view?.aheadBehindMs ?? null)}
        wakeLock={wakeLock}
        onLogout={onLogout}
        scopedStage={scopedStage ? (event?.stages.find((s) => s.id === scopedStage)?.name ?? scopedStage) : null}
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
      {moderator ? null : (
        <div className="mc-list">
          {dayId !== stageDay && view && dayId ? (
            <div className="mc-other-day" data-testid="mc-other-day">
              {view.phase !== 'idle' ? <p>{t('mc.list.otherDay', { day: dayName(dayId), running: dayName(view.dayId) })}</p> : null}
              {canStartOtherDay(phase) ? (
                <button type="button" className="mc-btn mc-start-day" data-testid="mc-start-day" onClick={() => startDay(dayId, true)}>
                  {t('mc.startDay', { day: dayName(dayId) })}
                </button>
              ) : (
                <p className="mc-muted">{t('mc.startDay.busy')}</p>
              )}
            </div>
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
      )}
      <div className="mc-side">
        {moderator ? <h2 className="mc-moderator-title">{t('moderator.title')}</h2> : <McControls phase={phase} primary={primary} onPrimary={onPrimary} press={press} />}
        {/* Over the layout, never in it: a notice appearing must not move the button just pressed. */}
        <div className="mc-notice-slot" aria-live="assertive">
          {notice ? (
            <p
              key={notice.seq}
              className={`mc-notice mc-notice-${notice.tone}`}
              role="alert"
              data-testid="mc-notice"
              data-tone={notice.tone}
              onClick={dismiss}
            >
              {notice.key ? t(notice.key, notice.params) : notice.text}
            </p>
          ) : null}
        </div>
        <McMessages message={view?.message ?? null} press={press} />
      </div>
      {pending ? (
        <McStartDay
          day={dayName(pending.id)}
          date={calendarDate(pending.date)}
          today={isToday(pending.date, now, timeZone) ? null : calendarDate(dateInZone(now, timeZone))}
          leaving={view && view.phase !== 'idle' && view.dayId !== pending.id ? dayName(view.dayId) : null}
          onConfirm={() => {
            setPendingStart(null);
            void press({ type: 'start', dayId: pending.id });
          }}
          onCancel={() => setPendingStart(null)}
        />
      ) : null}
    </main>
  );
}

function warningsBySegment(list: readonly ProgrammeWarning[], t: T): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of list) out.set(w.segmentId, [...(out.get(w.segmentId) ?? []), t(`warning.${w.code}`, w.params)]);
  return out;
}
