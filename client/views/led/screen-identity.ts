import type { ScreenPairing } from '../../../shared/model/screen.schema.ts';

/** What the device keeps about itself: the id and key it got when the technician added it. */
const KEY = 'ros.led.screen';

export function storedScreen(): ScreenPairing | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<ScreenPairing>;
    return typeof v.screenId === 'string' && typeof v.key === 'string' ? { screenId: v.screenId, key: v.key } : undefined;
  } catch {
    return undefined;
  }
}

export function storeScreen(s: ScreenPairing | null): void {
  try {
    if (s === null) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Without storage the player shows a new code after a reload, to be added again.
  }
}

/** `?screen=NAME`: the name the technician gave, shown in the address bar (not an identity). */
export function nameFromUrl(search: string): string | undefined {
  const name = new URLSearchParams(search).get('screen')?.trim();
  return name ? name.slice(0, 60) : undefined;
}

/** Keeps the address bar in step with a rename, so the player's window says which wall it is. */
export function urlWithName(href: string, name: string): string {
  const url = new URL(href);
  if (name) url.searchParams.set('screen', name);
  else url.searchParams.delete('screen');
  return url.pathname + url.search + url.hash;
}
