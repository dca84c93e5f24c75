import { useState } from 'react';
import type { Programme } from '../../../shared/model/programme.schema.ts';
import { LAYOUT_TYPES, type Layout } from '../../../shared/model/screen.schema.ts';
import { useT } from '../../i18n/lang.ts';
import { emptyForm, layoutFromForm, type LayoutForm } from './layout-form.ts';

type Props = {
  programme: Programme | null;
  selectedCount: number;
  onApply: (layout: Layout, to: 'selected' | 'all') => void;
};

/** Choose a layout and its parameters, then send it to the selected screens or to all. */
export function AssignPanel({ programme, selectedCount, onApply }: Props) {
  const t = useT();
  const [form, setForm] = useState<LayoutForm>(() => {
    const opening = programme?.segments.find((s) => s.kind === 'opening') ?? programme?.segments[0];
    return { ...emptyForm(), segmentId: opening?.id ?? '' };
  });
  const set = (patch: Partial<LayoutForm>) => setForm((f) => ({ ...f, ...patch }));
  const layout = layoutFromForm(form);
  const stages = programme?.event.stages ?? [];
  const days = new Map(programme?.event.days.map((d) => [d.id, d.label || d.date]) ?? []);

  return (
    <section className="tech-assign" aria-labelledby="tech-assign-title">
      <h2 id="tech-assign-title">{t('tech.layout')}</h2>
      <div className="tech-layouts" role="radiogroup" aria-label={t('tech.layout')}>
        {LAYOUT_TYPES.map((type) => (
          <label key={type} className={`tech-layout-option${form.type === type ? ' is-on' : ''}`}>
            <input type="radio" name="layout" value={type} checked={form.type === type} onChange={() => set({ type })} />
            {t(`layout.${type}`)}
          </label>
        ))}
      </div>

      {(form.type === 'now-next' || form.type === 'agenda') && stages.length > 1 ? (
        <label className="tech-field">
          {t('tech.stage')}
          <select value={form.stageId} onChange={(e) => set({ stageId: e.target.value })}>
            <option value="">{stages[0]?.name}</option>
            {stages.slice(1).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {form.type === 'now-next' ? (
        <fieldset className="tech-show" data-testid="tech-show">
          <legend>{t('tech.show.title')}</legend>
          {(['countdown', 'overtime', 'clock', 'logo'] as const).map((k) => (
            <label key={k}>
              <input type="checkbox" checked={form.show[k]} onChange={(e) => set({ show: { ...form.show, [k]: e.target.checked } })} />
              {t(`tech.show.${k}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {form.type === 'countdown' ? (
        <>
          <label className="tech-field">
            {t('tech.segment')}
            <select value={form.segmentId} onChange={(e) => set({ segmentId: e.target.value })}>
              {programme?.segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${days.get(s.dayId) ?? s.dayId} · ${s.plannedStart ?? '--:--'} · ${s.title}`.slice(0, 120)}
                </option>
              ))}
            </select>
          </label>
          <label className="tech-field">
            {t('tech.label')}
            <input value={form.label} maxLength={200} onChange={(e) => set({ label: e.target.value })} />
          </label>
        </>
      ) : null}
      {form.type === 'message' ? (
        <label className="tech-field">
          {t('tech.message')}
          <textarea value={form.message} maxLength={1000} rows={3} onChange={(e) => set({ message: e.target.value })} />
        </label>
      ) : null}
      {form.type === 'qr' ? (
        <>
          <label className="tech-field">
            {t('tech.qrText')}
            <input value={form.qrText} maxLength={300} placeholder={t('led.qrText')} onChange={(e) => set({ qrText: e.target.value })} />
          </label>
          <label className="tech-field">
            {t('tech.qrUrl')}
            <input value={form.qrUrl} maxLength={500} placeholder={`${location.origin}/agenda`} onChange={(e) => set({ qrUrl: e.target.value })} />
          </label>
        </>
      ) : null}

      <div className="tech-apply">
        <button type="button" className="primary" disabled={!layout || selectedCount === 0} onClick={() => layout && onApply(layout, 'selected')}>
          {t('tech.applySelected', { n: selectedCount })}
        </button>
        <button type="button" disabled={!layout} onClick={() => layout && onApply(layout, 'all')}>
          {t('tech.applyAll')}
        </button>
      </div>
    </section>
  );
}
