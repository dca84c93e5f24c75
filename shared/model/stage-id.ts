import type { Stage } from './programme.schema.ts';

/** Longest stage id a slug produces (the schema allows 64; room is left for a "-2" suffix). */
const SLUG_MAX = 48;

/**
 * A readable id from a stage name: "Khu triển lãm" → "khu-trien-lam". Vietnamese diacritics fold
 * to their base letters (đ → d) so the id can be typed on any keyboard and read off a link.
 */
export function stageSlug(name: string): string {
  const s = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return s === '' ? 'san-khau' : s;
}

/** The slug of `name`, with "-2", "-3"… when another stage already has it. */
export function uniqueStageId(name: string, taken: ReadonlySet<string>): string {
  const base = stageSlug(name);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Lower case, no diacritics, single spaces: how a typed stage name is compared. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * The stage a link names (`?stage=`): by id first, then by name or id regardless of case, diacritics
 * and spacing ("khu trien lam", "Khu Triển Lãm"). Undefined when nothing matches.
 */
export function findStage<S extends Pick<Stage, 'id' | 'name'>>(stages: readonly S[], query: string): S | undefined {
  const exact = stages.find((s) => s.id === query);
  if (exact) return exact;
  const q = fold(query);
  if (q === '') return undefined;
  const slug = stageSlug(query);
  return stages.find((s) => fold(s.name) === q) ?? stages.find((s) => fold(s.id) === q || stageSlug(s.name) === slug);
}
