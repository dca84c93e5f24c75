import { useState } from 'react';
import type { Event, Programme } from '../../../shared/model/programme.schema.ts';
import type { T } from '../../i18n/lang.ts';
import { uniqueId } from '../../../shared/import/apply.ts';
import { LogoSettings } from './LogoSettings.tsx';
import { StageSettings, stagesToSave, type StageDraft } from './StageSettings.tsx';
import { eventProblems, segmentsOn } from './validate.ts';

type Props = {
  t: T;
  token: string;
  programme: Programme;
  /** `renames`: stage ids this edit changed, old → new. */
  commit: (next: Programme, renames: Record<string, string>) => Promise<void>;
};

type EventDraft = Omit<Event, 'stages'> & { stages: StageDraft[] };
const draftOf = (e: Event): EventDraft => ({ ...e, stages: e.stages.map((s) => ({ ...s, savedId: s.id })) });

export function EventSettings({ t, token, programme, commit }: Props) {
  const [ev, setEv] = useState<EventDraft>(() => draftOf(programme.event));
  // Segment saves bring a new event object too; only a real change of the event resets the form.
  const eventKey = JSON.stringify(programme.event);
  const [formKey, setFormKey] = useState(eventKey);
  if (formKey !== eventKey) {
    setFormKey(eventKey);
    setEv(draftOf(programme.event));
  }
  const problems = eventProblems({ ...ev, stages: stagesToSave(ev.stages).stages });
  const problem = (field: string) => problems.find((p) => p.field === field)?.problem;
  const err = (field: string) => {
    const p = problem(field);
    return p ? (
      <span className="seg-error" role="alert">
        {t(p.key, p.params)}
      </span>
    ) : null;
  };
  const text = (k: 'title' | 'theme' | 'venue' | 'timeZone', label: string) => (
    <label className="ev-field">
      {label}
      <input value={ev[k]} aria-invalid={problem(k) ? true : undefined} onChange={(e) => setEv({ ...ev, [k]: e.target.value })} />
      {err(k)}
    </label>
  );
  const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));

  return (
    <div className="event-settings-page">
      <form
        className="event-settings"
        onSubmit={(e) => {
          e.preventDefault();
          if (problems.length > 0) return;
          const { stages, renames } = stagesToSave(ev.stages);
          // Segments follow a stage whose id changed, in the same save.
          const segments = programme.segments.map((x) => ({ ...x, stageId: renames[x.stageId] ?? x.stageId }));
          void commit({ event: { ...ev, stages }, segments }, renames);
        }}
      >
        {text('title', t('edit.event.title'))}
        {text('theme', t('edit.event.theme'))}
        {text('venue', t('edit.event.venue'))}
        {text('timeZone', t('edit.event.timeZone'))}
        <fieldset>
          <legend>{t('edit.event.days')}</legend>
          {ev.days.map((d, i) => {
            const used = segmentsOn(programme.segments, { dayId: d.id });
            return (
              <div key={d.id} className="ev-row">
                <label>
                  {t('edit.event.date')}
                  <input
                    value={d.date}
                    inputMode="numeric"
                    aria-invalid={problem(`days.${i}.date`) ? true : undefined}
                    onChange={(e) => setEv({ ...ev, days: ev.days.map((x) => (x.id === d.id ? { ...x, date: e.target.value.trim() } : x)) })}
                  />
                </label>
                <label>
                  {t('edit.event.label')}
                  <input value={d.label} onChange={(e) => setEv({ ...ev, days: ev.days.map((x) => (x.id === d.id ? { ...x, label: e.target.value } : x)) })} />
                </label>
                <button type="button" disabled={used > 0 || ev.days.length === 1} title={used > 0 ? t('edit.invalid.day_has_segments', { count: used }) : ''} onClick={() => setEv({ ...ev, days: ev.days.filter((x) => x.id !== d.id) })}>
                  {t('edit.event.remove')}
                </button>
                {err(`days.${i}.date`)}
              </div>
            );
          })}
          <button
            type="button"
            onClick={() => {
              const last = ev.days.at(-1)?.date ?? new Date().toISOString().slice(0, 10);
              const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
              setEv({ ...ev, days: [...ev.days, { id: uniqueId(`d-${next}`, ids(ev.days)), date: next, label: '' }] });
            }}
          >
            + {t('edit.event.addDay')}
          </button>
        </fieldset>
        <StageSettings t={t} stages={ev.stages} segments={programme.segments} onChange={(stages) => setEv({ ...ev, stages })} err={err} invalid={(f) => problem(f) !== undefined} />
        <button type="submit" className="primary" disabled={problems.length > 0}>
          {t('edit.event.save')}
        </button>
      </form>
      {/* Saved on its own as soon as a file is chosen, so outside the form's Save. */}
      <div className="event-settings">
        <LogoSettings t={t} token={token} logoUrl={programme.event.logoUrl} />
      </div>
    </div>
  );
}
