import { UsageError } from '../errors';
import { readClock, type ClockRead } from './clock';
import { LINK_WORDS, monthOf, NUMBER_WORDS, partOfDay, unitOf, weekdayOf, type PartOfDay } from './lexicon';
import { fullYear, ordinalDay, readNumber, readOrdinal, workdayWordEnd, type Read } from './words';
import { daysInMonth } from './zone';
import { MONTH_NAMES } from './names';
import { yearAndClock } from './year-alone';

/**
 * The one-time phrase as parts, read token by token: a day ("tomorrow",
 * "next friday", "the 1st of march", "last thursday of next month", "in 6
 * days"), a time of day ("3pm", "half past 6") and a part of the day
 * ("tonight", "in the morning"), in any order, with "at", "on" and commas
 * between. Each reader looks a few tokens ahead, so the whole walk is linear.
 */

/** A month: named (its year given, or `years` on from this one: "november next year"), or this, next or the month. */
/**
 * A month a day is counted in. `theYear`: said as "of the year" (this year's, read as next year's once passed, said so);
 * `thisSaid`: "this november" (this year's, past once passed); `nextSaid`: "next october", the coming one and never this
 * month's ("next june 5" is so too).
 */
type MonthRef =
  | { month: number; year?: number; years?: number; theYear?: boolean; thisSaid?: boolean; nextSaid?: boolean }
  | { relative: 'this' | 'next' | 'after-next' | 'the' }
  /** "the first monday in 2 months": the month that many months from this one. */
  | { monthsAhead: number }
  /** "end of the quarter", "first monday of next quarter": a calendar quarter's first month, or from the end its last. */
  | { quarter: 'this' | 'next' | 'the' };

export type DayRef =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; weekday: number; mode: 'this' | 'next' | 'after-next' | 'this-week' | 'next-week' | 'after-next-week' | 'last' | 'last-week' }
  /**
   * `monthFirst`: written as "4/5", which could be either; read month first (as chrono-node did), with a note.
   * `years`: in the year that many years from this one ("march 3 next year"). `wholeMonth`: said as a month
   * and year alone ("may 2027"), read as its 1st with a note.
   */
  | {
      kind: 'date';
      day: number;
      month?: number;
      year?: number;
      years?: number;
      weekday?: number;
      monthFirst?: boolean;
      /** Written as "16-05-31", which could also be the year first (2016-05-31): that date, said in a note. */
      yearFirst?: { year: number; month: number; day: number };
      wholeMonth?: true;
      /** Said as a quarter of the year alone ("q1 2027", "the third quarter"), read as its first day with a note. */
      wholeQuarter?: true;
      /** Said as "this q4": the coming such quarter, as "this march" is, but no day of the quarter running now. */
      thisQuarter?: true;
      /** The year was written as four digits that are also a 24-hour clock ("dec 10 2359"). */
      yearOrClock?: true;
      /** Said as a weekday and a bare number that is also an hour ("monday 14", "sat 19"): resolve-once decides (dayOrHour). */
      orHour?: ClockRead;
      /** The weekday was said as "this friday" ("this friday the 6th"): the date must be this one's. */
      thisWeekday?: true;
    }
  /** `weekday` null: a day of the month ("the last day"); 'workday': Monday to Friday ("the last weekday of the month"). */
  | { kind: 'nth'; nth: number; weekday: number | null | 'workday'; of: MonthRef; endSaid?: true }
  /**
   * `on`: a weekday (weeks) or day of the month (months) within the week or month the offset lands in ("in 2 weeks on monday").
   * `next`: said as "next week" ("next month", "next year"): the span after this one, which the day within it is in.
   */
  | { kind: 'in'; amount: number; unit: 'day' | 'week' | 'month' | 'year'; on?: number; next?: true }
  /** "next business day", "in 3 working days": that many days Monday to Friday after today; `elapsed` ("in 3 ..."): at this time of day, as "in 3 days" is. */
  | { kind: 'workdays'; amount: number; elapsed?: true; bare?: string }
  /** "this weekend", "next weekend", "the weekend after next": one instant, its Saturday. */
  | { kind: 'weekend'; mode: 'this' | 'next' | 'after-next' | 'coming'; bare?: boolean; /** "2 weekends from now": the nth coming one. */ count?: number }
  /**
   * "a week from tomorrow", "3 days after friday"; `said`: the day counted from as written (its notes are said), when the phrase wrote it;
   * `other`: another reading of the same words, named in a note when it is another day ("2 weeks on monday").
   */
  | { kind: 'shift'; days: number; months?: number; from: DayRef; said?: string; other?: { day: DayRef; said: string } }
  /** "next march", "this june", "in march": the first of the coming such month; `day`: that day of it ("next june 5"). */
  | { kind: 'month'; month: number; mode: 'this' | 'next'; day?: number }
  /** "the monday before may 25": the nearest such weekday strictly before (-1) or after (1) another day. */
  | { kind: 'near'; weekday: number; direction: 1 | -1; from: DayRef; said?: string };

export interface OnceParts {
  day?: DayRef;
  clock?: ClockRead;
  part?: PartOfDay;
  /** "tonight", "this morning": the part of today. */
  today?: boolean;
  /** A second day said, as written ("tomorrow, dec 5"): it must be the same date as `day`. */
  sameDay?: { day: DayRef; said: string; first: string };
  /** The day as written ("friday", "tomorrow"), for notes that name it. */
  daySaid?: string;
  /** Words said twice, read once ("tomorrow tomorrow"), and the phrase without the repeat, for a note. */
  repeated?: { said: string[]; once: string };
  /** The clock is a number after a date with nothing to say it is a time ("dec 5 14", "may 1st 01"): it could be a day or a year. */
  bareHour?: true;
}

/** Two parts of a one-time phrase that clash; the message starts with what the phrase does ("names two days ..."). */
export class PartsClash extends UsageError {}

/** A year beside a clock and no day: the caller, which knows today, says which day of it to write. */
export class YearClash extends PartsClash {
  constructor(
    readonly year: number,
    readonly yearSaid: string,
    readonly clockSaid: string,
  ) {
    super(...yearAndClock(year, yearSaid, clockSaid));
  }
}

/**
 * The parts of a phrase, or null when some word is not one of them. A part
 * said twice that differs ("next friday tomorrow", "at 9am at 5pm", "tonight
 * next friday") is refused with the reason, never settled by which came
 * first. `trace`, when given, collects the day rule used.
 */
