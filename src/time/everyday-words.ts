// A file of its own, so the one-time reader uses it without loading the recurring grammar (looks-recurring).

import { NUMBER_WORDS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS } from './lexicon';
import { checkQualifiedPart } from './qualified-part';

/** A clock time: "6am", "9:30", "15h", "at 8", "8 o'clock", "noon". */
export const GIVES_A_TIME = /\d\s*(?:[ap]\.?m\b|h\b|o'?clock\b)|\d[:.]\d\d|(?:\bat|@) ?\d|\b(?:noon|midday|midnight)\b/;

/**
 * "early morning at 7", "at 10 late evening", "mid-afternoon at 3": beside a clock, the part of the day decides its am or
 * pm (and refuses a clock it cannot hold); early, mid or late in it adds nothing more. Without a clock the hour is open.
 */
const PART_QUALIFIER =
  /\b(?:(?:very|really|quite) )?(?:(?:early|late)[- ](?=(?:in the )?(?:morning|afternoon|evening|night)\b)|mid-?(?=(?:morning|afternoon|evening)\b)|mid (?=(?:morning|afternoon|evening|night)\b))/g;

/**
 * Everyday words for what the readers have words for: "3:20 in afternoon" (in the afternoon), "nine fifty a m" (am,
 * spelt apart after a number said in words); for one time also "a day from right now" (from now) and "later tonight
 * at 11" (tonight; "later today" alone names no hour, and is left to be refused), "at the moment" (now), "last night"
 * (yesterday night), "december 25th in 2027" (its year),
 * "this week wednesday" (wednesday this week), "week from tuesday" (a week from tuesday); "month end" (the end of the
 * month, "every month end" of every month);
 * for a repeating one "also every ..." (and every ...).
 */
export function withEverydayWords(given: string, reader: 'once' | 'recurring', notes?: string[]): string {
  const text = withSpokenDays(withSpokenYears(given, notes));
  if (
    !/\b(?:right (?:now|away)|straight ?away|as soon as possible|at (?:the (?:moment|present time)|present)|last night|in (?:morning|afternoon|evening|(?:19|20|21)\d\d)|later (?:today|tonight|this)|(?:early|late|mid)[- ]?(?:in the )?(?:morning|afternoon|evening|night)\b(?<!\bmidnight)|[ap] m|also|week|(?:month|quarter|year).end|during|(?:morning|afternoon|evening|night)s? and)\b/.test(
      text,
    )
  )
    return text;
  if (GIVES_A_TIME.test(text)) checkQualifiedPart(text);
  const plain = text
    .replace(/\bin (morning|afternoon|evening)\b/g, 'in the $1')
    // "month end", "every month-end", "quarter end", "year-end": the end of the month (quarter, year), of every one.
    .replace(/\b(?:(each|every)|the) (month|quarter|year)[- ]end\b/g, (_said: string, every: string | undefined, span: string) => (every ? `the end of ${every} ${span}` : `the end of the ${span}`))
    .replace(/(?<!\b(?:the|each|every) )\b(month|quarter|year)[- ]end\b/g, 'end of the $1')
    .replace(/(?<=\b[a-z-]*(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|oclock)) ([ap]) m\b/g, ' $1m')
    // In both readers, as the part of the day beside a clock decides its am or pm the same way.
    .replace(PART_QUALIFIER, (said: string) => (GIVES_A_TIME.test(text) ? '' : said));
  // "every morning and evening", "mornings and evenings": each part of the day its own time, as "every morning and every evening".
  // Only as the whole phrase: days before or after them ("saturday mornings and evenings", "... on weekdays") would be
  // read as the first part's or the second's alone.
  if (reader === 'recurring') {
    const parts = plain
      .replace(
        /^(?:(every|each) (morning|afternoon|evening|night)|(morning|afternoon|evening|night)s) and (?:(?:every|each) )?(morning|afternoon|evening|night)s?$/,
        (_said: string, every: string | undefined, first: string | undefined, plural: string | undefined, second: string) => `${every ?? 'every'} ${first ?? plural} and ${every ?? 'every'} ${second}`,
      )
      // "every day in the morning and evening", "weekdays in the morning and in the afternoon": so too, on those days.
      .replace(
        /^((?:every|each) (?:day|weekday|weekend day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|daily|weekdays|weekends|(?:mon|tues|wednes|thurs|fri|satur|sun)days) in the (morning|afternoon|evening) and (?:in the )?(morning|afternoon|evening|night)$/,
        (_said: string, days: string, first: string, second: string) => {
          // A second rule begins at "every": "mondays" is said so for both.
          const each = /^(?:every|each|daily)\b/.test(days) ? days : `every ${days.slice(0, -1)}`;
          return `${each} in the ${first} and ${each} in the ${second}`;
        },
      );
    return parts.replace(/(?:,? and)? also (?=every |each |on |at |(?:mon|tue|wed|thu|fri|sat|sun|week)[a-z]*\b)/g, ' and ');
  }
  return (
    plain
      .replace(/\b(?:right (?:now|away)|straight ?away|as soon as possible)\b/g, 'now')
      // "at the moment", "at present": now, said as the whole phrase.
      .replace(/^at (?:the (?:moment|present time)|present)$/, 'now')
      // "last night at 8": yesterday's night, whose 8 is 20:00 ("last" alone would make it a morning's).
      .replace(/\blast night\b(?! of\b)/g, 'yesterday night')
      // "during march": in it, as "in march" is (its first day, said).
      .replace(/\bduring (?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: \d{4})?(?: |$))/g, 'in ')
      // "this week wednesday", "next week fri at 3pm": as "wednesday this week"; "week from tuesday": "a week from tuesday".
      .replace(/\b(this|next) week ((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b/g, '$2 $1 week')
      .replace(/(?<!\b(?:a|one|1|this|next|last|the) )\bweek from\b/g, 'a week from')
      // "december 25th in 2027": the year of the date before it.
      .replace(/(?<=\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?) in ((?:19|20|21)\d\d)\b/g, ' $1')
      .replace(/\blater (today|tonight|this (?:morning|afternoon|evening))\b(?= (?:at |@ ?|around |about )?\d| at (?:noon|midnight))/g, '$1')
  );
}

const UNITS = UNIT_WORDS;
const TEENS = TEEN_WORDS;
const TENS = TENS_WORDS;
const NUMBER: Readonly<Record<string, number>> = Object.fromEntries(NUMBER_WORDS);
const SPOKEN_YEAR = `(thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty) (?:(?:oh|zero) (${UNITS})|(${TEENS})|(${TENS})(?:[- ](${UNITS}))?|(hundred))`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
/** After a date ("september 10, nineteen zero one", "10 march twenty twenty seven"): a year there is what people say. */
const DAY_WORD = String.raw`(?:(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth)`;
const YEAR_AFTER_DATE = new RegExp(String.raw`(?<=\b(?:${MONTH} (?:the )?(?:\d{1,2}(?:st|nd|rd|th)?|${DAY_WORD})|(?:\d{1,2}(?:st|nd|rd|th)?|${DAY_WORD}) (?:of )?${MONTH}),? )${SPOKEN_YEAR}\b`, 'g');
/** A date after a year ("march 3", "the 3rd of march", "march"). */
const DATE_AFTER_YEAR = String.raw`(?:the )?(?:${MONTH}(?: (?:the )?(?:\d{1,2}(?:st|nd|rd|th)?|${DAY_WORD}))?|(?:\d{1,2}(?:st|nd|rd|th)?|${DAY_WORD}) (?:of )?${MONTH})\b`;
/** "2027 on march 3": the year of the date after it, as "2027 march 3" is. */
const YEAR_ON_DATE = new RegExp(String.raw`(?<!\b(?:at|@) )\b((?:19|20)\d\d),? on (?=${DATE_AFTER_YEAR})`, 'g');
/** Before a date ("twenty twenty seven march 3", "in twenty twenty seven on the 3rd of march"): a year, as after one (not after "at"). */
const YEAR_BEFORE_DATE = new RegExp(String.raw`(?<!\b(?:at|@) )\b${SPOKEN_YEAR}(?=,? (?:on )?${DATE_AFTER_YEAR})`, 'g');
/** The whole phrase ("nineteen twenty eight"): an hour of 13-19 with minutes is said as a clock by few, as a year by most ("eighteen hundred" is a clock). */
const YEAR_ALONE = new RegExp(String.raw`^(?:in )?${SPOKEN_YEAR.replace('|twenty) ', ') ').replace('|(hundred)', '|()(?!)')}$`);
/** After "in" or "the year" ("in twenty twenty eight", "in the year nineteen ninety at 5pm"): a year, as no clock follows those words. */
const YEAR_SAID = new RegExp(String.raw`(?<=(?:^|\b)(?:in (?:the year )?|the year ))${SPOKEN_YEAR.replace('|(hundred)', '|()(?!)')}(?= (?:at |@ )?(?:\d|noon|midnight)|$)`);

/**
 * A year said in words ("nineteen twenty eight", "twenty twenty seven") as its digits, where a year is meant; never two
 * clocks. Beside a date, the words could also be a clock ("march 3 twenty twenty" at 20:20): the year read is said in `notes`.
 */
function withSpokenYears(given: string, notes?: string[]): string {
  const text = /\d on /.test(given) ? given.replace(YEAR_ON_DATE, '$1 ') : given;
  if (!/(?:teen|twenty) (?:oh|zero|hundred|[a-z]*(?:teen|ty|one|two|three|four|five|six|seven|eight|nine))\b/.test(text)) return text;
  const year = (_said: string, hundreds: string, oh?: string, teen?: string, tens?: string, unit?: string): string =>
    String(NUMBER[hundreds]! * 100 + (oh ? NUMBER[oh]! : teen ? NUMBER[teen]! : tens ? NUMBER[tens]! + (unit ? NUMBER[unit]! : 0) : 0));
  const afterDate = (said: string, ...groups: string[]): string => {
    const digits = year(said, ...(groups as [string]));
    notes?.push(yearInWordsNote(said, digits));
    return digits;
  };
  return text
    .replace(YEAR_AFTER_DATE, afterDate)
    .replace(YEAR_BEFORE_DATE, afterDate)
    .replace(YEAR_ON_DATE, '$1 ')
    .replace(YEAR_SAID, (said: string, ...groups: string[]) => year(said, ...(groups as [string])))
    .replace(YEAR_ALONE, (said: string, ...groups: string[]) => (said.startsWith('in ') ? 'in ' : '') + year(said, ...(groups as [string])));
}

/** The note for a year said in words and read as its digits. */
export function yearInWordsNote(said: string, digits: string): string {
  return `read '${said}' as the year ${digits}; write ${digits} to say so`;
}

/** A month and a day in words ("may twenty one", "june ten"): the day, in both readers; not a clock ("may nine thirty", "june ten am"). */
const DAY_AFTER_MONTH = new RegExp(
  String.raw`(?<=\b${MONTH} )(?:(twenty|thirty)(?:[- ](${UNITS}))?|(${TEENS})|(${UNITS}))\b(?![- ](?:oh |zero )?(?:${UNITS}|${TEENS}|${TENS}|[a-z]*(?:first|second|third|th))\b| ?(?:[ap]\.? ?m\b|o'?clock|in the|at night|hours?\b|minutes?\b|days?\b|weeks?\b|months?\b|years?\b|times?\b))`,
  'g',
);

function withSpokenDays(text: string): string {
  return text.replace(DAY_AFTER_MONTH, (said: string, tens?: string, unit?: string, teen?: string, alone?: string) => {
    const day = tens ? NUMBER[tens]! + (unit ? NUMBER[unit]! : 0) : NUMBER[(teen ?? alone)!]!;
    return day <= 31 ? String(day) : said;
  });
}
