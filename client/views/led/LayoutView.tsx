import { LED_SHOW, resolveShow, type Layout } from '../../../shared/model/screen.schema.ts';
import { shapeOf } from '../../components/fit.ts';
import { AgendaLayout } from './layouts/AgendaLayout.tsx';
import { CountdownLayout } from './layouts/CountdownLayout.tsx';
import { HoldingLayout } from './layouts/HoldingLayout.tsx';
import { MessageLayout } from './layouts/MessageLayout.tsx';
import { NowNextLayout } from './layouts/NowNextLayout.tsx';
import { QrLayout } from './layouts/QrLayout.tsx';

type Props = { layout: Layout; width: number; height: number; now: number };

/** One layout filling a width×height box; the LED page and the technician's previews both use it. */
export function LayoutView({ layout, width, height, now }: Props) {
  const shape = shapeOf(width, height);
  return (
    <div className={`led-layout led-${layout.type} shape-${shape}`} data-layout={layout.type} data-shape={shape}>
      {body(layout, width, height, now)}
    </div>
  );
}

function body(layout: Layout, width: number, height: number, now: number) {
  // Secondary lines are capped in proportion to the screen, so they never outgrow the main one.
  const unit = Math.min(width, height);
  switch (layout.type) {
    case 'now-next':
      return <NowNextLayout now={now} unit={unit} show={resolveShow(layout.show, LED_SHOW)} />;
    case 'agenda':
      return <AgendaLayout now={now} width={width} height={height} />;
    case 'countdown':
      return <CountdownLayout now={now} segmentId={layout.segmentId} label={layout.label} unit={unit} />;
    case 'qr':
      return <QrLayout text={layout.text} url={layout.url} />;
    case 'message':
      return <MessageLayout text={layout.text} />;
    case 'holding':
      return <HoldingLayout unit={unit} />;
    case 'black':
      return null;
    default: {
      const never: never = layout;
      return never;
    }
  }
}
