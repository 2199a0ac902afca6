/**
 * A recurring phrase's groups (read-recurring) as a schedule on the user's
 * clock: crons' worth of local times and days, an interval, or a series rule
 * where no set of crons says it exactly. to-utc puts it on Letta's UTC clock.
 */
import { movableHolidayIn } from './movable-holidays';
import { UsageError } from '../errors';
import { asTwentyFourHour, clockNote, eveningTwelveNote, onTwentyFourHourClock, partHolds, partNote, settleClock, type ClockRead, type ClockTime } from './clock';
import { MONTH_NAMES, PART_HOURS, WEEKDAY_NAMES, withNamedTimes, withoutHedge } from './lexicon';
import { phraseZone } from './once-zone';
import { phraseError } from './phrase-error';
import { ClauseConflict, DAY_KINDS, EVERY_WEEKDAY_OF_MONTHS, GrammarError, listText, readGroups, readText, timesInADay, withMonthStepOpened, type Group, type Nth, type Unit } from './read-recurring';
import { nextInstants, type LocalDate, type SeriesRule } from './series';
import { cronParts, dayMatches, MAX_CRONS, patternsOf, utcFires, type Pattern } from './to-utc';
import { fieldCountError } from './cron';
import { isCronLike, isShortCron, normalize } from './looks-recurring';
import { ordinalDay, readOrdinal, tokenize } from './words';

export { looksRecurring } from './looks-recurring';
// Given from here, which every repeating phrase loads, so what only they are refused for stays off the one-time path.
export { refuseWordingsOfRule } from './refused-wordings';
import { addDays, changesClocks, daysInMonth, formatClock, formatDate, formatLocal, instantFromLocal, offsetMinutes, wallTime } from './zone';
import { lookupZone } from './zone-names';

/**
 * What a recurring phrase means on the user's clock, before any zone math.
 * `interval` patterns are on the UTC clock already (cron steps run in UTC)
 * and are never shifted between zones.
 */
export type LocalSchedule =
  | { kind: 'raw'; cron: string }
  | { kind: 'interval'; patterns: Pattern[] }
  /** "every hour at :30": the minute is on the user's clock, which half-hour zones shift. */
  | { kind: 'hourly'; minute: number }
  | { kind: 'clock'; minute: number; hours: number[]; daysOfWeek: number[] | null; dayOfMonth: number | null }
  /** Any other set of local times on local days: "every day at 9:00 and 17:30", "every 20 minutes on weekdays". */
  | { kind: 'calendar'; patterns: Pattern[] }
  /** A rule no set of crons says exactly: its instants come from `nextInstants`. */
  | { kind: 'series'; rule: SeriesRule; description: string; reason: string; hint: string };

export interface RecurringContext {
  now: number;
  zone: string;
  /** Where the reading puts what it chose (a clock without am/pm, a start the phrase does not give). */
  notes?: string[];
  /** The local day a start said in the phrase gives ("weekly starting dec 10"): a rule of weeks, months or years that names no day runs on it. */
  startDay?: LocalDate & { weekday: number };
}

export const RECURRING_EXAMPLES = [
  'every 5 minutes',
  'every hour',
  'every 2 hours',
  'daily at 9am',
  'every day at 9am and 5pm',
  'every weekday at 10am',
  'every weekend at 10am',
  'every monday at 9am',
  'every mon, wed and fri at 7am',
  'monday through thursday at 8am',
  'every 30 minutes between 9am and 5pm',
  'every 20 minutes on weekdays',
  'weekly',
  'monthly',
  'every month on the 15th at noon',
  'every 5th and 20th of the month',
  'every march 1st at 8am',
  'quarterly',
  'twice a day',
  '0 9 * * 1-5',
];

const DEFAULT_TIME: ClockTime = { hour: 9, minute: 0 };
const DAY_MINUTES = 1440;
const NTH_NAMES: Record<number, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  5: 'fifth',
  [-1]: 'last',
  [-2]: 'second last',
  [-3]: 'third last',
  [-4]: 'fourth last',
  [-5]: 'fifth last',
};
export const SERIES_HINT = 'It needs a series of one-time schedules; `parse` lists its next runs.';

/**
 * A schedule as a series rule, for a phrase with its own start, end or count:
 * local times on local days as they are; an interval as elapsed steps from
 * its next fire. A raw cron has no local meaning to keep and is refused.
 */
export function asSeriesRule(schedule: LocalSchedule, now: number, label: string): SeriesRule {
  if (schedule.kind === 'series') return schedule.rule;
  if (schedule.kind === 'raw') throw new UsageError(`${label}: a raw cron cannot carry its own start or end`, 'Give them as --until and --count.');
  const patterns = patternsOf(schedule);
  if (schedule.kind === 'interval') {
    const minutes = patterns[0]!.minutes;
    const step = (minutes[1] ?? minutes[0]! + DAY_MINUTES) - minutes[0]!;
    const uniform = patterns.length === 1 && !patterns[0]!.days.weekdays && !patterns[0]!.days.monthDays && !patterns[0]!.days.months && minutes.every((m, k) => m === minutes[0]! + k * step);
    if (!uniform || DAY_MINUTES % step !== 0) throw new UsageError(`${label}: this interval cannot carry its own start or end`, 'Give them as --until and --count.');
    return { kind: 'elapsed', minutes: step, start: utcFires(patterns, now, 1)[0] ?? now };
  }
  const toClock = (m: number): ClockTime => ({ hour: Math.floor(m / 60), minute: m % 60 });
  return { kind: 'any', rules: patterns.map((pattern): SeriesRule => ({ kind: 'calendar', days: pattern.days, times: pattern.minutes.map(toClock) })) };
}

/**
 * The zone a recurring phrase names ("every weekday at 9am EST", "daily at 9am
 * in London", "every day at 10am Europe/Berlin"), in which its rule is
 * computed; the user's zone when it names none.
 */
export function scheduleZone(input: string, zone: string): string {
  const text = normalize(input);
  if (text === '' || isCronLike(text) || /^@\w+$/.test(text)) return zone;
  try {
    readText(text);
    return zone;
  } catch {
    return writtenZone(text, zone, input.trim())?.zone ?? zone;
  }
}

/** The phrase without the zone written in it, and that zone; null when it names none. An ambiguous or unknown zone is an error. */
function writtenZone(text: string, zone: string, original: string): { text: string; zone: string; season?: string; guess?: string; also?: { meant: string; others: string } } | null {
  const found = phraseZone(text, zone, original);
  if (found.written === undefined || found.text === '') return null;
  if (!/^[+-]/.test(found.written)) return { text: found.text, zone: found.written, season: found.season?.said, guess: found.guess, also: found.also };
  const fixed = lookupZone(`utc${found.written}`);
  if (fixed && 'zone' in fixed) return { text: found.text, zone: fixed.zone };
  throw new UsageError(
    `'${original}' gives the offset ${found.written}; a repeating schedule needs a zone, whose clock it follows`,
    "Write the zone's name instead, such as 'Asia/Kolkata' or 'America/New_York'.",
  );
}

/** The @macros of other crons, refused here (Letta takes five fields): what to write instead. */
const CRON_MACROS: Record<string, [string, string]> = {
  '@yearly': ['0 0 1 1 *', 'every year on jan 1 at midnight'],
  '@annually': ['0 0 1 1 *', 'every year on jan 1 at midnight'],
  '@monthly': ['0 0 1 * *', 'every month on the 1st at midnight'],
  '@weekly': ['0 0 * * 0', 'every sunday at midnight'],
  '@daily': ['0 0 * * *', 'daily at midnight'],
  '@midnight': ['0 0 * * *', 'daily at midnight'],
  '@hourly': ['0 * * * *', 'every hour'],
};

/**
 * Read a recurring phrase. Raw crons are returned for validation elsewhere.
 * `context` (now and zone) anchors rules that count from today, such as "every 3 days".
 */
export function parseRecurring(input: string, given: RecurringContext = { now: Date.now(), zone: 'UTC' }): LocalSchedule {
  let context = given;
  const text = withMonthStepOpened(withNamedTimes(withoutHedge(normalize(input), input.trim(), given.notes), given.notes, 'recurring'), given.notes, given.startDay !== undefined);
  const original = input.trim();
  if (text === '') throw new UsageError('No schedule given', "Try 'every weekday at 9am' or a cron such as '0 9 * * 1-5'.");
  if (/^@\w+$/.test(text)) {
    const macro = CRON_MACROS[text];
    const hint = macro ? `For '${text}' write '${macro[0]}' (UTC) or '${macro[1]}' (your zone).` : "For example '0 9 * * 1-5' (09:00 UTC, Monday to Friday) or 'every weekday at 9am' (your zone).";
    throw new UsageError(`'${original}' is not supported: use a 5-field cron or a phrase`, hint);
  }
  if (isCronLike(text)) return { kind: 'raw', cron: original.replace(/\s+/g, ' ') };
  if (isShortCron(text)) throw fieldCountError(original);

  let groups: Group[];
  try {
    groups = [...readText(text)];
  } catch (error) {
    // "every day at 9am EST": the rule is read on the clock of the zone it names.
    const zoned = writtenZone(text, context.zone, original);
    if (!zoned) {
      const movable = movableHolidayIn(text);
      if (movable)
        throw new UsageError(
          `'${original}': ${movable} falls on a different day each year, which a repeating schedule cannot follow`,
          `Schedule each year's as a one-time message, such as --execute-at '${movable} at 9am'.`,
        );
      const yearDay = dayOfEveryYear(text, original);
      if (yearDay) throw yearDay;
      // The word it stopped at is named only as typed: a rewrite's ("2027" for "twenty twenty seven") is none of the person's.
      if (error instanceof GrammarError) throw phraseError(original, 'Could not understand the schedule', RECURRING_EXAMPLES, 3, typedWord(error.token, original));
      throw withPhrase(error, original);
    }
    context = { ...context, zone: zoned.zone };
    // "9am EDT" every day: one season's name, but the rule follows the zone's clock through both. "9am BST": what BST was
    // read as is said in the same note.
    if (zoned.season && changesClocks(zoned.zone, context.now)) {
      const read = zoned.also ? `read '${zoned.season}' as ${zoned.also.meant}, the clock of ${zoned.zone},` : `read ${zoned.season} as the clock of ${zoned.zone},`;
      context.notes?.push(
        `${read} which changes with the seasons: the schedule follows that clock (sync keeps it there across each change), not one season's offset${zoned.also ? `; ${zoned.also.others}` : ''}`,
      );
    } else if (zoned.guess) context.notes?.push(zoned.guess);
    try {
      groups = [...readText(zoned.text)];
    } catch (again) {
      if (again instanceof GrammarError) throw phraseError(original, 'Could not understand the schedule', RECURRING_EXAMPLES, 3, again.token);
      throw withPhrase(again, original);
    }
  }
  // "weekdays at 8am and weekends": a group that names no time takes the one before it. An interval of minutes or hours
  // does not: a time there would be its start ("every day at 9am and every 2 hours" is two rules, refused below as in the other order).
  const stepped = (group: Group) => group.interval?.unit === 'minute' || group.interval?.unit === 'hour';
  // Said, as the default 09:00 is as likely meant (when the time is 09:00 the two agree).
  groups = groups.map((group, k) => {
    if (k === 0 || group.times.length > 0 || group.part || stepped(group)) return group;
    const before = groups[k - 1]!;
    const words = [...before.times.map((time) => time.text.replace(/ ([ap]m)\b/g, '$1')), ...(before.part ? [before.part] : [])];
    const atNine = before.times.every((time) => time.value.hour === 9 && time.value.minute === 0) && !before.part;
    if (words.length > 0 && !atNine) {
      const said = listText(words.map((word) => `'${word}'`));
      context.notes?.push(
        `read ${said}, said before 'and', as ${words.length > 1 ? 'the times' : 'the time'} of the part after it too; to give that part another, say it with it, such as 'mondays at 5pm and fridays at 9am'`,
      );
    }
    return { ...group, times: before.times, part: before.part };
  });
  noteSaidOnce(groups, original, context.notes);
  let built: Built[];
  try {
    built = groups.map((group) => buildGroup(group, original, context));
  } catch (error) {
    throw withPhrase(error, original);
  }
  // "first business day of the month", "every working day": Monday to Friday, as no calendar of holidays is known here.
  const business = /\b(?:business|working|work)[ -]?days?\b|\bworkdays?\b/.exec(text);
  if (business) context.notes?.push(`read '${business[0]}' as Monday to Friday: holidays are not known, so one that falls on a ${business[0].replace(/s$/, '')} is not skipped`);
  if (built.length === 1) return simplest(built[0]!);
  const atMinutes = oneIntervalAtMinutes(groups, built);
  if (atMinutes) {
    // Each minute's interval said where it runs on the UTC clock; the first says it for all.
    const utcClock = `read '${original}' on the UTC clock`;
    const notes = context.notes ?? [];
    const first = notes.findIndex((note) => note.startsWith(utcClock));
    if (first >= 0) notes.splice(0, notes.length, ...notes.filter((note, k) => k <= first || !note.startsWith(utcClock)));
    return atMinutes;
  }
  try {
    return simplest(union(built, original));
  } catch (error) {
    throw withPhrase(error, original);
  }
}

