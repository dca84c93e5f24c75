import { useState } from 'react';
import { isMessageKey } from '../../../shared/i18n/index.ts';
import { isRelativeTime } from '../../../shared/import/time.ts';
import { DOCUMENT_ERRORS, type ImportNote, type RowError } from '../../../shared/import/types.ts';
import type { Day, Programme, Segment } from '../../../shared/model/programme.schema.ts';
import type { ProgrammeWarning } from '../../../shared/model/warnings.ts';
import type { ApiError } from '../../../shared/protocol.ts';
import type { T } from '../../i18n/lang.ts';
import { api, fileToBase64 } from './api.ts';
import { errorKey } from './useEditor.ts';

type Mode = 'replace-day' | 'append' | 'replace-all';
export type Preview = {
  revision: number;
  days: (Day & { isNew: boolean; segmentCount: number })[];
  segments: (Segment & { line: number | null })[];
  warnings: ProgrammeWarning[];
  notes: ImportNote[];
  /** Set when importing would remove the segment running now; the server would refuse it. */
  refusal?: ApiError | null;
};
type Props = {
  t: T;
  token: string;
  programme: Programme;
  dayId: string;
  stageId: string;
  revision: number;
  onImported: (firstDayId: string | null, count: number) => void;
};

/** Paste or upload → preview with the document's warnings → import only after the organiser confirms. */
export function ImportPanel({ t, token, programme, dayId, stageId, revision, onImported }: Props) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('replace-day');
  const [targetDay, setTargetDay] = useState(dayId);
  const [targetStage, setTargetStage] = useState(stageId);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const [skipped, setSkipped] = useState<ImportNote[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  // Lines whose worded time the organiser chose to read as "follows the row before".
  const [follow, setFollow] = useState<number[]>([]);

  const body = async (followLines = follow) => {
    const common = { mode, dayId: targetDay, stageId: targetStage, ...(followLines.length ? { followLines } : {}) };
    if (file) return { ...common, base64: await fileToBase64(file), filename: file.name };
    return { ...common, text };
  };
  const run = async (dryRun: boolean, followLines = follow) => {
    setBusy(true);
    setFailure(null);
    setErrors(null);
    setSkipped([]);
    const r = await api<Preview>(token, 'POST', `/api/v1/programme/import${dryRun ? '?dryRun=1' : ''}`, {
      ...(await body(followLines)),
      ...(dryRun ? {} : { expectedRevision: preview?.revision ?? revision }),
    });
    setBusy(false);
    if (!r.ok) {
      const details = r.error.details as { errors?: RowError[]; notes?: ImportNote[] } | undefined;
      const rows = details?.errors;
      if (rows) {
        setErrors(rows);
        setSkipped((details?.notes ?? []).filter((n) => n.code === 'ignored_line' || n.code === 'ignored_before_header'));
      }
      else setFailure(t(errorKey(r.error)) + (r.error.code === 'bad_request' ? ` — ${r.error.message}` : ''));
      if (!dryRun) setPreview(null);
      return;
    }
    if (dryRun) setPreview(r.data);
    else {
      setPreview(null);
      setText('');
      setFile(null);
      setFollow([]);
      onImported(r.data.days[0]?.id ?? null, r.data.segments.length);
    }
  };
  const reason = (code: string, params: Record<string, string | number>, prefix: 'import.error' | 'import.note') => {
    const k = `${prefix}.${code}`;
    return isMessageKey(k) ? t(k, params) : code;
  };
  const lineOf = (id: string) => preview?.segments.find((s) => s.id === id);
  /** The organiser's choice for a worded time: applied by a new preview, never by itself. */
  const setReading = (line: number, on: boolean) => {
    const next = on ? [...new Set([...follow, line])] : follow.filter((l) => l !== line);
    setFollow(next);
    void run(true, next);
  };
  const offersFollow = (e: RowError) => e.code === 'unreadable_time' && isRelativeTime(String(e.params.value ?? ''));
  const expectKey = (e: RowError) => {
    const k = offersFollow(e) ? 'import.expect.relative_time' : `import.expect.${e.code}`;
    return isMessageKey(k) ? t(k) : '';
  };
  const docError = errors && errors.length === 1 && errors[0] && DOCUMENT_ERRORS.includes(errors[0].code) ? errors[0] : null;
  const skippedLines = skipped.flatMap((n) => (n.code === 'ignored_before_header' ? [] : [n.line]));
  const skippedCount = skipped.reduce((c, n) => c + (n.code === 'ignored_before_header' ? Number(n.params.count ?? 0) : 1), 0);
  const followed = preview?.notes.filter((n) => n.code === 'follows_previous') ?? [];
  const otherNotes = preview?.notes.filter((n) => n.code !== 'follows_previous') ?? [];

  return (
    <div className="import-panel">
      <p className="hint">{t('edit.import.hint')}</p>
      <label className="block">
        {t('edit.import.paste')}
        <textarea
          value={text}
          rows={10}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setFile(null);
            setFollow([]);
            setPreview(null);
          }}
        />
      </label>
      <div className="import-options">
        <label>
          {t('edit.import.file')}
          <input
            type="file"
            accept=".docx,.xlsx,.csv,.tsv,.txt,.json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFollow([]);
              setPreview(null);
            }}
          />
        </label>
        <label>
          {t('edit.import.mode')}
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            {(['replace-day', 'append', 'replace-all'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`edit.import.mode.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('edit.import.targetDay')}
          <select value={targetDay} onChange={(e) => setTargetDay(e.target.value)}>
            {programme.event.days.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label ? `${d.label} · ${d.date}` : d.date}
              </option>
            ))}
          </select>
        </label>
        {programme.event.stages.length > 1 ? (
          <label>
            {t('edit.stage')}
            <select value={targetStage} onChange={(e) => setTargetStage(e.target.value)}>
              {programme.event.stages.map((st) => (
                <option key={st.id} value={st.id}>
                  {st.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="primary" disabled={busy || (text.trim() === '' && !file)} onClick={() => void run(true)}>
          {busy ? t('edit.import.reading') : t('edit.import.preview')}
        </button>
      </div>

      {failure ? (
        <p className="import-failure" role="alert">
          {failure}
        </p>
      ) : null}
      {errors ? (
        <section className="import-errors" role="alert">
          {docError ? (
            <>
              <h3>{t('edit.import.docError')}</h3>
              <p className="import-problem">{reason(docError.code, docError.params, 'import.error')}</p>
              <p className="import-expect">{expectKey(docError)}</p>
            </>
          ) : (
            <>
              <h3>{t('edit.import.errors', { count: errors.length })}</h3>
              <ul>
                {errors.map((e, i) => (
                  <li key={i}>
                    {e.line > 0 ? <strong>{t('edit.import.line', { line: e.line })}: </strong> : null}
                    {reason(e.code, e.params, 'import.error')}
                    {e.text ? <code>{e.text}</code> : null}
                    <span className="import-expect">{expectKey(e)}</span>
                    {offersFollow(e) ? (
                      <span className="import-offer">
                        <button type="button" disabled={busy} onClick={() => setReading(e.line, true)}>
                          {t('edit.import.follow', { line: e.line })}
                        </button>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )}
          {skippedCount > 0 && !docError ? (
            <p className="import-skipped">{t('edit.import.skipped', { count: skippedCount, lines: skippedLines.join(', ') || '—' })}</p>
          ) : null}
        </section>
      ) : null}

      {preview ? (
        <section className="import-preview" aria-labelledby="preview-title">
          <h3 id="preview-title">{t('edit.import.summary', { segments: preview.segments.length, days: preview.days.length })}</h3>
          <p>
            {preview.days.map((d) => (
              <span key={d.id} className="chip">
                {d.label || d.date} · {d.date} · {d.segmentCount}
                {d.isNew ? ` (${t('edit.import.newDay')})` : ''}
              </span>
            ))}
          </p>
          {followed.length ? (
            <ul className="import-followed">
              {followed.map((n) => (
                <li key={n.line}>
                  <strong>{t('edit.import.line', { line: n.line })}</strong>: {reason(n.code, n.params, 'import.note')}{' '}
                  <button type="button" disabled={busy} onClick={() => setReading(n.line, false)}>
                    {t('edit.import.unfollow')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.warnings.length ? (
            <div className="import-warnings">
              <h4>{t('edit.import.warnings', { count: preview.warnings.length })}</h4>
              <ul>
                {preview.warnings.map((w, i) => (
                  <li key={i} className={w.severity}>
                    <strong>{t('edit.import.line', { line: lineOf(w.segmentId)?.line ?? '?' })}</strong> «{lineOf(w.segmentId)?.title}»:{' '}
                    {t(`warning.${w.code}`, w.params)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <table className="preview-table">
            <thead>
              <tr>
                <th>{t('edit.import.line', { line: '' }).trim()}</th>
                <th>{t('edit.day')}</th>
                <th>{t('edit.col.start')}</th>
                <th>{t('edit.col.end')}</th>
                <th>{t('edit.col.duration')}</th>
                <th>{t('edit.col.title')}</th>
                <th>{t('edit.col.performer')}</th>
                <th>{t('edit.col.section')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.segments.map((s) => {
                const flagged = preview.warnings.some((w) => w.segmentId === s.id);
                return (
                  <tr key={s.id} className={flagged ? 'flagged' : ''}>
                    <td>{s.line ?? ''}</td>
                    <td>{preview.days.find((d) => d.id === s.dayId)?.date ?? s.dayId}</td>
                    <td>{s.plannedStart ?? '—'}</td>
                    <td>{s.plannedEnd ?? ''}</td>
                    <td>{s.durationMin}</td>
                    <td>{s.title}</td>
                    <td>{s.performer}</td>
                    <td>{s.section}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {otherNotes.length ? (
            <details className="import-notes">
              <summary>{t('edit.import.notes', { count: otherNotes.length })}</summary>
              <ul>
                {otherNotes.map((n, i) => (
                  <li key={i}>
                    <strong>{t('edit.import.line', { line: n.line })}</strong>: {reason(n.code, n.params, 'import.note')} <code>{n.text}</code>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {preview.refusal ? (
            <p className="import-failure" role="alert">
              {t(errorKey(preview.refusal))}
            </p>
          ) : null}
          <div className="import-confirm">
            <button type="button" className="primary" disabled={busy || Boolean(preview.refusal)} onClick={() => void run(false)}>
              {t('edit.import.confirm', { count: preview.segments.length })}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('edit.import.cancel')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
