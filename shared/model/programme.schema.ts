import { z } from 'zod';

export const SEGMENT_KINDS = [
  'opening',
  'performance',
  'speech',
  'ceremony',
  'quiz',
  'skit',
  'award',
  'tour',
  'workshop',
  'break',
  'closing',
  'other',
] as const;
export const SegmentKind = z.enum(SEGMENT_KINDS);
export type SegmentKind = z.infer<typeof SegmentKind>;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');

/** Wall-clock time of day in the event's time zone, 24 h. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
export type TimeOfDay = z.infer<typeof TimeOfDay>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const Stage = z.object({
  id,
  name: z.string().min(1).max(120),
  /** Where this stage is ("Trung tâm Hội nghị tỉnh"); the event keeps its own address in `venue`. */
  venue: z.string().max(300).default(''),
});
export type Stage = z.infer<typeof Stage>;

export const Day = z.object({
  id,
  date: IsoDate,
  label: z.string().max(120).default(''),
});
export type Day = z.infer<typeof Day>;

export const Event = z.object({
  title: z.string().min(1).max(300),
  theme: z.string().max(500).default(''),
  venue: z.string().max(300).default(''),
  timeZone: z
    .string()
    .min(1)
    .refine(isKnownTimeZone, 'unknown IANA time zone')
    .default('Asia/Ho_Chi_Minh'),
  logoUrl: z.string().max(2000).default(''),
  days: z.array(Day).min(1).max(31),
  stages: z.array(Stage).min(1).max(20),
});
export type Event = z.infer<typeof Event>;

export const DEFAULT_WARNING_SEC = 120;
/** Red for the last half minute: a speaker glancing at yellow "00:05" does not read it as "stop now". */
export const DEFAULT_DANGER_SEC = 30;

export const Segment = z.object({
  id,
  dayId: id,
  stageId: id,
  /** Printed start; null when the row only follows the one before it. */
  plannedStart: TimeOfDay.nullable().default(null),
  /** Printed end, kept as the document wrote it so contradictions stay visible. */
  plannedEnd: TimeOfDay.nullable().default(null),
  /** A fixed-time segment never starts before its printed start in the projection. */
  fixedStart: z.boolean().default(false),
  durationMin: z.number().positive().max(24 * 60),
  title: z.string().min(1).max(500),
  performer: z.string().max(500).default(''),
  kind: SegmentKind.default('other'),
  section: z.string().max(200).default(''),
  notes: z.string().max(5000).default(''),
  warningSec: z.number().int().min(0).max(3600).default(DEFAULT_WARNING_SEC),
  dangerSec: z.number().int().min(0).max(3600).default(DEFAULT_DANGER_SEC),
});
export type Segment = z.infer<typeof Segment>;
export type SegmentInput = z.input<typeof Segment>;

/** The editable programme. Segment order inside a (day, stage) is the array order. */
export const Programme = z
  .object({
    event: Event,
    segments: z.array(Segment).max(2000),
  })
  .superRefine((p, ctx) => {
    const days = new Set(p.event.days.map((d) => d.id));
    const stages = new Set(p.event.stages.map((s) => s.id));
    const seen = new Set<string>();
    if (days.size !== p.event.days.length) ctx.addIssue({ code: 'custom', message: 'duplicate day id', path: ['event', 'days'] });
    if (stages.size !== p.event.stages.length)
      ctx.addIssue({ code: 'custom', message: 'duplicate stage id', path: ['event', 'stages'] });
    p.segments.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate segment id ${s.id}`, path: ['segments', i, 'id'] });
      seen.add(s.id);
      if (!days.has(s.dayId)) ctx.addIssue({ code: 'custom', message: `unknown day ${s.dayId}`, path: ['segments', i, 'dayId'] });
      if (!stages.has(s.stageId))
        ctx.addIssue({ code: 'custom', message: `unknown stage ${s.stageId}`, path: ['segments', i, 'stageId'] });
      if (s.fixedStart && s.plannedStart === null)
        ctx.addIssue({ code: 'custom', message: 'a fixed-time segment needs a planned start', path: ['segments', i, 'fixedStart'] });
    });
  });
export type Programme = z.infer<typeof Programme>;
export type ProgrammeInput = z.input<typeof Programme>;

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
