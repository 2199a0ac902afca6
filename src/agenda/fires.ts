import { utcCron, type UtcCron } from '../time/utc-cron';
import { isSeasonalChange, nextOffsetChange, offsetMinutes } from '../time/zone';
import { compareText } from '../text-order';
import { expectedUtcCron } from '../sync/local-rule';
import { sameCron } from '../time/cron-fields';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** One schedule as the agenda sees it: what Letta holds, or a copy saved by `recurring pause`. */
export interface AgendaSchedule {
  id: string;
  agentId: string;
  agentName: string;
  kind: 'one-time' | 'recurring';
  /** The UTC cron Letta evaluates (recurring). */
  cron?: string;
  /** Unix ms (one-time). */
  scheduledAt?: number;
  /** From the record: the zone whose clock it keeps (null: an interval, on no clock); absent when unrecorded. */
  keptZone?: string | null;
  /** From the record: the local rule it keeps on that clock (`0 9 * * *`). */
  keptRule?: string;
  /** The whole message text (every message of the schedule, joined). */
  text: string;
  /** Set when the schedule is one member of a series. */
  seriesId?: string;
  /** The set it belongs to (one phrase, several crons). */
  setId?: string;
  /** Set when the schedule is paused: it exists only in the local record, since this ISO instant. */
  pausedSince?: string;
  /** Unix ms: Letta's next run time for it, when it is that far in the past that status calls it stuck. */
  stuckSince?: number;
}

export type FireFlag =
  /** The cron is UTC, so after an offset change (`seasonal`: DST; else a move for good) it lands at another local time than before. */
  | { type: 'dst-shift'; offsetBefore: number; offsetAfter: number; keptBySync: boolean; seasonal: boolean }
  /** Several fires of one agent in the same minute. */
  | { type: 'same-minute'; count: number }
  /** A one-time schedule whose time has passed but which Letta still holds. */
  | { type: 'overdue' }
  | { type: 'paused'; since: string }
  /**
   * Recorded to keep a local rule in a zone, but Letta's UTC cron as it stands fires off it at this fire (no sync since a DST
   * change): `askedAt` is when the rule wanted it (Unix ms, read for its clock time only), `expectedCron` what sync sets.
   */
  | { type: 'wrong-local-time'; zone: string; localRule: string; expectedCron: string; askedAt: number }
  /**
   * Kept on another zone's clock, which changes its offset before this fire (`seasonal`: DST): sync replaces the schedule
   * then to keep its local time there, so it fires at `syncedAt` (Unix ms), at another time on the reader's clock.
   */
  | { type: 'kept-clock-shift'; zone: string; seasonal: boolean; syncedAt: number }
  /** A coming fire of a recurring schedule status calls stuck (its next run time long past): it may not fire. */
  | { type: 'stuck'; since: number }
  /** A past fire (agenda --since): what its history says happened. */
  | { type: 'outcome'; class: string; delaySeconds?: number; stopReason?: string; error?: string; runError?: string };

export interface Fire {
  /** Unix ms. */
  at: number;
  schedule: AgendaSchedule;
  flags: FireFlag[];
}

/** A change of the zone's UTC offset inside the window, and the recurring schedules it moves. */
export interface OffsetChange {
  at: number;
  before: number;
  after: number;
  /** Daylight saving time (the offset comes back within a year); false for a move for good. */
  seasonal: boolean;
  movedScheduleIds: string[];
  /** Of those, the ones recorded on this clock: sync replaces each at the change, so it keeps its local time. */
  keptBySyncIds: string[];
  /** Recurring schedules kept on another clock (UTC, another zone) whose fires land at another local time here from then on, rightly. */
  otherClockIds: string[];
}

/** A change of another zone's offset in the window that moves schedules kept on that clock on the reader's clock. */
export interface KeptClockChange {
  zone: string;
  at: number;
  before: number;
  after: number;
  seasonal: boolean;
  movedScheduleIds: string[];
}

export interface Agenda {
  fires: Fire[];
  offsetChanges: OffsetChange[];
  keptClockChanges: KeptClockChange[];
  /** Schedules with more fires in the window than the per-schedule limit: only the first ones are listed. */
  truncated: Array<{ scheduleId: string; shown: number }>;
  /** Schedules whose cron cannot be read. */
  unreadable: Array<{ scheduleId: string; reason: string }>;
  /** Set when the window held more fires than the total limit: the agenda is whole up to `next`, the first fire left out. */
  cut?: { shown: number; next: number };
}

