import { toggleLang, useT } from '../i18n/lang.ts';
import { logout } from './session.ts';

/** The language switch and logout every console's header carries. */
export function SessionButtons() {
  const t = useT();
  return (
    <>
      <button type="button" onClick={toggleLang}>
        {t('lang.switch')}
      </button>
      <button type="button" onClick={() => void logout()}>
        {t('login.logout')}
      </button>
    </>
  );
}
