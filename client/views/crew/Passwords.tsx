import { useState, type SubmitEvent } from 'react';
import { errorMessageKey } from '../../../shared/i18n/index.ts';
import { Role } from '../../../shared/protocol.ts';
import { useT } from '../../i18n/lang.ts';
import type { CrewApi } from './crew-api.ts';

/** The admin password and one password per role, set here rather than by curl. */
export function Passwords({ crew }: { crew: CrewApi }) {
  const t = useT();
  const [role, setRole] = useState<Role>('mc');
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const r = await crew.setPassword(role, password);
    setResult(r.ok ? { ok: true, text: t('crew.password.done', { role: t(`role.${role}`) }) } : { ok: false, text: t(errorMessageKey(r.error.code) ?? 'error.internal') });
    if (r.ok) setPassword('');
  };
  return (
    <section className="crew-section" aria-labelledby="crew-passwords">
      <h2 id="crew-passwords">{t('crew.passwords')}</h2>
      <p className="crew-muted">{t('crew.passwords.intro')}</p>
      <form className="crew-form" onSubmit={submit}>
        <label htmlFor="crew-pw-role">{t('crew.role')}</label>
        <select id="crew-pw-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {Role.options.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="crew-pw">{t('crew.password.new')}</label>
        <input id="crew-pw" type="password" autoComplete="new-password" minLength={8} maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="crew-primary" disabled={password.length < 8}>
          {t('crew.password.set')}
        </button>
        {result ? (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'crew-ok' : 'crew-error'}>
            {result.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
