import { z } from 'zod';
import { Command, type CommandType } from '../../shared/model/action.schema.ts';
import { runStateOf, type ControlRequest, type RunState } from '../../shared/protocol.ts';
import { actorOf } from '../auth/auth.service.ts';
import type { ShowService } from '../show/show.service.ts';
import { entry, type Budget, type Entry, type Roles } from './table.ts';

/** A moderator only talks to the speaker through the stage timer; running the show is the MC's (and the admin's). */
const MESSAGE_COMMANDS: readonly CommandType[] = ['message', 'message-hide', 'message-flash'];
const rolesOf = (type: CommandType): Roles => (MESSAGE_COMMANDS.includes(type) ? ['admin', 'mc', 'moderator'] : ['admin', 'mc']);

/** A console presses a few times a second at most; a Stream Deck held down repeats about 10/s. */
const CONTROL_BUDGET: Budget = { perSecond: 10, burst: 20 };

export type ControlName = `control:${CommandType}`;

const envelope = <C extends z.ZodType>(command: C) =>
  z.object({ stageId: z.string().min(1).max(64).optional(), expectedVersion: z.number().int().min(0).optional(), command }).strict();

type ControlEntry = Entry<z.ZodType<ControlRequest>, RunState>;

/**
 * One entry per control command, the same for the socket's `control` and HTTP's
 * `POST /api/v1/control/:action`. A socket gets the new state in the form it watches (the run
 * state on the run feed, as the consoles do); everyone else the whole snapshot.
 */
export function controlRequests(show: ShowService): Record<ControlName, ControlEntry> {
  const table = {} as Record<ControlName, ControlEntry>;
  for (const option of Command.options) {
    const type = option.shape.type.value;
    table[`control:${type}`] = entry({
      schema: envelope(option),
      roles: rolesOf(type),
      stage: (req) => show.resolveStage(req.stageId),
      budget: CONTROL_BUDGET,
      run: (req, ctx) => {
        const { stageId, expectedVersion, command } = req;
        const snap = show.control(stageId, command, expectedVersion, ctx.principal ? actorOf(ctx.principal) : 'anonymous');
        return ctx.conn?.feed() === 'run' ? runStateOf(snap) : snap;
      },
    });
  }
  return table;
}
