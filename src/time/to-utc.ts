import { UsageError } from '../errors';
import { WEEKDAY_NAMES } from './names';
import type { LocalSchedule } from './resolve-recurring';
import { addDays, daysInMonth, formatClock, formatDate, instantFromLocal, isSeasonalChange, nextOffsetChange, offsetMinutes, wallTime } from './zone';

/** Which days a pattern fires on; null means any. Days of the week and of the month are never both set. */
export interface DayFilter {
  weekdays: number[] | null;
  monthDays: number[] | null;
  months: number[] | null;
}

/** Minutes of the day (0-1439) at which a schedule fires, on the days its filter allows. */
export interface Pattern {
  minutes: number[];
  days: DayFilter;
}

export interface CronPart {
  /** The 5-field cron Letta evaluates (UTC). */
  cron: string;
  /** The same cron on the user's clock; null when no single local cron says it (or for a raw cron). */
  localCron: string | null;
}

export interface UtcSchedule {
  /** The first (or only) cron. */
  cron: string;
  localCron: string | null;
  /** Every cron the schedule needs: one, or a small exact set. */
  crons: CronPart[];
  /** The whole schedule as crons on the user's clock (what they asked for); null for a raw cron. */
  localCrons: string[] | null;
  /** What the crons fire on, for `utcFires`; null for a raw cron. */
  utcPatterns: Pattern[] | null;
  warnings: string[];
}

export const MAX_CRONS = 4;
const DAY_MINUTES = 1440;
/** How far ahead a fire is looked for: a 29 February can be eight years away. */
const SEARCH_DAYS = 366 * 8 + 2;
const EVERY_DAY: DayFilter = { weekdays: null, monthDays: null, months: null };

/** The patterns a local schedule means on the user's clock (for an interval: on the UTC clock). */
export function patternsOf(schedule: Exclude<LocalSchedule, { kind: 'raw' } | { kind: 'series' }>): Pattern[] {
  switch (schedule.kind) {
    case 'hourly':
      return [{ minutes: [...Array(24).keys()].map((h) => h * 60 + schedule.minute), days: EVERY_DAY }];
    case 'clock':
      return [
        {
          minutes: schedule.hours.map((h) => h * 60 + schedule.minute),
          days: { weekdays: schedule.daysOfWeek, monthDays: schedule.dayOfMonth === null ? null : [schedule.dayOfMonth], months: null },
        },
      ];
    case 'calendar':
    case 'interval':
      return schedule.patterns;
  }
}

/**
 * Convert a schedule on the user's clock to the UTC cron (or small exact set
 * of crons) that fires at the same local times, using the zone's offset at
 * the next occurrence after `now`. Days move with the clock when it crosses
 * midnight; what cannot move exactly is refused, never approximated.
 */
export function toUtcSchedule(schedule: LocalSchedule, zone: string, now: number, original: string): UtcSchedule {
  if (schedule.kind === 'raw') return single([{ cron: schedule.cron, localCron: null }], null, null, []);
  if (schedule.kind === 'series') throw new UsageError(`'${original}' ${schedule.reason}`, schedule.hint);
  const patterns = patternsOf(schedule);
  if (schedule.kind === 'interval') {
    // Cron steps run on the UTC clock; the local crons only say where that lands in the zone at the next run.
    const next = utcFires(patterns, now, 1)[0] ?? now;
    const offset = offsetMinutes(zone, next);
    const parts = cronParts(patterns).map(({ cron, pattern }) => ({ cron, localCron: localCronOf(pattern, offset) }));
    const local = patterns.map((p) => shiftPattern(p, offset)).flatMap((r) => ('patterns' in r ? r.patterns : []));
    return single(
      checkCount(parts, original),
      cronParts(local).map((p) => p.cron),
      patterns,
      [],
    );
  }

  const first = nextLocalFire(patterns, zone, now);
  if (first === null) throw new UsageError(`'${original}' never happens: no date matches it`, 'Check the day and month.');
  const offset = offsetMinutes(zone, first);
  const ownOffsets = patterns.map((pattern) => offsetMinutes(zone, nextLocalFire([pattern], zone, now) ?? first));
  if (ownOffsets.some((own) => own !== offset)) return eachOnItsOffset(patterns, ownOffsets, zone, now, original);
  const apart: Pattern[][] = [];
  for (const pattern of patterns) {
    const shifted = shiftPattern(pattern, -offset);
    if ('problem' in shifted) throw notExact(original, zone, offset, pattern, shifted.problem);
    apart.push(shifted.patterns);
  }
  const utc = apart.flat();
  let utcParts = cronParts(utc);
  // Parts joined in UTC that no one local cron says ("from 10pm to 2am on fridays" in New York: Friday's and Saturday's hours) stay apart, so each keeps its local cron.
  // Else minutes that share their hours may: "every 30 minutes from 9 to 5" in Kolkata is `30 3-11` and `0 4-11` (09:00 to 17:00 and 09:30 to 16:30 there).
  const apartParts = apart.flatMap((shifted) => cronParts(shifted));
  const byMinute = cronParts(utc, true);
  const local = (list: typeof utcParts) => list.every((part) => localCronOf(part.pattern, offset) !== null);
  if (!local(utcParts)) utcParts = local(apartParts) ? apartParts : local(byMinute) && byMinute.length <= utcParts.length ? byMinute : utcParts;
  const parts = checkCount(
    utcParts.map(({ cron, pattern }) => ({ cron, localCron: localCronOf(pattern, offset) })),
    original,
  );
  return single(
    parts,
    cronParts(patterns).map((p) => p.cron),
    utc,
    warningsFor(patterns, utcParts, zone, now, first, offset),
  );
}

