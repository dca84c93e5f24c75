import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stage } from '../../shared/model/programme.schema.ts';
import { findStage, stageSlug, uniqueStageId } from '../../shared/model/stage-id.ts';
import { resolveShow, LED_SHOW, STAGE_SHOW } from '../../shared/model/screen.schema.ts';

const stages = [
  { id: 'main', name: 'Sân khấu chính' },
  { id: 'khu-trien-lam', name: 'Khu triển lãm' },
  { id: 'hoi-truong', name: 'Hội trường Đông' },
];

describe('stage ids from names', () => {
  it('fold Vietnamese diacritics and đ, lower case, dashes between words', () => {
    expect(stageSlug('Khu triển lãm')).toBe('khu-trien-lam');
    expect(stageSlug('Đường Măng Đen – sân khấu 2')).toBe('duong-mang-den-san-khau-2');
    expect(stageSlug('  Hội trường (tầng 3)!  ')).toBe('hoi-truong-tang-3');
    expect(stageSlug('!!!')).toBe('san-khau');
  });
  it('a taken id gets -2, -3…', () => {
    expect(uniqueStageId('Khu triển lãm', new Set(['khu-trien-lam']))).toBe('khu-trien-lam-2');
    expect(uniqueStageId('Khu triển lãm', new Set(['khu-trien-lam', 'khu-trien-lam-2']))).toBe('khu-trien-lam-3');
  });
  it('any name gives an id the schema accepts, unique among those taken', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 10 }), (name, others) => {
        const taken = new Set(others.map(stageSlug));
        const id = uniqueStageId(name, taken);
        expect(taken.has(id)).toBe(false);
        expect(Stage.safeParse({ id, name: 'x' }).success).toBe(true);
        expect(stageSlug(id)).toBe(id);
      }),
    );
  });
});

describe('finding a stage from a link', () => {
  it('by id, by name regardless of case, diacritics and spacing, or not at all', () => {
    expect(findStage(stages, 'khu-trien-lam')?.id).toBe('khu-trien-lam');
    expect(findStage(stages, 'Khu triển lãm')?.id).toBe('khu-trien-lam');
    expect(findStage(stages, 'KHU  TRIEN LAM')?.id).toBe('khu-trien-lam');
    expect(findStage(stages, 'hoi truong dong')?.id).toBe('hoi-truong');
    expect(findStage(stages, 'MAIN')?.id).toBe('main');
    expect(findStage(stages, 'stage')).toBeUndefined();
    expect(findStage(stages, '   ')).toBeUndefined();
  });
  it('an id wins over another stage whose name folds to it', () => {
    const tricky = [{ id: 'a', name: 'b' }, { id: 'b', name: 'c' }];
    expect(findStage(tricky, 'b')?.id).toBe('b');
  });
  it('every stage is found by its id and by its name however it is typed', () => {
    const accents = fc.constantFrom('à', 'ả', 'ã', 'á', 'ạ', 'ê', 'ộ', 'ư', 'đ', 'Đ', ' ', 'a', 'B', '1');
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(accents, { minLength: 1, maxLength: 12 }).map((c) => c.join('')), { minLength: 1, maxLength: 6, selector: stageSlug }), (names) => {
        const list = names.filter((n) => n.trim() !== '').reduce<{ id: string; name: string }[]>((acc, name) => [...acc, { id: uniqueStageId(name, new Set(acc.map((s) => s.id))), name }], []);
        for (const s of list) {
          expect(findStage(list, s.id)?.id).toBe(s.id);
          // Names are distinct after folding (the selector), so the typed name finds its own stage.
          expect(findStage(list, s.name.toUpperCase())?.id).toBe(s.id);
          expect(findStage(list, s.name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))?.id).toBe(s.id);
        }
      }),
    );
  });
});

describe('what a screen shows', () => {
  it('an LED hides overtime by default, the stage timer shows it; set options win', () => {
    expect(resolveShow(undefined, LED_SHOW).overtime).toBe(false);
    expect(resolveShow(undefined, STAGE_SHOW).overtime).toBe(true);
    expect(resolveShow({ overtime: true, logo: true }, LED_SHOW)).toEqual({ countdown: true, overtime: true, clock: false, logo: true });
  });
});
