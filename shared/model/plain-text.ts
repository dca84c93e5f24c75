import type { Programme } from './programme.schema.ts';

/**
 * What people type for screens and files: any language, line breaks in notes, but none of the
 * characters that only break them. A NUL cuts C strings and some displays short, a lone CR starts a
 * new line in calendar and CSV readers that split on it, and text made only of zero-width
 * characters shows as an empty title or message on every screen.
 */
// C0 controls except tab and line feed, DEL and the C1 block.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_CR = /\r(?!\n)/;
// Whitespace and the characters that draw nothing: zero-width space/joiners, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g;

/** Why this text is refused, in plain words, or null when it is fine. */
export function textProblem(s: string): string | null {
  const c = CONTROL.exec(s);
  if (c) return `contains a control character (U+${(c[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) at position ${c.index + 1}`;
  if (LONE_CR.test(s)) return 'contains a carriage return that is not followed by a line feed';
  // Blank is the field's own business (required fields say so); blank that pretends to be text is not.
  if (s.replace(INVISIBLE, '').length === 0 && s.trim().length > 0) return 'holds only invisible characters';
  return null;
}

/** Every text field of a programme that reaches a screen, a calendar or a CSV, with its problem. */
export function programmeTextProblems(p: Programme): string[] {
  const problems: string[] = [];
  const check = (path: string, s: string) => {
    const why = textProblem(s);
    if (why) problems.push(`${path} ${why}`);
  };
  check('event.title', p.event.title);
  check('event.theme', p.event.theme);
  check('event.venue', p.event.venue);
  p.event.stages.forEach((s, i) => check(`event.stages.${i}.name`, s.name));
  p.event.days.forEach((d, i) => check(`event.days.${i}.label`, d.label));
  p.segments.forEach((s, i) => {
    for (const k of ['title', 'performer', 'section', 'notes'] as const) check(`segments.${i}.${k}`, s[k]);
  });
  return problems;
}
