import { useState } from 'react';
import type { T } from '../../i18n/lang.ts';
import type { ApiError } from '../../../shared/protocol.ts';

type Props = { t: T; token: string; logoUrl: string };
type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * The event logo, uploaded once: the server checks the file (type from its bytes, size limit) and
 * points the programme at it, so every screen that shows the logo follows at once.
 */
export function LogoSettings({ t, token, logoUrl }: Props) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const send = async (method: 'PUT' | 'DELETE', file?: File) => {
    setStatus({ kind: 'busy' });
    try {
      const r = await fetch('/api/v1/logo', {
        method,
        headers: { authorization: `Bearer ${token}`, ...(file ? { 'content-type': file.type || 'application/octet-stream' } : {}) },
        ...(file ? { body: file } : {}),
      });
      if (r.ok) setStatus({ kind: 'saved' });
      else {
        const body = (await r.json().catch(() => ({}))) as { error?: ApiError };
        setStatus({ kind: 'failed', message: body.error?.message ?? `HTTP ${r.status}` });
      }
    } catch {
      setStatus({ kind: 'failed', message: t('error.offline') });
    }
  };
  return (
    <fieldset className="ev-logo" data-testid="logo-settings">
      <legend>{t('edit.logo.title')}</legend>
      <div className="ev-logo-row">
        {logoUrl ? <img className="ev-logo-preview" src={logoUrl} alt={t('edit.logo.title')} /> : <span className="ev-logo-none">{t('edit.logo.none')}</span>}
        <label className="ev-logo-pick">
          {t('edit.logo.upload')}
          <input
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            disabled={status.kind === 'busy'}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void send('PUT', file);
            }}
          />
        </label>
        {logoUrl ? (
          <button type="button" disabled={status.kind === 'busy'} onClick={() => void send('DELETE')}>
            {t('edit.logo.remove')}
          </button>
        ) : null}
      </div>
      <p className="ev-hint">{t('edit.logo.hint')}</p>
      {status.kind === 'saved' ? <p role="status">{t('edit.logo.saved')}</p> : null}
      {status.kind === 'failed' ? (
        <p className="seg-error" role="alert">
          {t('edit.logo.failed', { message: status.message })}
        </p>
      ) : null}
    </fieldset>
  );
}
