import { beforeEach, describe, expect, it } from 'vitest';
import { initialShowState, receiveSnapshot, showStore } from '../../client/store/show.store.ts';
import type { Snapshot } from '../../shared/protocol.ts';

const snap = (version: number, over: Partial<Snapshot> = {}) => ({ stageId: 'main', version, programmeRevision: 1, ...over }) as Snapshot;

describe('show store', () => {
  beforeEach(() => showStore.setState(initialShowState()));
  it('keeps the newest snapshot when an older one arrives late', () => {
    receiveSnapshot(snap(5));
    receiveSnapshot(snap(4));
    expect(showStore.getState().snapshot?.version).toBe(5);
    receiveSnapshot(snap(6));
    expect(showStore.getState().snapshot?.version).toBe(6);
  });
  it('takes any snapshot of another stage it switched to', () => {
    receiveSnapshot(snap(9));
    receiveSnapshot(snap(2, { stageId: 'hall-b' }));
    expect(showStore.getState().snapshot).toMatchObject({ stageId: 'hall-b', version: 2 });
  });
});
