import { UsageError } from '../errors';
import { CLOCK_PATTERN, parseClock, type ClockTime } from './clock';
import { phraseError } from './phrase-error';

/**
 * What a recurring phrase means on the user's clock, before any zone math.
 * `interval` phrases are already a cron and are never shifted between zones.
 */
export type LocalSchedule =
  | { kind: 'interval'; cron: string }
  | { kind: 'raw'; cron: string }
  /** "every hour at :30": the minute is on the user's clock, which half-hour zones shift. */
  | { kind: 'hourly'; minute: number }
  | { kind: 'clock'; minute: number; hours: number[]; daysOfWeek: number[] | null; dayOfMonth: number | null };

export const RECURRING_EXAMPLES = [
  'every 5 minutes',
  'every hour',
  'every 2 hours',
  'daily at 9am',
  'every day at 9am and 5pm',
  'every weekday at 10am',
  'every weekend at 10am',
  'every monday at 9am',
  'every mon, wed and fri at 7am',
  'weekly',
  'monthly',
  'every month on the 15th at noon',
  '0 9 * * 1-5',
];

const DAY_NAMES: Array<[RegExp, number]> = [
  [/^sun(day)?s?$/, 0],
  [/^mon(day)?s?$/, 1],
  [/^tue(s|sday)?s?$/, 2],
  [/^wed(s|nesday)?s?$/, 3],
  [/^thu(r|rs|rsday)?s?$/, 4],
  [/^fri(day)?s?$/, 5],
  [/^sat(urday)?s?$/, 6],
];
const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [0, 6];
const DEFAULT_TIME: ClockTime = { hour: 9, minute: 0 };

/** True when the phrase reads as a repeating schedule rather than one instant. */
export function looksRecurring(input: string): boolean {
  const text = normalize(input);
  return (
    isCronLike(text) ||
    /^@\w+$/.test(text) ||
    /^(every|each|daily|hourly|weekly|monthly|weekdays|weekends|everyday)\b/.test(text) ||
    /^(on )?(the )?\d{1,2}(st|nd|rd|th)? of (every|each) month\b/.test(text) ||
    /^(on )?((sun|mon|tue|wed|thu|fri|sat)[a-z]*days?s,? ?(and |& )?)+/.test(text) ||
    /^(on )?(weekdays|weekends|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\b/.test(text) ||
    /\b(every|each) (day|week|month|weekday|weekend|hour|minute)\b/.test(text)
  );
}

function normalize(input: string): string {
  return input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]$/, '');
}

