import { MONTH_NAMES, WEEKDAY_NAMES } from './names';
import { resolveZone } from './zone-names';

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

/*
 * Zone arithmetic runs on Date's local-time methods with process.env.TZ set
 * to the zone, not on Intl.DateTimeFormat: the first DateTimeFormat in a
 * process costs ~15 ms of ICU set-up, as much as the rest of `parse`. Both
 * read the same ICU time zone data, so the answers are the same.
 */
function inZone(zone: string): void {
  if (process.env.TZ !== zone) process.env.TZ = zone;
}

/**
 * The zone's name in the database's spelling, from any name people type
 * (IANA names in any case, EST, CET, London); a UsageError otherwise. Every
 * zone the user gives (--tz, TZ, the config file) comes through here.
 */
export function checkZone(zone: string): string {
  return resolveZone(zone);
}

export function wallTime(zone: string, instant: number): WallTime {
  inZone(zone);
  const d = new Date(instant);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
    weekday: d.getDay(),
  };
}

/** Minutes to add to UTC to get the zone's wall clock at that instant (New York in winter: -300). */
export function offsetMinutes(zone: string, instant: number): number {
  inZone(zone);
  return -new Date(instant).getTimezoneOffset() || 0; // never -0
}

/**
 * The instant at which the zone's clock shows `local`. A time skipped by a DST
 * jump moves forward by the jump (02:30 on a spring-forward day is 03:30); a
 * time that occurs twice means the first of the two.
 */
export function instantFromLocal(zone: string, local: LocalDateTime): number {
  const asUtc = utcMillis(local.year, local.month, local.day, local.hour, local.minute, local.second);
  const before = offsetMinutes(zone, asUtc - DAY);
  const after = offsetMinutes(zone, asUtc + DAY);
  const candidates = [asUtc - before * MINUTE, asUtc - after * MINUTE].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (asUtc - offsetMinutes(zone, candidate) * MINUTE === candidate) return candidate;
  }
  // In a gap: no instant shows this wall time; use the offset in force before the gap.
  return asUtc - before * MINUTE;
}

/** The Gregorian calendar repeats every 400 years, which are exactly this long. */
const FOUR_CENTURIES = 146_097 * DAY;

/** Date.UTC with `month` 1-12, and years 0-99 read as written (Date.UTC makes them 1900-1999). */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100 || year < 0) return Date.UTC(year, month - 1, day, hour, minute, second);
  return Date.UTC(year + 400, month - 1, day, hour, minute, second) - FOUR_CENTURIES;
}

/** The calendar date `days` after the given one (pure calendar arithmetic). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(utcMillis(date.year, date.month, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** Whether day `a` comes before day `b` on the calendar. */
export function isDayBefore(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): boolean {
  return a.year !== b.year ? a.year < b.year : a.month !== b.month ? a.month < b.month : a.day < b.day;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMillis(year, month + 1, 0)).getUTCDate();
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
      // The search kept `from`'s seconds; offsets change on the minute, the one that ends (low, high].
      const at = Math.floor(high / MINUTE) * MINUTE;
      return { at, before: start, after: offsetMinutes(zone, at) };
    }
    low = t;
  }
  return null;
}

