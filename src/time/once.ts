import * as chrono from 'chrono-node/en';
import { UsageError } from '../errors';
import { refuseCountedDays } from './counted-days';
import { CLOCK_PATTERN, parseClock, readClock, readWholeClock, settleClock, type ClockTime } from './clock';
import { checkCalendar, isoInstant } from './iso';
import {
  MONTH_NAMES,
  capitalMNote,
  WEEKDAY_NAMES,
  isMonthFirstNote,
  isYearLastNote,
  monthOf,
  yearLastNote,
  unitOf,
  weekdayOf,
  withChatWords,
  withHolidayDates,
  withNamedTimes,
  withoutHedge,
  type TimeUnit,
} from './lexicon';
import { inRange } from './now';
import { CLOCK_TO_THE_SECOND } from './seconds';
import { bracketedZoneError, phraseZone, seasonNote, seasonsTwin, withStatedOffset, zoneCalendar, type Calendar, type PhraseZone } from './once-zone';
import { phraseError, unknownWords } from './phrase-error';
import { lookupZone } from './zone-names';
import { plainlyOnce } from './plainly-once';
import { PartsClash, readParts, spelled, YearClash, yearOf, type DayRef } from './read-once';
import { addMonths, firstOfMonthNote, isSmallHoursNote, resolveParts } from './resolve-once';
import { withDayInSpan } from './day-in-span';
import { refuseYearAlone, yearAndClock } from './year-alone';
import { withEverydayWords } from './everyday-words';
import { withLooseWords } from './loose-words';
import { withMovableHolidays } from './movable-holidays';
import { fullYear, MAX_PHRASE_LENGTH, ordinalDay, readNumber, tokenize, withoutFiller } from './words';
import { addDays, dayLabel, daysInMonth, dstNote, formatClock, formatDate, formatLocal, instantFromLocal, isDayBefore, secondOccurrence, wallTime, type WallTime } from './zone';

export interface InstantOptions {
  now: number;
  zone: string;
  /**
   * Read as an edge of a span: a day without a time of day means that whole
   * day, so its first moment for a start ("starting friday") and its last for
   * an end ("--until friday"). Otherwise such a day is at 09:00.
   */
  edge?: 'start' | 'end';
  /**
   * Whether a phrase repeats (looksRecurring), asked of a phrase in words that may: such a phrase is refused. It is
   * given by the caller, so a phrase plainly one instant is read without loading the recurring grammar; without it,
   * a phrase that needs the question throws GrammarNeeded, and the caller loads the grammar and reads it again.
   */
  repeats?: (text: string) => boolean;
}

/** A phrase in words that may repeat, read without the recurring grammar to ask whether it does (InstantOptions.repeats). */
export class GrammarNeeded extends Error {}

export interface ParsedInstant {
  /** Unix milliseconds. */
  instant: number;
  /** The phrase was "now": send immediately rather than schedule. */
  isNow: boolean;
  /** What the reader chose where the phrase left a choice (a clock without am/pm, a bare duration...). */
  notes: string[];
  /** The phrase named a day but no time of day ("friday", "dec 24"): as an end, it means that whole day. */
  dateOnly: boolean;
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
  'the 1st of march at 9am',
  'first monday of next month',
  'half past 6 tonight',
  'tomorrow at 9am CET',
  '2026-12-01 09:00',
  '2026-12-01T19:30:00Z',
  'now',
];

export { MAX_PHRASE_LENGTH };
// Given from here, where the one-time reader is loaded, so index.ts need not load it for a repeating phrase too.
export { refuseLastNightOf } from './last-night-of';
const DEFAULT_HOUR = 9;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function outOfRange(shown: string): UsageError {
  return new UsageError(`'${shown}' is outside the dates this tool can use (the years 0001 to 9999)`, "Try 'in 5 minutes' or 'tomorrow at 9am'.");
}

/** Turn a one-time phrase into an instant. Deterministic: everything comes from `now` and `zone`. */
export function parseInstant(input: string, options: InstantOptions): ParsedInstant {
  // Read on, a second past 59 would roll into the next minute ("2:02:99" as 14:03:39), as a minute past 59 never does.
  const pastMinute = [...input.matchAll(CLOCK_TO_THE_SECOND)].find((clock) => Number(clock[3]) > 59);
  if (pastMinute) {
    throw new UsageError(`'${pastMinute[0]}' is not a time of day: second ${pastMinute[3]} is out of range (00-59)`, `Give a second from 00 to 59, such as '${pastMinute[1]}:${pastMinute[2]}:30'.`);
  }
  try {
    return readPhrase(input, options);
  } catch (refused) {
    // Only some forms read a clock's seconds ("dec 8 18:05:57"); a phrase not understood with them ("12/08 18:05:57") is
    // read to its minute and the seconds added, as a clock to the second is kept. Any other refusal stands.
    const cut = refused instanceof UsageError && refused.message.startsWith('Could not') ? withoutSeconds(input) : null;
    if (!cut) throw refused;
    let read: ParsedInstant;
    try {
      read = readPhrase(cut.text, options);
    } catch (again) {
      if (!(again instanceof UsageError)) throw again;
      throw new UsageError(cut.asTyped(again.message), again.hint && cut.asTyped(again.hint));
    }
    return { ...read, instant: read.instant + cut.ms, notes: read.notes.map(cut.asTyped) };
  }
}

/** A phrase with a clock to the second past its minute, that clock cut to the minute, and what was cut in milliseconds. */
function withoutSeconds(input: string): { text: string; ms: number; asTyped: (said: string) => string } | null {
  const said = input.trim().replace(/\s+/g, ' ');
  const clocks = [...said.matchAll(CLOCK_TO_THE_SECOND)];
  const clock = clocks[0];
  // "in 1:30:45" is a timer's amount, not a clock; two clocks are left to the reader to refuse.
  if (clocks.length !== 1 || !clock || /\bin $/i.test(said.slice(0, clock.index))) return null;
  const ms = Number(clock[3]) * 1000 + Math.floor(Number(`0${clock[4]?.replace(',', '.') ?? ''}`) * 1000);
  if (ms === 0) return null;
  const minute = `${clock[1]}:${clock[2]}`;
  // What the reader quotes of the phrase, quoted with the clock as typed; a time it reads that clock as ("as 15:05"), with its seconds.
  const onTheMinute = new RegExp(`(?<![\\d:])(\\d{2}:${clock[2]})(?![\\d:])`, 'g');
  const asTyped = (told: string) => told.replace(/('[^']*')|[^']+/g, (part: string, quoted?: string) => (quoted ? quoted.split(minute).join(clock[0]) : part.replace(onTheMinute, `$1:${clock[3]}`)));
  return { text: `${said.slice(0, clock.index)}${minute}${said.slice(clock.index! + clock[0].length)}`, ms, asTyped };
}

function readPhrase(input: string, { now, zone, edge, repeats }: InstantOptions): ParsedInstant {
  // What a reading chose where the phrase left a choice, said in notes.
  const named: string[] = [];
  const shown = input.trim().replace(/\s+/g, ' ');
  const stated = withStatedOffset(shown.toLowerCase(), shown, now);
  const whole = stated.text
    .replace(YEAR_FIRST_DATE, (_said: string, year: string, _mark: string, month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`)
    .replace(DOTTED_SECONDS, '$1:$2:$3 $4')
    .replace(DAY_DOT_MONTH_DOT, (said: string, day: string, month: string) => dottedDay(said, day, month, named))
    .replace(GLUED_ZONE, gluedZone)
    .replace(SHORT_OFFSET, (_said: string, clock: string, sign: string, hours: string) => `${clock} ${sign}${hours.padStart(2, '0')}:00`)
    .replace(DIGITS_DATE_TIME, (_said: string, year: string, month: string, day: string, hour: string, minute: string, second = '00') => `${year}-${month}-${day}t${hour}:${minute}:${second}`)
    .replace(BASIC_DATE, '$1-$2-$3')
    .replace(YEAR_MONTH, (_said: string, year: string, month: string) => `${MONTH_NAMES[Number(month) - 1]!.toLowerCase()} ${year}`)
    .replace(MONTH_YEAR, (_said: string, month: string, year: string) => `${MONTH_NAMES[Number(month) - 1]!.toLowerCase()} ${year}`)
    .replace(SPACED_YEAR_FIRST, (said: string, year: string, month: string, day: string) => {
      named.push(`read '${said}' as the date ${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')} (year, month, day)`);
      return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    })
    .replace(DASHED_MONTH_DAY, (said: string, month: string, day: string) => {
      named.push(`read '${said}' as the date ${MONTH_NAMES[Number(month) - 1]} ${Number(day)} (month-day)${Number(day) <= 24 ? `, not the hours ${Number(month)} to ${Number(day)}` : ''}`);
      return `${month}/${day}`;
    })
    .replace(MONTH_YEAR_DAY, '$1 $3 $2')
    .replace(/[.!]$/, '')
    // "(11 a.m.)", "tomorrow [5pm]": brackets left once a zone in them is read ("(EST)") set nothing apart; "day(s)" keeps its own.
    .replace(/(?<=^|\s)[([]([^()[\]]*)[)\]](?=$|[\s,])/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
  const doubled = HOURS_MARKED_TWICE.exec(whole);
  if (doubled) throw hoursMarkedTwice(shown, doubled);
  const amounts = plainAmounts(whole);
  if (whole.length > MAX_PHRASE_LENGTH) {
    throw new UsageError(`A time of ${whole.length} characters is too long to read (at most ${MAX_PHRASE_LENGTH})`, "Try 'in 5 minutes', 'tomorrow at 9am' or '2026-12-01T19:30:00Z'.");
  }
  const lasting = FOR_A_SPAN.exec(amounts);
  if (lasting) {
    throw new UsageError(
      `'${shown}' says how long ('${lasting[0]}'), not when; a one-time message is sent once`,
      `Say when, such as '${/night/.test(lasting[1]!) ? 'tonight at 9pm' : `in ${lasting[1]}`}'; to repeat for a while, use --cron with an end, such as '${/(?:sec|min|hour|hr)/.test(lasting[1]!) ? 'every 15 minutes for 2 hours' : 'every day at 9am for 3 days'}'.`,
    );
  }
  // "15 minutes from 1pm", "an hour from thursday": after that time, as "from now" is after now.
  const fromTime = withEverydayWords(amounts, 'once', named).replace(MINUTES_FROM, '$1 after ');
  const words = withChatWords(withoutHedge(fromTime, shown, named).split(' '));
  const span = withoutFiller(words);
  const said = withNamedTimes(withHolidayDates(withMovableHolidays(words.slice(span.start, span.end).join(' '), wallTime(zone, now), named), named), named, 'once')
    .replace(/[,!?]+$/, '')
    .replace(TEATIME, (said: string) => {
      named.push(`read '${said}' as 16:00, as at(1) does; give the time for another, such as 'at 5pm'`);
      return '4pm';
    })
    // "start of next week": its Monday, as the recurring reader and "until the end of next week" read a week (Monday to Sunday), said.
    .replace(WEEK_START, (said: string, which: string) => weekStart(said, which, wallTime(zone, now), named))
    // "due friday", "due on the 6th", "due by 5pm": a deadline, as "by friday" says one.
    .replace(/^due(?: (?:on|by|at))?(?= )/, 'by')
    // Task lists' "eom", "eoy": the end of the month, of the year.
    .replace(/\beo([my])\b/g, (_said: string, unit: string) => (unit === 'm' ? 'end of the month' : 'end of the year'))
    .replace(LATER_TODAY, (said: string, rest: string, at: number, all: string) => laterToday(said, rest, all.slice(at + said.length), now, zone, named))
    .replace(DOTTED_DATE, (said: string, first: string, mark: string, second: string, year: string, _at: number, all: string) =>
      dottedDate(said, [first, mark, second, year], all, named, wallTime(zone, now)),
    )
    .replace(DOTTED_DAY, '$1/$2')
    // "tomorrow — 9am": a dash between spaces joins two parts, as a comma does ("9–5" stays a range).
    .replace(/ [–—] /g, ', ');
  const text = nextUnit(plainDays(withLooseWords(withDayInSpan(said, shown, wallTime(zone, now), named), shown, wallTime(zone, now), named), wallTime(zone, now), named), now, zone, named);
  refuseCountedDays(tokenize(text), shown);
  if (text === '') throw new UsageError('No time given', "Try 'in 5 minutes', 'tomorrow at 9am' or '2026-12-01T19:30:00Z'.");
  refuseYearAlone(text, shown, wallTime(zone, now));
  if (text === 'now' || text === 'right now' || text === 'immediately') return { instant: now, isNow: true, notes: [], dateOnly: false };
  // (As a start, "starting at 5 past the hour" is where an interval counts from: the recurring reader's.)
  const minute = edge ? undefined : minuteOfHour(text);
  if (minute !== undefined) return { instant: nextMinuteOfHour(minute, now, zone), isNow: false, notes: named, dateOnly: false };

  // A day as an edge is the next such day that has not ended ("starting dec 3" on 3 Dec is today), so its last minute picks it.
  const read: Reading = { notes: named, dateOnly: false, dayClock: edge ? END_OF_DAY : { hour: DEFAULT_HOUR, minute: 0 }, repeats };
  const month = edge ? monthEdge(text, edge, now, zone) : null;
  if (month) Object.assign(read, { dateOnly: true, notes: month.notes });
  const read0 = month?.instant ?? readInstant(text, shown, now, zone, read);
  // "starting in 2 days", "starting in a week": that day, from its start, as "starting dec 1" is (from now's time of day, it
  // left out that day's earlier runs).
  if (edge === 'start' && read.daysAhead) read.dateOnly = true;
  // The day's last minute, to its last millisecond; or its first moment for a start.
  const instant = !read.dateOnly || !edge ? read0 : edge === 'end' ? read0 + 59_999 : dayStart(read.calendar ?? zoneCalendar(zone), read0);
  if (!inRange(instant)) throw outOfRange(shown);
  const bracketed = stated.bracketed && bracketedZoneError(shown, stated.bracketed, instant);
  if (bracketed) throw bracketed;
  // "starting today": the day has begun, and what is left of it counts.
  // A day read at its last minute (read0) that has ended is past ('starting yesterday'); a month as a start never is.
  if (edge === 'start' && read.dateOnly && instant <= now && (month !== null || read0 + 59_999 >= now)) {
    if (text !== 'today') read.notes.push(`read '${text}' as ${month ? 'from now' : `today (${dayLabel(wallTime(zone, now))})`}, as it has not ended`);
    return { instant: now, isNow: false, notes: read.notes, dateOnly: true };
  }
  if (instant <= now) {
    // A date in digits read month first ("10/12/2026" is October 12) may have meant the day first, and "27-05-06" the
    // year first: its note says how to write that.
    const order = read.notes.find(isMonthFirstNote) ?? read.notes.find(isYearLastNote);
    const hint = order ? `${order.charAt(0).toUpperCase()}${order.slice(1)}.` : "Give a future time, such as 'in 10 minutes' or 'tomorrow at 9am'.";
    throw new UsageError(`'${shown}' is in the past: it means ${formatLocal(zone, instant, true)} (${new Date(instant).toISOString()})`, hint);
  }
  if (!edge && DEADLINE.test(text)) read.notes.push(deadlineNote(text, read.dateOnly, wallTime(zone, instant)));
  const dotted = read.dateOnly ? undefined : dottedClockNote(text);
  if (dotted) read.notes.push(dotted);
  const minutes = capitalMNote(shown);
  if (minutes) read.notes.push(minutes);
  return { instant, isNow: false, notes: asTyped(read.notes, text, shown), dateOnly: read.dateOnly };
}

/** Notes that quote the phrase as the readers rewrote it ('next year' for "next yr", 'by end of the month' for "by EOM") quote it as typed. */
function asTyped(notes: string[], text: string, shown: string): string[] {
  const named = withHolidaysAsTyped(notes);
  if (shown.toLowerCase().includes(text)) return named;
  return named.map((note) => note.split(`'${text}'`).join(`'${shown}'`));
}

/** A holiday read as its rule ("thanksgiving" as the fourth thursday of november) is quoted by its name in the other notes. */
function withHolidaysAsTyped(notes: string[]): string[] {
  return notes.reduce((all, note) => {
    const holiday = /^read '([^']+)' as the (?:United States|Canadian) holiday, the (.+)$/.exec(note);
    if (!holiday) return all;
    const rule = `'${holiday[2]!.toLowerCase()}`;
    return all.map((other) => (other === note ? other : other.split(rule).join(`'${holiday[1]}`)));
  }, notes);
}

