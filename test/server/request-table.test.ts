import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../shared/model/action.schema.ts';
import { REQUEST_SCHEMAS } from '../../shared/protocol.ts';
import { createApp } from '../../server/app.ts';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import { requestTable } from '../../server/requests/requests.ts';
import { mayRequest } from '../../server/requests/table.ts';
import { ScreensService } from '../../server/screens/screens.service.ts';
import { screensRepository } from '../../server/screens/screens.repository.ts';
import { openDb } from '../../server/store/db.ts';

describe('the request table', () => {
  it('has one entry per socket request and per control command, each with a budget', async () => {
    const db = openDb(':memory:');
    const app = createApp({ db, seed: () => demoProgramme(null) });
    const table = requestTable({ show: app.show, screens: new ScreensService(screensRepository(db), Date.now), now: Date.now });
    const expected = [...Object.keys(REQUEST_SCHEMAS).filter((n) => n !== 'control'), ...COMMAND_TYPES.map((t) => `control:${t}`)];
    expect(Object.keys(table).sort()).toEqual(expected.sort());
    for (const e of Object.values(table)) expect(e.budget.perSecond * e.budget.burst).toBeGreaterThan(0);
    await app.close();
    db.close();
  });
});

describe('mayRequest: (role, stage scope, request roles, target stage) → verdict', () => {
  it('lets anyone read, and asks a login and a listed role for the rest', () => {
    expect(mayRequest(null, 'anyone', null)).toBe('ok');
    expect(mayRequest(null, ['admin'], null)).toBe('unauthorized');
    expect(mayRequest({ role: 'mc' }, ['admin', 'technician'], null)).toBe('forbidden');
    expect(mayRequest({ role: 'mc' }, ['admin', 'mc'], 'main')).toBe('ok');
  });

  it('keeps a principal limited to some stages to those stages', () => {
    const mcOfHall = { role: 'mc' as const, stages: ['hall'] };
    expect(mayRequest(mcOfHall, ['admin', 'mc'], 'hall')).toBe('ok');
    expect(mayRequest(mcOfHall, ['admin', 'mc'], 'main')).toBe('forbidden');
    // A request on no stage in particular (the screen list) is judged by the role alone.
    expect(mayRequest(mcOfHall, ['admin', 'mc'], null)).toBe('ok');
  });
});
