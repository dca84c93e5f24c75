/**
 * jsdom has no layout engine. This gives FitText's boxes a size and its text a width and height
 * from a simple model (each character 0.55 em wide, greedy word wrap, line height from the
 * element's style), so the real component's fitting can be tested.
 */
export const box = { w: 800, h: 200 };
const CHAR_EM = 0.55;

export function textModel(text: string, fontPx: number, width: number, lineHeight: number, nowrap: boolean) {
  const charW = CHAR_EM * fontPx;
  const paragraphs = text.split('\n');
  let longest = 0;
  let lines = 0;
  for (const p of paragraphs) {
    if (nowrap) {
      longest = Math.max(longest, p.length * charW);
      lines += 1;
      continue;
    }
    let line = 0;
    lines += 1;
    for (const word of p.split(/\s+/).filter(Boolean)) {
      const w = word.length * charW;
      longest = Math.max(longest, w);
      const next = line === 0 ? w : line + charW + w;
      if (next > width && line > 0) {
        lines += 1;
        line = w;
      } else line = next;
    }
  }
  return { width: Math.max(width, longest), height: lines * lineHeight * fontPx };
}

export function fitsModel(el: HTMLElement): boolean {
  const m = measureInner(el);
  return m.width <= box.w && m.height <= box.h;
}

function measureInner(el: HTMLElement) {
  const fs = parseFloat(el.style.fontSize) || 16;
  const lh = parseFloat(el.style.lineHeight) || 1.2;
  return textModel(el.textContent ?? '', fs, box.w, lh, el.style.whiteSpace === 'pre');
}

const props = ['clientWidth', 'clientHeight', 'scrollWidth', 'scrollHeight'] as const;
const saved = new Map<string, PropertyDescriptor | undefined>();

export function installLayoutModel(): void {
  for (const p of props) saved.set(p, Object.getOwnPropertyDescriptor(HTMLElement.prototype, p));
  const isBox = (el: HTMLElement) => el.classList.contains('fit');
  const isInner = (el: HTMLElement) => el.classList.contains('fit-inner');
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return isBox(this) || isInner(this) ? box.w : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isBox(this) ? box.h : isInner(this) ? measureInner(this).height : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return isInner(this) ? measureInner(this).width : isBox(this) ? box.w : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isInner(this) ? measureInner(this).height : isBox(this) ? box.h : 0;
    },
  });
}

export function removeLayoutModel(): void {
  for (const p of props) {
    const d = saved.get(p);
    if (d) Object.defineProperty(HTMLElement.prototype, p, d);
    else Reflect.deleteProperty(HTMLElement.prototype, p);
  }
}

export const fontPx = (el: HTMLElement) => parseFloat(el.style.fontSize);
