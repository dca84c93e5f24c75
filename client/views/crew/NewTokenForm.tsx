import { useState, type SubmitEvent } from 'react';
import type { Stage } from '../../../shared/model/programme.schema.ts';
import { Role } from '../../../shared/protocol.ts';
import { errorMessageKey } from '../../../shared/i18n/index.ts';
import { useT } from '../../i18n/lang.ts';
import { SUGGESTION, type CrewApi, type Created, type TokenKind } from './crew-api.ts';

type Props = { kind: TokenKind; stages: Stage[]; crew: CrewApi; onCreated: (c: Created) => void };

/** One line to hand out a device (or an API token): name, role, stage. An empty name takes the suggestion shown. */
export function NewTokenForm({ kind, stages, crew, onCreated }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('mc');
  const [stageId, setStageId] = useState<string>(stages[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const stageName = stages.find((s) => s.id === stageId)?.name ?? t('crew.allStages');
  const suggestion = kind === 'api' ? 'Stream Deck' : t(SUGGESTION[role], { stage: stageName });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const r = await crew.create({ name: name.trim() || suggestion, role, stageId: stageId || null, kind });
    if (!r.ok) {
      setError(t(errorMessageKey(r.error.code) ?? 'error.internal'));
      return;
    }
    setError(null);
    setName('');
    onCreated(r.data);
  };
  const id = (f: string) => `crew-${kind}-${f}`;
  return (
    <form className="crew-form" onSubmit={submit} data-testid={`crew-new-${kind}`}>
      <label htmlFor={id('name')}>{t(kind === 'api' ? 'crew.api.name' : 'crew.name')}</label>
      <input id={id('name')} value={name} placeholder={suggestion} maxLength={80} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={id('role')}>{t('crew.role')}</label>
      <select id={id('role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {Role.options.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={id('stage')}>{t('crew.stage')}</label>
      <select id={id('stage')} value={stageId} onChange={(e) => setStageId(e.target.value)}>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        <option value="">{t('crew.allStages')}</option>
      </select>
      <button type="submit" className="crew-primary">
        {t(kind === 'api' ? 'crew.api.create' : 'crew.create')}
      </button>
      {error ? (
        <p role="alert" className="crew-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
