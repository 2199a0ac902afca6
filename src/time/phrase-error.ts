import { UsageError } from '../errors';
import { GIVES_A_TIME } from './everyday-words';
import { closestWord, isKnownWord, weekdayOf } from './lexicon';
import { MONTH_NAMES } from './names';
import { ordinalDay, tokenize } from './words';
import { lookupZone } from './zone-names';

/**
 * An input error for a time phrase: repeats the input, names the words no
 * rule could use (with "did you mean" for a misspelling), or else the word the
 * reading stopped at (`stuck`), and suggests forms that work, the ones most
 * like the input first.
 */
export function phraseError(input: string, problem: string, examples: readonly string[], count = 3, stuck?: string): UsageError {
  const week = WEEK_PART.exec(input.toLowerCase());
  if (week) return weekPartError(input, week);
  const recurring = examples.some((example) => example.startsWith('every'));
  const counted = COUNT_ALONE.exec(input.trim().toLowerCase());
  if (counted) return countAloneError(input.trim(), counted[1]!, recurring);
  const once = ONCE_BEFORE.exec(input.trim().toLowerCase());
  if (once) return onceError(input.trim(), once[1]!, once[2]!, recurring);
  const except = EXCEPT.exec(input.trim().toLowerCase());
  if (except && !recurring) return exceptError(input.trim(), except[1]!, except[2]!, recurring);
  // "early 2027", "late december at 9am": the words name days, not a time the word restates.
  const span = SPAN_PART.exec(input.toLowerCase());
  if (span)
    return spanPartError(
      input,
      span,
      examples.some((example) => example.startsWith('every')),
    );
  // "tomorrow at 6am early morning", "at 8 very late morning": the time is given; the word (with "very" before it) only
  // restates it. A date's digits ("december 16 early morning") give no time.
  const restated = /\b(?:(?:very|really|quite) )?(early|late)\b/.exec(input.toLowerCase());
  if (restated && GIVES_A_TIME.test(input.toLowerCase()))
    return new UsageError(
      `'${input}': '${restated[1]}' adds nothing to the time given`,
      `Leave it out: '${input.replace(new RegExp(`\\s*\\b(?:as ${restated[1]} as(?: possible)?|${restated[0]})\\b`, 'i'), '').trim()}'.`,
    );
  // A repeating phrase may reach here for a part of it ("4" of "4 til 5pm"): only a one-time phrase is taken as the whole.
  const number = /^\s*(\d{1,2})\s*$/.exec(input);
  if (number && Number(number[1]) >= 1 && Number(number[1]) <= 31 && !examples.some((example) => example.startsWith('every'))) return bareNumber(input, Number(number[1]));
  const digits = /^\s*(\d{1,2})([0-5]\d)\s*$/.exec(input);
  if (digits && Number(digits[1]) <= 23 && !examples.some((example) => example.startsWith('every'))) return bareClockDigits(input, digits[1]!, digits[2]!);
  const vague = VAGUE.find(([pattern]) => pattern.test(input.toLowerCase()));
  if (vague) return new UsageError(`'${input}': ${vague[1]}`, vague[2]);
  const closest = [...examples]
    .map((example) => ({ example, score: likeness(input, example) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map(({ example }) => `'${example}'`);
  const unknown = unknownWords(input);
  // "tomorrow early": the word leaves the hour open (unless another word is misspelt: that is said first).
  if (unknown.every((word) => /^(?:early|late|very|really|quite)$/.test(word)) && /\b(?:early|late)\b/.test(input.toLowerCase())) return hourOpenError(input, recurring);
  // Every word is known ("every day sharp"): the word the reading stopped at says where.
  // "daily at 9 to 5", "every saturday at 10 to 12": two hours after "at", a window where one time is read.
  const hours = recurring && unknown.length === 0 && stuck !== undefined && RANGE_WORD.test(stuck) ? HOURS_AFTER_AT.exec(input.toLowerCase()) : null;
  if (hours)
    return new UsageError(
      `'${input.trim()}': 'at ${hours[1]}' is a window of hours, not one time of day`,
      `To repeat within it, say how often, from when, such as 'every hour from ${hours[2]} to ${hours[3]}'; for one time of day, give one, such as 'at ${hours[2]}'.`,
    );
  // "every day at 5:00 except at 10:00": a time of day left out, where the schedule reads only days or an interval's hours.
  if (unknown.length === 0 && except && stuck === 'except' && except[2]!.startsWith('except at ')) return exceptError(input.trim(), except[1]!, except[2]!, recurring);
  if (unknown.length === 0) return new UsageError(`${problem}: '${input}'${stuck ? ` (stopped at '${stuck}')` : ''}`, `Try ${closest.join(', ')}.`);
  const meant = unknown.map((word) => [word, closestWord(word)] as const).filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
  const didYouMean = meant.map(([word, known]) => `'${known}' for '${word}'`).join(', ');
  return new UsageError(`'${input}': did not understand ${unknown.map((word) => `'${word}'`).join(', ')}`, `${didYouMean ? `Did you mean ${didYouMean}? ` : ''}Try ${closest.join(', ')}.`);
}

/**
 * "late friday", "every friday late", "early tomorrow": the word said leaves the hour open. The example is the phrase with
 * a time in its place; a weekday alone given as a schedule is made to repeat.
 */
function hourOpenError(input: string, recurring: boolean): UsageError {
  const word = /\b(early|late)\b/.exec(input.toLowerCase())![1]!;
  const rest = input
    .toLowerCase()
    .replace(/\b(?:very|really|quite|early|late)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const time = word === 'early' ? '7am' : '10pm';
  const day = recurring && weekdayOf(rest) !== undefined && !/s$/.test(rest) ? `every ${rest}` : rest;
  const example = day === '' ? (recurring ? `every day at ${time}` : `tomorrow at ${time}`) : `${day} at ${time}`;
  return new UsageError(`'${input.trim()}': '${word}' leaves the hour open`, `Give the time, such as '${example}'.`);
}

/** "5", "17", "28": a number alone, which could be an hour, a day of the month or an amount of something. */
function bareNumber(input: string, n: number): UsageError {
  const hour = n <= 12 ? `'at ${n}am', 'at ${n}pm'` : n <= 23 ? `'at ${n}:00'` : undefined;
  return new UsageError(
    `'${input.trim()}': a number alone could be ${hour ? 'an hour, ' : ''}a day of the month or an amount`,
    `Say which, such as ${[hour, `'the ${ordinalDay(n)}'`, `'in ${n} minutes'`].filter(Boolean).join(', ')}.`,
  );
}

/** "1730", "730", "2027": hours and minutes run together, which could also be a year; a day beside them says it is a clock. */
function bareClockDigits(input: string, hours: string, minutes: string): UsageError {
  const said = input.trim();
  const clock = `${hours}:${minutes}`;
  const year = /^(?:19|20)\d\d$/.test(said);
  return new UsageError(
    `'${said}': digits alone are not read as a time (${clock}${year ? `, or the year ${said}` : ''}?)`,
    `Write the time with a colon, such as 'at ${clock}'${Number(hours) <= 12 ? ' (or with am/pm)' : ''}, or give its day, such as 'tomorrow ${said}'${year ? '; a year alone names no day' : ''}.`,
  );
}

const AMOUNT_UNIT = '(?:secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|wks?|months?|years?)';

/** "once at wednesday", "only once tomorrow at 9am": "once" before a time, which says no how often ("once a week" does). */
const ONCE_BEFORE = /^((?:(?:only|just) )?once),? (?!(?:a|an|per|every|each|more|again|or|and)\b|(?:daily|weekly|monthly|yearly|hourly|nightly)\b)(.+)$/;

/** "once", "just once", "one time", "twice", "3 times": how many times, with no time to run at (filler aside). */
const COUNT_ALONE = /^(?:(?:only|just|please|run|send) )*(once|one[- ]?time|one[- ]off|once[- ]off|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) times)(?: (?:only|please))*[.!]?$/;

/** A count alone names no time; one more than once also needs a rule to repeat by. */
function countAloneError(input: string, said: string, recurring: boolean): UsageError {
  const problem = `'${input}': '${said}' says how many times, not when`;
  if (/^(?:once|one)/.test(said))
    return new UsageError(
      problem,
      recurring
        ? "For one time, give the time to --execute-at, such as 'tomorrow at 9am'; to repeat, say how often, such as 'once a week on monday'."
        : "Give the time, such as 'tomorrow at 9am' or 'in 1 hour' (a one-time message is sent once).",
    );
  const rule = /^(?:twice|thrice)$/.test(said) ? `${said} a day' or '${said} a week` : `every day at 9am ${said}`;
  return new UsageError(problem, `Give a rule to repeat by, such as '${rule}'${recurring ? '' : ', to --cron'}.`);
}

/** "once" before a time: a one-time message is sent once anyway; a schedule needs to be told how often. */
function onceError(input: string, once: string, rest: string, recurring: boolean): UsageError {
  // "once at wednesday": "at" before a day is the once's, not the day's.
  const time = rest.replace(/^at (?=(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|tomorrow|today|tonight|next|this)\b)/, '');
  if (recurring)
    return new UsageError(
      `'${input}': '${once}' says no how often`,
      `For one time, give '${time}' to --execute-at; to repeat, say how often, such as 'once a week on ${/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*/.exec(time)?.[0] ?? 'monday'}'.`,
    );
  return new UsageError(`'${input}': '${once}' adds nothing: a one-time message is sent once`, `Leave it out: '${time}'.`);
}

const RANGE_WORD = /^(?:to|till|til|until)$/;
/** "at 9 to 5", "at 5 to 6pm": the hours of a window, said after "at". */
const HOURS_AFTER_AT = /\bat ((\d{1,2}(?::\d\d)?(?: ?[ap]m)?) (?:to|till|til|until) (\d{1,2}(?::\d\d)?(?: ?[ap]m)?))(?![\d:])/;

/** "at 5:00 except at 10:00", "friday except at 3pm": a time, then what to leave out of it. */
const EXCEPT = /^(.+?),? (except(?: for| on| at)? .+)$/;

/** "except" leaves out days (or hours of an interval) from a schedule; one time has nothing to leave out. */
function exceptError(input: string, kept: string, left: string, recurring: boolean): UsageError {
  if (recurring)
    return new UsageError(
      `'${input}': '${left}' is not read: 'except' leaves out days ('except fridays', 'except december 25') or hours of an interval ('every hour except noon')`,
      `Give only the times to run, such as '${kept}', and the days to leave out after 'except'.`,
    );
  return new UsageError(`'${input}': '${left}' leaves out part of a repeating schedule; a one-time message is sent once, with nothing to leave out`, `Leave it out: '${kept}'.`);
}

/** "middle of the week", "midweek", "early next week", "late in the week": a part of a week, which names no weekday. */
const WEEK_PART = /\b(early|mid|middle|late)(?:[- ]?| of | in )(?:(the|this|next|each|every) )?week\b/;

/** The weekdays a part of a week may mean, and the one the hint writes. */
const WEEK_PART_DAYS: Record<string, { days: readonly string[]; day: string }> = {
  early: { days: ['monday', 'tuesday'], day: 'monday' },
  mid: { days: ['tuesday', 'wednesday', 'thursday'], day: 'wednesday' },
  middle: { days: ['tuesday', 'wednesday', 'thursday'], day: 'wednesday' },
  late: { days: ['thursday', 'friday'], day: 'thursday' },
};

/** A part of a week is refused with the weekdays it could mean and a phrase that names one, in the same week or repeating. */
function weekPartError(input: string, week: RegExpExecArray): UsageError {
  const { days, day } = WEEK_PART_DAYS[week[1]!]!;
  const repeats = week[2] === 'each' || week[2] === 'every' || /^\s*(?:every|each)\b/i.test(input);
  const once = `'${day}${week[2] === 'next' ? ' next week' : ''} at 9am'`;
  return new UsageError(
    `'${input.trim()}'${week[0] === input.trim().toLowerCase() ? '' : `: '${week[0]}'`} names no weekday (${days.join('? ')}?)`,
    repeats ? `Give the weekday, such as 'every ${day} at 9am' or, once, ${once}.` : `Give the weekday, such as ${once} or, to repeat, 'every ${day} at 9am'.`,
  );
}

const MONTHS = MONTH_NAMES.map((month) => month.toLowerCase());
const MONTH_WORD = `(?:sept|${MONTHS.map((month) => `${month.slice(0, 3)}${month.length > 3 ? `(?:${month.slice(3)})?` : ''}`).join('|')})`;

/** "mid march", "early next month", "late in the year", "middle of 2027": a part of a month or a year, which names no day. */
const SPAN_PART = new RegExp(`\\b(early|mid|middle|late)(?:[- ]?| of | in )(?:(the|this|next|each|every) )?(${MONTH_WORD}|month|year|(?:19|20)\\d\\d)\\b(?:,? ((?:19|20)\\d\\d)\\b)?`);

/** The day of a month, and the month of a year, each part of it is written as in a hint. */
const SPAN_PART_DAY: Record<string, { day: number; month: number }> = { early: { day: 3, month: 1 }, mid: { day: 15, month: 7 }, middle: { day: 15, month: 7 }, late: { day: 25, month: 12 } };

/** A part of a month or a year is refused as naming no day, in the words typed, with a date in that part to write instead. */
function spanPartError(input: string, span: RegExpExecArray, recurring: boolean): UsageError {
  const [, part, which, unit, year] = span as unknown as [string, string, string | undefined, string, string | undefined];
  const { day, month } = SPAN_PART_DAY[part]!;
  const clock = GIVES_A_TIME.test(input.toLowerCase().replace(span[0], ''))
    ? input.toLowerCase().match(/\b(?:at |@ ?)?(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}|noon|midnight)/)?.[0]
    : undefined;
  const at = clock ? ` ${clock.startsWith('at') || clock.startsWith('@') ? clock.replace(/^@ ?/, 'at ') : `at ${clock}`}` : ' at 9am';
  const repeats = recurring || which === 'each' || which === 'every' || /^\s*(?:every|each)\b/i.test(input);
  const named = MONTHS.find((name) => name.startsWith(unit.slice(0, 3)));
  let what: string;
  let instead: string;
  if (unit === 'month') {
    what = which === 'next' || which === 'this' ? `${which} month` : repeats ? 'every month' : 'a month';
    instead = repeats ? `every month on the ${ordinalDay(day)}${at}` : `the ${ordinalDay(day)} of ${which === 'this' ? 'this' : 'next'} month${at}`;
  } else if (unit === 'year') {
    what = which === 'next' || which === 'this' ? `${which} year` : 'a year';
    instead = `${MONTHS[month - 1]} ${day}${which === 'next' ? ' next year' : ''}${at}`;
  } else if (/^\d/.test(unit)) {
    what = unit;
    instead = `${MONTHS[month - 1]} ${day} ${unit}${at}`;
  } else {
    what = `${named![0]!.toUpperCase()}${named!.slice(1)}${year ? ` ${year}` : ''}`;
    instead = repeats ? `every ${named} ${day}${at}` : `${named} ${day}${year ? ` ${year}` : ''}${at}`;
  }
  return new UsageError(`'${input.trim()}': '${part}' in ${what} leaves the day open`, `Give the day, such as '${instead}'.`);
}

/** Words people use for a time that leave the time itself open: refused with what is open and how to say it. */
const VAGUE: ReadonlyArray<[RegExp, string, string]> = [
  [
    /\b(?:eod|cob|eob|end of (?:the )?(?:business |work(?:ing)? )?day|end of (?:(?:the|this|next) )?(?:today|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:close|end) of (?:business|play))\b/,
    'the end of the day names no hour (5pm? 6pm? midnight?)',
    "Give the time, such as 'today at 5pm' or 'friday at 6pm'.",
  ],
  [
    /\b(?:start|beginning) of (?:(?:the|this|next) )?(?:(?:business |work(?:ing)? )?day|today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/,
    'the start of the day names no hour (midnight? 9am?)',
    "Give the time, such as 'tomorrow at 9am' or 'friday at midnight'.",
  ],
  [
    /\b(?:(?:early|late)[- ](?:morning|afternoon|evening|night)|mid[- ]?(?:morning|afternoon|evening))\b/,
    "'early', 'mid' or 'late' in a part of the day leaves the hour open",
    "Give the time, such as 'every monday at 7am' or 'tomorrow at 10pm'.",
  ],
  [
    new RegExp(`\\b(?:\\d+(?:\\.\\d+)? ?(?:-|to|or) ?\\d+(?:\\.\\d+)? ?${AMOUNT_UNIT}|an? ${AMOUNT_UNIT} or two)\\b`),
    'a range of amounts leaves the time open',
    "Give one amount, such as 'in 10 minutes' or 'in 2 days'.",
  ],
  [/\bend of (?:the |this |next |each |every )?week\b/, 'which day ends a week is not clear (friday? saturday? sunday?)', "Name the day, such as 'friday at 5pm' or 'until friday'."],
  [/\bweek ?nights?\b/, "'weeknight' leaves the nights open (Monday to Friday, or Sunday to Thursday)", "Name the days, such as 'every weekday at 8pm' or 'sunday to thursday at 8pm'."],
  [
    /\bholidays\b/,
    'holidays are not known: no calendar of public holidays is kept, so none can be left out',
    "Name the days to leave out, such as 'every weekday at 9am except december 25', or leave the words out.",
  ],
  [/\b(?:spring|summer|autumn|fall|winter)s?\b/, "a season's dates are not clear (they differ by hemisphere and by reckoning)", "Name the months, such as 'every weekday in june through august'."],
];

/** The words of a phrase that are in no part of the vocabulary (and name no zone). */
export function unknownWords(input: string): string[] {
  const words = tokenize(input).filter((word) => /^[a-z]/.test(word) && !isKnownWord(word));
  return [...new Set(words)].filter((word) => {
    try {
      return lookupZone(word) === null;
    } catch {
      return true;
    }
  });
}

/** Shared words count most, then shared letter pairs: crude, but it ranks "every fortnite" near "every 2 weeks". */
function likeness(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean),
    );
  const pairs = (s: string) => {
    const set = new Set<string>();
    const t = s.toLowerCase().replace(/\s+/g, ' ');
    for (let i = 0; i < t.length - 1; i++) set.add(t.slice(i, i + 2));
    return set;
  };
  const overlap = (x: Set<string>, y: Set<string>) => [...x].filter((v) => y.has(v)).length;
  const pa = pairs(a);
  const pb = pairs(b);
  return overlap(words(a), words(b)) * 10 + (2 * overlap(pa, pb)) / (pa.size + pb.size || 1);
}
