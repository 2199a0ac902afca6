import { UsageError } from '../errors';
import { GIVES_A_TIME } from './everyday-words';
import { MONTH_NAMES } from './names';
import { ordinalDay } from './words';
import { addDays, dayLabel, daysInMonth, type WallTime } from './zone';

/** The weeks a day of the month may be said with, one, two or three of them from this one's Monday. */
const WEEK = String.raw`(this week|next week|(?:the )?week after next)`;
const NOT_A_CLOCK = String.raw`\b(?! ?(?:[ap]\.?m\b|:|h\b|o'?clock\b|hours?\b|minutes?\b))`;
/** "on 15 next week", "the 20th of this week", "on 9 the week after next", "next week on the 9th": a day of the month with the week it should fall in. */
const DAY_IN_WEEK = new RegExp(String.raw`\b(?:(on )?(the )?(\d{1,2})(st|nd|rd|th)? (?:of )?${WEEK}|${WEEK},? on (the )?(\d{1,2})(st|nd|rd|th)?)${NOT_A_CLOCK}`);
/** "on 3 next month", "the 20th this month", "next month on 3": a day with a month, which is its day (a clock is "at 3"). */
const DAY_IN_MONTH = new RegExp(String.raw`\b(?:(on )?(the )?(\d{1,2})(st|nd|rd|th)? (of )?(this|next) month|(this|next) month,? on (the )?(\d{1,2})(st|nd|rd|th)?)${NOT_A_CLOCK}`);

/** How a number could be written as a clock instead ("at 3pm", "at 15:00"), if it could be one. */
function asClock(n: number): string | undefined {
  // As a clock without am/pm is read (time-language.md): 1 to 5 the afternoon, 6 to 11 the morning, 12 noon.
  if (n >= 1 && n <= 5) return `'at ${n}pm'`;
  if (n >= 6 && n <= 11) return `'at ${n}am'`;
  if (n === 12) return "'at noon'";
  if (n >= 13 && n <= 23) return `'at ${n}:00'`;
  return undefined;
}

/** The next date with day `n` from today on (this month's if still ahead, else the next month that has it). */
function nextDate(n: number, today: WallTime): { year: number; month: number; day: number } {
  let month = { year: today.year, month: today.month };
  if (n <= today.day) month = today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
  while (n > daysInMonth(month.year, month.month)) month = month.month === 12 ? { year: month.year + 1, month: 1 } : { year: month.year, month: month.month + 1 };
  return { ...month, day: n };
}

const spelled = (date: { month: number; day: number }) => `${MONTH_NAMES[date.month - 1]!.toLowerCase()} ${date.day}`;

/**
 * A day of the month said with "this week" or "next week" is read as the date when it falls in that week (Monday to
 * Sunday), said; when it does not, neither the date nor a clock is guessed, and the refusal writes each. A bare number with
 * "this month" or "next month" is its day, said, with how to write the clock it could also be.
 */