function noClockError<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError) return null;
    throw error;
  }
}

/**
 * Days said in words the readers do not take, as the words they do: "on the december 25th" (a "the" before a month and
 * its day), "december this year" and "dec 25 this year" (the year's number), "the next day" (tomorrow, said: it could
 * be the day after another).
 */
function plainDays(text: string, today: { year: number; month: number }, notes: string[]): string {
  const words = thisYearFirst(text.split(' '));
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (word === 'the' && monthOf(words[k + 1]) !== undefined && /^\d/.test(words[k + 2] ?? '')) continue;
    // "christmas of this year", "december 25 in this year": as without the "of"; not "the last day of this year".
    if ((word === 'of' || word === 'in') && words[k + 1] === 'this' && words[k + 2] === 'year' && out.length > 0 && !spanOfTheYear(out)) continue;
    const month = monthOf(out.at(-1));
    const dated = /^\d{1,2}(?:st|nd|rd|th)?$/.test(out.at(-1) ?? '') && monthOf(out.at(-2)) !== undefined;
    if (word === 'this' && words[k + 1] === 'year' && (month !== undefined || dated)) {
      // A month alone not yet passed reads as the month alone does (and, in that month, asks for the day).
      if (dated || month! < today.month) out.push(String(today.year));
      k++;
    } else if (word === 'next' && /^(?:day|morning|afternoon|evening|night)$/.test(words[k + 1] ?? '') && !/^(?:after|before|of)$/.test(words[k + 2] ?? '')) {
      // "the next morning": tomorrow's, as "the next day" is tomorrow.
      const the = out.at(-1) === 'the';
      if (the) out.pop();
      const part = words[k + 1]!;
      notes.push(`read '${the ? 'the ' : ''}next ${part}' as tomorrow${part === 'day' ? '' : ` ${part}`}; for the ${part} after another${part === 'day' ? '' : ' day'}, give its date`);
      out.push('tomorrow');
      if (part !== 'day') out.push(part);
      k++;
    } else out.push(word);
  }
  return out.join(' ');
}

/** The words end with a span counted in a year ("the last day", "the 3rd week", "first half"), which "of this year" is said of. */
function spanOfTheYear(out: readonly string[]): boolean {
  if (!/^(?:days?|weeks?|weekends?|months?|quarters?|half)$/.test(out.at(-1)!)) return false;
  const before = out.at(-2);
  return before === undefined || /^(?:the|first|last|final|second|third|fourth|fifth|next|this|\d+(?:st|nd|rd|th)?)$/.test(before);
}

/**
 * "this year on june 10th", "this year in december": "this year" said before the date, as "june 10th this year" says it
 * after (read by plainDays); the date, with or without "the" and "of", then "this year", then the rest ("at 5pm").
 */
function thisYearFirst(words: string[]): string[] {
  if (words[0] !== 'this' || !/^year,?$/.test(words[1] ?? '')) return words;
  const start = words[2] === 'on' || words[2] === 'in' || words[2] === ',' ? 3 : 2;
  const day = /^\d{1,2}(?:st|nd|rd|th)?$/;
  let end = start + (words[start] === 'the' ? 1 : 0);
  if (monthOf(words[end]) !== undefined) end += day.test(words[end + 1] ?? '') ? 2 : 1;
  else if (day.test(words[end] ?? '') && monthOf(words[end + (words[end + 1] === 'of' ? 2 : 1)]) !== undefined) end += words[end + 1] === 'of' ? 3 : 2;
  else return words;
  return [...words.slice(start, end), 'this', 'year', ...words.slice(end)];
}

/**
 * "next hour", "the next minute": an hour (a minute) from now, as "in 1 hour" is; where the next whole hour is another
 * time, the note names it.
 */
function nextUnit(text: string, now: number, zone: string, notes: string[]): string {
  const unit = /^(?:the )?next (hour|minute)$/.exec(text)?.[1];
  if (unit === undefined) return text;
  const later = wallTime(zone, now + (unit === 'hour' ? HOUR : MINUTE));
  if (unit === 'hour' && (later.minute !== 0 || later.second !== 0)) {
    notes.push(`read '${text}' as in 1 hour (${formatClock(later.hour, later.minute)}); for the next whole hour, write 'at ${formatClock(later.hour, 0)}'`);
  }
  return `in 1 ${unit}`;
}

/**
 * "at the top of the hour", "on the hour", "at half past the hour", "20 minutes to the hour": a minute of the hour said
 * in words alone ("at :30" is left to the recurring reader's error, which asks for "every hour"), which comes round every hour; for one time, the next (said as "every hour ..." it is a schedule).
 */
const MINUTE_OF_HOUR = /^(?:(?:at|on) )?(?:(?:the )?(top|bottom) of the hour|on the (half[ -]?)?hour|(?:a )?(.+?) (?:minutes? |mins? )?(past|after|to|till|before) the hour)$/;

/** "at the next hour", "the next full hour", "at the top of the next hour": the next o'clock ("the next hour" alone is in an hour). */
const NEXT_WHOLE_HOUR = /^(?:(?:at|on) (?:the )?next hour|(?:(?:at|on) )?(?:the )?next (?:full|whole) hour|(?:(?:at|on) )?(?:the )?(?:top|start) of the next hour)$/;

function minuteOfHour(text: string): number | undefined {
  if (NEXT_WHOLE_HOUR.test(text)) return 0;
  const m = MINUTE_OF_HOUR.exec(text);
  if (!m) return undefined;
  const [, edge, half, count, link] = m;
  if (edge !== undefined) return edge === 'top' ? 0 : 30;
  if (count === undefined) return half ? 30 : 0;
  const words = tokenize(count);
  const spoken = readNumber(words, 0, { articles: false });
  const minutes = count === 'half' ? 30 : count === 'quarter' ? 15 : spoken?.end === words.length ? spoken.value : NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 59 || (count === 'half' && /^(?:to|till|before)$/.test(link!))) return undefined;
  return /^(?:past|after)$/.test(link!) ? minutes : 60 - minutes;
}

/** The next instant strictly after now at that minute past a local hour (an hour and its minutes are elapsed time from now). */
function nextMinuteOfHour(minute: number, now: number, zone: string): number {
  const wall = wallTime(zone, now);
  const at = now - (((now % SECOND) + SECOND) % SECOND) - (wall.minute * 60 + wall.second) * SECOND + minute * MINUTE;
  return at > now ? at : at + HOUR;
}

/** "by friday", "on friday by noon": a deadline, which the phrase gives instead of the time to send. */
const DEADLINE = /(?:^|[ ,])by (?!the way\b)/;

/** What a deadline was read as: the start of the day it names (09:00, as a day alone is), or the time it names. */
function deadlineNote(text: string, dateOnly: boolean, at: { year: number; month: number; day: number; hour: number; minute: number }): string {
  const when = `${dayLabel(at)} at ${formatClock(at.hour, at.minute)}`;
  if (!dateOnly) return `read '${text}', a deadline, as the time it falls due (${when}); to be reminded before it, give that time instead`;
  const day = text.replace(DEADLINE, (by) => by.slice(0, -3)).trim();
  return `read '${text}', a deadline, as ${when}, the start of the day it is due; give the time to be reminded, such as '${day} at 8am'`;
}

