import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { FIT_LINE_HEIGHT, fitFontSize } from './fit.ts';
import './fit-text.css';

type Props = {
  text: string;
  className?: string;
  /** Largest font size in px; by default the box's own height. */
  maxPx?: number;
  minPx?: number;
  /** Keep on one line (times, codes); otherwise wrap between words, never inside one. */
  nowrap?: boolean;
  /** Refit only when this changes (a ticking countdown keeps its size); default: the text. */
  fitKey?: string;
  align?: 'start' | 'center' | 'end';
  testId?: string;
};

type Member = { box: HTMLDivElement; inner: HTMLDivElement; minPx: number; maxPx: number | undefined };

/** The largest size at which `inner` stays inside `box`; null while the box has no size yet. */
function bestFit({ box, inner, minPx, maxPx }: Member): number | null {
  const w = box.clientWidth;
  const h = box.clientHeight;
  if (w === 0 || h === 0) return null;
  const fits = (px: number) => {
    inner.style.fontSize = `${px}px`;
    return inner.scrollWidth <= w && inner.scrollHeight <= h;
  };
  return fitFontSize(fits, minPx, Math.max(minPx, Math.min(maxPx ?? h, h)));
}

/** Fits and watches: refits when a box resizes or the bundled font finishes loading. */
function watch(boxes: readonly HTMLElement[], fit: () => void): () => void {
  fit();
  const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
  for (const b of boxes) ro?.observe(b);
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  fonts?.addEventListener?.('loadingdone', fit);
  void fonts?.ready?.then(fit);
  return () => {
    ro?.disconnect();
    fonts?.removeEventListener?.('loadingdone', fit);
  };
}

type Group = { add: (m: Member) => () => void };
const GroupContext = createContext<Group | null>(null);

/**
 * Every FitText inside shares one size: the largest at which all of them fit. A list (the LED
 * agenda) then reads as one page, and a long title or the highlighted row is never set smaller
 * than its neighbours. `fitKey` says when the members' texts or boxes may have changed.
 */
export function FitGroup({ fitKey, children }: { fitKey: string; children: ReactNode }) {
  // One set and one context value for the group's whole life (state, so render may read it).
  const [members] = useState(() => new Set<Member>());
  const [group] = useState<Group>(() => ({
    add: (m) => {
      members.add(m);
      return () => members.delete(m);
    },
  }));
  // Children register in their own layout effects, which run before this one.
  useLayoutEffect(() => {
    const list = [...members];
    const fit = () => {
      const sizes = list.map(bestFit).filter((s): s is number => s !== null);
      if (sizes.length === 0) return;
      const size = Math.min(...sizes);
      for (const m of list) m.inner.style.fontSize = `${size}px`;
    };
    return watch(
      list.map((m) => m.box),
      fit,
    );
  }, [fitKey, members]);
  return <GroupContext.Provider value={group}>{children}</GroupContext.Provider>;
}

/**
 * Text that fills its box as large as it can without overflowing: binary search on the font size
 * against the box, checked with scrollWidth/scrollHeight. Refits when the box resizes or the
 * bundled font finishes loading. Inside a FitGroup the group sets the size.
 */
export function FitText({ text, className = '', maxPx, minPx = 6, nowrap = false, fitKey, align = 'center', testId }: Props) {
  const group = useContext(GroupContext);
  const boxRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const key = fitKey ?? text;

  const fitNow = () => {
    const box = boxRef.current;
    const inner = innerRef.current;
    if (!box || !inner) return;
    const size = bestFit({ box, inner, minPx, maxPx });
    if (size !== null) inner.style.fontSize = `${size}px`;
  };
  const fitRef = useRef(fitNow);
  useLayoutEffect(() => {
    fitRef.current = fitNow;
  });

  useLayoutEffect(() => {
    const box = boxRef.current;
    const inner = innerRef.current;
    if (!box || !inner) return;
    if (group) return group.add({ box, inner, minPx, maxPx });
    return watch([box], () => fitRef.current());
  }, [key, maxPx, minPx, nowrap, group]);

  // Same key, new text (a ticking countdown): one measurement, and a refit only if it no longer fits.
  useLayoutEffect(() => {
    const box = boxRef.current;
    const inner = innerRef.current;
    if (!box || !inner || group) return;
    if (inner.scrollWidth > box.clientWidth || inner.scrollHeight > box.clientHeight) fitRef.current();
  }, [text, group]);

  return (
    <div ref={boxRef} className={`fit fit-${align} ${className}`} data-testid={testId}>
      <div
        ref={innerRef}
        className="fit-inner"
        data-fit-text=""
        style={{ lineHeight: FIT_LINE_HEIGHT, whiteSpace: nowrap ? 'pre' : 'pre-line' }}
      >
        {text}
      </div>
    </div>
  );
}