export function withDayInSpan(text: string, shown: string, today: WallTime, notes: string[]): string {
  const found = DAY_IN_WEEK.exec(text);
  // A number alone before the week ("monday at 8 next week") is no day: "on", "the" or an ordinal says it is.
  const week = found && (found[3] === undefined || found[1] !== undefined || found[2] !== undefined || found[4] !== undefined) ? found : null;
  if (week) {
    const n = Number(week[3] ?? week[8]);
    const which = (week[5] ?? week[6])!.replace(/^(?!the )(?=week)/, 'the ');
    const said = week[3] !== undefined ? `${week[2] ?? ''}${week[3]}${week[4] ?? ''}` : `${week[7] ?? ''}${week[8]}${week[9] ?? ''}`;
    const bare = week[2] === undefined && week[4] === undefined && week[7] === undefined && week[9] === undefined;
    const ahead = which.startsWith('this') ? 0 : which.startsWith('next') ? 7 : 14;
    const monday = addDays(today, -((today.weekday + 6) % 7) + ahead);
    const sunday = addDays(monday, 6);
    const days = [...Array(7).keys()].map((k) => addDays(monday, k));
    const date = days.find((day) => day.day === n);
    // With a clock of its own ("on 9 next week at 5pm"), the number cannot also be one.
    const clock = bare && !GIVES_A_TIME.test(text.replace(week[0], '')) ? asClock(n) : undefined;
    const span = `${dayLabel(monday)} to ${dayLabel(sunday)}`;
    if (date && Date.UTC(date.year, date.month - 1, date.day) >= Date.UTC(today.year, today.month - 1, today.day)) {
      notes.push(`read '${said}' as ${bare ? `the ${ordinalDay(n)}, ` : ''}${dayLabel(date)}, in ${which} (${span})${clock ? `; for a time, write ${clock}` : ''}`);
      return text.replace(week[0], isoDate(date));
    }
    const other = nextDate(n, today);
    // The rest of the phrase stays in the date written instead ("on 15 next week at 9am": 'december 15 at 9am'); an "on"
    // that opened the phrase goes with the week.
    const opensWith = text.indexOf(week[0]) === 0;
    const instead = text
      .replace(week[0], `${week[1] !== undefined && !opensWith ? 'on ' : ''}${spelled(other)}`)
      .replace(/\s+/g, ' ')
      .trim();
    const problem = date ? `the ${ordinalDay(n)} this week (${dayLabel(date)}) has passed` : `${which} (${span}) has no ${ordinalDay(n)}`;
    const weekday = `monday ${which}`;
    throw new UsageError(
      `'${shown}': ${problem}`,
      n <= 31
        ? `For the date, write '${instead}'${clock ? `; for a time ${which}, give its day, such as '${weekday} ${clock.slice(1, -1)}'` : ''}.`
        : `Give the day, such as '${weekday}' or '${spelled(nextDate(15, today))}'.`,
    );
  }
  const found2 = DAY_IN_MONTH.exec(text);
  // "on 3 next month": a number alone is a day after "on"; "the 20th of next month" is read as a date already.
  const month = found2 && (found2[3] === undefined || found2[1] !== undefined || found2[2] !== undefined || found2[4] !== undefined) ? found2 : null;
  if (month) {
    const n = Number(month[3] ?? month[9]);
    const which = month[6] ?? month[7];
    const bare = month[2] === undefined && month[4] === undefined && month[8] === undefined && month[10] === undefined;
    if (!bare && month[5] !== undefined) return text;
    const said = month[3] !== undefined ? `${month[2] ?? ''}${month[3]}${month[4] ?? ''}` : `${month[8] ?? ''}${month[9]}${month[10] ?? ''}`;
    const clock = bare && !GIVES_A_TIME.test(text.replace(month[0], '')) ? asClock(n) : undefined;
    const forTime = clock ? `; for a time, write ${clock}` : '';
    if (n < 1 || n > 31) return text;
    if (which === 'next') {
      if (bare) notes.push(`read '${said}' as the ${ordinalDay(n)} of next month${forTime}`);
      return text.replace(month[0], month[3] !== undefined ? `on the ${ordinalDay(n)} next month` : `next month on the ${ordinalDay(n)}`);
    }
    if (n > daysInMonth(today.year, today.month)) return text;
    const date = { year: today.year, month: today.month, day: n };
    if (n >= today.day) {
      if (bare) notes.push(`read '${said}' as the ${ordinalDay(n)} of this month, ${dayLabel(date)}${forTime}`);
      return text.replace(month[0], isoDate(date));
    }
    // "on 1 this month" on the 7th: neither next month's 1st nor a clock is guessed.
    const instead = text
      .replace(month[0], spelled(nextDate(n, today)))
      .replace(/\s+/g, ' ')
      .trim();
    throw new UsageError(`'${shown}': the ${ordinalDay(n)} of this month (${dayLabel(date)}) has passed`, `For the date to come, write '${instead}'${clock ? `; for a time, write ${clock}` : ''}.`);
  }
  return text;
}

const isoDate = (date: { year: number; month: number; day: number }) => `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
