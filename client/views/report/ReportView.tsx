import { useCallback, useEffect, useState } from 'react';
import type { DayReport } from '../../../shared/report/report.ts';
import { LoginGate } from '../../auth/LoginGate.tsx';
import { SessionButtons } from '../../auth/SessionButtons.tsx';
import { useSession } from '../../auth/session.ts';
import { useT, type T, useDocumentTitle } from '../../i18n/lang.ts';
import { dateInZone, formatClock } from '../../../shared/time-format.ts';
import { api, download } from '../edit/api.ts';
import { errorKey } from '../edit/useEditor.ts';
import { diffClass, duration, durationPhrase, startPhrase, type Phrase } from './format.ts';
import './report.css';

type Report = {
  event: { title: string; timeZone: string; venue: string };
  generatedAt: number;
  days: DayReport[];
  replayIssues: unknown[];
};

/** `/report` — planned vs actual, per day and stage; admin login. */
export default function ReportView() {
  const t = useT();
  useDocumentTitle('report.title');
  return (
    <LoginGate roles={['admin']} title={t('report.title')}>
      <ReportPage />
    </LoginGate>
  );
}

function ReportPage() {
  const t = useT();
  const token = useSession()?.token ?? '';
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [day, setDay] = useState('');
  const [stage, setStage] = useState('');
  const load = useCallback(
    () =>
      api<Report>(token, 'GET', '/api/v1/report').then((r) => {
        if (r.ok) {
          setReport(r.data);
          setError(null);
        } else setError(t(errorKey(r.error)));
      }),
    [token, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  if (!report) return <main className="report-app">{error ?? t('conn.connecting')}</main>;
  const dayOptions = [...new Map(report.days.map((d) => [d.dayId, d])).values()];
  const stageOptions = [...new Map(report.days.map((d) => [d.stageId, d.stageName])).entries()];
  const shown = report.days.filter((d) => (day === '' || d.dayId === day) && (stage === '' || d.stageId === stage));
  const query = new URLSearchParams({ ...(day ? { day } : {}), ...(stage ? { stage } : {}) }).toString();
  const tz = report.event.timeZone;

  return (
    <main className="report-app">
      <header className="report-header">
        <div>
          <h1>{t('report.title')}</h1>
          <p className="report-event">
            {report.event.title}
            {report.event.venue ? ` — ${report.event.venue}` : ''}
          </p>
          <p className="report-generated">{t('report.generated', { time: `${formatClock(report.generatedAt, tz)} ${dateInZone(report.generatedAt, tz)}` })}</p>
        </div>
        <div className="report-tools">
          <label>
            {t('report.day')}
            <select value={day} onChange={(e) => setDay(e.target.value)}>
              <option value="">{t('report.all')}</option>
              {dayOptions.map((d) => (
                <option key={d.dayId} value={d.dayId}>
                  {d.label ? `${d.label} · ${d.date}` : d.date}
                </option>
              ))}
            </select>
          </label>
          {stageOptions.length > 1 ? (
            <label>
              {t('report.stage')}
              <select value={stage} onChange={(e) => setStage(e.target.value)}>
                <option value="">{t('report.all')}</option>
                {stageOptions.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" onClick={() => void load()}>
            {t('report.refresh')}
          </button>
          <button type="button" onClick={() => void download(token, `/api/v1/report.csv${query ? `?${query}` : ''}`, 'report.csv')}>
            {t('report.csv')}
          </button>
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('report.print')}
          </button>
          <SessionButtons />
        </div>
      </header>
      {report.replayIssues.length > 0 ? <p className="report-note">{t('report.replayIssues', { count: report.replayIssues.length })}</p> : null}
      {shown.map((d) => (
        <DaySection key={`${d.dayId}/${d.stageId}`} t={t} d={d} tz={tz} />
      ))}
      <footer className="report-sign">
        <p>{t('report.preparedBy')}</p>
        <p className="hint">{t('report.signHint')}</p>
      </footer>
    </main>
  );
}

const say = (t: T, p: Phrase | null) => (p ? t(p.key, p.params) : '');

function DaySection({ t, d, tz }: { t: T; d: DayReport; tz: string }) {
  const clock = (ms: number | null) => (ms === null ? '—' : formatClock(ms, tz, true));
  const c = d.totals;
  const lastEnd = d.rows.reduce<number | null>((m, r) => (r.actualEnd !== null && (m === null || r.actualEnd > m) ? r.actualEnd : m), null);
  return (
    <section className="report-day" aria-label={`${d.date} ${d.stageName}`}>
      <h2>
        {d.label ? `${d.label} · ` : ''}
        {d.date} · {d.stageName}
      </h2>
      <p className={`report-state state-${d.state}`}>
        {d.state === 'ended' && lastEnd !== null ? t('report.state.ended', { time: formatClock(lastEnd, tz) }) : t(`report.state.${d.state}`)}
      </p>
      <p className="report-counts">
        {c.running > 0
          ? t('report.countsRunning', { done: c.done, running: c.running, skipped: c.skipped, notRun: c.notRun })
          : t('report.counts', { done: c.done, skipped: c.skipped, notRun: c.notRun })}
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('report.col.segment')}</th>
            <th>{t('report.col.plannedStart')}</th>
            <th>{t('report.col.plannedDuration')}</th>
            <th>{t('report.col.actualStart')}</th>
            <th>{t('report.col.actualDuration')}</th>
            <th>{t('report.col.startDiff')}</th>
            <th>{t('report.col.durationDiff')}</th>
            <th>{t('report.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r, i) => (
            <tr key={r.segmentId} className={`status-${r.status}`} data-segment-id={r.segmentId}>
              <td>{i + 1}</td>
              <td>
                <div className="r-title">{r.title}</div>
                {r.performer ? <div className="r-performer">{r.performer}</div> : null}
              </td>
              <td className="num">{r.plannedStart === null ? '—' : formatClock(r.plannedStart, tz)}</td>
              <td className="num">{duration(r.plannedDurationMs)}</td>
              <td className="num">{clock(r.actualStart)}</td>
              <td className="num">
                {r.actualDurationMs === null ? '—' : duration(r.actualDurationMs)}
                {r.pausedMs > 0 ? <div className="r-extra">{t('report.paused', { d: duration(r.pausedMs) })}</div> : null}
                {r.addedMs !== 0 ? <div className="r-extra">{t('report.added', { d: `${r.addedMs > 0 ? '+' : '-'}${duration(r.addedMs)}` })}</div> : null}
              </td>
              <td className={`num ${diffClass(r.startDiffMs)}`}>{say(t, startPhrase(r.startDiffMs))}</td>
              <td className={`num ${diffClass(r.durationDiffMs)}`}>{say(t, durationPhrase(r.durationDiffMs))}</td>
              <td>{t(`report.status.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">{t('report.totals')}</th>
            <td />
            <td className="num">{duration(d.totals.plannedMs)}</td>
            <td />
            <td className="num">{d.state === 'not_run' ? '—' : duration(d.totals.actualMs)}</td>
            <td className={`num ${diffClass(d.totals.endDiffMs)}`}>{say(t, startPhrase(d.totals.endDiffMs))}</td>
            <td className={`num ${diffClass(d.totals.overUnderMs)}`}>{say(t, durationPhrase(d.totals.overUnderMs))}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {d.state === 'not_run' ? null : (
        <dl className="report-summary">
          <dt>{t('report.overUnder')}</dt>
          <dd className={diffClass(d.totals.overUnderMs)}>{say(t, durationPhrase(d.totals.overUnderMs)) || '—'}</dd>
          <dt>{t('report.endDiff')}</dt>
          <dd className={diffClass(d.totals.endDiffMs)}>{d.state === 'running' ? t('report.notEnded') : say(t, startPhrase(d.totals.endDiffMs)) || '—'}</dd>
          {d.longestOver.length > 0 ? (
            <>
              <dt>{t('report.longestOver')}</dt>
              <dd>
                <ol>
                  {d.longestOver.map((o) => (
                    <li key={o.segmentId}>
                      {o.title}: {t('report.over', { d: duration(o.overMs) })}
                    </li>
                  ))}
                </ol>
              </dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  );
}