/**
 * Parts whose next runs fall on both sides of a DST change ("every year on
 * march 1 and november 1" in New York): each part is converted with the
 * offset of its own next run, so every part's next run is at the time asked
 * for; sync replaces each after its change.
 */
function eachOnItsOffset(patterns: Pattern[], offsets: number[], zone: string, now: number, original: string): UtcSchedule {
  const parts: CronPart[] = [];
  const utc: Pattern[] = [];
  // The first run of each part the coming change moves, as the single cron's warning names it.
  const moved: string[] = [];
  const change = nextOffsetChange(zone, now);
  patterns.forEach((pattern, k) => {
    const offset = offsets[k]!;
    const shifted = shiftPattern(pattern, -offset);
    if ('problem' in shifted) throw notExact(original, zone, offset, pattern, shifted.problem);
    utc.push(...shifted.patterns);
    parts.push(...cronParts(shifted.patterns).map(({ cron, pattern: part }) => ({ cron, localCron: localCronOf(part, offset) })));
    const fire = firstMovedFire(shifted.patterns, zone, now, offset);
    if (fire !== null) moved.push(movedRuns(zone, fire, offset));
  });
  const used = [...new Set(offsets)].map((own) => `UTC${formatOffset(own)}`).join(' and ');
  const warning =
    `${change ? changeCause(zone, change) : zone}, and this schedule's parts next run on different sides of a change: ` +
    `each part's cron is computed for the offset of its own next run (${used})${moved.length > 0 ? `, so ${moved.join(', and ')}` : ''}. ` +
    'Because Letta evaluates cron in UTC, each must be replaced after a change to keep the local time, which sync does.';
  return single(
    checkCount(parts, original),
    cronParts(patterns).map((p) => p.cron),
    utc,
    [warning],
  );
}

function single(crons: CronPart[], localCrons: string[] | null, utcPatterns: Pattern[] | null, warnings: string[]): UtcSchedule {
  return { cron: crons[0]!.cron, localCron: crons[0]!.localCron, crons, localCrons, utcPatterns, warnings };
}

/** More crons than a set holds: a rule on the clock is then a series (NotExactInUtc), one of any other kind refused. */
function checkCount(parts: CronPart[], original: string): CronPart[] {
  if (parts.length > MAX_CRONS) {
    const why = `it needs ${parts.length} crons to be exact, and a schedule here is at most ${MAX_CRONS}`;
    throw new NotExactInUtc(`'${original}': ${why}`, 'Split it into simpler schedules, each with fewer months, days or times.', why);
  }
  return parts;
}

/** The one local cron that says a UTC pattern on the zone's clock, or null. */
function localCronOf(utcPattern: Pattern, offset: number): string | null {
  const local = shiftPattern(utcPattern, offset);
  if ('problem' in local) return null;
  const parts = cronParts(local.patterns);
  return parts.length === 1 ? parts[0]!.cron : null;
}

/** A schedule on local days whose time falls on another day in UTC, where its days of the month or months cannot follow: no set of crons says it, a series of its local fires does. */
export class NotExactInUtc extends UsageError {
  constructor(
    message: string,
    hint: string,
    /** Why, without the phrase: "09:00 in Australia/Sydney is on the previous day in UTC, and a day of the month cannot move with it". */
    readonly why: string,
  ) {
    super(message, hint);
  }
}

