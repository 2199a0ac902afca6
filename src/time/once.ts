import * as chrono from 'chrono-node/en';
import { UsageError } from '../errors';
import { CLOCK_PATTERN, parseClock, type ClockTime } from './clock';
import { checkCalendar, isoInstant } from './iso';
import { phraseError } from './phrase-error';
import { addDays, formatLocal, instantFromLocal, offsetMinutes, wallTime } from './zone';

export interface InstantOptions {
  now: number;
  zone: string;
}

export interface ParsedInstant {
  /** Unix milliseconds. */
  instant: number;
  /** The phrase was "now": send immediately rather than schedule. */
  isNow: boolean;
}

export const ONCE_EXAMPLES = [
  'in 5 minutes',
  'in 2 hours',
  'in 3 days',
  'tomorrow at 9am',
  'tomorrow at 14:30',
  'today at 5pm',
  'next monday at 3pm',
  'friday at 10am',
  'at 17:30',
  'december 25 at 9am',
  '2026-12-01 09:00',
  '2026-12-01T19:30:00Z',
  'now',
];

const DEFAULT_HOUR = 9;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const UNIT_MS: Record<string, number> = { second: SECOND, minute: MINUTE, hour: HOUR };
const UNIT_NAMES: Array<[RegExp, 'second' | 'minute' | 'hour' | 'day' | 'week']> = [
  [/^(s|secs?|seconds?)$/, 'second'],
  [/^(m|mins?|minutes?)$/, 'minute'],
  [/^(h|hrs?|hours?)$/, 'hour'],
  [/^(d|days?)$/, 'day'],
  [/^(w|wks?|weeks?)$/, 'week'],
];

/** Turn a one-time phrase into an instant. Deterministic: everything comes from `now` and `zone`. */
export function parseInstant(input: string, { now, zone }: InstantOptions): ParsedInstant {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]$/, '');
  if (text === '') throw new UsageError('No time given', "Try 'in 5 minutes', 'tomorrow at 9am' or '2026-12-01T19:30:00Z'.");
  if (text === 'now' || text === 'right now' || text === 'immediately') return { instant: now, isNow: true };

  const instant =
    unixMillis(text) ??
    isoInstant(text, zone) ??
    localDateTime(text, input, zone) ??
    relative(text, input, now, zone) ??
    dayAndClock(text, now, zone) ??
    natural(text, input, now, zone);
  if (instant <= now) {
    throw new UsageError(
      `'${input.trim()}' is in the past: it means ${formatLocal(zone, instant)} (${new Date(instant).toISOString()})`,
      "Give a future time, such as 'in 10 minutes' or 'tomorrow at 9am'.",
    );
  }
  return { instant, isNow: false };
}

function unixMillis(text: string): number | null {
  if (/^\d{12,14}$/.test(text)) return Number(text);
  if (/^\d{9,11}$/.test(text)) {
    throw new UsageError(`'${text}' looks like Unix seconds; a number here is read as Unix milliseconds`, `Use ${text}000.`);
  }
  return null;
}

const LOCAL_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?: at)? (.+))?$/;

function localDateTime(text: string, input: string, zone: string): number | null {
  const m = LOCAL_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  let clock = { hour: DEFAULT_HOUR, minute: 0 };
  let second = 0;
  if (m[4] !== undefined) {
    const withSeconds = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(m[4]);
    const parsed = withSeconds ? { hour: Number(withSeconds[1]), minute: Number(withSeconds[2]) } : parseClock(m[4]);
    if (!parsed) throw phraseError(input.trim(), 'Could not read the time of day in', ONCE_EXAMPLES);
    if (withSeconds) second = Number(withSeconds[3]);
    clock = parsed;
  }
  checkCalendar(`'${input.trim()}'`, year, month, day, clock.hour, clock.minute, second);
  return instantFromLocal(zone, { year, month, day, hour: clock.hour, minute: clock.minute, second });
}


