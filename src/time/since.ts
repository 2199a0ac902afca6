import { UsageError } from '../errors';
import { isoInstant } from './iso';
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
/** The longest look back: a year of fires is already more than anyone reads. */
export const MAX_LOOKBACK_MS = 366 * 86_400_000;

const HINT = "Use a span back from now ('30m', '12h', '7d', '2w', '3 days'), 'yesterday', or a date ('2026-11-20', '2026-11-20T09:00Z').";

/**
 * The start of a window back from `now`: a span ('7d', '12h', '90m', '2w', and written out: '3 days', 'the last 2
 * hours', '1 week ago', 'a day'), 'today' or 'yesterday' (that day's midnight in `zone`), or an ISO 8601 date or
 * instant (a bare date is its midnight in `zone`). It must be before now and at most MAX_LOOKBACK_MS back.
 */
export function sinceInstant(value: string, now: number, zone: string, flag = '--since'): number {
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  const span = /^(\d{1,6})\s*(m|h|d|w)$/.exec(text) ?? spanInWords(text);
  let at: number | null;
  if (span) at = now - Number(span[1]) * UNIT_MS[span[2]!]!;
  else if (Object.hasOwn(DAY_WORDS, text)) at = instantFromLocal(zone, { ...addDays(wallTime(zone, now), -DAY_WORDS[text]!), hour: 0, minute: 0, second: 0 });
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) at = isoInstant(`${text}T00:00`, zone, `${flag} '${value}'`);
  else at = isoInstant(text, zone, `${flag} '${value}'`);
  if (at === null || !Number.isFinite(at)) throw new UsageError(`${flag} '${value}' is not a span or a date`, HINT);
  if (at >= now) throw new UsageError(`${flag} '${value}' is not in the past`, HINT);
  if (now - at > MAX_LOOKBACK_MS) throw new UsageError(`${flag} '${value}' reaches back more than 366 days`, HINT);
  return at;
}

/** '3 days', 'the last 2 hours', 'past 90 minutes', '1 week ago', 'a day': the count and the unit's letter. */
function spanInWords(text: string): [string, string, string] | null {
  const words = /^(?:(?:the )?(?:last|past) )?(\d{1,6}|an?) ?([a-z]+)(?: ago)?$/.exec(text);
  const unit = words && Object.hasOwn(UNIT_WORDS, words[2]!) ? UNIT_WORDS[words[2]!] : undefined;
  if (!words || !unit) return null;
  return [text, /^\d/.test(words[1]!) ? words[1]! : '1', unit];
}
