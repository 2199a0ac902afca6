import { UsageError } from '../errors';
import { readWholeClock } from './clock';
import { MONTH_NAMES } from './names';

/** Today's date, as far as a year needs it. */
export interface Today {
  year: number;
  month: number;
  day: number;
}

/** A day of `year` after `today` ("march 1 2028"; in November 2026, "december 1 2026"), or null when none is left. */
export function dayToCome(year: number, today: Today | undefined): string | null {
  if (!today || year > today.year) return `march 1 ${year}`;
  if (year < today.year) return null;
  if (today.month < 12) return `${MONTH_NAMES[today.month]!.toLowerCase()} 1 ${year}`;
  return today.day < 31 ? `december 31 ${year}` : null;
}

/** Why no day of `year` is offered: it has passed, or ends today. */
export const gone = (year: number, today: Today) => (year < today.year ? `${year} has passed` : `${year} ends today`);

/** A year with a clock and no day ("twenty twenty seven at 5pm", "in 2028 at 5pm"): what is said, after the phrase quoted. */
export function yearAndClock(year: number, yearSaid: string, clockSaid: string, today?: Today): [message: string, hint: string] {
  const day = dayToCome(year, today);
  const message = `is the year ${year} ('${yearSaid}') and a time ('${clockSaid}'), which name no day`;
  if (day) return [message, `Give a day in ${year}, such as '${day} at ${clockSaid}'.`];
  return [`${message}; ${gone(year, today!)}`, `Give a day to come, such as 'march 1 ${today!.year + 1} at ${clockSaid}'.`];
}

/** "in 2028", "in the year 2028", "the year 2028": words that make the number a year (alone it may be 20:28). */
const YEAR = /^(in (?:the year )?|the year )?((?:1[3-9]|20)\d\d)$/;
const YEAR_BESIDE = /^(?:(.+?) )??((?:in (?:the year )?|the year )(?:1[3-9]|20)\d\d)(?: (.+))?$/;

/**
 * A year alone names no day: "in 2028", "nineteen twenty eight" (a year said in words), or one beside a clock ("in 2028 at
 * 5pm"). Digits alone ("2028") are left to the reader, which asks whether they are a clock. `text` is the phrase as read
 * (years in words as digits), `shown` as typed.
 */
export function refuseYearAlone(text: string, shown: string, today: Today): void {
  const alone = YEAR.exec(text);
  if (alone && (alone[1] !== undefined || !/\d/.test(shown))) {
    const year = alone[2]!;
    // "nineteen twenty eight" alone could also be 19:28 on the clock; "in 1928" could not.
    const clock = alone[1] === undefined && year.startsWith('1') && Number(year.slice(2)) < 60 ? `, or a time on the 24-hour clock, such as 'at ${year.slice(0, 2)}:${year.slice(2)}'` : '';
    // "two thousand ..." is no clock's hour.
    const day = dayToCome(Number(year), today);
    if (!day) throw new UsageError(`'${shown}' is the year ${year}, which names no day; ${gone(Number(year), today)}`, `Give a day to come, such as 'march 1 ${today.year + 1}'${clock}.`);
    throw new UsageError(`'${shown}' is the year ${year}, which names no day`, `Give a day, such as '${day}'${clock}.`);
  }
  const beside = YEAR_BESIDE.exec(text);
  if (!beside || (beside[1] === undefined) === (beside[3] === undefined)) return;
  const clockSaid = (beside[1] ?? beside[3])!.replace(/^(?:at|@) /, '');
  if (!readWholeClock(clockSaid)) return;
  const year = Number(beside[2]!.slice(-4));
  // The year as typed: the phrase without its clock (a year in words is digits in `text`).
  const typed = shown.toLowerCase().replace(/\s+/g, ' ');
  const yearSaid = typed.includes(clockSaid)
    ? typed
        .replace(clockSaid, '')
        .replace(/(?:^| )(?:at|@)(?= |$)/, '')
        .replace(/\s+/g, ' ')
        .trim()
    : beside[2]!;
  const [message, hint] = yearAndClock(year, yearSaid, clockSaid, today);
  throw new UsageError(`'${shown}' ${message}`, hint);
}
