import { useState, type SubmitEvent, type ReactNode } from 'react';
import type { Role } from '../../shared/protocol.ts';
import { errorMessageKey } from '../../shared/i18n/index.ts';
import { toggleLang, useT } from '../i18n/lang.ts';
import { login, logout, useSession, useSessionEnded } from './session.ts';
import './login.css';

type Props = { roles: Role[]; title: string; children: ReactNode };

/** Shows a password form until this device holds a session with one of `roles`. */
export function LoginGate({ roles, title, children }: Props) {
  const t = useT();
  const session = useSession();
  const ended = useSessionEnded();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session && roles.includes(session.role)) return <>{children}</>;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await login(password);
    setBusy(false);
    if (!r.ok) {
      setError(t(errorMessageKey(r.code) ?? 'error.internal'));
    } else if (!roles.includes(r.session.role)) {
      setError(t('error.forbidden'));
      await logout();
    }
  };

  return (
    <main className="login">
      <form onSubmit={submit} className="login-form" aria-labelledby="login-title">
        <h1 id="login-title">{title}</h1>
        {ended && !error ? (
          <p role="alert" className="login-error" data-testid="login-ended">
            {t(ended === 'revoked' ? 'login.revoked' : 'login.linkInvalid')}
          </p>
        ) : null}
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" disabled={busy || password.length === 0}>
          {t('login.submit')}
        </button>
        {error ? (
          <p role="alert" className="login-error">
            {error}
          </p>
        ) : null}
        <button type="button" className="login-lang" onClick={toggleLang}>
          {t('lang.switch')}
        </button>
      </form>
    </main>
  );
}
