/**
 * The one-time phrase's parts (read-once) as an instant on a calendar: which
 * Friday "next friday" is, which year "march 3" falls in, what a clock
 * without am/pm means; every choice the spec leaves is a note.
 */
import { UsageError } from '../errors';
import { eveningTwelveNote, partHolds, partNote, settleClock, type ClockTime } from './clock';
import { checkCalendar, DATE_HINT } from './iso';
import { MONTH_NAMES, PART_HOURS, WEEKDAY_NAMES, monthFirstNote, yearLastNote } from './lexicon';
import type { Calendar } from './once-zone';
import type { DayRef, OnceParts } from './read-once';
import { addDays, dayLabel, daysInMonth, dstNote, formatClock, formatDate, isDayBefore, secondOccurrence, type WallTime } from './zone';
import { ordinalDay } from './words';

const ordinalName = (n: number): string => (n === -1 ? 'last' : n < 0 ? `${ordinalName(-n)} last` : (['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? ordinalDay(n)));

/**
 * The instant the parts name on `calendar`, from `now`: the rules of the
 * spec (a day with no time is at 09:00; a weekday alone is today if its
 * time is ahead; "next friday" is never today) and their extensions.
 * Past instants are returned as they are; the caller refuses them.
 */
export function resolveParts(
  said: OnceParts,
  calendar: Calendar,
  now: number,
  input: string,
  notes: string[] = [],
  dayClock: ClockTime = { hour: 9, minute: 0 },
  /** The day resolved is one another is counted from ("a week from today at 9"): its time is the phrase's, not this day's. */
  isCountedFrom = false,
): number {
  const parts = dayOrHour(said, calendar.wall(now), notes);
  const { clock, carry } = clockOf(parts, notes, parts.day?.kind === 'workdays' && parts.day.elapsed ? calendar.wall(now) : dayClock, input);
  // "end of the month": its last day, at the day's time as any day alone is (its end names no hour); said.
  if (parts.day?.kind === 'nth' && parts.day.endSaid && !parts.clock && !parts.part) {
    notes.push(`read '${input}' as its last day at ${formatClock(clock.hour, clock.minute)}; give the time for another, such as '${input} at 5pm'`);
  }
  // The day a day is counted from ("3 days after next friday"), with the notes of reading it when the phrase wrote it;
  // `after`: the first such day after that instant instead of after now.
  const fromDay = (day: Extract<DayRef, { kind: 'shift' | 'near' }>, after = now, say = after === now) => {
    const fromNotes: string[] = [];
    const instant = resolveParts({ ...parts, day: day.from }, calendar, after, day.said ?? input, fromNotes, dayClock, true);
    if (day.said !== undefined && say) notes.push(...fromNotes.filter((note) => !notes.includes(note)));
    return instant;
  };
  // A day counted from another, at the phrase's time of day (said in a note when the clocks skip or repeat it then).
  const onDay = (date: { year: number; month: number; day: number }) => {
    const instant = calendar.at({ ...date, hour: clock.hour, minute: clock.minute, second: 0 });
    const skippedOrTwice = dstNote(calendar.wall, instant, clock);
    if (skippedOrTwice && !notes.includes(skippedOrTwice)) notes.push(skippedOrTwice);
    return instant;
  };
  // A day counted from another ("3 days before friday"); when that is past and the day counted from recurs, from its
  // first one that leaves it ahead (said on a Wednesday, 3 days before next week's Friday), with a note.
  const countedFrom = (day: Extract<DayRef, { kind: 'shift' | 'near' }>, count: (from: WallTime) => { year: number; month: number; day: number }) => {
    const mark = notes.length;
    let fromAt = fromDay(day);
    let from = calendar.wall(fromAt);
    let date = count(from);
    let instant = onDay(date);
    // With its year when that is not this one ("counted from Wed 1 Mar 2028").
    const label = (day: { year: number; month: number; day: number }) => `${dayLabel(day)}${day.year === calendar.wall(now).year ? '' : ` ${day.year}`}`;
    if (day.from.kind === 'date' && recurs(day.from)) {
      // "2 weeks after dec 25" on 28 Dec: counted from the one just gone it is still ahead, and that is the one meant.
      const beforeAt = fromDay(day, fromAt - 367 * 86_400_000);
      const before = calendar.wall(beforeAt);
      const beforeDate = count(before);
      const beforeInstant = onDay(beforeDate);
      // Only a day nearer gone than to come is the one meant: "a year after christmas" on 2 December is after the coming one.
      if (beforeInstant > now && beforeInstant < instant && now - beforeAt < fromAt - now) {
        // The notes of reading the day counted from are those of the one just gone.
        notes.splice(mark);
        fromDay(day, fromAt - 367 * 86_400_000, true);
        notes.push(`read '${input}' as ${label(beforeDate)}, counted from ${label(before)}, which has passed; counted from ${label(from)} it is ${label(date)}`);
        return { instant: beforeInstant, from: before, date: beforeDate };
      }
    }
    if (instant > now || !recurs(day.from)) return { instant, from, date };
    const passed = from;
    for (let tries = 0; instant <= now && tries < 60; tries++) {
      fromAt = fromDay(day, fromAt);
      from = calendar.wall(fromAt);
      date = count(from);
      instant = onDay(date);
    }
    notes.push(`read '${input}' as ${label(date)}, counted from ${label(from)}; counted from ${label(passed)} it has passed`);
    return { instant, from, date };
  };
  if (parts.day?.kind === 'near') {
    const { weekday, direction } = parts.day;
    return countedFrom(parts.day, (from) => addDays(from, direction === 1 ? (weekday - from.weekday + 7) % 7 || 7 : -((from.weekday - weekday + 7) % 7 || 7))).instant;
  }
  if (parts.day?.kind === 'shift') {
    // The day it counts from, then that many calendar days on.
    const { days, months = 0 } = parts.day;
    const { instant, from, date } = countedFrom(parts.day, (from) => addDays(addMonths(from, months), days));
    const other = parts.day.other && resolveParts({ ...parts, day: parts.day.other.day }, calendar, now, input, [], dayClock);
    if (other !== undefined && other !== instant) {
      const weeks = parts.day.days / 7;
      notes.push(`read '${input}' as ${dayLabel(date)}, ${weeks} week${weeks === 1 ? '' : 's'} after ${dayLabel(from)}; write '${parts.day.other!.said}' for ${dayLabel(calendar.wall(other))}`);
    }
    return instant;
  }
  const today = calendar.wall(now);
  const at = (date: { year: number; month: number; day: number }) => {
    const shifted = carry ? addDays(date, carry) : date;
    return calendar.at({ year: shifted.year, month: shifted.month, day: shifted.day, hour: clock.hour, minute: clock.minute, second: 0 });
  };
  const inDays = (days: number) => at(addDays(today, days));
  const midnight = parts.day !== undefined && /\bmidnight\b/.test(parts.clock?.text ?? '') && clock.hour === 0 && clock.minute === 0;
  if (midnight && parts.day!.kind === 'offset' && parts.day!.days === 0) {
    // "today at midnight": the midnight as today began has always passed; the one that ends it is meant.
    const end = inDays(1);
    notes.push(`read '${input}' as 00:00 as ${dayLabel(calendar.wall(end))} begins, the midnight that ends today`);
    return end;
  }
  // A time with no day whose first occurrence today has passed but whose second, after the clocks went back, has not.
  const first = parts.day === undefined || (parts.day.kind === 'offset' && parts.day.days === 0) ? inDays(0) : undefined;
  const second = first !== undefined && first <= now ? secondOccurrence(calendar.wall, first, now) : undefined;
  let instant = second ?? dayInstant(parts, today, at, inDays, now, input, notes, calendar.monthFirst === true);
  let clockAt = clock;
  // "today at 6" said at 10:00: the morning's has passed and the day is said, so the evening's is the one meant.
  if (!isCountedFrom && instant <= now && parts.clock?.ambiguous && !parts.part && clock.hour < 12 && parts.day?.kind === 'offset' && parts.day.days === 0) {
    const evening = calendar.at({ ...today, hour: clock.hour + 12, minute: clock.minute, second: 0 });
    if (evening > now) {
      // The rule's own note (morning) gives way to this one.
      const settledNote = notes.indexOf(settleClock(parts.clock).note ?? '');
      if (settledNote >= 0) notes.splice(settledNote, 1);
      notes.push(
        `read '${parts.clock.text}' as ${formatClock(clock.hour + 12, clock.minute)}, as ${formatClock(clock.hour, clock.minute)} today has passed; write 'tomorrow at ${parts.clock.text}' for ${formatClock(clock.hour, clock.minute)} tomorrow`,
      );
      instant = evening;
      clockAt = { hour: clock.hour + 12, minute: clock.minute };
    }
  }
  // "tonight at 2am" said at 00:30: tonight is the night of the day that has just begun, so its 02:00 is a day away.
  if (carry === 1 && parts.part === 'night' && today.hour < SMALL_HOURS_END && /\b(?:tonight|tonite|2nite|2night)\b/.test(input)) {
    const at = formatClock(clock.hour, clock.minute);
    const todays = calendar.at({ ...today, hour: clock.hour, minute: clock.minute, second: 0 }) > now;
    notes.push(
      `read 'tonight' as the night of ${dayLabel(today)}: ${SMALL_HOURS} ${dayLabel(today)} (${formatClock(today.hour, today.minute)}), so ${at} is ${dayLabel(calendar.wall(instant))}${todays ? `; for ${at} in a few hours, say 'today at ${at}'` : ''}`,
    );
  }
  // "new year's eve at midnight", "christmas eve at midnight": the midnight an eve is kept for is the one that ends it.
  if (midnight && /\beve\b/.test(input)) {
    let start: { year: number; month: number; day: number } = calendar.wall(instant);
    // Said on the eve itself, its midnight as it began has passed and the day was read a year on: tonight's is meant.
    const tonight = { year: today.year, month: today.month, day: today.day };
    if (start.year > today.year && start.month === today.month && start.day === today.day) {
      start = tonight;
      for (let k = notes.length - 1; k >= 0; k--) if (isPassedThisYearNote(notes[k]!)) notes.splice(k, 1);
    }
    const end = calendar.at({ ...addDays(start, 1), hour: 0, minute: 0, second: 0 });
    notes.push(`read '${input}' as 00:00 as ${dayLabel(calendar.wall(end))} begins, the midnight that ends the eve; write '${dateWords(start)} 00:00' for midnight as it begins`);
    return end;
  }
  const skippedOrTwice = dstNote(calendar.wall, instant, clockAt);
  if (skippedOrTwice) notes.push(skippedOrTwice);
  if (midnight) notes.push(midnightNote(calendar.wall(instant), input));
  return instant;
}

/**
 * "monday 14", "sat 19": the weekday's day of the month when another time is said ("saturday 12 at noon") or when the
 * number is no hour of a 12-hour clock and this month or the next has that day on that weekday (said in a note); else
 * the weekday at that hour, as "monday at 14".
 */
function dayOrHour(parts: OnceParts, today: WallTime, notes: string[]): OnceParts {
  if (parts.day?.kind !== 'date' || parts.day.orHour === undefined) return parts;
  const { orHour, ...date } = parts.day;
  if (parts.clock) return { ...parts, day: date };
  const weekday = date.weekday!;
  const soon = [0, 1]
    .map((k) => ({ year: today.year + Math.floor((today.month - 1 + k) / 12), month: ((today.month - 1 + k) % 12) + 1, day: date.day }))
    .find((d) => d.day <= daysInMonth(d.year, d.month) && addDays(d, 0).weekday === weekday && (d.year > today.year || d.month > today.month || d.day > today.day));
  const name = WEEKDAY_NAMES[weekday]!.toLowerCase();
  if (date.day < 13 || !soon) {
    // An hour of the 24-hour clock ("monday 15") reads without a note of its own; that it was no day of the month is said.
    if (date.day >= 13) notes.push(`read '${name} ${date.day}' as ${formatClock(date.day, 0)} on ${WEEKDAY_NAMES[weekday]}; write '${name} the ${ordinalDay(date.day)}' for a date`);
    return { ...parts, day: { kind: 'weekday', weekday, mode: 'this' }, clock: orHour };
  }
  notes.push(`read '${name} ${date.day}' as ${dayLabel(soon)}, the ${ordinalDay(date.day)}; write '${name} at ${date.day}:00' for the time`);
  return { ...parts, day: { ...date, ...soon } };
}

/** Whether a day counted from has a later one of the same name: "friday", "december 25" (not "tomorrow", "next friday" or "dec 25 2027"). */
function recurs(day: DayRef): boolean {
  return (day.kind === 'weekday' && day.mode === 'this') || (day.kind === 'date' && day.year === undefined && day.years === undefined);
}

/**
 * "tomorrow at midnight", "midnight friday": the spec's reading is 00:00 as that day starts, the
 * night before it, while many mean the night that ends it; a note names the other.
 */
function midnightNote(start: WallTime, input: string): string {
  const end = addDays(start, 1);
  const month = (date: { month: number }) => MONTH_NAMES[date.month - 1]!.slice(0, 3).toLowerCase();
  return `read '${input}' as 00:00 as ${dayLabel(start)} begins; write '${month(end)} ${end.day} 00:00' for midnight at its end`;
}

/** Before this hour, a night owl's "tomorrow" may be the day that has just begun. */
const SMALL_HOURS_END = 4;
const SMALL_HOURS = 'it is already';

/** Whether a note is the small-hours one ("read 'tomorrow' as ...: it is already ..."), which only the user's own clock can raise. */
export function isSmallHoursNote(note: string): boolean {
  return note.startsWith("read 'tomorrow' as ") && note.includes(`: ${SMALL_HOURS} `);
}

function dayInstant(parts: OnceParts, today: WallTime, at: DateInstant, inDays: DayInstant, now: number, input: string, notes: string[], monthFirstWhere: boolean): number {
  const day = parts.day;

  if (!day) {
    if (parts.today) return inDays(0);
    const instant = inDays(0);
    return instant <= now ? inDays(1) : instant;
  }
  switch (day.kind) {
    case 'offset':
      // Up past midnight, "tomorrow" may mean the day that has just begun: the day read is said.
      if (day.days === 1 && today.hour < SMALL_HOURS_END) {
        notes.push(`read 'tomorrow' as ${dayLabel(addDays(today, 1))}: ${SMALL_HOURS} ${dayLabel(today)} (${formatClock(today.hour, today.minute)}); for later today say 'today'`);
      }
      return inDays(day.days);
    case 'in':
      if (day.on !== undefined) return withinInstant(day as Extract<DayRef, { kind: 'in' }> & { on: number }, today, at, input, notes);
      if (day.next) {
        const date = day.unit === 'week' ? addDays(today, 7 * day.amount) : addMonths(today, day.amount * (day.unit === 'year' ? 12 : 1));
        if (day.amount === 2) {
          const other = day.unit === 'week' ? 'monday the week after next' : day.unit === 'month' ? 'the 1st of the month after next' : `january 1st ${today.year + 2}`;
          notes.push(`read 'the ${day.unit} after next' as ${dayLabel(date)}${day.unit === 'week' ? '' : ` ${date.year}`}, two ${day.unit}s from today; give the day for another, such as '${other}'`);
          return at(date);
        }
        const example = day.unit === 'week' ? 'monday next week' : day.unit === 'month' ? 'the 1st of next month' : `january 1st ${today.year + 1}`;
        notes.push(`read 'next ${day.unit}' as ${dayLabel(date)}${day.unit === 'year' ? ` ${date.year}` : ''}, a ${day.unit} from today; give the day for another, such as '${example}'`);
        return at(date);
      }
      if (day.unit === 'day' || day.unit === 'week') return inDays(day.amount * (day.unit === 'week' ? 7 : 1));
      const date = addMonths(today, day.amount * (day.unit === 'year' ? 12 : 1));
      // "a month from today" on 31 January: February has no 31st, so its last day, said.
      if (date.day !== today.day)
        notes.push(`read '${input}' as ${dayLabel(date)}${date.year === today.year ? '' : ` ${date.year}`}, the last day of ${MONTH_NAMES[date.month - 1]}, which has no ${ordinalDay(today.day)}`);
      return at(date);
    case 'workdays': {
      if (day.bare !== undefined) notes.push(`read '${day.bare}' as counted from now; write 'in ${day.bare}' to say so, or give a day and time`);
      // Any 7 days in a row hold 5 workdays: whole weeks first, so a huge count is no long loop.
      const weeks = Math.floor((day.amount - 1) / 5);
      let days = 7 * weeks;
      for (let counted = 5 * weeks; counted < day.amount;) if (addDays(today, ++days).weekday % 6 !== 0) counted++;
      return inDays(days);
    }
    case 'weekday':
      return weekdayInstant(day, today, inDays, now, input, notes);
    case 'weekend':
      return weekendInstant(day, today, inDays, now, input, notes);
    case 'date':
      if (day.monthFirst && day.weekday !== undefined) {
        // "thu 12/10", "thu 10.12.2026": the weekday tells which number is the month (when both fit, the note below says which was read).
        const attempt = (date: typeof day): number | Error => {
          try {
            return dateInstant(date, today, at, now, input, []);
          } catch (error) {
            return error as Error;
          }
        };
        const monthFirst = attempt(day);
        const dayFirst = attempt({ ...day, day: day.month!, month: day.day });
        if (typeof dayFirst !== 'number') {
          if (typeof monthFirst !== 'number') throw monthFirst;
          return dateInstant(day, today, at, now, input, notes);
        }
        if (typeof monthFirst !== 'number') return dateInstant({ ...day, day: day.month!, month: day.day }, today, at, now, input, notes);
      }
      if (day.monthFirst && !monthFirstWhere && day.year !== undefined && day.day <= 12 && day.day !== day.month) {
        // "03/12/2026" said in November: March 12 has passed, so the day comes first (3 December), as much of the world writes it.
        // Days, not instants: a month-first day that is today ("11/12/2026 at 9am" at noon on 12 November) is past, never swapped.
        const swapped = { ...day, day: day.month!, month: day.day };
        if (isDayBefore({ year: day.year, month: day.month!, day: day.day }, today) && !isDayBefore({ year: day.year, month: swapped.month, day: swapped.day }, today)) {
          notes.push(`read '${input}' with the day first (${swapped.day} ${MONTH_NAMES[swapped.month - 1]}), as ${MONTH_NAMES[day.month! - 1]} ${day.day} has passed`);
          return dateInstant(swapped, today, at, now, input, notes);
        }
      }
      if (day.monthFirst) notes.push(monthFirstNote(input, day.month!, day.day));
      if (day.wholeMonth) notes.push(firstOfMonthNote(input, { year: day.year ?? today.year + (day.years ?? 0), month: day.month!, day: 1 }));
      if (day.wholeQuarter) {
        const first = { year: day.year ?? today.year, month: day.month!, day: 1 };
        if (day.thisQuarter && today.month >= first.month && today.month < first.month + 3) {
          const name = `q${(first.month + 2) / 3}`;
          throw new UsageError(
            `'${input}' is the quarter now running, begun ${dayLabel(first)}; give the day`,
            `Such as '${MONTH_NAMES[today.month - 1]!.toLowerCase()} ${Math.min(today.day + 1, daysInMonth(today.year, today.month))}', or 'next ${name}' for next year's.`,
          );
        }
        if (day.year === undefined && isDayBefore(first, today)) first.year++;
        notes.push(`read '${input}' as ${dayLabel(first)} ${first.year}, the first day of the quarter; give the day to say otherwise, such as '${MONTH_NAMES[first.month - 1]!.toLowerCase()} 15'`);
      }
      return dateInstant(day, today, at, now, input, notes);
    case 'nth':
      return nthInstant(day, today, at, now, input, notes);
    case 'month':
      return monthInstant(day, today, at, input, notes);
    case 'shift':
    case 'near':
      // Counted from another day: resolveParts resolves that day first.
      throw new Error(`'${input}': a day counted from another reached the calendar unresolved`);
  }
}

/** "dec 5 14": the number read as the time, not the year it could also be (one gone by). */
function bareHourNote(said: string, clock: ClockTime): string {
  const shown = formatClock(clock.hour, clock.minute);
  return `read '${said}' after the date as the time ${shown}, not the year ${2000 + Number.parseInt(said, 10)}; write 'at ${shown}' to say so`;
}

/** The time of day, with a part of the day applied, and any days it carries over ("tonight at 1" is tomorrow 01:00). */
function clockOf(parts: OnceParts, notes: string[], dayClock: ClockTime, input: string): { clock: ClockTime; carry: number } {
  const part = parts.part;
  if (!parts.clock) {
    if (!part) return { clock: dayClock, carry: 0 };
    notes.push(partNote(input, part));
    return { clock: { hour: PART_HOURS[part], minute: 0 }, carry: 0 };
  }
  if (!part) {
    const settled = settleClock(parts.clock);
    if (settled.note) notes.push(settled.note);
    else if (parts.bareHour) notes.push(bareHourNote(parts.clock.text, settled.value));
    else if (parts.clock.written === 5 && parts.clock.text.endsWith(' at night')) notes.push(nightFiveNote(parts.clock.text.slice(0, -' at night'.length), settled.value));
    return { clock: settled.value, carry: 0 };
  }
  let { hour } = parts.clock.value;
  const { minute } = parts.clock.value;
  const { ambiguous } = parts.clock;
  if (!ambiguous && !partHolds(part, hour)) {
    throw new UsageError(`'${input}' puts ${formatClock(hour, minute)} in the ${part === 'night' ? 'night' : part}`, 'Give one of them, or a time that falls in that part of the day.');
  }
  if (part === 'morning' && ambiguous && hour === 12) {
    // "12 in the morning" is the small hours to some and late morning to others.
    notes.push(`read '${parts.clock.text}' in the morning as ${formatClock(0, minute)}, as the day begins; for ${formatClock(12, minute)}, write '${parts.clock.text} pm' without 'morning'`);
    hour = 0;
  }
  if ((part === 'afternoon' || part === 'evening') && ambiguous && hour < 12) hour += 12;
  const { text } = parts.clock;
  if (part === 'evening' && ambiguous && hour === 12) {
    notes.push(eveningTwelveNote(text, minute));
    return { clock: { hour: 0, minute }, carry: 1 };
  }
  if (part === 'night') {
    // 5 is the one hour both halves of a night hold (05:00 as it ends, 17:00 as it begins): the evening's is taken, said.
    if (ambiguous && hour === 5) notes.push(nightFiveNote(parts.clock.text, { hour: 17, minute }));
    if (ambiguous && hour >= 5 && hour < 12) hour += 12;
    if (ambiguous && hour === 12) hour = 0;
  }
  // A bare hour the part of the day cannot hold either way ("this afternoon at 11"): no reading is right, so none is guessed.
  if (ambiguous && !partHolds(part, hour)) {
    const [am, pm] = [formatClock(hour % 12, minute), formatClock((hour % 12) + 12, minute)];
    throw new UsageError(`'${input}' puts '${text}' in the ${part}, where neither ${am} nor ${pm} falls`, 'Give a time that falls in that part of the day, or leave the part of the day out.');
  }
  if (part === 'evening' && ambiguous && hour < 17) {
    notes.push(`read '${text}' in the evening as ${formatClock(hour, minute)}, in the afternoon; write '${text} pm' to say so, or give a later time for the evening`);
  }
  // The small hours of a night belong to the next day.
  if (part === 'night' && hour < 6) {
    if (ambiguous)
      notes.push(
        `read '${text}' at night as ${formatClock(hour, minute)}, after midnight; write '${text} am' to say so, or '${parts.today || parts.daySaid === undefined ? 'today' : parts.daySaid} at ${text} pm' for ${hour === 0 ? 'midday' : 'the afternoon'}`,
      );
    // "saturday night at 1am": the 1am that ends that night, on the next day's date, said ("tonight at 2am" plainly is).
    else if (!parts.today && !(hour === 0 && minute === 0))
      notes.push(`read '${text}' at night as ${formatClock(hour, minute)} after midnight, on the day after the one named; leave out 'night' for ${formatClock(hour, minute)} of that day itself`);
    return { clock: { hour, minute }, carry: 1 };
  }
  return { clock: { hour, minute }, carry: 0 };
}

function nightFiveNote(text: string, evening: ClockTime): string {
  return `read '${text}' at night as ${formatClock(evening.hour, evening.minute)}; write '${text} am' or ${formatClock(evening.hour - 12, evening.minute)} for the small hours`;
}

type DayInstant = (days: number) => number;
type DateInstant = (date: { year: number; month: number; day: number }) => number;

/** "dec 4": a day as a phrase can say it, for notes. */
function dateWords(date: { month: number; day: number }): string {
  return `${MONTH_NAMES[date.month - 1]!.toLowerCase().slice(0, 3)} ${date.day}`;
}

/** "next friday" is the first Friday after today; when that is in this week, a note says so and how to write the one after. */
function nextInWeek(today: WallTime, ahead: number, input: string, other: string, notes: string[]) {
  const sinceMonday = (today.weekday + 6) % 7;
  if (sinceMonday + ahead <= 6) {
    notes.push(`read '${input}' as ${dayLabel(addDays(today, ahead))}, in this week; write '${other}' for ${dayLabel(addDays(today, ahead + 7))}`);
  }
}

function weekendInstant({ mode, bare, count }: Extract<DayRef, { kind: 'weekend' }>, today: WallTime, inDays: DayInstant, now: number, input: string, notes: string[]): number {
  const toSaturday = (6 - today.weekday + 7) % 7;
  const ahead = toSaturday || 7;
  if (count !== undefined) {
    const saturday = ahead + 7 * (count - 1);
    notes.push(`read '${input}' as ${dayLabel(addDays(today, saturday))}, the Saturday of the ${count === 1 ? 'coming weekend' : `${ordinalDay(count)} weekend to come`}`);
    return inDays(saturday);
  }
  if (mode === 'this') {
    // On a weekend day its Saturday may have gone by: its Sunday is what is left of it, said; once that has gone too, "the
    // weekend" is the next one (said) and "this weekend" is past.
    const sunday = inDays(today.weekday === 0 ? 0 : toSaturday + 1);
    const saturday = today.weekday === 0 ? -Infinity : inDays(toSaturday);
    if (saturday > now) return saturday;
    if (sunday > now) {
      notes.push(`read '${input}' as ${dayLabel(addDays(today, today.weekday === 0 ? 0 : 1))}, the day of it still ahead; write 'next weekend' for ${dayLabel(addDays(today, ahead))}`);
      return sunday;
    }
    if (!bare) {
      const last = dayLabel(addDays(today, today.weekday === 0 ? 0 : toSaturday + 1));
      throw new UsageError(
        `'${input}' is in the past: its time on ${last}, the last day of this weekend, has gone by`,
        `Give a time still to come that day, or write 'next weekend' for ${dayLabel(addDays(today, ahead))}.`,
      );
    }
    notes.push(`read '${input}' as the next weekend, ${dayLabel(addDays(today, ahead))}: this one has gone by`);
    return inDays(ahead);
  }
  // "this coming weekend": the next Saturday, not the one at hand.
  if (mode === 'coming') return inDays(ahead);
  if (mode === 'next') nextInWeek(today, ahead, input, 'the weekend after next', notes);
  return inDays(mode === 'next' ? ahead : ahead + 7);
}

function weekdayInstant(day: Extract<DayRef, { kind: 'weekday' }>, today: WallTime, inDays: DayInstant, now: number, input: string, notes: string[]): number {
  const ahead = (day.weekday - today.weekday + 7) % 7;
  // Weeks run Monday to Sunday (ISO 8601).
  const sinceMonday = (today.weekday + 6) % 7;
  const intoWeek = (day.weekday + 6) % 7;
  // On a Sunday which week is "this" or "next" depends on where weeks start, and many start them on Sunday: the other day is named.
  const onSunday = today.weekday === 0 && day.weekday !== 0;
  const name = WEEKDAY_NAMES[day.weekday]!;
  const instead = (days: number) => `write '${dateWords(addDays(today, days))}' for ${dayLabel(addDays(today, days))}`;
  switch (day.mode) {
    case 'this': {
      const instant = inDays(ahead);
      if (instant > now) return instant;
      // "sunday at 9am" said on a Sunday at 10:00: today's has passed, so a week from today, said.
      notes.push(`read '${input}' as ${dayLabel(addDays(today, ahead + 7))}, a week from today: today's has passed`);
      return inDays(ahead + 7);
    }
    case 'next':
      if (onSunday) notes.push(`read '${input}' as ${dayLabel(addDays(today, ahead))}, the first ${name} after today; ${instead(ahead + 7)}`);
      else nextInWeek(today, ahead || 7, input, `${name.toLowerCase()} next week`, notes);
      return inDays(ahead || 7);
    case 'after-next': {
      // Where "next friday" is this week's, some count "after next" from next week's: the other day is named.
      const next = ahead || 7;
      if (onSunday || sinceMonday + next <= 6) notes.push(`read '${input}' as ${dayLabel(addDays(today, next + 7))}, after next ${name} (${dayLabel(addDays(today, next))}); ${instead(next + 14)}`);
      return inDays(next + 7);
    }
    case 'this-week':
      // Counted from Monday, this week's day has passed; counted from today, it is ahead, and a day ahead is what is meant.
      if (onSunday) {
        notes.push(`read '${input}' as ${dayLabel(addDays(today, ahead))}, in the week from today; in the week that began on Monday, ${name} has passed`);
        return inDays(ahead);
      }
      return inDays(intoWeek - sinceMonday);
    case 'next-week':
      if (onSunday) notes.push(`read '${input}' as ${dayLabel(addDays(today, ahead))}, in the week from tomorrow (Monday); ${instead(ahead + 7)}, in the week from next Sunday`);
      return inDays(7 - sinceMonday + intoWeek);
    case 'after-next-week':
      // (On a Sunday this is as much a choice of week as "next week" is, yet held without a note: time-once-heldout.)
      return inDays(14 - sinceMonday + intoWeek);
    case 'last':
      return inDays(-((today.weekday - day.weekday + 7) % 7 || 7));
    case 'last-week':
      return inDays(-7 - sinceMonday + intoWeek);
  }
}

/**
 * "in 2 weeks on monday": the Monday of the week (Monday to Sunday) that 2 weeks from today falls
 * in, as "monday next week" is for one week; "in 2 months on the 15th": the 15th of the month it
 * falls in. When that day comes before the day the offset reaches, a note names the one after.
 */
function withinInstant(day: Extract<DayRef, { kind: 'in' }> & { on: number }, today: WallTime, at: DateInstant, input: string, notes: string[]): number {
  const weeks = day.unit === 'week';
  const reached = weeks ? addDays(today, 7 * day.amount) : addMonths(today, day.amount);
  const inMonth = (date: { year: number; month: number }) => {
    if (day.on > daysInMonth(date.year, date.month)) {
      throw new UsageError(`'${input}' is not a date: ${MONTH_NAMES[date.month - 1]} ${date.year} has no day ${day.on}`, DATE_HINT);
    }
    return { year: date.year, month: date.month, day: day.on };
  };
  const target = weeks ? addDays(reached, ((day.on + 6) % 7) - ((addDays(reached, 0).weekday + 6) % 7)) : inMonth(reached);
  // "next week on monday" is in next week, whichever day of it: only an offset ("in 2 weeks") reaches a day that another could follow.
  if (!day.next && Date.UTC(target.year, target.month - 1, target.day) < Date.UTC(reached.year, reached.month - 1, reached.day)) {
    // The next month that has the day ('in 1 month on the 29th' on 31 Dec: 29 Jan, else 29 Mar).
    let month = addMonths({ ...reached, day: 1 }, 1);
    while (day.on > daysInMonth(month.year, month.month)) month = addMonths(month, 1);
    const after = weeks ? addDays(target, 7) : inMonth(month);
    notes.push(
      `read '${input}' as ${dayLabel(target)}, in the ${day.unit} of ${dayLabel(reached)} (${day.amount} ${day.unit}${day.amount === 1 ? '' : 's'} from now); ` +
        `write '${MONTH_NAMES[after.month - 1]!.toLowerCase().slice(0, 3)} ${after.day}' for ${dayLabel(after)}`,
    );
  }
  return at(target);
}

/**
 * Whether this year's day passed within the last month (or is today, its time gone): then a year away is
 * not plainly the one meant, as "january 5" said in December is.
 */
function justPassed(date: { year: number; month: number; day: number }, today: WallTime): boolean {
  const days = (Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(date.year, date.month - 1, date.day)) / 86_400_000;
  return days >= 0 && days <= 31;
}

/** Whether a note says a date was read in a later year because this year's has passed (laterYearNote). */
export function isPassedThisYearNote(note: string): boolean {
  return note.includes(' has passed; give the year to say so');
}

/** "dec 1" said on 2 Dec: a day of a month, its year not said, read in a later year because this year's has passed or does not exist. */
function laterYearNote(input: string, date: { year: number; month: number; day: number }, why: string, example: string): string {
  return `read '${input}' as ${dayLabel(date)} ${date.year}: ${why}; give the year to say so, such as '${example}'`;
}

/** "this friday the 6th": this Friday (a week from today once today's has passed) is the day, so it must be the 6th. */
function thisWeekdayAgrees(weekday: number, dayOfMonth: number, date: { year: number; month: number; day: number }, today: WallTime, label: string): void {
  const days = (Date.UTC(date.year, date.month - 1, date.day) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000;
  if (days <= 7) return;
  const first = addDays(today, (weekday - today.weekday + 7) % 7 || 7);
  const name = WEEKDAY_NAMES[weekday]!;
  throw new UsageError(
    `${label} does not add up: this ${name} is ${dayLabel(first)}, not the ${ordinalDay(dayOfMonth)}`,
    `Give only one of them, such as 'this ${name.toLowerCase()}', or '${name.toLowerCase()} the ${ordinalDay(dayOfMonth)}' for the next that falls on it.`,
  );
}

function dateInstant(day: Extract<DayRef, { kind: 'date' }>, today: WallTime, at: DateInstant, now: number, input: string, notes: string[]): number {
  const label = `'${input}'`;
  if (day.day > 31 || day.day < 1) throw new UsageError(`${label} is not a date: no month has a day ${day.day}`, DATE_HINT);
  let date: { year: number; month: number; day: number } | undefined;
  const year = day.year ?? (day.years === undefined ? undefined : today.year + day.years);
  // A year no one means ("dec 10 2359", "dec 10 1230") may be a clock; a past year ("nov 12, 2011") is a past date, said so below.
  if (day.yearOrClock && (year! < 1900 || year! > today.year + 100)) {
    const [hh, mm] = [String(year).slice(0, 2), String(year).slice(2)];
    throw new UsageError(`${label}: '${year}' could be the year ${year} or the time ${hh}:${mm}`, `Write 'at ${hh}:${mm}' for the time, or a year from ${today.year} on.`);
  }
  if (day.month !== undefined && year !== undefined) {
    checkCalendar(label, year, day.month, day.day, 0, 0, 0);
    date = { year, month: day.month, day: day.day };
    // The year first too ("28-12-30" as 2028-12-30) while that day is still to come: one past is no reading for a time to come.
    if (day.yearFirst && !isDayBefore(day.yearFirst, today)) notes.push(yearLastNote(input, date, day.yearFirst));
  } else if (day.month !== undefined) {
    if (day.day > daysInMonth(2000, day.month)) throw new UsageError(`${label} is not a date: ${MONTH_NAMES[day.month - 1]} has no day ${day.day}`, DATE_HINT);
    // This year's if still ahead, else the next year that has it (February 29th), said in a note.
    // With its weekday, a date this year that falls on it is the one meant, even when it has passed ("wednesday dec 2" on Wed 2 Dec at 10:00).
    const thisYear = { year: today.year, month: day.month, day: day.day };
    if (day.weekday !== undefined && day.day <= daysInMonth(today.year, day.month) && addDays(thisYear, 0).weekday === day.weekday) return at(thisYear);
    for (let year = today.year; !date; year++) {
      if (day.day <= daysInMonth(year, day.month) && at({ year, month: day.month, day: day.day }) > now) date = { year, month: day.month, day: day.day };
    }
    const name = MONTH_NAMES[day.month - 1]!;
    const exists = day.day <= daysInMonth(today.year, day.month);
    // February 29th: the years passed over that have none, where theirs would have been ahead (none: it is plainly the next).
    const lacking: number[] = [];
    for (let year = today.year; year < date.year; year++) if (at({ year, month: day.month, day: daysInMonth(year, day.month) }) > now) lacking.push(year);
    const passedLately = exists && justPassed(thisYear, today);
    if (date.year !== today.year && (passedLately || lacking.length > 0)) {
      const years = lacking.length > 1 ? `${lacking.slice(0, -1).join(', ')} and ${lacking.at(-1)} have` : `${lacking[0]} has`;
      const why = passedLately ? `${name} ${day.day} ${today.year} has passed` : `${years} no ${name} ${day.day}`;
      notes.push(laterYearNote(input, date, why, `${name.slice(0, 3).toLowerCase()} ${day.day} ${date.year}`));
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
    if (date && day.thisWeekday && day.weekday !== undefined) thisWeekdayAgrees(day.weekday, day.day, date, today, label);
    // "friday the 12th" months away: the month it falls in was a guess, said.
    if (date && day.weekday !== undefined && (date.month !== today.month || date.year !== today.year)) {
      notes.push(
        `read '${input}' as ${dayLabel(date)}${date.year === today.year ? '' : ` ${date.year}`}, the next ${WEEKDAY_NAMES[day.weekday]} the ${ordinalDay(day.day)}; give the month to choose another`,
      );
    } else if (date && (date.month !== today.month || date.year !== today.year)) {
      // "the 2nd" said on the 2nd after its time (today's?), "the 31st" in a month of 30 days: a later month's, said.
      const skipped = [];
      for (let k = 1; (today.month - 1 + k) % 12 !== date.month - 1; k++) skipped.push(MONTH_NAMES[(today.month - 1 + k) % 12]!);
      const inThisMonth = day.day <= daysInMonth(today.year, today.month);
      if (inThisMonth && day.day !== today.day && skipped.length === 0) return at(date);
      const thisMonth = !inThisMonth ? `${MONTH_NAMES[today.month - 1]} has no ${ordinalDay(day.day)}` : day.day === today.day ? `today's has passed` : `this month's has passed`;
      const months = skipped.length === 1 ? skipped[0] : `${skipped.slice(0, -1).join(', ')} and ${skipped.at(-1)}`;
      const why = skipped.length === 0 ? thisMonth : `${thisMonth}, and ${months} ${skipped.length === 1 ? 'has' : 'have'} none`;
      notes.push(`read '${input}' as ${dayLabel(date)}${date.year === today.year ? '' : ` ${date.year}`}: ${why}; give the month to say otherwise`);
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

/**
 * "next march", "in march": the first of the coming such month, said in a
 * note. In that month itself, "this" or "in" could be now or a year away, so
 * it is refused; "next" is a year away.
 */
function monthInstant(day: Extract<DayRef, { kind: 'month' }>, today: WallTime, at: DateInstant, input: string, notes: string[]): number {
  const name = MONTH_NAMES[day.month - 1]!;
  if (day.day !== undefined) {
    // "next june 5": the coming June's (next year's in June); "this june 5": this year's in June.
    const year = today.month < day.month || (day.mode === 'this' && today.month === day.month) ? today.year : today.year + 1;
    if (day.day < 1 || day.day > daysInMonth(year, day.month)) throw new UsageError(`'${input}' is not a date: ${name} ${year} has no day ${day.day}`, DATE_HINT);
    const date = { year, month: day.month, day: day.day };
    // Said in its month before the day: this month's is the coming one, which "next" may have meant.
    if (day.mode === 'next' && today.month === day.month && day.day > today.day)
      notes.push(`read '${input}' as ${dayLabel(date)} ${year}, next year's; write '${name.slice(0, 3).toLowerCase()} ${day.day}' for the coming one`);
    else if (day.mode === 'next') comingMonthNote(input, date, today, notes);
    // "this september 5" in November: this year's has passed, so the coming one, which "this" may not have meant.
    else if (day.mode === 'this' && year !== today.year) notes.push(laterYearNote(input, date, `${name} ${today.year} has passed`, `${name.toLowerCase()} ${day.day} ${year}`));
    return at(date);
  }
  if (day.mode === 'this' && today.month === day.month) {
    throw new UsageError(
      `'${input}' is this month; give the day`,
      `Such as '${name.toLowerCase()} ${Math.min(today.day + 1, daysInMonth(today.year, today.month))}', or 'next ${name.toLowerCase()}' for next year's.`,
    );
  }
  const date = { year: today.month < day.month ? today.year : today.year + 1, month: day.month, day: 1 };
  notes.push(firstOfMonthNote(input, date));
  return at(date);
}

/** "next december 10" said in November: next month's, the coming one, which some mean by "this"; the one after is named. */
function comingMonthNote(input: string, date: { year: number; month: number; day: number }, today: WallTime, notes: string[]): void {
  if (addMonths({ ...today, day: 1 }, 1).month !== date.month || date.year > today.year + (today.month === 12 ? 1 : 0)) return;
  const name = MONTH_NAMES[date.month - 1]!;
  notes.push(`read '${input}' as ${dayLabel(date)} ${date.year}, in the coming ${name}; for ${name} ${date.year + 1}, give its year`);
}

/** "in may", "may 2027": a month said alone is read as its first day. */
export function firstOfMonthNote(input: string, date: { year: number; month: number; day: number }): string {
  return `read '${input}' as ${dayLabel(date)} ${date.year}, the first of the month; give the day to say otherwise, such as '${MONTH_NAMES[date.month - 1]!.toLowerCase()} 15'`;
}

function nthInstant(day: Extract<DayRef, { kind: 'nth' }>, today: WallTime, at: DateInstant, now: number, input: string, notes: string[]): number {
  const inMonth = (year: number, month: number): { year: number; month: number; day: number } | null => {
    const last = daysInMonth(year, month);
    if (day.weekday === 'workday') {
      // Counted from the start (nth > 0) or the end, Monday to Friday only.
      let seen = 0;
      for (let k = 0; k < last; k++) {
        const date = { year, month, day: day.nth > 0 ? 1 + k : last - k };
        const weekday = addDays(date, 0).weekday;
        if (weekday !== 0 && weekday !== 6 && ++seen === Math.abs(day.nth)) return date;
      }
      return null;
    }
    if (day.weekday === null) {
      const dayOfMonth = day.nth < 0 ? last + day.nth + 1 : day.nth;
      return dayOfMonth >= 1 && dayOfMonth <= last ? { year, month, day: dayOfMonth } : null;
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
  const what = `the ${ordinalName(day.nth)} ${day.weekday === null ? 'day' : day.weekday === 'workday' ? 'weekday' : WEEKDAY_NAMES[day.weekday]}`;
  // More of a weekday than any month holds ("twenty-second sunday"): no month is named, as none was looked for.
  const none = typeof day.weekday === 'number' && Math.abs(day.nth) > 5;
  const missing = (year: number, month: number) =>
    new UsageError(
      `'${input}' is not a date: ${none ? 'no month' : `${MONTH_NAMES[month - 1]} ${year}`} has ${none ? (/^(?:8|11th|18)/.test(what.slice(4)) ? 'an' : 'a') : 'no'} ${what.slice(4)}`,
      'Months have four or five of each weekday and 28 to 31 days.',
    );
  const of = day.of;
  if ('monthsAhead' in of) {
    const then = addMonths(today, of.monthsAhead);
    return at(inMonth(then.year, then.month) ?? throwError(missing(then.year, then.month)));
  }
  if ('quarter' in of) {
    // Its first month, or counted from the end its last; "the quarter" moves on once this one's has passed, "this quarter" does not.
    const ahead = (quarters: number) => addMonths(today, today.month - 1 - ((today.month - 1) % 3) + 3 * quarters + (day.nth < 0 ? 2 : 0) - (today.month - 1));
    const month = ahead(of.quarter === 'next' ? 1 : 0);
    const date = inMonth(month.year, month.month) ?? throwError(missing(month.year, month.month));
    if (of.quarter !== 'the' || at(date) > now) return at(date);
    const later = ahead(1);
    return at(inMonth(later.year, later.month) ?? throwError(missing(later.year, later.month)));
  }
  if ('relative' in of) {
    const next = addMonths(today, 1);
    if (of.relative === 'next') return at(inMonth(next.year, next.month) ?? throwError(missing(next.year, next.month)));
    if (of.relative === 'after-next') {
      const after = addMonths(today, 2);
      return at(inMonth(after.year, after.month) ?? throwError(missing(after.year, after.month)));
    }
    const thisMonth = inMonth(today.year, today.month);
    // "the month" moves on once this month's has passed, or when this month has none (said); "this month" does not.
    if (of.relative === 'the' && (!thisMonth || at(thisMonth) <= now)) {
      const then = inMonth(next.year, next.month) ?? throwError(missing(next.year, next.month));
      if (!thisMonth) notes.push(`${MONTH_NAMES[today.month - 1]} ${today.year} has no ${what.slice(4)}: read '${input}' as ${dayLabel(then)}`);
      // "end of the month" on the 31st after its time: next month's end, said (today's was meant?).
      else if (thisMonth.day === today.day)
        notes.push(`read '${input}' as ${dayLabel(then)}${then.year === today.year ? '' : ` ${then.year}`}: this month's, today, has passed; give the day for another`);
      return at(then);
    }
    return at(thisMonth ?? throwError(missing(today.year, today.month)));
  }
  if (of.year !== undefined) return at(inMonth(of.year, of.month) ?? throwError(missing(of.year, of.month)));
  if (of.years !== undefined) {
    const year = today.year + of.years;
    return at(inMonth(year, of.month) ?? throwError(missing(year, of.month)));
  }
  const thisYear = inMonth(today.year, of.month);
  // "the 1st tuesday this november" in November: this month's, in the past once passed.
  if (of.thisSaid && of.month === today.month) return at(thisYear ?? throwError(missing(today.year, of.month)));
  if (of.nextSaid) {
    const year = of.month > today.month ? today.year : today.year + 1;
    const date = inMonth(year, of.month) ?? throwError(missing(year, of.month));
    comingMonthNote(input, date, today, notes);
    return at(date);
  }
  const year = of.month < today.month ? today.year + 1 : today.year;
  const first = inMonth(year, of.month) ?? throwError(missing(year, of.month));
  const date = at(first) > now ? first : (inMonth(year + 1, of.month) ?? throwError(missing(year + 1, of.month)));
  if (of.theYear && date.year !== today.year) notes.push(laterYearNote(input, date, `${today.year}'s has passed`, input.replace(/\b(?:(?:this|the)\s+)?year\b/, String(date.year))));
  else if (date.year !== today.year && (!thisYear || of.thisSaid || justPassed(thisYear, today))) {
    const name = `${MONTH_NAMES[of.month - 1]} ${today.year}`;
    notes.push(laterYearNote(input, date, thisYear ? `${name}'s has passed` : `${name} has none`, `${input.replace(/\b(?:of )?this (?=[a-z])/, 'of ')} ${date.year}`));
  }
  return at(date);
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
