import { z } from 'zod';
import { Programme } from '../model/programme.schema.ts';

export const EXPORT_FORMAT = 'run-of-show/programme';
export const EXPORT_VERSION = 1;

/** Our own export: the programme as stored, with a marker so any other JSON is told apart. */
export const ProgrammeExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string().optional(),
  programme: Programme,
});
export type ProgrammeExport = z.infer<typeof ProgrammeExport>;

export function toExport(p: Programme, exportedAt: string): ProgrammeExport {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, programme: p };
}

export type JsonRead = { ok: true; programme: Programme } | { ok: false; message: string };

/** Accepts our export or a bare programme object. */
export function readProgrammeJson(text: string): JsonRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : 'invalid JSON' };
  }
  const wrapped = ProgrammeExport.safeParse(data);
  if (wrapped.success) return { ok: true, programme: wrapped.data.programme };
  const bare = Programme.safeParse(data);
  if (bare.success) return { ok: true, programme: bare.data };
  const issues = (typeof data === 'object' && data !== null && 'programme' in data ? wrapped : bare).error?.issues ?? [];
  return { ok: false, message: issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
}
