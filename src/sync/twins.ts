import { madeAt, type Schedule, type ScheduledMessage } from '../letta/types';
import type { Intent, PausedSchedule, Series, State } from '../state/records';
import { currentSchedule, messagesText, sameSchedule } from './same-schedule';

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

/** What copies of one schedule share (sameSchedule holds only within one group): their timing and their messages' text. */
export function twinKey(item: ScheduledMessage): string {
  return bodyTwinKey({ schedule: currentSchedule(item), messages: item.message?.messages });
}

/** The twinKey a schedule made from this create body has. */
export function bodyTwinKey({ schedule, messages }: { schedule: Schedule; messages: unknown }): string {
  const timing = schedule.type === 'recurring' ? `cron ${schedule.cron_expression.trim().replace(/\s+/g, ' ')}` : `at ${schedule.scheduled_at}`;
  return `${timing} ${messagesText(messages)}`;
}

/**
 * Of `ours`, the copies this client just made (one agent's), those another client made a copy of first
 * (earlierTwin), each with the copy to keep in its place. Copies of ours alike one another (two
 * schedules kept alike on purpose) are left as they are: which of another client's copies stands
 * for which of ours cannot be told, and two copies left beat one lost. Grouped by twinKey first, so
 * a sync of thousands compares each copy with its look-alikes only.
 */
export function firstCopiesOf(ours: readonly ScheduledMessage[], listed: Iterable<ScheduledMessage>, known: ReadonlySet<string>, since: number): Map<string, ScheduledMessage> {
  const group = <T extends ScheduledMessage>(items: Iterable<T>) => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const key = twinKey(item);
      const alike = groups.get(key);
      if (alike) alike.push(item);
      else groups.set(key, [item]);
    }
    return groups;
  };
  const ourIds = new Set(ours.map((item) => item.id));
  const others = group([...listed].filter((item) => !ourIds.has(item.id) && !known.has(item.id)));
  const oursAlike = group(ours);
  const found = new Map<string, ScheduledMessage>();
  for (const item of ours) {
    const key = twinKey(item);
    const sent = { schedule: currentSchedule(item), messages: item.message?.messages ?? [] };
    if (oursAlike.get(key)!.some((other) => other !== item && sameSchedule(sent, other))) continue;
    const first = earlierTwin(item, others.get(key) ?? [], known, since);
    if (first) found.set(item.id, first);
  }
  return found;
}

/** Every schedule id the record knows, whatever became of it: none of them is another machine's copy. */
export function recordedScheduleIds(state: State): Set<string> {
  const ids = new Set<string>();
  for (const list of ['intents', 'series', 'paused'] as const) for (const record of state[list]) for (const id of idsRecordedBy(list, record)) ids.add(id);
  return ids;
}

/** The schedule ids one record knows (see recordedScheduleIds). */
export function idsRecordedBy(list: 'intents' | 'series' | 'paused', record: Intent | Series | PausedSchedule): string[] {
  if (list === 'intents') {
    const intent = record as Intent;
    return [intent.schedule_id, ...intent.replaces, ...(intent.replaced_by === undefined ? [] : [intent.replaced_by])];
  }
  if (list === 'series') return [...(record as Series).members, ...((record as Series).resumed_members ?? [])].map((member) => member.schedule_id);
  return [(record as PausedSchedule).old_id];
}

/**
 * Of two copies that stand for one schedule changed by two clients at once (two edits), the one to keep: the one made
 * first, then the smallest id, as earlierTwin orders them. Undefined when either lacks the time it was made.
 */
export function firstMade(a: ScheduledMessage, b: ScheduledMessage): ScheduledMessage | undefined {
  const [timeA, timeB] = [madeAt(a), madeAt(b)];
  if (Number.isNaN(timeA) || Number.isNaN(timeB)) return undefined;
  return timeA < timeB || (timeA === timeB && a.id < b.id) ? a : b;
}
