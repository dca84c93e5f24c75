/**
 * Text fitting, kept free of the DOM so it can be tested: the caller says whether a size fits,
 * this finds the largest size that does (fitting is monotonic: a smaller font never overflows
 * where a larger one did not).
 */
export function fitFontSize(fits: (px: number) => boolean, minPx: number, maxPx: number, precisionPx = 0.5): number {
  if (maxPx <= minPx || !fits(minPx)) return minPx;
  if (fits(maxPx)) return maxPx;
  let lo = minPx;
  let hi = maxPx;
  // About a dozen layouts for a 4000 px range at half-pixel precision.
  while (hi - lo > precisionPx) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo * 2) / 2;
}

/**
 * Line height for fitted text: Vietnamese stacks a tone mark on a circumflex or breve (Ệ, Ở, Ữ),
 * which rises above the Latin cap height; 1.3 keeps two stacked lines from touching.
 */
export const FIT_LINE_HEIGHT = 1.3;

/** A key that changes only when the text's shape can: "12:34" and "09:59" fit alike. */
export const digitsKey = (text: string) => text.replace(/\d/g, '0');

export type Shape = 'strip' | 'landscape' | 'portrait';

/** Which arrangement suits a screen: strips (1920×480, 3840×1080) lay out side by side. */
export function shapeOf(width: number, height: number): Shape {
  if (height <= 0 || width <= 0) return 'landscape';
  const ratio = width / height;
  if (ratio >= 2.5) return 'strip';
  return ratio >= 1 ? 'landscape' : 'portrait';
}
