import { networkInterfaces } from 'node:os';

/** Every non-internal IPv4 address of this machine, in the order the system lists them. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && !i.internal ? [i.address] : []));
}

/**
 * The address every link and QR code carries: PUBLIC_URL when set (a DNS name, another port behind
 * a proxy), otherwise the first LAN address and the port. A device across the hall cannot open
 * `localhost`, so that is used only on a machine with no network at all.
 */
export function publicUrl(configured: string | undefined, port: number, lan: readonly string[] = lanAddresses()): string {
  if (configured?.trim()) return configured.trim().replace(/\/+$/, '');
  return `http://${lan[0] ?? 'localhost'}:${port}`;
}

/** PUBLIC_URL, when set, must be an http(s) address; a typo should stop the start, not print broken QR codes. */
export function checkPublicUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : `PUBLIC_URL must start with http:// or https://, not "${value}"`;
  } catch {
    return `PUBLIC_URL is not an address: "${value}"`;
  }
}