export interface AgendaWindow {
  /** Unix ms, inclusive. */
  from: number;
  /** Unix ms, inclusive. */
  to: number;
  /** The zone whose clock the user reads. */
  zone: string;
  /** At most this many fires per schedule (an every-minute cron over a month is 43,200). */
  limitPerSchedule?: number;
  /** At most this many fires in all, the earliest (1,000 every-minute schedules over a year would be 500 million). */
  limitTotal?: number;
}

const MINUTE = 60_000;
export const DEFAULT_LIMIT_PER_SCHEDULE = 1000;
export const DEFAULT_LIMIT_TOTAL = 10_000;
/** Fires of one cron computed at a time, as the merge asks for them. */
const STEP = 64;

/** A schedule's next fire in the window, and how to get the one after. */
interface Upcoming {
  at: number;
  schedule: AgendaSchedule;
  /** Its place among fires at the same instant: by agent name, then schedule id. */
  rank: number;
  /** How many of its fires are listed so far. */
  listed: number;
  following: () => number | undefined;
}

/**
 * Every fire of every schedule in [from, to], sorted by time, with what a
 * person should notice flagged: at most limitPerSchedule per schedule and
 * limitTotal in all. Fires are taken earliest first across all schedules (a
 * merge), so work and memory stay within the limits however many schedules
 * fire however often.
 */
