import { describe, expect, it } from 'vitest';
import { addSegment, duplicateSegment, lineSegments, moveBefore, moveSegment, positionOf, removeSegment, updateSegment } from '../../../client/views/edit/editing.ts';
import { runSheetPages } from '../../../client/views/edit/runsheet.ts';
import { lineIssues, normaliseTime, segmentFieldProblems, eventProblems } from '../../../client/views/edit/validate.ts';
import { Programme } from '../../../shared/model/programme.schema.ts';
import { resolvePlan } from '../../../shared/engine/plan.ts';
import { makeProgramme } from '../../support/factories.ts';

const base = () =>
  makeProgramme([
    ['17:00', 15, { title: 'A', section: 'KHAI MẠC' }],
    [null, 5, { title: 'B', section: 'KHAI MẠC' }],
    [null, 10, { title: 'C' }],
    ['08:00', 30, { title: 'D2', dayId: 'd2' }],
  ]);
const titles = (p: Programme, day = 'd1') => lineSegments(p, day, 'main').map((s) => s.title);

describe('editing helpers', () => {
  it('moves within its own day and stage only, by keyboard steps or by a drop', () => {
    const p = base();
    expect(titles(moveSegment(p, 's1', 1))).toEqual(['B', 'A', 'C']);
    expect(titles(moveSegment(p, 's3', -2))).toEqual(['C', 'A', 'B']);
    expect(moveSegment(p, 's1', -1)).toBe(p);
    expect(titles(moveSegment(p, 's3', 1))).toEqual(['A', 'B', 'C']);
    expect(titles(moveBefore(p, 's3', 's1', 'd1', 'main'))).toEqual(['C', 'A', 'B']);
    expect(titles(moveBefore(p, 's1', null, 'd1', 'main'))).toEqual(['B', 'C', 'A']);
    expect(titles(moveSegment(p, 's1', 2), 'd2')).toEqual(['D2']);
    expect(positionOf(moveSegment(p, 's1', 2), 's1')).toBe(3);
    // The result is still a valid programme.
    expect(() => Programme.parse(moveSegment(p, 's2', 1))).not.toThrow();
  });

  it('adds after a segment with its section, duplicates with a fresh id, removes, updates', () => {
    const p = base();
    const { programme: added, id } = addSegment(p, 'd1', 'main', 'Tiết mục mới', 's1');
    expect(titles(added)).toEqual(['A', 'Tiết mục mới', 'B', 'C']);
    expect(added.segments.find((s) => s.id === id)).toMatchObject({ section: 'KHAI MẠC', durationMin: 10, plannedStart: null });
    const dup = duplicateSegment(p, 's2');
    expect(dup.id).not.toBe('s2');
    expect(titles(dup.programme)).toEqual(['A', 'B', 'B', 'C']);
    expect(() => Programme.parse(dup.programme)).not.toThrow();
    expect(titles(removeSegment(p, 's2'))).toEqual(['A', 'C']);
    expect(updateSegment(p, 's3', { durationMin: 25 }).segments[2]?.durationMin).toBe(25);
  });
});

describe('validation', () => {
  it('reads times the way people type them and rejects the rest', () => {
    expect(normaliseTime('8:30')).toBe('08:30');
    expect(normaliseTime('8h30')).toBe('08:30');
    expect(normaliseTime('0830')).toBe('08:30');
    expect(normaliseTime('17')).toBe('17:00');
    expect(normaliseTime('')).toBeNull();
    expect(normaliseTime('25:00')).toBeUndefined();
    expect(normaliseTime('sáng')).toBeUndefined();
  });

  it('names empty titles, zero durations and a fixed time without a start', () => {
    expect(segmentFieldProblems({ title: ' ', durationMin: 0, fixedStart: true, plannedStart: null })).toEqual({
      title: { key: 'edit.invalid.title_empty' },
      durationMin: { key: 'edit.invalid.duration' },
      fixedStart: { key: 'edit.invalid.fixed_needs_start' },
    });
    expect(segmentFieldProblems({ title: 'A', durationMin: 5, fixedStart: false, plannedStart: null })).toEqual({});
  });

  it('flags duplicate and invalid day dates and an empty event title', () => {
    const p = base();
    const e = { ...p.event, title: '', days: [p.event.days[0]!, { ...p.event.days[1]!, date: p.event.days[0]!.date }, { id: 'd3', date: '2025-13-01', label: '' }] };
    expect(eventProblems(e).map((x) => [x.field, x.problem.key])).toEqual([
      ['title', 'edit.invalid.event_title'],
      ['days.1.date', 'edit.invalid.date_duplicate'],
      ['days.2.date', 'edit.invalid.date'],
    ]);
  });

  it('lists overlaps and unreachable fixed times of the line as message keys', () => {
    const p = makeProgramme([
      ['17:00', 30, { title: 'Ca nhạc' }],
      ['17:20', 10, { title: 'Phát biểu' }],
    ]);
    expect(lineIssues(p, 'd1', 'main')).toEqual([
      { segmentId: 's2', title: 'Phát biểu', severity: 'warning', problem: { key: 'warning.fixed_unreachable', params: { start: '17:20', prevEnd: '17:30' } } },
    ]);
  });
});

describe('run sheet', () => {
  it('one page per day and stage, section lines, printed ranges and projected times', () => {
    const p = base();
    const pages = runSheetPages(p, resolvePlan(p));
    expect(pages.map((pg) => pg.date)).toEqual(['2025-07-11', '2025-07-12']);
    expect(pages[0]?.rows.map((r) => (r.kind === 'section' ? `[${r.title}]` : `${r.time} ${r.title}`))).toEqual([
      '[KHAI MẠC]',
      '17:00 A',
      '17:15 B',
      '17:20 C',
    ]);
    expect(pages[0]?.rows.filter((r) => r.kind === 'segment').map((r) => r.kind === 'segment' && r.projected)).toEqual([false, true, true]);
  });
});
