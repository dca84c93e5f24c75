import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/lang.ts';

type Props = {
  /** The day's name as the day buttons show it. */
  day: string;
  /** Its calendar date, "25/09/2025". */
  date: string;
  /** Today's date when the day is not today; null when it is. */
  today: string | null;
  /** The running day the stage leaves, if any. */
  leaving: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * Asks before a start that is easy to get wrong: another day than the running one, or a day whose
 * date is not today. Says the date, so a rehearsal on the wrong day is a choice, not an accident.
 */
export function McStartDay({ day, date, today, leaving, onConfirm, onCancel }: Props) {
  const t = useT();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="mc-dialog-backdrop" onClick={onCancel}>
      <div
        className="mc-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="mc-start-day-title"
        data-testid="mc-start-day-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="mc-start-day-title" className="mc-dialog-title">
          {t('mc.startDay.title', { day, date })}
        </h2>
        {today ? (
          <p className="mc-dialog-warn" data-testid="mc-start-day-not-today">
            ⚠ {t('mc.startDay.notToday', { date, today })}
          </p>
        ) : null}
        {leaving ? <p className="mc-dialog-text">{t('mc.startDay.leaves', { running: leaving })}</p> : null}
        <div className="mc-row mc-dialog-actions">
          <button ref={cancelRef} type="button" className="mc-btn" onClick={onCancel}>
            {t('mc.cancel')}
          </button>
          <button type="button" className="mc-btn mc-btn-go" data-testid="mc-start-day-confirm" onClick={onConfirm}>
            {t('mc.startDay.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
