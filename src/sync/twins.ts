import type { ScheduledMessage } from '../letta/types';
import type { State } from '../state/records';
import { currentSchedule, sameSchedule } from './same-schedule';

/**
 * How long before a round began another client's copy may have been made and still be taken for a
 * twin of this round's: a clock that is off, and a sync on another machine that began a little earlier.
 */
export const TWIN_SLACK_MS = 5 * 60_000;

/**
 * Two machines that both record a schedule (both adopted it) both replace it when its local time
 * needs a new UTC cron, and the hourly cron line starts them at the same minute: each creates a copy
 * and deletes the old one, which leaves two. The copy another client made, with the same timing and
 * messages, made since `since` (ms), that this record does not know (`known`): the one made first
 * (then the smallest id) of it and ours, when that is not ours. Both machines apply the same rule, so
 * one copy is kept by both. Undefined when ours is the one to keep, or when either lacks the time it
 * was made (there is then no order both machines would agree on).
 */
export function earlierTwin(ours: ScheduledMessage, candidates: Iterable<ScheduledMessage>, known: ReadonlySet<string>, since: number): ScheduledMessage | undefined {
  const madeAt = (item: ScheduledMessage) => (typeof item.created_at === 'string' ? Date.parse(item.created_at) : NaN);
  const ourTime = madeAt(ours);
  if (Number.isNaN(ourTime)) return undefined;
  const sent = { schedule: currentSchedule(ours), messages: ours.message?.messages ?? [] };
  let first: ScheduledMessage | undefined;
  let firstTime = ourTime;
  let firstId = ours.id;
  for (const item of candidates) {
    if (item.id === ours.id || known.has(item.id)) continue;
    const time = madeAt(item);
    if (Number.isNaN(time) || time < since || !sameSchedule(sent, item)) continue;
    if (time < firstTime || (time === firstTime && item.id < firstId)) {
      first = item;
      firstTime = time;
      firstId = item.id;
    }
  }
  return first;
}

/** Every schedule id the record knows, whatever became of it: none of them is another machine's copy. */
export function recordedScheduleIds(state: State): Set<string> {
  const ids = new Set<string>();
  for (const intent of state.intents) {
    ids.add(intent.schedule_id);
    for (const id of intent.replaces) ids.add(id);
    if (intent.replaced_by !== undefined) ids.add(intent.replaced_by);
  }
  for (const series of state.series) for (const member of [...series.members, ...(series.resumed_members ?? [])]) ids.add(member.schedule_id);
  for (const paused of state.paused) ids.add(paused.old_id);
  return ids;
}
