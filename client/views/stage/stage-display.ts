import type { MessageKey, Params } from '../../../shared/i18n/index.ts';
import { timerLevel, type TimerLevel } from '../../../shared/engine/timer.ts';
import type { StageView } from '../../../shared/engine/view.ts';
import type { Segment } from '../../../shared/model/programme.schema.ts';
import { formatDuration } from '../../../shared/time-format.ts';

export type Label = { key: MessageKey; params?: Params };

/** What the big digits say and in which colour; the numbers come from the engine's view. */
export type TimerDisplay = { text: string; level: TimerLevel; overtime: boolean; paused: boolean };

export function timerDisplay(view: Pick<StageView, 'timer' | 'remainingMs'>): TimerDisplay | null {
  const { timer, remainingMs } = view;
  if (!timer || remainingMs === null) return null;
  const level = timerLevel(remainingMs, timer.warningMs, timer.dangerMs);
  const overtime = level === 'overtime';
  return {
    text: overtime ? `+${formatDuration(remainingMs)}` : formatDuration(remainingMs),
    level,
    overtime,
    paused: timer.pausedAt !== null,
  };
}

export type GapSegment = Pick<Segment, 'kind' | 'section'>;

/**
 * Label over the countdown while nothing runs. The plans write ceremony blocks as upper-case
 * section headings ("KHAI MẠC NGÀY HỘI") and times of day in sentence case ("Buổi chiều"), so only
 * a new upper-case section names what is coming; otherwise the kind does, or a neutral label.
 */
export function gapLabel(next: GapSegment, previous: GapSegment | null): Label {
  if (next.kind === 'opening') return { key: 'stage.gap.opening' };
  if (next.kind === 'closing') return { key: 'stage.gap.closing' };
  const section = next.section.trim();
  if (section !== '' && section !== previous?.section.trim() && isHeading(section)) {
    return { key: 'stage.gap.section', params: { section: sentenceCase(section) } };
  }
  return { key: previous === null ? 'stage.gap.start' : 'stage.gap.next' };
}

const isHeading = (s: string) => s === s.toLocaleUpperCase('vi') && s !== s.toLocaleLowerCase('vi');

function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** Time left until `countdownTo`; null when there is nothing to count down to. Never negative. */
export function gapRemainingMs(view: Pick<StageView, 'countdownTo'>, now: number): number | null {
  return view.countdownTo === null ? null : Math.max(0, view.countdownTo - now);
}

export const FLASH_MS = 5000;
export const FLASH_PERIOD_MS = 500;

/**
 * Whether a flashed message is in its bright half-period. Computed from the server clock, so every
 * screen blinks in step, and a screen that reconnects mid-flash joins in at the right phase.
 */
export function flashOn(flashAt: number | null, now: number): boolean {
  if (flashAt === null) return false;
  const since = now - flashAt;
  if (since < 0 || since >= FLASH_MS) return false;
  return Math.floor(since / (FLASH_PERIOD_MS / 2)) % 2 === 0;
}

export function isFlashing(flashAt: number | null, now: number): boolean {
  return flashAt !== null && now >= flashAt && now - flashAt < FLASH_MS;
}

/** The segment before `id` in its day's running order, for labelling what a gap leads into. */
export function previousInLine(order: readonly string[], id: string): string | null {
  const i = order.indexOf(id);
  return i > 0 ? (order[i - 1] ?? null) : null;
}