/**
 * "monday", "the 15th at 9am", "march 1st" under --cron: days said as if once are read as repeating,
 * every time they come round, as --cron asks; a note says so. A month alone ("in june", "every
 * june") names no day in it (every day? the 1st?), so it is refused; with a time ("at 00:05 in
 * august", as cron describers write) it is every day in that month, said in a note. A time alone has its own note (every day).
 */
function noteSaidOnce(groups: readonly Group[], original: string, notes: string[] | undefined): void {
  const days = (group: Group) => DAY_KINDS.some((kind) => group[kind] !== undefined) || group.exceptWeekdays !== undefined;
  // A minute past the hour alone ("at 30 minutes past the hour, only in january") is every hour's.
  const monthOnly = groups.filter((group) => group.months && !days(group) && !group.interval && !group.window && !group.timesPer && !group.timesADay && group.minuteOfHour === undefined);
  // "every june" is as open: every day of it, or once in it?
  if (monthOnly.some((group) => group.times.length === 0 && !group.part)) {
    throw new UsageError(`'${original}' names a month but not which days in it`, "Say which, such as 'every day in june', 'every monday in june' or 'every june 1st'.");
  }
  if (monthOnly.length > 0) {
    // "at 00:05 in august", cron describers' words for every day in it.
    const months = listText(monthOnly[0]!.months!.map((month) => MONTH_NAMES[month - 1]!));
    notes?.push(`read '${original}' as every day in ${months}; name the days for fewer, such as 'every monday in ${MONTH_NAMES[monthOnly[0]!.months![0]! - 1]!.toLowerCase()}'`);
    return;
  }
  // "first monday of the month", "the 15th of the month": a month that comes round says it repeats.
  if (groups.some((group) => group.repeats) || /\bmonth\b/.test(original.toLowerCase())) return;
  if (groups.some(days)) notes?.push(`read '${original}' as repeating, each time it comes round, as --cron asks; for one time use --execute-at`);
}

/** "31st of every year", "the 15th of each year": a day of the month in a year, which names no month. */
function dayOfEveryYear(text: string, original: string): UsageError | undefined {
  const tokens = tokenize(text);
  const of = tokens.findIndex((token, k) => token === 'of' && ['every', 'each'].includes(tokens[k + 1] ?? '') && tokens[k + 2] === 'year');
  // "twenty first": the longer reading first.
  const day = [of - 2, of - 1].map((k) => (of > 0 && k >= 0 ? readOrdinal(tokens, k) : null)).find((read) => read?.end === of);
  if (!day || day.end !== of || day.value < 1 || day.value > 31) return undefined;
  return new UsageError(
    `'${original}' names a day of the month (the ${ordinalDay(day.value)}) but not which month of the year`,
    `Say the month, such as 'every december ${ordinalDay(day.value)}'; for the year's last day, 'the last day of every year'.`,
  );
}

function typedWord(token: string | undefined, original: string): string | undefined {
  return token !== undefined && original.toLowerCase().includes(token) ? token : undefined;
}

/** An input error that repeats the phrase it is about. */
function withPhrase(error: unknown, original: string): unknown {
  if (!(error instanceof UsageError) || error.message.includes(`'${original}'`)) return error;
  if (error instanceof ClauseConflict) return new UsageError(`'${original}' ${error.message}`, error.hint);
  return new UsageError(`'${original}': ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`, error.hint);
}

/** A single time on simple days reads as the plain clock form; everything else stays a calendar. */
function simplest(schedule: LocalSchedule): LocalSchedule {
  if (schedule.kind !== 'calendar' || schedule.patterns.length !== 1) return schedule;
  const [{ minutes, days }] = schedule.patterns as [Pattern];
  const minute = minutes[0]! % 60;
  if (days.months || (days.monthDays && days.monthDays.length > 1) || minutes.some((m) => m % 60 !== minute)) return schedule;
  const hours = minutes.map((m) => Math.floor(m / 60));
  if (hours.length === 24 && !days.weekdays && !days.monthDays) return { kind: 'hourly', minute };
  return { kind: 'clock', minute, hours, daysOfWeek: days.weekdays, dayOfMonth: days.monthDays?.[0] ?? null };
}

type Built = Extract<LocalSchedule, { kind: 'calendar' } | { kind: 'interval' } | { kind: 'series' }>;

function buildGroup(group: Group, original: string, context: RecurringContext): Built {
  group = settleTimes(group, context.notes ?? []);
  if (group.timesADay) group = withTimesADay(group, original, context.notes ?? []);
  if (group.exceptWeekdays) {
    const days = (group.weekdays ?? [0, 1, 2, 3, 4, 5, 6]).filter((d) => !group.exceptWeekdays!.includes(d));
    if (days.length === 0) throw new UsageError(`'${original}' leaves no day to run on`);
    group = { ...group, weekdays: days, repeats: true };
  }
  if (group.exceptTimes) {
    // Out of an hourly rule, the hours left out leave the others as times of day, as "every day at 9am, 10am, ..." says them.
    const step = group.interval;
    if (group.window) {
      throw new UsageError(`'${original}' leaves out a time of day from a window, which one rule cannot say`, "Give the window in two, such as 'every hour from 9am to 11am and from 1pm to 5pm'.");
    }
    // "every 8 hours except at midnight": hours that divide the day run at the same hours every day, so those are left out of them.
    if (step?.unit !== 'hour' || 24 % step.n !== 0 || group.times.length > 0) {
      throw new UsageError(
        `'${original}' leaves out a time of day from a rule that does not run at the same hours every day`,
        "Leave times out of every hour, such as 'every hour except 1pm', or name the times it runs at.",
      );
    }
    const minute = group.minuteOfHour ?? 0;
    const off = group.exceptTimes.find((time) => time.minute !== minute || time.hour % step.n !== 0);
    if (off)
      throw new UsageError(
        `'${original}' leaves out ${formatClock(off.hour, off.minute)}, a time it never runs at (it runs at ${step.n === 1 ? `:${String(minute).padStart(2, '0')}` : listText([...Array(24 / step.n).keys()].map((k) => formatClock(k * step.n, minute)))})`,
        "Give the hours to leave out, such as 'every hour except 1pm'.",
      );
    const hours = [...Array(24).keys()].filter((hour) => hour % step.n === 0 && !group.exceptTimes!.some((time) => time.hour === hour));
    if (hours.length === 0) throw new UsageError(`'${original}' leaves no time to run at`);
    const times = hours.map((hour) => ({ value: { hour, minute }, end: 0, ambiguous: false, written: hour, text: formatClock(hour, minute) }));
    group = { ...group, interval: { n: 1, unit: 'day' as const }, minuteOfHour: undefined, exceptTimes: undefined, times, clockTimes: true };
  }
  if (group.exceptMonthDays) {
    // A cron fires where the day of the month or the weekday matches, so the two cannot narrow each other.
    if (group.weekdays || group.nth || group.dates || group.exceptWeekdays) {
      throw new UsageError(
        `'${original}' leaves days of the month out of days of the week, which one cron cannot say (it fires on either)`,
        "Leave out days of the week, such as 'every weekday except friday', or days of the month from every day, such as 'every day except the 1st'.",
      );
    }
    // Out of every day of the month only where the rule runs every day ("every month except the 15th" names no day to run on).
    const step = group.interval;
    if (!group.monthDays && step && !(step.unit === 'minute' || step.unit === 'hour' || (step.unit === 'day' && step.n === 1))) {
      throw new UsageError(
        `'${original}' leaves days of the month out of a rule that does not run every day`,
        "Name the days it runs on, such as 'every month on the 15th', or leave them out of every day, such as 'every day except the 1st'.",
      );
    }
    const days = (group.monthDays ?? [...Array(31).keys()].map((d) => d + 1)).filter((d) => !group.exceptMonthDays!.includes(d));
    if (days.length === 0) throw new UsageError(`'${original}' leaves no day to run on`);
    // Every day of the month but those: each month runs to its end, whatever its length.
    group = { ...group, monthDays: days, exceptMonthDays: undefined, repeats: true, ...(group.monthDays ? {} : { throughMonthEnd: true as const }) };
  }
  if (group.exceptMonths) {
    const months = (group.months ?? [...Array(12).keys()].map((m) => m + 1)).filter((m) => !group.exceptMonths!.includes(m));
    if (months.length === 0) throw new UsageError(`'${original}' leaves no month to run in`);
    group = { ...group, months, exceptMonths: undefined, repeats: true };
  }
  if (group.once) onceEach(group, group.once, original);
  if (group.timesPer) group = withCountedDays(group, original, context.notes ?? []);
  else if (context.startDay) group = onTheStartDay(group, context.startDay, context.notes ?? []);
  // "monthly on december 25", "every 3 days on december 25": a date comes once a year, and the rule ran without it.
  const step = group.interval;
  if (group.dates && step && (step.unit === 'week' || step.unit === 'month' || step.unit === 'quarter' || (step.unit === 'day' && step.n > 1))) {
    throw new UsageError(`'${original}' mixes an interval with dates`, "Say 'every december 25th' for a date each year, or leave the date out.");
  }
  skippedMonthsNote(group, context.notes ?? []);
  const kinds = DAY_KINDS.filter((kind) => group[kind] !== undefined);
  // "every 15th and the last day of the month": `unite` let several kinds of day in only when joined by "and"; each fires on its
  // days. Not days said together to be both ("every friday the 13th"), which one shape reads whole.
  if (kinds.length > 1 && !group.bothDays)
    return union(
      // Each part without the group's notes, which settleTimes has said once already.
      kinds.map((kind) => buildGroup({ ...withoutDays(group), notes: undefined, [kind]: group[kind], repeats: true }, original, context)),
      original,
    );
  // After the split above: each kind of day is shifted (or refused) once.
  group = nightAfter(group, original, context.notes ?? []);
  const shape = SHAPES.find((candidate) => candidate.applies(group))!;
  return shape.build(group, original, context);
}

/**
 * "weekly starting dec 10" runs on Thursdays, "monthly starting december 15" on the 15th, "yearly
 * starting march 3" on 3 March, "every quarter starting in march" in March, June, September and
 * December: a rule of weeks, months or years that names no day takes the start's, as it takes the
 * start's time. Before, it ran on Mondays, the 1st and 1 January from the start on.
 */