/** "in 5 minutes", "in 2h", "in an hour", "in 1 hour 30 minutes", "3 days from now". */
function relative(text: string, input: string, now: number, zone: string): number | null {
  const m = /^in (.+)$/.exec(text) ?? /^(.+) from now$/.exec(text);
  if (!m) return null;
  const amounts = { second: 0, minute: 0, hour: 0, day: 0, week: 0 };
  const body = m[1]!.replace(/\bhalf an? hour\b/, '30 minutes');
  const parts = body.split(/\s*(?:,|\band\b)\s*|\s+(?=\d)|(?<=[a-z])(?=\d)/).filter(Boolean);
  if (parts.length === 0) throw phraseError(input.trim(), 'Could not understand the time', ONCE_EXAMPLES);
  for (const part of parts) {
    const pm = /^(\d+(?:\.\d+)?|an?|one)\s*([a-z]+)$/.exec(part.trim());
    const unit = pm && UNIT_NAMES.find(([pattern]) => pattern.test(pm[2]!))?.[1];
    if (!pm || !unit) throw phraseError(input.trim(), 'Could not understand the time', ONCE_EXAMPLES);
    const count = /^\d/.test(pm[1]!) ? Number(pm[1]) : 1;
    if ((unit === 'day' || unit === 'week') && !Number.isInteger(count)) {
      throw new UsageError(`'${input.trim()}': days and weeks must be whole numbers`, "Use hours instead, such as 'in 36 hours'.");
    }
    amounts[unit] += count;
  }
  const days = amounts.day + 7 * amounts.week;
  let instant = now;
  if (days > 0) {
    // Days are calendar days on the user's clock, so "in 3 days" keeps the time of day across DST.
    const w = wallTime(zone, now);
    const date = addDays(w, days);
    instant = instantFromLocal(zone, { ...date, hour: w.hour, minute: w.minute, second: w.second }) + (now % 1000);
  }
  return instant + amounts.second * UNIT_MS.second! + amounts.minute * UNIT_MS.minute! + amounts.hour * UNIT_MS.hour!;
}

const WEEKDAY_NAMES: Array<[RegExp, number]> = [
  [/^sun(day)?$/, 0],
  [/^mon(day)?$/, 1],
  [/^tue(s|sday)?$/, 2],
  [/^wed(nesday)?$/, 3],
  [/^thu(r|rs|rsday)?$/, 4],
  [/^fri(day)?$/, 5],
  [/^sat(urday)?$/, 6],
];
const DAY_AND_CLOCK = new RegExp(
  String.raw`^(?:on )?(?:(today|tonight|tomorrow)|(?:(next|this) )?(sun(?:day)?|mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?))?` +
    String.raw`(?:,? ?(?:at |@ ?)?(${CLOCK_PATTERN}))?$`,
);

/**
 * The everyday forms ("tomorrow at 9am", "next monday at 3pm", "friday",
 * "at 17:30") read directly; chrono, whose first parse costs tens of
 * milliseconds, handles everything else. Both follow the same rules.
 */
function dayAndClock(text: string, now: number, zone: string): number | null {
  const m = DAY_AND_CLOCK.exec(text);
  if (!m || (!m[1] && !m[3] && !m[4])) return null;
  const [, relativeDay, nextOrThis, weekdayName, clockText] = m;
  // A bare number ("5") is not a time of day; "at 5", "5pm" and "17:30" are.
  if (clockText && !relativeDay && !weekdayName && !/^(at|@)/.test(text) && !/[:.]|am|pm|a\.m|p\.m|noon|midday|midnight/.test(clockText)) return null;
  if (relativeDay === 'tonight' && !clockText) return null;
  let clock = clockText ? parseClock(clockText) : null;
  let offset = relativeDay === 'tomorrow' ? 1 : 0;
  if (clock && relativeDay === 'tonight') {
    // "tonight at 8" is 20:00; "tonight at midnight" or "at 1" is early tomorrow.
    if (clock.hour >= 5 && clock.hour < 12 && !/am|a\.m/.test(clockText!)) clock = { ...clock, hour: clock.hour + 12 };
    if (clock.hour < 5) offset = 1;
  }
  const weekday = weekdayName ? WEEKDAY_NAMES.find(([pattern]) => pattern.test(weekdayName))?.[1] : undefined;
  return resolveDay(
    now,
    zone,
    relativeDay ? { offset } : weekday !== undefined ? { weekday, next: nextOrThis === 'next' } : null,
    clock ?? { hour: DEFAULT_HOUR, minute: 0 },
    0,
  );
}

