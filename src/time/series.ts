/**
 * Rules no set of crons can say exactly ("first monday of the month", "every
 * 3 days"), and the instants they mean. Every instant is computed on the
 * zone's own calendar and clock, so a rule stays at its local time across
 * daylight saving changes.
 */
import type { ClockTime } from './clock';
import type { DayFilter } from './to-utc';
import { LATEST_INSTANT } from './now';
import { addDays, daysInMonth, dstNote, instantFromLocal, wallTime } from './zone';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A day a rule leaves out; one said without its year ("except december 25") is left out every year. */
export interface ExceptDay extends LocalDate {
  every_year?: true;
}

export type SeriesRule =
  /** Every N minutes of elapsed time from `start` (Unix ms): "every 7 minutes", "every 5 hours". */
  | { kind: 'elapsed'; minutes: number; start: number }
  /** Every N calendar days from `anchor`: "every 3 days", "every other day"; with `workdays`, counting Monday to Friday only ("every other weekday"). */
  | { kind: 'days'; every: number; anchor: LocalDate; times: ClockTime[]; workdays?: boolean }
  /**
   * Those weekdays in every Nth week counted from `anchor`'s week: "every other tuesday". Weeks start on Monday, or on
   * `weekStart` (a weekday) for days that run across Monday ("every other saturday through tuesday" starts on Saturday).
   */
  | { kind: 'weeks'; every: number; anchor: LocalDate; weekdays: number[]; times: ClockTime[]; weekStart?: number }
  /** Those days of every Nth month counted from `anchor`'s month: "every 5 months on the 1st". */
  | { kind: 'months'; every: number; anchor: LocalDate; monthDays: number[]; times: ClockTime[] }
  /** Those dates in every Nth year from `anchor`'s year: "every 2 years on march 1st". */
  | { kind: 'years'; every: number; anchor: LocalDate; dates: Array<{ month: number; day: number }>; times: ClockTime[] }
  /** The nth weekday of the month, counted from the end when n < 0 (-1 the last, -2 the second last): "first monday of the month", "2nd last friday". */
  | { kind: 'nth-weekday'; n: number; weekday: number; months: number[] | null; times: ClockTime[] }
  /** The nth weekday (Monday to Friday) of the month, from the end when n < 0: "last weekday of the month", "first business day". */
  | { kind: 'nth-workday'; n: number; months: number[] | null; times: ClockTime[] }
  /** The last day of the month, or with `fromEnd` the nth from the end (2: the second last). */
  | { kind: 'last-day'; months: number[] | null; times: ClockTime[]; fromEnd?: number }
  /** Local times on the days a filter allows (a part of a union that a cron could say alone). */
  | { kind: 'calendar'; days: DayFilter; times: ClockTime[] }
  /** Fires whenever any of its rules does: "every 15th and the last day of the month". */
  | { kind: 'any'; rules: SeriesRule[] }
  /** A rule's instants from `start` (Unix ms) on: "every friday starting december 11". */
  | { kind: 'starting'; start: number; rule: SeriesRule }
  /** A rule's instants but on the local days left out: "daily except tomorrow". */
  | { kind: 'except'; days: ExceptDay[]; rule: SeriesRule };

const MINUTE = 60_000;
/** How far ahead to look for the next instant: a 29 February can be eight years away. */
const SEARCH_DAYS = 366 * 8 + 2;

/**
 * The next `count` instants of `rule` after `fromMs` (and not after `untilMs`),
 * on `zone`'s clock. A time a DST jump skips moves forward by the jump; a time
 * that occurs twice means the first. Pure: the same arguments give the same answer.
 */
export function nextInstants(rule: SeriesRule, zone: string, fromMs: number, count: number, untilMs = Infinity, moved?: Map<number, string>): number[] {
  const instants: number[] = [];
  if (count <= 0) return instants;
  if (rule.kind === 'starting') return nextInstants(rule.rule, zone, Math.max(fromMs, rule.start - 1), count, untilMs, moved);
  if (rule.kind === 'except') {
    const left = (ms: number) => {
      const wall = wallTime(zone, ms);
      return rule.days.some((d) => (d.every_year === true || d.year === wall.year) && d.month === wall.month && d.day === wall.day);
    };
    return nextInstants(rule.rule, zone, fromMs, count + rule.days.length * 1440, untilMs, moved)
      .filter((ms) => !left(ms))
      .slice(0, count);
  }
  if (rule.kind === 'any') {
    const all = rule.rules.flatMap((part) => nextInstants(part, zone, fromMs, count, untilMs, moved));
    return [...new Set(all)].sort((a, b) => a - b).slice(0, count);
  }
  if (rule.kind === 'elapsed') {
    const step = rule.minutes * MINUTE;
    let k = fromMs < rule.start ? 0 : Math.floor((fromMs - rule.start) / step) + 1;
    for (; instants.length < count; k++) {
      const at = rule.start + k * step;
      if (at > untilMs || at > LATEST_INSTANT) break;
      instants.push(at);
    }
    return instants;
  }
  const start = wallTime(zone, fromMs);
  for (const date of rule.kind === 'months' || rule.kind === 'years' ? stepDates(rule, start) : searchDays(start)) {
    if (instants.length >= count) break;
    if (!matches(rule, date)) continue;
    const times = [...rule.times].sort((a, b) => a.hour * 60 + a.minute - (b.hour * 60 + b.minute));
    for (const time of times) {
      const at = instantFromLocal(zone, { ...date, hour: time.hour, minute: time.minute, second: 0 });
      if (at <= fromMs) continue;
      if (at > untilMs) return instants;
      const note = moved && dstNote((ms) => wallTime(zone, ms), at, time);
      if (note) moved!.set(at, note);
      if (instants.at(-1) !== at) instants.push(at);
      if (instants.length >= count) break;
    }
  }
  return instants;
}

