import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../helpers/parse-instant';
import { addDays, daysInMonth, wallTime } from '../../src/time/zone';

/*
 * What each family means, checked on the answer's own wall clock for any
 * `now` over three years in zones with odd offsets and daylight saving time
 * in both hemispheres (Lord Howe moves by 30 minutes). Times of day are kept
 * between 10:00 and 20:59, away from the hours clocks change.
 */
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Chatham', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const DAY = 86_400_000;

const zone = fc.constantFrom(...ZONES);
const now = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });
const clock = fc.record({ hour: fc.integer({ min: 10, max: 20 }), minute: fc.integer({ min: 0, max: 59 }) });
const hhmm = ({ hour, minute }: { hour: number; minute: number }) => `${hour}:${String(minute).padStart(2, '0')}`;
const daysBetween = (a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }) =>
  Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY);

function read(input: string, zoneName: string, at: number) {
  const { instant } = parseInstant(input, { now: at, zone: zoneName });
  expect(instant).toBeGreaterThan(at);
  return { instant, wall: wallTime(zoneName, instant), today: wallTime(zoneName, at) };
}

describe('one-time families keep their meaning in every zone', () => {
  it('next <weekday> at <time>: that weekday, 1 to 7 days ahead, at that time', () => {
    fc.assert(
      fc.property(zone, now, fc.integer({ min: 0, max: 6 }), clock, (z, at, weekday, time) => {
        const { wall, today } = read(`next ${WEEKDAYS[weekday]} at ${hhmm(time)}`, z, at);
        expect(wall.weekday).toBe(weekday);
        expect([wall.hour, wall.minute]).toEqual([time.hour, time.minute]);
        expect(daysBetween(today, wall)).toBeGreaterThanOrEqual(1);
        expect(daysBetween(today, wall)).toBeLessThanOrEqual(7);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('<nth> <weekday> of <month>: that weekday, in that week of that month, within a year', () => {
    fc.assert(
      fc.property(zone, now, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 12 }), clock, (z, at, weekday, nth, month, time) => {
        const which = nth === 4 ? 'last' : ORDINALS[nth]!;
        const { instant, wall } = read(`${which} ${WEEKDAYS[weekday]} of ${MONTHS[month - 1]} at ${hhmm(time)}`, z, at);
        expect(wall.weekday).toBe(weekday);
        expect(wall.month).toBe(month);
        if (nth === 4) expect(wall.day).toBeGreaterThan(daysInMonth(wall.year, month) - 7);
        else expect(Math.ceil(wall.day / 7)).toBe(nth + 1);
        expect([wall.hour, wall.minute]).toEqual([time.hour, time.minute]);
        expect(instant - at).toBeLessThan(366 * DAY);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('<month> <ordinal>: that date, the next time it comes', () => {
    fc.assert(
      fc.property(zone, now, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), clock, (z, at, month, day, time) => {
        const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
        const { instant, wall } = read(`${MONTHS[month - 1]} ${day}${suffix} at ${hhmm(time)}`, z, at);
        expect([wall.month, wall.day, wall.hour, wall.minute]).toEqual([month, day, time.hour, time.minute]);
        expect(instant - at).toBeLessThanOrEqual(367 * DAY);
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('the <ordinal>: that day of this month or the next', () => {
    fc.assert(
      fc.property(zone, now, fc.integer({ min: 1, max: 28 }), clock, (z, at, day, time) => {
        const { wall, today } = read(`on the ${day}${day === 1 || day === 21 ? 'st' : day === 2 || day === 22 ? 'nd' : day === 3 || day === 23 ? 'rd' : 'th'} at ${hhmm(time)}`, z, at);
        expect([wall.day, wall.hour, wall.minute]).toEqual([day, time.hour, time.minute]);
        const monthsAhead = (wall.year - today.year) * 12 + wall.month - today.month;
        expect(monthsAhead).toBeGreaterThanOrEqual(0);
        expect(monthsAhead).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it('in <n> days at <time>: n calendar days on, at that time', () => {
    fc.assert(
      fc.property(zone, now, fc.integer({ min: 1, max: 400 }), clock, (z, at, days, time) => {
        const { wall, today } = read(`in ${days} days at ${hhmm(time)}`, z, at);
        const expected = addDays(today, days);
        expect([wall.year, wall.month, wall.day, wall.hour, wall.minute]).toEqual([expected.year, expected.month, expected.day, time.hour, time.minute]);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('<weekday> after next: the weekday one week after the next one', () => {
    fc.assert(
      fc.property(zone, now, fc.integer({ min: 0, max: 6 }), (z, at, weekday) => {
        const next = read(`next ${WEEKDAYS[weekday]}`, z, at).wall;
        const after = read(`${WEEKDAYS[weekday]} after next`, z, at).wall;
        expect(daysBetween(next, after)).toBe(7);
        expect(after.weekday).toBe(weekday);
      }),
      { numRuns: 200, seed: 12 },
    );
  });
});
