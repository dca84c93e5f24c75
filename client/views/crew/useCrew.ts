import { useCallback, useEffect, useState } from 'react';
import { sessionEnded } from '../../auth/session.ts';
import { crewApi, type Listed } from './crew-api.ts';

/** How often the list refreshes, so "connected now" follows devices coming and going. */
const REFRESH_MS = 3000;

/** The tokens the admin handed out, refreshed while the page is open and after each change (`refresh`). */
export function useCrew(token: string) {
  const [tokens, setTokens] = useState<Listed[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      void crewApi(token)
        .list()
        .then((r) => {
          if (!live) return;
          if (r.ok) {
            setTokens(r.data);
            setError(null);
          } else if (r.error.code === 'unauthorized') {
            // This login ended (the admin password was just changed, or it was revoked): back to the login form, saying why.
            sessionEnded();
          } else setError(r.error.code);
        });
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token, changes]);
  const refresh = useCallback(() => setChanges((n) => n + 1), []);
  return { tokens, error, refresh };
}