function isCronLike(text: string): boolean {
  const fields = text.split(' ');
  return fields.length >= 5 && fields.length <= 7 && /^[\d*?/,\-lw#]+$/.test(fields[0]!) && /^[\d*?/,\-lw#]+$/.test(fields[1]!);
}

/** Read a recurring phrase through the rule table. Raw crons are returned for validation elsewhere. */
export function parseRecurring(input: string): LocalSchedule {
  const text = normalize(input);
  const original = input.trim();
  if (text === '') throw new UsageError('No schedule given', "Try 'every weekday at 9am' or a cron such as '0 9 * * 1-5'.");
  if (/^@\w+$/.test(text)) {
    throw new UsageError(`'${original}' is not supported: use a 5-field cron or a phrase`, "For '@daily' write '0 0 * * *' or 'daily at midnight'.");
  }
  if (isCronLike(text)) return { kind: 'raw', cron: input.trim().replace(/\s+/g, ' ') };

  return interval(text, original) ?? clockSchedule(text, original);
}

function interval(text: string, original: string): LocalSchedule | null {
  if (/^(every|each) minute$/.test(text)) return { kind: 'interval', cron: '* * * * *' };
  if (/^(hourly|(every|each) hour)$/.test(text)) return { kind: 'interval', cron: '0 * * * *' };
  if (/^(every|each) half ?(an )?hour$/.test(text)) return { kind: 'interval', cron: '*/30 * * * *' };
  if (/^(every|each) quarter ?(of an )?hour$/.test(text)) return { kind: 'interval', cron: '*/15 * * * *' };
  const pastTheHour = /^(?:hourly|(?:every|each) hour)(?: at)? :?(\d{1,2})(?: minutes?)?(?: past(?: the hour)?)?$/.exec(text);
  if (pastTheHour) {
    const minute = Number(pastTheHour[1]);
    if (minute > 59) throw new UsageError(`'${original}': minute ${minute} is out of range (0-59)`);
    return { kind: 'hourly', minute };
  }
  if (/^(every|each) other (day|week)$/.test(text)) {
    throw new UsageError(
      `'${original}' cannot be written as one cron: a cron day or week interval restarts every month`,
      "Name the days instead, such as 'every monday, wednesday and friday at 9am'.",
    );
  }
  const m = /^(?:every|each) (\d+) ?(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!;
  if (/^s/.test(unit)) throw new UsageError(`'${original}': Letta runs schedules at most once a minute`, "Try 'every minute'.");
  if (/^(d|w)/.test(unit)) {
    if (n === 1) return null;
    throw new UsageError(
      `'${original}' cannot be written as one cron: a cron day or week interval restarts every month`,
      "Name the days instead, such as 'every monday and thursday at 9am', or use 'daily'.",
    );
  }
  const isMinutes = /^m/.test(unit);
  const size = isMinutes ? 60 : 24;
  if (n < 1 || n > size || size % n !== 0) {
    // The nearest that work on either side: every 7 minutes -> 6 or 10.
    const divisors = [...Array(size).keys()].map((i) => i + 1).filter((d) => size % d === 0);
    const below = divisors.filter((d) => d < n).at(-1);
    const above = divisors.find((d) => d > n);
    const nearest = [below, above].filter((d): d is number => d !== undefined);
    const phrase = (d: number) =>
      d === 1 ? (isMinutes ? 'every minute' : 'every hour') : d === size ? (isMinutes ? 'every hour' : 'daily at midnight') : `every ${d} ${isMinutes ? 'minutes' : 'hours'}`;
    throw new UsageError(
      `'${original}' cannot be one cron: ${n} does not divide ${size}, so the gap would jump at the ${isMinutes ? 'hour' : 'day'} boundary`,
      `Use ${nearest.map((d) => `'${phrase(d)}'`).join(' or ')}.`,
    );
  }
  if (n === size) return { kind: 'interval', cron: isMinutes ? '0 * * * *' : '0 0 * * *' };
  if (n === 1) return { kind: 'interval', cron: isMinutes ? '* * * * *' : '0 * * * *' };
  return { kind: 'interval', cron: isMinutes ? `*/${n} * * * *` : `0 */${n} * * *` };
}

const TIME_LIST = new RegExp(String.raw`(${CLOCK_PATTERN}(?:\s*(?:,|and|&)\s*${CLOCK_PATTERN})*)`);
const TRAILING_TIMES = new RegExp(String.raw`^(.*?)\s*(?:\bat\s+|@\s*)?${TIME_LIST.source}$`);
const LEADING_TIMES = new RegExp(String.raw`^(?:at\s+|@\s*)?${TIME_LIST.source}\s+(.+)$`);

/** "every morning", "every weekday evening at 6": a part of the day names a default time, and afternoon hours. */
const PARTS_OF_DAY: Record<string, number> = { morning: 9, afternoon: 15, evening: 18, night: 21 };

function clockSchedule(phrase: string, original: string): LocalSchedule {
  const part = /\b(?:in the )?(morning|afternoon|evening|night)s?\b/.exec(phrase);
  const text = part ? phrase.replace(part[0], ' ').replace(/\s+/g, ' ').trim() : phrase;
  // With a part of the day, "every" alone means every day ("every morning").
  const readDays = (words: string) => (part && /^(every|each|)$/.test(words) ? { daysOfWeek: null, dayOfMonth: null } : parseDays(words));
  let dayPart = text;
  let times: ClockTime[] = [];
  const trailing = TRAILING_TIMES.exec(text);
  const leading = LEADING_TIMES.exec(text);
  if (trailing && trailing[1] !== undefined && readDays(trailing[1])) {
    dayPart = trailing[1];
    times = parseTimes(trailing[2]!, original);
  } else if (leading && readDays(leading[2]!)) {
    dayPart = leading[2]!;
    times = parseTimes(leading[1]!, original);
  } else {
    const at = /^(.*?)\s+at\s+(.+)$/.exec(text);
    if (at && readDays(at[1]!)) {
      // "daily at 25:00", "every monday at 13pm": the days read fine, so the time is what is wrong.
      times = parseTimes(at[2]!, original);
      dayPart = at[1]!;
    }
  }
  const days = readDays(dayPart);
  if (!days) throw phraseError(original, 'Could not understand the schedule', RECURRING_EXAMPLES);
  if (part) {
    const partHour = PARTS_OF_DAY[part[1]!]!;
    // "every evening at 6" is 18:00; an explicit am/pm or a 24-hour time stays as written.
    const explicit = /am|pm|a\.m|p\.m|\d{2}:\d{2}|1[3-9]|2[0-3]/.test(text);
    times = times.length === 0 ? [{ hour: partHour, minute: 0 }] : times.map((t) => (partHour >= 12 && t.hour < 12 && !explicit ? { ...t, hour: t.hour + 12 } : t));
  }
  if (times.length === 0) times = [DEFAULT_TIME];
  const minutes = new Set(times.map((t) => t.minute));
  if (minutes.size > 1) {
    throw new UsageError(
      `'${original}' cannot be one cron: its times do not share the same minute`,
      'Create one schedule per time, or use times on the same minute (9am and 5pm).',
    );
  }
  const hours = [...new Set(times.map((t) => t.hour))].sort((a, b) => a - b);
  return { kind: 'clock', minute: times[0]!.minute, hours, ...days };
}

function parseTimes(text: string, original: string): ClockTime[] {
  const parts = text.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  return parts.map((part) => {
    const clock = parseClock(part);
    if (!clock) throw phraseError(original, `Could not read the time '${part}' in the schedule`, RECURRING_EXAMPLES);
    return clock;
  });
}

type DaySpec = { daysOfWeek: number[] | null; dayOfMonth: number | null };

/** The day part of a phrase ("every weekday", "mondays and fridays", "every month on the 15th"), or null. */
function parseDays(text: string): DaySpec | null {
  const t = text.replace(/^(?:on|every|each)\s+/, '').replace(/^(?:every|each)\s+/, '').trim();
  if (/^(|day|days|daily|everyday|every day|each day)$/.test(t)) return { daysOfWeek: null, dayOfMonth: null };
  if (/^(week ?days?|workdays?|business days?)$/.test(t)) return { daysOfWeek: WEEKDAYS, dayOfMonth: null };
  if (/^(weekends?|weekend days)$/.test(t)) return { daysOfWeek: WEEKEND, dayOfMonth: null };
  const weekly = /^(?:week|weekly)(?: on (.+))?$/.exec(t);
  if (weekly) return weekly[1] ? dayList(weekly[1]) : { daysOfWeek: [1], dayOfMonth: null };
  const monthly =
    /^(?:month|monthly)(?: on)?(?: the)?(?: (\d{1,2})(?:st|nd|rd|th)?(?: day)?)?$/.exec(t) ??
    /^(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: day)? of (?:every|each|the) month$/.exec(t);
  if (monthly) return { daysOfWeek: null, dayOfMonth: dayOfMonth(monthly[1]) };
  return dayList(t);
}

function dayOfMonth(text: string | undefined): number {
  if (text === undefined) return 1;
  const day = Number(text);
  if (day < 1 || day > 31) throw new UsageError(`Day of month ${day} is out of range (1-31)`);
  return day;
}

function dayList(text: string): DaySpec | null {
  const parts = text.split(/\s*(?:,|\band\b|&|\s)\s*/).filter(Boolean);
  if (parts.length === 0) return null;
  const days = new Set<number>();
  for (const part of parts) {
    const day = DAY_NAMES.find(([pattern]) => pattern.test(part))?.[1];
    if (day === undefined) return null;
    days.add(day);
  }
  return { daysOfWeek: [...days].sort((a, b) => a - b), dayOfMonth: null };
}
