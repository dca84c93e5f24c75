import { useT } from '../i18n/lang.ts';
import { useShow } from '../store/hooks.ts';

/** Always visible on control screens: a dropped connection must never be silent. */
export function ConnectionBadge({ className = '' }: { className?: string }) {
  const t = useT();
  const connection = useShow((s) => s.connection);
  return (
    <span className={`conn conn-${connection} ${className}`} role="status" data-connection={connection}>
      {t(connection === 'online' ? 'conn.online' : connection === 'connecting' ? 'conn.connecting' : 'conn.offline')}
    </span>
  );
}
