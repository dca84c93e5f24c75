import { useEffect, useEffectEvent, useState, type DragEvent, type KeyboardEvent } from 'react';
import { SEGMENT_KINDS, type Segment } from '../../../shared/model/programme.schema.ts';
import type { T } from '../../i18n/lang.ts';
import { durationProblem, normaliseTime, timeProblem, type Issue, type Problem } from './validate.ts';

type Props = {
  seg: Segment;
  index: number;
  count: number;
  t: T;
  projected: string | null;
  running: boolean;
  issues: Issue[];
  onPatch: (patch: Partial<Omit<Segment, 'id'>>) => void;
  onMove: (delta: number) => void;
  onDropBefore: (draggedId: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  /** Told whenever this row holds a value that could not be saved (null once it does not). */
  onHeld?: (problem: Problem | null) => void;
};

type Local = { start: string; end: string; duration: string; title: string; performer: string; section: string; notes: string; warningSec: string; dangerSec: string };

const fromSeg = (s: Segment): Local => ({
  start: s.plannedStart ?? '',
  end: s.plannedEnd ?? '',
  duration: String(s.durationMin),
  title: s.title,
  performer: s.performer,
  section: s.section,
  notes: s.notes,
  warningSec: String(s.warningSec),
  dangerSec: String(s.dangerSec),
});

/** One segment, edited in place: a field is saved when it loses focus or on Enter, Escape puts it back. */
export function SegmentRow({ seg, index, count, t, projected, running, issues, onPatch, onMove, onDropBefore, onDuplicate, onDelete, onHeld }: Props) {
  const [local, setLocal] = useState<Local>(() => fromSeg(seg));
  const [problems, setProblems] = useState<Partial<Record<keyof Local, Problem>>>({});
  const [open, setOpen] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  // Every save brings new segment objects; only a change to this segment may reset what is being typed here.
  const segKey = JSON.stringify(seg);
  const [formKey, setFormKey] = useState(segKey);
  if (formKey !== segKey) {
    setFormKey(segKey);
    setLocal(fromSeg(seg));
    setProblems({});
  }

  // The editor's status line says "saved" only when nothing typed here is being held back.
  const report = useEffectEvent((p: Problem | null) => onHeld?.(p));
  const first = Object.values(problems)[0];
  const heldKey = first ? JSON.stringify(first) : '';
  useEffect(() => report(heldKey ? (JSON.parse(heldKey) as Problem) : null), [heldKey]);
  useEffect(() => () => report(null), []);

  const set = (k: keyof Local) => (e: { target: { value: string } }) => setLocal((l) => ({ ...l, [k]: e.target.value }));
  const fail = (k: keyof Local, p: Problem | null) => {
    setProblems((ps) => {
      const { [k]: _old, ...rest } = ps;
      return p ? { ...rest, [k]: p } : rest;
    });
    return p !== null;
  };

  const commit = (k: keyof Local) => {
    const v = local[k];
    switch (k) {
      case 'start': {
        if (fail(k, timeProblem(v))) return;
        const start = normaliseTime(v) ?? null;
        if (start === seg.plannedStart) return;
        onPatch({ plannedStart: start, fixedStart: start === null ? false : seg.plannedStart === null ? true : seg.fixedStart });
        return;
      }
      case 'end': {
        if (fail(k, timeProblem(v))) return;
        const end = normaliseTime(v) ?? null;
        if (end !== seg.plannedEnd) onPatch({ plannedEnd: end });
        return;
      }
      case 'duration': {
        if (fail(k, durationProblem(v))) return;
        const n = Number(v.replace(',', '.'));
        if (n !== seg.durationMin) onPatch({ durationMin: n });
        return;
      }
      case 'title':
        if (fail(k, v.trim() === '' ? { key: 'edit.invalid.title_empty' } : null)) return;
        if (v.trim() !== seg.title) onPatch({ title: v.trim() });
        return;
      case 'warningSec':
      case 'dangerSec': {
        const n = Number(v);
        if (fail(k, Number.isInteger(n) && n >= 0 && n <= 3600 ? null : { key: 'edit.invalid.duration' })) return;
        if (n !== seg[k]) onPatch({ [k]: n });
        return;
      }
      default:
        if (v.trim() !== seg[k]) onPatch({ [k]: v.trim() });
    }
  };

  const field = (k: keyof Local, label: string, opts: { wide?: boolean; multiline?: boolean; inputMode?: 'numeric' | 'text'; placeholder?: string } = {}) => {
    const p = problems[k];
    const id = `${seg.id}-${k}`;
    const props = {
      id,
      value: local[k],
      placeholder: opts.placeholder,
      'aria-invalid': p ? true : undefined,
      'aria-describedby': p ? `${id}-err` : undefined,
      onChange: set(k),
      onBlur: () => commit(k),
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          // Long titles wrap on screen but stay one line: Enter saves.
          e.preventDefault();
          commit(k);
        }
        if (e.key === 'Escape') {
          setLocal(fromSeg(seg));
          fail(k, null);
        }
      },
    };
    return (
      <div className={`seg-field seg-${k}${opts.wide ? ' wide' : ''}`}>
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        {opts.multiline ? <textarea {...props} rows={1} /> : <input {...props} inputMode={opts.inputMode ?? 'text'} />}
        {p ? (
          <span id={`${id}-err`} className="seg-error" role="alert">
            {t(p.key, p.params)}
          </span>
        ) : null}
      </div>
    );
  };

  const onRowKey = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    onMove(e.key === 'ArrowUp' ? -1 : 1);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    const id = e.dataTransfer.getData('text/x-segment');
    if (id && id !== seg.id) onDropBefore(id);
  };

  const warn = issues.some((i) => i.severity === 'warning');
  return (
    <li
      className={`seg-row${running ? ' running' : ''}${issues.length ? (warn ? ' has-warning' : ' has-notice') : ''}${dragOver ? ' drag-over' : ''}`}
      data-segment-id={seg.id}
      aria-label={`${index + 1}. ${seg.title}`}
      onKeyDown={onRowKey}
      onDragOver={(e) => {
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
    >
      <div className="seg-main">
        <button
          type="button"
          className="seg-handle"
          draggable
          title={t('edit.drag')}
          aria-label={`${t('edit.drag')}: ${seg.title}`}
          onDragStart={(e) => {
            e.dataTransfer.setData('text/x-segment', seg.id);
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          ≡
        </button>
        <span className="seg-index">{index + 1}</span>
        <div className="seg-time">
          {field('start', t('edit.col.start'), { inputMode: 'numeric', placeholder: projected ? `~${projected}` : 'HH:mm' })}
          <label className="seg-fixed" title={t('edit.col.fixed')}>
            <input type="checkbox" checked={seg.fixedStart} disabled={seg.plannedStart === null} onChange={(e) => onPatch({ fixedStart: e.target.checked })} />
            <span className="visually-hidden">{t('edit.col.fixed')}</span>
          </label>
          {field('end', t('edit.col.end'), { inputMode: 'numeric', placeholder: '–' })}
        </div>
        {field('duration', t('edit.col.duration'), { inputMode: 'numeric' })}
        {field('title', t('edit.col.title'), { wide: true, multiline: true })}
        {field('performer', t('edit.col.performer'), { multiline: true })}
        <div className="seg-field seg-kind">
          <label htmlFor={`${seg.id}-kind`} className="visually-hidden">
            {t('edit.col.kind')}
          </label>
          <select id={`${seg.id}-kind`} value={seg.kind} onChange={(e) => onPatch({ kind: e.target.value as Segment['kind'] })}>
            {SEGMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="seg-actions">
          {running ? <span className="seg-running">{t('edit.running')}</span> : null}
          <button type="button" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`${t('edit.moveUp')}: ${seg.title}`} title={t('edit.moveUp')}>
            ↑
          </button>
          <button type="button" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`${t('edit.moveDown')}: ${seg.title}`} title={t('edit.moveDown')}>
            ↓
          </button>
          <button type="button" onClick={onDuplicate} aria-label={`${t('edit.duplicate')}: ${seg.title}`} title={t('edit.duplicate')}>
            ⧉
          </button>
          <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`${t('edit.more')}: ${seg.title}`} title={t('edit.more')}>
            …
          </button>
          <button type="button" className="danger" onClick={onDelete} aria-label={`${t('edit.delete')}: ${seg.title}`} title={t('edit.delete')}>
            ✕
          </button>
        </div>
      </div>
      {issues.length > 0 ? (
        <ul className="seg-issues">
          {issues.map((i, n) => (
            <li key={n} className={i.severity}>
              {t(i.problem.key, i.problem.params)}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div className="seg-details">
          <label>
            {t('edit.col.section')}
            <input value={local.section} onChange={set('section')} onBlur={() => commit('section')} />
          </label>
          <label className="wide">
            {t('edit.col.notes')}
            <textarea value={local.notes} rows={3} onChange={set('notes')} onBlur={() => commit('notes')} />
          </label>
          <label>
            {t('edit.col.warningSec')}
            <input inputMode="numeric" value={local.warningSec} onChange={set('warningSec')} onBlur={() => commit('warningSec')} />
          </label>
          <label>
            {t('edit.col.dangerSec')}
            <input inputMode="numeric" value={local.dangerSec} onChange={set('dangerSec')} onBlur={() => commit('dangerSec')} />
          </label>
        </div>
      ) : null}
    </li>
  );
}