function onTheStartDay(group: Group, start: LocalDate & { weekday: number }, notes: string[]): Group {
  const unit = group.interval?.unit;
  if (unit !== 'week' && unit !== 'month' && unit !== 'quarter' && unit !== 'year') return group;
  if (DAY_KINDS.some((kind) => group[kind] !== undefined) || group.months || group.exceptWeekdays || group.exceptMonths) return group;
  const [day, said] =
    unit === 'week'
      ? [{ weekdays: [start.weekday] }, `${WEEKDAY_NAMES[start.weekday]}s`]
      : unit === 'year'
        ? [{ dates: [{ month: start.month, day: start.day }] }, `${start.day} ${MONTH_NAMES[start.month - 1]}`]
        : [{ monthDays: [start.day] }, `the ${ordinalText(start.day)}`];
  notes.push(`read the start, ${formatDate(start)}, as the day it runs on: ${said}; name the day to choose another`);
  return { ...group, ...day };
}

/** "once a day at 9am and 5pm", "once a week on monday and friday": more than one run in each is refused, as "twice a day" giving three times is. */
function onceEach(group: Group, once: NonNullable<Group['once']>, original: string): void {
  const times = minutesOf(group.times.map(({ value }) => value)).length;
  if (times > 1) {
    const often = once.unit === 'day' ? `, or say how often, such as '${COUNT_WORDS[times] ?? `${times} times`} a day'` : '';
    throw new UsageError(`'${original}' says ${once.said} but gives ${times} times`, `Give one time${often}.`);
  }
  if (once.unit === 'day') return;
  const months = once.unit === 'year' && !group.dates ? (group.months?.length ?? 0) : 0;
  // A day within a month named ("once a year on the fourth thursday in november") is one day of the year.
  const named = DAY_KINDS.reduce((sum, kind) => sum + (group[kind]?.length ?? 0), 0);
  const days = months > 0 && named > 0 ? named * months : named + months;
  if (days > 1) {
    throw new UsageError(
      `'${original}' says ${once.said} but names ${days} ${months > 1 ? 'months' : 'days'}`,
      `Name one, or say how often, such as '${COUNT_WORDS[days] ?? `${days} times`} a ${once.unit}'.`,
    );
  }
}

const COUNT_WORDS: Record<number, string> = { 2: 'twice', 3: 'three times', 4: 'four times' };

/** "N times a week" without days: Monday and Thursday; Monday, Wednesday and Friday; ... (Monday first, the days as evenly apart as a week allows). */
const WEEK_SPREAD: Readonly<Record<number, number[]>> = { 2: [1, 4], 3: [1, 3, 5], 4: [1, 2, 4, 5], 5: [1, 2, 3, 4, 5], 6: [1, 2, 3, 4, 5, 6], 7: [0, 1, 2, 3, 4, 5, 6] };

/**
 * "twice a week", "three times a month", "twice a year": the days named with it, which must be
 * that many, or days spread over the week (WEEK_SPREAD), the month (the 1st and 15th; the 1st,
 * 10th and 20th; the 1st, 8th, 15th and 22nd) or the year (the 1st of its months, from January,
 * evenly apart), said in a note. More than a week, month or year can spread evenly is refused.
 */
function withCountedDays(group: Group, original: string, notes: string[]): Group {
  const { count, unit, said } = group.timesPer!;
  // "twice a week on the 15th", "twice a month on mondays": days of another kind than the count is of say neither which nor how many.
  const otherKinds: Record<typeof unit, Array<[keyof Group, string]>> = {
    week: [
      ['monthDays', 'days of the month'],
      ['nth', 'weekdays counted in the month'],
      ['dates', 'dates'],
    ],
    month: [
      ['weekdays', 'days of the week'],
      ['dates', 'dates'],
    ],
    year: [
      ['weekdays', 'days of the week'],
      ['nth', 'weekdays counted in the month'],
    ],
  };
  const other = otherKinds[unit].find(([kind]) => group[kind] !== undefined);
  if (other) {
    const example = unit === 'week' ? "'twice a week on monday and thursday'" : unit === 'month' ? "'twice a month on the 1st and 15th'" : "'twice a year on march 1st and september 1st'";
    throw new UsageError(`'${original}' says ${said} but names ${other[1]}, which do not say ${said}`, `Name the days, such as ${example}.`);
  }
  const named = unit === 'week' ? group.weekdays?.length : unit === 'month' ? (group.monthDays?.length ?? group.nth?.length) : (group.dates?.length ?? group.months?.length);
  // Each unit's days as a group with an interval of one unit, for the shapes below.
  const every = (interval: Unit): Group => ({ ...group, interval: { n: 1, unit: interval } });
  if (named !== undefined) {
    if (named !== count) {
      throw new UsageError(`'${original}' names ${named} ${unit === 'year' && group.months ? 'month' : 'day'}${named === 1 ? '' : 's'} for ${said}`, `Name ${count}, or leave them out.`);
    }
    return every(unit === 'year' && !group.dates ? 'month' : unit);
  }
  const chosen = (what: string, example: string) => notes.push(`read '${said}' as ${what}; name the ${unit === 'year' ? 'dates' : 'days'} to choose them, such as '${example}'`);
  if (unit === 'week' && count <= 7) {
    const weekdays = WEEK_SPREAD[count]!;
    chosen(count === 7 ? 'every day' : listText(weekdays.map((d) => WEEKDAY_NAMES[d]!)), 'every tuesday and friday');
    return { ...every('week'), weekdays };
  }
  if (unit === 'month' && count <= 4) {
    const monthDays = [...Array(count).keys()].map((k) => 1 + Math.round((28 * k) / count));
    chosen(`the ${listText(monthDays.map(ordinalText))}`, 'on the 5th and 20th');
    return { ...every('month'), monthDays };
  }
  if (unit === 'year' && 12 % count === 0) {
    const months = [...Array(count).keys()].map((k) => 1 + (12 / count) * k);
    chosen(`the 1st of ${listText(months.map((m) => MONTH_NAMES[m - 1]!))}`, 'every march 1st and september 1st');
    return { ...every('month'), months, monthDays: group.monthDays ?? [1] };
  }
  throw new UsageError(
    `'${original}' does not say which days ${said} falls on`,
    `Name them, such as ${unit === 'year' ? "'every march 1st and september 1st'" : "'every monday and thursday' or 'on the 1st and 15th'"}.`,
  );
}

/** "every month on the 31st", "every 5th friday": the months that have no such day are skipped, as a cron would skip them; a note says so. */
function skippedMonthsNote(group: Group, notes: string[]): void {
  // "every 5th friday": most months have four of each weekday.
  const fifth = group.nth?.find((nth) => nth.n === 5 && typeof nth.weekday === 'number');
  if (fifth) {
    const name = WEEKDAY_NAMES[fifth.weekday as number]!;
    notes.push(`months without a fifth ${name} (most of them) are skipped; for every month's last say 'the last ${name.toLowerCase()} of the month'`);
  }
  // "every year on feb 29", "every 3 years on feb 29": only leap years have one (every 12 years for the second).
  if (group.dates?.some((date) => date.month === 2 && date.day === 29))
    notes.push("years without a 29 February (three in four) are skipped; for February's end every year say 'the last day of february'");
  const day = Math.max(...(group.monthDays ?? []));
  // "from the 25th to the last", "every day except the 1st": every month runs to its end.
  if (group.throughMonthEnd) return;
  // A year that is not a leap year: February has no 29th in three years of four.
  const skipped = (group.months ?? [...Array(12).keys()].map((m) => m + 1)).filter((month) => daysInMonth(2027, month) < day);
  if (day < 29 || skipped.length === 0) return;
  const without = `without a ${ordinalText(day)} (${listText(skipped.map((m) => MONTH_NAMES[m - 1]!))}${day === 29 ? ', except in leap years' : ''})`;
  // "on the 15th and 30th", "every even day": such months still run on the other days.
  const several = group.monthDays!.some((other) => other < 29);
  notes.push(`${several ? `in months ${without} that day is skipped` : `months ${without} are skipped`}; for every month's end say 'the last day of the month'`);
}

/** The shape each group of a phrase is built by (for tests of the shape list). */
export function shapesOf(input: string): string[] {
  return readGroups(tokenize(normalize(input))).map((group) => SHAPES.find((shape) => shape.applies(group))!.name);
}

export interface Shape {
  name: string;
  /** Phrases of this shape. */
  examples: readonly string[];
  applies: (group: Group) => boolean;
  build: (group: Group, original: string, context: RecurringContext) => Built;
}

const unitOf = (group: Group) => group.interval?.unit;
const stepOf = (group: Group) => group.interval?.n ?? 1;

/**
 * What a group of clauses is, in the order the shapes are tried: the first
 * that applies builds it. A group's parts were united (or refused) as they
 * were read; here each shape only turns them into crons' worth of local
 * times or a series.
 */
export const SHAPES: readonly Shape[] = [
  {
    name: 'days of the week and of the month together',
    examples: ['every friday the 13th', 'every monday the 1st at 9am'],
    applies: (group) => group.bothDays === true,
    build: (group, original) => bothDaysSeries(group, original),
  },
  {
    name: 'interval of minutes or hours',
    examples: ['every 5 minutes', 'every 2 hours from 9 to 5 on weekdays', 'every hour at :30'],
    applies: (group) => unitOf(group) === 'minute' || unitOf(group) === 'hour',
    build: (group, original, context) => {
      const unit = unitOf(group) as 'minute' | 'hour';
      return buildInterval(group, stepOf(group) * (unit === 'hour' ? 60 : 1), unit, original, context);
    },
  },
  {
    // A minute of the hour alone ("at 5 minutes past the hour", as cron describers write it) is every hour, as a clock alone is every day.
    name: 'a minute past the hour alone',
    examples: ['at 5 minutes past the hour', 'at 30 minutes past the hour on weekdays'],
    applies: (group) => group.minuteOfHour !== undefined && !group.interval && group.times.length === 0 && !group.part,
    build: (group, original, context) => {
      // crontab.guru's "At minute 0." says the same.
      if (!/\b(?:past|bottom of|on) the (?:half )?hour\b|\bminutes? of the hour\b|^\s*at minute \d{1,2}\b/i.test(original))
        throw phraseError(original, 'A minute past the hour needs an hourly schedule', ['every hour at :30', 'hourly at 15', ...RECURRING_EXAMPLES]);
      const minute = String(group.minuteOfHour).padStart(2, '0');
      context.notes?.push(`read '${original}' as every hour at :${minute}; name an interval to say otherwise, such as 'every 2 hours at :${minute}'`);
      return buildInterval({ ...group, interval: { n: 1, unit: 'hour' }, repeats: true }, 60, 'hour', original, context);
    },
  },
  {
    name: 'a minute past the hour without an hourly interval (refused)',
    examples: ['every day at :30'],
    applies: (group) => group.minuteOfHour !== undefined,
    build: (_group, original) => {
      throw phraseError(original, 'A minute past the hour needs an hourly schedule', ['every hour at :30', 'hourly at 15', ...RECURRING_EXAMPLES]);
    },
  },
  {
    name: 'a window without an interval (refused)',
    examples: ['every day from 9 to 5'],
    applies: (group) => group.window !== undefined,
    build: (_group, original) => {
      throw phraseError(original, 'A window needs an interval', ['every 30 minutes between 9am and 5pm', 'every hour from 9 to 17 on weekdays']);
    },
  },
  {
    name: 'nth weekdays of the month',
    examples: ['first monday of the month', 'every 2nd and 4th tuesday', 'last weekday of the month', 'every year on the fourth thursday in november'],
    applies: (group) => group.nth !== undefined,
    build: (group, original, context) => {
      const times = clockTimes(group);
      const yearly = yearsOwnMonths(group, original, context);
      // "every year on the last day": December 31st, a date every year (as "the last day of every year" is).
      if (yearly && group.nth!.every((nth) => nth.weekday === 'day' && nth.n < 0)) {
        return buildYearly({ ...group, nth: undefined, dates: group.nth!.map((nth) => ({ month: 12, day: 32 + nth.n })) }, original, context);
      }
      return nthSeries(group.nth!, yearly ?? nthMonths(group, original, times, context), times);
    },
  },
  {
    name: 'every N days',
    examples: ['every 3 days at 9am', 'every other day'],
    applies: (group) => unitOf(group) === 'day' && stepOf(group) > 1,
    build: (group, original, context) => daysSeries(group, stepOf(group), clockTimes(group), original, context),
  },
  {
    name: 'every N weeks',
    examples: ['every other tuesday', 'every 3 weeks on monday'],
    applies: (group) => unitOf(group) === 'week' && stepOf(group) > 1,
    build: (group, original, context) => weeksSeries(group, stepOf(group), clockTimes(group), original, context),
  },
  {
    name: 'weekly',
    examples: ['weekly', 'once a week on sunday'],
    applies: (group) => unitOf(group) === 'week',
    build: (group, original) => {
      // "weekly on the 15th", "every week on the first monday": a day a month has once is not weekly (it fired every Monday).
      if (group.monthDays || group.nth || group.dates) {
        throw new UsageError(
          `'${original}' says every week but names a day that comes once a month or once a year`,
          "Say 'every month on the 15th' for a day of the month, or name the weekday, such as 'every week on monday'.",
        );
      }
      return calendar(clockTimes(group), { weekdays: group.weekdays ?? [1], monthDays: null, months: group.months ?? null });
    },
  },
  {
    name: 'monthly and every N months',
    examples: ['monthly', 'every month on the 15th at noon', 'every other month on the 4th', 'quarterly', 'every 5 months'],
    applies: (group) => unitOf(group) === 'month' || unitOf(group) === 'quarter',
    build: buildMonthly,
  },
  {
    name: 'yearly and dates',
    examples: ['yearly', 'every march 1st at 8am', 'every 2 years on march 1st'],
    applies: (group) => unitOf(group) === 'year' || group.dates !== undefined,
    build: buildYearly,
  },
  {
    name: 'days and times',
    examples: ['every weekday at 9am', 'daily at 9am and 5pm', 'every 1st and 15th', 'at noon'],
    applies: () => true,
    build: (group, original, context) => {
      const times = clockTimes(group);
      if (!group.repeats && !group.weekdays && !group.monthDays && !group.months && !group.part && group.times.length === 0) {
        throw phraseError(original, 'Could not understand the schedule', RECURRING_EXAMPLES);
      }
      if (!group.repeats && !group.weekdays && !group.monthDays && !group.months) {
        // "at noon" under --cron: every day at that time, said in a note.
        context.notes?.push(`read '${original}' as every day at ${timesText(times)}; name the days to say otherwise, such as 'every weekday at ${timesText(times)}'`);
      }
      return calendar(times, { weekdays: group.weekdays ?? null, monthDays: group.monthDays ?? null, months: group.months ?? null });
    },
  },
];

