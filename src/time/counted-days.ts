/**
 * "three weekends", "2 mondays": a count of days, which says neither when in them nor how often. Both readers refuse it
 * rather than read the number as a clock (15:00 on weekends, 14:00 on a Monday).
 */
import { UsageError } from '../errors';
import { readNumber } from './words';

/** Plural weekdays and weekends (a count of weekdays, "5 weekdays", is the one-time reader's "in 5 weekdays"). */
const COUNTED = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekends)$/;
/** Words before a number that make it something else: a step ("every 2 mondays"), a time ("at 9 mondays"), an nth, a count already read ("the next 3 mondays"), a day counted to ("in 2 weekends"). */
const NOT_A_COUNT: ReadonlySet<string> = new Set(['every', 'each', 'other', 'at', '@', 'in', 'next', 'first', 'last', 'past', 'previous', 'following']);
/** Words after the days that make a frequency ("2 mondays a month") or a day counted to ("2 sundays from now"). */
const NOT_COUNTED_AFTER: ReadonlySet<string> = new Set(['a', 'an', 'per', 'of', 'each', 'every', 'from', 'after', 'before', 'ago', 'later', 'hence', 'away']);

export function refuseCountedDays(tokens: readonly string[], shown?: string): void {
  for (let k = 0; k < tokens.length; k++) {
    if (NOT_A_COUNT.has(tokens[k - 1] ?? '')) continue;
    const count = readNumber(tokens, k, { articles: false });
    const days = count ? tokens[count.end] : undefined;
    if (!count || !COUNTED.test(days ?? '') || !Number.isInteger(count.value) || count.value < 1 || NOT_COUNTED_AFTER.has(tokens[count.end + 1] ?? '')) continue;
    const said = tokens.slice(k, count.end + 1).join(' ');
    const day = days!.replace(/s$/, '');
    throw new UsageError(
      `${shown === undefined || shown.toLowerCase() === said ? '' : `'${shown}': `}'${said}' counts ${days} (${count.value}), which says neither when nor how often`,
      day === 'weekend'
        ? `For a time each weekend, say 'every weekend at 3pm'; for that many, give an end, such as 'every weekend for ${count.value} weeks'.`
        : `For a time each ${day}, say 'every ${day} at 3pm'; for that many, say 'the next ${count.value} ${days}'.`,
    );
  }
}
