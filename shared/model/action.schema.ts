import { z } from 'zod';

const id = z.string().min(1).max(64);
const MAX_ADD_MS = 6 * 60 * 60 * 1000;

/**
 * A control command as a client sends it (without stage, version or clock: the transport adds those).
 * The names are imperatives; the log stores them as they were accepted.
 */
export const Command = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), segmentId: id.optional(), dayId: id.optional() }).strict(),
  z.object({ type: z.literal('next') }).strict(),
  z.object({ type: z.literal('previous') }).strict(),
  z.object({ type: z.literal('goto'), segmentId: id }).strict(),
  z.object({ type: z.literal('pause') }).strict(),
  z.object({ type: z.literal('resume') }).strict(),
  z
    .object({
      type: z.literal('add-time'),
      ms: z
        .number()
        .int()
        .refine((v) => v !== 0 && Math.abs(v) <= MAX_ADD_MS, `non-zero, at most ${MAX_ADD_MS} ms either way`),
    })
    .strict(),
  z.object({ type: z.literal('end') }).strict(),
  z.object({ type: z.literal('reset-day'), dayId: id.optional() }).strict(),
  z.object({ type: z.literal('message'), text: z.string().trim().min(1).max(280) }).strict(),
  z.object({ type: z.literal('message-hide') }).strict(),
  z.object({ type: z.literal('message-flash') }).strict(),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export const COMMAND_TYPES = Command.options.map((o): CommandType => o.shape.type.value);

/** One accepted action, as stored in the append-only log. */
export type LogEntry = {
  /** Per-stage version this action produced: 1, 2, 3… */
  version: number;
  stageId: string;
  /** Server clock, epoch ms. */
  at: number;
  command: Command;
  actor: string;
};