/** "monthly", "every month on the 15th", "every other month on the 4th" (from its next run), "quarterly" (calendar quarters), "every 5 months" (a series). */
function buildMonthly(group: Group, original: string, context: RecurringContext): Built {
  const times = clockTimes(group);
  const unit = unitOf(group);
  const months = unit === 'quarter' ? 3 * stepOf(group) : stepOf(group);
  if (group.weekdays && !group.monthDays) {
    // "every monday of every month", "every tuesday every other month": each of those days, in the months of the step.
    const everyDay = !group.months && EVERY_WEEKDAY_OF_MONTHS.test(original.toLowerCase().replace(/\s+/g, ' '));
    if (everyDay && months > 1 && 12 % months === 0) {
      const weekdays = group.weekdays;
      const first = unit === 'quarter' && !context.startDay ? 1 : firstDate(context, times, (date) => weekdays.includes(date.weekday)).month;
      if (unit !== 'quarter') startNote(context, `${MONTH_NAMES[first - 1]}`);
      const list = [...Array(12 / months).keys()].map((k) => ((first - 1 + k * months) % 12) + 1).sort((a, b) => a - b);
      return calendar(times, { weekdays, monthDays: null, months: list });
    }
    if (everyDay && months === 1) return calendar(times, { weekdays: group.weekdays, monthDays: null, months: null });
    // "every month on monday through wednesday": those days, in every month. One weekday a month is more likely the first or the last.
    if (months === 1 && group.weekdays.length > 1) {
      const days = listText(dayRuns(group.weekdays));
      const first = WEEKDAY_NAMES[group.weekdays[0]!]!.toLowerCase();
      context.notes?.push(`read '${original}' as every ${days} of every month; for one day a month say which, such as 'first ${first} of the month'`);
      return calendar(times, { weekdays: group.weekdays, monthDays: null, months: group.months ?? null });
    }
    throw new UsageError(
      `'${original}' names ${group.weekdays.length > 1 ? 'days of the week' : 'a day of the week'} with an interval of months, which cannot say which week`,
      `Say which, such as 'first ${WEEKDAY_NAMES[group.weekdays[0]!]!.toLowerCase()} of the month' or 'every ${WEEKDAY_NAMES[group.weekdays[0]!]!.toLowerCase()}'.`,
    );
  }
  const monthDays = group.monthDays ?? [1];
  if (months === 1) return calendar(times, { weekdays: null, monthDays, months: group.months ?? null });
  if (group.months) {
    // "every 2 months from march through december": counted from the range's first month.
    const range = monthRange(group.months);
    if (!range) throw new UsageError(`'${original}' names both an interval of months and the months`, "Name the months only, such as 'on the 1st in january and july'.");
    const picked = range.filter((_, k) => k % months === 0);
    context.notes?.push(`read the interval of ${months} months as counted from ${MONTH_NAMES[range[0]! - 1]} in the months named: ${listText(picked.map((m) => MONTH_NAMES[m - 1]!))}`);
    return calendar(times, { weekdays: null, monthDays, months: [...picked].sort((a, b) => a - b) });
  }
  if (12 % months === 0) {
    // Quarters are the calendar's (January, April, July, October); "every N months" counts from its next run.
    const first = unit === 'quarter' && !context.startDay ? 1 : firstDate(context, times, (date) => monthDays.includes(date.day)).month;
    if (unit !== 'quarter') startNote(context, `${MONTH_NAMES[first - 1]}`);
    const list = [...Array(12 / months).keys()].map((k) => ((first - 1 + k * months) % 12) + 1).sort((a, b) => a - b);
    return calendar(times, { weekdays: null, monthDays, months: list });
  }
  return monthsSeries(months, monthDays, times, context);
}

/** Months that run on one from another ("march through december", "november through february"), from the first; else undefined. */
function monthRange(months: readonly number[]): number[] | undefined {
  const set = new Set(months);
  if (set.size < 2 || set.size === 12) return undefined;
  // The first is the one whose month before is not named; a range has exactly one.
  const firsts = [...set].filter((m) => !set.has(((m + 10) % 12) + 1));
  if (firsts.length !== 1) return undefined;
  return [...Array(set.size).keys()].map((k) => ((firsts[0]! - 1 + k) % 12) + 1);
}

/** "yearly" (1 January), "every march 1st", "every year on december 21st and 31st", "every 2 years on march 1st" (a series). */
function buildYearly(group: Group, original: string, context: RecurringContext): Built {
  const times = clockTimes(group);
  // rrule's "every year in january on monday": each Monday of those months, as "every monday in january".
  if (group.weekdays && group.months && !group.dates && !group.monthDays && stepOf(group) === 1) {
    context.notes?.push(`read '${original}' as every ${group.weekdays.map((day) => WEEKDAY_NAMES[day]).join(' and ')} in ${group.months.map((month) => MONTH_NAMES[month - 1]).join(' and ')}`);
    return { kind: 'calendar', patterns: [{ minutes: minutesOf(times), days: { weekdays: group.weekdays, monthDays: null, months: group.months } }] };
  }
  // "yearly on monday" ran on 1 January, dropping the weekday.
  if (group.weekdays) {
    throw new UsageError(
      `'${original}' names a day of the week with an interval of years, which cannot say which week`,
      "Say which, such as 'every year on the first monday of june', or 'every monday in june'.",
    );
  }
  if (group.dates && group.months) throw new UsageError(`'${original}' names dates and months together`, "Name the dates only, such as 'every december 25th at 9am'.");
  if (!group.dates && !group.months && group.monthDays) {
    throw new UsageError(`'${original}' names a day but not its month, and a year has twelve`, "Name the month, such as 'every january 15th at 9am', or say 'every month on the 15th'.");
  }
  // "yearly in january": on its 1st, said, as a one-time "january" is.
  if (!group.dates && group.months && !group.monthDays)
    context.notes?.push(
      `read '${original}' as the 1st of ${group.months.map((month) => MONTH_NAMES[month - 1]).join(' and ')}; name the day for another, such as '${MONTH_NAMES[group.months[0]! - 1]!.toLowerCase()} 15th'`,
    );
  const dates = group.dates ?? (group.months ? group.months.flatMap((month) => (group.monthDays ?? [1]).map((day) => ({ month, day }))) : [{ month: 1, day: group.monthDays?.[0] ?? 1 }]);
  if (stepOf(group) > 1) return yearsSeries(stepOf(group), dates, times, context);
  return { kind: 'calendar', patterns: datePatterns(dates, context).map((days) => ({ minutes: minutesOf(times), days })) };
}

/**
 * Dates as few cron day fields as say them exactly: a month's days together ("june 1, 5 and 10"), and months with the
 * same days together ("the 1st of january, april, july and october"), as a cron's days and months fire in every pairing;
 * only dates on the same offset from UTC, as each part is converted at one (March 3rd and 17th are apart in New York).
 */
function datePatterns(dates: Array<{ month: number; day: number }>, context: RecurringContext): Array<Pattern['days']> {
  // Each date's offset at its next occurrence, as each part is converted at the offset of its next run.
  const today = wallTime(context.zone, context.now);
  const offsetOn = ({ month, day }: { month: number; day: number }) => {
    const year = month > today.month || (month === today.month && day > today.day) ? today.year : today.year + 1;
    return offsetMinutes(context.zone, Date.UTC(year, month - 1, day, 12));
  };
  const byMonth = new Map<string, { month: number; offset: number; days: Set<number> }>();
  for (const date of dates) {
    const offset = offsetOn(date);
    const key = `${date.month} ${offset}`;
    if (!byMonth.has(key)) byMonth.set(key, { month: date.month, offset, days: new Set() });
    byMonth.get(key)!.days.add(date.day);
  }
  const byDays = new Map<string, { monthDays: number[]; months: number[] }>();
  for (const { month, offset, days } of [...byMonth.values()].sort((a, b) => a.month - b.month)) {
    const monthDays = [...days].sort((a, b) => a - b);
    const key = `${offset} ${monthDays.join()}`;
    const same = byDays.get(key);
    if (same) same.months.push(month);
    else byDays.set(key, { monthDays, months: [month] });
  }
  return [...byDays.values()].map(({ monthDays, months }) => ({ weekdays: null, monthDays, months }));
}

function withoutDays(group: Group): Group {
  const { weekdays: _w, monthDays: _m, dates: _d, nth: _n, ...rest } = group;
  return rest;
}

/**
 * "every 2 hours at :05 and :35": one interval run at each of its minutes, not two rules joined; its fires are those of
 * each minute's interval, on the same days. Null unless every part is the same interval of hours at a minute of its own.
 */
function oneIntervalAtMinutes(groups: readonly Group[], built: readonly Built[]): Built | null {
  const { minuteOfHour: _minute, ...first } = groups[0]!;
  const sameRule = groups.every(({ minuteOfHour, ...rest }) => minuteOfHour !== undefined && JSON.stringify(rest) === JSON.stringify(first));
  if (!sameRule || first.interval?.unit !== 'hour' || !built.every((part) => part.kind === 'interval' && part.patterns.length === 1)) return null;
  const patterns = built.map((part) => (part as Extract<Built, { kind: 'interval' }>).patterns[0]!);
  if (!patterns.every((pattern) => JSON.stringify(pattern.days) === JSON.stringify(patterns[0]!.days))) return null;
  const minutes = [...new Set(patterns.flatMap((pattern) => pattern.minutes))].sort((a, b) => a - b);
  return { kind: 'interval', patterns: [{ minutes, days: patterns[0]!.days }] };
}

