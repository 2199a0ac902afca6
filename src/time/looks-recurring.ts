/**
 * Whether a phrase repeats, as the recurring grammar reads it: the one-time
 * reader asks this of every phrase in words, so it needs only the grammar's
 * reader, not what builds a schedule from it (resolve-recurring, to-utc).
 */
import { phraseZone } from './once-zone';
import { ClauseConflict, readText } from './read-recurring';

// For the entry (index.ts), which loads this module for phrases that may repeat: a dynamic import of words.ts split it into a file of its own.
export { MAX_PHRASE_LENGTH } from './words';

/** True when the phrase reads as a repeating schedule rather than one instant. */
export function looksRecurring(input: string): boolean {
  const text = normalize(input);
  if (isCronLike(text) || /^@[a-z]+$/.test(text)) return true;
  try {
    return readText(text).some((group) => group.repeats);
  } catch (error) {
    if (error instanceof ClauseConflict) return error.repeats;
    try {
      const zoned = phraseZone(text, 'UTC', input.trim());
      return zoned.written !== undefined && zoned.text !== '' && readText(zoned.text).some((group) => group.repeats);
    } catch {
      return false;
    }
  }
}

export function normalize(input: string): string {
  // "mon..fri" (systemd's range) is "mon-fri": the tokens drop dots, which made it Monday and Friday.
  return withEverydayWords(
    input
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/[.!]$/, '')
      .replace(/(?<=\w)\s?\.\.\s?(?=\w)/g, '-')
      // "Mon–Fri", "9–5": an en or em dash between two words is a range, as a hyphen is.
      .replace(/(?<=\w)[–—](?=\w)/g, '-')
      // Todoist's "ev mon", "ev day at 7pm": every.
      .replace(/(?<![\w-])ev(?= [a-z\d])/g, 'every')
      // "all mondays", "all weekends": every one of them.
      .replace(/(?<![\w-])all (?=(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekdays|weekends|workdays)\b)/g, 'every ')
      .replace(/(?<![\w/,])[a-z]{1,2}(?:([/,])[a-z]{1,2})(?:\1[a-z]{1,2})*(?![\w/,])/g, (days) => letterDays(days) ?? days)
      // "all days except tuesday": every day.
      .replace(/(?<![\w-])all days\b/g, 'every day')
      .replace(/(?<![\w/,'-])[mtwrfh]{2,5}(?![\w/,'-])/g, (word) => runTogetherDays(word) ?? word)
      .replace(DAY_OF_YEAR, dayOfYear),
    'recurring',
  );
}

/**
 * Everyday words for what the readers have words for: "3:20 in afternoon" (in the afternoon), "nine fifty a m" (am,
 * spelt apart after a number said in words); for one time also "a day from right now" (from now) and "later tonight
 * at 11" (tonight; "later today" alone names no hour, and is left to be refused), "december 25th in 2027" (its year),
 * "this week wednesday" (wednesday this week), "week from tuesday" (a week from tuesday); "month end" (the end of the
 * month, "every month end" of every month);
 * for a repeating one "also every ..." (and every ...).
 */
