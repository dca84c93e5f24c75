import { useLayoutEffect, useRef } from 'react';
import { FIT_LINE_HEIGHT, fitFontSize } from './fit.ts';

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

/**
 * Text that fills its box as large as it can without overflowing: binary search on the font size
 * against the box, checked with scrollWidth/scrollHeight. Refits when the box resizes or the
 * bundled font finishes loading.
 */
export function FitText({ text, className = '', maxPx, minPx = 6, nowrap = false, fitKey, align = 'center', testId }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const key = fitKey ?? text;

  const fitNow = () => {
    const box = boxRef.current;
    const inner = innerRef.current;
    if (!box || !inner) return;
    const w = box.clientWidth;
    const h = box.clientHeight;
    if (w === 0 || h === 0) return;
    const fits = (px: number) => {
      inner.style.fontSize = `${px}px`;
      return inner.scrollWidth <= w && inner.scrollHeight <= h;
    };
    inner.style.fontSize = `${fitFontSize(fits, minPx, Math.max(minPx, Math.min(maxPx ?? h, h)))}px`;
  };
  const fitRef = useRef(fitNow);
  useLayoutEffect(() => {
    fitRef.current = fitNow;
  });

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const fit = () => fitRef.current();
    fit();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    ro?.observe(box);
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    fonts?.addEventListener?.('loadingdone', fit);
    void fonts?.ready?.then(fit);
    return () => {
      ro?.disconnect();
      fonts?.removeEventListener?.('loadingdone', fit);
    };
  }, [key, maxPx, minPx, nowrap]);

  // Same key, new text (a ticking countdown): one measurement, and a refit only if it no longer fits.
  useLayoutEffect(() => {
    const box = boxRef.current;
    const inner = innerRef.current;
    if (!box || !inner) return;
    if (inner.scrollWidth > box.clientWidth || inner.scrollHeight > box.clientHeight) fitRef.current();
  }, [text]);

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
