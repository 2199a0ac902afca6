/**
 * The time language's vocabulary, every spelling once: weekdays, months,
 * units, parts of the day, meridiems and filler. Both readers look words up
 * here (the names output shows are in names.ts), and a word found nowhere here
 * (nor as a number, ordinal or zone) is a word the phrase does not let the
 * reader use.
 */

import { UsageError } from '../errors';
import { MONTH_NAMES, WEEKDAY_NAMES } from './names';

export { MONTH_NAMES, WEEKDAY_NAMES } from './names';

/** Every spelling of a weekday (0 = Sunday): "monday", "mon", "mondays", "tues", "thurs". */
const WEEKDAY_SPELLINGS = new Map<string, number>();
WEEKDAY_NAMES.forEach((name, day) => {
  const lower = name.toLowerCase();
  for (const spelling of [lower, `${lower}s`, lower.slice(0, 3), `${lower.slice(0, 3)}s`]) WEEKDAY_SPELLINGS.set(spelling, day);
});
for (const [spelling, day] of [
  ['tues', 2],
  ['tuess', 2],
  ['weds', 3],
  ['thur', 4],
  ['thurs', 4],
  ['thursday', 4],
] as const)
  WEEKDAY_SPELLINGS.set(spelling, day);
// "thus" is an English word, not Thursdays.
WEEKDAY_SPELLINGS.delete('thus');

/** Every spelling of a month (1 = January): "september", "sep", "sept"; any prefix of the name from three letters ("janu"). */
const MONTH_SPELLINGS = new Map<string, number>([['sept', 9]]);
MONTH_NAMES.forEach((name, index) => {
  const lower = name.toLowerCase();
  for (let length = 3; length <= lower.length; length++) MONTH_SPELLINGS.set(lower.slice(0, length), index + 1);
});

export function weekdayOf(word: string | undefined): number | undefined {
  return word === undefined ? undefined : WEEKDAY_SPELLINGS.get(word);
}

export function monthOf(word: string | undefined): number | undefined {
  return word === undefined ? undefined : MONTH_SPELLINGS.get(word);
}

/** A span of time, as every reader counts it. */
export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year';

/** Every spelling of a unit: "5m", "5 mins", "2h", "3 wks", "1 yr". */
const UNIT_SPELLINGS = new Map<string, TimeUnit>();
for (const [unit, spellings] of Object.entries({
  second: 's sec secs second seconds',
  minute: 'm min mins minute minutes',
  hour: 'h hr hrs hour hours',
  day: 'd day days',
  week: 'w wk wks week weeks',
  fortnight: 'fortnight fortnights',
  month: 'mo mos month months',
  quarter: 'qtr qtrs quarter quarters',
  year: 'y yr yrs year years',
})) {
  for (const spelling of spellings.split(' ')) UNIT_SPELLINGS.set(spelling, unit as TimeUnit);
}

export function unitOf(word: string | undefined): TimeUnit | undefined {
  return word === undefined ? undefined : UNIT_SPELLINGS.get(word);
}

/**
 * The words people wrap around a time, by the place they take: "can you",
 * "please", a verb with its objects ("remind me", "send it", "set a
 * reminder"), and a trailing "thanks". Allowed, never needed; `withoutFiller`
 * (words.ts) skips them in this shape, and the readers skip `LINK_WORDS`.
 */
export const FILLER = {
  asking: ['can', 'could', 'would', 'will'],
  polite: ['please', 'pls', 'kindly'],
  verbs: [
    'remind',
    'send',
    'schedule',
    'run',
    'runs',
    'trigger',
    'fire',
    'ping',
    'message',
    'notify',
    'execute',
    'repeat',
    'do',
    'check',
    'post',
    'set',
    'create',
    'add',
    'make',
    'deliver',
    'queue',
    'book',
    'go',
  ],
  objects: ['me', 'us', 'them', 'him', 'her', 'it', 'this', 'that', 'up', 'off', 'out'],
  things: ['reminder', 'message', 'alert', 'alarm', 'note', 'notification', 'ping', 'schedule', 'job', 'task', 'run'],
  owners: ['a', 'an', 'the', 'my', 'our'],
  trailing: ['please', 'pls', 'thanks', 'thx', 'thank', 'you'],
  /** Between a request and its time: "remind me to ...", "... and then". */
  joining: ['to', 'for', 'and', 'then'],
} as const;

