import { UsageError } from '../errors';
import { yearInWordsNote } from './everyday-words';
import { monthOf, TEEN_WORDS, TENS_WORDS, UNIT_WORDS } from './lexicon';
import { MONTH_NAMES } from './names';
import { ordinalDay, parseNumber } from './words';
import { dayToCome, gone, type Today } from './year-alone';

/** 1 to 99 in words: "seven", "twelve", "twenty seven", "forty-one". */
const UNDER_A_HUNDRED = `(?:(?:${TENS_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${TEEN_WORDS}|${UNIT_WORDS})`;
/** What such words say (UNDER_A_HUNDRED matched them). */
const wordsValue = (said: string): number => parseNumber(said)!;

/** "two thousand and twenty seven", "two thousand nine": the year in digits. */
const TWO_THOUSAND = new RegExp(String.raw`\btwo thousand(?: and)?(?: (${UNDER_A_HUNDRED}))?\b`, 'g');
/** "twenty twenty seven" as the whole phrase: 20:27 on the clock, or the year 2027. */
const TWENTY_SOMETHING = new RegExp(String.raw`^(?:in |at )?twenty (${UNDER_A_HUNDRED})$`);
/**
 * Two letters for a weekday, as calendars shorten them; only where a day is expected (after "next", "on"), since "we",
 * "su", "mo" are words too: at the start only "tu" and "th", which are not.
 */