/** Whether an offset change is daylight saving time: the zone's offset goes back to what it was within a year. A zone that moves for good (Asia/Almaty in March 2024) does not. */
export function isSeasonalChange(zone: string, change: { at: number; before: number }): boolean {
  return nextOffsetChange(zone, change.at, 366)?.after === change.before;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-23 09:00 EST": the instant on the zone's clock, with its abbreviation; with `seconds`, an instant off its
 * minute shows them ("2026-11-23 14:02:30 EST"), as a one-time reading keeps them.
 */
export function formatLocal(zone: string, instant: number, seconds = false): string {
  const w = wallTime(zone, instant);
  const shownSeconds = seconds && w.second !== 0 ? `:${pad(w.second)}` : '';
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}${shownSeconds} ${zoneAbbreviation(zone, instant)}`;
}

export function formatDate(date: { year: number; month: number; day: number }): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatClock(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}

/** How far clocks go back, in the zones of the time-zone database. */
const CLOCK_SHIFTS = [30 * MINUTE, 60 * MINUTE, 120 * MINUTE];

/**
 * The note for a clock time `clock` that the day of `instant` skips or repeats on the
 * clock `wall` (a DST change: moved forward, or read as the first), as the spec asks that
 * both be said; undefined on any other day.
 */
export function dstNote(wall: (instant: number) => WallTime, instant: number, clock: { hour: number; minute: number }): string | undefined {
  const shown = formatClock(clock.hour, clock.minute);
  const at = wall(instant);
  if (at.hour !== clock.hour || at.minute !== clock.minute) return `${shown} does not exist on ${formatDate(at)}, when the clocks go forward; read as ${formatClock(at.hour, at.minute)}`;
  // The clock comes round again one shift later: an hour in most zones, 30 minutes on Lord Howe, two in Antarctica/Troll.
  const twice = CLOCK_SHIFTS.some((shift) => {
    const later = wall(instant + shift);
    return later.hour === at.hour && later.minute === at.minute && later.day === at.day;
  });
  if (twice) return `${shown} occurs twice on ${formatDate(at)}, when the clocks go back; read as the first`;
  const second = CLOCK_SHIFTS.some((shift) => {
    const earlier = wall(instant - shift);
    return earlier.hour === at.hour && earlier.minute === at.minute && earlier.day === at.day;
  });
  return second ? `${shown} occurs twice on ${formatDate(at)}, when the clocks go back; read as the second, as the first has passed` : undefined;
}

/**
 * A wall time's first occurrence that has passed on the day the clocks go back, while its second is still ahead
 * ("at 1:30am" said at 01:15, after the clocks went back from 02:00): the second. Else undefined.
 */
export function secondOccurrence(wall: (instant: number) => WallTime, first: number, now: number): number | undefined {
  const at = wall(first);
  for (const shift of CLOCK_SHIFTS) {
    const later = wall(first + shift);
    if (later.hour === at.hour && later.minute === at.minute && later.day === at.day && first + shift > now) return first + shift;
  }
  return undefined;
}

/**
 * The abbreviations people know, by the zone's long name (as Date gives it).
 * Zones without a well-known one show their offset ("GMT+8"); an abbreviation
 * that means two zones (IST is India, Ireland and Israel) is used for one only.
 */
const ABBREVIATIONS: Record<string, string> = {
  'Eastern Standard Time': 'EST',
  'Eastern Daylight Time': 'EDT',
  'Central Standard Time': 'CST',
  'Central Daylight Time': 'CDT',
  'Mountain Standard Time': 'MST',
  'Mountain Daylight Time': 'MDT',
  'Pacific Standard Time': 'PST',
  'Pacific Daylight Time': 'PDT',
  'Alaska Standard Time': 'AKST',
  'Alaska Daylight Time': 'AKDT',
  'Hawaii-Aleutian Standard Time': 'HST',
  'Hawaii-Aleutian Daylight Time': 'HDT',
  'Greenwich Mean Time': 'GMT',
  'British Summer Time': 'BST',
  'Western European Standard Time': 'WET',
  'Western European Summer Time': 'WEST',
  'Central European Standard Time': 'CET',
  'Central European Summer Time': 'CEST',
  'Eastern European Standard Time': 'EET',
  'Eastern European Summer Time': 'EEST',
  'India Standard Time': 'IST',
  'Japan Standard Time': 'JST',
  'Korean Standard Time': 'KST',
  'Australian Eastern Standard Time': 'AEST',
  'Australian Eastern Daylight Time': 'AEDT',
  'Australian Central Standard Time': 'ACST',
  'Australian Central Daylight Time': 'ACDT',
  'Australian Western Standard Time': 'AWST',
  'New Zealand Standard Time': 'NZST',
  'New Zealand Daylight Time': 'NZDT',
};

/** "EST", "PDT", "UTC", "GMT", "GMT+9", "GMT+5:30": the zone at that instant, in Intl's en-US short style. */
export function zoneAbbreviation(zone: string, instant: number): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  inZone(zone);
  const date = new Date(instant);
  const longName = /\(([^)]+)\)$/.exec(date.toString())?.[1] ?? '';
  if (ABBREVIATIONS[longName]) return ABBREVIATIONS[longName];
  const offset = -date.getTimezoneOffset();
  if (offset === 0) return 'GMT';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `GMT${offset < 0 ? '-' : '+'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** Whether the zone's clock changes during the year of `at` (summer and winter offsets differ). */
export function changesClocks(zone: string, at: number): boolean {
  const year = wallTime(zone, at).year;
  return offsetMinutes(zone, utcMillis(year, 1, 1, 0, 0, 0)) !== offsetMinutes(zone, utcMillis(year, 7, 1, 0, 0, 0));
}

/** "Fri 4 Dec", for notes. */
export function dayLabel(date: { year: number; month: number; day: number }): string {
  return `${WEEKDAY_NAMES[addDays(date, 0).weekday]!.slice(0, 3)} ${date.day} ${MONTH_NAMES[date.month - 1]!.slice(0, 3)}`;
}
