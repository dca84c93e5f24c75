import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessageKey, type MessageKey, type Params } from '../../../shared/i18n/index.ts';
import type { Programme } from '../../../shared/model/programme.schema.ts';
import type { ApiError, ProgrammePayload } from '../../../shared/protocol.ts';
import { receiveProgramme } from '../../store/show.store.ts';
import { useShow } from '../../store/hooks.ts';
import { api } from './api.ts';

export type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; key: MessageKey; params?: Params; detail?: string }
  | { kind: 'info'; key: MessageKey; params?: Params };

/** A field the organiser typed that could not be saved (it is still on screen, not on the server). */
export type Held = { title: string; key: MessageKey; params?: Params };

export type Toast = { key: MessageKey; params: Params; undo: boolean } | null;

const MAX_UNDO = 50;

export function errorKey(e: ApiError): MessageKey {
  return errorMessageKey(e.code) ?? 'error.internal';
}

/**
 * The editor's copy of the programme. Every valid change is saved at once (PUT with the revision
 * it was based on), so every screen follows; saves run one after another, and a failed save puts
 * the programme back as the server has it.
 */
export function useEditor(token: string) {
  const payload = useShow((s) => s.programme);
  const [draft, setDraft] = useState<Programme | null>(payload?.programme ?? null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [toast, setToast] = useState<Toast>(null);
  // Keyed by segment id: what the status line must admit is not saved.
  const [held, setHeld] = useState<Record<string, Held>>({});
  const hold = useCallback((id: string, h: Held | null) => {
    setHeld((all) => {
      if (h === null) return id in all ? Object.fromEntries(Object.entries(all).filter(([k]) => k !== id)) : all;
      return { ...all, [id]: h };
    });
  }, []);
  const revision = useRef(payload?.revision ?? 0);
  const undoStack = useRef<Programme[]>([]);
  // The Undo button follows the stack; a ref alone would not re-render when an import is remembered.
  const [canUndo, setCanUndo] = useState(false);
  const setUndoStack = useCallback((next: Programme[]) => {
    undoStack.current = next;
    setCanUndo(next.length > 0);
  }, []);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const saving = useRef(0);

  useEffect(() => {
    if (!payload || payload.revision <= revision.current || saving.current > 0) return;
    revision.current = payload.revision;
    setDraft(payload.programme);
  }, [payload]);

  const reload = useCallback(async () => {
    const r = await api<ProgrammePayload>(token, 'GET', '/api/v1/programme');
    if (r.ok) {
      revision.current = r.data.revision;
      setDraft(r.data.programme);
      receiveProgramme(r.data);
    }
  }, [token]);

  const commit = useCallback(
    (next: Programme, opts: { undoable?: boolean; toast?: Toast; renamedStages?: Record<string, string> } = {}) => {
      const before = draft;
      setDraft(next);
      setStatus({ kind: 'saving' });
      saving.current += 1;
      const job = async () => {
        const renamed = opts.renamedStages && Object.keys(opts.renamedStages).length > 0 ? { renamedStages: opts.renamedStages } : {};
        const r = await api<ProgrammePayload>(token, 'PUT', '/api/v1/programme', { programme: next, expectedRevision: revision.current, ...renamed });
        saving.current -= 1;
        if (r.ok) {
          revision.current = r.data.revision;
          receiveProgramme(r.data);
          setDraft(r.data.programme);
          if (before && opts.undoable !== false) setUndoStack([...undoStack.current, before].slice(-MAX_UNDO));
          setStatus({ kind: 'saved' });
          setToast(opts.toast ?? null);
          return;
        }
        if (r.error.code === 'stale_version') {
          await reload();
          setStatus({ kind: 'info', key: 'edit.conflict' });
          return;
        }
        setDraft(before);
        setStatus({ kind: 'error', key: errorKey(r.error), detail: r.error.code === 'bad_request' ? r.error.message : '' });
      };
      queue.current = queue.current.then(job, job);
      return queue.current;
    },
    [draft, token, reload, setUndoStack],
  );

  const undo = useCallback(() => {
    const prev = undoStack.current.at(-1);
    if (!prev) return;
    setUndoStack(undoStack.current.slice(0, -1));
    setToast(null);
    void commit(prev, { undoable: false });
  }, [commit, setUndoStack]);

  /** Lets a change made elsewhere (an import) be undone like an edit. */
  const remember = useCallback((before: Programme) => {
    setUndoStack([...undoStack.current, before].slice(-MAX_UNDO));
  }, [setUndoStack]);

  return { draft, revision, status, setStatus, toast, setToast, commit, undo, remember, canUndo, reload, held: Object.values(held), hold };
}
