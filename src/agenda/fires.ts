import { utcCron, type UtcCron } from '../time/utc-cron';
import { nextOffsetChange, offsetMinutes } from '../time/zone';

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
  /** The whole message text (every message of the schedule, joined). */
  text: string;
  /** Set when the schedule is one member of a series. */
  seriesId?: string;
  /** Set when the schedule is paused: it exists only in the local record, since this ISO instant. */
  pausedSince?: string;
}

export type FireFlag =
  /** The cron is UTC, so after a DST change it lands at another local time than before the change. */
  | { type: 'dst-shift'; offsetBefore: number; offsetAfter: number }
  /** Several fires of one agent in the same minute. */
  | { type: 'same-minute'; count: number }
  /** A one-time schedule whose time has passed but which Letta still holds. */
  | { type: 'overdue' }
  | { type: 'paused'; since: string }
  /** A past fire (agenda --since): what its history says happened. */
  | { type: 'outcome'; class: string; delaySeconds?: number; stopReason?: string };

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
  movedScheduleIds: string[];
}

export interface Agenda {
  fires: Fire[];
  offsetChanges: OffsetChange[];
  /** Schedules with more fires in the window than the per-schedule limit: only the first ones are listed. */
  truncated: Array<{ scheduleId: string; shown: number }>;
  /** Schedules whose cron cannot be read. */
  unreadable: Array<{ scheduleId: string; reason: string }>;
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
}

const MINUTE = 60_000;
export const DEFAULT_LIMIT_PER_SCHEDULE = 1000;

/** Every fire of every schedule in [from, to], sorted by time, with what a person should notice flagged. */
export function buildAgenda(schedules: AgendaSchedule[], window: AgendaWindow): Agenda {
  const limit = window.limitPerSchedule ?? DEFAULT_LIMIT_PER_SCHEDULE;
  const agenda: Agenda = { fires: [], offsetChanges: [], truncated: [], unreadable: [] };
  const startOffset = offsetMinutes(window.zone, window.from);

  for (const schedule of schedules) {
    const paused: FireFlag[] = schedule.pausedSince === undefined ? [] : [{ type: 'paused', since: schedule.pausedSince }];
    if (schedule.kind === 'one-time') {
      const at = schedule.scheduledAt;
      if (at === undefined || at > window.to) continue;
      if (at >= window.from) agenda.fires.push({ at, schedule, flags: [...paused] });
      else if (schedule.pausedSince === undefined) agenda.fires.push({ at, schedule, flags: [{ type: 'overdue' }] });
      continue;
    }
    let cron: UtcCron;
    try {
      cron = utcCron(schedule.cron ?? '');
    } catch (error) {
      agenda.unreadable.push({ scheduleId: schedule.id, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const { instants, hasMore } = cron.firesIn(window.from, window.to, limit);
    if (hasMore) agenda.truncated.push({ scheduleId: schedule.id, shown: instants.length });
    for (const at of instants) {
      const flags = [...paused];
      // A fire moved when the cron has no fire at the local time it showed before the offset changed:
      // "0 14 * * *" in New York is 09:00 in winter and 10:00 in summer; an hourly cron only relabels.
      const offset = offsetMinutes(window.zone, at);
      if (offset !== startOffset && !cron.matches(at - (offset - startOffset) * MINUTE)) {
        flags.push({ type: 'dst-shift', offsetBefore: startOffset, offsetAfter: offset });
      }
      agenda.fires.push({ at, schedule, flags });
    }
  }

  agenda.fires.sort((a, b) => a.at - b.at || a.schedule.agentName.localeCompare(b.schedule.agentName) || a.schedule.id.localeCompare(b.schedule.id));
  flagSameMinute(agenda.fires);
  agenda.offsetChanges = offsetChangesIn(window).map((change) => ({
    ...change,
    movedScheduleIds: [
      ...new Set(agenda.fires.filter((fire) => fire.at >= change.at && fire.flags.some((flag) => flag.type === 'dst-shift')).map((fire) => fire.schedule.id)),
    ],
  }));
  return agenda;
}

function flagSameMinute(fires: Fire[]): void {
  const groups = new Map<string, Fire[]>();
  for (const fire of fires) {
    if (fire.schedule.pausedSince !== undefined) continue;
    const key = `${fire.schedule.agentId} ${Math.floor(fire.at / MINUTE)}`;
    const group = groups.get(key);
    if (group) group.push(fire);
    else groups.set(key, [fire]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const fire of group) fire.flags.push({ type: 'same-minute', count: group.length });
  }
}

/** Every change of the zone's UTC offset within the window. */
export function offsetChangesIn({ from, to, zone }: AgendaWindow): Array<{ at: number; before: number; after: number }> {
  const changes: Array<{ at: number; before: number; after: number }> = [];
  let cursor = from;
  for (;;) {
    const days = Math.ceil((to - cursor) / 86_400_000);
    if (days <= 0) break;
    const change = nextOffsetChange(zone, cursor, days);
    if (!change || change.at > to) break;
    changes.push(change);
    cursor = change.at;
  }
  return changes;
}