const TWO_LETTER_DAYS: Readonly<Record<string, string>> = { mo: 'monday', tu: 'tuesday', we: 'wednesday', th: 'thursday', fr: 'friday', sa: 'saturday', su: 'sunday' };
const TWO_LETTER_DAY = /(^(?=t[uh])|\b(?:next|this|on|coming) )(mo|tu|we|th|fr|sa|su)(?=(?: at\b| @|,? \d|,? noon\b|$))/;
/** "this quarter", "next decade": a span with no day in it. */
const SPAN_ALONE = /^(?:this|next|the) (quarter|decade|century)$/;
const MONTH_AFTER_NEXT = /\b(?:the )?((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*) after next\b/;
const WEEK_OF = /^(?:the )?(first|second|third|fourth|last|1st|2nd|3rd|4th) week (?:of|in) ((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: \d{4})?|(?:this|next|the) month)$/;
const DECADES = /\b(\d+|an?|one|two|three|four|five) decades?\b/;

/** A word one of the wordings below needs: most phrases have none and skip them all (each pattern costs its compiling on first use). */
const NTH_WEEKEND = /\b(?:the )?(first|second|third|fourth|last) weekend ((?:of|in) (?:the month|this month|next month|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*(?: \d{4})?))\b/;
const LOOSE_WORDS = /\b(?:just|(?:time)?zone|today|on|in|thousand|decades?|next|(?:up)?coming|weekend|twenty|quarter|century|week|mo|tu|we|th|fr|sa|su)\b/;

/**
 * Everyday wordings of one time the grammar has other words for, each said in a note where it chose: "just now" (now),
 * "on 15 in the evening" (the 15th),
 * "today in one hour" (in one hour), "in next tuesday" (next tuesday), "next next monday" (the monday after next),
 * "march after next", a year in words ("two thousand and twenty seven"), two-letter weekdays ("next tu"), "mountain
 * time zone" (mountain time), "1 decade" (10 years). "twenty twenty seven" alone is 20:27, said as it may be the
 * year. Refused with what works: "the first week of january" (a week, not a day), "this quarter" (no day in it).
 */
export function withLooseWords(text: string, shown: string, today: Today, notes: string[]): string {
  if (!LOOSE_WORDS.test(text)) return text;
  const twenty = TWENTY_SOMETHING.exec(text);
  const minutes = twenty ? wordsValue(twenty[1]!) : 60;
  // Read as the clock it also is ("twenty thirty", 20:30), but the year is what many mean: said.
  if (minutes < 60) {
    const day = dayToCome(2000 + minutes, today);
    notes.push(
      `read '${text}' as 20:${String(minutes).padStart(2, '0')}; ${day ? `for the year ${2000 + minutes}, give a day in it, such as '${day}'` : `not the year: ${gone(2000 + minutes, today)}`}`,
    );
  }
  const span = SPAN_ALONE.exec(text);
  if (span) {
    throw new UsageError(
      `'${shown}' names a ${span[1]}, not a day in it`,
      span[1] === 'quarter'
        ? "Give the day, such as 'the start of next quarter', 'the end of this quarter' or 'q2 2027'."
        : "Give the day, such as 'march 1 2030', or how long from now, such as 'in 10 years'.",
    );
  }
  const week = WEEK_OF.exec(text);
  if (week) {
    throw new UsageError(
      `'${shown}' is a week, not one time`,
      `Give a day in it, such as 'the ${week[1]} monday of ${week[2]}'; to send on each day, give --cron, such as 'every day at 9am' with an end.`,
    );
  }
  let plain = text
    .replace(/^just now$/, 'now')
    // "mountain time zone", "eastern timezone": the zone's time, as "mountain time" says it.
    .replace(/\btime ?zone\b/g, 'time')
    // "today in one hour": today is where an hour from now falls, so the day adds nothing.
    .replace(/^today,? (?=in (?:an?|\d+|[a-z]+) (?:minutes?|mins?|hours?|hrs?)\b)/, '')
    // "on 15 in the evening": the 15th, as "on 20 at 5pm" is; no clock's hour is 13 or more in the evening.
    .replace(/\bon (1[3-9]|2\d|3[01]) (?=in the (?:morning|afternoon|evening)\b|at night\b)/, (_said: string, day: string) => `on the ${ordinalDay(Number(day))} `)
    // "the coming week", "this upcoming month": the next one, said; "the upcoming weekend" is the coming weekend.
    .replace(/\b(?:the |this )?(?:up)?coming (week|month|year)\b/, (said: string, unit: string) => {
      notes.push(`read '${said}' as next ${unit}`);
      return `next ${unit}`;
    })
    .replace(/\b(?:the |this )?upcoming weekend\b|\bthe coming weekend\b/, 'coming weekend')
    // "the last weekend of october", "first weekend of next month": its Saturday, as "this weekend" is, said.
    .replace(NTH_WEEKEND, (said: string, nth: string, rest: string) => {
      notes.push(`read '${said.trim()}' as its Saturday, the ${nth} saturday ${rest}; for the Sunday, say '${nth} sunday ${rest}'`);
      return `${nth} saturday ${rest}`;
    })
    // "in next tuesday", "in this friday": the day, as without "in".
    .replace(/^in (?=(?:next|this) [a-z])/, '')
    .replace(TWO_THOUSAND, (said: string, rest?: string) => {
      const year = String(2000 + (rest ? wordsValue(rest) : 0));
      notes.push(yearInWordsNote(said, year));
      return year;
    });
  const decades = DECADES.exec(plain);
  if (decades) {
    const count = parseNumber(decades[1]!)!;
    notes.push(`read '${decades[0]}' as ${count * 10} years`);
    plain = plain.replace(decades[0], `${count * 10} years`);
  }
  const twiceNext = /\bnext next ([a-z]+)\b/.exec(plain);
  if (twiceNext) {
    notes.push(`read '${twiceNext[0]}' as the ${twiceNext[1]} after next`);
    plain = plain.replace(twiceNext[0], `the ${twiceNext[1]} after next`);
  }
  const afterNext = MONTH_AFTER_NEXT.exec(plain);
  const month = afterNext ? monthOf(afterNext[1]) : undefined;
  if (afterNext && month !== undefined) {
    // The coming such month is next year's once this year's has begun; the one after it a year on.
    const year = today.year + (month > today.month ? 1 : 2);
    notes.push(`read '${afterNext[0]}' as ${MONTH_NAMES[month - 1]} ${year}, the one after the coming ${MONTH_NAMES[month - 1]}`);
    plain = plain.replace(afterNext[0], `${afterNext[1]} ${year}`);
  }
  const twoLetters = TWO_LETTER_DAY.exec(plain);
  if (twoLetters) {
    const day = TWO_LETTER_DAYS[twoLetters[2]!]!;
    notes.push(`read '${twoLetters[2]}' as ${day[0]!.toUpperCase()}${day.slice(1)}`);
    plain = plain.replace(TWO_LETTER_DAY, `$1${day}`);
  }
  return plain;
}
