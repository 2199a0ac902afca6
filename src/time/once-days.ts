import { UsageError } from '../errors';
import { readClock, settleClock, type ClockRead, type ClockTime } from './clock';
import { checkCalendar, DATE_HINT } from './iso';
import { MONTH_NAMES, monthOf, WEEKDAY_NAMES, weekdayOf } from './lexicon';
import type { Calendar } from './once-zone';
import { readNumber, readOrdinal, type Read } from './words';
import { addDays, daysInMonth, formatClock, formatDate, type WallTime } from './zone';

/**
 * The one-time phrase as parts, read token by token: a day ("tomorrow",
 * "next friday", "the 1st of march", "last thursday of next month", "in 6
 * days"), a time of day ("3pm", "half past 6") and a part of the day
 * ("tonight", "in the morning"), in any order, with "at", "on" and commas
 * between. Each reader looks a few tokens ahead, so the whole walk is linear.
 */

type Part = 'morning' | 'afternoon' | 'evening' | 'night';

/** Where a part of the day puts a time with no am/pm, and its time when none is given (as the recurring phrases read them). */
const PART_DEFAULTS: Record<Part, number> = { morning: 9, afternoon: 15, evening: 18, night: 21 };

type MonthRef = { month: number; year?: number } | { relative: 'this' | 'next' | 'the' };

export type DayRef =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; weekday: number; mode: 'this' | 'next' | 'after-next' | 'this-week' | 'next-week' | 'last' | 'last-week' }
  | { kind: 'date'; day: number; month?: number; year?: number; weekday?: number }
  | { kind: 'nth'; nth: number; weekday: number | null; of: MonthRef }
  | { kind: 'in'; amount: number; unit: 'day' | 'week' | 'month' | 'year' }
  /** "this weekend", "next weekend", "the weekend after next": one instant, its Saturday. */
  | { kind: 'weekend'; mode: 'this' | 'next' | 'after-next' }
  /** "a week from tomorrow", "3 days after friday". */
  | { kind: 'shift'; days: number; from: DayRef }
  /** "the monday before may 25": the nearest such weekday strictly before (-1) or after (1) another day. */
  | { kind: 'near'; weekday: number; direction: 1 | -1; from: DayRef };

export interface OnceParts {
  day?: DayRef;
  clock?: ClockRead;
  part?: Part;
  /** "tonight", "this morning": the part of today. */
  today?: boolean;
}

const FILLER = new Set(['at', 'on', 'by', '@', ',', 'for', '-']);

/** The parts of a phrase, or null when some word is not one of them. `trace`, when given, collects the day rule used. */
export function readParts(tokens: readonly string[], trace?: string[]): OnceParts | null {
  const parts: OnceParts = {};
  let i = 0;
  while (i < tokens.length) {
    const day = parts.day ? null : readDay(tokens, i);
    if (day) {
      parts.day = day.value;
      trace?.push(day.rule);
      i = day.end;
      continue;
    }
    const part = parts.part ? null : readPart(tokens, i);
    if (part) {
      parts.part = part.value.part;
      parts.today = part.value.today;
      i = part.end;
      continue;
    }
    const clock = parts.clock ? null : readClock(tokens, i);
    if (clock) {
      parts.clock = clock;
      i = clock.end;
      continue;
    }
    if (!FILLER.has(tokens[i]!)) return null;
    i++;
  }
  return parts.day || parts.clock || parts.part ? parts : null;
}

/** "tonight", "this morning" (today's), "in the afternoon", "at night", "evening". */
function readPart(tokens: readonly string[], i: number): Read<{ part: Part; today: boolean }> | null {
  if (tokens[i] === 'tonight') return { value: { part: 'night', today: true }, end: i + 1 };
  const lead = tokens[i] === 'in' && tokens[i + 1] === 'the' ? 2 : tokens[i] === 'this' || (tokens[i] === 'at' && tokens[i + 1] === 'night') ? 1 : 0;
  const name = tokens[i + lead];
  if (name !== 'morning' && name !== 'afternoon' && name !== 'evening' && name !== 'night') return null;
  return { value: { part: name, today: tokens[i] === 'this' }, end: i + lead + 1 };
}

