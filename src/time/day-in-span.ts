import { UsageError } from '../errors';
import { GIVES_A_TIME } from './everyday-words';
import { MONTH_NAMES } from './names';
import { ordinalDay } from './words';
import { addDays, dayLabel, daysInMonth, type WallTime } from './zone';

/** "on 15 next week", "the 20th this week", "next week on the 9th": a day of the month with the week it should fall in. */
const DAY_IN_WEEK = /\b(?:(on )?(the )?(\d{1,2})(st|nd|rd|th)? (this|next) week|(this|next) week,? on (the )?(\d{1,2})(st|nd|rd|th)?)\b(?! ?(?:[ap]\.?m\b|:|h\b|o'?clock\b|hours?\b|minutes?\b))/;
/** "on 3 next month", "next month on 3": a bare number with a month, which is its day (a clock is "at 3"). */
const BARE_DAY_IN_MONTH = /\b(?:on (\d{1,2}) (this|next) month|(this|next) month,? on (\d{1,2}))\b(?! ?(?:st|nd|rd|th|[ap]\.?m\b|:|h\b|o'?clock\b|hours?\b|minutes?\b))/;

/** How a number could be written as a clock instead ("at 3pm", "at 15:00"), if it could be one. */
function asClock(n: number): string | undefined {
  if (n >= 1 && n <= 12) return `'at ${n}pm'`;
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
    const which = (week[5] ?? week[6]) as 'this' | 'next';
    const said = week[3] !== undefined ? `${week[2] ?? ''}${week[3]}${week[4] ?? ''}` : `${week[7] ?? ''}${week[8]}${week[9] ?? ''}`;
    const bare = week[2] === undefined && week[4] === undefined && week[7] === undefined && week[9] === undefined;
    const monday = addDays(today, -((today.weekday + 6) % 7) + (which === 'next' ? 7 : 0));
    const sunday = addDays(monday, 6);
    const days = [...Array(7).keys()].map((k) => addDays(monday, k));
    const date = days.find((day) => day.day === n);
    // With a clock of its own ("on 9 next week at 5pm"), the number cannot also be one.
    const clock = bare && !GIVES_A_TIME.test(text.replace(week[0], '')) ? asClock(n) : undefined;
    const span = `${dayLabel(monday)} to ${dayLabel(sunday)}`;
    if (date && Date.UTC(date.year, date.month - 1, date.day) >= Date.UTC(today.year, today.month - 1, today.day)) {
      notes.push(`read '${said}' as ${bare ? `the ${ordinalDay(n)}, ` : ''}${dayLabel(date)}, in ${which} week (${span})${clock ? `; for a time, write ${clock}` : ''}`);
      return text.replace(week[0], `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`);
    }
    const other = nextDate(n, today);
    // The rest of the phrase stays in the date written instead ("on 15 next week at 9am": 'december 15 at 9am'); an "on"
    // that opened the phrase goes with the week.
    const opensWith = text.indexOf(week[0]) === 0;
    const instead = text
      .replace(week[0], `${week[1] !== undefined && !opensWith ? 'on ' : ''}${spelled(other)}`)
      .replace(/\s+/g, ' ')
      .trim();
    const problem = date ? `the ${ordinalDay(n)} this week (${dayLabel(date)}) has passed` : `${which} week (${span}) has no ${ordinalDay(n)}`;
    throw new UsageError(
      `'${shown}': ${problem}`,
      n <= 31
        ? `For the date, write '${instead}'${clock ? `; for a time ${which} week, give its day, such as 'monday ${which} week ${clock.slice(1, -1)}'` : ''}.`
        : `Give the day, such as 'monday ${which} week' or '${spelled(nextDate(15, today))}'.`,
    );
  }
  const month = BARE_DAY_IN_MONTH.exec(text);
  if (month) {
    const n = Number(month[1] ?? month[4]);
    const which = month[2] ?? month[3];
    const clock = GIVES_A_TIME.test(text.replace(month[0], '')) ? undefined : asClock(n);
    if (n >= 1 && n <= 31 && which === 'next') {
      notes.push(`read '${n}' as the ${ordinalDay(n)} of next month${clock ? `; for a time, write ${clock}` : ''}`);
      return text.replace(month[0], month[1] !== undefined ? `on the ${ordinalDay(n)} next month` : `next month on the ${ordinalDay(n)}`);
    }
    if (n >= today.day && n <= daysInMonth(today.year, today.month)) {
      const date = { year: today.year, month: today.month, day: n };
      notes.push(`read '${n}' as the ${ordinalDay(n)} of this month, ${dayLabel(date)}${clock ? `; for a time, write ${clock}` : ''}`);
      return text.replace(month[0], `${date.year}-${String(date.month).padStart(2, '0')}-${String(n).padStart(2, '0')}`);
    }
  }
  return text;
}
