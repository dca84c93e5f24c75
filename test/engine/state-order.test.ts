import { beforeEach, describe, expect, it } from 'vitest';
import { isOlderRunState } from '../../shared/state-order.ts';
import { withRunState } from '../../shared/agenda/data.ts';
import { initialShowState, receiveRunState, showStore } from '../../client/store/show.store.ts';
import type { RunState } from '../../shared/protocol.ts';
import { dataOf, twoDayProgramme } from '../client/agenda/helpers.ts';

const state = (version: number, programmeRevision: number): RunState =>
  ({ protocol: 1, stageId: 'main', version, programmeRevision, serverTime: 0, run: { dayId: null, cursorId: null, actuals: {}, message: null } }) as RunState;

describe('which run state is newer (one rule for the consoles and the agenda)', () => {
  it('a lower version of the same programme is older; an equal one is not', () => {
    expect(isOlderRunState(state(4, 1), state(5, 1))).toBe(true);
    expect(isOlderRunState(state(5, 1), state(5, 1))).toBe(false);
    expect(isOlderRunState(state(6, 1), state(5, 1))).toBe(false);
  });

  it('a programme edit sends the same version again under a newer revision: newer', () => {
    expect(isOlderRunState(state(5, 2), state(5, 1))).toBe(false);
    expect(isOlderRunState(state(5, 1), state(5, 2))).toBe(true);
  });

  it('a state of an older programme is older even with a higher version', () => {
    // The consoles' store took this one (its segments may be gone); the agenda refused it.
    expect(isOlderRunState(state(6, 1), state(5, 2))).toBe(true);
  });

  it('the consoles and the agenda keep the same state when it arrives late', () => {
    showStore.setState(initialShowState());
    receiveRunState(state(5, 2));
    receiveRunState(state(6, 1));
    expect(showStore.getState().runState).toMatchObject({ version: 5, programmeRevision: 2 });

    const base = dataOf(twoDayProgramme(), [], 0);
    const agenda = withRunState(withRunState(base, state(5, 2), 1), state(6, 1), 2);
    expect(agenda.runStates.main).toMatchObject({ version: 5, programmeRevision: 2 });
  });
});

describe('show store', () => {
  beforeEach(() => showStore.setState(initialShowState()));
  it('takes the newer state of a new programme revision at the same version', () => {
    receiveRunState(state(5, 1));
    receiveRunState(state(5, 2));
    expect(showStore.getState().runState).toMatchObject({ version: 5, programmeRevision: 2 });
  });
});
