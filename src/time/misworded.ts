/**
 * Rules said with a word that is almost the one meant ("other day", "one a day", "any weekend") or a span a count cannot
 * fill ("twice a fortnight"): refused with the words that work, rather than "could not understand".
 */
import { unitOf, weekdayOf } from './lexicon';
import { shown } from './quoted-as-typed';
import { readNumber } from './words';

/** A day a rule repeats on: "monday", "weekday", "weekend". */
const isDay = (word: string | undefined) => word !== undefined && (weekdayOf(word) !== undefined || /^week(?:day|end)s?$/.test(word));
/** A day or a unit a rule repeats in: "monday", "weekend", "day", "week". */
const repeatsIn = (word: string | undefined) => isDay(word) || unitOf(word) !== undefined;

/** The refusal for such a phrase, as a problem (after the phrase) and a hint; null for any other. */
export function misworded(tokens: readonly string[]): { problem: string; hint: string } | null {
  const [first, second, third] = tokens;
  // "other day", "other monday": "every" left out.
  if (first === 'other' && repeatsIn(second)) {
    return { problem: `starts with 'other' and no 'every'`, hint: `Write 'every other ${shown(tokens.slice(1))}'.` };
  }
  // "any weekend", "any day": one of them, or each?
  if (first === 'any' && isDay(second)) {
    return { problem: `says 'any', which does not say whether each one or one of them`, hint: `For each, write 'every ${shown(tokens.slice(1))}'; for one, name it, such as 'this ${second}'.` };
  }
  // "one a day", "one per week": "once" misspelt.
  if (first === 'one' && (second === 'a' || second === 'per') && unitOf(third) !== undefined) {
    return { problem: `says 'one' where a count of runs goes`, hint: `Did you mean 'once ${shown(tokens.slice(1))}'?` };
  }
  // "twice a fortnight", "3 times a fortnight": no days to choose are known in a fortnight, as they are in a week.
  const at = tokens.findIndex((word, k) => (word === 'a' || word === 'per') && tokens[k + 1] === 'fortnight');
  const count = at > 0 ? countBefore(tokens, at) : undefined;
  if (count !== undefined && count > 1) {
    return {
      problem: `says how many times a fortnight (${count}) without the days`,
      hint: "Name the days and say every other week, such as 'every other week on monday and thursday'.",
    };
  }
  // "weekday nearest day 13", "the nearest weekday to the 15th": cron's W.
  if (
    tokens.some(
      (word, k) =>
        (word === 'nearest' || word === 'closest') &&
        tokens.slice(Math.max(0, k - 2), k + 3).some((w, n, near) => /^(?:week|work|business)days?$/.test(w) || (w === 'day' && ['business', 'work', 'working'].includes(near[n - 1] ?? ''))),
    )
  ) {
    return {
      problem: "asks for the weekday nearest a day of the month, which moves from month to month (cron's W, which Letta does not accept)",
      hint: "Name the day, such as 'every month on the 13th', or count weekdays in the month, such as 'first weekday of the month'.",
    };
  }
  // "every 2nd day of the week": weeks begin on Sunday in some places, on Monday in others. After an interval ("every 15
  // minutes every 2nd day of the week") it is a step counted in the week, refused as such by the grammar.
  const dayOfWeek = (word: string, k: number) =>
    /^\d{1,2}(?:st|nd|rd|th)$|^(?:second|third|fourth|fifth|sixth|seventh)$/.test(word) && tokens[k + 1] === 'day' && tokens[k + 2] === 'of' && tokens.slice(k + 3, k + 5).includes('week');
  if (tokens.some((word, k) => dayOfWeek(word, k) && !tokens.slice(0, k - 1).some((w) => w === 'every' || w === 'each'))) {
    return { problem: 'counts a day of the week, which is another day where weeks begin on Sunday than where they begin on Monday', hint: "Name the weekday, such as 'every wednesday'." };
  }
  // "every fri in week 12", "every monday in week 2 of the month": a week by its number.
  // Only in a rule that says it repeats, and not "the week 5 days".
  const repeating = tokens.some((word) => word === 'every' || word === 'each');
  const week = tokens.findIndex(
    (word, k) => repeating && word === 'week' && /^\d{1,2}$/.test(tokens[k + 1] ?? '') && [undefined, 'in', 'of', 'during', 'on'].includes(tokens[k - 1]) && unitOf(tokens[k + 2]) === undefined,
  );
  if (week >= 0) {
    const n = Number(tokens[week + 1]);
    const ofMonth = tokens.slice(week).some((word, k, rest) => word === 'month' && rest[k - 2] === 'of');
    if (ofMonth && n >= 1 && n <= 4) {
      const nth = ['1st', '2nd', '3rd', '4th'][n - 1]!;
      return {
        problem: `names the month's week by its number ('week ${n}'), which is read only as an ordinal`,
        hint: `Write it as the ${nth} week, such as '${week > 0 ? `${shown(tokens.slice(0, week))} ` : ''}the ${nth} week of the month' (days ${7 * n - 6}-${7 * n}).`,
      };
    }
    return {
      problem: `names a week ${ofMonth ? 'of the month' : 'of the year'} by its number (${n}), which falls on other dates each ${ofMonth ? 'month' : 'year'}, and no cron has a field for it`,
      hint: ofMonth ? "Name the days, such as 'the 29th to the 31st of every month'." : "Name the dates instead, such as 'every day from the 16th to the 22nd of march'.",
    };
  }
  return null;
}

/** The count said right before `at`: "twice", "3 times", "3x". */
function countBefore(tokens: readonly string[], at: number): number | undefined {
  const word = tokens[at - 1];
  if (word === 'once') return 1;
  if (word === 'twice') return 2;
  if (word === 'thrice') return 3;
  if (word !== 'times' && word !== 'x') return undefined;
  const start = tokens.findIndex((_, k) => readNumber(tokens, k, { articles: false })?.end === at - 1);
  return start < 0 ? undefined : readNumber(tokens, start, { articles: false })?.value;
}