/** Small words between the parts of a one-time phrase ("tomorrow, at 9am", "on friday by noon"). */
export const LINK_WORDS: ReadonlySet<string> = new Set(['at', 'on', 'by', '@', ',', 'for', '-']);

/** Words the readers use, beside the spellings above, numbers, ordinals and zones. */
const GRAMMAR_WORDS = `
  every each other weekday weekdays weekend weekends workday workdays business working work
  daily everyday nightly hourly minutely weekly monthly quarterly yearly annually annual semiannually semiannual halfyearly fortnightly biweekly bi once twice times occurrences occurrence runs
  today tomorrow tmrw tmr tonight yesterday now right immediately ago hence later within time oclock more
  morning mornings afternoon afternoons evening evenings night nights noon midday midnight mid am pm a p
  at on in of the a an and to from through thru till til until between after before by for during starting starts beginning effective commencing
  ending ends up next this last past previous coming upcoming current final first end start except excluding but not top half quarter
  besides apart than qtr qtrs asap
  o oh week's minute's sharp only semi occurs recurs repeats recurring repeating single alternate alternating even odd numbered thrice finishing
  lunch lunchtime breakfast brunch dinner supper office bimonthly biannually biannual biyearly semimonthly semiweekly
`;

/** Every word above, made when an error first asks (a phrase read without one never does). */
let known: Set<string> | undefined;

/** A word of the vocabulary, or a number, ordinal or clock written in digits. */
export function isKnownWord(word: string): boolean {
  known ??= new Set([...GRAMMAR_WORDS.split(/\s+/).filter(Boolean), ...Object.values(FILLER).flat(), ...UNIT_SPELLINGS.keys(), ...WEEKDAY_SPELLINGS.keys(), ...MONTH_SPELLINGS.keys()]);
  return known.has(word) || /^[\d:.,;&@/+\-–]+$|^\d+(?:st|nd|rd|th|am|pm|a|p|h|m|s|d|w|y)?$/.test(word) || isNumberWord(word);
}

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The number words as alternations for a pattern: one to nine, ten to nineteen, twenty to ninety. */
export const UNIT_WORDS = DIGIT_WORDS.slice(1).join('|');
export const TEEN_WORDS = TEENS.join('|');
export const TENS_WORDS = TENS.filter(Boolean).join('|');