const weekdayAt = (tokens: readonly string[], i: number) => weekdayOf(tokens[i]);
const monthAt = (tokens: readonly string[], i: number) => monthOf(tokens[i]);

export interface DayRule {
  name: string;
  /** Whole one-time phrases this rule reads the day of (tested: each is read, and by this rule). */
  examples: readonly string[];
  read: (tokens: readonly string[], i: number) => Read<DayRef> | null;
}

/** Every form of a day, in the order they are tried: the longest reading first. A new form of day is a new rule here. */
export const DAY_RULES: readonly DayRule[] = [
  { name: 'relative day', examples: ['tomorrow at 9am', 'the day after tomorrow', 'today at 5pm', 'the day after next at 6pm'], read: readRelativeDay },
  { name: 'weekend', examples: ['this weekend', 'next weekend', 'the weekend after next'], read: readWeekend },
  { name: 'nth day of a month', examples: ['first monday of next month', 'last day of the month', '3rd thursday this september', 'end of the month'], read: readNth },
  { name: 'weekday', examples: ['friday at 4', 'next friday', 'friday next week', 'the saturday after next', 'tuesday the 15th at 10am'], read: readWeekday },
  { name: 'date', examples: ['december 25 at 9am', 'the 1st of march', '25 dec', 'march 3rd 2027', '20 of next month'], read: readDate },
  { name: 'days from now', examples: ['in 6 days at noon', 'a week from tomorrow', '3 days after friday', '2 weeks from now at 9am'], read: readIn },
];

function readDay(tokens: readonly string[], i: number): (Read<DayRef> & { rule: string }) | null {
  for (const rule of DAY_RULES) {
    const read = rule.read(tokens, i);
    if (read) return { ...read, rule: rule.name };
  }
  return null;
}

/** "this weekend", "the weekend", "next weekend", "this coming weekend", "the weekend after next". */
function readWeekend(tokens: readonly string[], i: number): Read<DayRef> | null {
  let j = i;
  let mode: 'this' | 'next' | 'after-next' = 'this';
  if (tokens[j] === 'this' && tokens[j + 1] === 'coming') j += 2;
  else if (tokens[j] === 'this' || tokens[j] === 'the') j++;
  else if (tokens[j] === 'next' || tokens[j] === 'coming') {
    mode = 'next';
    j++;
  } else return null;
  if (tokens[j] !== 'weekend') return null;
  j++;
  if (tokens[i] === 'the' && tokens[j] === 'after' && tokens[j + 1] === 'next') return { value: { kind: 'weekend', mode: 'after-next' }, end: j + 2 };
  return { value: { kind: 'weekend', mode }, end: j };
}

/** today, tomorrow, (the) day after tomorrow, yesterday, (the) day before yesterday. */
function readRelativeDay(tokens: readonly string[], i: number): Read<DayRef> | null {
  const word = tokens[i];
  if (word === 'today') return { value: { kind: 'offset', days: 0 }, end: i + 1 };
  if (word === 'tomorrow' || word === 'tmrw' || word === 'tmr') return { value: { kind: 'offset', days: 1 }, end: i + 1 };
  if (word === 'yesterday') return { value: { kind: 'offset', days: -1 }, end: i + 1 };
  const start = word === 'the' ? i + 1 : i;
  if (tokens[start] === 'day' && tokens[start + 2] === (tokens[start + 1] === 'after' ? 'tomorrow' : 'yesterday')) {
    return { value: { kind: 'offset', days: tokens[start + 1] === 'after' ? 2 : -2 }, end: start + 3 };
  }
  // "the day after next": the day after tomorrow.
  if (tokens[start] === 'day' && tokens[start + 1] === 'after' && tokens[start + 2] === 'next') return { value: { kind: 'offset', days: 2 }, end: start + 3 };
  return null;
}

