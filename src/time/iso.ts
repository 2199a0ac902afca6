import { UsageError } from '../errors';
import { daysInMonth, dstNote, instantFromLocal, utcMillis, wallTime } from './zone';

const MINUTE = 60_000;
/** UTC offsets in use run from -12:00 to +14:00; ISO 8601 allows nothing wider than ±14:00 here. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** A fraction of a second after a dot or a comma (ISO 8601 allows both); an offset's hours may be one digit ("+5:30"). */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2})([.,]\d{1,9})?)?(z|[+-]\d{1,2}(?::?\d{2})?)?$/;
/** The basic format, without separators: "20270601T090000Z", "20270601T0900+0100". */
const BASIC = /^(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})?(z|[+-]\d{2}(?:\d{2})?)?$/;

/**
 * ISO 8601 with a T, extended or basic: exact with Z or an offset, else wall time in `zone`.
 * Null when the text is not of that form; errors name it as `label`.
 */
export function isoInstant(text: string, zone: string, label = `'${text.trim()}'`, notes?: string[]): number | null {
  const trimmed = text.trim().toLowerCase();
  const basic = BASIC.exec(trimmed);
  const lower = basic ? `${basic[1]}-${basic[2]}-${basic[3]}t${basic[4]}:${basic[5]}${basic[6] ? `:${basic[6]}` : ''}${basic[7] ?? ''}` : trimmed;
  // A space for the T only when an offset makes it unmistakably ISO ("2026-12-01 19:30" is read as a local date and time elsewhere).
  const m = ISO.exec(lower);
  if (!m || (lower[10] === ' ' && !m[8])) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  checkCalendar(label, year!, month!, day!, hour!, minute!, second!);
  // Cut to the millisecond, not rounded: ".9999" is still within its second.
  const fraction = m[7] ? Number(m[7].slice(1).padEnd(3, '0').slice(0, 3)) : 0;
  const offset = m[8];
  if (!offset) {
    const instant = instantFromLocal(zone, { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! }) + fraction;
    const skippedOrTwice = notes && dstNote((at) => wallTime(zone, at), instant, { hour: hour!, minute: minute! });
    if (skippedOrTwice) notes.push(skippedOrTwice);
    return instant;
  }
  const offsetMin = offset === 'z' ? 0 : offsetMinutesOf(offset, label);
  return utcMillis(year!, month!, day!, hour!, minute!, second!) + fraction - offsetMin * MINUTE;
}

/** "+05:30", "-0800", "+05", "+5:30" as minutes east of UTC; a UsageError beyond ±14:00 or with minutes past 59. */
export function offsetMinutesOf(offset: string, label: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.length > 2 ? digits.slice(0, -2) : digits);
  const minutes = digits.length > 2 ? Number(digits.slice(-2)) : 0;
  if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) {
    throw new UsageError(`${label} has the UTC offset ${offset.toUpperCase()}, which does not exist`, 'Offsets run from -14:00 to +14:00, such as +05:30 or -08:00.');
  }
  return sign * (hours * 60 + minutes);
}

export const DATE_HINT = "Write a date that exists, such as '2026-12-01' or 'december 1st'.";

/** A UsageError naming `label` (the input, quoted) unless the date and time exist. */
export function checkCalendar(label: string, year: number, month: number, day: number, hour: number, minute: number, second: number) {
  if (year < 1) throw new UsageError(`${label} is not a date: year ${String(year).padStart(4, '0')} is out of range (0001-9999)`, DATE_HINT);
  if (month < 1 || month > 12) throw new UsageError(`${label} is not a date: month ${month} is out of range (1-12)`, DATE_HINT);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new UsageError(`${label} is not a date: ${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')} has no day ${day}`, DATE_HINT);
  }
  if (hour > 23 || minute > 59 || second > 59) throw new UsageError(`${label} is not a time of day: use 00:00 to 23:59`, "Write a 24-hour time such as '14:30'.");
}