type DayChoice = { offset: number } | { weekday: number; next: boolean } | null;

/**
 * The rules for a day and a clock time on the zone's calendar: "next friday"
 * is the first Friday after today, never today; "friday" is today if the time
 * is still ahead; a bare clock time is today, or tomorrow once it has passed.
 */
function resolveDay(now: number, zone: string, day: DayChoice, clock: ClockTime, second: number): number {
  const today = wallTime(zone, now);
  const at = (offset: number) => instantFromLocal(zone, { ...addDays(today, offset), hour: clock.hour, minute: clock.minute, second });
  if (day && 'offset' in day) return at(day.offset);
  if (day) {
    let ahead = (day.weekday - today.weekday + 7) % 7;
    if (day.next && ahead === 0) ahead = 7;
    const instant = at(ahead);
    return !day.next && instant <= now ? at(ahead + 7) : instant;
  }
  const instant = at(0);
  return instant <= now ? at(1) : instant;
}

const FILLER_BEFORE = /^[\s,]*(?:at|on|by)?[\s,]*$/;
const FILLER_AFTER = /^[\s,]*$/;
const TIME_OF_DAY_WORDS = /\b(tonight|evening|morning|afternoon|noon|midday|midnight)\b/;

/** chrono's reading of a phrase under this module's rules (exported so tests can hold the everyday-form shortcut to it). */
export function natural(text: string, input: string, now: number, zone: string): number {
  checkClockTokens(text);
  const results = chrono.parse(text, { instant: new Date(now), timezone: offsetMinutes(zone, now) }, { forwardDate: true });
  const result = results[0];
  if (results.length !== 1 || !result) throw phraseError(input.trim(), 'Could not understand the time', ONCE_EXAMPLES);
  const before = text.slice(0, result.index);
  const after = text.slice(result.index + result.text.length);
  if (!FILLER_BEFORE.test(before) || !FILLER_AFTER.test(after)) {
    const extra = [before, after].map((s) => s.trim()).filter((s) => s && !FILLER_BEFORE.test(s));
    throw phraseError(input.trim(), `Could not understand '${extra.join(' ')}' in the time`, ONCE_EXAMPLES);
  }
  if (result.end) throw new UsageError(`'${input.trim()}' is a range; give a single time`, "Try 'tomorrow at 9am'.");

  const start = result.start;
  const hasClock = start.isCertain('hour') || TIME_OF_DAY_WORDS.test(text);
  const clock = hasClock ? { hour: start.get('hour') ?? DEFAULT_HOUR, minute: start.get('minute') ?? 0 } : { hour: DEFAULT_HOUR, minute: 0 };
  const second = hasClock ? (start.get('second') ?? 0) : 0;

  if (start.isCertain('weekday') && !start.isCertain('day')) {
    return resolveDay(now, zone, { weekday: start.get('weekday') ?? 0, next: /\bnext\b/.test(text) }, clock, second);
  }
  if (!start.isCertain('day') && !start.isCertain('month') && !start.isCertain('year')) return resolveDay(now, zone, null, clock, second);
  const today = wallTime(zone, now);
  const date = { year: start.get('year') ?? today.year, month: start.get('month') ?? today.month, day: start.get('day') ?? today.day };
  const at = (year: number) => instantFromLocal(zone, { ...date, year, hour: clock.hour, minute: clock.minute, second });
  const instant = at(date.year);
  // "december 25" once it has passed this year means next year's.
  return instant <= now && !start.isCertain('year') && start.isCertain('month') ? at(date.year + 1) : instant;
}

/** chrono skips what it cannot read ("tomorrow at 13pm" becomes "tomorrow"); catch bad clock times first. */
function checkClockTokens(text: string) {
  for (const m of text.matchAll(/\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b/g)) parseClock(m[0]);
}