/**
 * A weekday: "friday", "this friday", "next friday", "friday after next",
 * "friday next week", "next week friday", "this coming friday"; in the
 * past: "last friday", "past friday", "friday last week", "tuesday of last
 * week". With a date after it ("tuesday the 19th", "sunday, feb 10") it is
 * that date, and the two must agree.
 */
function readWeekday(tokens: readonly string[], i: number): Read<DayRef> | null {
  if (tokens[i] === 'the') return readWeekdayNear(tokens, i + 1);
  let j = i;
  let mode: Extract<DayRef, { kind: 'weekday' }>['mode'] = 'this';
  const lead = tokens[j];
  if (lead === 'this' && (tokens[j + 1] === 'coming' || tokens[j + 1] === 'past')) {
    mode = tokens[j + 1] === 'coming' ? 'next' : 'last';
    j += 2;
  } else if (lead === 'next' || lead === 'coming' || lead === 'upcoming') {
    mode = 'next';
    j++;
  } else if (lead === 'this') {
    j++;
  } else if (lead === 'last' || lead === 'past' || lead === 'previous') {
    mode = 'last';
    j++;
  }
  if ((lead === 'next' || lead === 'last') && tokens[j] === 'week') {
    const weekday = weekdayAt(tokens, j + 1);
    if (weekday === undefined) return null;
    return { value: { kind: 'weekday', weekday, mode: lead === 'next' ? 'next-week' : 'last-week' }, end: j + 2 };
  }
  const weekday = weekdayAt(tokens, j);
  if (weekday === undefined) return null;
  j++;
  if (mode === 'this') {
    const date = readDate(tokens, tokens[j] === ',' ? j + 1 : j);
    if (date && date.value.kind === 'date') return { value: { ...date.value, weekday }, end: date.end };
  }
  const of = tokens[j] === 'of' ? 1 : 0;
  const week = tokens[j + of + 1] === 'week' ? tokens[j + of] : undefined;
  if (week === 'next' || week === 'this' || week === 'last') {
    const weekMode = week === 'next' ? 'next-week' : week === 'this' ? 'this-week' : 'last-week';
    return { value: { kind: 'weekday', weekday, mode: weekMode }, end: j + of + 2 };
  }
  if (tokens[j] === 'after' && tokens[j + 1] === 'next') return { value: { kind: 'weekday', weekday, mode: 'after-next' }, end: j + 2 };
  if (tokens[j] === 'before' && tokens[j + 1] === 'last') return { value: { kind: 'weekday', weekday, mode: 'last' }, end: j + 2 };
  return { value: { kind: 'weekday', weekday, mode }, end: j };
}

/**
 * "the saturday after next", "the monday before may 25", "the friday after
 * dec 25": a weekday counted from another day, never that day itself.
 */
function readWeekdayNear(tokens: readonly string[], i: number): Read<DayRef> | null {
  const weekday = weekdayAt(tokens, i);
  const link = tokens[i + 1];
  if (weekday === undefined || (link !== 'after' && link !== 'before')) return null;
  if (link === 'after' && tokens[i + 2] === 'next') return { value: { kind: 'weekday', weekday, mode: 'after-next' }, end: i + 3 };
  const from = readRelativeDay(tokens, i + 2) ?? readDate(tokens, i + 2);
  if (!from) return null;
  return { value: { kind: 'near', weekday, direction: link === 'after' ? 1 : -1, from: from.value }, end: from.end };
}

/**
 * A date: "march 3rd", "march 3", "march the 3rd", "3 march", "the 1st of
 * march", "1st of march 2027", "march 3, 2027", "on the 15th" (this month or
 * the next that has it), "the 15th of next month".
 */
