import { beforeEach, describe, expect, it } from 'vitest';
import { initialShowState, receiveRunState, showStore } from '../../client/store/show.store.ts';
import type { Snapshot } from '../../shared/protocol.ts';

const snap = (version: number, over: Partial<Snapshot> = {}) => ({ stageId: 'main', version, programmeRevision: 1, ...over }) as Snapshot;

describe('show store', () => {
  beforeEach(() => showStore.setState(initialShowState()));
  it('keeps the newest snapshot when an older one arrives late', () => {
    receiveRunState(snap(5));
    receiveRunState(snap(4));
    expect(showStore.getState().runState?.version).toBe(5);
    receiveRunState(snap(6));
    expect(showStore.getState().runState?.version).toBe(6);
  });
  it('takes any snapshot of another stage it switched to', () => {
    receiveRunState(snap(9));
    receiveRunState(snap(2, { stageId: 'hall-b' }));
    expect(showStore.getState().runState).toMatchObject({ stageId: 'hall-b', version: 2 });
  });
});
