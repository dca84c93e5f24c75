import { z } from 'zod';
import { textProblem } from './plain-text.ts';

const ref = z.string().min(1).max(64);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((s, ctx) => {
      const why = textProblem(s);
      if (why) ctx.addIssue({ code: 'custom', message: `the text ${why}` });
    });

/**
 * What a now/next screen may show besides the title and "next". Omitted means the default of a
 * screen facing the hall (DEFAULT_SHOW): the countdown yes, the speaker's overtime never.
 */
export const ShowOptions = z
  .object({ countdown: z.boolean(), overtime: z.boolean(), clock: z.boolean(), logo: z.boolean() })
  .partial()
  .strict();
export type ShowOptions = z.infer<typeof ShowOptions>;
export type ResolvedShow = Required<ShowOptions>;
/** An LED wall faces the audience: no red "+01:05" unless the technician asks for it. */
export const LED_SHOW: ResolvedShow = { countdown: true, overtime: false, clock: false, logo: false };
/** The stage timer faces the speaker: everything. */
export const STAGE_SHOW: ResolvedShow = { countdown: true, overtime: true, clock: true, logo: false };
export const resolveShow = (given: ShowOptions | undefined, defaults: ResolvedShow): ResolvedShow => ({ ...defaults, ...given });

/** What an LED screen shows. Parameters travel with the layout so one assignment says it all. */
export const Layout = z.discriminatedUnion('type', [
  z.object({ type: z.literal('now-next'), stageId: ref.optional(), show: ShowOptions.optional() }).strict(),
  z.object({ type: z.literal('agenda'), stageId: ref.optional() }).strict(),
  z.object({ type: z.literal('countdown'), segmentId: ref, label: text(200).optional() }).strict(),
  z.object({ type: z.literal('qr'), text: text(300).optional(), url: z.string().max(500).optional() }).strict(),
  z.object({ type: z.literal('message'), text: text(1000).min(1) }).strict(),
  z.object({ type: z.literal('holding') }).strict(),
  z.object({ type: z.literal('black') }).strict(),
]);
export type Layout = z.infer<typeof Layout>;
export type LayoutType = Layout['type'];
export const LAYOUT_TYPES: LayoutType[] = ['now-next', 'agenda', 'countdown', 'qr', 'message', 'holding', 'black'];

export const DEFAULT_LAYOUT: Layout = { type: 'now-next' };

/** Server-made id: short, unambiguous, easy to read off a wall from the control desk. */
export const ScreenId = z.string().regex(/^[A-HJ-NP-Z2-9]{4,8}$/, 'a screen code');
export const ScreenName = z.string().trim().min(1).max(60);

/** A screen as the technician sees it. */
export type ScreenInfo = {
  id: string;
  /** Empty until the technician names it (or the URL did). */
  name: string;
  width: number;
  height: number;
  layout: Layout;
  connected: boolean;
  /** Epoch ms of the last register or disconnect. */
  lastSeenAt: number;
};

// Incoming payloads.
const size = { width: z.number().int().min(1).max(16384), height: z.number().int().min(1).max(16384) };
/** The secret a screen got when the technician added it; only its hash is stored. */
export const ScreenKey = z.string().min(20).max(100);
/** A screen the technician added comes back with its id and key (kept by the player). */
export const RegisterRequest = z.object({ screenId: ScreenId, key: ScreenKey, ...size }).strict();
export type RegisterRequest = z.infer<typeof RegisterRequest>;
/** A new player asks for a pairing code to show on its wall. */
export const PairRequest = z.object(size).strict();
/** The technician adds the screen showing this code, under this name. */
export const ConfirmRequest = z.object({ code: ScreenId, name: ScreenName }).strict();
/** What a paired player keeps: sent once, to the socket that showed the code. */
export type ScreenPairing = { screenId: string; key: string };

/** `all` targets every screen that ever registered. */
export const ScreenTargets = z.union([z.literal('all'), z.array(ScreenId).min(1).max(200)]);

export const AssignRequest = z.object({ screens: ScreenTargets, layout: Layout }).strict();
/** Brings blacked-out screens back to what they showed before. */
export const RestoreRequest = z.object({ screens: ScreenTargets }).strict();
export const RenameRequest = z.object({ screenId: ScreenId, name: ScreenName }).strict();
export const ScreenRef = z.object({ screenId: ScreenId }).strict();
