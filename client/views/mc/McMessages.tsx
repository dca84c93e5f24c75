import { useState, type SubmitEvent } from 'react';
import type { StageMessage } from '../../../shared/engine/run.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { Command } from '../../../shared/model/action.schema.ts';
import { useT } from '../../i18n/lang.ts';

const PRESETS: MessageKey[] = ['mc.msg.twoMin', 'mc.msg.oneMin', 'mc.msg.wrapUp', 'mc.msg.louder'];

type Props = { message: StageMessage | null; press: (c: Command) => Promise<boolean> };

/** Messages to the speaker's timer. A preset is sent in the language the console shows. */
export function McMessages({ message, press }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (value && (await press({ type: 'message', text: value }))) setText('');
  };
  return (
    <section className="mc-messages" aria-labelledby="mc-msg-title">
      <div className="mc-msg-head">
        <h2 id="mc-msg-title" className="mc-kicker">
          {t('mc.msg.title')}
        </h2>
        <p className={`mc-msg-state${message?.visible ? ' mc-msg-state-on' : ''}`} data-testid="mc-msg-state">
          {message ? t(message.visible ? 'mc.msg.showing' : 'mc.msg.hidden', { text: message.text }) : t('mc.msg.none')}
        </p>
      </div>
      <div className="mc-row mc-row-4">
        {PRESETS.map((k) => (
          <button key={k} type="button" className="mc-btn mc-preset" onClick={() => void press({ type: 'message', text: t(k) })}>
            {t(k)}
          </button>
        ))}
      </div>
      <form className="mc-row mc-row-msg" onSubmit={submit}>
        <input
          className="mc-input"
          aria-label={t('mc.msg.placeholder')}
          placeholder={t('mc.msg.placeholder')}
          maxLength={280}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="mc-btn">
          {t('mc.msg.send')}
        </button>
        {message && !message.visible ? (
          <button type="button" className="mc-btn" onClick={() => void press({ type: 'message', text: message.text })}>
            {t('mc.msg.show')}
          </button>
        ) : (
          <button type="button" className={`mc-btn${message ? '' : ' mc-inapplicable'}`} onClick={() => void press({ type: 'message-hide' })}>
            {t('mc.msg.hide')}
          </button>
        )}
        <button type="button" className={`mc-btn mc-flash${message?.visible ? '' : ' mc-inapplicable'}`} onClick={() => void press({ type: 'message-flash' })}>
          ⚡ {t('mc.msg.flash')}
        </button>
      </form>
    </section>
  );
}
