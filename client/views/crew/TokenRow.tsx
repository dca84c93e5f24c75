import { useState, type SubmitEvent } from 'react';
import { formatClock } from '../../../shared/time-format.ts';
import { useT } from '../../i18n/lang.ts';
import type { Listed } from './crew-api.ts';

type Props = {
  token: Listed;
  stageName: string;
  timeZone: string;
  onRename: (name: string) => Promise<boolean>;
  onRevoke: () => void;
  /** Device links only: a new code for the same device (the old one is revoked). */
  onReissue?: () => void;
};

/** One device or API token: who it is for, whether it is connected, and what the admin can do with it. */
export function TokenRow({ token, stageName, timeZone, onRename, onRevoke, onReissue }: Props) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const status = token.connected
    ? t('crew.connected')
    : token.lastSeenAt !== null
      ? t('crew.lastSeen', { time: formatClock(token.lastSeenAt, timeZone) })
      : t('crew.neverSeen');
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    if (editing !== null && editing.trim() && (await onRename(editing.trim()))) setEditing(null);
  };
  return (
    <li className="crew-row" data-testid="crew-row" data-connected={token.connected}>
      {editing === null ? (
        <span className="crew-row-name">{token.name}</span>
      ) : (
        <form className="crew-rename" onSubmit={save}>
          <input aria-label={t('crew.name')} value={editing} maxLength={80} onChange={(e) => setEditing(e.target.value)} autoFocus />
          <button type="submit">{t('crew.save')}</button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('crew.cancel')}
          </button>
        </form>
      )}
      <span className="crew-row-role">
        {t(`role.${token.role}`)} · {stageName}
      </span>
      <span className={`crew-row-status${token.connected ? ' crew-on' : ''}`} data-testid="crew-row-status">
        {status}
      </span>
      <span className="crew-row-actions">
        {editing === null ? (
          <button type="button" onClick={() => setEditing(token.name)}>
            {t('crew.rename')}
          </button>
        ) : null}
        {onReissue ? (
          <button type="button" onClick={onReissue}>
            {t('crew.reissue')}
          </button>
        ) : null}
        <button type="button" className="crew-danger" onClick={onRevoke}>
          {t('crew.revoke')}
        </button>
      </span>
    </li>
  );
}
