/**
 * Words both phrase readers share: the tokenizer, number words and ordinals.
 * Every reader here walks the token list once; none uses a backtracking regex.
 */
import { FILLER, monthOf, NUMBER_WORDS, ORDINAL_WORDS, partOfDay, weekdayOf } from './lexicon';

/** No time phrase is this long; refusing longer input keeps every reader's work bounded. */
export const MAX_PHRASE_LENGTH = 200;

/** A reader's answer: the value and the index of the first token it did not use. */
export interface Read<T> {
  value: T;
  end: number;
}

/**
 * Split a phrase into lower-case tokens: "Every Tue-Thu at 3p.m." ->
 * every, tue, -, thu, at, 3, pm. Clock numbers stay whole ("9:30", "9.30"),
 * ordinals too ("21st"); a number glued to a word is split ("9am" -> 9, am;
 * "5m" -> 5, m); "o'clock" is one token, "oclock".
 */
export function tokenize(text: string): string[] {
  let normal = text.toLowerCase().replace(/[’‘`]/g, "'");
  // Each rewrite below is tried only where it may apply: compiling their patterns was most of what reading a short phrase cost.
  if (normal.includes('clock')) normal = normal.replace(/\bo\s?'?\s?clock\b/g, ' oclock ');
  if (normal.includes('week-end')) normal = normal.replace(/\bweek-end(s?)\b/g, 'weekend$1');
  // Calendars' "every 2 week(s)", "every 1 month(s)": the plural.
  if (normal.includes('(s)')) normal = normal.replace(/\b([a-z]+)\(s\)/g, '$1s');
  if (normal.includes('.')) normal = normal.replace(/(?<=\d|\b)([ap])\.\s?m\b\.?/g, ' $1m ');
  // "3:30 p m", "330 p.m.", "330pm": a meridiem spelt apart, and hours and minutes as one number before one.
  if (/\d ?[ap] m\b/.test(normal)) normal = normal.replace(/(\d) ?([ap]) m\b/g, '$1 $2m');
  normal = normal.replace(/\b([1-9]|1[0-2])([0-5]\d)\s*(?=[ap]m\b|[ap]$)/g, '$1:$2 ');
  normal = normal.replace(/(\d)([ap])\b/g, '$1 $2m');
  // A four-digit clock ("at 1700", "0900") is hours and minutes.
  if (/\d{4}/.test(normal)) normal = normal.replace(/((?:\bat|@)\s?|\b(?=0))([01]\d|2[0-3])([0-5]\d)\b/g, '$1$2:$3');
  // "at 930", "tonight 815", "friday 930": a three-digit clock after "at" or a day, as chat writes it.
  if (/\D ?\d{3}\b/.test(normal))
    normal = normal.replace(/((?:\bat|@|\b(?:today|tonight|tomorrow|tmrw|tmr|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)) ?)([1-9])([0-5]\d)\b(?![.:\d])/g, '$1$2:$3');
  const tokens: string[] = [];
  // ".5" after a space is a number, as "0.5" is; "'27" is a year, kept whole. A character outside the BMP ("𝟓") is one token, not half of one.
  for (const m of normal.matchAll(/\d{1,2}:\d{1,2}|\d{1,2}\.\d{2}(?!\d)|\d+(?:st|nd|rd|th)\b|\d+(?:\.\d+)?|(?<![^\s+])\.\d+|(?<![^\s,])'\d{2}(?!\d)|:\d{1,2}|[a-z]+|[,;&@\-/]|[^\s.!'"]/gu)) {
    tokens.push(m[0] === ';' ? ',' : m[0].startsWith('.') ? `0${m[0]}` : m[0]);
  }
  return tokens;
}

/** "twenty", "-"?, "one": a tens word followed by a unit word, either side of an optional hyphen. */
function readCompound(tokens: readonly string[], start: number, tens: number, units: ReadonlyMap<string, number>): Read<number> | null {
  let i = start;
  if (tokens[i] === '-') i++;
  const word = tokens[i];
  const unit = word === undefined ? undefined : units.get(word);
  if (unit === undefined || unit < 1 || unit > 9) return null;
  return { value: tens + unit, end: i + 1 };
}

export interface NumberOptions {
  /** Read "a"/"an" as 1, "a couple of" as 2, "a few" as 3 (default true). */
  articles?: boolean;
}

/**
 * A count at `start`: digits ("20", "1.5"), words one to ninety-nine ("seven",
 * "twenty-one", "twenty one"), "a"/"an" (1), "a couple (of)" (2), "a few" (3), and hundreds
 * of them ("a hundred", "two hundred and fifty").
 */
export function readNumber(tokens: readonly string[], start: number, options: NumberOptions = {}): Read<number> | null {
  const count = readSmallNumber(tokens, start, options);
  // "a hundred", "one hundred and twenty", "two hundred fifty": hundreds, then what is left under a hundred.
  // "twelve hundred" too: hundreds counted to 99.
  if (count === null || tokens[count.end] !== 'hundred' || !Number.isInteger(count.value) || count.value < 1 || count.value > 99) return count;
  const hundreds = count.value * 100;
  const and = tokens[count.end + 1] === 'and' ? count.end + 2 : count.end + 1;
  const rest = NUMBER_WORDS.has(tokens[and] ?? '') || /^\d{1,2}$/.test(tokens[and] ?? '') ? readSmallNumber(tokens, and, { articles: false }) : null;
  return rest !== null && rest.value >= 1 && rest.value <= 99 ? { value: hundreds + rest.value, end: rest.end } : { value: hundreds, end: count.end + 1 };
}

function readSmallNumber(tokens: readonly string[], start: number, options: NumberOptions): Read<number> | null {
  const word = tokens[start];
  if (word === undefined) return null;
  if (/^\d+(?:\.\d+)?$/.test(word)) return { value: Number(word), end: start + 1 };
  if (options.articles !== false) {
    let i = start;
    const article = word === 'a' || word === 'an';
    if (article) i++;
    if (tokens[i] === 'couple') return { value: 2, end: tokens[i + 1] === 'of' ? i + 2 : i + 1 };
    if (tokens[i] === 'few') return { value: 3, end: tokens[i + 1] === 'of' ? i + 2 : i + 1 };
    if (article) return { value: 1, end: start + 1 };
  }
  const simple = NUMBER_WORDS.get(word);
  if (simple === undefined) return null;
  if (simple >= 20 && simple % 10 === 0 && simple < 100) {
    return readCompound(tokens, start + 1, simple, NUMBER_WORDS) ?? { value: simple, end: start + 1 };
  }
  return { value: simple, end: start + 1 };
}

/** "1st", "2nd", "11th", "23rd": a number with its ordinal suffix. */
export function ordinalDay(n: number): string {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}

/** An ordinal at `start`: "1st", "22nd", "first", "third", "twenty-first", "twenty first", "thirtieth". */
export function readOrdinal(tokens: readonly string[], start: number): Read<number> | null {
  const word = tokens[start];
  if (word === undefined) return null;
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (digits) return { value: Number(digits[1]), end: start + 1 };
  const simple = ORDINAL_WORDS.get(word);
  if (simple !== undefined) return { value: simple, end: start + 1 };
  const tens = NUMBER_WORDS.get(word);
  if (tens !== undefined && tens >= 20 && tens % 10 === 0 && tens < 60) return readCompound(tokens, start + 1, tens, ORDINAL_WORDS);
  return null;
}

/** The index after "weekday(s)", "workday(s)", "business day(s)", "working day(s)" at `j`, or -1. */
export function workdayWordEnd(tokens: readonly string[], j: number): number {
  const word = tokens[j] ?? '';
  if (word === 'weekday' || word === 'weekdays' || word === 'workday' || word === 'workdays') return j + 1;
  const day = tokens[j + 1];
  return (word === 'business' || word === 'working' || word === 'work') && (day === 'day' || day === 'days') ? j + 2 : -1;
}

/** A whole text read as one number ("seven", "a couple of", "12"), or null. */
export function parseNumber(text: string): number | null {
  const tokens = tokenize(text);
  const read = readNumber(tokens, 0);
  return read && read.end === tokens.length ? read.value : null;
}

/** A whole text read as one ordinal ("3rd", "twenty-first"), or null. */
export function parseOrdinal(text: string): number | null {
  const tokens = tokenize(text);
  const read = readOrdinal(tokens, 0);
  return read && read.end === tokens.length ? read.value : null;
}

const ASKING = new Set<string>(FILLER.asking);
const POLITE = new Set<string>(FILLER.polite);
const VERBS = new Set<string>(FILLER.verbs);
const OBJECTS = new Set<string>(FILLER.objects);

/** "remind me this evening": "this" begins the time ("this evening", "this friday", "this week"), it is not what is sent. */
function startsATime(word: string, next: string): boolean {
  return (word === 'this' || word === 'that') && (partOfDay(next) !== undefined || weekdayOf(next) !== undefined || monthOf(next) !== undefined || THIS_SPANS.has(next));
}
const THIS_SPANS = new Set(['week', 'weekend', 'month', 'year', 'time', 'day', 'coming', 'quarter']);
const THINGS = new Set<string>(FILLER.things);
const OWNERS = new Set<string>(FILLER.owners);
const TRAILING = new Set<string>(FILLER.trailing.filter((word) => word !== 'thank' && word !== 'you'));

/** A word with the comma or sentence mark people put after it taken off. */
const bareWord = (word: string) => word.replace(/[,!?;:]+$/, '');

/**
 * How the words people wrap around a time begin and end: "remind me", "can you
 * send it", "please set a reminder for", "schedule it for", a trailing
 * "please". Both readers skip them. Returns the span of the time itself; an
 * object word ("this", "it") counts only after a verb, so "this friday" keeps it.
 */
export function withoutFiller(words: readonly string[]): { start: number; end: number } {
  const word = (k: number) => bareWord(words[k] ?? '');
  let i = 0;
  const skip = (set: ReadonlySet<string>) => {
    while (i < words.length - 1 && (set.has(word(i)) || word(i) === '')) i++;
  };
  if (ASKING.has(word(i)) && word(i + 1) === 'you') i += 2;
  skip(POLITE);
  if (VERBS.has(word(i)) && i < words.length - 1) {
    i++;
    for (;;) {
      if (i >= words.length - 1) break;
      if ((OBJECTS.has(word(i)) && !startsATime(word(i), word(i + 1))) || THINGS.has(word(i)) || word(i) === '') i++;
      else if (OWNERS.has(word(i)) && THINGS.has(word(i + 1))) i += 2;
      else break;
    }
    if (['for', 'to'].includes(word(i)) && i < words.length - 1) i++;
  }
  skip(POLITE);
  let end = words.length;
  while (end > i + 1 && (TRAILING.has(word(end - 1)) || word(end - 1) === '' || (word(end - 1) === 'you' && word(end - 2) === 'thank'))) {
    end -= word(end - 1) === 'you' ? 2 : 1;
  }
  return { start: Math.min(i, end), end };
}

/** A year written with two digits, as POSIX strptime reads one: 69-99 are 1969-1999 ("10/31/74" is past), 00-68 2000-2068. */
export function fullYear(digits: string): number {
  const year = Number(digits);
  return year >= 69 ? 1900 + year : 2000 + year;
}
