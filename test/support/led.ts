import type { Page } from 'playwright-core';
import { ask, expectOk } from './client.ts';
import { socketClient } from './server.ts';

/**
 * What a technician does for a new LED player: the page shows a code, the technician adds it under
 * `name` (here over a console's socket); the player then registers with the key it was given.
 */
export async function pairLed(page: Page, serverUrl: string, token: string, name: string): Promise<void> {
  await page.goto(`${serverUrl}/led`);
  const code = (await (await page.waitForSelector('.led-code-value')).textContent()) ?? '';
  const tech = await socketClient(serverUrl, token);
  try {
    expectOk(await ask(tech, 'screen:confirm', { code, name }));
  } finally {
    tech.close();
  }
  await page.waitForSelector('[data-layout]');
}
