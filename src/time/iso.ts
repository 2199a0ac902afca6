import { UsageError } from '../errors';
import { daysInMonth, instantFromLocal } from './zone';

const MINUTE = 60_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(z|[+-]\d{2}:?\d{2})?$/;

/** ISO 8601 with a T: exact with Z or an offset, else wall time in `zone`. Null when the text is not of that form. */
export function isoInstant(text: string, zone: string): number | null {
  const m = ISO.exec(text.trim().toLowerCase());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  checkCalendar(text, year!, month!, day!, hour!, minute!, second!);
  const fraction = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const offset = m[8];
  if (!offset) return instantFromLocal(zone, { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! }) + fraction;
  let offsetMin = 0;
  if (offset !== 'z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) + fraction - offsetMin * MINUTE;
}

export function checkCalendar(text: string, year: number, month: number, day: number, hour: number, minute: number, second: number) {
  if (month < 1 || month > 12) throw new UsageError(`'${text}' is not a date: month ${month} is out of range (1-12)`);
  if (day < 1 || day > daysInMonth(year, month)) throw new UsageError(`'${text}' is not a date: ${year}-${String(month).padStart(2, '0')} has no day ${day}`);
  if (hour > 23 || minute > 59 || second > 59) throw new UsageError(`'${text}' is not a time of day: use 00:00 to 23:59`);
}
