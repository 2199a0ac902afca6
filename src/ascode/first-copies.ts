import type { ScheduledMessage } from '../letta/types';
import { earlierTwin } from '../sync/twins';

/** A schedule this apply made, and the copy of it another client made first, to be kept in its place. */
export interface FirstCopy {
  file: string;
  agent_id: string;
  ours: string;
  kept: string;
}

/**
 * Two clients that replace (or make) the same schedule at once, an apply in CI and a sync on a laptop at a DST change,
 * or two applies from two checkouts, each make a copy: the rule sync keeps (earlierTwin) says which one both keep. Of
 * the schedules this apply made (`made`: file → ids), those another client's copy was made before, as `listed` shows
 * them; `known` holds every id this folder or this machine's record knows, none of them another client's copy.
 */
export function firstCopies(made: ReadonlyArray<{ file: string; agent_id: string; ids: string[] }>, listed: ReadonlyMap<string, ScheduledMessage[]>, known: Set<string>, since: number): FirstCopy[] {
  const found: FirstCopy[] = [];
  for (const { file, agent_id, ids } of made) {
    const schedules = listed.get(agent_id) ?? [];
    for (const id of ids) {
      const ours = schedules.find((item) => item.id === id);
      const first = ours && earlierTwin(ours, schedules, known, since);
      if (!first) continue;
      // Taken once: another of ours alike is not given the same copy.
      known.add(first.id);
      found.push({ file, agent_id, ours: id, kept: first.id });
    }
  }
  return found;
}
