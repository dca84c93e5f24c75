import type { Segment, Stage } from '../../../shared/model/programme.schema.ts';
import { stageSlug, uniqueStageId } from '../../../shared/model/stage-id.ts';
import type { T } from '../../i18n/lang.ts';
import { segmentsOn } from './validate.ts';

/** A stage row being edited, with the id it had on the server (null for a stage added here). */
export type StageDraft = Stage & { savedId: string | null };

type Props = {
  t: T;
  stages: StageDraft[];
  segments: Segment[];
  onChange: (next: StageDraft[]) => void;
  err: (field: string) => React.ReactNode;
  invalid: (field: string) => boolean;
};

/**
 * Each stage's name, its readable id (a slug of the name, editable: it goes in `?stage=` links)
 * and its venue. A new stage's id follows its name until the organiser types one.
 */
export function StageSettings({ t, stages, segments, onChange, err, invalid }: Props) {
  const set = (i: number, patch: Partial<StageDraft>) => onChange(stages.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const taken = (except: number) => new Set(stages.filter((_, j) => j !== except).map((x) => x.id));
  return (
    <fieldset className="ev-stages">
      <legend>{t('edit.event.stages')}</legend>
      {stages.map((s, i) => {
        const used = segmentsOn(segments, { stageId: s.savedId ?? s.id });
        // A new stage whose id still is its name's slug keeps following the name.
        const follows = s.savedId === null && s.id === uniqueStageId(s.name, taken(i));
        return (
          <div key={s.savedId ?? `new-${i}`} className="ev-row ev-stage" data-testid="stage-row">
            <label>
              {t('edit.event.stageName')}
              <input
                value={s.name}
                aria-invalid={invalid(`stages.${i}.name`) || undefined}
                onChange={(e) => set(i, { name: e.target.value, ...(follows ? { id: uniqueStageId(e.target.value, taken(i)) } : {}) })}
              />
            </label>
            <label>
              {t('edit.event.stageId')}
              <input
                value={s.id}
                title={t('edit.event.stageIdHint')}
                spellCheck={false}
                aria-invalid={invalid(`stages.${i}.id`) || undefined}
                onChange={(e) => set(i, { id: e.target.value.trim() })}
                onBlur={() => {
                  if (s.id !== '' && !/^[A-Za-z0-9_-]+$/.test(s.id)) set(i, { id: stageSlug(s.id) });
                }}
              />
            </label>
            <label className="ev-stage-venue">
              {t('edit.event.stageVenue')}
              <input value={s.venue} maxLength={300} onChange={(e) => set(i, { venue: e.target.value })} />
            </label>
            <button
              type="button"
              disabled={used > 0 || stages.length === 1}
              title={used > 0 ? t('edit.invalid.stage_has_segments', { count: used }) : ''}
              onClick={() => onChange(stages.filter((_, j) => j !== i))}
            >
              {t('edit.event.remove')}
            </button>
            {err(`stages.${i}.name`)}
            {err(`stages.${i}.id`)}
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => {
          const name = `${t('edit.stage')} ${stages.length + 1}`;
          onChange([...stages, { id: uniqueStageId(name, taken(-1)), name, venue: '', savedId: null }]);
        }}
      >
        + {t('edit.event.addStage')}
      </button>
    </fieldset>
  );
}

/** The stages to save, and the ids the edit changed (old → new) so segments and screens follow. */
export function stagesToSave(drafts: StageDraft[]): { stages: Stage[]; renames: Record<string, string> } {
  const renames: Record<string, string> = {};
  for (const d of drafts) if (d.savedId !== null && d.savedId !== d.id) renames[d.savedId] = d.id;
  return { stages: drafts.map(({ id, name, venue }) => ({ id, name, venue })), renames };
}