/** How a phrase joined its parts, as said in a refusal: " with 'and'", " with a comma", or nothing when unclear. */
function joinerOf(original: string): string {
  if (/\band\b|&|\bplus\b|\+/i.test(original)) return " with 'and'";
  return original.includes(',') ? ' with a comma' : '';
}

/**
 * Parts that fire on any of their days: a set of crons when every part is one, else a series of their instants.
 * A set never fires twice at one instant: a time another part has on all its days is left to that part, and
 * parts that still meet on some days ("every monday and the 1st": a Monday the 1st) are a series instead.
 */
function union(parts: Built[], original: string): Built {
  let clash: string | undefined;
  if (parts.every((part) => part.kind === 'calendar')) {
    const patterns = withoutCovered(parts.flatMap((part) => (part.kind === 'calendar' ? part.patterns : [])));
    clash = clashOf(patterns);
    if (clash === undefined) return { kind: 'calendar', patterns };
    parts = [{ kind: 'calendar', patterns }];
  }
  const rules = parts.map((part): SeriesRule => {
    if (part.kind === 'series') return part.rule;
    if (part.kind === 'interval')
      throw new UsageError(`'${original}' joins an interval to another rule${joinerOf(original)}`, 'An interval is a schedule of its own: create one for the interval and one for the rest.');
    return { kind: 'any', rules: part.patterns.map((pattern) => ({ kind: 'calendar', days: pattern.days, times: pattern.minutes.map((m) => ({ hour: Math.floor(m / 60), minute: m % 60 })) })) };
  });
  const series = parts.filter((part): part is Extract<Built, { kind: 'series' }> => part.kind === 'series');
  return {
    kind: 'series',
    rule: { kind: 'any', rules },
    description: sameIntervalOnce(parts.map(describeBuilt))
      .map((text, k) => (k === 0 ? text : text.replace(/^The /, 'the ')))
      .join('; and ')
      .replace(/^./, (c) => c.toUpperCase()),
    reason: series[0]?.reason ?? `cannot be written as a set of crons that fires once at a time: ${clash} two crons would fire at once`,
    hint: series[0]?.hint ?? SERIES_HINT,
  };
}

/**
 * "every 5 hours at :05 and :35": one interval from two starts, said once ("Every 5 hours, starting 10:05 and 10:35 EST"),
 * not as two rules that each repeat it.
 */
function sameIntervalOnce(descriptions: string[]): string[] {
  const out: string[] = [];
  for (const text of descriptions) {
    const [, every, start] = /^(Every [^,]+), starting (.+)$/.exec(text) ?? [];
    const before = out.length > 0 ? /^(Every [^,]+), starting (.+)$/.exec(out.at(-1)!) : null;
    if (every !== undefined && before?.[1] === every) out[out.length - 1] = `${every}, starting ${before[2]!.replace(/ and /, ', ')} and ${start}`;
    else out.push(text);
  }
  return out;
}

/** The patterns without the minutes another pattern fires at on all of their days (each instant is left to one pattern). */
function withoutCovered(patterns: Pattern[]): Pattern[] {
  const kept = [...patterns];
  kept.forEach((pattern, k) => {
    const minutes = pattern.minutes.filter((m) => !kept.some((other, j) => j !== k && other.minutes.includes(m) && daysCover(other.days, pattern.days)));
    kept[k] = { ...pattern, minutes };
  });
  return kept.filter((pattern) => pattern.minutes.length > 0);
}

/** Whether every day `inner` names is one `outer` names too. */
function daysCover(outer: Pattern['days'], inner: Pattern['days']): boolean {
  const within = (all: number[] | null, some: number[] | null) => all === null || (some !== null && some.every((x) => all.includes(x)));
  return within(outer.months, inner.months) && within(outer.weekdays, inner.weekdays) && within(outer.monthDays, inner.monthDays);
}

/** Where two patterns fire at the same local instant ("01:00 on a Monday that is the 1st"), or undefined. */
function clashOf(patterns: Pattern[]): string | undefined {
  for (const [k, a] of patterns.entries()) {
    for (const b of patterns.slice(k + 1)) {
      const minute = a.minutes.find((m) => b.minutes.includes(m));
      if (minute === undefined) continue;
      // Eight years hold every weekday of every date, 29 February among them.
      for (let day = 0; day < 366 * 8; day++) {
        const date = addDays({ year: 2027, month: 1, day: 1 }, day);
        if (!dayMatches(a.days, date) || !dayMatches(b.days, date)) continue;
        const days = (pattern: Pattern) => describeDays(pattern.days).replace(/^, (on )?/, '') || 'every day';
        return `its part on ${days(a)} and its part on ${days(b)} both run at ${formatClock(Math.floor(minute / 60), minute % 60)}, so on a day that is both`;
      }
    }
  }
  return undefined;
}

function describeBuilt(part: Built): string {
  if (part.kind === 'series') return part.description;
  const names = part.patterns.map(({ minutes, days }) => {
    const when = days.weekdays
      ? listText(days.weekdays.map((d) => `${WEEKDAY_NAMES[d]}s`))
      : days.monthDays
        ? `day ${listText(days.monthDays.map(String))} of ${days.months ? listText(days.months.map((m) => MONTH_NAMES[m - 1]!)) : 'every month'}`
        : 'every day';
    return `${when} at ${timesText(minutes.map((m) => ({ hour: Math.floor(m / 60), minute: m % 60 })))}`;
  });
  return names.join('; and ');
}

function calendar(times: ClockTime[], days: Pattern['days']): Built {
  return { kind: 'calendar', patterns: [{ minutes: minutesOf(times), days }] };
}

function minutesOf(times: ClockTime[]): number[] {
  return [...new Set(times.map((t) => t.hour * 60 + t.minute))].sort((a, b) => a - b);
}

/**
 * The group's times with am/pm decided: a part of the day decides ("every
 * evening at 6" is 18:00), else `settleClock`'s rule, with a note.
 */
function settleTimes(group: Group, notes: string[]): Group {
  notes.push(...(group.notes ?? []));
  const part = group.part;
  if (part && group.times.length === 0 && !group.timesADay) notes.push(partNote(part, part));
  // "daily at 1:00 and 13:00": a time on the 24-hour clock puts the bare ones beside it on that clock.
  const twentyFour = part ? undefined : group.times.find(onTwentyFourHourClock);
  // Notes for times a list put after the one before them come first, as they always have.
  const followed: string[] = [];
  const later: string[] = [];
  let before: ClockRead | undefined;
  const times = group.times.map((time): ClockRead => {
    const read = settleOne(time, before);
    before = read;
    return read;
  });
  notes.push(...followed, ...later);
  return { ...group, times };

  function settleOne(time: ClockRead, before: ClockRead | undefined): ClockRead {
    const notes = later;
    if (time.ambiguous && twentyFour) {
      const read = asTwentyFourHour(time, twentyFour);
      notes.push(read.note);
      return { ...time, value: read.value, ambiguous: false };
    }
    if (!time.ambiguous && part && !partHolds(part, time.value.hour)) {
      throw new ClauseConflict(`puts ${formatClock(time.value.hour, time.value.minute)} in the ${part}`, 'Give one of them, or a time that falls in that part of the day.', true);
    }
    if (!time.ambiguous) return time;
    const { value } = time;
    let hour = value.hour;
    if (!part) {
      const settled = settleClock(time);
      const following = time.listed && before ? followingReading(time, before.value) : undefined;
      if (following && (following.hour !== settled.value.hour || (value.hour < 12 && following.hour >= 12))) {
        // "at 4 and 6", "at 5:30 and 6:30": people list times in order, so a later one is the first of its readings after the
        // one before it (6 is 18:00 after 16:00); "at 9 and 5" is 17:00, as the rule reads it anyway.
        const changed = following.hour !== settled.value.hour;
        followed.push(clockNote(time, following, changed ? before : undefined));
        return { ...time, value: following, ambiguous: false };
      }
      if (settled.note) notes.push(settled.note);
      hour = settled.value.hour;
    } else if ((part === 'afternoon' || part === 'evening') && hour < 12) hour += 12;
    else if (part === 'night') hour = hour === 12 ? 0 : hour >= 5 && hour < 12 ? hour + 12 : hour;
    else if (part === 'morning' && hour === 12) hour = 0;
    else if (part === 'evening' && hour === 12) {
      // "every evening at 12": no noon is in the evening; midnight ends it, as the one-time reader reads it.
      hour = 0;
      notes.push(eveningTwelveNote(time.text, value.minute));
    }
    return { ...time, value: { ...value, hour }, ambiguous: false };
  }
}

/** The first reading (am, then pm) of a clock without am/pm that falls after `before`; none when neither does ("at 8pm and 8"). */
function followingReading(time: ClockRead, before: ClockTime): ClockTime | undefined {
  const minutes = (t: ClockTime) => t.hour * 60 + t.minute;
  const morning = { ...time.value, hour: time.value.hour % 12 };
  // "twice daily at 9 and 9", "at 9am and 9": the same clock again is refused as said twice, never put in the other half of the day.
  if (morning.hour === before.hour % 12 && morning.minute === before.minute) return undefined;
  return [morning, { ...morning, hour: morning.hour + 12 }].find((reading) => minutes(reading) > minutes(before));
}

/** The small hours, which a night said by its evening's day ("friday night at 1am") reaches into the next day. */
const SMALL_HOURS_END = 5;

/**
 * "every friday night at 1am": the small hours of a night named by its evening's day fall on the next day ("sunday night at
 * 2am" is Monday 02:00, as the one-time reader reads it), said in a note; "every friday at midnight" is as Friday begins, said too.
 */
function nightAfter(group: Group, original: string, notes: string[]): Group {
  if (group.times.length === 0) return group;
  const names = (list: number[]) => listText(dayRuns(list));
  const small = group.times.filter(({ value }) => value.hour < SMALL_HOURS_END);
  // "at night" said with the part ("friday night at 1am") or with the clock ("friday at 1 at night").
  const night = group.part === 'night' || group.part === 'evening' || group.times.some(({ text }) => text.endsWith('at night'));
  const days = group.weekdays;
  if (night && small.length > 0 && (!days || group.bothDays)) {
    // A day of the month, a date or a weekday counted in the month: the day after it is no such day, so which is not said.
    if (group.monthDays || group.nth || group.dates || group.bothDays) {
      throw new UsageError(`'${original}' puts a time in the small hours after a day of the month: which day it falls on is not said`, "Name the day the time falls on, such as 'on the 14th at 1am'.");
    }
    return group;
  }
  if (!days) {
    // "every new year's eve at midnight": the midnight an eve is kept for ends it, as the one-time reader reads it.
    // One date only: with others beside it ("every christmas eve and dec 20 at midnight"), which is the eve is not known.
    if (!group.part && group.dates?.length === 1 && group.times.length > 0 && group.times.every(({ text }) => text.includes('midnight')) && /\beve\b/i.test(original)) {
      // (A leap year's month lengths: the day after February 28th is the 29th when there is one.)
      const after = group.dates.map(({ month, day }) => (day === daysInMonth(2024, month) ? { month: (month % 12) + 1, day: 1 } : { month, day: day + 1 }));
      const said = listText(after.map(({ month, day }) => `${MONTH_NAMES[month - 1]} ${day}`));
      notes.push(`read '${original}' as 00:00 as ${said} begins, the midnight that ends the eve`);
      return { ...group, dates: after };
    }
    // "every december 31st at midnight", "every 15th at midnight": as each begins, as for a weekday; the day after is
    // no such day, so it is only said.
    if (!group.part && (group.monthDays || group.nth || group.dates) && group.times.some(({ text }) => text.includes('midnight'))) {
      notes.push(`read 'midnight' as 00:00 as each day named begins; for midnight at its end, name the day after`);
    }
    return group;
  }
  if (night && small.length > 0) {
    // "weekday nights" and "weekend nights" leave the nights open, as "weeknights" does (Friday and Saturday, or Saturday and Sunday?).
    if (/\bweek ?(?:day|end)s?\b/i.test(original)) {
      throw new UsageError(`'${original}' leaves the nights open: the small hours after which days?`, "Name the days the times fall on, such as 'every saturday and sunday at 1am'.");
    }
    if (small.length < group.times.length) {
      throw new UsageError(`'${original}' names times on both sides of midnight of one night`, "Give the days of each, such as 'every friday at 11pm and every saturday at 1am'.");
    }
    const next = [...new Set(days.map((d) => (d + 1) % 7))].sort((a, b) => a - b);
    const at = timesText(small.map(({ value }) => value));
    notes.push(`read '${original}' as ${at} on ${names(next)}, the night after ${names(days)}; write 'every ${names(days).toLowerCase()} at ${at}' for the small hours before it`);
    return { ...group, weekdays: next };
  }
  if (!group.part && group.times.some(({ text }) => text.includes('midnight'))) {
    const next = days.map((d) => (d + 1) % 7);
    notes.push(`read 'midnight' as 00:00 as each ${names(days)} begins; write 'every ${names(next).toLowerCase()} at midnight' for midnight at its end`);
  }
  return group;
}

