import type { z } from 'zod';
import type { CommandType } from '../../shared/model/action.schema.ts';
import type { Replies, WireRequest } from '../../shared/protocol.ts';
import type { ScreensService } from '../screens/screens.service.ts';
import { screenRequests } from './screens.requests.ts';
import type { ShowService } from '../show/show.service.ts';
import { controlRequests } from './control.requests.ts';
import { readRequests } from './read.requests.ts';
import type { Entry } from './table.ts';

/** Every request, by name: one per socket event, and one per control command. */
export type RequestName = Exclude<WireRequest, 'control'> | `control:${CommandType}`;
/** The socket event a request arrives on. */
export type WireOf<N extends RequestName> = N extends `control:${string}` ? 'control' : N;

/** The whole table: a request without an entry, or an entry answering the wrong type, does not compile. */
export type RequestTable = { [N in RequestName]: Entry<z.ZodType, Replies[WireOf<N>]> };
/** What an endpoint serves: the whole table, or a subset (the audience's read-only one). */
export type ServedTable = Partial<RequestTable>;

export const wireOf = (name: RequestName): WireRequest => (name.startsWith('control:') ? 'control' : (name as WireRequest));

export function requestTable(deps: { show: ShowService; screens: ScreensService; now: () => number }): RequestTable {
  return { ...readRequests(deps.show, deps.now), ...controlRequests(deps.show), ...screenRequests(deps.screens) };
}
