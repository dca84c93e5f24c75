import { useEffect, useState } from 'react';

let asked: Promise<string | null> | null = null;

/** The server's address for links and QR codes (GET /api/v1/address), asked once per page. */
function publicUrl(): Promise<string | null> {
  asked ??= fetch('/api/v1/address')
    .then((r) => (r.ok ? (r.json() as Promise<{ publicUrl?: string }>) : null))
    .then((a) => a?.publicUrl ?? null)
    .catch(() => null)
    .then((u) => {
      // No answer (offline, an older server): ask again next time rather than keep none.
      if (u === null) asked = null;
      return u;
    });
  return asked;
}

/**
 * The address a QR code should carry: the server's LAN address (PUBLIC_URL), not the one this
 * player happened to open (often localhost on the machine driving the LED). Until the server
 * answers, this page's own origin.
 */
export function usePublicUrl(): string {
  const [base, setBase] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void publicUrl().then((u) => live && u && setBase(u));
    return () => {
      live = false;
    };
  }, []);
  return base ?? location.origin;
}
