import { useState } from 'react';
import type { Phase } from '../../../shared/engine/view.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import { useT } from '../../i18n/lang.ts';
import { parseMinutes, type PrimaryAction } from './mc-display.ts';

type Props = {
  phase: Phase;
  primary: PrimaryAction;
  /** The big button; the console decides whether a start needs confirming first. */
  onPrimary: () => void;
  press: (c: Command) => Promise<boolean>;
};

const MINUTE = 60_000;

/** The show controls. Nothing is disabled by phase: a press that cannot apply says why instead. */
export function McControls({ phase, primary, onPrimary, press }: Props) {
  const t = useT();
  const [minutes, setMinutes] = useState('');
  const [invalid, setInvalid] = useState(false);
  const running = phase === 'running' || phase === 'paused' || phase === 'overtime';
  const paused = phase === 'paused';

  const addCustom = (sign: 1 | -1) => {
    const ms = parseMinutes(minutes);
    setInvalid(ms === null);
    if (ms !== null) void press({ type: 'add-time', ms: sign * Math.abs(ms) });
  };

  return (
    <div className="mc-controls">
      <div className="mc-row mc-row-primary">
        <button type="button" className="mc-btn mc-back" onClick={() => void press({ type: 'previous' })}>
          ◀ {t('mc.back')}
        </button>
        <button
          type="button"
          className={`mc-btn mc-primary mc-primary-${primary.label.slice(3)}`}
          data-testid="mc-primary"
          onClick={onPrimary}
        >
          {t(primary.label)}
        </button>
      </div>
      <div className="mc-row mc-row-4">
        <button
          type="button"
          className={`mc-btn${running ? '' : ' mc-inapplicable'}${paused ? ' mc-btn-on' : ''}`}
          aria-pressed={paused}
          onClick={() => void press({ type: paused ? 'resume' : 'pause' })}
        >
          {paused ? t('mc.resume') : t('mc.pause')}
        </button>
        <button type="button" className={`mc-btn${running ? '' : ' mc-inapplicable'}`} onClick={() => void press({ type: 'add-time', ms: -MINUTE })}>
          {t('mc.minusOne')}
        </button>
        <button type="button" className={`mc-btn${running ? '' : ' mc-inapplicable'}`} onClick={() => void press({ type: 'add-time', ms: MINUTE })}>
          {t('mc.plusOne')}
        </button>
        <button type="button" className={`mc-btn mc-end${running ? '' : ' mc-inapplicable'}`} onClick={() => void press({ type: 'end' })}>
          ■ {t('mc.end')}
        </button>
      </div>
      <div className="mc-row mc-row-custom">
        <label className="visually-hidden" htmlFor="mc-minutes">
          {t('mc.custom.label')}
        </label>
        <input
          id="mc-minutes"
          className="mc-input mc-minutes"
          inputMode="decimal"
          placeholder={t('mc.custom.label')}
          value={minutes}
          aria-invalid={invalid}
          onChange={(e) => {
            setMinutes(e.target.value);
            setInvalid(false);
          }}
        />
        <button type="button" className="mc-btn" onClick={() => addCustom(1)}>
          {t('mc.custom.add')}
        </button>
        <button type="button" className="mc-btn" onClick={() => addCustom(-1)}>
          {t('mc.custom.subtract')}
        </button>
      </div>
      {invalid ? (
        <p className="mc-field-error" role="alert">
          {t('mc.custom.invalid')}
        </p>
      ) : null}
    </div>
  );
}
