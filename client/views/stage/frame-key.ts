import type { StageView } from '../../../shared/engine/view.ts';
import { FLASH_MS, FLASH_PERIOD_MS } from './stage-display.ts';

/**
 * What a stage view shows at `now`, reduced to the resolution screens show it at: every time is
 * read to the whole second (countdowns, clocks, "late by 6 minutes", projected times) and a
 * flashing message changes every half flash period. Two instants with the same key draw the same
 * screen, so a view redraws when the key changes — at the very frame a second turns — and not at
 * every frame in between.
 */
export function stageFrameKey(view: StageView | null, now: number): string {
  const second = Math.floor(now / 1000);
  if (!view) return String(second);
  const flashAt = view.message?.flashAt ?? null;
  const flash = flashAt === null || now < flashAt || now - flashAt >= FLASH_MS ? -1 : Math.floor((now - flashAt) / (FLASH_PERIOD_MS / 2));
  return `${second}|${flash}|${JSON.stringify(view, toSecond)}`;
}

/**
 * A countdown rounds up, an overtime or a clock down, "late by" toward zero: each turns either as a
 * time reaches a whole second or just after it, so the key marks both instants.
 */
const toSecond = (_key: string, value: unknown) => (typeof value === 'number' ? `${Math.floor(value / 1000)}~${Math.ceil(value / 1000)}` : value);
