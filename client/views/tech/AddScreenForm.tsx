import { useState } from 'react';
import type { T } from '../../i18n/lang.ts';

/**
 * Adds the player showing a pairing code: the technician reads the code off the wall and names the
 * screen. Only the player showing that code receives the screen's key.
 */
export function AddScreenForm({ t, onAdd }: { t: T; onAdd: (code: string, name: string) => Promise<boolean> }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const submit = async (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (await onAdd(code.trim().toUpperCase(), name.trim())) {
      setCode('');
      setName('');
    }
  };
  return (
    <form className="tech-add" onSubmit={(e) => void submit(e)} aria-label={t('tech.addTitle')}>
      <h3>{t('tech.addTitle')}</h3>
      <label>
        {t('tech.addCode')}
        <input value={code} onChange={(e) => setCode(e.target.value)} required maxLength={8} autoCapitalize="characters" spellCheck={false} inputMode="text" />
      </label>
      <label>
        {t('tech.addName')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} />
      </label>
      <button type="submit">{t('tech.add')}</button>
      <p className="tech-add-hint">{t('tech.addHint', { url: `${location.origin}/led` })}</p>
    </form>
  );
}