const END_OF_DAY = { hour: 23, minute: 59 };
/** "24.12", "31.01.": a day (24 or more, never an hour) and a month with a dot between, as "24/12" is. */
const DOTTED_DAY = /(?<![\d.:/-])(2[4-9]|3[01])\.(0?[1-9]|1[0-2])\.?(?![\d:/-])/g;
/** Minutes or hours counted from a time or day said after "from" (not "from now"). */
const MINUTES_FROM =
  /\b((?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty-five|half an?) ?(?:minutes?|mins?|hours?|hrs?)) from (?!now\b|today\b|here\b|then\b)/;

/** "for 3 days", "for an hour", "for the next two weeks", "for one night" (a stay): how long, which no one instant is. */
const FOR_A_SPAN =
  /\bfor (?:the (?:next|coming) )?((?:an?|\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:thir|four|fif|six|seven|eigh|nine)teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few) ?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|fortnights?|months?|years?|yrs?))\b(?! (?:from now|later|ahead|hence)\b)/;

/**
 * A zone or offset written against a clock ("20:02-0500", "9:00+01:00", "15:57gmt", "23:41:00.0z"), as logs and mail
 * headers write them; a fraction of a second of zeros may come between.
 */
const GLUED_ZONE = /(?<![\w:.])(\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]0+)?(?:([+-])(\d{2}(?::?\d{2})?)|([a-z]{1,5}))(?![\w:])/g;

/**
 * The clock and the zone apart, as they are read when written apart ("z", which no reader takes after seconds, as "utc").
 * After "-", four digits not later than the clock ("9:00-05:00"): a range ends after it starts ("9:00-10:00" stays one).
 */
function gluedZone(said: string, clock: string, sign: string | undefined, offset: string | undefined, letters: string | undefined): string {
  if (letters !== undefined) {
    if (letters === 'z') return `${clock} utc`;
    return letters.length > 1 && lookupZone(letters, { cities: false, links: false }) ? `${clock} ${letters}` : said;
  }
  const digits = offset!.replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || '0')];
  if (hours > 14 || minutes > 59) return said;
  if (sign === '-') {
    const [hour, minute] = clock.split(':').map(Number) as [number, number];
    if (digits.length < 4 || hours * 60 + minutes > hour * 60 + minute) return said;
  }
  return `${clock} ${sign}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
}

/** A unit of time, the last word of an amount ("1 hour", "30m", "2 wks"). */
const UNIT_WORD = String.raw`(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?|years?)`;
const AMOUNT_JOINER = new RegExp(String.raw`(?<=\b\d+ ?${UNIT_WORD}|\ban? ${UNIT_WORD}) (?:&|plus) (?=\d|an?\b|[a-z]+ ${UNIT_WORD}\b)`, 'g');

/**
 * Amounts of time as the duration reader takes them: "1½ hours" (one and a half), "a half-hour" and "half-an-hour",
 * "1 hour & 30 minutes" and "1 hour plus 30 minutes" (and), "in another 5 minutes" (in 5 minutes).
 */
function plainAmounts(text: string): string {
  if (!/½|half-|&|plus|another|and 1\/2/.test(text)) return text;
  return text
    .replace(/(\d) ?½/g, '$1 and a half ')
    .replace(/(\d) and 1\/2 /g, '$1 and a half ')
    .replace(/\bhalf-(an?)-hour\b/g, 'half $1 hour')
    .replace(/\b(an?) half-hour\b/g, '$1 half hour')
    .replace(AMOUNT_JOINER, ' and ')
    .replace(/\bin another (?=(?:second|minute|hour|day|week|month|year)\b)/g, 'in 1 ')
    .replace(new RegExp(String.raw`\bin another (?=\S+ ${UNIT_WORD}\b)`, 'g'), 'in ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** "09:00 +0", "14:30 -5": an offset in whole hours, at the end, after a clock with minutes. */
const SHORT_OFFSET = /(?<![\w:.])(\d{1,2}:\d{2}(?::\d{2})?) ([+-])(0?\d|1[0-4])$/;

/** "11.59.15 am", "06.12.16 pm": a clock with its seconds, dots between, as PHP reads one (am or pm says it is no date). */
/** "2027 09 25": a year, a month and a day apart, as the ISO order says them. */
const SPACED_YEAR_FIRST = /(?<![\w.:/-])((?:19|20)\d\d) (0?[1-9]|1[0-2]) (0?[1-9]|[12]\d|3[01])(?![\w.:/-]| ?(?:[ap]\.?m\b|h\b|o'?clock))/g;
/** "4-22": a month and a day no month can be, as "4/22" is; "9-5" stays a range of hours, "4-22pm" a clock's, "jan 10-13" days. */
const DASHED_MONTH_DAY = /(?<![\w.:/-]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? )(0?[1-9]|1[0-2])-(1[3-9]|2\d|3[01])(?![\w.:/-]| ?(?:[ap]\.?m\b|h\b|o'?clock|hours?\b))/g;
/** "march 2027 30": a month, its year, then a day no clock's hour can be. */
const MONTH_YEAR_DAY = /\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?) ((?:19|20)\d\d),? (2[5-9]|3[01])(?:st|th)?(?![\w.:/-]| ?(?:[ap]\.?m\b|h\b|o'?clock))/g;
/** "10h am", "12h 01m02s am": an hour marked as the 24-hour clock's and with am or pm. */
const HOURS_MARKED_TWICE = /(?<![\w:.])(\d{1,2}) ?h(?: ?(\d{1,2})(?: ?m)?)?(?: ?\d{1,2} ?s)? ?([ap])\.? ?m\b\.?/;

function hoursMarkedTwice(shown: string, [said, hours, minutes = '0', meridiem]: RegExpExecArray): UsageError {
  const hour = Number(hours);
  const minute = String(Number(minutes)).padStart(2, '0');
  const clock24 = `${String((hour % 12) + (meridiem === 'p' ? 12 : 0)).padStart(2, '0')}:${minute}`;
  const ways = hour >= 1 && hour <= 12 ? `'${hour}${minute === '00' ? '' : `:${minute}`}${meridiem}m' or '${clock24}'` : `'${hour}:${minute}'`;
  return new UsageError(`'${shown}' marks the hour both as the 24-hour clock's ('${said.slice(0, said.indexOf('h') + 1)}') and with ${meridiem}m`, `Write it one way: ${ways}.`);
}

const DOTTED_SECONDS = /(?<![\d.:/-])(0?[1-9]|1[0-2])\.([0-5]\d)\.([0-5]\d) ?([ap]\.?m\.?)(?![a-z])/g;

/** "later today", "later tonight", "later this afternoon": that part of today, still to come. */
const LATER_TODAY = /\blater (today|tonight|this (?:afternoon|evening))\b/;

/**
 * "later today" with no time is 18:00, as mail apps snooze to "later today", said; refused once that has gone by.
 * "later tonight", "later this afternoon" are read as without "later", their time still ahead.
 */
function laterToday(said: string, rest: string, after: string, now: number, zone: string, named: string[]): string {
  if (rest !== 'today' || after.trim() !== '') return rest;
  if (wallTime(zone, now).hour >= 18) throw new UsageError(`'${said}' names no time, and 18:00 today has gone by`, "Give the time, such as 'tonight at 9pm' or 'in 2 hours'.");
  named.push(`read '${said}' as 18:00; give the time for another, such as 'today at 4pm'`);
  return 'today at 6pm';
}

/** "teatime", "tea time": 16:00, as at(1) reads it (lunchtime is read with the other named times, for both readers). */
const WEEK_START = /\b(?:the )?(?:start|beginning) of (next|this|the) week\b/;
/** "start of next week" as the date of its Monday ("the week" is the coming Monday's), said. */
function weekStart(said: string, which: string, today: WallTime, named: string[]): string {
  const back = (today.weekday + 6) % 7;
  // "this week" began on its Monday; "next week" begins on the Monday after; "the week" on the coming one (today on a Monday).
  const day = addDays(today, which === 'this' || (which === 'the' && back === 0) ? -back : 7 - back);
  named.push(`read '${said}' as ${dayLabel(day)}, a week starting on Monday; name the day for another, such as 'sunday'`);
  return `${MONTH_NAMES[day.month - 1]!.toLowerCase()} ${day.day} ${day.year}`;
}

const TEATIME = /\btea ?-?time\b/;

/**
 * "20270101", "20261224t09:00": ISO 8601's basic date, eight digits only (13 are Unix ms); with its basic time
 * ("20261224t0900") the ISO reader takes it whole.
 */
const BASIC_DATE = /(?<![\w.:/@+-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=t\d{1,2}:|[\s,]|$)/;

/**
 * "20261201100000", "202612011000": a date and time in digits alone, as logs and file names write them. Never Unix
 * milliseconds: twelve digits of those are before 2001, fourteen after 2286.
 */
const DIGITS_DATE_TIME = /^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])([0-5]\d)([0-5]\d)?(?=z?$|[+-]\d{2}(?:\d{2})?$| [a-z])/;

/** "2026.12.05", "2026/12/5": a date year first, as ISO 8601 orders it (read as "2026-12-05" is, whatever time follows). */
const YEAR_FIRST_DATE = /(?<![\w.:/-])((?:19|20)\d\d)([./])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])\.?(?![\w.:/-])/g;

/** "2027-03", "2027-3", "2027/03": a month of a year, read as "march 2027" (not a date with a clock "-03" after it); "2027-03-05" is a date. */
const YEAR_MONTH = /(?<![\d.:/-])((?:19|20)\d\d)[-/](0?[1-9]|1[0-2])(?![\d.:/-]|t\d)/g;
/** "03/2027", "3/2027", "3-2027": a month of a year, as "march 2027" ("12/03/2027" is a date). */
const MONTH_YEAR = /(?<![\d.:/-])(0?[1-9]|1[0-2])[-/]((?:19|20)\d\d)(?![\d.:/-])/g;

