import { useT } from '../i18n/lang.ts';
import { useStoreHealth } from '../net/useStoreHealth.ts';
import './store-banner.css';

/** Across the top of every console while the server's store takes no writes (a read-only or full disk). */
export function StoreHealthBanner() {
  const t = useT();
  const trouble = useStoreHealth();
  if (trouble === null) return null;
  return (
    <div className="store-banner" role="alert" data-store={trouble}>
      {t(`store.${trouble}`)} {t('store.action')}
    </div>
  );
}