export function withEverydayWords(text: string, reader: 'once' | 'recurring'): string {
  if (!/\b(?:right now|in (?:morning|afternoon|evening|(?:19|20|21)\d\d)|later (?:today|tonight|this)|[ap] m|also|week|month.end|(?:morning|afternoon|evening|night)s? and)\b/.test(text)) return text;
  const plain = text
    .replace(/\bin (morning|afternoon|evening)\b/g, 'in the $1')
    // "month end", "every month-end": the end of the month, of every month.
    .replace(/\b(?:(each|every)|the) month[- ]end\b/g, (_said: string, every: string | undefined) => (every ? `the end of ${every} month` : 'the end of the month'))
    .replace(/(?<!\b(?:the|each|every) )\bmonth[- ]end\b/g, 'end of the month')
    .replace(/(?<=\b[a-z-]*(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|oclock)) ([ap]) m\b/g, ' $1m');
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
      .replace(/\bright now\b/g, 'now')
      // "this week wednesday", "next week fri at 3pm": as "wednesday this week"; "week from tuesday": "a week from tuesday".
      .replace(/\b(this|next) week ((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b/g, '$2 $1 week')
      .replace(/(?<!\b(?:a|one|1|this|next|last|the) )\bweek from\b/g, 'a week from')
      // "december 25th in 2027": the year of the date before it.
      .replace(/(?<=\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?) in ((?:19|20|21)\d\d)\b/g, ' $1')
      .replace(/\blater (today|tonight|this (?:morning|afternoon|evening))\b(?= (?:at |@ ?|around |about )?\d| at (?:noon|midnight))/g, '$1')
  );
}

/** "the first day of every year", "every last friday of the year": a day of January (or, from the end, of December). */
const DAY_OF_YEAR = /\b(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|last) (day|(?:mon|tues|wednes|thurs|fri|satur|sun)day) of (?:(each|every)|the) year\b/g;

function dayOfYear(said: string, nth: string, day: string, every: string | undefined): string {
  const fromEnd = nth === 'last';
  const date = day !== 'day' ? `${nth} ${day} of ${fromEnd ? 'december' : 'january'}` : nth === 'first' || nth === '1st' ? 'january 1st' : fromEnd ? 'december 31st' : undefined;
  if (date === undefined) return said;
  return every ? `every ${date}` : date;
}

/**
 * Weekdays by their letters, as timetables write them: "m/w/f", "m,w,f", "tu/th". A lone "t" or "s"
 * (which one?) is left unread, but beside "th" a "t" is Tuesday ("t/th").
 */
const DAY_LETTERS: Record<string, string> = { m: 'mon', tu: 'tue', w: 'wed', th: 'thu', r: 'thu', f: 'fri', sa: 'sat', su: 'sun' };

/**
 * Weekdays' letters run together, as timetables write them: "mwf", "tth", "tr" (R is Thursday), "mtwrf". A "t" is Tuesday only
 * beside Thursday's "th" or "r"; "mth" (month) and "mr" are words of their own.
 */
function runTogetherDays(word: string): string | undefined {
  const m = /^(m)?(tu|t)?(w)?(th|r)?(f)?$/.exec(word);
  if (!m || word === 'mth' || word === 'mr' || (m[2] === 't' && !m[4])) return undefined;
  const days = [m[1] && 'mon', m[2] && 'tue', m[3] && 'wed', m[4] && 'thu', m[5] && 'fri'].filter((day): day is string => Boolean(day));
  return days.length >= 2 ? days.join('/') : undefined;
}

function letterDays(text: string): string | undefined {
  const letters = text.split(/[/,]/);
  const days = letters.map((one) => (one === 't' && letters.includes('th') ? 'tue' : DAY_LETTERS[one]));
  return days.every((day) => day !== undefined) ? days.join('/') : undefined;
}

const CRON_NAMES = new Set('jan feb mar apr may jun jul aug sep oct nov dec sun mon tue wed thu fri sat'.split(' '));

export function isCronLike(text: string): boolean {
  const fields = text.split(' ');
  // Every field in cron's own characters or names ("10 - 11 at night" is no cron; "9 - 17 * * *" is one, mistyped).
  // Names are cron's own, the months' and the days' ("8 sat now the mar" is no cron: "now" and "the" are no names).
  const cronField = (field: string) => /^[\d*?/,\-lw#]+$/.test(field) || (/^[a-z]{3}(?:-[a-z]{3})?(?:,[a-z]{3})*$/.test(field) && field.split(/[-,]/).every((name) => CRON_NAMES.has(name)));
  const minuteAndHour = /^(?=.*[\d*?])[\d*?/,\-lw#]+$/;
  return fields.length >= 5 && fields.length <= 7 && minuteAndHour.test(fields[0]!) && fields.every(cronField);
}