/** Weekdays as people say them, Monday first, three or more in a row as a run: [1,2,3,4,5] -> ['Monday to Friday']. */
function dayRuns(days: number[]): string[] {
  const order = [...new Set(days.map((d) => (d + 6) % 7))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let k = 0; k < order.length;) {
    let end = k;
    while (end + 1 < order.length && order[end + 1] === order[end]! + 1) end++;
    const name = (i: number) => WEEKDAY_NAMES[(order[i]! + 1) % 7]!;
    if (end - k >= 2) runs.push(`${name(k)} to ${name(end)}`);
    else for (let i = k; i <= end; i++) runs.push(name(i));
    k = end + 1;
  }
  return runs;
}

/**
 * "three times a day": the times the phrase names (as many as it says), else its times spread from
 * the one time it gives ("three times a day at 8") or over the waking day, said in a note ("twice a day" at 09:00 and 21:00 is the spec's).
 */
function withTimesADay(group: Group, original: string, notes: string[]): Group {
  const { count, said } = group.timesADay!;
  const given = group.times;
  // "twice daily at 9 and 9" gives one time, said twice.
  const distinct = minutesOf(given.map(({ value }) => value)).length;
  if (given.length > 1) {
    if (distinct !== count) {
      throw new UsageError(`'${original}' says ${said} but gives ${distinct} time${distinct === 1 ? '' : 's'}`, `Give ${count} times, or leave them out to have them chosen.`);
    }
    return { ...group, timesADay: undefined };
  }
  // "twice a day in the evening": the part of the day was dropped (09:00 and 21:00).
  if (group.part && given.length === 0) {
    throw new UsageError(`'${original}' says ${said} in the ${group.part}, which does not say when`, "Give the times, such as 'every day at 6pm and 9pm'.");
  }
  const start = given[0]?.value;
  const times = timesInADay(count, start)!;
  const listed = times.length <= 7 ? timesText(times) : `every ${count === 24 ? 'hour' : `${24 / count} hours`} from ${timesText(times.slice(0, 1))}`;
  notes.push(`read '${said}' as ${listed}; name the times to choose them, such as ${count === 2 ? "'every day at 8am and 8pm'" : "'every day at 9am, 1pm and 5pm'"}`);
  const read = (value: ClockTime): ClockRead => ({ value, end: 0, ambiguous: false, written: value.hour, text: formatClock(value.hour, value.minute) });
  return { ...group, timesADay: undefined, clockTimes: true, times: times.map(read) };
}

/** The group's times; 09:00 when none is given (a part of the day gives its own). */
/** "every friday the 13th": the days that are both a weekday named and a day of the month named, as a series (a cron fires on either). */
function bothDaysSeries(group: Group, original: string): Built {
  if (group.interval && (group.interval.n !== 1 || group.interval.unit === 'minute' || group.interval.unit === 'hour')) {
    throw new UsageError(`'${original}' gives an interval on days that are both a weekday and a day of the month`, "Give the times of day, such as 'every friday the 13th at 9am and 5pm'.");
  }
  const times = clockTimes(group);
  const days = { weekdays: group.weekdays!, monthDays: group.monthDays!, months: group.months ?? null };
  const names = days.weekdays.map((d) => WEEKDAY_NAMES[d]!);
  const weekdays = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return {
    kind: 'series',
    rule: { kind: 'calendar', days, times },
    description: `At ${timesText(times)} on a ${weekdays} that is day ${listText(days.monthDays.map(String))} of the month${describeDays({ weekdays: null, monthDays: null, months: days.months })}`,
    reason: 'cannot be written as one cron or a set of crons: a cron with a day of the month and a day of the week fires on either, not only where both agree',
    hint: SERIES_HINT,
  };
}

function clockTimes(group: Group): ClockTime[] {
  const times = group.times.map(({ value }) => value);
  if (times.length > 0) return times;
  if (group.part) return [{ hour: PART_HOURS[group.part], minute: 0 }];
  return [DEFAULT_TIME];
}

