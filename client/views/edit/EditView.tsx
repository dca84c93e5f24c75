import { useEffect, useState } from 'react';
import { LoginGate } from '../../auth/LoginGate.tsx';
import { SessionButtons } from '../../auth/SessionButtons.tsx';
import { useSession } from '../../auth/session.ts';
import { useT, useDocumentTitle } from '../../i18n/lang.ts';
import { useConnection } from '../../net/useConnection.ts';
import { useShow } from '../../store/hooks.ts';
import { ConnectionBadge } from '../../components/ConnectionBadge.tsx';
import { download } from './api.ts';
import { EventSettings } from './EventSettings.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { ProgrammeTab } from './ProgrammeTab.tsx';
import { RunSheet } from './RunSheet.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useEditor } from './useEditor.ts';
import './edit.css';
import { runningActual } from '../../../shared/engine/run.ts';
import { findStage } from '../../../shared/model/stage-id.ts';

/** `/edit` — programme editor, import, export; admin login. */
export default function EditView() {
  const t = useT();
  useDocumentTitle('edit.title');
  return (
    <LoginGate roles={['admin']} title={t('edit.title')}>
      <Editor />
    </LoginGate>
  );
}

type Tab = 'programme' | 'event' | 'import' | 'export';

function Editor() {
  const t = useT();
  const session = useSession();
  const token = session?.token ?? '';
  const params = new URLSearchParams(location.search);
  const [tab, setTab] = useState<Tab>((params.get('tab') as Tab | null) ?? 'programme');
  const [dayId, setDayId] = useState<string | null>(params.get('day'));
  const [stageId, setStageId] = useState<string | null>(params.get('stage'));
  useConnection(stageId ?? undefined, token);
  const payload = useShow((s) => s.programme);
  const runState = useShow((s) => s.runState);
  const ed = useEditor(token);
  const p = ed.draft;

  useEffect(() => {
    const undo = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
      if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !typing) {
        e.preventDefault();
        ed.undo();
      }
    };
    window.addEventListener('keydown', undo);
    return () => window.removeEventListener('keydown', undo);
  }, [ed]);

  // A programme always has a day and a stage (its schema says so); until one arrives there is nothing to edit.
  const day = p && (p.event.days.find((d) => d.id === dayId) ?? p.event.days[0]);
  // `?stage=` by id or by name, like every view; an unknown one opens the first stage.
  const stage = p && ((stageId === null ? undefined : findStage(p.event.stages, stageId)) ?? p.event.stages[0]);
  if (!p || !day || !stage) return <main className="edit-app loading">{t('conn.connecting')}</main>;
  // Running, paused or in overtime: the segment at the cursor that has not ended.
  const running = runState && runState.stageId === stage.id && runningActual(runState.run) ? runState.run.cursorId : null;

  return (
    <main className="edit-app">
      <header className="edit-header">
        <h1>{t('edit.title')}</h1>
        <span className="event-name">{p.event.title}</span>
        <ConnectionBadge />
        <SessionButtons />
      </header>
      <nav className="edit-tabs" role="tablist">
        {(['programme', 'event', 'import', 'export'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
            {t(`edit.tab.${k}`)}
          </button>
        ))}
      </nav>
      <SaveStatus t={t} status={ed.status} held={ed.held} toast={ed.toast} undo={ed.undo} />

      {tab === 'programme' ? (
        <div className="edit-pickers">
          <div role="group" aria-label={t('edit.day')}>
            {p.event.days.map((d) => (
              <button key={d.id} type="button" aria-pressed={d.id === day.id} onClick={() => setDayId(d.id)}>
                {d.label ? `${d.label} · ` : ''}
                {d.date}
              </button>
            ))}
          </div>
          {p.event.stages.length > 1 ? (
            <div role="group" aria-label={t('edit.stage')}>
              {p.event.stages.map((s) => (
                <button key={s.id} type="button" aria-pressed={s.id === stage.id} onClick={() => setStageId(s.id)}>
                  {s.name}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}

      {tab === 'programme' ? (
        <ProgrammeTab t={t} programme={p} plan={payload?.plan ?? null} dayId={day.id} stageId={stage.id} runningId={running} commit={ed.commit} hold={ed.hold} />
      ) : null}
      {tab === 'event' ? <EventSettings t={t} token={token} programme={p} commit={(next, renames) => ed.commit(next, { renamedStages: renames })} /> : null}
      {tab === 'import' ? (
        <ImportPanel
          t={t}
          token={token}
          programme={p}
          dayId={day.id}
          stageId={stage.id}
          revision={ed.revision.current}
          onImported={(first, count) => {
            ed.remember(p);
            ed.setStatus({ kind: 'idle' });
            ed.setToast({ key: 'edit.import.done', params: { count }, undo: true });
            void ed.reload();
            if (first) setDayId(first);
            setTab('programme');
          }}
        />
      ) : null}
      {tab === 'export' ? (
        <div className="export-panel">
          <button type="button" onClick={() => void download(token, '/api/v1/programme/export.json', 'programme.json')}>
            {t('edit.export.json')}
          </button>
          <button type="button" onClick={() => void download(token, '/api/v1/programme/export.csv', 'programme.csv')}>
            {t('edit.export.csv')}
          </button>
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('edit.export.print')}
          </button>
          <a href="/report">{t('edit.export.report')}</a>
        </div>
      ) : null}
      <RunSheet t={t} programme={p} plan={payload?.plan ?? null} />
    </main>
  );
}
