import { useState } from 'react';
import type { Layout } from '../../../shared/model/screen.schema.ts';
import type { Ack } from '../../../shared/protocol.ts';
import { errorMessageKey } from '../../../shared/i18n/index.ts';
import { LoginGate } from '../../auth/LoginGate.tsx';
import { SessionButtons } from '../../auth/SessionButtons.tsx';
import { useSession } from '../../auth/session.ts';
import { ConnectionBadge } from '../../components/ConnectionBadge.tsx';
import { useT } from '../../i18n/lang.ts';
import { useServerNow, useShow } from '../../store/hooks.ts';
import { AssignPanel } from './AssignPanel.tsx';
import { ScreenCard } from './ScreenCard.tsx';
import { useScreens } from './useScreens.ts';
import { AddScreenForm } from './AddScreenForm.tsx';
import './tech.css';

/** `/tech`: the technician's console for every LED screen. Login: technician or admin. */
export default function TechView() {
  const t = useT();
  return (
    <LoginGate roles={['technician', 'admin']} title={t('tech.title')}>
      <TechConsole />
    </LoginGate>
  );
}

function TechConsole() {
  const t = useT();
  const session = useSession();
  const { screens, send } = useScreens(session?.token ?? '');
  const programme = useShow((s) => s.programme);
  const now = useServerNow(250);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const timeZone = programme?.plan.timeZone ?? 'Asia/Ho_Chi_Minh';
  const chosen = screens.filter((s) => selected.has(s.id)).map((s) => s.id);

  const report = <T,>(r: Ack<T>, ok?: string) => {
    if (r.ok) setStatus(ok ? { ok: true, text: ok } : null);
    else {
      const key = errorMessageKey(r.error.code);
      setStatus({ ok: false, text: key ? t(key) : r.error.message });
    }
    return r.ok;
  };
  const assign = async (layout: Layout, to: 'selected' | 'all') => {
    const r = await send('screen:assign', { screens: to === 'all' ? 'all' : chosen, layout });
    report(r, r.ok ? t('tech.done', { n: r.data.length }) : undefined);
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <main className="tech">
      <header className="tech-header">
        <h1>{t('tech.title')}</h1>
        <ConnectionBadge />
        <div className="tech-header-actions">
          <button type="button" className="danger" onClick={async () => report(await send('screen:assign', { screens: 'all', layout: { type: 'black' } }))}>
            {t('tech.blackout')}
          </button>
          <button type="button" onClick={async () => report(await send('screen:restore', { screens: 'all' }))}>
            {t('tech.clear')}
          </button>
          <SessionButtons />
        </div>
      </header>
      {status ? (
        <p role={status.ok ? 'status' : 'alert'} className={`tech-status ${status.ok ? 'ok' : 'error'}`}>
          {status.text}
        </p>
      ) : null}
      <div className="tech-body">
        <AssignPanel programme={programme?.programme ?? null} selectedCount={chosen.length} onApply={(l, to) => void assign(l, to)} />
        <section className="tech-screens" aria-labelledby="tech-screens-title">
          <div className="tech-screens-head">
            <h2 id="tech-screens-title">
              {t('tech.screens')} ({screens.length})
            </h2>
            {screens.length > 0 ? (
              <label>
                <input
                  type="checkbox"
                  checked={chosen.length === screens.length}
                  onChange={(e) => setSelected(e.target.checked ? new Set(screens.map((s) => s.id)) : new Set())}
                />
                {t('tech.selectAll')}
              </label>
            ) : null}
            <span>{t('tech.selected', { n: chosen.length })}</span>
          </div>
          <AddScreenForm t={t} onAdd={async (code, name) => report(await send('screen:confirm', { code, name }), t('tech.added', { name }))} />
          {screens.length === 0 ? <p className="tech-empty">{t('tech.noScreens', { url: `${location.origin}/led` })}</p> : null}
          <ul className="tech-cards">
            {screens.map((s) => (
              <ScreenCard
                key={s.id}
                screen={s}
                selected={selected.has(s.id)}
                onSelect={(on) => toggle(s.id, on)}
                onIdentify={async () => report(await send('screen:identify', { screenId: s.id }))}
                onRename={async (name) => report(await send('screen:rename', { screenId: s.id, name }))}
                onForget={async () => report(await send('screen:forget', { screenId: s.id }))}
                programme={programme?.programme ?? null}
                timeZone={timeZone}
                now={now}
              />
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
