import { CliError } from '../../errors';
import type { LettaApi } from '../../letta/api';
import { madeAt, type ScheduledMessage } from '../../letta/types';
import * as model from '../../state/records';
import type { FullScheduleBody } from '../../sync/carry';
import { sameSchedule } from '../../sync/same-schedule';
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
  body: FullScheduleBody;
  /** Copies made since (ms) may be the other client's: when the edit began, less a clock's slack. */
  since: number;
  stamp: string;
}

/**
 * An edit whose old schedule was gone before its delete: another client deleted or changed it meanwhile (a second
 * machine's edit makes its copy, then deletes the old one, and Letta answers the second delete with success). The one
 * copy made since this edit began that no record here knows is that client's change: of it and ours, the one made
 * first is kept (as keep-first-copy keeps a sync's) and the other deleted, so the schedule fires once. None, or more
 * than one (which stands for the old one cannot be told), leaves everything as it is, said.
 */
export async function settleRacedEdit(
  api: Pick<LettaApi, 'schedulePages' | 'deleteSchedule'>,
  records: { read: () => Promise<model.State>; update: <T>(change: (state: model.State) => T) => Promise<T> },
  race: Race,
): Promise<RacedEdit> {
  const { agentId, oldId, newId, body, since, stamp } = race;
  const listed: ScheduledMessage[] = [];
  for await (const page of api.schedulePages(agentId, { whole: true })) listed.push(...page);
  const known = recordedScheduleIds(await records.read());
  const ours = listed.find((item) => item.id === newId);
  const others = listed.filter((item) => item.id !== newId && !known.has(item.id) && madeAt(item) >= since);
  const theirs = others.length === 1 ? others[0] : undefined;
  const first = ours && theirs && firstMade(ours, theirs);
  if (!theirs || !first) {
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
    await deleteOrSay(api, agentId, theirs.id, newId);
    return { keptId: newId, lines: [`${raced}, as ${theirs.id}: this edit's ${newId} was made first, so ${newId} is kept, and ${theirs.id} deleted (that machine's next sync says so).`] };
  }
  const same = sameSchedule({ schedule: body.schedule, messages: body.messages }, theirs);
  await records.update((state) => model.markDeleteUnanswered(state, newId, stamp));
  await deleteOrSay(api, agentId, newId, theirs.id);
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
      `See what it is now: letta-switchboard recurring get ${theirs.id}; to make this change on it: letta-switchboard recurring edit ${theirs.id} ...`,
    ),
  };
}

async function deleteOrSay(api: Pick<LettaApi, 'deleteSchedule'>, agentId: string, id: string, kept: string): Promise<void> {
  try {
    await api.deleteSchedule(agentId, id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Could not delete ${id}, made at the same time as ${kept} for one schedule: ${reason}`, `Both exist now: delete one (letta-switchboard recurring delete ${id}).`);
  }
}