/** Every N minutes or hours: on the UTC clock when it runs all day every day, else on the user's clock. */
function buildInterval(group: Group, step: number, unit: 'minute' | 'hour', original: string, context: RecurringContext): Built {
  const n = group.interval!.n;
  if (group.dates || group.nth) throw new UsageError(`'${original}' mixes an interval with dates`, 'Create one schedule for the interval and one for the dates.');
  if (group.clockTimes) {
    // "every 24 hours at 9am", "every 12 hours at 8am and 8pm": times that are each day's fires of the interval, whichever
    // of them it starts at, say one thing: those times every day.
    // "every 48 hours at 9am" is every 2 days at 9am.
    const said = minutesOf(group.times.map(({ value }) => value));
    const days = step % DAY_MINUTES === 0 && said.length === 1 ? step / DAY_MINUTES : 1;
    const eachDay = DAY_MINUTES % step === 0 && said.length === DAY_MINUTES / step && said.every((m, k) => m === said[0]! + k * step);
    if ((eachDay || days > 1) && !group.window && group.minuteOfHour === undefined) {
      const daily: Group = { ...group, interval: { n: days, unit: 'day' } };
      return SHAPES.find((shape) => shape.applies(daily))!.build(daily, original, context);
    }
    // "daily at 9am every 3 hours": at 9:00, or every 3 hours from 9:00? A cron set cannot be both without saying so.
    const time = group.times[0]!.value;
    throw new UsageError(
      `'${original}' gives a time of day (${formatClock(time.hour, time.minute)}) and an interval of ${unit}s; it does not say whether the time is when the interval starts`,
      `For the start, say 'every ${n} ${unit}${n === 1 ? '' : 's'} starting at ${formatClock(time.hour, time.minute)}'; for both, join two rules with 'and'.`,
    );
  }
  if (group.times.length > 1) throw new UsageError(`'${original}' gives several start times for one interval`, "Give one, such as 'every 2 hours from 9am'.");
  const start = group.times[0]?.value;
  if (start && group.minuteOfHour !== undefined && start.minute !== group.minuteOfHour) {
    throw new UsageError(
      `'${original}' gives a start (${formatClock(start.hour, start.minute)}) that is not at the minute past the hour it names (:${String(group.minuteOfHour).padStart(2, '0')})`,
      "Give one of them, such as 'every hour at :30 from 9:30am'.",
    );
  }
  // "every minute at :17": every minute is at every minute of the hour, so the minute says nothing (seconds, as some schedulers mean it, are not Letta's).
  if (group.minuteOfHour !== undefined && unit === 'minute' && step === 1) {
    throw new UsageError(
      `'${original}': every minute runs at every minute of the hour, so ':${String(group.minuteOfHour).padStart(2, '0')}' says nothing; Letta's schedules step by whole minutes`,
      "Say 'every minute', or 'every hour at :17'.",
    );
  }
  if (group.minuteOfHour !== undefined && unit === 'minute' && 60 % step !== 0) {
    const minute = `:${String(group.minuteOfHour).padStart(2, '0')}`;
    throw new UsageError(
      `'${original}' gives a minute past the hour (${minute}) beside every ${step} minutes, which runs at minutes of its own`,
      `For ${minute} of every hour, say 'every hour at ${minute}'; for a step from it, one that divides the hour, such as 'every 15 minutes starting at minute ${group.minuteOfHour}'.`,
    );
  }
  if (group.part) throw phraseError(original, 'Give the hours of the window', ['every 30 minutes between 9am and 5pm', 'every hour from 9 to 17 on weekdays']);
  const days = { weekdays: group.weekdays ?? null, monthDays: group.monthDays ?? null, months: group.months ?? null };
  const limited = Boolean(days.weekdays || days.monthDays || days.months);
  // A minute past the hour is on the user's clock: the UTC clock's where the two agree (whole-hour offsets), so the interval stays in UTC there.
  const hourly = unit === 'hour' && n === 1;
  const minuteOnClock = group.minuteOfHour !== undefined && (hourly || offsetMinutes(context.zone, context.now) % 60 !== 0);
  const local = limited || group.window !== undefined || minuteOnClock || group.times.length === 1;
  const anchor = group.window?.from ?? (group.times[0] ? group.times[0].value.hour * 60 + group.times[0].value.minute : (group.minuteOfHour ?? 0));

  if (group.window) {
    const start = group.times[0]?.value;
    if (start && start.hour * 60 + start.minute !== group.window.from) {
      throw new UsageError(
        `'${original}' gives a start (${formatClock(start.hour, start.minute)}) and a window that starts at ${formatClock(Math.floor(group.window.from / 60), group.window.from % 60)}`,
        "Give one start, such as 'every 2 hours from 10am to 5pm'.",
      );
    }
    const { from } = group.window;
    const length = (group.window.to - from + DAY_MINUTES) % DAY_MINUTES;
    // A minute past the hour said beside the window ("every hour at :30 between 9am and 5pm") is where it starts.
    const opening = group.minuteOfHour === undefined ? from : from + ((group.minuteOfHour - (from % 60) + 60) % 60);
    const minutes: number[] = [];
    for (let k = 0; opening - from + k * step <= length; k++) minutes.push(opening + k * step);
    // A window that crosses midnight belongs to the day it starts on: "from 10pm to 2am on fridays" runs into Saturday.
    const evening = minutes.filter((m) => m < DAY_MINUTES);
    const night = minutes.filter((m) => m >= DAY_MINUTES).map((m) => m - DAY_MINUTES);
    if (night.length > 0 && (days.monthDays || days.months)) {
      throw new UsageError(
        `'${original}' has a window that crosses midnight on set dates, so its last hours fall on other dates`,
        "Give a window within the day, or name weekdays, such as 'every hour from 10pm to 2am on fridays'.",
      );
    }
    const nextDays = days.weekdays ? { ...days, weekdays: days.weekdays.map((d) => (d + 1) % 7).sort((a, b) => a - b) } : days;
    const patterns =
      night.length === 0 || !days.weekdays
        ? [{ minutes: [...new Set([...evening, ...night])].sort((a, b) => a - b), days }]
        : [
            { minutes: evening, days },
            { minutes: night, days: nextDays },
          ];
    const crons = cronParts(patterns).length;
    if (crons <= MAX_CRONS) return { kind: 'calendar', patterns };
    // "every 50 minutes from 9am to 5pm": the same local times every day, but more crons than a set holds.
    const clocks = (list: number[]) => list.map((m) => ({ hour: Math.floor(m / 60), minute: m % 60 }));
    const [first, last] = clocks([opening, minutes.at(-1)! % DAY_MINUTES]);
    return {
      kind: 'series',
      rule: { kind: 'any', rules: patterns.map((part) => ({ kind: 'calendar', days: part.days, times: clocks(part.minutes) })) },
      description: `Every ${n} ${unit}${n === 1 ? '' : 's'} from ${formatClock(first!.hour, first!.minute)} to ${formatClock(last!.hour, last!.minute)}${describeDays(days)}`,
      reason: `cannot be written as one cron or a small set: it needs ${crons} crons to be exact, and a schedule here is at most ${MAX_CRONS}`,
      hint: `Use a step that divides the hour, such as 'every 30 minutes'. ${SERIES_HINT}`,
    };
  }
  const dividesDay = DAY_MINUTES % step === 0;
  if (!dividesDay) {
    if (local && limited) {
      throw new UsageError(`'${original}' ${notDividing(n, unit)}, and a series cannot be limited to some days yet`, nearestHint(n, unit));
    }
    return elapsedSeries(n, unit, step, context, anchor, local);
  }
  const minutes: number[] = [];
  for (let m = anchor % step; m < DAY_MINUTES; m += step) minutes.push(m);
  const patterns = [{ minutes, days }];
  if (group.timesAnHour && group.times.length === 0 && group.minuteOfHour === undefined) timesAnHourNote(group.timesAnHour, step, context);
  if (group.times.length === 1) startKeepsStepNote(minutes, anchor, n, unit, days, context);
  // "every 24 hours": once a day, at a time the phrase does not give (midnight, as every interval counts from it).
  if (step === DAY_MINUTES && group.times.length === 0 && group.minuteOfHour === undefined) {
    context.notes?.push(`read '${original}' as once a day at 00:00${local ? '' : ' UTC, as an interval runs on the UTC clock'}; for another time say 'every day at 9am'`);
  }
  if (local) return { kind: 'calendar', patterns };
  if (cronParts(patterns).length > MAX_CRONS) return elapsedSeries(n, unit, step, context, anchor, false, cronParts(patterns).length);
  // "every 12 hours" in New York: on the UTC clock, 07:00 and 19:00 here, not the midnight and noon many expect; said.
  // In either season ("every 2 hours" in New York keeps to the zone's even hours in summer, its odd ones in winter).
  const year = wallTime(context.zone, context.now).year;
  const offsets = [offsetMinutes(context.zone, context.now), offsetMinutes(context.zone, Date.UTC(year, 0, 15)), offsetMinutes(context.zone, Date.UTC(year, 6, 15))];
  // Minutes too, when their step does not divide the hour ("every 45 minutes", "every 1.5 hours": 90 minutes).
  if ((unit === 'hour' || 60 % step !== 0) && step < DAY_MINUTES && offsets.some((offset) => offset % step !== 0) && group.times.length === 0 && context.startDay === undefined) {
    const here = minutes
      .map((m) => (((m + offsets[0]!) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES)
      .sort((a, b) => a - b)
      .slice(0, 3)
      .map((m) => formatClock(Math.floor(m / 60), m % 60));
    const moves = offsets.some((offset) => offset !== offsets[0]) ? ', and they move with the clock changes' : '';
    context.notes?.push(
      `read '${original}' on the UTC clock, as an interval runs: here at ${here.join(', ')}${minutes.length > 3 ? ', …' : ''} now${moves}; to count from midnight on your clock, add 'starting at midnight'`,
    );
  }
  return { kind: 'interval', patterns };
}

/** "twice an hour" chose its minutes (:00 and :30) as "twice a day" chooses its times: said, with how to choose others. */
function timesAnHourNote(said: string, step: number, context: RecurringContext): void {
  if (step === 1) return;
  const mark = (m: number) => `:${String(m).padStart(2, '0')}`;
  const chosen = Array.from({ length: 60 / step }, (_, k) => k * step);
  const shift = step >= 10 ? (step % 10 === 0 ? step / 2 : 5) : Math.floor(step / 2);
  if (chosen.length <= 4) {
    const other = listText(chosen.map((m) => mark(m + shift)));
    context.notes?.push(`read '${said}' as minutes ${listText(chosen.map(mark))} of every hour; name the minutes to choose them, such as 'every hour at ${other}'`);
  } else {
    context.notes?.push(`read '${said}' as every ${step} minutes from :00; name the first minute to choose others, such as 'every ${step} minutes starting at ${mark(shift)}'`);
  }
}

/**
 * "every hour starting at 9am", "every 15 minutes starting at 5pm on fridays": the start sets which minutes and hours the
 * interval keeps to, and the interval runs all day, before the start too (said at 08:30, "every 12 hours starting at
 * 9pm" first runs at 09:00). A note says so, with how to run from the start to the day's end or to begin at it.
 */
function startKeepsStepNote(minutes: number[], anchor: number, n: number, unit: 'minute' | 'hour', days: Pattern['days'], context: RecurringContext): void {
  // Only where the start leaves out times it could have meant: an interval that fires before it in the day.
  if (!minutes.some((m) => m < anchor)) return;
  const at = (m: number) => formatClock(Math.floor(m / 60), m % 60);
  const every = `every ${n} ${unit}${n === 1 ? '' : 's'}`.replace(/^every 1 /, 'every ');
  const last = minutes.at(-1)!;
  const now = wallTime(context.zone, context.now);
  const nowMinute = now.hour * 60 + now.minute;
  const first = minutes.find((m) => m > nowMinute && m < anchor);
  const runs = first !== undefined && !days.weekdays && !days.monthDays && !days.months ? `so it first runs at ${at(first)}` : `so it runs from ${at(minutes[0]!)}${describeDays(days)}`;
  const limited = Boolean(days.weekdays || days.monthDays || days.months);
  const window = last > anchor ? `to run from ${at(anchor)} to ${at(last)} say '${every} from ${at(anchor)} to ${at(last)}'${limited ? ' with the days' : ''}, or ` : '';
  context.notes?.push(
    `read the start ${at(anchor)} as the time the interval keeps step with, ${runs}; ${window}to begin at ${at(anchor)}, say '${every} starting ${anchor > nowMinute ? 'today' : 'tomorrow'} at ${at(anchor)}'`,
  );
}

/**
 * One run of times a step apart ("every 45 minutes", "every 90 minutes from 9 to 5 on weekdays") that takes a set of
 * crons: said as the step it is, not as each cron's part. An interval on the UTC clock says its step alone; local times
 * say their first and last of the day. Undefined for anything else.
 */
export function describeStepped(local: LocalSchedule): string | undefined {
  if ((local.kind !== 'interval' && local.kind !== 'calendar') || local.patterns.length !== 1) return undefined;
  const { minutes, days } = local.patterns[0]!;
  const step = (minutes[1] ?? 0) - minutes[0]!;
  if (minutes.length < 3 || step < 2 || !minutes.every((m, k) => m === minutes[0]! + k * step)) return undefined;
  const every = step % 60 === 0 ? `Every ${step / 60} hours` : `Every ${step} minutes`;
  if (local.kind === 'interval') return minutes[0]! < step && minutes.at(-1)! + step >= DAY_MINUTES ? `${every}${describeDays(days)}` : undefined;
  const at = (m: number) => formatClock(Math.floor(m / 60), m % 60);
  return `${every} from ${at(minutes[0]!)} to ${at(minutes.at(-1)!)}${describeDays(days)}`;
}

/** ", on Mondays and Fridays", ", on day 1 and 15", "" for every day (months are named too when limited). */
function describeDays(days: Pattern['days']): string {
  const on = days.weekdays ? `, on ${listText(days.weekdays.map((d) => `${WEEKDAY_NAMES[d]}s`))}` : days.monthDays ? `, on day ${listText(days.monthDays.map(String))}` : '';
  return days.months ? `${on}, in ${listText(days.months.map((m) => MONTH_NAMES[m - 1]!))}` : on;
}

function notDividing(n: number, unit: 'minute' | 'hour'): string {
  return unit === 'minute'
    ? `cannot be written as one cron or a set of crons: ${n} does not divide 60 or the 1440 minutes of a day, so the gap would jump at midnight`
    : `cannot be written as one cron or a set of crons: ${n} does not divide 24, so the gap would jump at midnight`;
}

/** The nearest intervals that are one cron, either side: every 7 minutes -> 6 or 10. */
function nearestHint(n: number, unit: 'minute' | 'hour'): string {
  const size = unit === 'minute' ? 60 : 24;
  const divisors = [...Array(size).keys()].map((i) => i + 1).filter((d) => size % d === 0);
  const below = divisors.filter((d) => d < n).at(-1);
  const above = divisors.find((d) => d > n);
  const phrase = (d: number) => (d === 1 ? `every ${unit}` : d === size ? (unit === 'minute' ? 'every hour' : 'daily at midnight') : `every ${d} ${unit}s`);
  const nearest = [below, above].filter((d): d is number => d !== undefined);
  return `Use ${nearest.map((d) => `'${phrase(d)}'`).join(' or ')}; as it is, ${SERIES_HINT.charAt(0).toLowerCase()}${SERIES_HINT.slice(1)}`;
}

function elapsedSeries(n: number, unit: 'minute' | 'hour', step: number, context: RecurringContext, anchor: number, local: boolean, crons?: number): Built {
  // Runs start at the next whole minute (for hours, the next hour on the user's clock at the minute said, else on the hour), or at the start time given.
  let start = context.now - (context.now % 60_000) + 60_000;
  if (unit === 'hour') start += (((anchor % 60) - wallTime(context.zone, start).minute + 60) % 60) * 60_000;
  if (local) {
    const today = wallTime(context.zone, context.now);
    const at = (offset: number) => instantOn(context.zone, addDays(today, offset), { hour: Math.floor(anchor / 60), minute: anchor % 60 });
    start = at(0) > context.now ? at(0) : at(1);
  }
  startNote(context, formatLocal(context.zone, start), local ? `the first ${formatClock(Math.floor(anchor / 60), anchor % 60)} from now` : undefined);
  const what = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return {
    kind: 'series',
    rule: { kind: 'elapsed', minutes: step, start },
    description: `Every ${what}, starting ${formatLocal(context.zone, start)}`,
    reason: crons === undefined ? notDividing(n, unit) : `cannot be written as one cron or a small set: it needs ${crons} crons to be exact, and a schedule here is at most ${MAX_CRONS}`,
    hint: nearestHint(n, unit),
  };
}

/** The notes for a rule that counts from a start the phrase does not give (or gives the time of, but not the day). */
const START_NOTE = 'the phrase gives no start: it counts from';
const START_TIME_NOTE = 'the phrase gives the time to start at but not the day: it counts from';

/** Whether a note is one of startNote's (left out when the phrase's ends give the start). */
export { isEveryMonthNote } from './read-recurring';

export function isStartNote(note: string): boolean {
  return note.startsWith(START_NOTE) || note.startsWith(START_TIME_NOTE);
}

function startNote(context: RecurringContext, start: string, first = 'its first run from now') {
  context.notes?.push(`${first === 'its first run from now' ? START_NOTE : START_TIME_NOTE} ${start}, ${first}; add 'starting <day>' to count from another`);
}

function instantOn(zone: string, date: LocalDate, time: ClockTime): number {
  return instantFromLocal(zone, { year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute, second: 0 });
}

/** The first local date, from today on, that `accepts` and on which one of `times` is still ahead. */
function firstDate(context: RecurringContext, times: ClockTime[], accepts: (date: LocalDate & { weekday: number }) => boolean): LocalDate {
  const today = wallTime(context.zone, context.now);
  for (let i = 0; i < 366 * 8; i++) {
    const date = addDays(today, i);
    if (!accepts(date)) continue;
    if (times.some((t) => instantOn(context.zone, date, t) > context.now)) return { year: date.year, month: date.month, day: date.day };
  }
  return { year: today.year, month: today.month, day: today.day };
}

function timesText(times: ClockTime[]): string {
  const list = times.map((t) => formatClock(t.hour, t.minute));
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

function daysSeries(group: Group, n: number, times: ClockTime[], original: string, context: RecurringContext): Built {
  if (group.workdays) return workdaysSeries(group, n, times, original, context);
  if (group.weekdays || group.monthDays) {
    throw new UsageError(`'${original}' mixes a day interval with named days`, "Use one of them, such as 'every 3 days at 9am' or 'every monday at 9am'.");
  }
  if (group.months) {
    throw new UsageError(
      `'${original}' bounds a day interval to months, which does not say where the count starts: again each month, or on across them`,
      "Name the days of the month, such as 'the 1st, 11th and 21st of september at 9am', or leave out the month.",
    );
  }
  const anchor = firstDate(context, times, () => true);
  startNote(context, formatDate(anchor));
  return {
    kind: 'series',
    rule: { kind: 'days', every: n, anchor, times },
    description: `Every ${n === 2 ? 'other day' : `${n} days`} at ${timesText(times)}, starting ${formatDate(anchor)}`,
    reason: 'cannot be written as one cron or a set of crons: a cron day interval restarts every month, so the gap would jump at month ends',
    hint: `Name the days instead, such as 'every monday, wednesday and friday at 9am'. ${SERIES_HINT}`,
  };
}

/**
 * "every other weekday", "every 3rd business day": every Nth day counting Monday to Friday only, from
 * the next; a note says so and how to write the readings it is not (weekdays of every other week, set days).
 */
function workdaysSeries(group: Group, n: number, times: ClockTime[], original: string, context: RecurringContext): Built {
  if (group.monthDays || group.months || group.weekdays?.join() !== '1,2,3,4,5') {
    throw new UsageError(`'${original}' mixes an interval of weekdays with named days`, "Use one of them, such as 'every other weekday at 9am' or 'every monday at 9am'.");
  }
  const anchor = firstDate(context, times, (date) => date.weekday !== 0 && date.weekday !== 6);
  const rule: SeriesRule = { kind: 'days', every: n, anchor, times, workdays: true };
  const first = nextInstants(rule, context.zone, context.now, 4).map((ms) => WEEKDAY_NAMES[wallTime(context.zone, ms).weekday]!.slice(0, 3));
  context.notes?.push(
    `read '${original}' as every ${ordinalText(n)} day counting Monday to Friday only (${first.join(', ')}, ...); ` +
      "write 'weekdays every other week' for whole weeks, or name the days, such as 'every monday, wednesday and friday'",
  );
  startNote(context, formatDate(anchor));
  return {
    kind: 'series',
    rule,
    description: `Every ${n === 2 ? 'other' : ordinalText(n)} weekday (counting Monday to Friday) at ${timesText(times)}, starting ${formatDate(anchor)}`,
    reason: 'cannot be written as one cron or a set of crons: a cron cannot count weekdays',
    hint: `Name the days instead, such as 'every monday, wednesday and friday at 9am'. ${SERIES_HINT}`,
  };
}

/**
 * Days that run across Monday, one run of them ("saturday through tuesday": Saturday, Sunday, Monday, Tuesday), count
 * their weeks from the first of them, so the run stays together; other days count from Monday.
 */
function weekStartOf(weekdays: number[]): { weekStart?: number } {
  const days = new Set(weekdays);
  if (days.size === 7 || !days.has(0) || !days.has(1)) return {};
  const starts = [...days].filter((day) => !days.has((day + 6) % 7));
  const runs = starts.length === 1 && [...days].every((day) => day === starts[0] || days.has((day + 6) % 7));
  return runs ? { weekStart: starts[0]! } : {};
}

function weeksSeries(group: Group, n: number, times: ClockTime[], original: string, context: RecurringContext): Built {
  if (group.monthDays || group.months) throw new UsageError(`'${original}' mixes a week interval with dates`, "Try 'every other tuesday at 9am'.");
  const weekdays = group.weekdays ?? [1];
  const anchor = firstDate(context, times, (date) => weekdays.includes(date.weekday));
  startNote(context, formatDate(anchor));
  return {
    kind: 'series',
    rule: { kind: 'weeks', every: n, anchor, weekdays, times, ...weekStartOf(weekdays) },
    description: `${n === 2 ? 'Every other' : `Every ${n} weeks on`} ${listText(weekdays.map((d) => WEEKDAY_NAMES[d]!))} at ${timesText(times)}, starting ${formatDate(anchor)}`,
    reason: 'cannot be written as one cron or a set of crons: a cron cannot count weeks',
    hint: `Name the days instead, such as 'every tuesday at 9am'. ${SERIES_HINT}`,
  };
}

function monthsSeries(months: number, monthDays: number[], times: ClockTime[], context: RecurringContext): Built {
  const anchor = firstDate(context, times, (date) => monthDays.includes(date.day));
  startNote(context, formatDate(anchor));
  return {
    kind: 'series',
    rule: { kind: 'months', every: months, anchor, monthDays, times },
    description: `Day ${listText(monthDays.map(String))} of every ${months} months at ${timesText(times)}, starting ${formatDate(anchor)}`,
    reason: `cannot be written as one cron or a set of crons: ${months} does not divide the 12 months of a year, so the gap would jump at the new year`,
    hint: `Use 'every 2 months', 'every 3 months' or 'every 6 months'. ${SERIES_HINT}`,
  };
}

function yearsSeries(n: number, dates: Array<{ month: number; day: number }>, times: ClockTime[], context: RecurringContext): Built {
  const anchor = firstDate(context, times, (date) => dates.some((d) => d.month === date.month && d.day === date.day));
  startNote(context, formatDate(anchor));
  return {
    kind: 'series',
    rule: { kind: 'years', every: n, anchor, dates, times },
    description: `${listText(dates.map((d) => `${MONTH_NAMES[d.month - 1]} ${d.day}`))} every ${n} years at ${timesText(times)}, starting ${formatDate(anchor)}`,
    reason: 'cannot be written as one cron or a set of crons: a cron cannot count years',
    hint: SERIES_HINT,
  };
}

/**
 * "every year on the last friday", "yearly on the last day": a year's last is December's (rrule's yearly BYDAY=-1FR), and
 * its first January's ("every year on the first monday", said); null when the months are named or the rule is not yearly.
 */
function yearsOwnMonths(group: Group, original: string, context: RecurringContext): ((nth: Nth) => number[]) | null {
  if (group.interval?.unit !== 'year' || group.interval.n !== 1 || group.months) return null;
  const fromStart = group.nth!.filter((nth) => nth.n > 0);
  if (fromStart.length > 0) {
    const dayText = (nth: Nth) => `${NTH_NAMES[nth.n] ?? ordinalText(nth.n)} ${nth.weekday === 'workday' ? 'weekday' : nth.weekday === 'day' ? 'day' : WEEKDAY_NAMES[nth.weekday]}`;
    context.notes?.push(
      `read '${original}' as the ${listText(fromStart.map(dayText))} of January, the year's first month; name the month for another, such as 'every year on the ${dayText(fromStart[0]!).toLowerCase()} of june'`,
    );
  }
  return (nth) => (nth.n < 0 ? [12] : [1]);
}

/**
 * The months an nth weekday falls in: every month, the months named, a
 * year's ("every year on the fourth thursday in november"; see yearsOwnMonths
 * when none is named), or every N months from the next ("first friday of every other month").
 */
function nthMonths(group: Group, original: string, times: ClockTime[], context: RecurringContext): number[] | null {
  const unit = group.interval?.unit;
  const n = group.interval?.n ?? 1;
  if (!unit || (unit === 'month' && n === 1) || (unit === 'day' && n === 1)) return group.months ?? null;
  if (unit === 'year' && n === 1) return group.months ?? [1];
  const months = unit === 'quarter' ? 3 * n : unit === 'month' ? n : 0;
  if (months > 1 && 12 % months === 0 && !group.months) {
    const rules = (group.nth ?? []).map((nth) => nthRule(nth, null, times));
    const next = nextInstants({ kind: 'any', rules }, context.zone, context.now, 1)[0];
    // "the last friday of each quarter": a day counted from the end is in the quarter's last month (March, June, ...).
    const fromEnd = unit === 'quarter' && (group.nth ?? []).every((nth) => nth.n < 0);
    const first = fromEnd ? months : unit === 'quarter' || next === undefined ? 1 : wallTime(context.zone, next).month;
    if (unit !== 'quarter') startNote(context, MONTH_NAMES[first - 1]!);
    else if (fromEnd && n === 1) context.notes?.push(`read '${original}' as in the last month of each quarter (March, June, September and December); name the months for others`);
    return [...Array(12 / months).keys()].map((k) => ((first - 1 + k * months) % 12) + 1).sort((a, b) => a - b);
  }
  throw new UsageError(
    `'${original}' cannot repeat a weekday of the month at this interval`,
    "Try 'first monday of the month at 9am', 'first monday of every other month' or 'every year on the first monday of june'.",
  );
}

function nthRule(nth: Nth, months: number[] | null, times: ClockTime[]): SeriesRule {
  if (nth.weekday === 'day') return nth.n === -1 ? { kind: 'last-day', months, times } : { kind: 'last-day', months, times, fromEnd: -nth.n };
  if (nth.weekday === 'workday') return { kind: 'nth-workday', n: nth.n, months, times };
  return { kind: 'nth-weekday', n: nth.n, weekday: nth.weekday, months, times };
}

function nthSeries(list: Nth[], monthsOf: number[] | null | ((nth: Nth) => number[]), times: ClockTime[]): Built {
  if (list.length > 1) {
    const months = monthsOf;
    const parts = list.map((nth) => nthSeries([nth], months, times) as Extract<Built, { kind: 'series' }>);
    return {
      kind: 'series',
      rule: { kind: 'any', rules: parts.map((part) => part.rule) },
      description: parts.map((part, k) => (k === 0 ? part.description : part.description.replace(/^The /, 'the '))).join('; and '),
      reason: parts[0]!.reason,
      hint: SERIES_HINT,
    };
  }
  const nth = list[0]!;
  const months = typeof monthsOf === 'function' ? monthsOf(nth) : monthsOf;
  // "of every month in May" says May alone: "of May" ("of May and June").
  const ofMonths = months ? ` of ${listText(months.map((m) => MONTH_NAMES[m - 1]!))}` : ' of every month';
  if (nth.weekday === 'workday') {
    return {
      kind: 'series',
      rule: nthRule(nth, months, times),
      description: `The ${NTH_NAMES[nth.n] ?? ordinalText(nth.n)} weekday (Monday to Friday)${ofMonths} at ${timesText(times)}`,
      reason: "cannot be written as one cron or a set of crons: which date is a month's first or last weekday changes from month to month",
      hint: SERIES_HINT,
    };
  }
  if (nth.weekday === 'day') {
    return {
      kind: 'series',
      rule: nthRule(nth, months, times),
      description: `The ${nth.n === -1 ? 'last' : `${ordinalText(-nth.n)} last`} day${ofMonths} at ${timesText(times)}`,
      reason: 'cannot be written as one cron or a set of crons: months end on different days, and Letta does not accept L',
      hint: `For the 1st instead: 'on the 1st of every month at 9am'. ${SERIES_HINT}`,
    };
  }
  return {
    kind: 'series',
    rule: { kind: 'nth-weekday', n: nth.n, weekday: nth.weekday, months, times },
    description: `The ${NTH_NAMES[nth.n]} ${WEEKDAY_NAMES[nth.weekday]}${ofMonths} at ${timesText(times)}`,
    reason: `cannot be written as one cron or a set of crons: a cron cannot pick the ${NTH_NAMES[nth.n]} ${WEEKDAY_NAMES[nth.weekday]} of a month, and Letta does not accept # or L`,
    hint: SERIES_HINT,
  };
}

function ordinalText(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