export function buildAgenda(schedules: AgendaSchedule[], window: AgendaWindow): Agenda {
  const limit = window.limitPerSchedule ?? DEFAULT_LIMIT_PER_SCHEDULE;
  const total = window.limitTotal ?? DEFAULT_LIMIT_TOTAL;
  const agenda: Agenda = { fires: [], offsetChanges: [], keptClockChanges: [], truncated: [], unreadable: [] };
  const startOffset = offsetMinutes(window.zone, window.from);
  const offsetAt = offsetsByInstant(window.zone);
  const changes = offsetChangesIn(window);
  // Whether the last change of the reader's clock before an instant is DST (a fire it moved is said to be moved by DST).
  const seasonalAt = (at: number) => changes.findLast((change) => change.at <= at)?.seasonal ?? true;
  const ranks = tieRanks(schedules);
  const upcoming = new MinHeap<Upcoming>((a, b) => a.at - b.at || a.rank - b.rank);
  const crons = new Map<AgendaSchedule, UtcCron>();
  // Many schedules share a cron (the same standup on a hundred agents): each cron is read once.
  const readCrons = new Map<string, UtcCron | Error>();
  // A fire moved on the reader's clock when its cron has no fire at the local time it showed before the offset changed:
  // "0 14 * * *" in New York is 09:00 in winter and 10:00 in summer; an hourly cron only relabels.
  const movesHere = ({ at, schedule }: { at: number; schedule: AgendaSchedule }) => {
    const cron = crons.get(schedule);
    const offset = offsetAt(at);
    return cron !== undefined && offset !== startOffset && !cron.matches(at - (offset - startOffset) * MINUTE);
  };
  // Whether an instant shows a local time on the reader's clock at which the schedule's cron did not fire as the window
  // opened: the time sync moves a schedule kept on another clock to is a move here unless the reader's clock moved alike.
  const newHere = (schedule: AgendaSchedule, at: number) => {
    const cron = crons.get(schedule);
    return cron !== undefined && !cron.matches(at + (offsetAt(at) - startOffset) * MINUTE);
  };
  // Worked out once per zone: reading another zone's clock at every fire would cost more than the rest of the agenda.
  const keptClocks = new Map<string, KeptClock>();
  const keptClock = (zone: string) => {
    let clock = keptClocks.get(zone);
    if (!clock) {
      const change = nextOffsetChange(zone, window.from, Math.ceil((window.to - window.from) / DAY_MS) + 1);
      clock = { offset: offsetMinutes(zone, window.from), until: change?.at ?? Infinity, change: change && { ...change, seasonal: isSeasonalChange(zone, change) } };
      keptClocks.set(zone, clock);
    }
    return clock;
  };
  const readCron = (text: string) => {
    if (!readCrons.has(text)) {
      try {
        readCrons.set(text, utcCron(text));
      } catch (error) {
        readCrons.set(text, error instanceof Error ? error : new Error(String(error)));
      }
    }
    return readCrons.get(text)!;
  };

  for (const schedule of schedules) {
    if (schedule.kind === 'one-time') {
      const at = schedule.scheduledAt;
      if (at === undefined || at > window.to) continue;
      // Before the window: shown only while Letta still holds it (overdue), not when paused.
      if (at >= window.from || schedule.pausedSince === undefined) upcoming.push({ at, schedule, rank: ranks.get(schedule)!, listed: 0, following: () => undefined });
      continue;
    }
    const cron = readCron(schedule.cron ?? '');
    if (cron instanceof Error) {
      agenda.unreadable.push({ scheduleId: schedule.id, reason: cron.message });
      continue;
    }
    crons.set(schedule, cron);
    const following = firesOf(cron, window.from, window.to);
    const first = following();
    if (first !== undefined) upcoming.push({ at: first, schedule, rank: ranks.get(schedule)!, listed: 0, following });
  }

  // Schedules with a fire listed at the window's first offset: only those were seen at the local time a change moves them from.
  const shownBeforeChange = new Set<AgendaSchedule>();
  for (let next = upcoming.pop(); next; next = upcoming.pop()) {
    if (agenda.fires.length === total) {
      agenda.cut = { shown: total, next: next.at };
      break;
    }
    if (offsetAt(next.at) === startOffset) shownBeforeChange.add(next.schedule);
    const movedTo = movesHere(next) ? offsetAt(next.at) : undefined;
    agenda.fires.push({ at: next.at, schedule: next.schedule, flags: fireFlags(next, window, startOffset, movedTo, keptClock, shownBeforeChange.has(next.schedule), seasonalAt, newHere) });
    next.listed++;
    const after = next.following();
    if (after === undefined) continue;
    if (next.listed === limit) agenda.truncated.push({ scheduleId: next.schedule.id, shown: limit });
    else upcoming.push({ ...next, at: after });
  }

  flagSameMinute(agenda.fires);
  // Kept in UTC, or in a zone whose clocks do not change in the window: its cron stays, so its local time here moves. (One
  // kept in a zone that changes too is made anew by sync then, and may not move here at all.)
  const keepsItsCron = ({ keptZone }: AgendaSchedule) => keptZone === null || (keptZone !== undefined && offsetMinutes(keptZone, window.from) === offsetMinutes(keptZone, window.to));
  const idsOf = (fires: Fire[]) => [...new Set(fires.map((fire) => fire.schedule.id))];
  agenda.offsetChanges = changes.map((change) => {
    const after = agenda.fires.filter((fire) => fire.at >= change.at && fire.schedule.kind !== 'one-time');
    const flagged = (fire: Fire) => fire.flags.some((flag) => flag.type === 'dst-shift');
    const moved = after.filter(flagged);
    return {
      ...change,
      movedScheduleIds: idsOf(moved),
      keptBySyncIds: idsOf(moved.filter((fire) => fire.flags.some((flag) => flag.type === 'dst-shift' && flag.keptBySync))),
      otherClockIds: idsOf(after.filter((fire) => !flagged(fire) && keepsItsCron(fire.schedule) && movesHere(fire))),
    };
  });
  const keptMoved = agenda.fires.filter((fire) => fire.flags.some((flag) => flag.type === 'kept-clock-shift'));
  agenda.keptClockChanges = [...new Set(keptMoved.map((fire) => fire.schedule.keptZone as string))].sort(compareText).map((zone) => ({
    zone,
    ...keptClock(zone).change!,
    movedScheduleIds: idsOf(keptMoved.filter((fire) => fire.schedule.keptZone === zone)),
  }));
  return agenda;
}

/**
 * Each schedule's place among fires at the same instant: by agent name, then
 * schedule id, as people sort them. Worked out once: a
 * hundred agents on one cron tie at every fire, and comparing their names at
 * each step of the merge cost more than the rest of it.
 */
