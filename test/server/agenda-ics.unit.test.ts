import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { agendaDataFrom } from '../../shared/agenda/data.ts';
import { resolvePlan } from '../../shared/engine/plan.ts';
import { Programme } from '../../shared/model/programme.schema.ts';
import type { ProgrammePayload } from '../../shared/protocol.ts';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import { fold, renderIcs, text } from '../../server/agenda/ics.ts';
import { makeProgramme } from '../support/factories.ts';

const payload = (p: Programme): ProgrammePayload => ({ revision: 1, programme: p, plan: resolvePlan(p), warnings: [] });
const NOW = Date.UTC(2025, 6, 1, 0, 0, 0);

/** Parsed by ical.js, with the calendar's own VTIMEZONE registered so TZID times resolve through it. */
function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal;
}

describe('agenda.ics', () => {
  it('holds every timed segment of the Khánh Hòa plan at its Vietnamese wall-clock time, and parses back', () => {
    const p = demoProgramme(null);
    const ics = renderIcs(agendaDataFrom(payload(p), [], NOW), { now: NOW, uidDomain: 'test' });
    const cal = parse(ics);
    const tz = cal.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Asia/Ho_Chi_Minh');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(p.segments.length);
    const opening = events.find((e) => e.summary === 'Ca nhạc, chào mừng Ngày Hội');
    expect(opening).toBeDefined();
    // 17:00 in Vietnam is 10:00 UTC, read back through the VTIMEZONE.
    expect(opening!.startDate.toString()).toBe('2025-07-11T17:00:00');
    expect(opening!.startDate.zone?.tzid).toBe('Asia/Ho_Chi_Minh');
    expect(opening!.startDate.toUnixTime()).toBe(Date.UTC(2025, 6, 11, 10, 0) / 1000);
    expect(opening!.endDate.toString()).toBe('2025-07-11T17:15:00');
    // A row printed without a time follows the one before it.
    const publicQuiz = events.find((e) => e.uid.startsWith('d1-public-quiz.'));
    expect(publicQuiz?.startDate.toString()).toBe('2025-07-11T20:00:00');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  });

  it('lists one stage only when asked, and escapes commas, semicolons and new lines', () => {
    const p = makeProgramme([['09:00', 30, { title: 'Talk; part 1, intro', stageId: 'hall' }], ['09:00', 20]], {
      event: {
        title: 'Two stages',
        timeZone: 'Asia/Ho_Chi_Minh',
        days: [{ id: 'd1', date: '2025-07-11' }],
        stages: [
          { id: 'main', name: 'Main' },
          { id: 'hall', name: 'Hall B' },
        ],
      },
    });
    const ics = renderIcs(agendaDataFrom(payload(p), [], NOW), { stageId: 'hall', now: NOW, uidDomain: 'test' });
    const events = parse(ics).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Talk; part 1, intro']);
    expect(events[0]!.location).toBe('Hall B');
    expect(ics).toContain('SUMMARY:Talk\\; part 1\\, intro');
  });

  it('writes UTC times for a zone with daylight saving rather than a wrong VTIMEZONE', () => {
    const p = makeProgramme([['09:00', 30]], {
      event: { title: 'Berlin', timeZone: 'Europe/Berlin', days: [{ id: 'd1', date: '2025-07-11' }], stages: [{ id: 'main', name: 'Main' }] },
    });
    const ics = renderIcs(agendaDataFrom(payload(p), [], NOW), { now: NOW, uidDomain: 'test' });
    expect(ics).not.toContain('BEGIN:VTIMEZONE');
    const ev = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toUnixTime()).toBe(Date.UTC(2025, 6, 11, 7, 0) / 1000);
  });

  it('folds long lines without splitting a Vietnamese character', () => {
    const line = `SUMMARY:${'Rung chuông vàng '.repeat(10)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(parts.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(text('a\\b\nc')).toBe('a\\\\b\\nc');
  });
});
