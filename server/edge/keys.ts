import type { RedisClientType } from 'redis';
import type { ProgrammePayload, RunState } from '../../shared/protocol.ts';

/** Where the primary keeps the audience's copy in Redis, so an edge or a phone never asks the primary. */
export const KEYS = {
  /** The public programme payload (no MC notes), JSON. */
  programme: 'ros:programme',
  /** Hash: stage id → that stage's latest run state, JSON. */
  stages: 'ros:stages',
} as const;

/** Server-side events the primary sends the edges through the adapter (see publish.ts). */
export const EDGE_EVENTS = { programme: 'ros:programme', state: 'ros:state' } as const;

/**
 * The adapter's stream. Each action adds two entries (the run feed and the snapshot feed) of a few
 * kB; an edge that lost Redis resumes from its last entry, and anything older than the trimmed
 * window it takes from the keys above. 1,000 entries cover 500 actions (hours of a show, or
 * minutes of a very busy one) in a few MB of Redis memory. Reasoning in docs/BENCHMARKS.md (issue 14).
 */
export const ADAPTER_OPTIONS = { streamName: 'ros:live', channelPrefix: 'ros', maxLen: 1000, onlyPlaintext: true } as const;

export type AudienceCopy = { programme: ProgrammePayload | null; states: RunState[] };

/** What the primary last wrote; anything unparsable is skipped (the primary writes it again on its next change). */
export async function readCopy(client: RedisClientType): Promise<AudienceCopy> {
  const [programme, stages] = await Promise.all([client.get(KEYS.programme), client.hGetAll(KEYS.stages)]);
  return {
    programme: programme ? (parseOrNull(programme) as ProgrammePayload | null) : null,
    states: Object.values(stages ?? {}).flatMap((v) => {
      const s = parseOrNull(v) as RunState | null;
      return s && typeof s.stageId === 'string' && typeof s.version === 'number' ? [s] : [];
    }),
  };
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