function tieRanks(schedules: AgendaSchedule[]): Map<AgendaSchedule, number> {
  const names = [...new Set(schedules.map((schedule) => schedule.agentName))].sort(compareText);
  const nameRank = new Map(names.map((name, i) => [name, i]));
  const ordered = [...schedules].sort((a, b) => nameRank.get(a.agentName)! - nameRank.get(b.agentName)! || compareText(a.id, b.id));
  return new Map(ordered.map((schedule, i) => [schedule, i]));
}

/** The zone's UTC offset at an instant, each instant asked of the zone once: fires of many schedules share their instants. */
function offsetsByInstant(zone: string): (at: number) => number {
  const known = new Map<number, number>();
  return (at) => {
    let offset = known.get(at);
    if (offset === undefined) {
      offset = offsetMinutes(zone, at);
      known.set(at, offset);
    }
    return offset;
  };
}

/** A cron's fires in [from, to] one at a time, computed STEP at a time. */
function firesOf(cron: UtcCron, from: number, to: number): () => number | undefined {
  let batch: number[] = [];
  let index = 0;
  let cursor = from;
  let more = true;
  return () => {
    if (index === batch.length) {
      if (!more) return undefined;
      ({ instants: batch, hasMore: more } = cron.firesIn(cursor, to, STEP));
      index = 0;
      if (batch.length === 0) return undefined;
      cursor = batch.at(-1)! + 1;
    }
    return batch[index++];
  };
}

/** Paused, overdue, or moved by a change of the zone's offset since the window began. */
function fireFlags(
  { at, schedule }: Upcoming,
  { from, zone }: AgendaWindow,
  startOffset: number,
  movedTo: number | undefined,
  keptClock: (zone: string) => KeptClock,
  shownBeforeChange: boolean,
  seasonalAt: (at: number) => boolean,
  newHere: (schedule: AgendaSchedule, at: number) => boolean,
): FireFlag[] {
  // A fire before the pause was not paused (agenda --since shows such a past fire with its outcome).
  const paused = schedule.pausedSince !== undefined && !(at < Date.parse(schedule.pausedSince));
  const flags: FireFlag[] = paused ? [{ type: 'paused', since: schedule.pausedSince! }] : [];
  // Every fire from its overdue next run on: Letta has not moved on, so none of them may come.
  if (schedule.stuckSince !== undefined && at >= schedule.stuckSince) flags.push({ type: 'stuck', since: schedule.stuckSince });
  if (schedule.kind === 'one-time') {
    if (at < from && schedule.pausedSince === undefined) flags.push({ type: 'overdue' });
    return flags;
  }
  // Off its clock already as the window opens: only sync puts it back. A fire after the next change of that clock is not
  // judged: sync, run hourly, replaces the schedule at the change (the dst-shift flag says so).
  const kept = schedule.keptZone;
  if (typeof kept === 'string') {
    const clock = keptClock(kept);
    const off = at < clock.until ? offItsClock(schedule, kept, at, clock.offset) : 'unknown';
    if (typeof off === 'object') flags.push({ type: 'wrong-local-time', zone: kept, localRule: schedule.keptRule!, expectedCron: off.expectedCron, askedAt: at + off.shift });
    // After that clock's change sync replaces it to keep its local time there: said where the reader sees it move.
    const synced = kept !== zone && clock.change && at >= clock.until ? offItsClock(schedule, kept, at, clock.change.after) : 'unknown';
    // The rule's next fire may be a day or more on (this one's day already passed on that clock): the same day's is the one sync makes.
    const syncedAt = typeof synced === 'object' ? at + (((synced.shift % DAY_MS) + DAY_MS * 1.5) % DAY_MS) - DAY_MS / 2 : undefined;
    if (syncedAt !== undefined && newHere(schedule, syncedAt)) flags.push({ type: 'kept-clock-shift', zone: kept, seasonal: clock.change!.seasonal, syncedAt });
  }
  // A move on the reader's clock is flagged only where sync keeps the schedule on that clock (or nothing is recorded):
  // an interval follows no clock, and one kept in another zone moves here rightly.
  if (schedule.keptZone !== undefined && schedule.keptZone !== zone) return flags;
  if (movedTo === undefined) return flags;
  const keptBySync = schedule.keptZone === zone && offItsClock(schedule, zone, at, movedTo) !== 'on its clock';
  // Kept on this clock and on it after the change: made or synced for the change, it never fired at the earlier local time
  // unless this agenda shows it doing so (left off its clock since the change before).
  const ontoItsClock = schedule.keptZone === zone && !keptBySync;
  if (!ontoItsClock || shownBeforeChange) flags.push({ type: 'dst-shift', offsetBefore: startOffset, offsetAfter: movedTo, keptBySync, seasonal: seasonalAt(at) });
  return flags;
}

