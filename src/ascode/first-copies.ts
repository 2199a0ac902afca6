import type { ScheduledMessage } from '../letta/types';
import { firstCopiesOf } from '../sync/twins';

/** A schedule this apply made, and the copy of it another client made first, to be kept in its place. */
export interface FirstCopy {
  file: string;
  agent_id: string;
  ours: string;
  kept: string;
}

/**
 * Two clients that replace (or make) the same schedule at once, an apply in CI and a sync on a laptop at a DST change,
 * or two applies from two checkouts, each make a copy: the rule sync keeps (firstCopiesOf) says which one both keep. Of
 * the schedules this apply made (`made`: file → ids), those another client's copy was made before, as `listed` shows
 * them; `known` holds every id this folder or this machine's record knows, none of them another client's copy.
 */
export function firstCopies(
  made: ReadonlyArray<{ file: string; agent_id: string; ids: string[] }>,
  listed: ReadonlyMap<string, ScheduledMessage[]>,
  known: ReadonlySet<string>,
  since: number,
): FirstCopy[] {
  const found: FirstCopy[] = [];
  for (const [agent_id, schedules] of listed) {
    const madeHere = made.filter((m) => m.agent_id === agent_id);
    const ids = new Set(madeHere.flatMap((m) => m.ids));
    const firsts = firstCopiesOf(
      schedules.filter((item) => ids.has(item.id)),
      schedules,
      known,
      since,
    );
    for (const { file, ids: fileIds } of madeHere) for (const id of fileIds) if (firsts.has(id)) found.push({ file, agent_id, ours: id, kept: firsts.get(id)!.id });
  }
  return found;
}