/**
 * `nextInstants` with the notes the spec asks for on a DST day: a time the clocks skip (moved forward)
 * or repeat (the first), for the runs returned.
 */
export function instantsWithNotes(rule: SeriesRule, zone: string, fromMs: number, count: number, untilMs = Infinity): { instants: number[]; notes: string[] } {
  const moved = new Map<number, string>();
  const instants = nextInstants(rule, zone, fromMs, count, untilMs, moved);
  return { instants, notes: [...new Set(instants.flatMap((at) => moved.get(at) ?? []))] };
}

type Day = LocalDate & { weekday: number };

function* searchDays(start: LocalDate): Generator<Day> {
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) yield addDays(start, offset);
}

/** The days of a rule that steps by months or years, from `start`'s month on: its runs may be decades apart, past any search of days. */
function* stepDates(rule: Extract<SeriesRule, { kind: 'months' | 'years' }>, start: LocalDate): Generator<Day> {
  const stepMonths = rule.kind === 'months' ? rule.every : 12 * rule.every;
  const from = start.year * 12 + start.month - 1;
  const anchor = rule.anchor.year * 12 + rule.anchor.month - 1;
  // The first stepped month at or after `start`'s month (a years rule steps from its anchor's January).
  const base = rule.kind === 'months' ? anchor : anchor - (rule.anchor.month - 1);
  const first = base + Math.max(0, Math.ceil((from - base - (rule.kind === 'years' ? 11 : 0)) / stepMonths)) * stepMonths;
  for (let index = first; index < 10_000 * 12; index += stepMonths) {
    const months = rule.kind === 'months' ? [index] : [...new Set(rule.dates.map((d) => index + d.month - 1))].sort((a, b) => a - b);
    for (const month of months) {
      const [year, m] = [Math.floor(month / 12), (month % 12) + 1];
      const days = rule.kind === 'months' ? rule.monthDays : rule.dates.filter((d) => d.month === m).map((d) => d.day);
      for (const day of [...days].sort((a, b) => a - b)) if (day <= daysInMonth(year, m)) yield addDays({ year, month: m, day }, 0);
    }
  }
}

function matches(rule: Exclude<SeriesRule, { kind: 'elapsed' } | { kind: 'any' } | { kind: 'starting' } | { kind: 'except' }>, date: Day): boolean {
  switch (rule.kind) {
    case 'days': {
      const days = daysBetween(rule.anchor, date);
      if (!rule.workdays) return days >= 0 && days % rule.every === 0;
      return days >= 0 && date.weekday !== 0 && date.weekday !== 6 && workdaysBetween(rule.anchor, days) % rule.every === 0;
    }
    case 'weeks': {
      if (!rule.weekdays.includes(date.weekday)) return false;
      const weeks = Math.floor((daysBetween(rule.anchor, date) + daysIntoWeek(rule.anchor, rule.weekStart ?? 1)) / 7);
      return daysBetween(rule.anchor, date) >= 0 && weeks % rule.every === 0;
    }
    case 'months': {
      const months = (date.year - rule.anchor.year) * 12 + date.month - rule.anchor.month;
      return months >= 0 && months % rule.every === 0 && rule.monthDays.includes(date.day) && daysBetween(rule.anchor, date) >= 0;
    }
    case 'years': {
      const years = date.year - rule.anchor.year;
      return years >= 0 && years % rule.every === 0 && rule.dates.some((d) => d.month === date.month && d.day === date.day) && daysBetween(rule.anchor, date) >= 0;
    }
    case 'nth-weekday': {
      if (rule.months && !rule.months.includes(date.month)) return false;
      if (date.weekday !== rule.weekday) return false;
      return rule.n < 0 ? Math.ceil((daysInMonth(date.year, date.month) - date.day + 1) / 7) === -rule.n : Math.ceil(date.day / 7) === rule.n;
    }
    case 'calendar': {
      const { weekdays, monthDays, months } = rule.days;
      return (!weekdays || weekdays.includes(date.weekday)) && (!monthDays || monthDays.includes(date.day)) && (!months || months.includes(date.month));
    }
    case 'nth-workday': {
      if ((rule.months && !rule.months.includes(date.month)) || date.weekday === 0 || date.weekday === 6) return false;
      const last = daysInMonth(date.year, date.month);
      let index = 0;
      const [from, to] = rule.n > 0 ? [1, date.day] : [date.day, last];
      for (let day = from; day <= to; day++) {
        const weekday = (date.weekday + day - date.day + 35) % 7;
        if (weekday !== 0 && weekday !== 6) index++;
      }
      return index === Math.abs(rule.n);
    }
    case 'last-day':
      return (!rule.months || rule.months.includes(date.month)) && date.day === daysInMonth(date.year, date.month) + 1 - (rule.fromEnd ?? 1);
  }
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** Days Monday to Friday from `from` (counted) to `days` days later (not counted). */
function workdaysBetween(from: LocalDate, days: number): number {
  const start = daysIntoWeek(from, 1);
  let count = Math.floor(days / 7) * 5;
  for (let k = 0; k < days % 7; k++) if ((start + k) % 7 < 5) count++;
  return count;
}

/** Days since the `weekStart` weekday (1: Monday) that starts `date`'s week. */
function daysIntoWeek(date: LocalDate, weekStart: number): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() - weekStart + 7) % 7;
}
