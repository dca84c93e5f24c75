/** Cell text as a plan document holds it, tidied without changing what it says. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function stripMarkup(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:i|b|em|strong|u|span|sup|sub|a|font|s)(?:\s[^>]*)?>/gi, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

/** One line: markup gone, spaces collapsed, no space before punctuation. */
export function tidy(text: string): string {
  return stripMarkup(text)
    .replace(/[\u00a0\t\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:!?)]|\.(?!\.))/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

const BULLET = /^[-+•*–]\s+/;
const INLINE_BULLET = /\s+[-+•–]\s+(?=\S)/;

const dropFinalStop = (s: string) => s.replace(/\s*[.;]+$/, '').trim();

/**
 * "- A. - B." (inline or one per line) → ["A", "B"]; a cell without a leading bullet is one item.
 * Only a cell that starts with a bullet is split, so "Covid-19" or "A - B" in plain prose stay whole.
 */
export function listItems(raw: string): string[] {
  const lines = stripMarkup(raw)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const first = lines[0] ?? '';
  if (!BULLET.test(first)) return [tidy(lines.join(' '))].filter((s) => s !== '');
  const items: string[] = [];
  for (const line of lines) {
    if (BULLET.test(line)) items.push(...tidy(line.replace(BULLET, '')).split(INLINE_BULLET));
    else if (items.length > 0) items.push(`${items.pop() ?? ''} ${tidy(line)}`);
    else items.push(tidy(line));
  }
  return items.map(dropFinalStop).filter((s) => s !== '');
}

/** Performer or title cell → one line; bullet items joined with "; ", final full stop dropped. */
export function cellLine(raw: string): string {
  return dropFinalStop(listItems(raw).join('; '));
}

/**
 * A title with an attached list ("Hội thảo chuyên đề (...), bao gồm: + A. + B + C.") keeps the
 * lead as the title and moves the list to the notes, so screens show a readable title.
 */
export function splitTitle(raw: string): { title: string; notes: string } {
  const flat = tidy(raw);
  const m = /^(.{3,}?)[,;]?\s+([^,;:()]{2,40}):\s*[-+•]\s+(.+)$/.exec(flat);
  if (!m || BULLET.test(flat)) return { title: cellLine(raw), notes: '' };
  const items = (m[3] ?? '').split(INLINE_BULLET).map(dropFinalStop).filter((s) => s !== '');
  const intro = (m[2] ?? '').trim();
  return {
    title: dropFinalStop(m[1] ?? ''),
    notes: `${intro.charAt(0).toUpperCase()}${intro.slice(1)}: ${items.join('; ')}.`,
  };
}
