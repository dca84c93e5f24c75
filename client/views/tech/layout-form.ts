import type { Programme } from '../../../shared/model/programme.schema.ts';
import { Layout, LED_SHOW, type LayoutType, type ResolvedShow } from '../../../shared/model/screen.schema.ts';

/** The technician's choices in the assign panel, before they form a layout. */
export type LayoutForm = {
  type: LayoutType;
  stageId: string;
  segmentId: string;
  label: string;
  message: string;
  qrText: string;
  qrUrl: string;
  /** What a now/next wall shows besides title and next (defaults: a wall facing the hall). */
  show: ResolvedShow;
};

export const emptyForm = (): LayoutForm => ({ type: 'now-next', stageId: '', segmentId: '', label: '', message: '', qrText: '', qrUrl: '', show: { ...LED_SHOW } });

/** The layout the form describes, or null while a required field is missing. */
export function layoutFromForm(f: LayoutForm): Layout | null {
  const opt = (key: string, v: string) => (v.trim() ? { [key]: v.trim() } : {});
  const candidate = (() => {
    switch (f.type) {
      case 'now-next': {
        // Only what differs from the wall defaults travels, so a plain layout stays `{type}`.
        const show = Object.fromEntries(Object.entries(f.show).filter(([k, v]) => LED_SHOW[k as keyof ResolvedShow] !== v));
        return { type: f.type, ...opt('stageId', f.stageId), ...(Object.keys(show).length > 0 ? { show } : {}) };
      }
      case 'agenda':
        return { type: f.type, ...opt('stageId', f.stageId) };
      case 'countdown':
        return { type: f.type, segmentId: f.segmentId, ...opt('label', f.label) };
      case 'qr':
        return { type: f.type, ...opt('text', f.qrText), ...opt('url', f.qrUrl) };
      case 'message':
        return { type: f.type, text: f.message };
      case 'holding':
      case 'black':
        return { type: f.type };
      default: {
        const never: never = f.type;
        return never;
      }
    }
  })();
  const r = Layout.safeParse(candidate);
  return r.success ? r.data : null;
}

/** A short line saying what a screen shows, with its parameter: "Đếm ngược · Khai mạc". */
export function layoutDetail(layout: Layout, programme: Programme | null): string {
  switch (layout.type) {
    case 'countdown':
      return layout.label || programme?.segments.find((s) => s.id === layout.segmentId)?.title || layout.segmentId;
    case 'message':
      return layout.text;
    case 'qr':
      return layout.text ?? '';
    case 'now-next':
    case 'agenda':
      return layout.stageId ? (programme?.event.stages.find((s) => s.id === layout.stageId)?.name ?? layout.stageId) : '';
    case 'holding':
    case 'black':
      return '';
    default: {
      const never: never = layout;
      return never;
    }
  }
}
