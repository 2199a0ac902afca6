import { UsageError } from '../errors';
import { isoInstant } from './iso';
import { WEEKDAY_NAMES } from './names';
import { addDays, instantFromLocal, wallTime } from './zone';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** A unit as written out ('3 hours', '2 wks'): its letter in UNIT_MS. */
const UNIT_WORDS: Record<string, string> = {
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  day: 'd',
  days: 'd',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
};
/** Days back to whose midnight (in the zone) a word reaches. */
const DAY_WORDS: Record<string, number> = { today: 0, yesterday: 1 };
/** A weekday by its name or first three letters ('mon', 'thu'), and the longer short forms people write. */
const WEEKDAYS = new Map<string, number>([
  ...WEEKDAY_NAMES.flatMap((name, day): Array<[string, number]> => [
    [name.toLowerCase(), day],
    [name.slice(0, 3).toLowerCase(), day],
  ]),
  ['tues', 2],
  ['weds', 3],
  ['thur', 4],
  ['thurs', 4],
]);
/** The longest look back: a year of fires is already more than anyone reads. */
export const MAX_LOOKBACK_MS = 366 * 86_400_000;

const HINT =
  "Use a span back from now ('30m', '12h', '1h30m', '7d', '3 days'), a time today ('9am'), 'yesterday' or a weekday ('monday', 'last friday at 5pm'), or a date ('2026-11-20', '2026-11-20 09:00', '2026-11-20T09:00Z').";

const AHEAD_HINT = 'For fires still to come, use agenda --days N or --until WHEN.';

/**
 * The start of a window back from `now`: a span ('7d', '12h', '90m', '2w', '1h30m', '1.5h', and written out: '3 days',
 * 'the last 2 hours', '1 week ago', 'a day', '1 hour 30 minutes'), 'today' or 'yesterday' (that day's midnight in
 * `zone`), a time today ('9am', '14:30'), a weekday ('monday': the midnight of the latest Monday, today if it is one; 'last monday': of the one before
 * today), such a day with a time ('yesterday at 9am', 'friday 17:00'), or an ISO 8601 date or instant (a bare date is its midnight in `zone`;
 * '2026-11-20 09:00' is on the clock of `zone`). It must be before now and at most
 * MAX_LOOKBACK_MS back.
 */
export function sinceInstant(value: string, now: number, zone: string, flag = '--since'): number {
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  const back = spanMs(text);
  const today = wallTime(zone, now);
  const daysBackTo = (day: string) => (Object.hasOwn(DAY_WORDS, day) ? DAY_WORDS[day]! : weekdayBack(day, today.weekday));
  // A day and a time on it ('yesterday at 9am', 'monday 14:00'); else a day alone (its midnight), or a time today.
  const split = /^(.+?),? (?:at )?(\d{1,2}(?::\d{2})? ?[ap]\.?m\.?|\d{1,2}:\d{2})$/.exec(text);
  const dayOfClock = split ? daysBackTo(split[1]!) : undefined;
  const daysBack = dayOfClock ?? daysBackTo(text);
  const clock = dayOfClock !== undefined ? clockToday(split![2]!) : clockToday(text);
  const onDay = (back: number, time: { hour: number; minute: number }) => instantFromLocal(zone, { ...addDays(today, -back), ...time, second: 0 });
  let at: number | null;
  if (back !== null) at = now - back;
  else if (dayOfClock !== undefined) at = clock ? onDay(dayOfClock, clock) : null;
  else if (daysBack !== undefined) at = onDay(daysBack, { hour: 0, minute: 0 });
  else if (clock) at = onDay(0, clock);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) at = isoInstant(`${text}T00:00`, zone, `${flag} '${value}'`);
  // A date and a time on the zone's clock, written with a space as people do ('2026-12-05 10:00').
  else if (/^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?$/.test(text)) at = isoInstant(text.replace(' ', 'T').replace(/T(\d):/, 'T0$1:'), zone, `${flag} '${value}'`);
  else at = isoInstant(text, zone, `${flag} '${value}'`);
  if (at === null && saysFuture(text)) throw new UsageError(`${flag} '${value}' is in the future: ${flag} reaches back from now`, `${HINT} ${AHEAD_HINT}`);
  if (at === null || !Number.isFinite(at)) throw new UsageError(`${flag} '${value}' is not a span or a date`, HINT);
  if (at >= now) throw new UsageError(`${flag} '${value}' is not in the past`, `${HINT} ${AHEAD_HINT}`);
  if (now - at > MAX_LOOKBACK_MS) throw new UsageError(`${flag} '${value}' reaches back more than 366 days`, HINT);
  return at;
}

/** Words that point ahead of now ('tomorrow', 'tonight', 'next monday', 'the coming week', 'in 3 days', '2 hours from now'), with or without a time. */
function saysFuture(text: string): boolean {
  return /^(?:the )?(?:day after )?(?:tomorrow|tonight|tmrw?)\b|^(?:the |this )?(?:next|coming|following) \S|^in (?:\d|an? |a few )|\bfrom now$|\blater$/.test(text);
}

/**
 * A span back from now in milliseconds: one or more counts of a unit, each unit once ('7d', '1h30m', '2d 12h', '1.5h',
 * '1 hour and 30 minutes'), written out after 'the last' or 'past', or before 'ago' ('the last 2 hours', 'a day ago').
 */
function spanMs(text: string): number | null {
  const parts = /^(?:(?:the )?(?:last|past) )?(.+?)(?: ago)?$/.exec(text)![1]!;
  const part = /(?:(\d{1,6}(?:\.\d{1,3})?) ?|an? )([a-z]+)(?:,? and |, | |$|(?=\d))/y;
  const seen = new Set<string>();
  let ms = 0;
  while (part.lastIndex < parts.length) {
    const at = part.lastIndex;
    const found = part.exec(parts);
    if (!found || found.index !== at) return null;
    const unit = Object.hasOwn(UNIT_MS, found[2]!) ? found[2]! : Object.hasOwn(UNIT_WORDS, found[2]!) ? UNIT_WORDS[found[2]!]! : undefined;
    if (unit === undefined || seen.has(unit)) return null;
    seen.add(unit);
    ms += (found[1] === undefined ? 1 : Number(found[1])) * UNIT_MS[unit]!;
  }
  return seen.size === 0 ? null : Math.round(ms);
}

/** Days back to a weekday's midnight: 'monday' the latest Monday (today, on one), 'last monday' the one before today. */
function weekdayBack(text: string, today: number): number | undefined {
  const said = /^(last )?([a-z]+)$/.exec(text);
  const day = said ? WEEKDAYS.get(said[2]!) : undefined;
  if (day === undefined) return undefined;
  const back = (today - day + 7) % 7;
  return said![1] && back === 0 ? 7 : back;
}

/** A time of day, today: '9am', '9:30 pm', '14:30'. */
function clockToday(text: string): { hour: number; minute: number } | undefined {
  const said = /^(?:at )?(\d{1,2})(?::(\d{2}))? ?([ap])\.?m\.?$|^(?:at )?(\d{1,2}):(\d{2})$/.exec(text);
  if (!said) return undefined;
  const minute = Number(said[2] ?? said[5] ?? 0);
  const hour = said[3] ? (Number(said[1]) % 12) + (said[3] === 'p' ? 12 : 0) : Number(said[4]);
  const fits = minute < 60 && (said[3] ? Number(said[1]) >= 1 && Number(said[1]) <= 12 : hour < 24);
  return fits ? { hour, minute } : undefined;
}