function readDate(tokens: readonly string[], i: number): Read<DayRef> | null {
  const month = monthAt(tokens, i);
  if (month !== undefined) {
    let j = i + 1;
    if (tokens[j] === 'the') j++;
    const day = readDayNumber(tokens, j);
    if (!day) {
      // "march 2027": its first day.
      return /^\d{4}$/.test(tokens[i + 1] ?? '') ? { value: { kind: 'date', day: 1, month, year: Number(tokens[i + 1]) }, end: i + 2 } : null;
    }
    return withYear(tokens, day.end, { kind: 'date', day: day.value, month });
  }
  const start = tokens[i] === 'the' ? i + 1 : i;
  const day = readDayNumber(tokens, start, start > i);
  if (!day) return null;
  let j = day.end;
  if (tokens[j] === 'of') j++;
  const named = monthAt(tokens, j);
  if (named !== undefined) return withYear(tokens, j + 1, { kind: 'date', day: day.value, month: named });
  const relative = readMonthRef(tokens, j);
  if (relative && tokens[j - 1] === 'of' && 'relative' in relative.value) {
    return { value: { kind: 'nth', nth: day.value, weekday: null, of: relative.value }, end: relative.end };
  }
  // A bare day of the month needs an ordinal ("the 15th", "on the 15th", "15th"): a bare "15" is an hour.
  return day.ordinal ? { value: { kind: 'date', day: day.value }, end: day.end } : null;
}

/** "3rd", "third", "3" (a plain number only next to a month name or after "the"). */
function readDayNumber(tokens: readonly string[], i: number, afterThe = false): (Read<number> & { ordinal: boolean }) | null {
  const ordinal = readOrdinal(tokens, i);
  if (ordinal) return { ...ordinal, ordinal: true };
  const word = tokens[i];
  if (word === undefined || !/^\d{1,2}$/.test(word)) return null;
  const next = tokens[i + 1];
  // "20 of next month": a number of a month is its day.
  const ofMonth = next === 'of' && readMonthRef(tokens, i + 2) !== null;
  const nextToMonth = ofMonth || monthAt(tokens, i - 1) !== undefined || tokens[i - 1] === 'the' || monthAt(tokens, next === 'of' ? i + 2 : i + 1) !== undefined;
  return nextToMonth || afterThe ? { value: Number(word), end: i + 1, ordinal: afterThe } : null;
}

function withYear(tokens: readonly string[], i: number, date: Extract<DayRef, { kind: 'date' }>): Read<DayRef> {
  const j = tokens[i] === ',' ? i + 1 : i;
  if (/^\d{4}$/.test(tokens[j] ?? '')) return { value: { ...date, year: Number(tokens[j]) }, end: j + 1 };
  return { value: date, end: i };
}

/**
 * The nth or last weekday (or day) of a month: "first wednesday of march",
 * "3rd thu in may", "last thursday of next month", "last day of the month",
 * "the second monday of june 2027", "end of the month", "start of next month".
 */
function readNth(tokens: readonly string[], i: number): Read<DayRef> | null {
  const start = tokens[i] === 'the' ? i + 1 : i;
  // "end of the month", "start of next month", "beginning of march"
  const edge = tokens[start] === 'end' ? -1 : tokens[start] === 'start' || tokens[start] === 'beginning' ? 1 : 0;
  if (edge !== 0 && tokens[start + 1] === 'of') {
    const of = readMonthRef(tokens, start + 2);
    return of ? { value: { kind: 'nth', nth: edge, weekday: null, of: of.value }, end: of.end } : null;
  }
  let nth = tokens[start] === 'last' || tokens[start] === 'final' ? { value: -1, end: start + 1 } : readOrdinal(tokens, start);
  if (!nth) return null;
  // "2nd last friday", "second to last friday".
  const fromEnd = tokens[nth.end] === 'last' ? nth.end + 1 : tokens[nth.end] === 'to' && tokens[nth.end + 1] === 'last' ? nth.end + 2 : 0;
  if (fromEnd && nth.value > 0 && weekdayAt(tokens, fromEnd) !== undefined) nth = { value: -nth.value, end: fromEnd };
  const weekday = weekdayAt(tokens, nth.end);
  const isDay = tokens[nth.end] === 'day';
  if (weekday === undefined && !isDay) return null;
  const link = tokens[nth.end + 1];
  // "first sunday next month", "3rd thursday this september": the month right after, without "of".
  const of = link === 'of' || link === 'in' ? readMonthRef(tokens, nth.end + 2) : /^(?:this|next)$/.test(link ?? '') ? readMonthRef(tokens, nth.end + 1) : null;
  if (!of) return null;
  return { value: { kind: 'nth', nth: nth.value, weekday: isDay ? null : weekday!, of: of.value }, end: of.end };
}

