import type { Programme } from '../../../shared/model/programme.schema.ts';
import type { Layout } from '../../../shared/model/screen.schema.ts';

/** The stage a layout needs live state of; undefined means the first stage. */
export function stageOfLayout(layout: Layout, programme: Programme): string | undefined {
  switch (layout.type) {
    case 'now-next':
    case 'agenda':
      return layout.stageId;
    case 'countdown':
      return programme.segments.find((s) => s.id === layout.segmentId)?.stageId;
    case 'qr':
    case 'message':
    case 'holding':
    case 'black':
      return undefined;
    default: {
      const never: never = layout;
      return never;
    }
  }
}
