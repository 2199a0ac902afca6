import { UsageError } from '../errors';
import type { LocalSchedule } from './recurring';
import { addDays, formatClock, formatDate, instantFromLocal, nextOffsetChange, offsetMinutes, wallTime } from './zone';

export interface UtcSchedule {
  /** The 5-field cron Letta evaluates (UTC). */
  cron: string;
  /** The same schedule on the user's clock; null for a raw cron, which is UTC by definition. */
  localCron: string | null;
  warnings: string[];
}

const DAY_MINUTES = 1440;

/**
 * Convert a schedule on the user's clock to the UTC cron that fires at the same
 * local time, using the zone's offset at the next occurrence after `now`.
 * Day-of-week fields shift with the clock when it crosses midnight; a
 * day-of-month that would have to shift is refused rather than approximated.
 */
export function toUtcSchedule(schedule: LocalSchedule, zone: string, now: number, original: string): UtcSchedule {
  if (schedule.kind === 'raw') return { cron: schedule.cron, localCron: null, warnings: [] };
  if (schedule.kind === 'interval') return { cron: schedule.cron, localCron: schedule.cron, warnings: [] };
  if (schedule.kind === 'hourly') {
    const minute = (((schedule.minute - offsetMinutes(zone, now)) % 60) + 60) % 60;
    return { cron: `${minute} * * * *`, localCron: `${schedule.minute} * * * *`, warnings: [] };
  }

  const { minute, hours, daysOfWeek, dayOfMonth } = schedule;
  const localCron = `${minute} ${hours.join(',')} ${dayOfMonth ?? '*'} * ${daysOfWeek ? cronList(daysOfWeek) : '*'}`;
  const next = nextLocalOccurrence(schedule, zone, now);
  const offset = offsetMinutes(zone, next);

  const converted = hours.map((hour) => {
    const total = hour * 60 + minute - offset;
    const shift = Math.floor(total / DAY_MINUTES);
    const utc = total - shift * DAY_MINUTES;
    return { shift, hour: Math.floor(utc / 60), minute: utc % 60 };
  });
  const shifts = new Set(converted.map((c) => c.shift));
  const shift = converted[0]!.shift;
  const restricted = daysOfWeek !== null || dayOfMonth !== null;
  if (restricted && shifts.size > 1) {
    throw new UsageError(
      `'${original}' cannot be one UTC cron in ${zone}: some of its times fall on the previous or next day in UTC`,
      'Create one schedule for each time.',
    );
  }
  if (dayOfMonth !== null && shift !== 0) {
    const low = Math.max(0, offset);
    const high = Math.min(DAY_MINUTES, DAY_MINUTES + offset) - 1;
    throw new UsageError(
      `'${original}' cannot be one UTC cron in ${zone}: ${formatClock(hours[0]!, minute)} there is on the ${shift < 0 ? 'previous' : 'next'} day in UTC, and a day of the month cannot move with it`,
      `Pick a time between ${formatClock(Math.floor(low / 60), low % 60)} and ${formatClock(Math.floor(high / 60), high % 60)} local time, or give the cron in UTC.`,
    );
  }
  const utcHours = [...new Set(converted.map((c) => c.hour))].sort((a, b) => a - b);
  const utcDays = daysOfWeek ? cronList(daysOfWeek.map((d) => (((d + shift) % 7) + 7) % 7)) : '*';
  const cron = `${converted[0]!.minute} ${utcHours.join(',')} ${dayOfMonth ?? '*'} * ${utcDays}`;

  const warnings: string[] = [];
  const change = nextOffsetChange(zone, next);
  if (change) {
    const first = converted[0]!;
    const after = (((first.hour * 60 + first.minute + change.after) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    warnings.push(
      `${zone} observes daylight saving time: from ${formatDate(wallTime(zone, change.at))} this schedule will run at ` +
        `${formatClock(Math.floor(after / 60), after % 60)} local time instead of ${formatClock(hours[0]!, minute)}, ` +
        'because Letta evaluates cron in UTC. Re-create it after the change to keep the local time.',
    );
  }
  if (dayOfMonth !== null && dayOfMonth > 28) {
    warnings.push(`Day ${dayOfMonth} is not in every month: the schedule will not run in months without it.`);
  }
  return { cron, localCron, warnings };
}

/** The first instant after `now` at which the schedule fires on the zone's clock. */
function nextLocalOccurrence(schedule: Extract<LocalSchedule, { kind: 'clock' }>, zone: string, now: number): number {
  const today = wallTime(zone, now);
  for (let i = 0; i <= 400; i++) {
    const date = addDays(today, i);
    if (schedule.daysOfWeek && !schedule.daysOfWeek.includes(date.weekday)) continue;
    if (schedule.dayOfMonth !== null && schedule.dayOfMonth !== date.day) continue;
    for (const hour of schedule.hours) {
      const instant = instantFromLocal(zone, { ...date, hour, minute: schedule.minute, second: 0 });
      if (instant > now) return instant;
    }
  }
  return now;
}

/** [1,2,3,4,5] -> "1-5", [0,6] -> "0,6", [1,3,4,5] -> "1,3-5". */
export function cronList(values: number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(',');
}