function notExact(original: string, zone: string, offset: number, pattern: Pattern, problem: { shift: number; minute: number }): NotExactInUtc {
  const what = pattern.days.monthDays ? 'a day of the month' : 'a month';
  const low = Math.max(0, offset);
  const high = Math.min(DAY_MINUTES, DAY_MINUTES + offset) - 1;
  const clock = formatClock(Math.floor(problem.minute / 60), problem.minute % 60);
  const day = `on the ${problem.shift < 0 ? 'previous' : 'next'} day in UTC, and ${what} cannot move with it`;
  return new NotExactInUtc(
    `'${original}' cannot be exact in UTC for ${zone}: ${clock} there is ${day}`,
    `Pick a time between ${formatClock(Math.floor(low / 60), low % 60)} and ${formatClock(Math.floor(high / 60), high % 60)} local time, or give the cron in UTC.`,
    `${clock} in ${zone} is ${day}`,
  );
}

/** The first instant after `now` at which the zone's clock shows a time the patterns name (times a DST jump skips do not count). */
export function nextLocalFire(patterns: Pattern[], zone: string, now: number): number | null {
  const today = wallTime(zone, now);
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const date = addDays(today, i);
    let best: number | null = null;
    for (const pattern of patterns) {
      if (!dayMatches(pattern.days, date)) continue;
      for (const minute of pattern.minutes) {
        const hour = Math.floor(minute / 60);
        const at = instantFromLocal(zone, { ...date, hour, minute: minute % 60, second: 0 });
        if (at <= now) continue;
        const shown = wallTime(zone, at);
        if (shown.hour !== hour || shown.minute !== minute % 60) continue;
        if (best === null || at < best) best = at;
        break;
      }
    }
    if (best !== null) return best;
  }
  return null;
}

export function dayMatches(days: DayFilter, date: { month: number; day: number; weekday: number }): boolean {
  return (!days.weekdays || days.weekdays.includes(date.weekday)) && (!days.monthDays || days.monthDays.includes(date.day)) && (!days.months || days.months.includes(date.month));
}

/** Move a pattern by `delta` minutes (UTC = local + delta), splitting it where days change. */
export function shiftPattern(pattern: Pattern, delta: number): { patterns: Pattern[] } | { problem: { shift: number; minute: number } } {
  const byShift = new Map<number, { minutes: number[]; firstLocal: number }>();
  for (const minute of pattern.minutes) {
    const total = minute + delta;
    const shift = Math.floor(total / DAY_MINUTES);
    const entry = byShift.get(shift) ?? { minutes: [], firstLocal: minute };
    entry.minutes.push(total - shift * DAY_MINUTES);
    byShift.set(shift, entry);
  }
  const patterns: Pattern[] = [];
  for (const [shift, { minutes, firstLocal }] of byShift) {
    const days = shiftDays(pattern.days, shift);
    if (!days) return { problem: { shift, minute: firstLocal } };
    for (const filter of days) patterns.push({ minutes: [...minutes].sort((a, b) => a - b), days: filter });
  }
  return { patterns };
}

type SampleDay = { year: number; month: number; day: number; weekday: number };

