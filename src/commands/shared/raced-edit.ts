import { CliError } from '../../errors';
import type { LettaApi } from '../../letta/api';
import { madeAt, type Schedule, type ScheduledMessage } from '../../letta/types';
import * as model from '../../state/records';
import type { FullScheduleBody } from '../../sync/carry';
import { currentSchedule, sameSchedule } from '../../sync/same-schedule';
import { firstMade, recordedScheduleIds } from '../../sync/twins';

/** What became of an edit whose old schedule another client took away while it ran. */
export interface RacedEdit {
  /** The schedule that stands now. */
  keptId: string;
  /** Said on stderr. */
  lines: string[];
  /** This edit's copy was deleted for another client's, which says something else: the change is not made. */
  undone?: CliError;
}

interface Race {
  agentId: string;
  oldId: string;
  newId: string;
  /** The old schedule's timing and messages, as read when the edit began. */
  old: { schedule: Schedule; messages: unknown };
  body: FullScheduleBody;
  /** Copies made since (ms) may be the other client's: when the edit began, less a clock's slack. */
  since: number;
  stamp: string;
  /** The agent's schedules as listed after this edit's create, before its delete of the old one. */
  listed: readonly ScheduledMessage[];
}

/**
 * An edit whose old schedule another client changed while it ran: a second machine's edit makes its copy, then deletes
 * the old one, and Letta answers the second delete with success, so both copies stand unless one gives way. Of the
 * other client's copy and ours, the one made first is kept (as keep-first-copy keeps a sync's) and the other deleted,
 * so the schedule fires once; both machines apply the same rule, so they keep the same one.
 *
 * `listed` was read after our create and before the delete of the old schedule, so whichever machine made its copy
 * second sees the other's there. When the old schedule was gone from it (`oldListed` false), another client deleted or
 * changed it: the one copy made since this edit began that no record here knows is that client's change. When it was
 * still listed, only a copy made from it counts (an edit carries the fields it does not change, so the old timing or
 * messages), or one the same as ours: a schedule made meanwhile that shares neither is someone else's, left alone.
 * None says nothing more (or, the old one gone, that it was deleted); more than one (which stands for the old one
 * cannot be told) leaves everything as it is, said.
 */
export async function settleRacedEdit(
  api: Pick<LettaApi, 'deleteSchedule'>,
  records: { read: () => Promise<model.State>; update: <T>(change: (state: model.State) => T) => Promise<T> },
  race: Race,
  oldListed: boolean,
): Promise<RacedEdit> {
  const { agentId, oldId, newId, body, since, stamp, listed } = race;
  const group = body.schedule.type === 'one-time' ? 'onetime' : 'recurring';
  const known = recordedScheduleIds(await records.read());
  const ours = listed.find((item) => item.id === newId);
  const fromOld = (item: ScheduledMessage) =>
    sameSchedule({ schedule: body.schedule, messages: body.messages }, item) ||
    sameSchedule({ schedule: race.old.schedule, messages: item.message?.messages ?? [] }, item) ||
    sameSchedule({ schedule: currentSchedule(item), messages: race.old.messages }, item);
  const others = listed.filter((item) => item.id !== newId && item.id !== oldId && !known.has(item.id) && madeAt(item) >= since && (!oldListed || fromOld(item)));
  const theirs = others.length === 1 ? others[0] : undefined;
  // Ours not listed: the other machine's edit, its copy made first, has deleted ours already.
  const first = theirs && (ours ? firstMade(ours, theirs) : theirs);
  if (!theirs || !first) {
    if (oldListed && others.length === 0) return { keptId: newId, lines: [] };
    const made = others.map((item) => item.id).join(', ');
    return {
      keptId: newId,
      lines: [
        others.length === 0
          ? `${oldId} was deleted on Letta while this edit ran (on another machine, most likely): ${newId} stands for it now; delete it if ${oldId} was meant to go.`
          : `${oldId} was changed or deleted elsewhere while this edit ran, and ${made} made meanwhile: which stands for it cannot be told, so ${newId} and ${made} are all left; delete the ones you do not want.`,
      ],
    };
  }
  const raced = `${oldId} was changed on another machine at the same time`;
  if (first.id === newId) {
    await deleteOrSay(api, agentId, theirs.id, newId, group);
    return { keptId: newId, lines: [`${raced}, as ${theirs.id}: this edit's ${newId} was made first, so ${newId} is kept, and ${theirs.id} deleted (that machine's next sync says so).`] };
  }
  const same = sameSchedule({ schedule: body.schedule, messages: body.messages }, theirs);
  // Not listed, ours was deleted by the other machine's edit; a list that lagged behind our create leaves both, never neither.
  if (ours) {
    await records.update((state) => model.markDeleteUnanswered(state, newId, stamp));
    await deleteOrSay(api, agentId, newId, theirs.id, group);
  }
  await records.update((state) => {
    const intent = model.findIntent(state, newId);
    // The same change: the record follows the copy kept. Another change: that machine's, which it records.
    if (same && intent) model.recordReplacement(state, newId, model.successorOf(intent, theirs.id, theirs.created_at as string), stamp);
    else model.markDeleted(state, newId, stamp);
  });
  if (same) return { keptId: theirs.id, lines: [`${raced}, the same way, as ${theirs.id}, made first: ${theirs.id} is kept, and ${newId} deleted, so it fires once.`] };
  return {
    keptId: theirs.id,
    lines: [],
    undone: new CliError(
      `${raced}, as ${theirs.id}, made first: ${theirs.id} is kept, and this edit's ${newId} deleted, so this change is not made`,
      `See what it is now: letta-switchboard ${group} get ${theirs.id}; to make this change on it: letta-switchboard ${group} edit ${theirs.id} ...`,
    ),
  };
}

async function deleteOrSay(api: Pick<LettaApi, 'deleteSchedule'>, agentId: string, id: string, kept: string, group: 'onetime' | 'recurring'): Promise<void> {
  try {
    await api.deleteSchedule(agentId, id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Could not delete ${id}, made at the same time as ${kept} for one schedule: ${reason}`, `Both exist now: delete one (letta-switchboard ${group} delete ${id}).`);
  }
}