/** "march", "march 2027", "this march", "next month", "this month", "the month", "the next month". */
function readMonthRef(tokens: readonly string[], i: number): Read<MonthRef> | null {
  if (tokens[i] === 'this' && monthAt(tokens, i + 1) !== undefined) return readMonthRef(tokens, i + 1);
  const month = monthAt(tokens, i);
  if (month !== undefined) {
    return /^\d{4}$/.test(tokens[i + 1] ?? '') ? { value: { month, year: Number(tokens[i + 1]) }, end: i + 2 } : { value: { month }, end: i + 1 };
  }
  const start = tokens[i] === 'the' && tokens[i + 1] === 'next' ? i + 1 : i;
  const word = tokens[start];
  if (tokens[start + 1] === 'month' && (word === 'this' || word === 'next' || word === 'the')) {
    return { value: { relative: word }, end: start + 2 };
  }
  return null;
}

const IN_UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  mo: 'month',
  month: 'month',
  months: 'month',
  y: 'year',
  yr: 'year',
  yrs: 'year',
  year: 'year',
  years: 'year',
};

/**
 * "in 6 days", "in a couple of weeks", "in 2 months", "6 days from now": a
 * day to put a time of day on. "a week from tomorrow", "3 days after friday":
 * that many days from another day.
 */
function readIn(tokens: readonly string[], i: number): Read<DayRef> | null {
  const lead = tokens[i] === 'in';
  const count = readNumber(tokens, lead ? i + 1 : i);
  if (!count || !Number.isInteger(count.value)) return null;
  const unit = IN_UNITS[tokens[count.end] ?? ''];
  if (!unit) return null;
  const link = tokens[count.end + 1];
  if (!lead && (link === 'from' || link === 'after') && tokens[count.end + 2] !== 'now' && (unit === 'day' || unit === 'week')) {
    const from = readRelativeDay(tokens, count.end + 2) ?? readWeekday(tokens, count.end + 2) ?? readDate(tokens, count.end + 2);
    if (from) return { value: { kind: 'shift', days: count.value * (unit === 'week' ? 7 : 1), from: from.value }, end: from.end };
  }
  const fromNow = link === 'from' && tokens[count.end + 2] === 'now';
  if (!lead && !fromNow) return null;
  return { value: { kind: 'in', amount: count.value, unit }, end: count.end + 1 + (fromNow ? 2 : 0) };
}

