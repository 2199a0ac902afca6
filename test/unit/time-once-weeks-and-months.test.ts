import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { meaningOfOnce } from '../../src/time/index';

/*
 * Days counted in weeks from a weekday ("4 mondays from now", "a week on
 * monday", "friday week", "monday next"), a month alone ("next march", "in
 * june") and "after 5 days" (= in 5 days). Expected days are worked out here
 * from the calendar, for every weekday the phrase can be said on.
 */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata'];
// Noon UTC on 6..12 December 2026: one "now" on each weekday (Sunday first).
const NOWS = [6, 7, 8, 9, 10, 11, 12].map((day) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T12:00:00Z`));

/** Whole local days from `now`'s local date to the instant's local date. */
function daysAhead(local: string, now: number, zone: string): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return Math.round((Date.parse(local.slice(0, 10)) - Date.parse(today)) / 86_400_000);
}

function weekdayOfToday(now: number, zone: string): number {
  return WEEKDAYS.indexOf(new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long' }).format(now).toLowerCase());
}

const cases = NOWS.flatMap((now) => ZONES.flatMap((zone) => WEEKDAYS.map((name, weekday) => ({ now, zone, name, weekday }))));

describe('weeks counted from a weekday', () => {
  it.each(cases)('N <weekday>s from now is the Nth such day after today ($zone, $name)', async ({ now, zone, name, weekday }) => {
    const first = (weekday - weekdayOfToday(now, zone) + 7) % 7 || 7;
    for (const n of [1, 2, 4]) {
      const phrase = `${n} ${name}s from now`;
      const meaning = await meaningOfOnce(phrase, { now, zone });
      expect(daysAhead(meaning.local, now, zone), phrase).toBe(first + 7 * (n - 1));
      expect(meaning.local.slice(11, 16), phrase).toBe('09:00');
    }
  });

  it.each(cases)('"a week on <weekday>", "<weekday> week" and "2 weeks on <weekday> at 3pm" count from this one ($zone, $name)', async ({ now, zone, name, weekday }) => {
    const thisOne = (weekday - weekdayOfToday(now, zone) + 7) % 7;
    const at = async (phrase: string, clock: string) => {
      const meaning = await meaningOfOnce(phrase, { now, zone });
      expect(meaning.local.slice(11, 16), phrase).toBe(clock);
      return daysAhead(meaning.local, now, zone);
    };
    // This weekday is today only while its time is still ahead.
    const base9 = await meaningOfOnce(`${name} at 9am`, { now, zone }).then((m) => daysAhead(m.local, now, zone));
    expect([thisOne, thisOne + 7]).toContain(base9);
    expect(await at(`a week on ${name}`, '09:00')).toBe(base9 + 7);
    expect(await at(`${name} week`, '09:00')).toBe(base9 + 7);
    const base3 = await meaningOfOnce(`${name} at 3pm`, { now, zone }).then((m) => daysAhead(m.local, now, zone));
    expect(await at(`2 weeks on ${name} at 3pm`, '15:00')).toBe(base3 + 14);
    expect(await at(`a fortnight on ${name} at 3pm`, '15:00')).toBe(base3 + 14);
  });

  it.each(cases)('"<weekday> next" is "next <weekday>" ($zone, $name)', async ({ now, zone, name }) => {
    const british = await meaningOfOnce(`${name} next at 10am`, { now, zone });
    const usual = await meaningOfOnce(`next ${name} at 10am`, { now, zone });
    expect(british.scheduled_at).toBe(usual.scheduled_at);
  });
});

describe('an offset of weeks or months with a day within it', () => {
  it.each(cases)('"in N weeks on <weekday>" is that weekday in the week N weeks from today falls in ($zone, $name)', async ({ now, zone, name, weekday }) => {
    const today = weekdayOfToday(now, zone);
    // Weeks run Monday to Sunday: the weekday's place in the week minus today's.
    const shift = ((weekday + 6) % 7) - ((today + 6) % 7);
    for (const [phrase, weeks] of [
      [`in 2 weeks on ${name}`, 2],
      [`in three weeks on ${name} at 4pm`, 3],
      [`a week from now on ${name}`, 1],
      [`in two weeks on the ${name}`, 2],
      [`${name} in 2 weeks`, 2],
      [`in a fortnight on ${name}`, 2],
    ] as const) {
      const meaning = await meaningOfOnce(phrase, { now, zone });
      expect(daysAhead(meaning.local, now, zone), phrase).toBe(7 * weeks + shift);
      expect(meaning.local.slice(11, 16), phrase).toBe(phrase.includes('4pm') ? '16:00' : '09:00');
      // Before the day the offset reaches, the first such weekday after it is the other reading: a note names it.
      expect(meaning.notes.join(' '), phrase).toMatch(shift < 0 ? new RegExp(`^read '${phrase}' as .*, in the week of .*; write '[a-z]{3} \\d+' for`) : /^$/);
    }
  });

  it('"in N months on the Nth" is that day of the month N months from today falls in, and refused where it has none', async () => {
    const now = Date.parse('2026-12-03T15:00:00Z');
    const zone = 'America/New_York';
    const late = await meaningOfOnce('in 2 months on the 15th', { now, zone });
    expect([late.local.slice(0, 16), late.notes]).toEqual(['2027-02-15 09:00', []]);
    const early = await meaningOfOnce('in 2 months on the 1st at noon', { now, zone });
    expect(early.local.slice(0, 16)).toBe('2027-02-01 12:00');
    expect(early.notes).toEqual(["read 'in 2 months on the 1st at noon' as Mon 1 Feb, in the month of Wed 3 Feb (2 months from now); write 'mar 1' for Mon 1 Mar"]);
    await expect(meaningOfOnce('in 2 months on the 31st', { now, zone })).rejects.toThrow(/February 2027 has no day 31/);
    // The note's other day is in the next month that has it (February has no 29th in 2027).
    const yearEnd = await meaningOfOnce('in 1 month on the 29th', { now: Date.parse('2026-12-31T15:00:00Z'), zone });
    expect([yearEnd.local.slice(0, 16), yearEnd.notes]).toEqual([
      '2027-01-29 09:00',
      ["read 'in 1 month on the 29th' as Fri 29 Jan, in the month of Sun 31 Jan (1 month from now); write 'mar 29' for Mon 29 Mar"],
    ]);
  });

  it('"next week", "next month" and "next year" alone are a week, month or year from today, said in a note; with a day, that day of the span', async () => {
    const now = Date.parse('2026-12-03T15:00:00Z'); // Thursday 10:00 in New York
    const zone = 'America/New_York';
    for (const [phrase, local, notes] of [
      ['next week', '2026-12-10 09:00', ["read 'next week' as Thu 10 Dec, a week from today; give the day for another, such as 'monday next week'"]],
      ['next week at 3pm', '2026-12-10 15:00', ["read 'next week' as Thu 10 Dec, a week from today; give the day for another, such as 'monday next week'"]],
      ['next month', '2027-01-03 09:00', ["read 'next month' as Sun 3 Jan, a month from today; give the day for another, such as 'the 1st of next month'"]],
      ['next year', '2027-12-03 09:00', ["read 'next year' as Fri 3 Dec 2027, a year from today; give the day for another, such as 'january 1st 2027'"]],
      ['next week on monday at 9am', '2026-12-07 09:00', []],
      ['next week on friday', '2026-12-11 09:00', []],
      ['next month on the 1st', '2027-01-01 09:00', []],
    ] as const) {
      const meaning = await meaningOfOnce(phrase, { now, zone });
      expect([meaning.local.slice(0, 16), meaning.notes], phrase).toEqual([local, notes]);
    }
  });

  it('an offset of days with a weekday still names two days', async () => {
    await expect(meaningOfOnce('in 3 days on monday', { now: NOWS[0]!, zone: 'UTC' })).rejects.toThrow(/names two days/);
  });
});

describe('business days', () => {
  it.each(NOWS.flatMap((now) => ZONES.map((zone) => ({ now, zone }))))('count Monday to Friday after today ($zone, $now)', async ({ now, zone }) => {
    const today = weekdayOfToday(now, zone);
    // Days until the nth day Monday to Friday after today, worked out by walking the week.
    const ahead = (n: number) => {
      let days = 0;
      for (let seen = 0; seen < n;) if (![0, 6].includes((today + ++days) % 7)) seen++;
      return days;
    };
    const clockNow = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
    for (const [phrase, n, clock] of [
      ['next business day', 1, '09:00'],
      ['the next working day at 4pm', 1, '16:00'],
      ['in 2 business days', 2, clockNow],
      ['3 working days from now', 3, clockNow],
      ['in 6 business days', 6, clockNow],
      ['in 12 business days', 12, clockNow],
    ] as const) {
      const meaning = await meaningOfOnce(phrase, { now, zone });
      expect(daysAhead(meaning.local, now, zone), phrase).toBe(ahead(n));
      expect(meaning.local.slice(11, 16), phrase).toBe(clock);
    }
  });

  it('a count past the dates there are is refused at once (it counted day by day, for ever)', async () => {
    await expect(meaningOfOnce('in 99999999999 working days', { now: NOWS[0]!, zone: 'UTC' })).rejects.toThrow('outside the dates this tool can use');
  });
});

describe('a month alone', () => {
  const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const now = Date.parse('2026-12-02T16:00:00Z');

  it.each(MONTHS.slice(0, 11))('next/this/in %s is the 1st of the coming one at 09:00, with a note', async (month) => {
    for (const lead of ['next', 'this', 'in']) {
      const meaning = await meaningOfOnce(`${lead} ${month}`, { now, zone: 'America/New_York' });
      expect(meaning.local.slice(0, 16)).toBe(`2027-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-01 09:00`);
      expect(meaning.notes.join(' ')).toMatch(/the first of the month/);
    }
  });

  it('in the month itself, "next" is a year away and "this"/"in" are refused', async () => {
    expect((await meaningOfOnce('next december at noon', { now, zone: 'UTC' })).local).toMatch(/^2027-12-01 12:00/);
    for (const phrase of ['this december', 'in december']) {
      await expect(meaningOfOnce(phrase, { now, zone: 'UTC' })).rejects.toThrow(/is this month; give the day/);
    }
  });

  it('"the 5th in march" is that date', async () => {
    expect((await meaningOfOnce('the 5th in march', { now, zone: 'UTC' })).local).toMatch(/^2027-03-05 09:00/);
  });

  it('"in march 2027" is the first of that month', async () => {
    expect((await meaningOfOnce('in march 2027', { now, zone: 'UTC' })).local).toMatch(/^2027-03-01 09:00/);
  });
});

describe('"after" a duration', () => {
  const now = Date.parse('2026-12-02T16:00:00Z');
  it.each([
    ['after 5 days', 'in 5 days'],
    ['after 2 hours', 'in 2 hours'],
    ['after an hour and a half', 'in an hour and a half'],
    ['after 3 weeks at 9am', 'in 3 weeks at 9am'],
  ])('%s is %s', async (after, inPhrase) => {
    const [a, b] = await Promise.all([meaningOfOnce(after, { now, zone: 'Europe/London' }), meaningOfOnce(inPhrase, { now, zone: 'Europe/London' })]);
    expect(a.scheduled_at).toBe(b.scheduled_at);
  });

  it('"after" a day alone is not a time', async () => {
    await expect(meaningOfOnce('after friday', { now, zone: 'UTC' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('parts of an hour, and clocks in words', () => {
  const now = Date.parse('2026-12-02T16:00:00Z');
  it.each([
    ['in a quarter of an hour', 15],
    ['in three-quarters of an hour', 45],
    ['in three quarters of an hour', 45],
    ['in 1/2 hour', 30],
    ['in 3/4 hour', 45],
    ['in 2 more minutes', 2],
  ])('%s is now plus %i minutes', async (phrase, minutes) => {
    expect((await meaningOfOnce(phrase, { now, zone: 'UTC' })).scheduled_at).toBe(now + minutes * 60_000);
  });

  it.each([
    ['ten-thirty', '2026-12-03 10:30'],
    ['at ten-thirty tomorrow', '2026-12-03 10:30'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, { now, zone: 'America/New_York' })).local.slice(0, 16)).toBe(local);
  });
});

describe('dates in digits', () => {
  const now = Date.parse('2026-11-18T16:00:00Z');
  it.each([
    ['4/25 at 16h00', '2027-04-25 16:00', false],
    ['12/25/2026 at 6pm', '2026-12-25 18:00', false],
    ['25/12 at 9am', '2026-12-25 09:00', false],
    ['1/13', '2027-01-13 09:00', false],
    ['4/5', '2027-04-05 09:00', true],
  ])('%s', async (phrase, local, noted) => {
    const meaning = await meaningOfOnce(phrase, { now, zone: 'America/New_York' });
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes.some((note) => /month first/.test(note))).toBe(noted);
  });

  it('a number that fits neither order is refused', async () => {
    await expect(meaningOfOnce('13/13', { now, zone: 'UTC' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('on a Sunday, which week is this or next depends on where weeks start: the other day is named', () => {
  // Sunday 22 Nov 2026, 10:00 in New York.
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['friday next week', '2026-11-27', "read 'friday next week' as Fri 27 Nov, in the week from tomorrow (Monday); write 'dec 4' for Fri 4 Dec, in the week from next Sunday"],
    [
      'wednesday of next week at 2pm',
      '2026-11-25',
      "read 'wednesday of next week at 2pm' as Wed 25 Nov, in the week from tomorrow (Monday); write 'dec 2' for Wed 2 Dec, in the week from next Sunday",
    ],
    ['next week on friday', '2026-11-27', "read 'next week on friday' as Fri 27 Nov, in the week from tomorrow (Monday); write 'dec 4' for Fri 4 Dec, in the week from next Sunday"],
    ['friday, next week', '2026-11-27', "read 'friday, next week' as Fri 27 Nov, in the week from tomorrow (Monday); write 'dec 4' for Fri 4 Dec, in the week from next Sunday"],
    ['next friday', '2026-11-27', "read 'next friday' as Fri 27 Nov, the first Friday after today; write 'dec 4' for Fri 4 Dec"],
    ['friday this week', '2026-11-27', "read 'friday this week' as Fri 27 Nov, in the week from today; in the week that began on Monday, Friday has passed"],
  ])('%s', async (phrase, day, note) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 10)).toBe(day);
    expect(meaning.notes).toEqual([note]);
  });

  it('a Sunday next week is the same either way, and needs no note', async () => {
    const meaning = await meaningOfOnce('sunday next week', sunday);
    expect(meaning.local.slice(0, 10)).toBe('2026-11-29');
    expect(meaning.notes).toEqual([]);
  });
});

describe("a day said for today whose morning's time has passed", () => {
  // Sunday 22 Nov 2026, 10:00 in New York.
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['today at 6', '2026-11-22 18:00', "read '6' as 18:00, as 06:00 today has passed; write 'tomorrow at 6' for 06:00 tomorrow"],
    ['today at 8:30', '2026-11-22 20:30', "read '8:30' as 20:30, as 08:30 today has passed; write 'tomorrow at 8:30' for 08:30 tomorrow"],
    ['sunday', '2026-11-29 09:00', "read 'sunday' as Sun 29 Nov, a week from today: today's has passed"],
    ['this sunday at 9am', '2026-11-29 09:00', "read 'this sunday at 9am' as Sun 29 Nov, a week from today: today's has passed"],
  ])('%s', async (phrase, local, note) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes).toEqual([note]);
  });

  it('with am said, or once the evening has passed too, it is in the past', async () => {
    await expect(meaningOfOnce('today at 9am', sunday)).rejects.toThrow(/is in the past/);
    await expect(meaningOfOnce('today at 6', { ...sunday, now: Date.parse('2026-11-22T23:30:00Z') })).rejects.toThrow(/is in the past/);
  });
});

describe('the end of a month or year', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it('is its last day at the day’s time, and says how to give another', async () => {
    const meaning = await meaningOfOnce('end of the month', sunday);
    expect(meaning.local.slice(0, 16)).toBe('2026-11-30 09:00');
    expect(meaning.notes).toEqual(["read 'end of the month' as its last day at 09:00; give the time for another, such as 'end of the month at 5pm'"]);
    expect((await meaningOfOnce('end of the year at 5pm', sunday)).notes).toEqual([]);
  });
});

describe('a day counted from today', () => {
  it('takes the time the phrase gives, and says nothing of today’s', async () => {
    const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
    const meaning = await meaningOfOnce('a week from today at 9', sunday);
    expect(meaning.local.slice(0, 16)).toBe('2026-11-29 09:00');
    expect(meaning.notes).toEqual(["read '9' as 09:00; write '9 pm' or 21:00 for the evening"]);
  });
});

describe('the weekend said on a weekend day', () => {
  const ny = (iso: string) => ({ now: Date.parse(iso), zone: 'America/New_York' });
  const sundayMorning = ny('2026-11-22T13:00:00Z'); // Sun 08:00
  const sundayLater = ny('2026-11-22T15:00:00Z'); // Sun 10:00
  const saturdayLater = ny('2026-11-28T20:00:00Z'); // Sat 15:00

  it('what is left of it is its Sunday, said', async () => {
    for (const [phrase, now, local] of [
      ['this weekend', sundayMorning, '2026-11-22 09:00'],
      ['this weekend', saturdayLater, '2026-11-29 09:00'],
      ['this weekend at 8pm', sundayLater, '2026-11-22 20:00'],
    ] as const) {
      const meaning = await meaningOfOnce(phrase, now);
      expect(meaning.local.slice(0, 16), phrase).toBe(local);
      expect(meaning.notes[0]).toMatch(/the day of it still ahead; write 'next weekend' for/);
    }
  });

  it('gone by: "the weekend" is the next one, said; "this weekend" is past, with the words for the next', async () => {
    for (const phrase of ['the weekend', 'weekend', 'on the weekend']) {
      const meaning = await meaningOfOnce(phrase, sundayLater);
      expect(meaning.local.slice(0, 16)).toBe('2026-11-28 09:00');
      expect(meaning.notes).toEqual([`read '${phrase}' as the next weekend, Sat 28 Nov: this one has gone by`]);
    }
    // The weekend is not over: its time on its last day is, as the error says.
    await expect(meaningOfOnce('this weekend', sundayLater)).rejects.toThrow("'this weekend' is in the past: its time on Sun 22 Nov, the last day of this weekend, has gone by");
  });

  it('"this coming weekend" is the next Saturday', async () => {
    expect((await meaningOfOnce('this coming weekend', sundayLater)).local.slice(0, 16)).toBe('2026-11-28 09:00');
    expect((await meaningOfOnce('this coming weekend', saturdayLater)).local.slice(0, 16)).toBe('2026-12-05 09:00');
  });
});