/** "13.01.", "8.5.": a day and a month each with its dot after, as German writes a date; after "at" or a day named, a clock ending a sentence. */
const DAY_DOT_MONTH_DOT = /(?<![\d.:/-]|\b(?:at|today|tonight|tomorrow|tmrw) |@ ?)(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(?= |$)/g;

/** "13.01." as words ("13 january"); when it could be a clock ending a sentence ("9.05."), the reading is said. */
function dottedDay(said: string, day: string, month: string, notes: string[]): string {
  const name = MONTH_NAMES[Number(month) - 1]!;
  if (Number(day) <= 23 && month.length === 2) notes.push(`read '${said}' as ${Number(day)} ${name}, a date as German writes it; write '${day}:${month}' for the time`);
  return `${Number(day)} ${name.toLowerCase()}`;
}

/** "13.01", "9.05": a clock with a dot, which could be a day and month (as "24.12" is), with nothing before it that makes it a time. */
const DOTTED_CLOCK = /(?<![\d.:/-]|\b(?:at|today|tonight|tomorrow|tmrw) |@ ?)([1-9]|1\d|2[0-3])\.(0[1-9]|1[0-2])(?![\d.:/-]| ?(?:[ap]\.?m?\.?|h)(?![a-z]))/;

/** The note for "13.01" read as a time of day when no other word names a day: the date it could be, and how to write it. */
function dottedClockNote(text: string): string | undefined {
  const m = DOTTED_CLOCK.exec(text);
  if (!m) return undefined;
  const rest = tokenize(`${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`);
  const next = tokenize(text.slice(m.index + m[0].length))[0];
  if (unitOf(next) !== undefined || /\d/.test(rest.join(' ')) || rest.some((word) => monthOf(word) !== undefined || weekdayOf(word) !== undefined || DAY_WORDS.has(word))) return undefined;
  const date = `${Number(m[1])} ${MONTH_NAMES[Number(m[2]) - 1]}`;
  return `read '${m[0]}' as a time of day, not ${date}; write '${date.toLowerCase()}' for the date`;
}

/**
 * "12.06.2027" is 12 June, as every writing with dots puts the day first (noted when the numbers could be either);
 * "7-17-2027" is read as "7/17/2027" is.
 */
function dottedDate(said: string, [first, mark, second, written]: [string, string, string, string], phrase: string, notes: string[], today: WallTime): string {
  const [day, month] = [Number(first), Number(second)];
  if (mark !== '.' || month < 1 || month > 12 || day < 1) return `${first}/${second}/${written}`;
  // "05.01.27": two digits of a year, as everywhere (fullYear).
  const year = written.length === 2 ? String(fullYear(written)) : written;
  const name = MONTH_NAMES[month - 1]!;
  // A weekday beside it that the date falls on ("thu 10.12.2026") settles the order.
  const weekday = phrase
    .split(/[\s,]+/)
    .map(weekdayOf)
    .find((d) => d !== undefined);
  const settled = weekday !== undefined && day <= daysInMonth(Number(year), month) && addDays({ year: Number(year), month, day }, 0).weekday === weekday;
  if (day <= 12 && day !== month && !settled)
    notes.push(
      `read '${said}' with the day first (${day} ${name}), as dates with dots are written; write '${year}-${first.padStart(2, '0')}-${second.padStart(2, '0')}' for ${MONTH_NAMES[day - 1]} ${month}`,
    );
  // "28.12.30": also the year first (2028-12-30), as the other order of three pairs of digits is written; one already past
  // ("16.05.31" as 2016) is no reading for a time to come.
  const other = { year: fullYear(first), month, day: Number(written) };
  const otherAhead = other.day >= 1 && other.day <= daysInMonth(other.year, month) && !isDayBefore(other, today);
  if (first.length === 2 && written.length === 2 && !settled && otherAhead && day <= daysInMonth(Number(year), month)) notes.push(yearLastNote(said, { year: Number(year), month, day }, other));
  return `${day} ${name.toLowerCase()} ${year}`;
}

/** "12.06.2027", "7-17-2027": a date in digits with its year last. */
const DOTTED_DATE = /(?<![\d.:/-])(\d{1,2})([.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d.:/-])/g;

/**
 * A month as an edge ("until december", "through jan 2027", "starting next march"): its first day
 * for a start, its last for an end (a month is not its 1st). Without a year, the next such month
 * that has not ended, so in December "until december" is this one; "next" passes over this one.
 */
function monthEdge(text: string, edge: 'start' | 'end', now: number, zone: string): { instant: number; notes: string[] } | null {
  const words = text.split(' ');
  const at = words[0] === 'next' || words[0] === 'this' ? 1 : 0;
  const month = monthOf(words[at]);
  const year = words[at + 1] === undefined ? undefined : yearOf(words[at + 1]);
  if (month === undefined || words.length > at + 2 || (words[at + 1] !== undefined && (at > 0 || year === undefined))) return null;
  const today = wallTime(zone, now);
  const ahead = month < today.month || (words[0] === 'next' && month === today.month);
  const first = { year: year ?? today.year + (ahead ? 1 : 0), month, day: 1 };
  const day = edge === 'start' ? first : { ...first, day: daysInMonth(first.year, month) };
  const name = MONTH_NAMES[month - 1]!;
  const notes =
    edge === 'end' && year === undefined ? [`read '${text}' as to the end of ${name} (${dayLabel(day)} ${day.year}); give the day to end sooner, such as '${name.slice(0, 3).toLowerCase()} 15'`] : [];
  return { instant: instantFromLocal(zone, { ...day, ...END_OF_DAY, second: 0 }), notes };
}

/** What a reader learnt beside the instant, and the time of day it puts on a day given alone. */
interface Reading {
  notes: string[];
  dateOnly: boolean;
  dayClock: { hour: number; minute: number };
  /** The clock the phrase was read on (a zone it names, else the user's). */
  calendar?: Calendar;
  /** Counted ahead in whole days, weeks, months or years alone ("in 2 days", "in a week"): a day, as an edge. */
  daysAhead?: boolean;
  repeats?: (text: string) => boolean;
}

function dayStart(calendar: Calendar, instant: number): number {
  return calendar.at({ ...calendar.wall(instant), hour: 0, minute: 0, second: 0 });
}

/**
 * A repeating schedule given where one instant belongs. It carries the
 * phrase, so the command line can show the form that fits; its own hint is
 * the minimal one.
 */
export class RecurringPhraseError extends UsageError {
  readonly kind = 'recurring';
  constructor(readonly phrase: string) {
    const quoted = phrase.includes("'") ? `"${phrase.replace(/(["\\$`])/g, '\\$1')}"` : `'${phrase}'`;
    super(`'${phrase}' is a recurring schedule, not one time`, `Create a recurring schedule instead: letta-switchboard recurring create --cron ${quoted}`);
  }
}

const DIGITS_HINT = "Write the date and time apart, such as '2026-12-01 10:00', or Unix milliseconds in 13 digits.";

function unixMillis(text: string): number | null {
  // Fourteen digits or more are after the year 2286: a date and time in digits that does not exist ("20261301100000").
  if (/^\d{14,}$/.test(text) && inRange(Number(text))) {
    throw new UsageError(`'${text}' is not a time: as Unix milliseconds it is centuries ahead, and as digits of a date and time (YYYYMMDDhhmmss) it is no date`, DIGITS_HINT);
  }
  if (/^\d{12,}$/.test(text)) return Number(text);
  // "@1796738400": Unix seconds, as `date -d @...` writes them.
  if (/^@\d{1,12}$/.test(text)) return Number(text.slice(1)) * 1000;
  if (/^\d{9,11}$/.test(text)) {
    throw new UsageError(`'${text}' looks like Unix seconds; a number here is read as Unix milliseconds`, `Use ${text}000.`);
  }
  return null;
}

/** What every instant rule is given: the phrase (filler taken off), the phrase as typed, and the clock. */
interface InstantInput {
  text: string;
  shown: string;
  now: number;
  zone: string;
  calendar: Calendar;
  read: Reading;
}

export interface InstantRule {
  name: string;
  /** Phrases this rule decides (tested: each is decided by this rule). */
  examples: readonly string[];
  /** A phrase in words: read on the clock of a zone it names, and never a repeating rule. */
  words?: true;
  read: (input: InstantInput) => number | null;
}

/**
 * The one-time readers, in the order they are tried: the first that reads
 * the whole phrase decides it. Unix milliseconds and ISO 8601 are read on the
 * user's clock; the rest on the clock of a zone the phrase names, if any.
 */
export const INSTANT_RULES: readonly InstantRule[] = [
  { name: 'unix milliseconds', examples: ['1795442400000', '@1795442400'], read: ({ text }) => unixMillis(text) },
  { name: 'iso 8601', examples: ['2026-12-01T19:30:00Z', '2026-12-01T19:30:00-05:00', '2026-12-01T19:30'], read: ({ text, shown, zone, read }) => isoInstant(text, zone, `'${shown}'`, read.notes) },
  {
    name: 'local date and time',
    words: true,
    examples: ['2026-12-21 09:00', '2026-12-21', '2026-12-21 at 5pm'],
    read: ({ text, shown, now, calendar, read }) => localDateTime(text, shown, now, calendar, read),
  },
  {
    name: 'duration',
    words: true,
    examples: ['in 5 minutes', 'in an hour and a half', '3 days hence', '1 week', 'in two weeks from now'],
    read: ({ text, shown, now, calendar, read }) => relative(text, shown, now, calendar, read),
  },
  {
    name: 'day and time',
    words: true,
    examples: ['tomorrow at 9am', 'friday at 4', 'half past 6 tonight', 'first monday of next month', 'at 17:30'],
    read: ({ text, shown, now, calendar, read }) => fromParts(text, shown, now, calendar, read),
  },
  {
    name: 'counted from a date',
    words: true,
    examples: ['an hour before 2026-12-10 09:00:30', '30 minutes after 12/10 9am', 'an hour before 2027-01-10T09:00:00Z'],
    read: (input) => countedFromDate(input),
  },
  { name: 'chrono-node', words: true, examples: ['20:32:13', 'last week'], read: ({ text, shown, now, calendar, read }) => naturalOn(text, shown, now, calendar, read) },
];

/**
 * "an hour before 2026-12-10 09:00", "30 minutes after 12/10 9am": hours and minutes counted from an instant
 * written as a date the everyday grammar (which counts from its own days and clocks) does not read.
 */
function countedFromDate(input: InstantInput): number | null {
  const m = /^(.+?) (before|after) (.+)$/.exec(input.text);
  if (!m || !/\d/.test(m[3]!)) return null;
  const head = tokenize(`${m[1]} ${m[2]}`);
  const counted = timeBefore(head);
  if (!counted || counted.end !== head.length) return null;
  for (const rule of INSTANT_RULES) {
    if (rule.name === 'counted from a date' || rule.name === 'duration') continue;
    const instant = rule.read({ ...input, text: m[3]! });
    if (instant === null) continue;
    if (input.read.dateOnly) {
      const from = formatClock(input.read.dayClock.hour, input.read.dayClock.minute);
      input.read.notes.push(`read '${input.shown}' as counted from ${from}, the time a day without one is read as; give the time to count from another, such as '${input.text} at 5pm'`);
      input.read.dateOnly = false;
    }
    return instant + counted.ms;
  }
  return null;
}

/** "q3", "q1 2027 at 10am": a quarter of the year alone, which the recurring grammar reads as its months (and refuses there without days); one time, its first day. */
const QUARTER_ALONE = /^(?:the )?q[1-4](?:,? \d{4})?(?: (?:at|@) \d{1,2}(?::\d\d)? ?(?:[ap]m)?)?$/;

/** "23rd to 26th oct" (which the recurring grammar reads as those days each year), "from july 13-15": a range of days, as "1-8 september" is told. */
function dayRangeError(text: string, shown: string): UsageError | undefined {
  if (/\b(?:every|each|daily|weekly|monthly|yearly|annually)\b/.test(text)) return undefined;
  try {
    // However it opens: "from july 13-15".
    readParts(tokenize(text.replace(/^from /, '')));
  } catch (error) {
    if (error instanceof PartsClash && error.message.startsWith('is a range of days')) return new UsageError(`'${shown}' ${error.message}`, error.hint);
  }
  return undefined;
}

/**
 * "1st to the 10th of may", "first to the last day of september": a range of days in a named month, which the
 * recurring grammar reads as those days each year. Without a word that repeats it is the one-time refusal, however it is given.
 */
export function rangeOfDaysInMonth(input: string): UsageError | undefined {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!tokenize(text).some((token) => monthOf(token) !== undefined)) return undefined;
  return dayRangeError(text, input.trim());
}

/** The instant a phrase names; `trace`, when given, gets the name of the rule that decided it. */
function readInstant(text: string, shown: string, now: number, zone: string, read: Reading, trace?: string[]): number {
  const added = withAmount(text, now, zone, read, trace);
  if (added !== undefined) return added;
  let input: InstantInput = { text, shown, now, zone, calendar: zoneCalendar(zone), read };
  let inWords = false;
  let zoned: PhraseZone | undefined;
  for (const rule of INSTANT_RULES) {
    if (rule.words && !inWords) {
      // A phrase in words: a repeating one is refused, and a zone it names gives the clock.
      if (!plainlyOnce(text)) {
        if (!read.repeats) throw new GrammarNeeded();
        if (read.repeats(text) && !QUARTER_ALONE.test(text)) throw dayRangeError(text, shown) ?? new RecurringPhraseError(shown);
      }
      zoned = phraseZone(text, zone, shown);
      if (zoned.text === '') throw phraseError(shown, 'A time zone alone is not a time', ONCE_EXAMPLES);
      input = { ...input, text: zoned.text, calendar: zoned.calendar };
      inWords = true;
    }
    const found = rule.read(input);
    if (found !== null) {
      const instant = zoned ? seasonsTwin(zoned, found) : found;
      // The season said which of a time said twice is meant: the note that the first was read no longer holds.
      if (instant !== found) {
        const at = input.calendar.wall(found);
        const twice = read.notes.indexOf(dstNote(input.calendar.wall, found, { hour: at.hour, minute: at.minute }) ?? '');
        if (twice >= 0) read.notes.splice(twice, 1);
      }
      read.calendar = input.calendar;
      const season = zoned && seasonNote(zoned, instant);
      if (season) read.notes.push(season);
      // (A season's note says the guess too.)
      else if (zoned?.guess) read.notes.push(zoned.guess);
      if (zoned?.written !== undefined) {
        // The small hours on another zone's clock are not the user's: they are up at their own hour.
        for (let k = read.notes.length - 1; k >= 0; k--) if (isSmallHoursNote(read.notes[k]!)) read.notes.splice(k, 1);
        const other = otherTodayNote(zoned, input.text, now, zone);
        if (other) read.notes.push(other);
      }
      trace?.push(rule.name);
      return instant;
    }
  }
  throw notUnderstood(shown, text, 'Could not understand the time');
}