const ordinalName = (n: number): string => (n === -1 ? 'last' : n < 0 ? `${ordinalName(-n)} last` : (['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`));

/**
 * The instant the parts name on `calendar`, from `now`: the rules of the
 * spec (a day with no time is at 09:00; a weekday alone is today if its
 * time is ahead; "next friday" is never today) and their extensions.
 * Past instants are returned as they are; the caller refuses them.
 */
export function resolveParts(parts: OnceParts, calendar: Calendar, now: number, input: string, notes: string[] = [], dayClock: ClockTime = { hour: 9, minute: 0 }): number {
  const { clock, carry } = clockOf(parts, notes, dayClock);
  if (parts.day?.kind === 'near') {
    const { weekday, direction } = parts.day;
    const from = calendar.wall(resolveParts({ ...parts, day: parts.day.from }, calendar, now, input, [], dayClock));
    const days = direction === 1 ? (weekday - from.weekday + 7) % 7 || 7 : -((from.weekday - weekday + 7) % 7 || 7);
    const date = addDays(from, days);
    return calendar.at({ ...date, hour: from.hour, minute: from.minute, second: 0 });
  }
  if (parts.day?.kind === 'shift') {
    // The day it counts from, then that many calendar days on.
    const from = calendar.wall(resolveParts({ ...parts, day: parts.day.from }, calendar, now, input, [], dayClock));
    const date = addDays(from, parts.day.days);
    return calendar.at({ ...date, hour: from.hour, minute: from.minute, second: 0 });
  }
  const today = calendar.wall(now);
  const at = (date: { year: number; month: number; day: number }) => {
    const shifted = carry ? addDays(date, carry) : date;
    return calendar.at({ year: shifted.year, month: shifted.month, day: shifted.day, hour: clock.hour, minute: clock.minute, second: 0 });
  };
  const inDays = (days: number) => at(addDays(today, days));
  const instant = dayInstant(parts, today, at, inDays, now, input, notes);
  // A local time a DST change skips or repeats: said, as the spec asks.
  const wall = calendar.wall(instant);
  const shown = formatClock(clock.hour, clock.minute);
  if (wall.hour !== clock.hour || wall.minute !== clock.minute) {
    notes.push(`${shown} does not exist on ${formatDate(wall)}, when the clocks go forward; read as ${formatClock(wall.hour, wall.minute)}`);
  } else {
    const later = calendar.wall(instant + 3_600_000);
    if (later.hour === wall.hour && later.minute === wall.minute && later.day === wall.day) notes.push(`${shown} occurs twice on ${formatDate(wall)}, when the clocks go back; read as the first`);
  }
  return instant;
}

function dayInstant(parts: OnceParts, today: WallTime, at: DateInstant, inDays: DayInstant, now: number, input: string, notes: string[]): number {
  const day = parts.day;

  if (!day) {
    if (parts.today) return inDays(0);
    const instant = inDays(0);
    return instant <= now ? inDays(1) : instant;
  }
  switch (day.kind) {
    case 'offset':
      return inDays(day.days);
    case 'in':
      if (day.unit === 'day' || day.unit === 'week') return inDays(day.amount * (day.unit === 'week' ? 7 : 1));
      return at(addMonths(today, day.amount * (day.unit === 'year' ? 12 : 1)));
    case 'weekday':
      return weekdayInstant(day, today, inDays, now, input, notes);
    case 'weekend':
      return weekendInstant(day.mode, today, inDays, now, input, notes);
    case 'date':
      return dateInstant(day, today, at, now, input);
    case 'nth':
      return nthInstant(day, today, at, now, input);
    case 'shift':
    case 'near':
      // Counted from another day: resolveParts resolves that day first.
      throw new Error(`'${input}': a day counted from another reached the calendar unresolved`);
  }
}

/** The time of day, with a part of the day applied, and any days it carries over ("tonight at 1" is tomorrow 01:00). */
function clockOf(parts: OnceParts, notes: string[], dayClock: ClockTime): { clock: ClockTime; carry: number } {
  const part = parts.part;
  if (!parts.clock) return { clock: part ? { hour: PART_DEFAULTS[part], minute: 0 } : dayClock, carry: 0 };
  if (!part) {
    const settled = settleClock(parts.clock);
    if (settled.note) notes.push(settled.note);
    return { clock: settled.value, carry: 0 };
  }
  let { hour } = parts.clock.value;
  const { minute } = parts.clock.value;
  const { ambiguous } = parts.clock;
  if (part === 'morning' && ambiguous && hour === 12) hour = 0;
  if ((part === 'afternoon' || part === 'evening') && ambiguous && hour < 12) hour += 12;
  if (part === 'night') {
    if (ambiguous && hour >= 5 && hour < 12) hour += 12;
    if (ambiguous && hour === 12) hour = 0;
    // The small hours of a night belong to the next day.
    if (hour < 5) return { clock: { hour, minute }, carry: 1 };
  }
  return { clock: { hour, minute }, carry: 0 };
}

type DayInstant = (days: number) => number;
type DateInstant = (date: { year: number; month: number; day: number }) => number;

/** "Fri 4 Dec", for notes. */
function dayLabel(date: { year: number; month: number; day: number }): string {
  return `${WEEKDAY_NAMES[addDays(date, 0).weekday]!.slice(0, 3)} ${date.day} ${MONTH_NAMES[date.month - 1]!.slice(0, 3)}`;
}

/** "next friday" is the first Friday after today; when that is in this week, a note says so and how to write the one after. */
function nextInWeek(today: WallTime, ahead: number, input: string, other: string, notes: string[]) {
  const sinceMonday = (today.weekday + 6) % 7;
  if (sinceMonday + ahead <= 6) {
    notes.push(`read '${input}' as ${dayLabel(addDays(today, ahead))}, in this week; write '${other}' for ${dayLabel(addDays(today, ahead + 7))}`);
  }
}

function weekendInstant(mode: 'this' | 'next' | 'after-next', today: WallTime, inDays: DayInstant, now: number, input: string, notes: string[]): number {
  const toSaturday = (6 - today.weekday + 7) % 7;
  if (mode === 'this') {
    // On a Sunday, this weekend's Saturday was yesterday: its Sunday is what is left of it.
    if (today.weekday === 0) return inDays(0);
    const saturday = inDays(toSaturday);
    return saturday > now || today.weekday !== 6 ? saturday : inDays(1);
  }
  const ahead = toSaturday || 7;
  if (mode === 'next') nextInWeek(today, ahead, input, 'the weekend after next', notes);
  return inDays(mode === 'next' ? ahead : ahead + 7);
}

function weekdayInstant(day: Extract<DayRef, { kind: 'weekday' }>, today: WallTime, inDays: DayInstant, now: number, input: string, notes: string[]): number {
  const ahead = (day.weekday - today.weekday + 7) % 7;
  // Weeks run Monday to Sunday (ISO 8601).
  const sinceMonday = (today.weekday + 6) % 7;
  const intoWeek = (day.weekday + 6) % 7;
  switch (day.mode) {
    case 'this': {
      const instant = inDays(ahead);
      return instant <= now ? inDays(ahead + 7) : instant;
    }
    case 'next':
      nextInWeek(today, ahead || 7, input, `${WEEKDAY_NAMES[day.weekday]!.toLowerCase()} next week`, notes);
      return inDays(ahead || 7);
    case 'after-next':
      return inDays((ahead || 7) + 7);
    case 'this-week':
      return inDays(intoWeek - sinceMonday);
    case 'next-week':
      return inDays(7 - sinceMonday + intoWeek);
    case 'last':
      return inDays(-((today.weekday - day.weekday + 7) % 7 || 7));
    case 'last-week':
      return inDays(-7 - sinceMonday + intoWeek);
  }
}

function dateInstant(day: Extract<DayRef, { kind: 'date' }>, today: WallTime, at: DateInstant, now: number, input: string): number {
  const label = `'${input}'`;
  if (day.day > 31 || day.day < 1) throw new UsageError(`${label} is not a date: no month has a day ${day.day}`, DATE_HINT);
  let date: { year: number; month: number; day: number } | undefined;
  if (day.month !== undefined && day.year !== undefined) {
    checkCalendar(label, day.year, day.month, day.day, 0, 0, 0);
    date = { year: day.year, month: day.month, day: day.day };
  } else if (day.month !== undefined) {
    if (day.day > daysInMonth(2000, day.month)) throw new UsageError(`${label} is not a date: ${MONTH_NAMES[day.month - 1]} has no day ${day.day}`, DATE_HINT);
    // This year's if still ahead, else the next year that has it (February 29th).
    for (let year = today.year; !date; year++) {
      if (day.day <= daysInMonth(year, day.month) && at({ year, month: day.month, day: day.day }) > now) date = { year, month: day.month, day: day.day };
    }
  } else {
    // This month's if still ahead, else the next month that has the day; with a weekday ("friday the 13th"), the next that falls on it.
    const months = day.weekday === undefined ? 14 : 40;
    for (let k = 0; !date && k < months; k++) {
      const month = ((today.month - 1 + k) % 12) + 1;
      const year = today.year + Math.floor((today.month - 1 + k) / 12);
      const candidate = { year, month, day: day.day };
      const fits = day.day <= daysInMonth(year, month) && (day.weekday === undefined || addDays(candidate, 0).weekday === day.weekday);
      if (fits && at(candidate) > now) date = candidate;
    }
  }
  if (!date) throw new UsageError(`${label} is not a date`, DATE_HINT);
  if (day.weekday !== undefined) {
    const actual = addDays(date, 0).weekday;
    if (actual !== day.weekday) {
      throw new UsageError(
        `${label} does not add up: ${formatDate(date)} is a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[day.weekday]}`,
        'Check the date, or give only the date or only the weekday.',
      );
    }
  }
  return at(date);
}

function nthInstant(day: Extract<DayRef, { kind: 'nth' }>, today: WallTime, at: DateInstant, now: number, input: string): number {
  const inMonth = (year: number, month: number): { year: number; month: number; day: number } | null => {
    const last = daysInMonth(year, month);
    if (day.weekday === null) {
      const dayOfMonth = day.nth === -1 ? last : day.nth;
      return dayOfMonth <= last ? { year, month, day: dayOfMonth } : null;
    }
    if (day.nth < 0) {
      const lastWeekday = addDays({ year, month, day: last }, 0).weekday;
      const dayOfMonth = last - ((lastWeekday - day.weekday + 7) % 7) - 7 * (-day.nth - 1);
      return dayOfMonth >= 1 ? { year, month, day: dayOfMonth } : null;
    }
    const firstWeekday = addDays({ year, month, day: 1 }, 0).weekday;
    const dayOfMonth = 1 + ((day.weekday - firstWeekday + 7) % 7) + 7 * (day.nth - 1);
    return dayOfMonth <= last ? { year, month, day: dayOfMonth } : null;
  };
  const what = `the ${ordinalName(day.nth)} ${day.weekday === null ? 'day' : WEEKDAY_NAMES[day.weekday]}`;
  const missing = (year: number, month: number) =>
    new UsageError(`'${input}' is not a date: ${MONTH_NAMES[month - 1]} ${year} has no ${what.slice(4)}`, 'Months have four or five of each weekday and 28 to 31 days.');
  const of = day.of;
  if ('relative' in of) {
    const next = addMonths(today, 1);
    if (of.relative === 'next') return at(inMonth(next.year, next.month) ?? throwError(missing(next.year, next.month)));
    const thisMonth = inMonth(today.year, today.month);
    // "the month" moves on once this month's has passed; "this month" does not.
    if (of.relative === 'the' && (!thisMonth || at(thisMonth) <= now)) return at(inMonth(next.year, next.month) ?? throwError(missing(next.year, next.month)));
    return at(thisMonth ?? throwError(missing(today.year, today.month)));
  }
  if (of.year !== undefined) return at(inMonth(of.year, of.month) ?? throwError(missing(of.year, of.month)));
  const year = of.month < today.month ? today.year + 1 : today.year;
  const first = inMonth(year, of.month) ?? throwError(missing(year, of.month));
  if (at(first) > now) return at(first);
  return at(inMonth(year + 1, of.month) ?? throwError(missing(year + 1, of.month)));
}

function throwError(error: Error): never {
  throw error;
}

/** The same day `months` later, or that month's last day when it is shorter. */
export function addMonths(date: { year: number; month: number; day: number }, months: number) {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}