/** Number words one to ninety ("seven", "forty"; "fourty" as people spell it); compounds are read in words.ts. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...DIGIT_WORDS.map((word, i): [string, number] => [word, i]),
  ...TEENS.map((word, i): [string, number] => [word, 10 + i]),
  ...TENS.map((word, i): [string, number] => [word, 10 * i]).filter(([word]) => word !== ''),
  ['fourty', 40],
]);

const DIGIT_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
/** Ordinal words "first" to "nineteenth", "twentieth", "thirtieth"; "twenty-first" and the like are compounds. */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...DIGIT_ORDINALS.map((word, i): [string, number] => [word, i]).filter(([word]) => word !== ''),
  ...['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'].map((word, i): [string, number] => [word, 10 + i]),
  ['twentieth', 20],
  ['thirtieth', 30],
]);

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** Every spelling of a part of the day: "morning", "mornings", "tonight" (tonight is also today's, which the one-time reader keeps). */
const PART_SPELLINGS = new Map<string, PartOfDay>([
  ...(['morning', 'afternoon', 'evening', 'night'] as const).flatMap((part): Array<[string, PartOfDay]> => [
    [part, part],
    [`${part}s`, part],
  ]),
  ['tonight', 'night'],
]);

export function partOfDay(word: string | undefined): PartOfDay | undefined {
  return word === undefined ? undefined : PART_SPELLINGS.get(word);
}

/** The time a part of the day stands for when no time is given, and where it puts a clock without am/pm. */
export const PART_HOURS: Readonly<Record<PartOfDay, number>> = { morning: 9, afternoon: 15, evening: 18, night: 21 };

function isNumberWord(word: string): boolean {
  return word.split('-').every((part) => NUMBER_WORDS.has(part) || ORDINAL_WORDS.has(part) || part === 'couple' || part === 'few');
}

/**
 * The vocabulary word a misspelling most likely meant ("tomorow" -> "tomorrow",
 * "wensday" -> "wednesday"), or undefined when none is close. Close means at
 * most one edit for short words, two for words of six letters or more.
 */
export function closestWord(word: string): string | undefined {
  const limit = word.length >= 6 ? 2 : 1;
  if (word.length < 4) return undefined;
  // "frid", "wedn", "septem": the start of one day's or month's name, cut short.
  const begun = [...WEEKDAY_NAMES, ...MONTH_NAMES].map((name) => name.toLowerCase()).filter((name) => name.startsWith(word));
  if (begun.length === 1) return begun[0];
  let best: { word: string; distance: number } | undefined;
  for (const known of suggestible()) {
    if (Math.abs(known.length - word.length) > limit) continue;
    // A short word that differs from another only in its first letter is more often another word than a typo ("your").
    if (word.length <= 5 && known.length === word.length && known.slice(1) === word.slice(1)) continue;
    const distance = editDistance(word, known);
    if (distance <= limit && (!best || distance < best.distance)) best = { word: known, distance };
  }
  return best?.word;
}

/** Full words worth suggesting (not abbreviations, which would match too much), made when an error first asks. */
let suggestibleWords: string[] | undefined;
const suggestible = (): string[] =>
  (suggestibleWords ??= [
    ...WEEKDAY_NAMES.map((name) => name.toLowerCase()),
    ...MONTH_NAMES.map((name) => name.toLowerCase()),
    ...`every minute minutes hour hours day days week weeks month months year years weekday weekdays weekend weekends daily hourly weekly
  monthly yearly quarterly today tomorrow tonight morning afternoon evening night noon midnight starting until between after before
  except twice times fortnight`.split(/\s+/),
  ]);

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`; words are short, so a full table is cheap. */
function editDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i]!;
      row[j] = Math.min(table[i - 1]![j]! + 1, row[j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, table[i - 2]![j - 2]! + 1);
    }
  }
  return table[a.length]![b.length]!;
}

/**
 * Times people name by what happens then, read as the clock they most often stand for, each with a
 * note (lunch may be at 1pm; business hours may run 8 to 6). "business hours" is a window, so only
 * a repeating phrase reads it ("every hour during business hours"); a phrase that names its own days
 * keeps them ("every saturday ... during business hours" is Saturday, 09:00 to 17:00). And times
 * written as armies and airlines name them ("0800h", "1500 hrs", "08:00h"), which both readers would otherwise
 * take for a count of hours: the one place before either reader where a time is spelled as a clock.
 */
export function withNamedTimes(text: string, notes: string[] | undefined, kind: 'once' | 'recurring'): string {
  let out = text;
  // "0800h", "1500 hrs", "0900 hours": a 24-hour clock as armies and airlines write it, not a count of hours
  // ("in 1500 hours" stays one).
  // A phrase that is a duration ("in 2 days 1200 hours", "1 day 0100 hours from now") keeps its hours.
  const duration = /^(?:in|within|after)\b|\b(?:from now|later|hence|ago)$/.test(out);
  const military = !duration && /\d{4} ?h/.test(out) ? MILITARY_TIME.exec(out) : null;
  if (military) {
    out = out.replace(MILITARY_TIME, (_, before: string, hour: string, minute: string) => `${before}${hour}:${minute}`);
    if (military[4] !== 'h' || !military[2]!.startsWith('0'))
      notes?.push(`read '${military[0].slice(military[1]!.length)}' as ${military[2]}:${military[3]}, a time of day; for a duration write 'in ${military[2]}${military[3]} hours'`);
  }
  // "08:00h", "17:30 hrs": a clock with its colon is a time of day whatever follows it ("in 1:30 hours" stays a duration).
  if (!duration && /\d:\d\d ?h/.test(out)) out = out.replace(CLOCK_THEN_HOURS, (_, before: string, clock: string) => `${before}${clock}`);
  // Each pattern is run only where its word is: compiling them took a third of a millisecond of every `parse`.
  const lunch = out.includes('lunch') ? /\blunch(?: ?-?time)?\b/.exec(out) : null;
  // "at 4 after lunch", "11 before lunch": an hour before or after lunch is one of the afternoon or the morning, not minutes
  // from noon ("10 minutes after lunch", "10 past lunch" are those).
  const beside = lunch ? /\b(\d{1,2}(?::\d\d)?) (after|before) lunch(?: ?-?time)?\b/.exec(out) : null;
  if (beside) {
    const part = beside[2] === 'before' ? 'morning' : 'afternoon';
    // Lunch is about noon: an hour of the afternoon after it (1 to 6), of the morning before it (8 to 11); another is no time of that side.
    const hour = Number(beside[1]!.split(':')[0]);
    if (part === 'afternoon' ? hour < 1 || hour > 6 : hour < 8 || hour > 11) {
      throw new UsageError(`'${text.trim()}': '${beside[0]}' is no hour of the ${part}`, 'Give the time with am or pm.');
    }
    out = `${out.slice(0, beside.index)}${beside[1]} in the ${part}${out.slice(beside.index + beside[0].length)}`;
    notes?.push(`read '${beside[0]}' as ${beside[1]} in the ${part}; write the time with am or pm to say otherwise`);
  } else if (lunch) {
    out = out.replace(/\blunch(?: ?-?time)?\b/g, 'noon');
    notes?.push(`read '${lunch[0]}' as 12:00; give the time for another, such as 'at 1pm'`);
  }
  // The other meals, as lunch is: the hour each most often stands for, said.
  if (/(?:breakfast|brunch|dinner|supper)/.test(out)) {
    out = out.replace(MEALS, (said: string, meal: keyof typeof MEAL_TIMES) => {
      const [clock, shown, other] = MEAL_TIMES[meal];
      const note = `read '${said}' as ${shown}; give the time for another, such as 'at ${other}'`;
      if (!notes?.includes(note)) notes?.push(note);
      return clock;
    });
  }
  const hours = kind === 'recurring' && out.includes('hours') ? BUSINESS_HOURS.exec(out) : null;
  if (hours && !/\b(?:after|before|outside|until|till|til|past|beyond|out of)\s+$/.test(out.slice(0, hours.index))) {
    const ownDays = NAMED_DAYS.test(out.slice(0, hours.index) + out.slice(hours.index + hours[0].length));
    out = `${out.slice(0, hours.index)}from 9am to 5pm${ownDays ? '' : ' on weekdays'}${out.slice(hours.index + hours[0].length)}`;
    notes?.push(
      `read '${hours[0].replace(/^(?:during|within|in) /, '')}' as 09:00 to 17:00${ownDays ? '' : ', Monday to Friday'}; give the hours${ownDays ? '' : ' and days'} for others, such as 'every hour from 8am to 6pm${ownDays ? '' : ' on weekdays'}'`,
    );
  }
  return out;
}

const MEALS = /\b(breakfast|brunch|dinner|supper)(?: ?-?time)?\b/g;
/** Each meal's clock, as written for the readers and as said in its note, and another to show in the note. */
const MEAL_TIMES = { breakfast: ['8am', '08:00', '7am'], brunch: ['11am', '11:00', '10am'], dinner: ['6pm', '18:00', '7pm'], supper: ['6pm', '18:00', '7pm'] } as const;
const MILITARY_TIME = /(^|(?<!\b(?:in|within|for|after|every|each|of|than)) )([01]\d|2[0-3])([0-5]\d) ?(h|hrs?|hours)\b/g;
const CLOCK_THEN_HOURS = /(^|(?<!\b(?:in|within|for|after|every|each|of|than)) )((?:[01]?\d|2[0-3]):[0-5]\d) ?(?:h|hrs?|hours)\b/g;
const BUSINESS_HOURS = /\b(?:(?:during|within|in) )?(?:(?:the|normal|regular|standard|usual) )?(?:business|office|working|work) hours\b/;
const NAMED_DAYS = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b|\bweek ?-?ends?\b|\bweekdays?\b|\bwork ?days?\b|\bbusiness days?\b/;

/**
 * Frequency words that mean two things ("bimonthly": every two months, or twice a month): refused
 * with both readings and how to say each, never read as one of them.
 */
export const AMBIGUOUS_FREQUENCIES: Readonly<Record<string, { readings: [string, string]; instead: [string, string] }>> = {
  bimonthly: { readings: ['every two months', 'twice a month'], instead: ['every 2 months', 'twice a month'] },
  biannually: { readings: ['twice a year', 'every two years'], instead: ['twice a year', 'every 2 years'] },
  biannual: { readings: ['twice a year', 'every two years'], instead: ['twice a year', 'every 2 years'] },
  biyearly: { readings: ['twice a year', 'every two years'], instead: ['twice a year', 'every 2 years'] },
};

/** Holidays on a fixed date, as tokens (the tokenizer drops apostrophes: "new year's day" is new, year, s, day), longest spelling first. */
export const HOLIDAYS: ReadonlyArray<{ said: string[]; date: string[] }> = Object.entries({
  'new year s day': 'january 1st',
  'new years day': 'january 1st',
  'new year s eve': 'december 31st',
  'new years eve': 'december 31st',
  'new year eve': 'december 31st',
  // "new year's", "new years": the day, as "new year" is.
  'new year s': 'january 1st',
  'new years': 'january 1st',
  'new year day': 'january 1st',
  'new year': 'january 1st',
  'christmas eve': 'december 24th',
  'christmas day': 'december 25th',
  christmas: 'december 25th',
  'xmas eve': 'december 24th',
  'xmas day': 'december 25th',
  xmas: 'december 25th',
  'saint valentine s day': 'february 14th',
  'saint valentines day': 'february 14th',
  'st valentine s day': 'february 14th',
  'st valentines day': 'february 14th',
  'valentine s day': 'february 14th',
  'valentines day': 'february 14th',
  'valentine day': 'february 14th',
  'valentine s': 'february 14th',
  valentines: 'february 14th',
  'leap day': 'february 29th',
  'the ides of march': 'march 15th',
  'ides of march': 'march 15th',
  'april fool s day': 'april 1st',
  'april fools day': 'april 1st',
  // "april fools", "valentine's", "st patrick's": said without "day", as "new years" is.
  'april fool s': 'april 1st',
  'april fools': 'april 1st',
  'st patrick s day': 'march 17th',
  'st patricks day': 'march 17th',
  'saint patrick s day': 'march 17th',
  'st patrick s': 'march 17th',
  'st patricks': 'march 17th',
  'boxing day': 'december 26th',
  halloween: 'october 31st',
  'all hallow s eve': 'october 31st',
  'all hallows eve': 'october 31st',
  'independence day': 'july 4th',
  juneteenth: 'june 19th',
  'veterans day': 'november 11th',
  'veteran s day': 'november 11th',
  'groundhog s day': 'february 2nd',
  'groundhogs day': 'february 2nd',
  'groundhog day': 'february 2nd',
  'earth day': 'april 22nd',
  'flag day': 'june 14th',
  'patriot day': 'september 11th',
  'cinco de mayo': 'may 5th',
  kwanzaa: 'december 26th',
  'canada day': 'july 1st',
  'australia day': 'january 26th',
  'bastille day': 'july 14th',
  'armistice day': 'november 11th',
  'remembrance day': 'november 11th',
  'all saints day': 'november 1st',
  'all saints': 'november 1st',
  'all souls day': 'november 2nd',
  // The United States' holidays on a weekday of a month: said in a note, as other countries keep some on other days.
  // Canada's, before the United States' Thanksgiving that ends the name; said in the note as Canada's.
  'canadian thanksgiving day': 'second monday of october',
  'canadian thanksgiving': 'second monday of october',
  'victoria day': 'the monday before may 25th',
  'thanks giving day': 'fourth thursday of november',
  'thanks giving': 'fourth thursday of november',
  'thanksgiving day': 'fourth thursday of november',
  thanksgiving: 'fourth thursday of november',
  'memorial day': 'last monday of may',
  'labor day': 'first monday of september',
  'labour day': 'first monday of september',
  'martin luther king jr day': 'third monday of january',
  'martin luther king day': 'third monday of january',
  'mlk day': 'third monday of january',
  'presidents day': 'third monday of february',
  'president s day': 'third monday of february',
  'presidents s day': 'third monday of february',
  'mother s day': 'second sunday of may',
  'mothers day': 'second sunday of may',
  'father s day': 'third sunday of june',
  'fathers day': 'third sunday of june',
  'columbus day': 'second monday of october',
  'indigenous peoples day': 'second monday of october',
  'indigenous people s day': 'second monday of october',
  'indigenous peoples s day': 'second monday of october',
}).map(([said, date]) => ({ said: said.split(' '), date: date.split(' ') }));

/**
 * "5/6" read with the month first (May 6), said with how to write the other date; the one-time reader finds the note again
 * (`isMonthFirstNote`) to give it as the hint of a date that has passed.
 */
export function monthFirstNote(said: string, month: number, day: number): string {
  return `read '${said}' with the month first (${MONTH_NAMES[month - 1]} ${day}); write '${month} ${MONTH_NAMES[day - 1]!.toLowerCase()}' for ${MONTH_NAMES[day - 1]} ${month}`;
}

export const isMonthFirstNote = (note: string): boolean => note.includes(' with the month first (');

/**
 * "16-05-31" read with its year last (16 May 2031), said with how to write the year first (2016-05-31); the one-time
 * reader finds the note again (`isYearLastNote`) to give it as the hint of a date that has passed.
 */
export function yearLastNote(said: string, read: { year: number; month: number; day: number }, other: { year: number; month: number; day: number }): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `read '${said}' with the year last (${read.day} ${MONTH_NAMES[read.month - 1]} ${read.year}); write '${other.year}-${two(other.month)}-${two(other.day)}' for ${other.day} ${MONTH_NAMES[other.month - 1]} ${other.year}`;
}

/**
 * "+17M", "every 5M": a lone capital M, read as minutes (as the lower case m is), is months in many tools; said, with how
 * to write months. Undefined when the phrase as typed has none.
 */
export function capitalMNote(typed: string): string | undefined {
  const m = /(?<![A-Za-z\d.])(\d+(?:\.\d+)?) ?M(?![A-Za-z])/.exec(typed);
  return m ? `read '${m[0]}' as ${m[1]} minute${m[1] === '1' ? '' : 's'}; write '${m[1]} month${m[1] === '1' ? '' : 's'}' for months` : undefined;
}

export const isYearLastNote = (note: string): boolean => note.includes(' with the year last (');

/** The holidays on a weekday of a month that are not the United States' (as said, its words as the table spells them). */
const HOLIDAY_COUNTRIES: Readonly<Record<string, string>> = { 'canadian thanksgiving day': 'Canadian', 'canadian thanksgiving': 'Canadian', 'victoria day': 'Canadian' };

/** A note for a holiday kept on a weekday of a month, which other countries keep on other days: what it was read as. */
export function holidayNote(said: string, date: readonly string[]): string | undefined {
  const named = date.map((word) => (weekdayOf(word) !== undefined || monthOf(word) !== undefined ? word[0]!.toUpperCase() + word.slice(1) : word));
  const rule = /^(?:first|second|third|fourth|last)$/.test(date[0] ?? '') ? named : date[0] === 'the' && date[2] === 'before' ? named.slice(1) : undefined;
  const country = HOLIDAY_COUNTRIES[said.toLowerCase().replace(/['’]/g, ' ').replace(/\s+/g, ' ')] ?? 'United States';
  return rule ? `read '${said}' as the ${country} holiday, the ${rule.join(' ')}` : undefined;
}

/** "11:59:00 pm": a clock with its seconds and a meridiem. */
const SECONDS_AND_MERIDIEM = /\b(1[0-2]|0?[1-9]):([0-5]\d):([0-5]\d) ?([ap])(?:\.? ?m\b\.?|\b)/g;

/** Day words as people type them in chat, for the reader of one instant. Misspellings are not here: they get a "did you mean". */
const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  tmw: 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  '2mrw': 'tomorrow',
  tonite: 'tonight',
  '2nite': 'tonight',
  '2night': 'tonight',
  nxt: 'next',
  prev: 'previous',
  // Units as notes and calendars shorten them ("next wk tuesday", "this yr", "next qtr"); after a number they are units already.
  wk: 'week',
  wks: 'weeks',
  yr: 'year',
  yrs: 'years',
  hr: 'hour',
  hrs: 'hours',
  min: 'minute',
  mins: 'minutes',
  qtr: 'quarter',
  qtrs: 'quarters',
  asap: 'now',
};

/**
 * A one-time phrase's words as chat and calendars write them, in the words the reader knows: "tmw", "2moro",
 * "tonite", "nxt"; "@5pm" as "at 5pm"; "monday am" and "tomorrow pm" as the morning and the afternoon; "in
 * fortnight" as "in a fortnight".
 */
export function withChatWords(words: readonly string[]): string[] {
  const out: string[] = [];
  // "01:00:00 pm": zero seconds are the clock without them; others are kept, as on the 24-hour clock ("9:01:10 am" is
  // 09:01:10), or with the meridiem where that clock would read as one without it ("10:01:10 am" is not "10:01:10").
  const text = words.join(' ');
  const clocks = /\d:\d\d:\d\d ?[ap]/.test(text)
    ? text
        .replace(SECONDS_AND_MERIDIEM, (_said: string, h: string, m: string, s: string, meridiem: string) => {
          if (s === '00') return `${h}:${m}${meridiem}m`;
          const hour = (Number(h) % 12) + (meridiem === 'p' ? 12 : 0);
          return hour >= 10 && hour <= 12 ? `${hour}:${m}:${s}${meridiem}m` : `${String(hour).padStart(2, '0')}:${m}:${s}`;
        })
        .split(' ')
    : words;
  for (const [k, word] of clocks.entries()) {
    const before = out[out.length - 1] ?? '';
    // After a number a unit stays as written ("5 min"), which the reader takes and a note quotes.
    const spelled = /^\d+(?:\.\d+)?$/.test(before) && unitOf(word) !== undefined ? undefined : CHAT_SPELLINGS[word];
    if (spelled) out.push(spelled);
    // "friday of the following week": the week after this one, as "next week" is.
    else if (word === 'following' && before === 'the' && /^(?:week|month|year)$/.test(clocks[k + 1] ?? '')) out.splice(-1, 1, 'next');
    // "current month", "the current week": this one, as "this month" says.
    else if (word === 'current' && /^(?:week|month|year)$/.test(clocks[k + 1] ?? '')) out.splice(before === 'the' ? -1 : out.length, before === 'the' ? 1 : 0, 'this');
    else if (/^@\d{1,4}(?:[:.]\d{2})?(?:[ap]\.?m?\.?)?$/.test(word)) out.push('at', word.slice(1));
    else if (/^(?:[ap]m|[ap]\.m\.?)$/.test(word) && (weekdayOf(before) !== undefined || before === 'today' || before === 'tomorrow')) out.push(word.startsWith('a') ? 'morning' : 'afternoon');
    else if (word === 'fortnight' && (before === '' || before === 'in')) out.push('a', 'fortnight');
    // "now plus 2 days", "tomorrow plus a week": as "now + 2 days" says.
    else if (word === 'plus' && before !== '') out.push('+');
    else out.push(word);
  }
  return out;
}

/**
 * A word that hedges a time ("around 1pm", "about half an hour", "~5 hours", "around tomorrow 10am", "around next tuesday",
 * "about march 3rd"), before the time or day it hedges.
 */
const HEDGE =
  /(\b(?:at|in|@) )?(?:\b(around|about|approximately|approx\.?|roughly|circa) ~?|~)(?=(?:at )?(?:(\d)|an? |(?:noon|midday|midnight|half|quarter|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|ninety|today|tonight|tomorrow|tmrw|(?:mon|tues|wednes|thurs|fri|satur|sun)day|next|this|coming|the \d{1,2}(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*)\b))/g;

/**
 * A hedge after a clock, a span, a day or a part or meal of one: "3ish", "3pm-ish", "5pm or so", "9am approximately",
 * "noonish", "in an hour or so", "tomorrow-ish", "friday-ish", "dinner-ish".
 */
const HEDGE_AFTER =
  /\b(\d{1,2}(?:[:.]\d\d)?(?: ?[ap]\.?m\.?)?|\d{3,4}|noon|midnight|(?:\d+|an?) (?:minutes?|mins?|hours?|days?|weeks?)|today|tonight|tomorrow|tmrw|(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|night|lunch(?:time)?|breakfast|brunch|dinner|supper)(-?ish| or so| approximately| roughly)\b/g;

/** A word that says a time is exact ("exactly 5pm", "9am on the dot", "sharp at 4pm", "9am precisely"), before or after the time. */
const EXACTLY =
  /(?:\b(?:exactly|precisely|sharp)|(?<!\S)on the dot) (?=(?:at )?(?:\d|an? |(?:noon|midday|midnight|half|quarter|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b))| on the dot\b|(?<=\d ?[ap]\.?m\.?|\d:\d\d|\bat \d{1,2}|\b(?:noon|midday|midnight|o'?clock)) (?:exactly|precisely)\b/g;

/** A count of units ("5 minutes", "3d"): what a hedge before it says is a span, not a clock. */
const COUNTED = /^\d+(?:\.\d+)? ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\b/;

/** The phrase without a word hedging its time ("around 1pm"): a schedule fires at one instant, so it is taken as exactly, said in a note. */
export function withoutHedge(given: string, shown: string, notes: string[] | undefined): string {
  // "at exactly 5pm", "in precisely 2 hours", "9am on the dot": what a schedule does anyway, so said nowhere.
  const text = given.includes('exactly') || given.includes('precisely') || given.includes('dot') || given.includes('sharp') ? given.replace(EXACTLY, '').trim() : given;
  const words: string[] = [];
  // "every day around 9": a clock after the hedge takes the "at" it stood for; "in about an hour", "at about 8pm" keep theirs.
  const plain = text
    .replace(HEDGE, (said: string, before: string | undefined, word: string | undefined, digit: string | undefined, at: number) => {
      words.push(word ?? '~');
      const clock = digit !== undefined && !COUNTED.test(text.slice(at + said.length)) ? 'at ' : '';
      return before ?? clock;
    })
    // "3ish", "3pm-ish", "5pm or so", "9am approximately": the hedge after the time.
    .replace(HEDGE_AFTER, (_said: string, clock: string, word: string, at: number) => {
      words.push(word.replace(/^[- ]/, ''));
      // "9ish", "5ish tomorrow": an hour said first with its hedge is a time of day, as "around 9" is.
      return at === 0 && /^\d{1,2}$/.test(clock) ? `at ${clock}` : clock;
    });
  if (words.length > 0) notes?.push(`read '${shown}' as exact, without '${[...new Set(words)].join("' and '")}': a schedule fires at one instant`);
  return plain;
}

/** The same holidays in text as people type it: "new year's eve", "new years eve", "valentine’s day"; made when the one-time reader first asks. */
let holidayPatterns: Array<{ pattern: RegExp; date: string }> | undefined;

/** A holiday written as its date, for a reader of one instant ("christmas eve at 8pm": "december 24th at 8pm"; "thanksgiving": its weekday, said in a note). */
export function withHolidayDates(text: string, notes?: string[]): string {
  // "mother's day", "mothers day", "mothers' day", "presidents' day": an apostrophe before or after the s.
  holidayPatterns ??= HOLIDAYS.map(({ said, date }) => ({
    pattern: new RegExp(
      `\\b${said
        .join(' ')
        .replace(/ s\b/g, "['’]?s")
        .replace(/s (?=day\b)/g, "s['’]? ")}\\b`,
    ),
    date: date.join(' '),
  }));
  const holiday = holidayPatterns.find(({ pattern }) => pattern.test(text));
  if (!holiday) return text;
  const note = holidayNote(text.match(holiday.pattern)![0], holiday.date.split(' '));
  if (note) notes?.push(note);
  // "this thanksgiving", "next memorial day": the coming one, as the name alone is ("next christmas" reads as "next december 25th").
  // "the coming christmas", "upcoming christmas": the coming one, as the name alone is.
  const coming = new RegExp(`\\b(?:the )?(?:(?:this )?(?:coming|upcoming)) ${holiday.pattern.source}`);
  const qualified = note ? new RegExp(`\\b(?:this|next|(?:the )?(?:coming|upcoming)) ${holiday.pattern.source}`) : coming.test(text) ? coming : holiday.pattern;
  const next = note ? new RegExp(`\\bnext (${holiday.pattern.source})`).exec(text) : null;
  if (next) notes?.push(`read '${next[0]}' as the coming one, not the one after it`);
  // "christmas in 2027", "father's day of 2027": that year's.
  return text.replace(qualified.test(text) ? qualified : holiday.pattern, holiday.date).replace(new RegExp(`(?<=${holiday.date}),? (?:in|of) ((?:19|20|21)\\d\\d)\\b`), ' $1');
}
