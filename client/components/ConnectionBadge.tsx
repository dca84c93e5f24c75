import { useT } from '../i18n/lang.ts';
import { useShow } from '../store/hooks.ts';
import { StoreHealthBanner } from './StoreHealthBanner.tsx';

/**
 * Always visible on control screens: a dropped connection must never be silent. Every console
 * shows this badge, so the store's banner (fixed across the top) comes with it: neither a lost
 * connection nor a store that cannot save a press goes unnoticed.
 */
export function ConnectionBadge({ className = '' }: { className?: string }) {
  const t = useT();
  const connection = useShow((s) => s.connection);
  return (
    <>
      <span className={`conn conn-${connection} ${className}`} role="status" data-connection={connection}>
        {t(connection === 'online' ? 'conn.online' : connection === 'connecting' ? 'conn.connecting' : 'conn.offline')}
      </span>
      <StoreHealthBanner />
    </>
  );
}
