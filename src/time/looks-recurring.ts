/**
 * Whether a phrase repeats, as the recurring grammar reads it: the one-time
 * reader asks this of every phrase in words, so it needs only the grammar's
 * reader, not what builds a schedule from it (resolve-recurring, to-utc).
 */
import { phraseZone } from './once-zone';
import { ClauseConflict, readText } from './read-recurring';
import { withEverydayWords } from './everyday-words';
import { withoutHedge } from './lexicon';

// For the entry (index.ts), which loads this module for phrases that may repeat: a dynamic import of words.ts split it into a file of its own.
export { MAX_PHRASE_LENGTH } from './words';

/** True when the phrase reads as a repeating schedule rather than one instant. */
export function looksRecurring(input: string): boolean {
  // "sharp at 7am every day", "around 9 every monday": the hedge says nothing of how often, as the repeating reader drops it.
  const text = withoutHedge(normalize(input), input.trim(), undefined);
  if (isCronLike(text) || isShortCron(text) || /^@[a-z]+$/.test(text)) return true;
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

// Three or four fields of cron's characters, one a '*' ("0 9 * *", "*/5 * * *"): a cron short of its fields, not words.
export function isShortCron(text: string): boolean {
  const fields = text.split(' ');
  return fields.length >= 3 && fields.length <= 4 && fields.some((field) => field.includes('*')) && fields.every((field) => /^[\d*/,-]+$/.test(field));
}
