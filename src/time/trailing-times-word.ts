/**
 * "every day twice", "weekly once", "weekly 1 time": how many said after the rule, as a word. "every day 3 times" is three
 * runs in all, but "twice" or "once" there reads as often as not as "twice a day" or "once a week", so it is asked about.
 */
import { shown } from './quoted-as-typed';
import { readNumber } from './words';

const TIMES_WORDS: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };

/** The refusal for a phrase ending in such a word, as a problem (after the phrase) and a hint, with the words before it; null when it ends otherwise. */
export function trailingTimesWord(tokens: readonly string[]): { rule: readonly string[]; problem: string; hint: string } | null {
  const last = tokens.length - 1;
  let start = last;
  let count = TIMES_WORDS[tokens[last] ?? ''];
  if (count === undefined && tokens[last] === 'time') {
    start = tokens.findIndex((_, k) => k > 0 && readNumber(tokens, k, { articles: false })?.end === last);
    count = start > 0 ? readNumber(tokens, start, { articles: false })?.value : undefined;
  }
  if (count === undefined || start < 1 || !Number.isInteger(count)) return null;
  const said = tokens.slice(start).join(' ');
  const rule = shown(tokens.slice(0, start));
  if (count === 1) {
    return {
      rule: tokens.slice(0, start),
      problem: `ends with '${said}': '${rule}' already runs once each time it comes round, and a single run is a one-time schedule`,
      hint: `To repeat it, write '${rule}'; for one run, give its day and time, such as 'next monday at 9am'.`,
    };
  }
  // The times example takes the place of a time the rule gives ("every monday at 9am twice").
  const at = tokens.slice(0, start).findIndex((word) => word === 'at' || word === '@');
  const days = shown(tokens.slice(0, at < 0 ? start : at));
  return {
    rule: tokens.slice(0, start),
    problem: `ends with '${said}': ${count} runs on each of its days, or ${count} runs in all?`,
    hint: `For ${count} on each day, name the times, such as '${days} at ${count === 2 ? '9am and 5pm' : '9am, 1pm and 5pm'}'; for ${count} runs in all, '${rule} ${count} times'.`,
  };
}
