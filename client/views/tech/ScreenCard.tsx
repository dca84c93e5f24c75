import { useState } from 'react';
import type { Programme } from '../../../shared/model/programme.schema.ts';
import type { ScreenInfo } from '../../../shared/model/screen.schema.ts';
import { useT } from '../../i18n/lang.ts';
import { formatClock } from '../../../shared/time-format.ts';
import { layoutDetail } from './layout-form.ts';
import { Preview } from './Preview.tsx';

type Props = {
  screen: ScreenInfo;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onIdentify: () => void;
  onRename: (name: string) => Promise<boolean>;
  onForget: () => void;
  programme: Programme | null;
  timeZone: string;
  now: number;
};

export function ScreenCard({ screen, selected, onSelect, onIdentify, onRename, onForget, programme, timeZone, now }: Props) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(screen.name);
  const display = screen.name || t('tech.unnamed');
  const detail = layoutDetail(screen.layout, programme);

  const save = async () => {
    if (await onRename(name)) setEditing(false);
  };

  return (
    <li className={`tech-card${selected ? ' is-selected' : ''}`} data-screen={screen.id} data-testid={`screen-${screen.id}`}>
      <div className="tech-card-head">
        <label className="tech-card-select">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={t('tech.select', { name: display })} />
          <span className={`tech-card-name${screen.name ? '' : ' is-unnamed'}`}>{display}</span>
        </label>
        <span className="tech-card-code">{t('tech.code', { code: screen.id })}</span>
      </div>
      <div className="tech-card-meta">
        <span className={`tech-dot ${screen.connected ? 'on' : 'off'}`} aria-hidden="true" />
        <span data-testid="screen-status">
          {screen.connected ? t('tech.connected') : t('tech.lastSeen', { time: formatClock(screen.lastSeenAt, timeZone) })}
        </span>
        <span>{t('tech.resolution', { w: screen.width, h: screen.height })}</span>
      </div>
      <div className="tech-card-layout" data-testid="screen-layout" data-layout={screen.layout.type}>
        <strong>{t(`layout.${screen.layout.type}`)}</strong>
        {detail ? <span> · {detail}</span> : null}
      </div>
      <Preview screen={screen} now={now} label={t('tech.preview', { name: display })} />
      {editing ? (
        <form
          className="tech-card-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('tech.renameLabel', { name: display })} maxLength={60} autoFocus />
          <button type="submit" disabled={!name.trim()}>
            {t('tech.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('tech.cancel')}
          </button>
        </form>
      ) : (
        <div className="tech-card-actions">
          <button type="button" onClick={onIdentify}>
            {t('tech.identify')}
          </button>
          <button
            type="button"
            onClick={() => {
              setName(screen.name);
              setEditing(true);
            }}
          >
            {t('tech.rename')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (confirm(t('tech.forgetConfirm', { name: display }))) onForget();
            }}
          >
            {t('tech.forget')}
          </button>
        </div>
      )}
    </li>
  );
}