/** A zone's clock as the window opens: its UTC offset, and until when it holds (its next change, or Infinity). */
interface KeptClock {
  offset: number;
  until: number;
  change: { at: number; before: number; after: number; seasonal: boolean } | null;
}

type ClockCheck = { expectedCron: string; shift: number } | 'on its clock' | 'unknown';
const OFF_ITS_CLOCK = new Map<string, ClockCheck>();

/**
 * Whether a fire is off the local time the record keeps, and if so the cron that keeps it and how far off it is (the
 * rule's next fire on its clock, less this one). A schedule left at a wrong UTC cron (no sync since the change before) is
 * moved back onto its clock by the next change, and sync has nothing to put back. Worked out once per rule, zone, offset
 * and cron: a cron fires at one local time per offset.
 */
function offItsClock(schedule: AgendaSchedule, zone: string, at: number, offset: number): ClockCheck {
  if (schedule.keptRule === undefined || schedule.cron === undefined) return 'unknown';
  const key = [schedule.keptRule, zone, offset, schedule.cron].join('\u0000');
  let known = OFF_ITS_CLOCK.get(key);
  if (known === undefined) {
    try {
      const expected = expectedUtcCron(schedule.keptRule, zone, at - MINUTE_MS);
      known = expected === null ? 'unknown' : sameCron(expected.cron, schedule.cron) ? 'on its clock' : { expectedCron: expected.cron, shift: expected.nextFire - at };
    } catch {
      known = 'unknown';
    }
    if (OFF_ITS_CLOCK.size >= 4096) OFF_ITS_CLOCK.clear();
    OFF_ITS_CLOCK.set(key, known);
  }
  return known;
}

/** A binary heap: push and pop the least item in O(log n). */
class MinHeap<T> {
  private items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.before(items[i]!, items[parent]!) >= 0) break;
      const moved = items[i]!;
      items[i] = items[parent]!;
      items[parent] = moved;
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && this.before(items[left]!, items[least]!) < 0) least = left;
      if (right < items.length && this.before(items[right]!, items[least]!) < 0) least = right;
      if (least === i) break;
      const moved = items[i]!;
      items[i] = items[least]!;
      items[least] = moved;
      i = least;
    }
    return top;
  }
}

/** Fires come sorted by time, so one minute's are side by side: each minute's are counted by agent as it ends. */
export function flagSameMinute(fires: Fire[]): void {
  for (const fire of fires) if (fire.flags.some((flag) => flag.type === 'same-minute')) fire.flags = fire.flags.filter((flag) => flag.type !== 'same-minute');
  let minute = NaN;
  let byAgent = new Map<string, Fire[]>();
  const flagMinute = () => {
    for (const group of byAgent.values()) {
      if (group.length < 2) continue;
      for (const fire of group) fire.flags.push({ type: 'same-minute', count: group.length });
    }
  };
  for (const fire of fires) {
    if (fire.schedule.pausedSince !== undefined) continue;
    const at = Math.floor(fire.at / MINUTE);
    if (at !== minute) {
      flagMinute();
      minute = at;
      byAgent = new Map();
    }
    const group = byAgent.get(fire.schedule.agentId);
    if (group) group.push(fire);
    else byAgent.set(fire.schedule.agentId, [fire]);
  }
  flagMinute();
}

/** Every change of the zone's UTC offset within the window, each said to be DST or a move for good. */
export function offsetChangesIn({ from, to, zone }: AgendaWindow): Array<{ at: number; before: number; after: number; seasonal: boolean }> {
  const changes: Array<{ at: number; before: number; after: number; seasonal: boolean }> = [];
  let cursor = from;
  for (;;) {
    const days = Math.ceil((to - cursor) / 86_400_000);
    if (days <= 0) break;
    const change = nextOffsetChange(zone, cursor, days);
    if (!change || change.at > to) break;
    changes.push({ ...change, seasonal: isSeasonalChange(zone, change) });
    cursor = change.at;
  }
  return changes;
}
