import type { ProgrammePayload } from '../../shared/protocol.ts';

/**
 * What anyone may read: the programme without the MC's script. Notes stay with the crew (logged-in
 * sockets and requests); phones also download less over congested mobile data.
 */
export function publicProgramme(p: ProgrammePayload): ProgrammePayload {
  return { ...p, programme: { ...p.programme, segments: p.programme.segments.map((s) => ({ ...s, notes: '' })) } };
}