/** The UTC calendar day of an instant. */
function calendarDay(instant: number): SampleDay {
  const d = new Date(instant);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** Move a calendar day on by one, in place, without building dates. */
function nextDay(date: SampleDay): void {
  date.weekday = (date.weekday + 1) % 7;
  if (date.day < daysInMonth(date.year, date.month)) {
    date.day++;
    return;
  }
  date.day = 1;
  if (date.month < 12) date.month++;
  else {
    date.month = 1;
    date.year++;
  }
}
const SAMPLE_DAYS = 366 * 8;
let sample: SampleDay[] | undefined;

/** Eight years of calendar from 2027 (leap years and every weekday of every date among them), made once. */
function sampleDays(): SampleDay[] {
  if (!sample) {
    const date = calendarDay(Date.UTC(2027, 0, 1));
    sample = [];
    for (let i = 0; i < SAMPLE_DAYS; i++, nextDay(date)) sample.push({ ...date });
  }
  return sample;
}

/**
 * The day filters that name exactly the days `shift` days after those `days`
 * names, or null when no cron fields can. Weekdays always move; days of the
 * month and months are checked against eight years of calendar.
 */
function shiftDays(days: DayFilter, shift: number): DayFilter[] | null {
  if (shift === 0 || (!days.weekdays && !days.monthDays && !days.months)) return [days];
  const weekdays = days.weekdays?.map((d) => (((d + shift) % 7) + 7) % 7).sort((a, b) => a - b) ?? null;
  if (!days.monthDays && !days.months) return [{ ...days, weekdays }];

  const calendar = sampleDays();
  const wanted = calendar.map((_, i) => i - shift >= 0 && i - shift < calendar.length && dayMatches(days, calendar[i - shift]!));
  const exact = (candidates: DayFilter[]) => {
    // Away from the sample's edges, every year's wanted days and no others.
    for (let i = 2; i < calendar.length - 2; i++) if (wanted[i] !== candidates.some((c) => dayMatches(c, calendar[i]!))) return false;
    return true;
  };
  if (weekdays) {
    const candidates = [{ weekdays, monthDays: null, months: days.months }];
    return exact(candidates) ? candidates : null;
  }
  // The (month, day) pairs the shifted dates fall on, grouped by month or by day, whichever takes fewer crons.
  const pairs = new Set<number>();
  calendar.forEach((date, i) => {
    if (wanted[i]) pairs.add(date.month * 32 + date.day);
  });
  const byMonth = groupedFilters(pairs, 'month');
  const byDay = groupedFilters(pairs, 'day');
  for (const candidates of byDay.length < byMonth.length ? [byDay, byMonth] : [byMonth, byDay]) if (exact(candidates)) return candidates;
  return null;
}

/** The most days a month has (February's 29 in a leap year). */
const LONGEST_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Day filters naming exactly these (month, day) pairs (month * 32 + day): per month its days, months with the same days
 * sharing a filter (`by` 'month'), or per day its months, days with the same months sharing one ('day'). A day a month
 * never has (the 31st of September) may be named or not: it is named where that joins a run ("2-31" of July to September).
 */
function groupedFilters(pairs: Set<number>, by: 'month' | 'day'): DayFilter[] {
  const has = (month: number, day: number): boolean => pairs.has(month * 32 + day) || (day > LONGEST_MONTH[month]! && has(month, day - 1));
  const [outer, inner] = by === 'month' ? [12, 31] : [31, 12];
  const groups = new Map<string, number[]>();
  for (let key = 1; key <= outer; key++) {
    const values: number[] = [];
    for (let value = 1; value <= inner; value++) if (by === 'month' ? has(key, value) : has(value, key)) values.push(value);
    if (values.length === 0) continue;
    const id = values.join(',');
    groups.set(id, [...(groups.get(id) ?? []), key]);
  }
  return [...groups].map(([id, keys]) => {
    const values = id.split(',').map(Number);
    const [months, monthDays] = by === 'month' ? [keys, values] : [values, keys];
    return { weekdays: null, monthDays: monthDays.length === 31 ? null : monthDays, months: months.length === 12 ? null : months };
  });
}

/**
 * Crons for a list of patterns: patterns with the same days merge, hours with the same minutes share a cron
 * (or, `byMinute`, minutes with the same hours do: "30 3-11" and "0 4-11" rather than "30 3" and "*\/30 4-11").
 */
export function cronParts(patterns: Pattern[], byMinute = false): Array<{ cron: string; pattern: Pattern }> {
  const merged = new Map<string, Pattern>();
  for (const pattern of patterns) {
    const id = JSON.stringify(pattern.days);
    const existing = merged.get(id);
    merged.set(id, { days: pattern.days, minutes: [...new Set([...(existing?.minutes ?? []), ...pattern.minutes])].sort((a, b) => a - b) });
  }
  const parts: Array<{ cron: string; pattern: Pattern }> = [];
  for (const pattern of merged.values()) {
    // Each key (an hour, or a minute of the hour) with the values said with it; keys with the same values share a cron.
    const [keyOf, valueOf] = byMinute ? [(m: number) => m % 60, (m: number) => Math.floor(m / 60)] : [(m: number) => Math.floor(m / 60), (m: number) => m % 60];
    const byKey = new Map<number, number[]>();
    for (const minute of pattern.minutes) byKey.set(keyOf(minute), [...(byKey.get(keyOf(minute)) ?? []), valueOf(minute)]);
    const shared = new Map<string, number[]>();
    for (const [key, values] of byKey) shared.set(values.join(','), [...(shared.get(values.join(',')) ?? []), key]);
    const { weekdays, monthDays, months } = pattern.days;
    const dayFields = `${monthDays ? cronField(monthDays, 1, 31) : '*'} ${months ? cronField(months, 1, 12) : '*'} ${weekdays ? cronList(weekdays) : '*'}`;
    for (const [valueList, keys] of shared) {
      const values = valueList.split(',').map(Number);
      const [minutes, hours] = byMinute ? [keys, values] : [values, keys];
      parts.push({
        cron: `${cronField(minutes, 0, 59)} ${cronField(hours, 0, 23)} ${dayFields}`,
        pattern: { days: pattern.days, minutes: hours.flatMap((h) => minutes.map((m) => h * 60 + m)) },
      });
    }
  }
  return mergeWeekdays(parts);
}

/** "0 9 * * 1-5" and "0 9 * * 0,6" are "0 9 * * *"... only when they differ in nothing but the weekdays. */
function mergeWeekdays(parts: Array<{ cron: string; pattern: Pattern }>): Array<{ cron: string; pattern: Pattern }> {
  const out: Array<{ cron: string; pattern: Pattern }> = [];
  for (const part of parts) {
    const fields = part.cron.split(' ');
    const same = out.find((o) => {
      const other = o.cron.split(' ');
      return other.slice(0, 4).join(' ') === fields.slice(0, 4).join(' ') && other[2] === '*' && o.pattern.days.weekdays && part.pattern.days.weekdays;
    });
    if (!same) {
      out.push(part);
      continue;
    }
    const weekdays = [...new Set([...same.pattern.days.weekdays!, ...part.pattern.days.weekdays!])].sort((a, b) => a - b);
    same.pattern = { ...same.pattern, days: { ...same.pattern.days, weekdays: weekdays.length === 7 ? null : weekdays } };
    same.cron = `${fields.slice(0, 4).join(' ')} ${weekdays.length === 7 ? '*' : cronList(weekdays)}`;
  }
  return out;
}

/** One cron field: "*", "*\/15", "1-22/3", "9-17", "0,30", "1,3-5". */
export function cronField(values: number[], min: number, max: number): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const size = max - min + 1;
  if (sorted.length === size) return '*';
  if (sorted.length >= 2) {
    const step = sorted[1]! - sorted[0]!;
    const arithmetic = step > 1 && sorted.every((v, i) => v === sorted[0]! + i * step);
    if (arithmetic && sorted[0] === min && size % step === 0 && sorted.length === size / step) return `*/${step}`;
    if (arithmetic && sorted.length > 3) return `${sorted[0]}-${sorted.at(-1)}/${step}`;
  }
  return cronList(sorted);
}