/**
 * A time, "+" or "-", an amount, and what else the time says after it: "4pm + 3 days", "friday +1 week at 5pm",
 * "dec 25 - 2 days", "noon + 2 hours and 30 minutes", "9am + 1 day est".
 */
const WITH_AMOUNT = /^(?<base>.*?[^\s+-]) ?(?<sign>[+-]) ?(?<amount>(?:\d+(?:\.\d+)?|an?) ?[a-z]+(?:,? (?:and )?(?:\d+(?:\.\d+)?|an?) ?[a-z]+)*?)(?<tail>(?: (?:at|@|in|on)\b.*| [a-z]+)?)$/;

/**
 * "4pm + 3 days", "friday - 1 day": the time, then the amount added to it or taken from it (the amount alone dropped
 * the time). A clock alone and an amount of days or more is that clock on the day the amount reaches ("in 3 days at 4pm":
 * today's 4pm may have passed). Undefined when the phrase is not one.
 */
function withAmount(text: string, now: number, zone: string, read: Reading, trace?: string[]): number | undefined {
  const said = WITH_AMOUNT.exec(text)?.groups;
  if (!said) return undefined;
  const { base, sign, amount, tail } = said as { base: string; sign: string; amount: string; tail: string };
  // "in -5 minutes", "in +2 hours": an amount alone, signed, which `relative` reads (and refuses as counting back);
  // "30-40 mins": a range of numbers, no time.
  if (/^(?:in|within|after|\d+)$/.test(base)) return undefined;
  const change = sign === '+' ? `+ ${amount}` : `${amount} ago`;
  if (relative(change, text, now, zoneCalendar(zone), { ...read, notes: [] }) === null) return undefined;
  if (sign === '+' && readWholeClock(base) && /day|week|fortnight|month|year/.test(amount)) return readInstant(`in ${amount} at ${base}${tail}`, text, now, zone, read, trace);
  let from = now;
  if (base !== 'now') {
    // A time not read is the whole phrase's error, said of the whole phrase (the reader below says it).
    const baseRead: Reading = { ...read, notes: [] };
    try {
      from = readInstant(`${base}${tail}`, `${base}${tail}`, now, zone, baseRead, trace);
    } catch (error) {
      if (error instanceof UsageError) return undefined;
      throw error;
    }
    Object.assign(read, { ...baseRead, notes: [...read.notes, ...baseRead.notes] });
  }
  return relative(change, text, from, read.calendar ?? zoneCalendar(zone), read)!;
}

/** Words that put what a phrase names in the past ("past noon" is after noon; "the last friday before christmas" is to come). */
const SAID_PAST = /\b(?:yesterday|ago|last(?! (?:thing|minute)\b)(?! \w+ (?:before|of|in)\b)|previous|(?:the|this) past)\b/;

/** A phrase not read: said so, or, when it speaks of the past ("2 thursdays ago", "last november"), that it does. */
function notUnderstood(shown: string, text: string, message: string): UsageError {
  const past = SAID_PAST.exec(text);
  if (!past) return phraseError(shown, message, ONCE_EXAMPLES);
  return new UsageError(`'${shown}' speaks of the past ('${past[0].trim()}'): a message is sent at a time still to come`, "Give a future time, such as 'in 10 minutes' or 'tomorrow at 9am'.");
}

/**
 * "tomorrow at 9am Sydney time" said where it is already another day there: the day words are read on
 * the named zone's calendar, which the note says, with the day they would name on the user's.
 */
function otherTodayNote(zoned: PhraseZone, text: string, now: number, zone: string): string | undefined {
  const word = /\b(?:today|tonight|tomorrow|tmrw|tmr|yesterday)\b/.exec(text);
  if (!word) return undefined;
  const there = zoned.calendar.wall(now);
  const here = wallTime(zone, now);
  if (there.year === here.year && there.month === here.month && there.day === here.day) return undefined;
  return `read '${word[0]}' on the calendar of ${zoned.written}, where it is ${dayLabel(there)} now (${dayLabel(here)} in ${zone}); give the date to say otherwise`;
}

/** The rule that decides a one-time phrase (for tests of the rule list). */
export function instantRuleOf(input: string, { now, zone, repeats }: InstantOptions): string | undefined {
  const trace: string[] = [];
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  readInstant(text, input, now, zone, { notes: [], dateOnly: false, dayClock: { hour: DEFAULT_HOUR, minute: 0 }, repeats }, trace);
  return trace[0];
}

/** "2026-12-21 09:00", and "2026-12-21T09:00:00" when a zone after it was taken off ("... America/Chicago"). */
const LOCAL_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:(?: at| @|,)? |t)(.+))?$/;

function localDateTime(text: string, shown: string, now: number, calendar: Calendar, read: Reading): number | null {
  const m = LOCAL_DATE.exec(text);
  if (!m) return null;
  read.dateOnly = m[4] === undefined;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  let clock = read.dayClock;
  let second = 0;
  let millis = 0;
  if (m[4] !== undefined) {
    // "14:00:00" and "14:00:00.000", as logs and databases write them (a fraction of a second kept, as ISO 8601's is);
    // its hour and minutes are a clock as any other ("3:25:30" is the afternoon, said).
    const withSeconds = /^((\d{1,2}):(\d{2})):(\d{2})(?:[.,](\d{1,9}))?((?: ?[ap]m)?)$/.exec(m[4]);
    // After a 'T', ISO 8601's 24-hour clock ("2026-12-01T3:25 America/Chicago" is 03:25), with no note.
    const isoT = text.slice(0, text.length - m[4].length).endsWith('t');
    // ("25:30:00": out of range, which the calendar says of the whole time.)
    const plainClock = withSeconds && Number(withSeconds[2]) <= 23 && Number(withSeconds[3]) <= 59 && !isoT;
    const raw = withSeconds && !plainClock && !withSeconds[6] ? { value: { hour: Number(withSeconds[2]), minute: Number(withSeconds[3]) } } : null;
    const read24 = raw ? null : readWholeClock(withSeconds ? `${withSeconds[1]}${withSeconds[6]}` : m[4]);
    const settled: { value: ClockTime; note?: string } | null =
      raw ?? (read24 ? (isoT ? { value: read24.value } : settleClock(withSeconds ? { ...read24, value: { ...read24.value, second: Number(withSeconds[4]) }, text: m[4] } : read24)) : null);
    if (settled?.note) read.notes.push(settled.note);
    const parsed = settled?.value;
    // "2027-01-05 at night", "2027-01-05 in the evening": a part of the day, or more, for the everyday reader.
    if (!parsed) return null;
    if (withSeconds) {
      second = Number(withSeconds[4]);
      millis = withSeconds[5] === undefined ? 0 : Math.floor(Number(`0.${withSeconds[5]}`) * 1000);
    }
    clock = parsed;
  }
  checkCalendar(`'${shown}'`, year, month, day, clock.hour, clock.minute, second);
  const first = calendar.at({ year, month, day, hour: clock.hour, minute: clock.minute, second });
  const instant = first > now ? first : (secondOccurrence(calendar.wall, first, now) ?? first);
  const skippedOrTwice = dstNote(calendar.wall, instant, clock);
  if (skippedOrTwice) read.notes.push(skippedOrTwice);
  return instant + millis;
}

const UNIT_MS: Partial<Record<TimeUnit, number>> = { second: SECOND, minute: MINUTE, hour: HOUR };

/**
 * "in 2.5 days at 9am", "in 36 hours at 9am", "in 2 hours on friday": an amount that ends at a time of day of its own, then
 * another time or day; the two are not one instant ("in 3 days at 9am", whole days, is that day at 9am).
 */
function elapsedThenTime(amount: string[], rest: string[], amounts: { ms: number; days: number }, shown: string): UsageError | null {
  if (amounts.ms === 0 || !/^(?:at|@|on|by|around|tomorrow|today|tonight|this|next|noon|midnight|morning|afternoon|evening)$/.test(rest[0] ?? '')) return null;
  // As typed ("at 9am", "2 1/2 days", not the tokens' "at 9 am", "2 1 / 2 days").
  const at = shown.toLowerCase().lastIndexOf(` ${rest[0]}`);
  const span =
    at >= 0
      ? shown
          .slice(0, at)
          .trim()
          .replace(/^(?:in|\+)\s*/i, '')
          .replace(/\s+from\s+now$/i, '')
      : amount.join(' ');
  const said = at >= 0 ? shown.slice(at + 1).trim() : rest.join(' ');
  const days = amounts.days + amounts.ms / 86_400_000;
  const clock = /^(?:at|@|around|noon|midnight)$/.test(rest[0]!);
  const whole =
    clock && days >= 1
      ? `, or whole days with the time, such as 'in ${Math.floor(days)} ${Math.floor(days) === 1 ? 'day' : 'days'} ${said}' or 'in ${Math.ceil(days)} days ${said}'`
      : ` or '${clock ? `tomorrow ${said}` : said}'`;
  return new UsageError(`'${shown}' gives two times: ${span} from now, which falls at a time of day of its own, and '${said}'`, `Give one, such as 'in ${span}'${whole}.`);
}

/**
 * "in 5 minutes", "in 2h", "in an hour", "in 1 hour 30 minutes", "in seven
 * days", "after 5 days", "in a couple of minutes", "in 2 months", "3 days from now", "in two
 * weeks from now", "3 days hence", "5 minutes later", and "2 days ago" (which
 * is past). A bare duration ("1 week", "2 months") means the same as "in",
 * with a note. Null when the phrase is not only a duration.
 */
