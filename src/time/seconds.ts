import { UsageError } from '../errors';
import { monthOf, partOfDay } from './lexicon';
import { MONTH_NAMES } from './names';

/** Words after "second" that make it an ordinal ("every second tuesday", "each second week", "every second and fourth friday"), not the unit. */
const ORDINAL_FOLLOWERS =
  /^(?:minute|hour|day|night|week|fortnight|month|quarter|year|weekday|weekend|time|and|to|last|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun|week|business|working|work)(?:days?)?|weekends?|minutes|hours|nights|weeks|months|quarters|years)$/;

/** A clock to the second ("14:02:30", "9:15:45.5"), not an ISO 8601 time after its 'T': hours, minutes, seconds, a fraction. */
export const CLOCK_TO_THE_SECOND = /(?<![\dt:-])(\d{1,2}):(\d{2}):(\d{2})([.,]\d+)?(?![\d:])/gi;

/**
 * Where a repeating phrase names seconds: a clock with seconds other than :00 ("at 14:02:30"), or seconds as a unit
 * ("every second, at 0 minutes past the hour", "at 10 seconds past the minute", "secondly"). Letta steps by whole minutes,
 * so these are refused by name rather than left to the grammar, which stops at a word that does not say why.
 */
export function refuseSeconds(said: string): void {
  const text = said.toLowerCase();
  const clock = [...text.matchAll(CLOCK_TO_THE_SECOND)].find((found) => found[3] !== '00');
  if (clock) {
    throw new UsageError(
      `'${said}' gives a clock to the second (${clock[0]}): Letta's schedules run at whole minutes`,
      `Give the minute: '${said.slice(0, clock.index)}${clock[1]}:${clock[2]}${said.slice(clock.index! + clock[0].length)}'.`,
    );
  }
  const words = text.split(/[^a-z0-9]+/).filter(Boolean);
  const beforeMonth = words.findIndex((word, k) => word === 'second' && /^(?:every|each)$/.test(words[k - 1] ?? '') && monthOf(words[k + 1]) !== undefined);
  if (beforeMonth >= 0) throw secondBeforeMonth(said, words, beforeMonth + 1);
  const namesSeconds = words.some((word, k) => {
    if (/^(?:seconds|secs?|secondly)$/.test(word)) return true;
    // "second" is the unit after "every", "each", "a", "per", "1" or "2nd", unless what it counts follows.
    return word === 'second' && /^(?:every|each|other|a|per|1|one|\d+(?:st|nd|rd|th))$/.test(words[k - 1] ?? '') && !countsWhatFollows(words, k + 1);
  });
  if (namesSeconds) throw secondsTooFine(said);
}

/** Whether the words from k are what an ordinal "second" counts: a unit or a day, another ordinal ("second, fourth friday"), a part of the day, or "of the month". */
function countsWhatFollows(words: readonly string[], k: number): boolean {
  const next = words[k] ?? '';
  if (ORDINAL_FOLLOWERS.test(next) || partOfDay(next) !== undefined) return true;
  if (/^(?:or|third|fourth|fifth|\d+(?:st|nd|rd|th))$/.test(next)) return true;
  // "every second of the month" is its 2nd day; "every second of the day" is seconds.
  const of = ['the', 'every', 'each'].includes(words[k + 1] ?? '') ? words[k + 2] : words[k + 1];
  return next === 'of' && /^(?:month|week|year|quarter)$/.test(of ?? '');
}

/** The one refusal of seconds as a unit; `said`, when given, is quoted before it. */
export function secondsTooFine(said?: string): UsageError {
  return new UsageError(`${said === undefined ? '' : `'${said}': `}seconds are too fine: Letta's schedules step by whole minutes`, "Try 'every minute'.");
}

/**
 * "every second january at 9am": every other January, or January 2nd each year? Neither is guessed; the hint writes each,
 * with the rest of the phrase. With its own day ("every second june 1st") it can only be every other year.
 */
function secondBeforeMonth(said: string, words: readonly string[], k: number): UsageError {
  const month = MONTH_NAMES[monthOf(words[k])! - 1]!;
  const rest = words.slice(k + 1);
  const day = /^\d{1,2}(?:st|nd|rd|th)?$/.test(rest[0] ?? '') ? rest.shift() : undefined;
  const after = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const everyOtherYear = `'every 2 years on ${month.toLowerCase()} ${day ?? '1st'}${after}'`;
  if (day !== undefined) {
    return new UsageError(`'${said}': 'second' before a month is every other year here, not seconds`, `Write ${everyOtherYear}; for every year, 'every ${month.toLowerCase()} ${day}${after}'.`);
  }
  return new UsageError(
    `'${said}' leaves 'second ${words[k]}' open: every other ${month}, or ${month} 2nd each year?`,
    `For the day, write 'every ${month.toLowerCase()} 2nd${after}'; for every other year, ${everyOtherYear}, or another day of ${month}.`,
  );
}
