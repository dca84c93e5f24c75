import { useMemo } from 'react';
import type { Segment } from '../../../shared/model/programme.schema.ts';
import { useShow } from '../../store/hooks.ts';

/** The programme's segments by id (the snapshot names segments; their texts live in the programme). */
export function useSegmentIndex(): ReadonlyMap<string, Segment> {
  const segments = useShow((s) => s.programme?.programme.segments);
  return useMemo(() => new Map((segments ?? []).map((s) => [s.id, s])), [segments]);
}
