import type { T } from '../../i18n/lang.ts';
import type { Held, Status, Toast } from './useEditor.ts';

type Props = { t: T; status: Status; held: Held[]; toast: Toast; undo: () => void };

/**
 * What the server has: "saved" only when the last save succeeded and no field on screen holds a
 * value that could not be saved; otherwise it says what was not saved and why.
 */
export function SaveStatus({ t, status, held, toast, undo }: Props) {
  return (
    <>
      <div className="edit-status" role="status" aria-live="polite">
        {status.kind === 'saving' ? t('edit.saving') : null}
        {status.kind === 'saved' && held.length === 0 ? t('edit.saved') : null}
        {status.kind === 'info' ? t(status.key, status.params) : null}
        {toast ? (
          <span className="toast">
            {t(toast.key, toast.params)}
            {toast.undo ? (
              <button type="button" onClick={undo}>
                {t('edit.undo')}
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {held[0] ? (
        <p className="edit-error edit-held" role="alert">
          {t(held.length === 1 ? 'edit.heldOne' : 'edit.heldMany', { count: held.length, title: held[0].title, reason: t(held[0].key, held[0].params) })}
        </p>
      ) : null}
      {status.kind === 'error' ? (
        <p className="edit-error" role="alert">
          {t('edit.notSaved', { reason: t(status.key, status.params) })}
          {status.detail ? <small> ({status.detail})</small> : null}
        </p>
      ) : null}
    </>
  );
}
