import { demoProgramme } from '../../server/demo/demo-programme.ts';
import { Programme } from '../../shared/model/programme.schema.ts';

export const STAGE_B = 'hall-b';
export const STAGE_B_NAME = 'Hội trường B';

/**
 * The demo programme (its stage `main`) and a second stage with three workshops on day 1, to run
 * both at once. `today`: shift the days to start then (as `npm start` does), so a console opens on a live day.
 */
export function twoStageProgramme(today: number | null = null): Programme {
  const demo = demoProgramme(today);
  const day = demo.event.days[0]?.id ?? 'd1';
  const workshops = ['Hội thảo: AI cho nông dân', 'Hội thảo: thương mại điện tử', 'Hội thảo: chữ ký số'].map((title, i) => ({
    id: `b-${i + 1}`,
    dayId: day,
    stageId: STAGE_B,
    plannedStart: i === 0 ? '09:00' : null,
    fixedStart: i === 0,
    durationMin: 30,
    title,
  }));
  return Programme.parse({
    ...demo,
    event: { ...demo.event, stages: [...demo.event.stages, { id: STAGE_B, name: STAGE_B_NAME }] },
    segments: [...demo.segments, ...workshops],
  });
}
