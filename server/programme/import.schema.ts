import { z } from 'zod';

export const IMPORT_LIMIT = '10mb';

/**
 * POST /api/v1/programme/import[?dryRun=1], JSON body. Text formats come as `text`; files
 * (.docx, .xlsx, or any text file) as `base64`. `mode` decides what an import does to the days it
 * touches: replace them on the stage, append after them, or replace the whole programme.
 */
export const ImportRequest = z
  .object({
    format: z.enum(['auto', 'tsv', 'csv', 'lines', 'json', 'docx', 'xlsx']).default('auto'),
    text: z.string().max(5_000_000).optional(),
    base64: z.string().max(14_000_000).optional(),
    filename: z.string().max(300).optional(),
    mode: z.enum(['replace-day', 'append', 'replace-all']).default('replace-day'),
    dayId: z.string().min(1).max(64).optional(),
    stageId: z.string().min(1).max(64).optional(),
    expectedRevision: z.number().int().min(0).optional(),
    /** Lines whose worded time ("sau phần phát biểu") the organiser confirmed as "follows the row before". */
    followLines: z.array(z.number().int().min(1)).max(1000).optional(),
  })
  .strict()
  .refine((r) => (r.text === undefined) !== (r.base64 === undefined), 'send exactly one of text or base64');
export type ImportRequest = z.infer<typeof ImportRequest>;

/** `renamedStages`: stage ids this edit changes (old → new), so screens showing them follow. */
export const ReplaceRequest = z
  .object({
    programme: z.unknown(),
    expectedRevision: z.number().int().min(0).optional(),
    renamedStages: z.record(z.string().min(1).max(64), z.string().min(1).max(64)).optional(),
  })
  .strict();
