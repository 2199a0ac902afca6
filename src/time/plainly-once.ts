/**
 * Whether a phrase is plainly one instant ("tomorrow at 9am", "in 5 minutes",
 * "next friday at 17:30"), told without the recurring grammar: its words are
 * all words no rule of that grammar repeats on. Loading and running the
 * grammar (looksRecurring) was a good part of every one-time `parse`, which
 * asks first whether a phrase repeats.
 *
 * Exact in one direction only: true means looksRecurring is false; false means
 * nothing (the grammar is asked). So it never changes a reading, only skips
 * the question where the answer is known. Every word allowed here is one the
 * grammar repeats on in none of its rules: "every", "each", frequency words,
 * counts ("twice", "3 times", "5 days a week"), day sets ("weekdays",
 * "mondays"), holidays, zones and compounds ("m-f", "alternate days") are all
 * left out. A phrase may name at most one weekday and at most one number or
 * ordinal that may be a day ("5 pm" is a time), since two ("monday and
 * friday", "the 1st and 15th", "first and third monday") repeat. No word
 * allowed is a zone, so the grammar would read these very tokens. Held to
 * looksRecurring by a property test over phrases made of these words, and
 * through `parse` by scripts/compare-readings.mjs.
 */
import { monthOf, ORDINAL_WORDS } from './lexicon';
import { tokenize } from './words';

/** Words that repeat in no rule, alone or beside each other, and name no zone. */
export const ONE_TIME_WORDS: ReadonlySet<string> = new Set(
  'today tomorrow tonight now next this in at on the a an from noon midnight morning afternoon evening night am pm minute minutes hour hours day days week weeks month months year years'.split(' '),
);

/** One weekday, as the grammar spells it in the singular ("mondays" repeats). */
export const SINGLE_WEEKDAYS: ReadonlySet<string> = new Set('sunday monday tuesday wednesday thursday friday saturday sun mon tue tues wed thu thur thurs fri sat'.split(' '));

/** An ordinal ("3rd"), which may be a day of the month or the count of an nth weekday. */
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
/** A number that may be a day of the month ("the 5 and 20"): one or two digits, not a clock's hour ("5 pm"). */
const DAY_NUMBER = /^\d{1,2}$/;
/** Any other number ("2027", "1.5") and a clock as the tokenizer keeps it whole ("9:30", "9.30"). */
const OTHER_NUMBER = /^\d+(?:\.\d+)?$|^\d{1,2}[:.]\d{1,2}$/;

export function plainlyOnce(input: string): boolean {
  // "mon..fri" is read as a range.
  if (input.includes('..')) return false;
  // Two numbers first may be a cron's fields ("0 9 * * 1").
  if (/^\d+\s+\d+(?:\s|$)/.test(input.trim())) return false;
  const tokens = tokenize(input);
  let days = 0;
  let weekdays = 0;
  for (const [i, token] of tokens.entries()) {
    if (ORDINAL.test(token) || ORDINAL_WORDS.has(token) || token === 'last' || (DAY_NUMBER.test(token) && tokens[i + 1] !== 'am' && tokens[i + 1] !== 'pm')) days++;
    else if (SINGLE_WEEKDAYS.has(token)) weekdays++;
    else if (!ONE_TIME_WORDS.has(token) && monthOf(token) === undefined && !OTHER_NUMBER.test(token)) return false;
  }
  // "5 days a week" is a count per week.
  return days <= 1 && weekdays <= 1 && !(tokens.includes('days') && tokens.includes('week'));
}