export function readParts(tokens: readonly string[], trace?: string[]): OnceParts | null {
  const parts: OnceParts = {};
  const said: { day?: string; clock?: string; part?: string; bareClock?: boolean } = {};
  const twice = (what: string, first: string, second: string): never => {
    throw new PartsClash(`names two ${what} ('${first}' and '${second}'); a one-time message is sent once`, 'Give one of them.');
  };
  // The same words said again ("tomorrow tomorrow at 9am", "9am 9am") are read once, said in a note with the phrase said once
  // (the small words before the repeat go with it). An ordinal alone said twice ("second second") counts something it does not
  // name, as "first first monday" does: refused.
  const written: string[] = [];
  const repeated = (start: number, end: number, day?: DayRef): void => {
    const text = tokens
      .slice(start, end)
      .join(' ')
      .replace(/(\d) ([ap]m)\b/g, '$1$2');
    if (!written.includes(text)) {
      written.push(text);
      return;
    }
    if (end === start + 1 && day?.kind === 'date' && day.month === undefined && day.weekday === undefined && readOrdinal(tokens, start)) {
      throw new PartsClash(`says '${text}' twice: the ${text} what?`, `Give the day, such as 'the ${ordinalDay(day.day)}' or 'the ${text} monday of next month'.`);
    }
    let from = start;
    while (from > 0 && LINK_WORDS.has(tokens[from - 1]!)) from--;
    for (let k = from; k < end; k++) dropped.add(k);
    if (!twiceSaid.includes(text)) twiceSaid.push(text);
  };
  const dropped = new Set<number>();
  const twiceSaid: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    // "first thing" is a part of the day, not the 1st; after "at", a number is a clock ("at 3 june 1" is 15:00 on June 1).
    const atClock = (tokens[i - 1] === 'at' || tokens[i - 1] === '@') && /^\d{1,2}$/.test(tokens[i]!) && monthAt(tokens, i + 1) !== undefined;
    const day = (tokens[i] === 'first' && tokens[i + 1] === 'thing') || atClock ? null : readDay(tokens, i);
    if (day) {
      const text = spelled(tokens.slice(i, day.end));
      repeated(i, day.end, day.value);
      if (parts.day?.kind === 'date' && parts.day.weekday === undefined && day.value.kind === 'weekday' && day.value.mode === 'this') {
        // "december 25, friday": the date, and the weekday it must fall on ("the 6th this friday": the near one).
        parts.day = { ...parts.day, weekday: day.value.weekday, ...(tokens[i] === 'this' ? { thisWeekday: true as const } : {}) };
        i = day.end;
        continue;
      }
      if (parts.day?.kind === 'weekday' && parts.day.mode === 'this' && day.value.kind === 'date' && day.value.weekday === undefined) {
        // "thu 12/10", "friday, 25.12.2026": the same, the weekday first.
        parts.day = { ...day.value, weekday: parts.day.weekday };
        i = day.end;
        continue;
      }
      const within = parts.day && (dayWithin(parts.day, day.value) ?? dayWithin(day.value, parts.day));
      if (within) {
        // "monday in 2 weeks", "in 3 weeks at 4pm on friday": as "in 2 weeks on monday".
        parts.day = within;
        said.day = `${said.day} ${text}`;
        i = day.end;
        continue;
      }
      if (parts.day && JSON.stringify(parts.day) !== JSON.stringify(day.value)) {
        // "tomorrow, dec 5": a second day is kept to be checked against the first once both are dates (resolve-once).
        if (parts.sameDay) twice('days', said.day!, text);
        parts.sameDay = { day: day.value, said: text, first: said.day! };
        i = day.end;
        continue;
      }
      parts.day = day.value;
      said.day = text;
      trace?.push(day.rule);
      i = day.end;
      continue;
    }
    const part = readPart(tokens, i);
    if (part) {
      const text = tokens.slice(i, part.end).join(' ');
      repeated(i, part.end);
      if (parts.part && (parts.part !== part.value.part || parts.today !== part.value.today)) twice('parts of the day', said.part!, text);
      parts.part = part.value.part;
      parts.today = part.value.today;
      said.part = text;
      i = part.end;
      continue;
    }
    const clock = readClock(tokens, i) ?? (parts.clock ? null : fourDigitClock(tokens, i));
    if (clock) {
      repeated(i, clock.end);
      // A number alone ("15", not "at 15"), which may have been meant as a day of the month.
      const bareClock = clock.end === i + 1 && /^\d{1,2}$/.test(tokens[i]!) && !['at', '@'].includes(tokens[i - 1] ?? '');
      if (parts.clock && (parts.clock.value.hour !== clock.value.hour || parts.clock.value.minute !== clock.value.minute)) {
        // "2008 1", "1 2027": a year and a month in digits, which read as two clocks ("2008" is also 20:08).
        const year = [said.clock!, clock.text].find((text) => /^(?:19|20)\d\d$/.test(text));
        const month = [said.clock!, clock.text].find((text) => /^(?:0?[1-9]|1[0-2])$/.test(text));
        if (year && month && tokens.length === 2)
          throw new PartsClash(
            `names two times ('${said.clock}' and '${clock.text}'); if it is a month of ${year}, a number alone does not say so`,
            `Write the month by name, such as '${MONTH_NAMES[Number(month) - 1]!.toLowerCase()} ${year}', or as '${year}-${month.padStart(2, '0')}'.`,
          );
        // "twenty twenty seven at 5pm": a year to come said in words ("twenty twenty seven" alone is also 20:27), beside a clock and no day.
        const inWords = [
          { text: said.clock!, value: parts.clock.value, other: clock.text },
          { text: clock.text, value: clock.value, other: said.clock! },
        ].find(({ text, value }) => value.hour === 20 && /^twenty (?:[a-z]+ ?)+$/.test(text) && !/\b(?:past|to|half|quarter|o'?clock)\b/.test(text));
        if (inWords) {
          const year = inWords.value.hour * 100 + inWords.value.minute;
          throw new YearClash(year, inWords.text, inWords.other);
        }
        // "3-4pm", "9am-11am", "3:30-6 p.m.": two clocks joined by a dash are a range of times, as "3 to 4pm" is.
        if (tokens.slice(parts.clock.end, i).join(' ') === '-')
          throw new PartsClash(
            'is a range of times; a one-time message is sent at one',
            "Give one time, such as 'tomorrow at 9am'; to repeat within the range, give --cron an interval, such as 'every hour from 9 to 5'.",
          );
        // "15 at 8:00", "8pm, 15": a bare number beside a clock may be meant as the day of the month.
        const [day, time] = said.bareClock === bareClock ? [] : said.bareClock ? [said.clock!, clock.text] : [clock.text, said.clock!];
        if (day && time && Number(day) >= 1 && Number(day) <= 31)
          throw new PartsClash(
            `names two times ('${said.clock}' and '${clock.text}'); a one-time message is sent once`,
            `If '${day}' is the day of the month, write 'the ${ordinalDay(Number(day))} at ${time}'; otherwise give one of them.`,
          );
        twice('times', said.clock!, clock.text);
      }
      parts.clock = clock;
      said.clock = clock.text;
      said.bareClock = bareClock;
      if (
        parts.day?.kind === 'date' &&
        parts.day.year === undefined &&
        clock.end === i + 1 &&
        /^\d{1,2}\.?$/.test(tokens[i]!) &&
        !['at', '@', 'by', 'before', 'after', 'until'].includes(tokens[i - 1] ?? '')
      )
        parts.bareHour = true;
      i = clock.end;
      continue;
    }
    // "first day of may to last day of may", "first to last day of september": from one day to another, where one is asked
    // for ("monday to friday" is the weekdays of a rule, told as one).
    const until = parts.day && DAY_SPAN_LINKS.has(tokens[i]!) ? readDay(tokens, i + 1) : null;
    if (until && !(parts.day!.kind === 'weekday' && until.value.kind === 'weekday')) throw daySpan(said.day!, spelled(tokens.slice(i + 1, until.end)));
    // A small word joins parts: one with nothing after it ("tomorrow at 9am by") joins nothing, and is not understood.
    if (!LINK_WORDS.has(tokens[i]!) || (i === tokens.length - 1 && tokens[i] !== ',')) return null;
    i++;
  }
  // "this week" with no weekday in it to name ("this week at 9am") is no day; "the week after next" is two weeks from today, as "next week" is one.
  const thisWeek = (day?: DayRef) => day?.kind === 'in' && day.next === true && day.unit === 'week' && day.amount === 0;
  if (thisWeek(parts.day) || thisWeek(parts.sameDay?.day)) return null;
  if (said.day !== undefined) parts.daySaid = said.day;
  if (twiceSaid.length > 0) {
    const once = tokens.filter((_, k) => !dropped.has(k)).join(' ');
    parts.repeated = { said: twiceSaid, once: once.replace(/ ,/g, ',').replace(/(\d) ([ap]m)\b/g, '$1$2') };
  }
  // "september 2027 23", "23-2027-september": a bare number beside a month and its year is its day to some, an hour to others.
  if (parts.day?.kind === 'date' && parts.day.wholeMonth && parts.day.year !== undefined && said.bareClock) throw dayOrHour(parts.day.month!, parts.day.year, said.clock!);
  // "tomorrow 1700": a four-digit clock needs a day beside it, and no month whose year it could be.
  if (parts.clock && /^\d{4}$/.test(parts.clock.text) && (!parts.day || tokens.some((token) => monthOf(token) !== undefined))) return null;
  // "tonight", "this evening" are today's: with another day they clash.
  if (parts.today && parts.day && !(parts.day.kind === 'offset' && parts.day.days === 0)) {
    throw new PartsClash(`names today ('${said.part}') and another day ('${said.day}')`, `Give one of them, such as '${said.day} ${parts.part === 'night' ? 'night' : `in the ${parts.part}`}'.`);
  }
  return parts.day || parts.clock || parts.part ? parts : null;
}

/** "1700", "0930": hours and minutes on a 24-hour clock, written as one number (readParts checks a day is beside it). */
function fourDigitClock(tokens: readonly string[], i: number): ClockRead | null {
  const m = /^([01]\d|2[0-3])([0-5]\d)$/.exec(tokens[i] ?? '');
  // "2026-12-12", "12/12/2026": a year in a date.
  // After a day of the month and a comma, a number that could be a year ("the 25th, 2027") is not read as a clock ("tomorrow, 1930" is).
  const afterDay = tokens[i - 1] === ',' && /^(?:\d{1,2}|\d{1,2}(?:st|nd|rd|th))$/.test(tokens[i - 2] ?? '');
  const inDate = [tokens[i - 1], tokens[i + 1]].some((token) => token === '-' || token === '/') || (afterDay && /^(?:19|20)/.test(tokens[i] ?? ''));
  return m && !inDate ? { value: { hour: Number(m[1]), minute: Number(m[2]) }, end: i + 1, ambiguous: false, written: Number(m[1]), text: tokens[i]! } : null;
}

/**
 * An offset of weeks or months and a day within where it lands: "in 2 weeks" and
 * "monday" (the Monday of that week), "in 2 months" and "the 15th". Null for any
 * other pair, which names two days.
 */
function dayWithin(offset: DayRef, day: DayRef): DayRef | null {
  // "in december on the 5th", "in may 2027, on the 3rd": a day of the month in the month said.
  const dayOfMonth = day.kind === 'date' && day.month === undefined && day.year === undefined && day.weekday === undefined ? day.day : undefined;
  // "next december on the 5th" keeps its "next"; otherwise as "on the 5th in december", which a passed date moves to next year.
  if (dayOfMonth !== undefined && offset.kind === 'month' && offset.day === undefined)
    return offset.mode === 'next' ? { ...offset, day: dayOfMonth } : { kind: 'date', day: dayOfMonth, month: offset.month };
  if (dayOfMonth !== undefined && offset.kind === 'date' && offset.wholeMonth) return { kind: 'date', day: dayOfMonth, month: offset.month, year: offset.year };
  if (offset.kind !== 'in' || offset.on !== undefined) return null;
  // "monday morning next week", "next week at 8 on monday", "friday at 3 this week": as "monday next week" (its note on a
  // Sunday, where which week is next is a choice), whatever is said between the weekday and the week.
  if (offset.next && offset.unit === 'week' && day.kind === 'weekday' && day.mode === 'this') return { ...day, mode: (['this-week', 'next-week', 'after-next-week'] as const)[offset.amount]! };
  if (offset.amount < 1) return null;
  if (offset.unit === 'week' && day.kind === 'weekday' && day.mode === 'this') return { ...offset, on: day.weekday };
  if (offset.unit === 'month' && day.kind === 'date' && day.month === undefined && day.weekday === undefined) return { ...offset, on: day.day };
  // "first monday in 2 months", "in 3 months on the last friday": that one of the month then.
  if (offset.unit === 'month' && day.kind === 'nth' && 'relative' in day.of && day.of.relative === 'the') return { ...day, of: { monthsAhead: offset.amount } };
  // "next year on march 3", "in 2 years on june 1"
  if (offset.unit === 'year' && day.kind === 'date' && day.month !== undefined && day.year === undefined && day.weekday === undefined) return { ...day, years: offset.amount };
  return null;
}

/** "tonight", "this morning" (today's), "in the afternoon", "at night", "evening", "the morning of", "first thing". */
function readPart(tokens: readonly string[], i: number): Read<{ part: PartOfDay; today: boolean }> | null {
  if (tokens[i] === 'tonight') return { value: { part: 'night', today: true }, end: i + 1 };
  // "the morning of dec 24", "evening of the 24th": that part of the day that follows.
  const of = tokens[i] === 'the' && partOfDay(tokens[i + 1]) !== undefined && tokens[i + 2] === 'of' ? i + 1 : tokens[i + 1] === 'of' ? i : -1;
  const named = of >= 0 && !tokens[of]!.endsWith('s') ? partOfDay(tokens[of]) : undefined;
  if (named !== undefined && tokens[of] !== 'tonight') return { value: { part: named, today: false }, end: of + 2 };
  // "first thing tomorrow", "monday first thing in the morning": the morning.
  if (tokens[i] === 'first' && tokens[i + 1] === 'thing') {
    const inTheMorning = tokens[i + 2] === 'in' && tokens[i + 3] === 'the' && tokens[i + 4] === 'morning';
    return { value: { part: 'morning', today: false }, end: i + (inTheMorning ? 5 : 2) };
  }
  const lead = tokens[i] === 'in' && tokens[i + 1] === 'the' ? 2 : tokens[i] === 'this' || (tokens[i] === 'at' && tokens[i + 1] === 'night') ? 1 : 0;
  const name = tokens[i + lead];
  // One part of one day: "mornings" and "tonight" after a lead word are the recurring reader's.
  const part = name === 'tonight' || name?.endsWith('s') ? undefined : partOfDay(name);
  if (part === undefined) return null;
  return { value: { part, today: tokens[i] === 'this' }, end: i + lead + 1 };
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
  { name: 'relative day', examples: ['tomorrow at 9am', 'the day after tomorrow', 'today at 5pm', 'the day after next at 6pm', 'tomorrow week at 3pm'], read: readRelativeDay },
  { name: 'weekend', examples: ['this weekend', 'next weekend', 'the weekend after next'], read: readWeekend },
  { name: 'nth day of a month', examples: ['first monday of next month', 'last day of the month', '3rd thursday this september', 'end of the month', 'the first tuesday'], read: readNth },
  { name: 'weekday', examples: ['friday at 4', 'next friday', 'friday next week', 'the saturday after next', 'tuesday the 15th at 10am'], read: readWeekday },
  { name: 'quarter alone', examples: ['q1 2027', 'the first quarter of 2027', '3rd quarter'], read: readQuarterAlone },
  { name: 'date', examples: ['december 25 at 9am', 'the 1st of march', '25 dec', 'march 3rd 2027', '20 of next month'], read: readDate },
  { name: 'slash date', examples: ['4/25 at 16h00', '12/25/2026 at 6pm', '25/12 at 9am', 'on 2/15'], read: readSlashDate },
  { name: 'iso date', examples: ['2027-01-05 at night', '2027-01-05 in the evening', 'the morning of 2027-01-05'], read: readIsoDay },
  {
    name: 'days from now',
    examples: [
      'in 6 days at noon',
      'after 6 days at noon',
      'in 2 weeks on the monday',
      'a week from tomorrow',
      '3 days after friday',
      '2 weeks from now at 9am',
      '4 mondays from now',
      'in 2 mondays',
      '2 fridays from today at 3pm',
      'in 3 business days',
    ],
    read: readIn,
  },
  { name: 'weeks on a weekday', examples: ['a week on monday', '2 weeks on friday at 3pm', 'a fortnight on tuesday', 'a week tomorrow'], read: readWeeksOn },
  { name: 'month alone', examples: ['next march', 'this june at noon', 'in march', 'january', 'next june 5'], read: readMonthAlone },
  {
    name: 'next week, month or year',
    examples: ['next week', 'next month on the 5th', 'next week at 3pm', 'next year', 'the next business day', 'this month on the 20th'],
    read: readNextSpan,
  },
];

function readDay(tokens: readonly string[], i: number): (Read<DayRef> & { rule: string }) | null {
  for (const rule of DAY_RULES) {
    const read = rule.read(tokens, i);
    if (read) return { ...read, rule: rule.name };
  }
  return null;
}

/** "in 2 weekends", "2 weekends from now", "a weekend from today", "3 weekends hence": the nth weekend to come, the coming one first. */
function countedWeekend(tokens: readonly string[], i: number): Read<DayRef> | null {
  const lead = tokens[i] === 'in' ? i + 1 : i;
  const count = readNumber(tokens, lead);
  if (!count || !Number.isInteger(count.value) || count.value < 1 || !/^weekends?$/.test(tokens[count.end] ?? '')) return null;
  const after = count.end + 1;
  const from = tokens[after] === 'from' && (tokens[after + 1] === 'now' || tokens[after + 1] === 'today') ? after + 2 : tokens[after] === 'hence' ? after + 1 : -1;
  const end = from > 0 ? from : lead > i ? after : -1;
  return end > 0 ? { value: { kind: 'weekend', mode: 'coming', count: count.value }, end } : null;
}

/** "this weekend", "the weekend", "weekend", "next weekend", "this coming weekend", "the weekend after next". */
function readWeekend(tokens: readonly string[], i: number): Read<DayRef> | null {
  const counted = countedWeekend(tokens, i);
  if (counted) return counted;
  let j = i;
  let mode: 'this' | 'next' | 'after-next' | 'coming' = 'this';
  if (tokens[j] === 'this' && (tokens[j + 1] === 'coming' || tokens[j + 1] === 'upcoming')) {
    mode = 'coming';
    j += 2;
  } else if (tokens[j] === 'this' || tokens[j] === 'the') j++;
  else if (tokens[j] === 'next' || tokens[j] === 'coming') {
    mode = 'next';
    j++;
  } else if (tokens[j] !== 'weekend') return null;
  if (tokens[j] !== 'weekend') return null;
  j++;
  if ((tokens[i] === 'the' || tokens[i] === 'weekend') && tokens[j] === 'after' && tokens[j + 1] === 'next') return { value: { kind: 'weekend', mode: 'after-next' }, end: j + 2 };
  // "the weekend", "weekend": the one at hand, or the next once it has gone by; "this weekend" only the one at hand.
  return { value: { kind: 'weekend', mode, ...(mode === 'this' && tokens[i] !== 'this' ? { bare: true } : {}) }, end: j };
}

/** today, tomorrow, (the) day after tomorrow, yesterday, (the) day before yesterday. */
function readRelativeDay(tokens: readonly string[], i: number): Read<DayRef> | null {
  const word = tokens[i];
  // "tomorrow week", "today fortnight" (British): a week or two after that day.
  const span = unitOf(tokens[i + 1]);
  if ((word === 'tomorrow' || word === 'today') && (span === 'week' || span === 'fortnight')) {
    return { value: { kind: 'offset', days: (span === 'week' ? 7 : 14) + (word === 'tomorrow' ? 1 : 0) }, end: i + 2 };
  }
  if (word === 'today') return { value: { kind: 'offset', days: 0 }, end: i + 1 };
  // "this noon", "this midnight": today's, as "this morning" is (the clock word is read as the time).
  if (word === 'this' && /^(?:noon|midday|mid-day|midnight|mid-night)$/.test(tokens[i + 1] ?? '')) return { value: { kind: 'offset', days: 0 }, end: i + 1 };
  if (word === 'tomorrow' || word === 'tmrw' || word === 'tmr') return { value: { kind: 'offset', days: 1 }, end: i + 1 };
  if (word === 'yesterday') return { value: { kind: 'offset', days: -1 }, end: i + 1 };
  const start = word === 'the' ? i + 1 : i;
  if (tokens[start] === 'day' && tokens[start + 2] === (tokens[start + 1] === 'after' ? 'tomorrow' : 'yesterday')) {
    return { value: { kind: 'offset', days: tokens[start + 1] === 'after' ? 2 : -2 }, end: start + 3 };
  }
  // "the day after next": the day after tomorrow ("the day after next friday" is read below).
  if (tokens[start] === 'day' && tokens[start + 1] === 'after' && tokens[start + 2] === 'next' && weekdayAt(tokens, start + 3) === undefined) {
    return { value: { kind: 'offset', days: 2 }, end: start + 3 };
  }
  // "the day after january 1st", "the day before christmas", "the day before friday": one day from the next such day.
  if (tokens[start] === 'day' && (tokens[start + 1] === 'after' || tokens[start + 1] === 'before')) {
    const from = readDayFrom(tokens, start + 2) ?? readWeekday(tokens, start + 2);
    if (from) return { value: { kind: 'shift', days: tokens[start + 1] === 'after' ? 1 : -1, from: from.value, said: spelled(tokens.slice(start + 2, from.end)) }, end: from.end };
  }
  return null;
}

/**
 * A weekday: "friday", "this friday", "next friday", "the following friday", "friday after next",
 * "friday next week", "next week friday", "this coming friday", "monday
 * next" and "friday week" (British: a week after this friday); in the
 * past: "last friday", "past friday", "friday last week", "tuesday of last
 * week". With a date after it ("tuesday the 19th", "sunday, feb 10") it is
 * that date, and the two must agree.
 */
function readWeekday(tokens: readonly string[], i: number): Read<DayRef> | null {
  if (tokens[i] === 'the') {
    // "the next monday", "the following monday", "the coming monday": as without "the".
    if (/^(?:next|following|coming|upcoming)$/.test(tokens[i + 1] ?? '') && weekdayAt(tokens, i + 2) !== undefined) return readWeekday(tokens, i + 1);
    // "the wednesday of next week": as "wednesday of next week"; "the monday morning of next week": as "monday morning of next week".
    if (weekdayAt(tokens, i + 1) !== undefined && tokens[i + 2] === 'of' && tokens[i + 4] === 'week') return readWeekday(tokens, i + 1);
    if (weekdayAt(tokens, i + 1) !== undefined && partOfDay(tokens[i + 2]) !== undefined && tokens[i + 3] === 'of') return readWeekday(tokens, i + 1);
    // "the last friday before christmas": the friday before it.
    if (tokens[i + 1] === 'last' && weekdayAt(tokens, i + 2) !== undefined && tokens[i + 3] === 'before') return readWeekdayNear(tokens, i + 2);
    return readWeekdayNear(tokens, i + 1);
  }
  // "friday before christmas", "last friday before christmas": as with "the".
  const near = tokens[i] === 'last' && tokens[i + 2] === 'before' ? i + 1 : i;
  if (weekdayAt(tokens, near) !== undefined && (tokens[near + 1] === 'before' || (near === i && tokens[near + 1] === 'after' && tokens[near + 2] !== 'next'))) {
    const counted = readWeekdayNear(tokens, near);
    if (counted) return counted;
  }
  let j = i;
  let mode: Extract<DayRef, { kind: 'weekday' }>['mode'] = 'this';
  const lead = tokens[j];
  if (lead === 'this' && (tokens[j + 1] === 'coming' || tokens[j + 1] === 'upcoming' || tokens[j + 1] === 'past')) {
    mode = tokens[j + 1] === 'past' ? 'last' : 'next';
    j += 2;
  } else if (lead === 'next' || lead === 'coming' || lead === 'upcoming' || lead === 'following') {
    mode = 'next';
    j++;
  } else if (lead === 'this') {
    j++;
  } else if (lead === 'last' || lead === 'past' || lead === 'previous') {
    mode = 'last';
    j++;
  }
  if ((lead === 'next' || lead === 'last') && tokens[j] === 'week') {
    // "next week friday", "next week on friday", "next week, friday".
    const at = tokens[j + 1] === 'on' || tokens[j + 1] === ',' ? j + 2 : j + 1;
    const weekday = weekdayAt(tokens, at);
    if (weekday === undefined) return null;
    return { value: { kind: 'weekday', weekday, mode: lead === 'next' ? 'next-week' : 'last-week' }, end: at + 1 };
  }
  const weekday = weekdayAt(tokens, j);
  if (weekday === undefined) return null;
  j++;
  // "tuesday the 8th", "next tuesday the 8th": that date, which must be that weekday.
  // ("monday first thing": the morning, not the 1st.)
  // "this friday the 6th" is this Friday, which must be the 6th; "next friday the 13th" may be the next Friday the 13th.
  const thisSaid = lead === 'this' && mode === 'this' ? { thisWeekday: true as const } : {};
  if ((mode === 'this' || lead === 'next') && !(tokens[j] === 'first' && tokens[j + 1] === 'thing')) {
    const date = readDate(tokens, tokens[j] === ',' ? j + 1 : j);
    if (date && date.value.kind === 'date') return { value: { ...date.value, weekday, ...thisSaid }, end: date.end };
  }
  // "friday the fifteen", "monday the twenty one": a number word after "the" is the day of the month, as "the 15" is.
  const spoken =
    (mode === 'this' || lead === 'next') && tokens[j] === 'the' && NUMBER_WORDS.has(tokens[j + 1] ?? '') && !readOrdinal(tokens, j + 1) ? readNumber(tokens, j + 1, { articles: false }) : null;
  if (spoken && Number.isInteger(spoken.value) && spoken.value >= 1 && spoken.value <= 31 && !['am', 'pm', 'oclock'].includes(tokens[spoken.end] ?? '')) {
    return { value: { kind: 'date', day: spoken.value, weekday, ...thisSaid }, end: spoken.end };
  }
  // "monday 14", "sunday 31": a number alone after the weekday is its day of the month, or (1-23) perhaps an hour.
  const number = /^\d{1,2}$/.test(tokens[j] ?? '') && !/^[-/.:]/.test(tokens[j + 1] ?? '') ? Number(tokens[j]) : 0;
  if (mode === 'this' && lead !== 'this' && number >= 1 && number <= 31) {
    const hour = number <= 23 ? readClock(tokens, j) : null;
    if (number > 23) return { value: { kind: 'date', day: number, weekday }, end: j + 1 };
    if (hour?.end === j + 1) return { value: { kind: 'date', day: number, weekday, orHour: hour }, end: j + 1 };
  }
  // "friday of next week", "friday, next week".
  const of = tokens[j] === 'of' || tokens[j] === ',' ? 1 : 0;
  const week = tokens[j + of + 1] === 'week' ? tokens[j + of] : undefined;
  if (week === 'next' || week === 'this' || week === 'last') {
    const weekMode = week === 'next' ? 'next-week' : week === 'this' ? 'this-week' : 'last-week';
    return { value: { kind: 'weekday', weekday, mode: weekMode }, end: j + of + 2 };
  }
  if (tokens[j] === 'after' && tokens[j + 1] === 'next') return { value: { kind: 'weekday', weekday, mode: 'after-next' }, end: j + 2 };
  // "wednesday the week after next", "wednesday of the week after next": a week after "wednesday next week".
  const theWeek = tokens[j] === 'of' ? j + 1 : j;
  if (tokens[theWeek] === 'the' && tokens[theWeek + 1] === 'week' && tokens[theWeek + 2] === 'after' && tokens[theWeek + 3] === 'next') {
    return { value: { kind: 'weekday', weekday, mode: 'after-next-week' }, end: theWeek + 4 };
  }
  // "monday next" (British): next monday.
  if (mode === 'this' && lead !== 'this' && tokens[j] === 'next') return { value: { kind: 'weekday', weekday, mode: 'next' }, end: j + 1 };
  // "friday week", "friday fortnight" (British): a week or two after this friday.
  if (mode === 'this' && lead !== 'this' && (tokens[j] === 'week' || tokens[j] === 'fortnight')) {
    return { value: { kind: 'shift', days: tokens[j] === 'week' ? 7 : 14, from: { kind: 'weekday', weekday, mode: 'this' } }, end: j + 1 };
  }
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
  // "the monday after next wed" counts from next wednesday; "the monday after next" is the second monday.
  if (link === 'after' && tokens[i + 2] === 'next' && weekdayAt(tokens, i + 3) === undefined) return { value: { kind: 'weekday', weekday, mode: 'after-next' }, end: i + 3 };
  const from = readRelativeDay(tokens, i + 2) ?? readDayFrom(tokens, i + 2) ?? (tokens[i + 2] === 'next' ? readWeekday(tokens, i + 2) : null);
  if (!from) return null;
  return { value: { kind: 'near', weekday, direction: link === 'after' ? 1 : -1, from: from.value, said: spelled(tokens.slice(i + 2, from.end)) }, end: from.end };
}

/**
 * A day another is counted from ("3 days before ..."): a date in words, in digits ("12/10") or as ISO 8601 ("2026-12-10"),
 * or the nth weekday of a month ("the day after the fourth thursday of november", as "the day after thanksgiving" is written).
 */
function readDayFrom(tokens: readonly string[], i: number): Read<DayRef> | null {
  const date = readDate(tokens, i) ?? readSlashDate(tokens, i) ?? readIsoDay(tokens, i);
  const nth = readNth(tokens, i);
  // "the fourth thursday of november" is more than "the fourth": the longer reading.
  return nth && (!date || nth.end > date.end) ? nth : date;
}

/** "2026-12-10": a date as ISO 8601 writes it (tokens 2026, -, 12, -, 10). */
function readIsoDay(tokens: readonly string[], i: number): Read<DayRef> | null {
  if (!/^\d{4}$/.test(tokens[i] ?? '') || tokens[i + 1] !== '-' || !/^\d{2}$/.test(tokens[i + 2] ?? '') || tokens[i + 3] !== '-' || !/^\d{2}$/.test(tokens[i + 4] ?? '')) return null;
  return { value: { kind: 'date', year: Number(tokens[i]), month: Number(tokens[i + 2]), day: Number(tokens[i + 4]) }, end: i + 5 };
}

/** Tokens as written: "2026 - 12 - 10" -> "2026-12-10", "12 / 10" -> "12/10", "may 3 , 2027" -> "may 3, 2027". */
export const spelled = (tokens: readonly string[]) =>
  tokens
    .join(' ')
    .replace(/ ?([-/]) ?/g, '$1')
    .replace(/ ,/g, ',');

/**
 * A date: "march 3rd", "march 3", "march the 3rd", "3 march", "the 1st of
 * march", "1st of march 2027", "march 3, 2027", "on the 15th" (this month or
 * the next that has it), "the 15th of next month".
 */
function readDate(tokens: readonly string[], i: number): Read<DayRef> | null {
  // "in 2027 on march 3", "in 2027, on the 3rd of march": the year said first, as "march 3 in 2027" says it last.
  if (tokens[i] === 'in' && /^(?:19|20)\d\d$/.test(tokens[i + 1] ?? '')) {
    const on = tokens[i + 2] === ',' ? i + 3 : i + 2;
    const date = readDate(tokens, tokens[on] === 'on' ? on + 1 : on);
    if (date?.value.kind === 'date' && date.value.year === undefined && date.value.month !== undefined) return { value: { ...date.value, year: Number(tokens[i + 1]) }, end: date.end };
    return null;
  }
  // "2027 may 22nd", "2027, may 22": the year first, as a year-first date in digits has it.
  const yearFirst = /^(?:19|20)\d\d$/.test(tokens[i] ?? '') ? (tokens[i + 1] === ',' ? i + 2 : i + 1) : -1;
  // "2027 1st dec", "2027, 1 december": the day first after it.
  const dayFirst = yearFirst > 0 && monthAt(tokens, yearFirst) === undefined ? readDate(tokens, yearFirst) : null;
  if (dayFirst?.value.kind === 'date' && dayFirst.value.year === undefined && dayFirst.value.month !== undefined) return { value: { ...dayFirst.value, year: Number(tokens[i]) }, end: dayFirst.end };
  if (yearFirst > 0 && monthAt(tokens, yearFirst) !== undefined) {
    const year = Number(tokens[i]);
    const date = readDate(tokens, yearFirst);
    if (date?.value.kind === 'date' && date.value.year === undefined && date.value.month !== undefined) return { value: { ...date.value, year }, end: date.end };
    // "2027 may": its first day, as "may 2027" is.
    if (!date) return { value: { kind: 'date', day: 1, month: monthAt(tokens, yearFirst)!, year, wholeMonth: true }, end: yearFirst + 1 };
  }
  const month = monthAt(tokens, i);
  if (month !== undefined) {
    let j = i + 1;
    if (tokens[j] === 'the') j++;
    // "jul-8-27", "dec-25-2027": joined by hyphens, the number after the day is its year (as in "21-apr-16"), not a range's end.
    const hyphened = tokens[j] === '-' && /^\d{1,2}$/.test(tokens[j + 1] ?? '');
    if (hyphened) j++;
    const day = readDayNumber(tokens, j);
    if (!day) {
      // "march 2027": its first day.
      const year = yearOf(tokens[i + 1]);
      return year === undefined ? null : { value: { kind: 'date', day: 1, month, year, wholeMonth: true }, end: i + 2 };
    }
    const last = hyphened ? null : dayRangeEnd(tokens, day.end, day.value);
    if (last) throw dayRange(tokens[i]!, day.value, last.value);
    return withYear(tokens, day.end, { kind: 'date', day: day.value, month });
  }
  const start = tokens[i] === 'the' ? i + 1 : i;
  // "20-22 dec", "1 to 8 september" (not "9-11 dec 3", hours on a date).
  const first = readOrdinal(tokens, start)?.value ?? (/^\d{1,2}$/.test(tokens[start] ?? '') ? Number(tokens[start]) : undefined);
  const last = first === undefined ? null : dayRangeEnd(tokens, start + 1, first);
  const rangeMonth = last ? (tokens[last.end] === 'of' ? last.end + 1 : last.end) : -1;
  if (last && monthAt(tokens, rangeMonth) !== undefined && !readDayNumber(tokens, rangeMonth + 1)) throw dayRange(tokens[rangeMonth]!, first!, last.value);
  const day = readDayNumber(tokens, start, start > i);
  if (!day) return null;
  let j = day.end;
  // "25th of march", "3 in may", "22-feb".
  if (tokens[j] === 'of' || ((tokens[j] === 'in' || tokens[j] === '-') && monthAt(tokens, j + 1) !== undefined)) j++;
  const named = monthAt(tokens, j);
  if (named !== undefined) return withYear(tokens, j + 1, { kind: 'date', day: day.value, month: named });
  const relative = readMonthRef(tokens, j);
  if (relative && tokens[j - 1] === 'of' && 'relative' in relative.value) {
    return { value: { kind: 'nth', nth: day.value, weekday: null, of: relative.value }, end: relative.end };
  }
  // "the 10th of next october", as "next october 10th".
  if (relative && tokens[j - 1] === 'of' && 'month' in relative.value && relative.value.nextSaid) {
    return { value: { kind: 'month', month: relative.value.month, mode: 'next', day: day.value }, end: relative.end };
  }
  // "the 15th of the quarter", "the 15th of q2": the 15th day of it, as "the 15th day of the quarter" is.
  const quarter = tokens[j - 1] === 'of' && day.ordinal ? readQuarterRef(tokens, j, false) : null;
  if (quarter && 'quarter' in quarter.value) return { value: { kind: 'nth', nth: day.value, weekday: null, of: quarter.value }, end: quarter.end };
  if (quarter && 'month' in quarter.value)
    return { value: { kind: 'date', day: day.value, month: quarter.value.month, ...(quarter.value.year !== undefined ? { year: quarter.value.year } : {}) }, end: quarter.end };
  // A bare day of the month needs an ordinal ("the 15th", "on the 15th", "15th") or "on" ("on 15"): a bare "15" is an hour.
  return day.ordinal ? { value: { kind: 'date', day: day.value }, end: day.end } : null;
}

/** "3rd", "third", "3" (a plain number only next to a month name or after "the"). */
function readDayNumber(tokens: readonly string[], i: number, afterThe = false): (Read<number> & { ordinal: boolean }) | null {
  const ordinal = readOrdinal(tokens, i);
  if (ordinal) return { ...ordinal, ordinal: true };
  const word = tokens[i];
  // "may twenty one": a day in words right after its month.
  // "twenty three january", "five of march": one right before its month, as "23 january" is (after "at" it is a clock:
  // "at five may 3").
  if (word !== undefined && /^[a-z]/.test(word)) {
    const spoken = readNumber(tokens, i, { articles: false });
    const monthNext = spoken && monthAt(tokens, ['of', '-'].includes(tokens[spoken.end] ?? '') ? spoken.end + 1 : spoken.end) !== undefined;
    const beside = monthAt(tokens, i - 1) !== undefined || (monthNext && tokens[i - 1] !== 'at' && tokens[i - 1] !== '@');
    if (spoken && beside && Number.isInteger(spoken.value) && spoken.value >= 1 && spoken.value <= 31) return { ...spoken, ordinal: false };
  }
  if (word === undefined || !/^\d{1,2}$/.test(word)) return null;
  const next = tokens[i + 1];
  // "20 of next month": a number of a month is its day.
  const ofMonth = next === 'of' && readMonthRef(tokens, i + 2) !== null;
  const nextToMonth =
    ofMonth || monthAt(tokens, tokens[i - 1] === '-' ? i - 2 : i - 1) !== undefined || tokens[i - 1] === 'the' || monthAt(tokens, next === 'of' || next === '-' ? i + 2 : i + 1) !== undefined;
  // "on 15", "8pm on 15": "on" puts a day before a number (a clock is "at 15"); "on 9 am" is still a clock.
  // Not a count after it: "11:59 on 3 sundays after next wed".
  const after = tokens[i + 1];
  // "on 10 tonight" is a clock: "tonight" names its own day; "on 15 next month" is a day of that month, as "the 15th next month" is.
  const endsDay =
    after === undefined ||
    [',', 'at', '@'].includes(after) ||
    readClock(tokens, i + 1) !== null ||
    (partOfDay(after) !== undefined && after !== 'tonight') ||
    (['next', 'this'].includes(after) && tokens[i + 2] === 'month');
  const onDay = tokens[i - 1] === 'on' && Number(word) >= 1 && Number(word) <= 31 && (readClock(tokens, i)?.end ?? i + 1) === i + 1 && endsDay;
  return nextToMonth || afterThe || onDay ? { value: Number(word), end: i + 1, ordinal: afterThe || onDay } : null;
}

/** Words between the first and last day of a range. */
const RANGE_LINKS = new Set(['-', '–', 'to', 'through', 'thru', 'till', 'until']);

/**
 * "-22" in "dec 20-22", "to 8th" in "1 to 8th september": a later day of the month after a range word at `i`,
 * where one day is asked for; null when there is none. A clock after the word ("dec 20 - 5pm") is no day.
 */
function dayRangeEnd(tokens: readonly string[], i: number, first: number): Read<number> | null {
  if (!RANGE_LINKS.has(tokens[i] ?? '')) return null;
  const last = readOrdinal(tokens, i + 1) ?? (/^\d{1,2}$/.test(tokens[i + 1] ?? '') ? { value: Number(tokens[i + 1]), end: i + 2 } : null);
  if (!last || last.value <= first || last.value > 31 || (readClock(tokens, i + 1)?.end ?? 0) > last.end) return null;
  return last;
}

function dayOrHour(month: number, year: number, said: string): PartsClash {
  const name = MONTH_NAMES[month - 1]!.toLowerCase();
  return new PartsClash(
    `leaves '${said}' open: a day of ${name} ${year}, or an hour`,
    `Write '${name} ${said} ${year}' for the day, or '${name} ${year} at ${said.padStart(2, '0')}:00' for the time.`,
  );
}

/** Words that run from one day to another said in full ("-" joins days of one month: dayRangeEnd). */
const DAY_SPAN_LINKS = new Set(['to', 'through', 'thru']);

function daySpan(first: string, last: string): PartsClash {
  return new PartsClash(
    `is a range of days ('${first}' to '${last}'); a one-time message is sent on one`,
    `Give one day, such as '${last} at 9am'; to send on each day, give --cron a time and an end, such as 'daily at 9am until ${last}'.`,
  );
}

function dayRange(month: string, first: number, last: number): PartsClash {
  return new PartsClash(
    'is a range of days; a one-time message is sent on one',
    `Give one day, such as '${month} ${first} at 9am'; to send on each day, give --cron a time and the range, such as 'daily at 9am from ${month} ${first} until ${month} ${last}'.`,
  );
}

/** "2027", and "'27" (this century's, as a two-digit year after a slash is). */
export function yearOf(token: string | undefined): number | undefined {
  return /^\d{4}$/.test(token ?? '') ? Number(token) : /^'\d{2}$/.test(token ?? '') ? fullYear(token!.slice(1)) : undefined;
}

function withYear(tokens: readonly string[], i: number, date: Extract<DayRef, { kind: 'date' }>): Read<DayRef> {
  // "march 3, 2027", "22-feb-2027".
  const j = tokens[i] === ',' || (tokens[i] === '-' && /^\d{4}$/.test(tokens[i + 1] ?? '')) ? i + 1 : i;
  const year = yearOf(tokens[j]);
  if (year !== undefined) return { value: { ...date, year, ...(/^(?:[01]\d|2[0-3])[0-5]\d$/.test(tokens[j]!) ? { yearOrClock: true as const } : {}) }, end: j + 1 };
  // "21-apr-16": two digits after a hyphen are the year, as after a slash ("4/21/16").
  if (tokens[i] === '-' && /^\d{2}$/.test(tokens[i + 1] ?? '')) return { value: { ...date, year: fullYear(tokens[i + 1]!) }, end: i + 2 };
  // "july 4th of 2027", "28 june in 2027", "the 2nd of february in the year 2027", "1st oct in the year '27".
  if (date.month !== undefined && (tokens[i] === 'of' || tokens[i] === 'in')) {
    const at = tokens[i + 1] === 'the' && tokens[i + 2] === 'year' ? i + 3 : i + 1;
    const said = /^(?:\d{4}|'\d{2})$/.test(tokens[at] ?? '') ? yearOf(tokens[at]) : undefined;
    if (said !== undefined) return { value: { ...date, year: said }, end: at + 1 };
  }
  // "march 3 next year", "march 3rd of next year"
  const next = tokens[j] === 'of' ? j + 1 : j;
  if (date.month !== undefined && tokens[next] === 'next' && tokens[next + 1] === 'year') return { value: { ...date, years: 1 }, end: next + 2 };
  return { value: date, end: i };
}

/**
 * The nth or last weekday (or day) of a month: "first wednesday of march",
 * "3rd thu in may", "last thursday of next month", "last day of the month",
 * "the second monday of june 2027", "end of the month", "start of next month", "end of the year".
 */
function readNth(tokens: readonly string[], i: number): Read<DayRef> | null {
  const start = tokens[i] === 'the' ? i + 1 : i;
  // "end of the month", "start of next month", "beginning of march"
  const edge = tokens[start] === 'end' ? -1 : tokens[start] === 'start' || tokens[start] === 'beginning' ? 1 : 0;
  if (edge !== 0 && tokens[start + 1] === 'of') {
    // "end of the year" (31 December), "start of next year" (1 January): the coming one.
    const which = tokens[start + 2];
    // "end of year", without "the", is the same.
    if (which === 'year') return { value: { kind: 'nth', nth: edge, weekday: null, ...(edge === -1 ? { endSaid: true as const } : {}), of: { month: edge === -1 ? 12 : 1 } }, end: start + 3 };
    // "end of month", as "end of the month".
    if (which === 'month') return { value: { kind: 'nth', nth: edge, weekday: null, ...(edge === -1 ? { endSaid: true as const } : {}), of: { relative: 'the' } }, end: start + 3 };
    if (tokens[start + 3] === 'year' && (which === 'the' || (which === 'this' && edge === -1) || (which === 'next' && edge === 1))) {
      return { value: { kind: 'nth', nth: edge, weekday: null, ...(edge === -1 ? { endSaid: true as const } : {}), of: { month: edge === -1 ? 12 : 1 } }, end: start + 4 };
    }
    // "the end of next year" (its 31 December), "the beginning of 2027", "end of 2027".
    if (tokens[start + 3] === 'year' && which === 'next') return { value: { kind: 'nth', nth: edge, weekday: null, endSaid: true, of: { month: 12, years: 1 } }, end: start + 4 };
    const year = yearOf(which);
    if (year !== undefined) return { value: { kind: 'nth', nth: edge, weekday: null, ...(edge === -1 ? { endSaid: true as const } : {}), of: { month: edge === -1 ? 12 : 1, year } }, end: start + 3 };
    const of = readMonthRef(tokens, start + 2) ?? readQuarterRef(tokens, start + 2, edge === -1);
    return of ? { value: { kind: 'nth', nth: edge, weekday: null, ...(edge === -1 ? { endSaid: true as const } : {}), of: of.value }, end: of.end } : null;
  }
  let nth = tokens[start] === 'last' || tokens[start] === 'final' ? { value: -1, end: start + 1 } : tokens[start] === 'penultimate' ? { value: -2, end: start + 1 } : readOrdinal(tokens, start);
  if (!nth) return null;
  const ofYear = readNthOfYear(tokens, nth);
  if (ofYear) return ofYear;
  // "2nd last friday", "second to (the) last friday" ("first to last day" is a range, from the first to the last).
  const toLast = tokens[nth.end] === 'to' && nth.value >= 2 ? (tokens[nth.end + 1] === 'the' ? nth.end + 2 : nth.end + 1) : 0;
  const fromEnd = tokens[nth.end] === 'last' ? nth.end + 1 : toLast && tokens[toLast] === 'last' ? toLast + 1 : 0;
  if (fromEnd && nth.value > 0 && (weekdayAt(tokens, fromEnd) !== undefined || tokens[fromEnd] === 'day')) nth = { value: -nth.value, end: fromEnd };
  const weekday = weekdayAt(tokens, nth.end);
  const isDay = tokens[nth.end] === 'day';
  // "the last weekday of the month", "the first business day of next month": Monday to Friday.
  const workday = Math.max(0, workdayWordEnd(tokens, nth.end) - nth.end);
  if (weekday === undefined && !isDay && !workday) return null;
  const end = nth.end + Math.max(workday, 1) - 1;
  const link = tokens[end + 1];
  // "the 2nd monday before may 25", "the third friday after christmas": counted from that day, a week for each after the first.
  if ((link === 'before' || link === 'after') && weekday !== undefined && nth.value > 0 && !workday) {
    const near = readWeekdayNear(tokens, nth.end);
    if (near && near.value.kind === 'near') return { value: { kind: 'shift', days: 7 * (nth.value - 1) * near.value.direction, from: near.value, said: near.value.said }, end: near.end };
  }
  // "fifth friday 2027", "last monday 2028": a year right after, as "of 2027" (its first month, or from the end its last); not
  // a clock ("2027" is 20:27 no more than after "dec 5").
  if (weekday !== undefined && !workday && /^20\d\d$/.test(link ?? '')) {
    return { value: { kind: 'nth', nth: nth.value, weekday, of: { month: nth.value < 0 ? 12 : 1, year: Number(link) } }, end: end + 2 };
  }
  // "first sunday next month", "3rd thursday this september": the month right after, without "of".
  const of =
    link === 'of' || link === 'in'
      ? (readMonthRef(tokens, end + 2) ?? readQuarterRef(tokens, end + 2, nth.value < 0))
      : /^(?:this|next)$/.test(link ?? '')
        ? (readMonthRef(tokens, end + 1) ?? readQuarterRef(tokens, end + 1, nth.value < 0))
        : null;
  // "the first tuesday", "2nd friday at 3pm": of the month, as "the first tuesday of the month" (a "last" weekday alone is the past one).
  // "first monday in 2 months": of the month then (dayWithin), read with the offset after it.
  const inMonths = link === 'in' && unitOf(tokens[end + 3]) === 'month' && readNumber(tokens, end + 2)?.end === end + 3;
  if (!of && weekday !== undefined && (link !== 'of' && link !== 'in' ? nth.value > 0 : inMonths))
    return { value: { kind: 'nth', nth: nth.value, weekday, of: { relative: 'the' } }, end: nth.end + 1 };
  if (!of) return null;
  return { value: { kind: 'nth', nth: nth.value, weekday: workday ? 'workday' : isDay ? null : weekday!, of: of.value }, end: of.end };
}

/**
 * "the first day of next year", "the last friday of the year", "the first of next year", "the 2nd monday
 * of 2028": a day of the year's first month (or, counted from the end, of its last) said of the year.
 * Only what falls there: the first four of a weekday, the first 20 working days, the first 31 days.
 */
function readNthOfYear(tokens: readonly string[], nth: Read<number>): Read<DayRef> | null {
  const weekday = weekdayAt(tokens, nth.end);
  const workday = Math.max(0, workdayWordEnd(tokens, nth.end) - nth.end);
  const named = weekday !== undefined || tokens[nth.end] === 'day' ? 1 : workday;
  const link = nth.end + named;
  if (tokens[link] !== 'of' && tokens[link] !== 'in') return null;
  // A bare ordinal of a year is only its first ("the first of next year"): "the 5th of 2027" could be any month's.
  if (named === 0 && (nth.value !== 1 || tokens[link] !== 'of')) return null;
  const which = tokens[link + 1];
  const year = yearOf(which);
  const fromEnd = nth.value < 0;
  let of: MonthRef | undefined;
  let end = link + 3;
  const yearAfter = which === 'the' && tokens[link + 2] === 'year' ? yearOf(tokens[link + 3]) : undefined;
  if (year !== undefined) [of, end] = [{ month: fromEnd ? 12 : 1, year }, link + 2];
  // "the last day of the year 2027": that year's.
  else if (yearAfter !== undefined) [of, end] = [{ month: fromEnd ? 12 : 1, year: yearAfter }, link + 4];
  else if (which === 'year' || (tokens[link + 2] === 'year' && (which === 'the' || (which === 'this' && fromEnd)))) of = { month: fromEnd ? 12 : 1, theYear: true };
  else if (which === 'next' && tokens[link + 2] === 'year') of = { month: fromEnd ? 12 : 1, years: 1 };
  if (which === 'year') end = link + 2;
  if (!of) return null;
  const most = weekday !== undefined ? 4 : workday ? 20 : 31;
  if (Math.abs(nth.value) > most) return null;
  return { value: { kind: 'nth', nth: nth.value, weekday: workday ? 'workday' : (weekday ?? null), of }, end };
}

/** "q1 2027", "the first quarter of 2027", "3rd quarter", "Q3": a quarter of the year by its number, as its first day (as "may 2027" is). */
function readQuarterAlone(tokens: readonly string[], i: number): Read<DayRef> | null {
  // "2027 q1", "2016 the third quarter": the year said first is no clock time.
  const yearFirst = /^\d{4}$/.test(tokens[i] ?? '') ? yearOf(tokens[i]) : undefined;
  if (yearFirst !== undefined) {
    const quarter = quarterAt(tokens, i + 1);
    return quarter && quarter.value.kind === 'date' && quarter.value.year === undefined ? { value: { ...quarter.value, year: yearFirst }, end: quarter.end } : null;
  }
  // "18q4" (Q4 2018, as some write it) is no hour and a quarter.
  if (/^\d+$/.test(tokens[(tokens[i] === 'the' ? i + 1 : i) - 1] ?? '')) return null;
  return quarterAt(tokens, i);
}

function quarterAt(tokens: readonly string[], i: number): Read<DayRef> | null {
  // "next q4", "the next third quarter": the coming one, as the quarter alone is (its start has passed while it runs).
  if (tokens[i] === 'next' || (tokens[i] === 'the' && tokens[i + 1] === 'next')) return quarterAt(tokens, tokens[i] === 'next' ? i + 1 : i + 2);
  if (tokens[i] === 'this') {
    const quarter = quarterAt(tokens, i + 1);
    return quarter?.value.kind === 'date' && quarter.value.year === undefined ? { value: { ...quarter.value, thisQuarter: true }, end: quarter.end } : null;
  }
  const j = tokens[i] === 'the' ? i + 1 : i;
  const ordinal = readOrdinal(tokens, j);
  const n = tokens[j] === 'q' && /^[1-4]$/.test(tokens[j + 1] ?? '') ? Number(tokens[j + 1]) : ordinal && tokens[ordinal.end] === 'quarter' ? ordinal.value : 0;
  if (n < 1 || n > 4) return null;
  const k = tokens[j] === 'q' ? j + 2 : ordinal!.end + 1;
  const at = (tokens[k] === 'of' || tokens[k] === ',') && /^\d{4}$/.test(tokens[k + 1] ?? '') ? k + 1 : k;
  const year = /^\d{4}$/.test(tokens[at] ?? '') ? yearOf(tokens[at]) : undefined;
  const month = 3 * (n - 1) + 1;
  return year !== undefined ? { value: { kind: 'date', day: 1, month, year, wholeQuarter: true }, end: at + 1 } : { value: { kind: 'date', day: 1, month, wholeQuarter: true }, end: k };
}

/**
 * "the quarter", "this quarter", "next quarter", "quarter" (as "the quarter"); "q1", "Q3 2027": a quarter of the year by
 * its number, its first month (`last`: its last), the coming one as a month named alone is.
 */
function readQuarterRef(tokens: readonly string[], i: number, last: boolean): Read<MonthRef> | null {
  if (tokens[i] === 'q' && /^[1-4]$/.test(tokens[i + 1] ?? '')) {
    const month = 3 * (Number(tokens[i + 1]) - 1) + (last ? 3 : 1);
    const year = /^\d{4}$/.test(tokens[i + 2] ?? '') ? yearOf(tokens[i + 2]) : undefined;
    return year !== undefined ? { value: { month, year }, end: i + 3 } : { value: { month }, end: i + 2 };
  }
  if (tokens[i] === 'quarter') return { value: { quarter: 'the' }, end: i + 1 };
  const which = tokens[i];
  if ((which === 'the' || which === 'this' || which === 'next') && tokens[i + 1] === 'quarter') return { value: { quarter: which }, end: i + 2 };
  return null;
}

/** "march", "march 2027", "this march", "next month", "this month", "the month", "the next month", "the current month". */
function readMonthRef(tokens: readonly string[], i: number): Read<MonthRef> | null {
  // "the 10th of next october", "the last sunday of next nov".
  if (tokens[i] === 'next' && monthAt(tokens, i + 1) !== undefined && yearOf(tokens[i + 2]) === undefined) return { value: { month: monthAt(tokens, i + 1)!, nextSaid: true }, end: i + 2 };
  if (tokens[i] === 'this' && monthAt(tokens, i + 1) !== undefined) {
    // "the 1st tuesday this november": this year's, even once passed (said past, not moved to next year).
    const ref = readMonthRef(tokens, i + 1);
    return ref && 'month' in ref.value && ref.value.year === undefined && ref.value.years === undefined ? { ...ref, value: { ...ref.value, thisSaid: true } } : ref;
  }
  const month = monthAt(tokens, i);
  if (month !== undefined) {
    // "november 2027", "november, 2027".
    const at = tokens[i + 1] === ',' && yearOf(tokens[i + 2]) !== undefined ? i + 2 : i + 1;
    const year = yearOf(tokens[at]);
    if (year !== undefined) return { value: { month, year }, end: at + 1 };
    // "the fourth thursday of november next year", "first monday of march of next year".
    const next = tokens[i + 1] === 'of' ? i + 2 : i + 1;
    if (tokens[next] === 'next' && tokens[next + 1] === 'year') return { value: { month, years: 1 }, end: next + 2 };
    return { value: { month }, end: i + 1 };
  }
  const start = tokens[i] === 'the' && (tokens[i + 1] === 'next' || tokens[i + 1] === 'current') ? i + 1 : i;
  const word = tokens[start];
  if (tokens[start + 1] === 'month' && (word === 'this' || word === 'next' || word === 'the' || word === 'current')) {
    // "the 28th of the month after next".
    if (word === 'the' && tokens[start + 2] === 'after' && tokens[start + 3] === 'next') return { value: { relative: 'after-next' }, end: start + 4 };
    return { value: { relative: word === 'current' ? 'this' : word }, end: start + 2 };
  }
  return null;
}

/**
 * "in 6 days", "after 6 days", "in a couple of weeks", "in 2 months", "6 days from now": a
 * day to put a time of day on. "a week from tomorrow", "3 days after friday":
 * that many days from another day. "4 mondays from now": the 4th monday after
 * today.
 */
function readIn(tokens: readonly string[], i: number): Read<DayRef> | null {
  const lead = tokens[i] === 'in' || tokens[i] === 'after' || tokens[i] === '+';
  const count = readNumber(tokens, lead ? i + 1 : i);
  if (!count || !Number.isInteger(count.value)) return null;
  // "4 mondays from now", "2 fridays from today", "in 2 mondays" (the plural: "in 1 mon" may be a month): the nth such weekday after today.
  const weekday = weekdayAt(tokens, count.end);
  const fromToday = !lead && tokens[count.end + 1] === 'from' && (tokens[count.end + 2] === 'now' || tokens[count.end + 2] === 'today');
  if (weekday !== undefined && count.value >= 1 && (fromToday || (tokens[i] === 'in' && tokens[count.end]!.endsWith('days')))) {
    return { value: { kind: 'shift', days: 7 * (count.value - 1), from: { kind: 'weekday', weekday, mode: 'next' } }, end: fromToday ? count.end + 3 : count.end + 1 };
  }
  // "3 mondays after may 25", "2 fridays before christmas": the nth such weekday after (or before) that day, never the day itself.
  const link = tokens[count.end + 1];
  if (!lead && weekday !== undefined && count.value >= 1 && (link === 'after' || link === 'from' || link === 'before')) {
    const near = readWeekdayNear([...tokens.slice(0, count.end + 1), link === 'before' ? 'before' : 'after', ...tokens.slice(count.end + 2)], count.end);
    if (near && near.value.kind === 'near') return { value: { kind: 'shift', days: 7 * (count.value - 1) * near.value.direction, from: near.value, said: near.value.said }, end: near.end };
  }
  // "in 3 business days", "2 working days from now".
  const workdays = workdayWordEnd(tokens, count.end);
  const fromNowAt = workdays > 0 && tokens[workdays] === 'from' && tokens[workdays + 1] === 'now' ? workdays + 2 : -1;
  if (workdays > 0 && count.value >= 1 && (lead || fromNowAt > 0)) return { value: { kind: 'workdays', amount: count.value, elapsed: true }, end: lead ? workdays : fromNowAt };
  // "3 weekdays", "2 business days" opening the phrase: as "in", said (as "3 days" alone is).
  if (workdays > 0 && count.value >= 1 && i === 0 && Number.isInteger(count.value)) {
    return { value: { kind: 'workdays', amount: count.value, elapsed: true, bare: tokens.slice(i, workdays).join(' ') }, end: workdays };
  }
  const said = unitOf(tokens[count.end]);
  // "in a fortnight": two weeks.
  const unit = said === 'fortnight' ? 'week' : said;
  if (said === 'fortnight') count.value *= 2;
  if (unit !== 'day' && unit !== 'week' && unit !== 'month' && unit !== 'year') return null;
  if (!lead && (link === 'from' || link === 'after' || link === 'before') && tokens[count.end + 2] !== 'now' && (unit === 'day' || unit === 'week' || tokens[count.end + 2] !== 'today')) {
    // "2 days before december 25", "a year after christmas": counted back from the next such day, as a date alone is.
    const from = readRelativeDay(tokens, count.end + 2) ?? readWeekday(tokens, count.end + 2) ?? readDayFrom(tokens, count.end + 2);
    const sign = link === 'before' ? -1 : 1;
    const days = count.value * (unit === 'week' ? 7 : unit === 'day' ? 1 : 0) * sign;
    const months = count.value * (unit === 'year' ? 12 : unit === 'month' ? 1 : 0) * sign;
    if (from) return { value: { kind: 'shift', days, ...(months === 0 ? {} : { months }), from: from.value, said: spelled(tokens.slice(count.end + 2, from.end)) }, end: from.end };
  }
  // "6 months from now"; "a month from today" too (a day or week from today is counted from that day, above).
  const fromNow = link === 'from' && (tokens[count.end + 2] === 'now' || tokens[count.end + 2] === 'today');
  if (!lead && !fromNow) return null;
  // "in 2 days time", "in 3 weeks' time".
  const time = lead && tokens[count.end + 1] === 'time' ? 1 : lead && tokens[count.end + 1] === 's' && tokens[count.end + 2] === 'time' ? 2 : 0;
  const offset: Read<DayRef> = { value: { kind: 'in', amount: count.value, unit }, end: count.end + 1 + (fromNow ? 2 : 0) + time };
  // "in 2 weeks on the monday": "the" before the weekday (the other forms are joined by readParts).
  const k = offset.end + (tokens[offset.end] === ',' ? 1 : 0);
  const the = tokens[k] === 'on' && tokens[k + 1] === 'the' ? k + 2 : -1;
  const on = the > 0 && weekdayAt(tokens, the) !== undefined ? dayWithin(offset.value, { kind: 'weekday', weekday: weekdayAt(tokens, the)!, mode: 'this' }) : null;
  return on ? { value: on, end: the + 1 } : offset;
}

/**
 * "a week on monday", "2 weeks on friday", "a fortnight on tuesday" (British): that many weeks after this monday;
 * "a week tomorrow": a week after tomorrow.
 */
function readWeeksOn(tokens: readonly string[], i: number): Read<DayRef> | null {
  const count = readNumber(tokens, i);
  // "a week tomorrow", "2 weeks today" (British): that many weeks after that day.
  const unit0 = count ? unitOf(tokens[count.end]) : undefined;
  const day = count ? tokens[count.end + 1] : undefined;
  if (count && Number.isInteger(count.value) && count.value >= 1 && (unit0 === 'week' || unit0 === 'fortnight') && (day === 'tomorrow' || day === 'today')) {
    return { value: { kind: 'offset', days: count.value * (unit0 === 'week' ? 7 : 14) + (day === 'tomorrow' ? 1 : 0) }, end: count.end + 2 };
  }
  if (!count || !Number.isInteger(count.value) || count.value < 1 || tokens[count.end + 1] !== 'on') return null;
  const unit = unitOf(tokens[count.end]);
  const weekday = weekdayAt(tokens, count.end + 2);
  if ((unit !== 'week' && unit !== 'fortnight') || weekday === undefined) return null;
  const days = count.value * (unit === 'week' ? 7 : 14);
  // "in 2 weeks on monday" is another day (the Monday of the week two weeks from now lands in): a note names it when it differs.
  const other = { day: { kind: 'in', amount: days / 7, unit: 'week', on: weekday } as const, said: `in ${tokens.slice(i, count.end + 3).join(' ')}` };
  return { value: { kind: 'shift', days, from: { kind: 'weekday', weekday, mode: 'this' }, other }, end: count.end + 3 };
}

/** "next week", "next month", "next year": a week (month, year) from today; with a day ("next week on friday"), that day of the span; "this month on the 20th". */
function readNextSpan(tokens: readonly string[], i: number): Read<DayRef> | null {
  // "this month on the 20th": as "the 20th of this month".
  if (tokens[i] === 'this' && tokens[i + 1] === 'month') {
    const date = readDate(tokens, tokens[i + 2] === 'on' ? i + 3 : i + 2);
    if (date?.value.kind === 'date' && date.value.month === undefined && date.value.weekday === undefined) {
      return { value: { kind: 'nth', nth: date.value.day, weekday: null, of: { relative: 'this' } }, end: date.end };
    }
  }
  // "next business day", "the next working day": the first day Monday to Friday after today.
  const next = tokens[i] === 'the' && tokens[i + 1] === 'next' ? i + 1 : i;
  const workday = tokens[next] === 'next' ? workdayWordEnd(tokens, next + 1) : -1;
  if (workday > 0 && !tokens[workday - 1]!.endsWith('s')) return { value: { kind: 'workdays', amount: 1 }, end: workday };
  // "this week": a weekday's week, said apart from it ("monday morning this week"); alone it names no day (readParts).
  if (tokens[i] === 'this' && tokens[i + 1] === 'week') return { value: { kind: 'in', amount: 0, unit: 'week', next: true }, end: i + 2 };
  // "the week after next", "in the month after next": two of them from today, as "next week" is one ("monday afternoon the week after next").
  const the = tokens[i] === 'in' && tokens[i + 1] === 'the' ? i + 1 : i;
  const span = tokens[the] === 'the' ? the + 1 : the;
  const spanUnit = tokens[span];
  if ((spanUnit === 'week' || spanUnit === 'month' || spanUnit === 'year') && tokens[span + 1] === 'after' && tokens[span + 2] === 'next')
    return { value: { kind: 'in', amount: 2, unit: spanUnit, next: true }, end: span + 3 };
  const unit = tokens[i] === 'next' ? tokens[i + 1] : undefined;
  return unit === 'week' || unit === 'month' || unit === 'year' ? { value: { kind: 'in', amount: 1, unit, next: true }, end: i + 2 } : null;
}

/** "next march", "this june", "in march", "this coming march": a month alone, read as its first day. */
function readMonthAlone(tokens: readonly string[], i: number): Read<DayRef> | null {
  const coming = tokens[i] === 'this' && tokens[i + 1] === 'coming';
  // "january" said alone, or before "at": as "in january" ("june, 5" is a date, read elsewhere).
  const next = tokens[i + 1];
  if (monthAt(tokens, i) !== undefined && (next === undefined || next === 'at' || next === '@')) return { value: { kind: 'month', month: monthAt(tokens, i)!, mode: 'this' }, end: i + 1 };
  // "november next year", "november of next year": its first day, as "november 2027" is.
  const of = next === 'of' ? i + 2 : i + 1;
  if (monthAt(tokens, i) !== undefined && tokens[of] === 'next' && tokens[of + 1] === 'year')
    return { value: { kind: 'date', day: 1, month: monthAt(tokens, i)!, years: 1, wholeMonth: true }, end: of + 2 };
  const lead = tokens[i];
  if (lead !== 'next' && lead !== 'this' && lead !== 'in') return null;
  const at = coming ? i + 2 : i + 1;
  const month = monthAt(tokens, at);
  if (month === undefined) return null;
  // "in march 2027": the first of that month, as "march 2027" is.
  const year = yearOf(tokens[at + 1]);
  if (year !== undefined) return lead === 'in' ? { value: { kind: 'date', day: 1, month, year, wholeMonth: true }, end: at + 2 } : null;
  const mode = lead === 'next' || coming ? 'next' : 'this';
  // "next june 5", "this june 5th", "in march 3": a day of that month (a bare number after a month is its day, never a clock).
  // ("next june 5pm", "in march 15:30" are clocks; "next june 20", alone, is the 20th, as "june 20" is.)
  const clock = readClock(tokens, at + 1);
  const bareNumber = clock !== null && /^\d{1,2}$/.test(tokens[at + 1] ?? '') && clock.end === at + 2;
  const day = clock?.ambiguous === false && !bareNumber ? null : readDayNumber(tokens, at + 1);
  if (day) return { value: { kind: 'month', month, mode, day: day.value }, end: day.end };
  return { value: { kind: 'month', month, mode }, end: at + 1 };
}

/**
 * "4/25", "12/25/2026", "25/12": a date in digits. A day over 12 says which
 * number is the day; when both could be, the month is read first (the
 * order chrono-node used), and a note says so.
 */
function readSlashDate(tokens: readonly string[], i: number): Read<DayRef> | null {
  if (!/^\d{1,2}$/.test(tokens[i] ?? '') || tokens[i + 1] !== '/' || !/^\d{1,2}$/.test(tokens[i + 2] ?? '')) return null;
  const [a, b] = [Number(tokens[i]), Number(tokens[i + 2])];
  // "12/25/2026", and "12/25/26" in this century.
  const slashed = tokens[i + 3] === '/' && /^(?:\d{2}|\d{4})$/.test(tokens[i + 4] ?? '');
  // "12/5 2027", "12/25, 2027": a year after a space or a comma, as after a slash.
  const comma = !slashed && tokens[i + 3] === ',' && /^\d{4}$/.test(tokens[i + 4] ?? '') ? 1 : 0;
  const spaced = !slashed && /^\d{4}$/.test(tokens[i + 3 + comma] ?? '');
  const year = slashed ? (tokens[i + 4]!.length === 2 ? fullYear(tokens[i + 4]!) : Number(tokens[i + 4])) : spaced ? Number(tokens[i + 3 + comma]) : undefined;
  const end = slashed ? i + 5 : spaced ? i + 4 + comma : i + 3;
  if (tokens[end] === '/') return null;
  // "16/05/31": two digits, a month and a day, as the year, the month and the day are written ("16-05-31" comes as this).
  const first = slashed && /^\d{2}$/.test(tokens[i]!) && tokens[i + 4]!.length === 2 ? { year: fullYear(tokens[i]!), month: b, day: Number(tokens[i + 4]) } : undefined;
  const yearFirst = first && first.month >= 1 && first.month <= 12 && first.day >= 1 && first.day <= daysInMonth(first.year, first.month) ? { yearFirst: first } : {};
  if (a > 12 && b <= 12) return { value: { kind: 'date', day: a, month: b, ...(year === undefined ? {} : { year }), ...yearFirst }, end };
  if (a > 12 || b > 31 || a === 0 || b === 0) return null;
  return { value: { kind: 'date', day: b, month: a, ...(year === undefined ? {} : { year }), monthFirst: b <= 12 && a !== b, ...yearFirst }, end };
}
