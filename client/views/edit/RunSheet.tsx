import type { Plan } from '../../../shared/engine/plan.ts';
import type { Programme } from '../../../shared/model/programme.schema.ts';
import type { T } from '../../i18n/lang.ts';
import { runSheetPages } from './runsheet.ts';

/** The stage manager's clipboard copy: hidden on screen, one day per printed page. */
export function RunSheet({ t, programme, plan }: { t: T; programme: Programme; plan: Plan | null }) {
  return (
    <div className="runsheet" aria-hidden="true">
      {runSheetPages(programme, plan).map((page) => (
        <section key={`${page.dayId}-${page.stageName}`} className="runsheet-page">
          <header>
            <h1>{programme.event.title}</h1>
            <p>
              {t('runsheet.title')} · {page.label ? `${page.label} · ` : ''}
              {page.date} · {page.stageName}
            </p>
          </header>
          <table>
            <thead>
              <tr>
                <th className="rs-time">{t('runsheet.time')}</th>
                <th className="rs-min">{t('runsheet.duration')}</th>
                <th>{t('runsheet.content')}</th>
                <th>{t('runsheet.performer')}</th>
                <th>{t('runsheet.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r, i) =>
                r.kind === 'section' ? (
                  <tr key={i} className="rs-section">
                    <td colSpan={5}>{r.title}</td>
                  </tr>
                ) : (
                  <tr key={r.id}>
                    <td className={`rs-time${r.projected ? ' projected' : ''}`}>{r.projected && r.time ? `~${r.time}` : r.time}</td>
                    <td className="rs-min">{r.durationMin}</td>
                    <td>{r.title}</td>
                    <td>{r.performer}</td>
                    <td className="rs-notes">{r.notes}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
