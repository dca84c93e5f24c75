/** What the device keeps about itself: the code the server gave it, so a reload is the same screen. */
const KEY = 'ros.led.screenId';

export function storedScreenId(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeScreenId(id: string | null): void {
  try {
    if (id === null) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, id);
  } catch {
    // Without storage the URL name still finds the screen again.
  }
}

/** `?screen=NAME`, trimmed; empty or absent means "let the technician name me". */
export function nameFromUrl(search: string): string | undefined {
  const name = new URLSearchParams(search).get('screen')?.trim();
  return name ? name.slice(0, 60) : undefined;
}

/** Keeps the address bar in step with a rename, so the next reload asks for the new name. */
export function urlWithName(href: string, name: string): string {
  const url = new URL(href);
  if (name) url.searchParams.set('screen', name);
  else url.searchParams.delete('screen');
  return url.pathname + url.search + url.hash;
}
