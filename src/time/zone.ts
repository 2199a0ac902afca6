import { UsageError } from '../errors';

/** A wall-clock reading in some zone. month is 1-12, weekday 0 (Sunday) to 6. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export type LocalDateTime = Omit<WallTime, 'weekday'>;

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's canonical name, or a UsageError for a name Intl does not know. */
export function checkZone(zone: string): string {
  const name = zone.trim();
  if (name === '') throw new UsageError('Empty time zone name', "Use an IANA name such as 'America/New_York' or 'UTC'.");
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(
      `Unknown time zone '${zone}'`,
      "Use an IANA name such as 'America/New_York', 'Europe/London', 'Asia/Kolkata' or 'UTC'.",
    );
  }
}

export function systemZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function wallTime(zone: string, instant: number): WallTime {
  const parts = formatterFor(zone).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/** Minutes to add to UTC to get the zone's wall clock at that instant (New York in winter: -300). */
export function offsetMinutes(zone: string, instant: number): number {
  const w = wallTime(zone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE);
}

/**
 * The instant at which the zone's clock shows `local`. A time skipped by a DST
 * jump moves forward by the jump (02:30 on a spring-forward day is 03:30); a
 * time that occurs twice means the first of the two.
 */
export function instantFromLocal(zone: string, local: LocalDateTime): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const before = offsetMinutes(zone, asUtc - DAY);
  const after = offsetMinutes(zone, asUtc + DAY);
  const candidates = [asUtc - before * MINUTE, asUtc - after * MINUTE].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (asUtc - offsetMinutes(zone, candidate) * MINUTE === candidate) return candidate;
  }
  // In a gap: no instant shows this wall time; use the offset in force before the gap.
  return asUtc - before * MINUTE;
}

/** The calendar date `days` after the given one (pure calendar arithmetic). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The first instant after `from` (within `horizonDays`) at which the zone's UTC
 * offset changes, with the offsets before and after; null if none.
 */
export function nextOffsetChange(zone: string, from: number, horizonDays = 370) {
  const start = offsetMinutes(zone, from);
  const step = 7 * DAY; // offsets never change twice within a week
  let low = from;
  for (let t = from + step; t <= from + horizonDays * DAY + step; t += step) {
    if (offsetMinutes(zone, t) !== start) {
      let high = t;
      while (high - low > MINUTE) {
        const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (offsetMinutes(zone, mid) === start) low = mid;
        else high = mid;
      }
      return { at: high, before: start, after: offsetMinutes(zone, high) };
    }
    low = t;
  }
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-23 09:00 EST": the instant on the zone's clock, with its abbreviation. */
export function formatLocal(zone: string, instant: number): string {
  const w = wallTime(zone, instant);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ${zoneAbbreviation(zone, instant)}`;
}

export function formatDate(date: { year: number; month: number; day: number }): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatClock(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}

const abbreviations = new Map<string, Intl.DateTimeFormat>();

export function zoneAbbreviation(zone: string, instant: number): string {
  let formatter = abbreviations.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    abbreviations.set(zone, formatter);
  }
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  return formatter.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