/** [1,2,3,4,5] -> "1-5", [0,6] -> "0,6", [1,3,4,5] -> "1,3-5". */
export function cronList(values: number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Warnings about offset changes: a change between now and the first run
 * (the crons use the offset of the first run), and the next change after the
 * first run, named by the first fire it moves of each cron it moves.
 */
function warningsFor(patterns: Pattern[], utc: Array<{ cron: string; pattern: Pattern }>, zone: string, now: number, first: number, offset: number): string[] {
  const warnings: string[] = [];
  const before = nextOffsetChange(zone, now);
  if (before && before.at <= first) {
    // Fires of the new cron that come before the change land at the wrong local time: say so.
    const early = utcFires(
      utc.map((part) => part.pattern),
      now,
      1,
    )[0];
    const earlyNote =
      early === undefined || early >= before.at
        ? ''
        : `; its run at ${formatClock(wallTime(zone, early).hour, wallTime(zone, early).minute)} local time on ${formatDate(wallTime(zone, early))}, before the change, is not at the time asked for`;
    warnings.push(
      `${zone} changes its clocks on ${formatDate(wallTime(zone, before.at))}, before this schedule first runs: ` +
        `the cron is computed for the offset of its first run (UTC${formatOffset(offset)})${earlyNote}.`,
    );
  }
  const change = nextOffsetChange(zone, first);
  if (change) {
    // Each cron the change moves, named by its first moved fire: a set's crons can move on different days, or not at all.
    const moved = utc.flatMap(({ cron, pattern }) => {
      const fire = unmovedBy([pattern], change.after - change.before) ? null : firstMovedFire([pattern], zone, change.at, offset);
      return fire === null ? [] : [{ cron, fire }];
    });
    const what = utc.length === 1 && moved.length === 1 ? movedSchedule(zone, moved[0]!.fire, offset) : moved.map(({ cron, fire }) => movedRuns(zone, fire, offset, cron)).join(', and ');
    if (moved.length > 0)
      warnings.push(
        `${changeCause(zone, change)}: ${what}, because Letta evaluates cron in UTC. ` +
          `To keep the local time ${moved.length === 1 ? 'it' : 'each'} must be replaced after the change, which sync does.`,
      );
  }
  // Only where every day named is one some months lack: with an earlier day ("the 15th and 31st", "25th to the last") it runs every month.
  const monthDays = patterns.flatMap((p) => (p.days.monthDays && !p.days.months && p.days.monthDays.every((d) => d > 28) ? p.days.monthDays : []));
  const late = monthDays.filter((d) => d > 28);
  if (late.length > 0) warnings.push(`Day ${late.join(', ')} is not in every month: the schedule will not run in months without it.`);
  return warnings;
}

/** Why the zone's offset changes: daylight saving time, or a move for good (the one rule, isSeasonalChange). */
function changeCause(zone: string, change: { at: number; before: number; after: number }): string {
  return isSeasonalChange(zone, change) ? `${zone} observes daylight saving time` : `${zone} moves from UTC${formatOffset(change.before)} to UTC${formatOffset(change.after)} for good`;
}

/** The local times of a fire the change moved (`fire`) and of the one meant (on `offset`), and the weekdays when they differ. */
function movedFire(zone: string, fire: number, offset: number) {
  const actual = wallTime(zone, fire);
  const intended = wallTime('UTC', fire + offset * 60_000);
  const dayNote = actual.day !== intended.day ? ` on ${WEEKDAY_NAMES[actual.weekday]} instead of ${WEEKDAY_NAMES[intended.weekday]}` : '';
  return { date: formatDate(actual), actual: formatClock(actual.hour, actual.minute), intended: formatClock(intended.hour, intended.minute), dayNote };
}

/** "from 2027-03-14 this schedule will run at 10:00 local time instead of 09:00": the one cron of a schedule. */
function movedSchedule(zone: string, fire: number, offset: number): string {
  const { date, actual, intended, dayNote } = movedFire(zone, fire, offset);
  return `from ${date} this schedule will run at ${actual} local time instead of ${intended}${dayNote}`;
}

/** "from 2027-04-05 its 09:00 runs (0 20 * * 0-4) will run at 08:00 local time instead": one cron of several. */
function movedRuns(zone: string, fire: number, offset: number, cron?: string): string {
  const { date, actual, intended, dayNote } = movedFire(zone, fire, offset);
  return `from ${date} its ${intended} runs${cron ? ` (${cron})` : ''} will run at ${actual} local time${dayNote || ' instead'}`;
}

/**
 * The first fire after `from` whose local time is not the one meant (with
 * `offset`), before the zone's offset returns to it; null if none moves.
 */
function firstMovedFire(utc: Pattern[], zone: string, from: number, offset: number): number | null {
  const back = nextOffsetChange(zone, from + 60_000);
  const until = back && back.after === offset ? back.at : from + 400 * 86_400_000;
  let cursor = from - 1;
  for (;;) {
    const runs = utcFires(utc, cursor, 20);
    for (const run of runs) {
      if (run >= until) return null;
      if (offsetMinutes(zone, run) !== offset) return run;
    }
    if (runs.length === 0) return null;
    cursor = runs.at(-1)!;
  }
}

/** The next `count` instants after `from` at which UTC patterns fire (the crons' runs, without a cron library). */
export function utcFires(patterns: Pattern[], from: number, count: number): number[] {
  const out: number[] = [];
  let day = Math.floor(from / 86_400_000) * 86_400_000;
  const date = calendarDay(day);
  for (let i = 0; out.length < count && i < SEARCH_DAYS; i++, day += 86_400_000, nextDay(date)) {
    const today = new Set<number>();
    for (const pattern of patterns) if (dayMatches(pattern.days, date)) for (const minute of pattern.minutes) today.add(minute);
    if (today.size === 0) continue;
    for (const minute of [...today].sort((a, b) => a - b)) {
      const at = day + minute * 60_000;
      if (at > from) out.push(at);
    }
  }
  return out.slice(0, count);
}

/** True when moving every fire by `delta` minutes changes nothing a user would notice (every hour at :00 across a one-hour change). */
function unmovedBy(patterns: Pattern[], delta: number): boolean {
  return patterns.every((p) => {
    if (p.days.weekdays || p.days.monthDays || p.days.months) return delta === 0;
    const set = new Set(p.minutes);
    return p.minutes.every((m) => set.has((((m + delta) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES));
  });
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}
