import { UsageError } from '../errors';
import { nextRuns } from '../time/cron';
import { cronParts, nextLocalFire, shiftPattern, toUtcSchedule, type Pattern } from '../time/to-utc';
import { offsetMinutes } from '../time/zone';

/** Worked-out answers kept per process: sync asks about every recorded schedule at every round, and most share a few crons. */
const MEMO_SIZE = 1024;
/** patternOfCron's answers, frozen since they are shared. */
const patterns = new Map<string, Pattern | null>();
/** localCronFromUtc's answers (one that throws is worked out again when asked again). */
const localCrons = new Map<string, string | null>();

/**
 * A local rule is a 5-field cron read on the user's clock in their zone
 * ("0 9 * * 1-5" in America/New_York). Any cron of plain numbers, ranges,
 * lists and steps says a set of minutes on a set of days; names and a cron
 * restricting both days of the month and of the week (which cron ORs) do not.
 */
export function patternOfCron(cron: string): Pattern | null {
  let known = patterns.get(cron);
  if (known === undefined) {
    if (patterns.size >= MEMO_SIZE) patterns.clear();
    known = readPattern(cron);
    if (known) for (const part of [known.minutes, known.days.weekdays, known.days.monthDays, known.days.months, known.days, known]) Object.freeze(part);
    patterns.set(cron, known);
  }
  return known;
}

function readPattern(cron: string): Pattern | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, monthDay, month, weekday] = fields as [string, string, string, string, string];
  const minutes = expand(minute, 0, 59);
  const hours = expand(hour, 0, 23);
  const monthDays = monthDay === '*' ? null : expand(monthDay, 1, 31);
  const months = month === '*' ? null : expand(month, 1, 12);
  const weekdays = weekday === '*' ? null : expand(weekday, 0, 7)?.map((d) => d % 7);
  if (!minutes || !hours || monthDays === undefined || months === undefined || weekdays === undefined) return null;
  if (monthDays && weekdays) return null;
  return {
    minutes: hours.flatMap((h) => minutes.map((m) => h * 60 + m)),
    days: { weekdays: weekdays ? [...new Set(weekdays)].sort((a, b) => a - b) : null, monthDays, months },
  };
}

export interface ExpectedCron {
  /** The UTC cron that fires at the rule's next local fire. */
  cron: string;
  /** The rule's next fire after `now` on the zone's clock (Unix ms). */
  nextFire: number;
}

/**
 * The UTC cron right for the next local fire of a rule, as of `now` (so a DST
 * change before that fire is already accounted for). Null when the rule is no
 * cron; a UsageError when one UTC cron can no longer say it.
 */
export function expectedUtcCron(localCron: string, zone: string, now: number): ExpectedCron | null {
  const pattern = patternOfCron(localCron);
  if (pattern === null) return null;
  const { crons } = toUtcSchedule({ kind: 'calendar', patterns: [pattern] }, zone, now, localCron);
  if (crons.length !== 1) {
    throw new UsageError(`'${localCron}' in ${zone} now needs ${crons.length} UTC crons (${crons.map((c) => c.cron).join(', ')}), not one`, 'Re-create it as one schedule per time.');
  }
  return { cron: crons[0]!.cron, nextFire: nextLocalFire([pattern], zone, now) ?? now };
}

/**
 * A UTC cron as it reads on the zone's clock at its next fire after `now`
 * ("0 14 * * 1-5" in New York in winter is "0 9 * * 1-5"). Null when it is no
 * plain cron; a UsageError when no one local cron says it.
 */
export function localCronFromUtc(utcCron: string, zone: string, now: number): string | null {
  const key = `${now} ${zone} ${utcCron}`;
  let known = localCrons.get(key);
  if (known === undefined) {
    if (localCrons.size >= MEMO_SIZE) localCrons.clear();
    known = readLocalCron(utcCron, zone, now);
    localCrons.set(key, known);
  }
  return known;
}

function readLocalCron(utcCron: string, zone: string, now: number): string | null {
  const pattern = patternOfCron(utcCron);
  const next = pattern === null ? undefined : nextRuns(utcCron, now, 1)[0];
  if (pattern === null || next === undefined) return null;
  const local = shiftPattern(pattern, offsetMinutes(zone, next));
  const parts = 'patterns' in local ? cronParts(local.patterns) : [];
  if (parts.length !== 1) {
    throw new UsageError(`'${utcCron}' cannot be read as one cron on the clock in ${zone}: its days would have to move differently`, 'Keep it in UTC (--tz UTC).');
  }
  return parts[0]!.cron;
}

/** Every value a cron field names, sorted; undefined when it is not plain numbers, ranges, lists and steps. */
function expand(field: string, low: number, high: number): number[] | undefined {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/.exec(part);
    if (!match) return undefined;
    const from = match[1] === '*' ? low : Number(match[2]);
    const to = match[1] === '*' ? high : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? high : from;
    const step = match[4] === undefined ? 1 : Number(match[4]);
    if (from < low || to > high || from > to || step < 1) return undefined;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}
