import { MONTH_NAMES, WEEKDAY_NAMES } from './names';

/**
 * The words cronstrue gives for the crons this tool writes most (one minute,
 * hours listed, days of the month, weekdays or months as one value, a list or a
 * range), written here so that describing them does not load cronstrue, which
 * took over a millisecond of every start that describes a cron. Undefined for
 * any other cron, which cronstrue describes. A property test holds every
 * answer to cronstrue's.
 */
export function describePlainCron(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minuteField, hourField, dayField, monthField, weekdayField] = fields as [string, string, string, string, string];
  const minute = single(minuteField, 0, 59);
  const hours = listOf(hourField, 0, 23);
  if (minute === undefined || hours === undefined) return undefined;
  const days = part(dayField, 1, 31);
  const months = part(monthField, 1, 12);
  const weekdays = part(weekdayField, 0, 6);
  // cronstrue joins a day of the month and a weekday in ways of its own: left to it.
  if (days === undefined || months === undefined || weekdays === undefined || (days !== '*' && weekdays !== '*')) return undefined;
  const words = [`At ${joinLast(hours.map((hour) => clock(hour, minute)))}`];
  if (days !== '*') words.push(days.range ? `between day ${days.range[0]} and ${days.range[1]} of the month` : `on day ${joinAll(days.list.map(String))} of the month`);
  if (weekdays !== '*') words.push(named(weekdays, (day) => WEEKDAY_NAMES[day]!, 'on'));
  if (months !== '*') words.push(named(months, (month) => MONTH_NAMES[month - 1]!, 'in'));
  return words.join(', ');
}

type Part = '*' | { range: [number, number]; list?: undefined } | { list: number[]; range?: undefined };

/** A field as `*`, one range (`1-5`), or values (`1`, `1,15`); undefined for anything else (steps, names, mixed lists). */
function part(field: string, min: number, max: number): Part | undefined {
  if (field === '*') return '*';
  const range = field.split('-');
  if (range.length === 2) {
    const [from, to] = range.map((value) => single(value, min, max));
    return from !== undefined && to !== undefined && from < to ? { range: [from, to] } : undefined;
  }
  const list = listOf(field, min, max);
  return list && { list };
}

/** A list's values in order, as cronstrue says them. */
function listOf(field: string, min: number, max: number): number[] | undefined {
  const values = field.split(',').map((value) => single(value, min, max));
  return values.every((value) => value !== undefined) ? (values as number[]).sort((a, b) => a - b) : undefined;
}

/** One value, written without a leading zero (cronstrue repeats a day of the month as written: "09"). */
function single(field: string, min: number, max: number): number | undefined {
  if (!/^(?:0|[1-9]\d?)$/.test(field)) return undefined;
  const value = Number(field);
  return value >= min && value <= max ? value : undefined;
}

function named(part: Exclude<Part, '*'>, name: (value: number) => string, preposition: 'on' | 'in'): string {
  if (part.range) return `${name(part.range[0])} through ${name(part.range[1])}`;
  return `only ${preposition} ${joinAll(part.list.map(name))}`;
}

/** "09:00 AM", "12:30 PM", "12:07 AM". */
function clock(hour: number, minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(hour % 12 || 12)}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "a", "a and b", "a, b and c": as cronstrue lists times. */
function joinLast(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "a", "a and b", "a, b, and c": as cronstrue lists days and months. */
function joinAll(items: string[]): string {
  return items.length < 3 ? items.join(' and ') : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}