function relative(text: string, shown: string, now: number, calendar: Calendar, read: Reading): number | null {
  // "in 1:30": hours and minutes, or minutes and seconds as a timer shows them; the spec names neither, so neither is guessed.
  const clockLike = /^(?:in|within) (\d{1,2}):([0-5]\d)$/.exec(text);
  if (clockLike && Number(clockLike[1]) + Number(clockLike[2]) > 0) {
    const [first, second] = [Number(clockLike[1]), Number(clockLike[2])];
    const amount = (big: string, small: string) =>
      [first > 0 ? `${first} ${big}${first === 1 ? '' : 's'}` : '', second > 0 ? `${second} ${small}${second === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ');
    const [long, short] = [amount('hour', 'minute'), amount('minute', 'second')];
    throw new UsageError(`'${shown}' could be ${long} or ${short} from now`, `Write 'in ${long}' or 'in ${short}', or 'at ${first}:${clockLike[2]}' for the time of day.`);
  }
  const tokens = tokenize(text);
  // "within an hour", "in the next 30 minutes": a span, of which its end is the one instant a schedule can take; said.
  const span = tokens[0] === 'within' || (tokens[0] === 'in' && tokens[1] === 'the' && tokens[2] === 'next');
  // "in the next 5 minutes", "within the next hour": in 5 minutes, in an hour.
  if ((tokens[0] === 'in' || tokens[0] === 'within') && tokens[1] === 'the' && tokens[2] === 'next') tokens.splice(1, 2, ...(unitOf(tokens[3]) ? ['a'] : []));
  let start = 0;
  let end = tokens.length;
  let sign = 1;
  // "in 5 minutes' time", "in an hour's time"
  if (tokens[end - 1] === 'time') end -= tokens[end - 2] === 's' ? 2 : 1;
  // "+3 days", "+2h": as "in".
  if (tokens[0] === 'in' || tokens[0] === 'within' || tokens[0] === 'after' || tokens[0] === '+') start = 1;
  if (tokens[start] === '-' && readNumber(tokens, start + 1) && unitOf(tokens[readNumber(tokens, start + 1)!.end])) {
    throw new UsageError(`'${shown}' counts back from now; a message is sent at a time ahead`, `Give a time from now, such as '${text.replace(/^(?:in |\+ ?)?-\s*/, 'in ')}'.`);
  }
  let tail = false;
  // "24 hours from today", "30 minutes from today": hours and minutes from now (days from today are a day, read below).
  const fromToday = tokens[end - 2] === 'from' && tokens[end - 1] === 'today';
  if ((tokens[end - 2] === 'from' || tokens[end - 2] === 'after') && (tokens[end - 1] === 'now' || fromToday)) end -= 2;
  else if (tokens[end - 1] === 'hence' || tokens[end - 1] === 'later') end -= 1;
  else if (tokens[end - 1] === 'ago' && start === 0) {
    end -= 1;
    sign = -1;
  } else tail = true;
  const bare = start === 0 && tail;
  // "15h" and "09h" alone are times of day on a 24-hour clock (the spec's meridiem spellings); "2h" stays a duration, "in 15h" is one.
  if (bare && /^(?:0\d|1[3-9]|2[0-3])h$/.test(text)) return null;

  const amounts = { ms: 0, days: 0, months: 0 };
  let units = 0;
  // "in 2 hours 2 hours", "in 5 minutes and 10 minutes": a unit said twice is a slip or two messages, never a sum.
  const said = new Set<string>();
  for (let i = start; i < end;) {
    // "in 1 hour and 30 minutes": a joiner only between two amounts ("in and 2 hours", "in 2 hours and" are not read).
    if ((tokens[i] === 'and' || tokens[i] === ',') && units > 0 && i + 1 < end) {
      i++;
      continue;
    }
    let count: number;
    const first = i;
    const fraction = readFraction(tokens, i);
    // "in 3:30 hours", "in 2:30 minutes": hours and minutes (minutes and seconds) as a clock writes them. Not with a
    // leading zero: "0100 hours" (a count, "01:00" by now) is 100 hours.
    const clock = /^(0|[1-9]\d{0,2}):([0-5]\d)$/.exec(tokens[i]!);
    const clockUnit = clock ? unitOf(tokens[i + 1]) : undefined;
    if (clock && (clockUnit === 'hour' || clockUnit === 'minute')) {
      count = Number(clock[1]) + Number(clock[2]) / 60;
      i += 1;
    } else if (fraction) {
      count = fraction.value;
      i = fraction.end;
    } else {
      const number = readNumber(tokens, i);
      if (!number) {
        // "2.5 days from now at 9am": the amount is said to count from now as "in" says it.
        const fromNow = tokens[i] === 'from' && tokens[i + 1] === 'now' ? 2 : 0;
        const clash = units > 0 && (start > 0 || fromNow > 0) ? elapsedThenTime(tokens.slice(start, i), tokens.slice(i + fromNow, end), amounts, shown) : null;
        if (clash) throw clash;
        return null;
      }
      count = number.value;
      i = number.end;
      // "in 1 1/2 hours"
      const part = Number.isInteger(count) ? readFraction(tokens, i) : null;
      if (part && part.value < 1 && /^\d$/.test(tokens[i]!)) {
        // "in a 1/2 hour": the article is no whole one.
        count = (/^(?:a|an)$/.test(tokens[i - 1]!) ? 0 : count) + part.value;
        i = part.end;
      }
      // "in one and a half hours", "2 and a half days", "1 and a quarter hours"
      const andPart = andAPart(tokens, i);
      if (andPart && unitOf(tokens[andPart.end])) {
        count += andPart.value;
        i = andPart.end;
      }
    }
    // "in 2 more minutes"
    if (tokens[i] === 'more') i++;
    const unit = unitOf(tokens[i]);
    if (!unit) return null;
    // "in 3.30 hours": a decimal (3 hours 18 minutes), though a clock writes 3 hours 30 so; the reading is said.
    // (Quarters, ".25", ".50", ".75", are the decimals people mean.)
    const decimal = unit === 'hour' ? /^(\d+)\.(?!25|50|75)([0-5]\d)$/.exec(tokens[first]!) : null;
    if (decimal) {
      const minutes = Math.round(Number(`0.${decimal[2]}`) * 60);
      read.notes.push(
        `read '${tokens[first]} ${tokens[i]}' as ${Number(tokens[first])} hours (${decimal[1]} h ${minutes} min); write '${decimal[1]} ${decimal[1] === '1' ? 'hour' : 'hours'} ${Number(decimal[2])} minutes' for ${decimal[1]} h ${Number(decimal[2])} min`,
      );
    }
    // (A part of one more ("in 1 hour and .5 hours") adds to it, as "and a half" does.)
    if (said.has(unit) && count >= 1) {
      throw new UsageError(`'${shown}' gives ${unit}s twice`, `Give one amount of each unit, such as 'in 1 hour and 30 minutes'; for two messages, send each.`);
    }
    said.add(unit);
    i++;
    // "an hour and a half", "an hour and a quarter" (not a quarter of a year), "an hour and three quarters"; after years
    // a quarter is one ("a year and a quarter" is 15 months), read as the next amount.
    const andPart = andAPart(tokens, i);
    if (andPart && (unit !== 'year' || andPart.value === 0.5)) {
      count += andPart.value;
      i = andPart.end;
    }
    // "in 1h30", "in 2 hours 15", "in an hour and 15", "in 1 minute 30": the next unit down after the hours (minutes) or
    // the minutes (seconds), as a clock would say them ("15h30" alone is a clock).
    const rest = tokens[i] === 'and' ? i + 1 : i;
    // In words too: "in one hour thirty", "in an hour forty-five".
    const next = (unit === 'hour' || unit === 'minute') && !bare && rest < end && /^(?:\d{1,2}|[a-z-]+)$/.test(tokens[rest]!) ? readNumber(tokens, rest, { articles: false }) : null;
    if (next && next.end === end && Number.isInteger(next.value) && next.value >= 0 && next.value < 60) {
      amounts.ms += next.value * (unit === 'hour' ? MINUTE : SECOND);
      i = end;
    }
    const ms = UNIT_MS[unit];
    if (ms !== undefined) amounts.ms += count * ms;
    else {
      const months = unit === 'month' || unit === 'quarter' || unit === 'year' ? count * (unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1) : null;
      const days = count * (unit === 'fortnight' ? 14 : unit === 'week' ? 7 : 1);
      // "in 1.5 days", "in half a day", "in 1.5 weeks": the whole days on the calendar, the part left as hours
      // (1 day and 12 hours), when that part is whole minutes. A part of a month has no fixed length ("in 1.5 years" is 18 months).
      const partMinutes = (days - Math.floor(days)) * 1440;
      if (months !== null ? !Number.isInteger(months) : Math.abs(partMinutes - Math.round(partMinutes)) > 1e-6) {
        if (months !== null) throw new UsageError(`'${shown}': a part of a month has no fixed length`, `Give whole months, or the date itself.`);
        throw new UsageError(`'${shown}' is not a whole number of minutes`, `Give hours and minutes, such as 'in 1 day and 8 hours'.`);
      }
      if (months !== null) amounts.months += months;
      else {
        amounts.days += Math.floor(days);
        amounts.ms += Math.round(partMinutes) * MINUTE;
      }
    }
    units++;
  }
  if (units === 0 || (fromToday && (amounts.days !== 0 || amounts.months !== 0))) return null;
  read.daysAhead = amounts.ms === 0 && sign > 0;
  if (bare) read.notes.push(`read '${shown}' as a duration from now; write 'in ${text}' to say so, or give a day and time`);
  if (span) read.notes.push(`read '${shown}' as its end, the latest it allows; for sooner, give the time, such as 'in 10 minutes'`);
  // "in 300000 years": past the last date a clock can name, so no day is counted to.
  if (Math.abs(amounts.months) > 12 * 10_000 || Math.abs(amounts.days) > 366 * 10_000) throw outOfRange(shown);
  let instant = now;
  if (amounts.days !== 0 || amounts.months !== 0) {
    // Days are calendar days on the user's clock, so "in 3 days" keeps the time of day across DST.
    const w = calendar.wall(now);
    const monthsOn = addMonths(w, sign * amounts.months);
    // "in 1 month" on 31 January: February has no 31st, so its last day, said.
    if (monthsOn.day !== w.day)
      read.notes.push(
        `read '${shown}' as ${amounts.days === 0 ? '' : 'counted from '}${dayLabel(monthsOn)}${monthsOn.year === w.year ? '' : ` ${monthsOn.year}`}, the last day of ${MONTH_NAMES[monthsOn.month - 1]}, which has no ${ordinalDay(w.day)}`,
      );
    const date = addDays(monthsOn, sign * amounts.days);
    instant = calendar.at({ ...date, hour: w.hour, minute: w.minute, second: w.second }) + (now % 1000);
    // "in 1 day" at 02:30 the day before the clocks go forward: that time does not exist then.
    const skippedOrTwice = dstNote(calendar.wall, instant, w);
    if (skippedOrTwice) read.notes.push(skippedOrTwice);
  }
  return instant + sign * amounts.ms;
}

/** "and a half", "and a quarter", "and three (3) quarters": a part of one more of the unit said beside it. */
function andAPart(tokens: readonly string[], i: number): { value: number; end: number } | null {
  if (tokens[i] !== 'and') return null;
  if ((tokens[i + 1] === 'a' || tokens[i + 1] === 'one') && (tokens[i + 2] === 'half' || tokens[i + 2] === 'quarter')) return { value: tokens[i + 2] === 'half' ? 0.5 : 0.25, end: i + 3 };
  const three = tokens[i + 2] === '-' ? i + 3 : i + 2;
  if ((tokens[i + 1] === 'three' || tokens[i + 1] === '3') && /^quarters?$/.test(tokens[three] ?? '')) return { value: 0.75, end: three + 1 };
  return null;
}

/** "half a(n)", "(a) half", "a quarter (of a(n))", "three (3) quarters of a(n)", "three-quarters of an", "1/2": a part of the unit that follows. */
function readFraction(tokens: readonly string[], start: number): { value: number; end: number } | null {
  let i = start;
  let value: number;
  // "a half hour", "a quarter hour", "half hour": the part, then the unit.
  const article = tokens[i] === 'a' || tokens[i] === 'one' ? 1 : 0;
  if ((tokens[i + article] === 'half' || tokens[i + article] === 'quarter') && unitOf(tokens[i + article + 1])) {
    return { value: tokens[i + article] === 'half' ? 0.5 : 0.25, end: i + article + 1 };
  }
  if (tokens[i] === 'half') {
    value = 0.5;
    i++;
  } else if (/^\d$/.test(tokens[i] ?? '') && tokens[i + 1] === '/' && /^[248]$/.test(tokens[i + 2] ?? '') && Number(tokens[i]) < Number(tokens[i + 2])) {
    // "1/2 hour", and "1/2 an hour", "3/4 of an hour" as the words are said.
    const of = tokens[i + 3] === 'of' ? 1 : 0;
    const article = tokens[i + 3 + of] === 'a' || tokens[i + 3 + of] === 'an' ? 1 : 0;
    if (of && !article) return null;
    return { value: Number(tokens[i]) / Number(tokens[i + 2]), end: i + 3 + of + article };
  } else {
    const three = tokens[i] === 'three' || tokens[i] === '3' ? (tokens[i + 1] === '-' ? i + 2 : i + 1) : -1;
    if (three > 0 && /^quarters?$/.test(tokens[three] ?? '')) {
      value = 0.75;
      i = three + 1;
    } else if ((tokens[i] === 'a' || tokens[i] === 'one' || tokens[i] === 'quarter') && (tokens[i] === 'quarter' || tokens[i + 1] === 'quarter')) {
      // "a quarter of an hour", and "quarter of an hour" as "half an hour" goes without its article.
      value = 0.25;
      i += tokens[i] === 'quarter' ? 1 : 2;
    } else return null;
    if (tokens[i] !== 'of') return null;
    i++;
  }
  if (tokens[i] !== 'a' && tokens[i] !== 'an') return null;
  return { value, end: i + 1 };
}

/** The everyday grammar: a day, a time of day and a part of the day, in any order (see read-once and resolve-once). */
function fromParts(text: string, shown: string, now: number, calendar: Calendar, read: Reading): number | null {
  // "this day next week": a week from today, as said so.
  text = text.replace(SAME_DAY, 'a $1 from today');
  // "this time tomorrow", "same time next week": that day at the minute it is now.
  const sameTime = SAME_TIME.test(text);
  const { hour, minute } = calendar.wall(now);
  const all = tokenize(sameTime ? text.replace(SAME_TIME, ` ${formatClock(hour % 12 || 12, minute)}${hour < 12 ? 'am' : 'pm'} `) : text);
  // "2 hours before 5pm", "30 minutes before friday at 3pm", "2 hours after tomorrow": counted from the instant after them.
  const counted = timeBefore(all);
  // "10 minutes to 3pm", "5 minutes before 5pm": a clock of its own (readClock reads it whole).
  const offset = counted && (readClock(all, 0)?.end ?? 0) < counted.end ? counted : null;
  const tokens = offset ? all.slice(offset.end) : all;
  let parts: ReturnType<typeof readParts>;
  try {
    parts = readParts(tokens);
  } catch (error) {
    // "6:30pm 2 days ago": the amount counted back is no second time; the past is what the phrase says, and what it is told.
    if (error instanceof PartsClash && SAID_PAST.test(text)) throw notUnderstood(shown, text, error.message);
    if (error instanceof YearClash) {
      const [message, hint] = yearAndClock(error.year, error.yearSaid, error.clockSaid, calendar.wall(now));
      throw new UsageError(`'${shown}' ${message}`, hint);
    }
    if (error instanceof PartsClash) throw new UsageError(`'${shown}' ${error.message}`, error.hint);
    throw error;
  }
  if (!parts && tokens[0] === 'from') {
    const range = dayRangeError(tokens.join(' '), shown);
    if (range) throw range;
  }
  if (!parts) return null;
  if (parts.repeated)
    read.notes.push(
      `read '${shown}' as '${parts.repeated.once}': ${parts.repeated.said.map((said) => `'${said}'`).join(' and ')} ${parts.repeated.said.length === 1 ? 'is' : 'are'} said more than once`,
    );
  if (parts.sameDay) checkSameDay(parts, calendar, now, shown, read.dayClock);
  if (sameTime && !parts.day) throw new UsageError(`'${shown}' is now; give the day it is that time on`, "Such as 'this time tomorrow' or 'same time next week'.");
  // A bare number ("5", "-1") is not a time of day; "at 5", "5pm" and "17:30" are.
  if (!parts.day && !parts.part && /^-?\s?\d{1,2}$/.test(text)) return null;
  if (offset) {
    // Elapsed time from the instant the rest names, read as any phrase is: right across midnight ("2 hours before
    // midnight") and a DST change ("an hour before 3am" on the morning the clocks skip 2am), whatever the word order.
    if (!parts.clock && !parts.part && !parts.day) return null;
    if (!parts.clock && !parts.part) {
      const from = formatClock(read.dayClock.hour, read.dayClock.minute);
      read.notes.push(`read '${shown}' as counted from ${from}, the time a day without one is read as; give the time to count from another, such as '${spelled(all)} at 5pm'`);
    }
    read.dateOnly = false;
    // Its notes name the day counted from, as written.
    return resolveParts(parts, calendar, now, tokens.join(' '), read.notes, read.dayClock) + offset.ms;
  }
  read.dateOnly = !parts.clock && !parts.part;
  return resolveParts(parts, calendar, now, shown, read.notes, read.dayClock);
}

/** "tomorrow, dec 5", "saturday tomorrow": two ways of saying one day are read as it; two days are refused. */
function checkSameDay(parts: NonNullable<ReturnType<typeof readParts>>, calendar: Calendar, now: number, shown: string, dayClock: ClockTime): void {
  const { sameDay, ...rest } = parts;
  const [first, second] = [rest.day!, sameDay!.day].map((day) => resolveParts({ ...rest, day }, calendar, now, shown, [], dayClock)) as [number, number];
  // The month and day, not the year: "today, dec 4 at 9am" after 9am is one day (its date alone rolls to next year),
  // and the past error says what is wrong.
  const dateOf = (instant: number) => {
    const at = calendar.wall(instant);
    return `${at.month}-${at.day}`;
  };
  if (dateOf(first) !== dateOf(second)) {
    // As read: "this" before a clock is today ("this noon"), an ordinal word alone a day of the month ("first": the 1st).
    const named = (said: string, day: DayRef): string =>
      said === 'this' && parts.clock
        ? `'this ${parts.clock.text}'`
        : day.kind === 'date' && day.month === undefined && day.weekday === undefined && /^[a-z]+$/.test(said)
          ? `'${said}', the ${ordinalDay(day.day)}`
          : `'${said}'`;
    throw new UsageError(`'${shown}' names two days (${named(sameDay!.first, rest.day!)} and ${named(sameDay!.said, sameDay!.day)}); a one-time message is sent once`, 'Give one of them.');
  }
}

/**
 * "2 hours before", "90 minutes after", "an hour and a half before", "half an hour before", "1 hour 30 minutes
 * after": the hours and minutes a phrase counts from the instant after them.
 */
function timeBefore(tokens: readonly string[]): { ms: number; end: number } | null {
  const HOUR = 3_600_000;
  let ms = 0;
  let i = 0;
  for (;;) {
    // "half an hour", "half hour".
    if (tokens[i] === 'half' && unitOf(tokens[i + (tokens[i + 1] === 'an' ? 2 : 1)]) === 'hour') {
      ms += HOUR / 2;
      i += tokens[i + 1] === 'an' ? 3 : 2;
    } else {
      const count = (tokens[i] === 'an' || tokens[i] === 'a') && /^(?:hours?|hrs?|minutes?|mins?)$/.test(tokens[i + 1] ?? '') ? { value: 1, end: i + 1 } : readNumber(tokens, i);
      const unit = count ? unitOf(tokens[count.end]) : undefined;
      if (!count || (unit !== 'hour' && unit !== 'minute') || !(count.value > 0)) return null;
      ms += count.value * (unit === 'hour' ? HOUR : 60_000);
      i = count.end + 1;
      if (tokens[i] === 'and' && tokens[i + 1] === 'a' && tokens[i + 2] === 'half') {
        ms += (unit === 'hour' ? HOUR : 60_000) / 2;
        i += 3;
      }
    }
    if (tokens[i] === 'and' && tokens[i + 1] !== 'a') i++;
    if (tokens[i] === 'before' || tokens[i] === 'after') break;
    if (i >= tokens.length) return null;
  }
  if (!Number.isInteger(ms / 60_000)) return null;
  return { ms: (tokens[i] === 'before' ? -1 : 1) * ms, end: i + 1 };
}

const SAME_DAY = /^(?:this|the same) day next (week|month|year)$/;
const SAME_TIME = /(?:^|\s)(?:at )?(?:this|the same|same) time(?=\s|$)/;
const FILLER_BEFORE = /^[\s,]*(?:at|on|by)?[\s,]*$/;
const FILLER_AFTER = /^[\s,]*$/;
const TIME_OF_DAY_WORDS = /\b(tonight|evening|morning|afternoon|noon|midday|midnight)\b/;
/** Words that put a phrase in the past; chrono would otherwise move it forward. ("half past 6" is a time.) */
const PAST_WORDS = /\b(?:yesterday|ago|last|previous)\b|(?:^|\b(?:the|this|on) )past\b/;

/**
 * Phrases chrono reads as a day the spec does not name: which day ends a week (it picks
 * Saturday), a day after or before nothing said (it picks tomorrow), "several days" (a week),
 * "this week" beside a date (today), "next 5 days" (a span: its last day), and "after 5pm" (17:00).
 */
const WHICH_DAY = 'which day is not clear';
const CHRONO_GUESSES: ReadonlyArray<[RegExp, string, string]> = [
  [/\b(?:end|beginning|start) of (?:the |this |next )?week\b/, 'which day ends or starts a week is not clear', "Give the day, such as 'friday at 5pm' or 'monday next week'."],
  [/^(?:the )?(?:day|night) (?:after|before)$/, 'after or before which day?', "Say the day, such as 'the day after tomorrow'."],
  // "monday after at 10am": chrono drops the word.
  [/\b(?:after|before)(?= ?(?:at\b|@|,|$))/, 'after or before which day?', "Say the day, such as 'the monday after next' or 'the day before friday'."],
  // "in 1 mon": chrono reads a month.
  [/\b\d+ mons?\b/, "'mon' could be Monday or a month", "Write 'in 1 month', or 'monday' for the day."],
  // "september-2027-23", "23-2027-september": chrono makes the number an hour on the 1st (readParts refuses it spaced).
  [
    /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(?:19|20)\d\d-\d{1,2}\b|\b\d{1,2}-(?:19|20)\d\d-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/,
    'a number beside a month and its year could be its day or an hour',
    "Write the day after its month, such as 'september 23 2027', or the hour with 'at', such as 'september 2027 at 23:00'.",
  ],
  // A span alone ("this month", "current week at 9am"): a day in it is what is missing.
  [/^(?:(?:in|during) )?(?:the )?this week\b(?! (?:after|before)\b)/, WHICH_DAY, "Give a day in it, such as 'friday this week' or 'monday next week'."],
  [/^(?:(?:in|during) )?(?:the )?this month\b(?! (?:after|before)\b)/, WHICH_DAY, "Give a day in it, such as 'the last day of this month' or 'the 15th of next month'."],
  [/^(?:(?:in|during) )?(?:the )?this year\b(?! (?:after|before)\b)/, WHICH_DAY, "Give a day in it, such as 'the last day of this year' or 'the 1st of next month'."],
  [/\bthis day\b/, WHICH_DAY, "Give the day, such as 'today at 5pm' or 'a week from today'."],
  // Not "end of the day": which hour ends it is what is open (phraseError says so).
  [/\b(?:the|this|next|that) (?:week|month|year|(?<!\bend of \w+ )day)\b(?! (?:after|before)\b)/, WHICH_DAY, "Give the day, such as 'friday next week' or 'the 5th of next month'."],
  // "next 3 days", "the next few days", "next couple of hours": a span, however many.
  [
    /\b(?:at|on|by|this|next|the) (?:\d+(?:\.\d+)? ?|(?:a )?(?:few|couple(?: of)?|several) )(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b/,
    'a span is not one time',
    "Say when in it, such as 'in 5 days'.",
  ],
  [/\b(?:several|some|many) (?:sec|min|hour|hr|day|week|wk|month|year)/, 'how many is not said', "Give a number, such as 'in 3 days'."],
  [
    /\b(?:after|before|since) (?:\d|noon|midday|midnight)/,
    'a time before or after another is a window, not one time',
    "Give one time, such as 'tomorrow at 5pm'; to repeat within a window, give --cron, such as 'every hour after 5pm'.",
  ],
];

/** A digit, a weekday, a month or a word for a day or time ("tomorrow", "noon"): something chrono can put a day on. */
function namesADay(text: string): boolean {
  return /\d/.test(text) || tokenize(text).some((word) => weekdayOf(word) !== undefined || monthOf(word) !== undefined || DAY_WORDS.has(word));
}
/** "15 minutes", "3 days": a count of units, which chrono counts from now. */
const COUNTED = /\d\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\b/;
/** Every clock in a phrase; compiled on first use, as only phrases chrono reads need it. */
let clocks: RegExp | undefined;
const clocksPattern = () => (clocks ??= new RegExp(`(?<![\\w:.])${CLOCK_PATTERN}(?::\\d{2})?(?![\\w:])`, 'g'));
const DAY_WORDS = new Set(['today', 'tomorrow', 'tmrw', 'tmr', 'tonight', 'yesterday', 'now', 'noon', 'midday', 'midnight']);

/** chrono's reading of a phrase under this module's rules (exported so tests can hold the everyday grammar to it). */
export function natural(text: string, input: string, now: number, zone: string): number {
  return naturalOn(text, input, now, zoneCalendar(zone), { notes: [], dateOnly: false, dayClock: { hour: DEFAULT_HOUR, minute: 0 } });
}

/**
 * chrono-node's place: it decides only phrases the readers above leave (the
 * long tail of date spellings), under the same rules: every word is its or
 * filler, a clock without am/pm is read by `settleClock`, weekdays and dates
 * are put on this module's calendar.
 */
function naturalOn(text: string, shown: string, now: number, calendar: Calendar, read: Reading): number {
  checkClockTokens(text);
  const guess = CHRONO_GUESSES.find(([words]) => words.test(text));
  // A word no reader knows ("meeting eom", "Yuandan of next year") may be the day itself: it is named, not the day left open.
  if (guess?.[1] === WHICH_DAY && unknownWords(text).length > 0) {
    // Named from the words as read ("eom" was read as the end of the month), quoting the phrase as typed.
    const told = phraseError(text, 'Could not understand the time', ONCE_EXAMPLES);
    throw new UsageError(told.message.replace(`'${text}'`, `'${shown}'`), told.hint);
  }
  if (guess) throw new UsageError(`'${shown}': ${guess[1]}`, guess[2]);
  if (namesRange(tokenize(text)) || HOURS_SAID_AS_CLOCK.test(text)) throw rangeError(shown, text);
  const past = PAST_WORDS.test(text);
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(text, { instant: new Date(now), timezone: calendar.offset(now) }, { forwardDate: !past });
  } catch {
    results = [];
  }
  const result = results[0];
  if (results.length !== 1 || !result) throw notUnderstood(shown, text, 'Could not understand the time');
  const before = text.slice(0, result.index);
  const after = text.slice(result.index + result.text.length);
  if (!FILLER_BEFORE.test(before) || !FILLER_AFTER.test(after)) {
    const extra = [FILLER_BEFORE.test(before) ? '' : before, FILLER_AFTER.test(after) ? '' : after].map((s) => s.trim()).filter(Boolean);
    throw notUnderstood(shown, text, `Could not understand '${extra.join(' ')}' in the time`);
  }
  if (result.end) throw rangeError(shown, text);
  // chrono's morning is 06:00 and its evening 20:00; the spec's parts of the day are read above, never here.
  if (['morning', 'afternoon', 'evening', 'night'].some((part) => result.tags().has(`casualReference/${part}`))) throw phraseError(shown, 'Could not understand the time', ONCE_EXAMPLES);

  const start = result.start;
  if (start.isCertain('timezoneOffset') && !result.tags().has('result/relativeDate')) {
    throw new UsageError(
      `'${shown}' names a time zone this tool does not know`,
      "Write the zone as an IANA name ('Europe/Paris'), a city ('in Paris'), an offset ('+01:00') or a common abbreviation (EST, CET, IST).",
    );
  }
  // "the week", "this week at 9am", "at weekend": chrono makes a day of words that name none (a clock alone is today's or tomorrow's).
  const besideClocks = text.replace(clocksPattern(), ' ');
  if (!past && !COUNTED.test(text) && besideClocks.replace(/\b(?:at|on|by)\b|[\s,@]/g, '') !== '' && !namesADay(besideClocks)) {
    throw phraseError(shown, 'Could not tell which day or time', ONCE_EXAMPLES);
  }
  if (past) {
    // chrono counts in now's offset; the day and time it names are on the zone's clock ("last month" in October is 10:00 EDT, not 11:00).
    const wall = { year: start.get('year')!, month: start.get('month')!, day: start.get('day')!, hour: start.get('hour') ?? 0, minute: start.get('minute') ?? 0, second: start.get('second') ?? 0 };
    const onClock = calendar.at(wall);
    const instant = onClock <= now ? onClock : start.date().getTime();
    if (instant <= now) return instant;
  }
  const hasClock = start.isCertain('hour') || TIME_OF_DAY_WORDS.test(text);
  read.dateOnly = !hasClock;
  let clock = hasClock ? { hour: start.get('hour') ?? DEFAULT_HOUR, minute: start.get('minute') ?? 0 } : read.dayClock;
  if (start.isCertain('hour') && !start.isCertain('meridiem') && !TIME_OF_DAY_WORDS.test(text)) {
    // chrono guesses am/pm its own way; a clock without one is read by the spec's rule.
    const hour = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
    // A leading zero on the hour ("02:30"), not the minutes' ("2:02:30").
    const twentyFour = clock.hour > 12 || clock.hour === 0 || new RegExp(`(?<![\\d:.])0${hour}[:.h]`).test(result.text);
    if (!twentyFour) {
      // The note names the clock as written ("10:00"), not the whole date chrono read ("10:00 2026-12-12").
      const written = new RegExp(`(?<![\\d:./-])0?${hour}(?:[:.]\\d{2}){0,2}(?![\\d/-])`).exec(result.text)?.[0] ?? result.text.trim();
      const settled = settleClock({ value: { hour, minute: clock.minute, second: start.get('second') ?? 0 }, ambiguous: true, written: hour, text: written });
      if (settled.note) read.notes.push(settled.note);
      clock = settled.value;
    }
  }
  const second = hasClock ? (start.get('second') ?? 0) : 0;
  const today = calendar.wall(now);
  const on = (date: { year: number; month: number; day: number }) => calendar.at({ ...date, hour: clock.hour, minute: clock.minute, second });

  if (start.isCertain('weekday') && !start.isCertain('day')) {
    const weekday = start.get('weekday') ?? 0;
    let ahead = (weekday - today.weekday + 7) % 7;
    if (/\bnext\b/.test(text) && ahead === 0) ahead = 7;
    const instant = on(addDays(today, ahead));
    return !/\bnext\b/.test(text) && instant <= now ? on(addDays(today, ahead + 7)) : instant;
  }
  if (!start.isCertain('day') && !start.isCertain('month') && !start.isCertain('year')) {
    const instant = on(today);
    return instant <= now ? on(addDays(today, 1)) : instant;
  }
  const said = { year: start.get('year') ?? today.year, month: start.get('month') ?? today.month, day: start.get('day') ?? today.day };
  // "december 25" once it has passed this year means next year's.
  const date = on(said) <= now && !start.isCertain('year') && start.isCertain('month') ? { ...said, year: said.year + 1 } : said;
  // "9/2027": a month without its day is its first, said as for "sep 2027".
  if (start.isCertain('month') && !start.isCertain('day')) read.notes.push(firstOfMonthNote(shown, date));
  // "monday 2026-12-08": a weekday beside a date must be the date's, as it must be beside a date the readers above read.
  const weekday = start.isCertain('weekday') ? start.get('weekday') : null;
  const actual = addDays(date, 0).weekday;
  if (weekday !== null && weekday !== actual) {
    throw new UsageError(
      `'${shown}' does not add up: ${formatDate(date)} is a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[weekday]}`,
      'Check the date, or give only the date or only the weekday.',
    );
  }
  return on(date);
}

function rangeError(shown: string, text: string): UsageError {
  const hours = HOURS_SAID_AS_CLOCK.exec(text);
  if (!hours) {
    return new UsageError(
      `'${shown}' is a range of times; a one-time message is sent at one`,
      "Give one time, such as 'tomorrow at 9am'; to repeat within the range, give --cron an interval, such as 'every hour from 9 to 5'.",
    );
  }
  // "saturday 10 to 12": the hours 10 to 12, as most mean them; "10 to 12" is also how a clock may be said (11:50).
  const [said, minutes, hour, half = '', part] = hours as unknown as [string, string, string, string | undefined, string | undefined];
  const before = Number(hour) - 1 || 12;
  // Before 12pm is the morning's ("10 to 12pm": 10am, 11:50am); the part of the day said holds for both.
  const beside = half ? `${hour === '12' ? (half === 'a' ? 'p' : 'a') : half}m` : part ? ` ${part.trim()}` : '';
  const clock = `${before}:${String(60 - Number(minutes)).padStart(2, '0')}${beside}`;
  const instead = (with_: string) => text.replace(said, with_).replace(/\s+/g, ' ').trim();
  const window = `${minutes} to ${hour}${half ? `${half}m` : (part ?? '')}`;
  return new UsageError(
    `'${shown}' is a range of times (the hours ${window}); a one-time message is sent at one`,
    `Give one time, such as '${instead(`at ${minutes}${beside}`)}'; for ${minutes} minutes to ${hour}, write '${instead(`at ${clock}`)}'; to repeat within the range, give --cron an interval, such as 'every hour from ${window}'.`,
  );
}

/** "10 to 12", "5 to 6pm", "at 10 till 11 in the morning": two hours, which could also be said as a clock (11:50). */
const HOURS_SAID_AS_CLOCK =
  /(?<!\b(?:from|between|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?) )(?:\bat )?\b(5|10) (?:to|till|til|until) (\d{1,2})(?: ?([ap])\.? ?m\b\.?|( in the (?:morning|afternoon|evening)))?(?![\d:])/;

/**
 * "between 9 and 5", "from 9am to 5pm", "2 p.m. to 3 p.m", "6am dec 5 to 7am": two times where one is asked for (chrono
 * reads only some of these as a range).
 */
function namesRange(tokens: readonly string[]): boolean {
  return namesSpan(tokens) || clockToClock(tokens);
}

/** A clock with am/pm or minutes, later "to", "till" or "until" and another such clock ("5 to 6pm" is one clock, 17:55). */
function clockToClock(tokens: readonly string[]): boolean {
  let seen = false;
  for (let i = 0; i < tokens.length; i++) {
    const clock = noClockError(() => readClock(tokens, i, { bareOffsets: false }));
    if (clock) {
      seen ||= !clock.ambiguous;
      i = clock.end - 1;
      continue;
    }
    const next = seen && ['to', 'till', 'until'].includes(tokens[i]!) ? noClockError(() => readClock(tokens, i + 1, { bareOffsets: false })) : null;
    if (next && !next.ambiguous) return true;
  }
  return false;
}

function namesSpan(tokens: readonly string[]): boolean {
  return tokens.some((token, i) => {
    if (token !== 'between' && token !== 'from') return false;
    const from = readClock(tokens, i + 1, { bareOffsets: false });
    const joiner = from ? tokens[from.end] : undefined;
    const joins = token === 'between' ? joiner === 'and' : joiner === 'to' || joiner === 'until' || joiner === 'till' || joiner === '-';
    return joins && readClock(tokens, from!.end + 1) !== null;
  });
}

/** chrono skips what it cannot read ("tomorrow at 13pm" becomes "tomorrow"); catch bad clock times first. */
function checkClockTokens(text: string) {
  // ("10:25:30am": the seconds are no clock of their own, and the hour and minutes are read without them.)
  for (const m of text.matchAll(/(?<![:.])\b\d{1,2}(?:[:.]\d{2})?(?::\d{2})?\s*(?:am|pm)\b|(?<![:.])\b\d{1,2}:\d{2}\b/g)) parseClock(m[0].replace(/(:\d{2}):\d{2}/, '$1'));
}
