import { UsageError } from '../errors';
import { nextRuns } from '../time/cron';
import type { LocalSchedule } from '../time/recurring';
import { cronList, toUtcSchedule } from '../time/to-utc';
import { offsetMinutes } from '../time/zone';

/**
 * A local rule is a 5-field cron read on the user's clock in their zone
 * ("0 9 * * 1-5" in America/New_York). Only rules tied to the clock are kept
 * in step with DST: a minute, one or more hours, at most one day of the month,
 * any days of the week. Intervals ("every 2 hours") keep their UTC cron.
 */
export function localScheduleFromCron(localCron: string): LocalSchedule | null {
  const fields = localCron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minuteField, hourField, domField, monthField, dowField] = fields as [string, string, string, string, string];
  const minute = single(minuteField, 0, 59);
  if (minute === null || monthField !== '*') return null;
  if (hourField === '*') return domField === '*' && dowField === '*' ? { kind: 'hourly', minute } : null;
  const hours = list(hourField, 0, 23);
  if (hours === null) return null;
  const dayOfMonth = domField === '*' ? null : single(domField, 1, 31);
  if (domField !== '*' && dayOfMonth === null) return null;
  const days = dowField === '*' ? null : list(dowField, 0, 7);
  if (dowField !== '*' && days === null) return null;
  if (dayOfMonth !== null && days !== null) return null;
  const daysOfWeek = days === null ? null : [...new Set(days.map((d) => d % 7))].sort((a, b) => a - b);
  return { kind: 'clock', minute, hours, daysOfWeek, dayOfMonth };
}

export interface ExpectedCron {
  /** The UTC cron that fires at the rule's next local fire. */
  cron: string;
  /** The rule's next fire after `now` (Unix ms). */
  nextFire: number;
}

/**
 * The UTC cron right for the next local fire of a rule, as of `now` (so a DST
 * change before that fire is already accounted for). Null when the rule does
 * not follow the clock; a UsageError when no single cron can say it in UTC.
 */
export function expectedUtcCron(localCron: string, zone: string, now: number): ExpectedCron | null {
  const schedule = localScheduleFromCron(localCron);
  if (schedule === null) return null;
  const { cron } = toUtcSchedule(schedule, zone, now, localCron);
  return { cron, nextFire: nextRuns(cron, now, 1)[0] ?? now };
}

/**
 * A UTC cron as it reads on the zone's clock at its next fire after `now`
 * ("0 14 * * 1-5" in New York in winter is "0 9 * * 1-5"). Null when the cron
 * is not tied to a clock time (steps, ranges of minutes, months).
 */
export function localCronFromUtc(utcCron: string, zone: string, now: number): string | null {
  const schedule = localScheduleFromCron(utcCron);
  if (schedule === null) return null;
  const next = nextRuns(utcCron, now, 1)[0];
  if (next === undefined) return null;
  const offset = offsetMinutes(zone, next);
  if (schedule.kind === 'hourly') return `${(((schedule.minute + offset) % 60) + 60) % 60} * * * *`;
  if (schedule.kind !== 'clock') return null;
  const shifted = schedule.hours.map((hour) => {
    const total = hour * 60 + schedule.minute + offset;
    const shift = Math.floor(total / 1440);
    const local = total - shift * 1440;
    return { shift, hour: Math.floor(local / 60), minute: local % 60 };
  });
  const shifts = new Set(shifted.map((s) => s.shift));
  const shift = shifted[0]!.shift;
  if (shifts.size > 1 && (schedule.daysOfWeek !== null || schedule.dayOfMonth !== null)) {
    throw new UsageError(`'${utcCron}' cannot be read as one local rule in ${zone}: its times fall on different local days`, 'Adopt it in UTC (--tz UTC), or re-create it as one schedule per time.');
  }
  if (schedule.dayOfMonth !== null && shift !== 0) {
    throw new UsageError(`'${utcCron}' cannot be read as one local rule in ${zone}: its day of the month is another day on that clock`, 'Adopt it in UTC (--tz UTC).');
  }
  const hours = [...new Set(shifted.map((s) => s.hour))].sort((a, b) => a - b);
  const days = schedule.daysOfWeek ? cronList(schedule.daysOfWeek.map((d) => (((d + shift) % 7) + 7) % 7)) : '*';
  return `${shifted[0]!.minute} ${hours.join(',')} ${schedule.dayOfMonth ?? '*'} * ${days}`;
}

function single(field: string, low: number, high: number): number | null {
  if (!/^\d{1,2}$/.test(field)) return null;
  const value = Number(field);
  return value >= low && value <= high ? value : null;
}

/** "1-5", "0,6", "9,17", "1,3-5": plain numbers and ranges, no steps or names. */
function list(field: string, low: number, high: number): number[] | null {
  const values: number[] = [];
  for (const part of field.split(',')) {
    const range = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < low || to > high || from > to) return null;
    for (let v = from; v <= to; v++) values.push(v);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}
