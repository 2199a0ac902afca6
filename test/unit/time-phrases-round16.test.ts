import { describe, expect, it } from 'vitest';
import { onceReading as once, onceRefusal as refusal } from '../helpers/phrase-readings';

/*
 * Phrases from other projects' suites (Ruby's Chronic, Datejs, chrono-english) that were refused though clear, or
 * refused with a message that misleads. Monday 2026-12-07, 10:00 in New York.
 */

describe("a month name, day and year joined by hyphens ('jul-8-27') is that date, not a range of days", () => {
  it.each([
    ['jul-8-27', '2027-07-08 09:00'],
    ['jul-08-27 at 5pm', '2027-07-08 17:00'],
    ['dec-25-27', '2027-12-25 09:00'],
    ['jul-8-2027', '2027-07-08 09:00'],
    ['jul-8', '2027-07-08 09:00'],
    ['mar-3-28 9am', '2028-03-03 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('a range written with spaces is still a range', async () => {
    expect(await refusal('jul 8-27')).toContain('is a range of days');
  });

  it('a past year so written is the past, said so', async () => {
    expect(await refusal('jul-8-04')).toContain("'jul-8-04' is in the past: it means 2004-07-08");
  });
});

describe("a year and a month in digits, any separator and one or two digits ('2027/6', '6-2027'), is that month's first day, as '2027-06' is", () => {
  it.each([
    ['2027/6', '2027-06-01 09:00'],
    ['2027/06', '2027-06-01 09:00'],
    ['2027-6', '2027-06-01 09:00'],
    ['6-2027', '2027-06-01 09:00'],
    ['11-2027', '2027-11-01 09:00'],
    ['2028/11 at 5pm', '2028-11-01 17:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain('the first of the month');
  });

  it('a past month so written is the past, said so', async () => {
    expect(await refusal('2008/1')).toContain("'2008/1' is in the past: it means 2008-01-01");
    expect(await refusal('1-2008')).toContain("'1-2008' is in the past");
  });

  it('a full date is still a date', async () => {
    expect((await once('2027-6-5')).at).toBe('2027-06-05 09:00');
    expect((await once('2027/6/5')).at).toBe('2027-06-05 09:00');
  });
});

describe("'prev' is 'previous', so the past is named as the past", () => {
  it.each(['prev monday', 'prev month', 'prev dec', 'prev year'])('%s', async (phrase) => {
    expect(await refusal(phrase)).toMatch(/is in the past|speaks of the past \('previous'\)/);
  });
});

describe("'hr' and 'min' after 'next' are the hour and the minute, as 'wk' is the week", () => {
  it.each([
    ['next hr', '2026-12-07 11:00'],
    ['the next hr', '2026-12-07 11:00'],
    ['next min', '2026-12-07 10:01'],
    ['in 2 hrs', '2026-12-07 12:00'],
    ['in 1 hr 30 mins', '2026-12-07 11:30'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('after a number the unit is quoted as written', async () => {
    expect((await once('5 min')).notes).toContain("write 'in 5 min' to say so");
  });
});

describe("'this q1', 'this third quarter' are the coming such quarter, as 'this march' is; the quarter now running is no day", () => {
  it.each([
    ['this q1', '2027-01-01 09:00'],
    ['this q2 at 5pm', '2027-04-01 17:00'],
    ['this third quarter', '2027-07-01 09:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain('the first day of the quarter');
  });

  it.each(['this q4', 'this fourth quarter', 'this Q4'])('%s is the quarter running now: give the day', async (phrase) => {
    expect(await refusal(phrase)).toBe(`'${phrase}' is the quarter now running, begun Thu 1 Oct; give the day | Such as 'december 8', or 'next q4' for next year's.`);
  });
});

describe("weekends counted ahead ('in 2 weekends', '1 weekend from now') are the Saturday of that weekend, the coming one first", () => {
  it.each([
    ['1 weekend from now', '2026-12-12 09:00', 'the Saturday of the coming weekend'],
    ['a weekend from today', '2026-12-12 09:00', 'the Saturday of the coming weekend'],
    ['in 2 weekends', '2026-12-19 09:00', 'the 2nd weekend to come'],
    ['2 weekends from now', '2026-12-19 09:00', 'the 2nd weekend to come'],
    ['in two weekends at 10am', '2026-12-19 10:00', 'the 2nd weekend to come'],
    ['3 weekends hence', '2026-12-26 09:00', 'the 3rd weekend to come'],
  ])('%s', async (phrase, at, note) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(note);
  });

  it('weekends counted back are the past', async () => {
    expect(await refusal('2 weekends ago')).toContain('speaks of the past');
  });
});

describe("weekdays counted ahead after 'in' ('in 2 sundays') are the nth such day to come, as '2 sundays from now' is; a count alone is refused", () => {
  it.each([
    ['in 2 sundays', '2026-12-20 09:00'],
    ['in 3 mondays at 10am', '2026-12-28 10:00'],
    ['in two tuesdays', '2026-12-15 09:00'],
    ['2 sundays from now', '2026-12-20 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it.each(['2 sundays', 'three weekends at 9am'])('%s', async (phrase) => {
    expect(await refusal(phrase)).toContain('which says neither when nor how often');
  });
});

describe('two days named are quoted as they were read', () => {
  it.each([
    ['this noon tomorrow', "names two days ('this noon' and 'tomorrow')"],
    ['this midnight friday', "names two days ('this midnight' and 'friday')"],
    ['tomorrow first', "names two days ('tomorrow' and 'first', the 1st)"],
    ['tomorrow third', "names two days ('tomorrow' and 'third', the 3rd)"],
    ['tomorrow 3rd', "names two days ('tomorrow' and '3rd')"],
    ['tomorrow, dec 5', "names two days ('tomorrow' and 'dec 5')"],
  ])('%s', async (phrase, message) => {
    expect(await refusal(phrase)).toContain(message);
  });
});

describe('a number alone is refused with the readings it could have', () => {
  it.each([
    ['5', "'5': a number alone could be an hour, a day of the month or an amount | Say which, such as 'at 5am', 'at 5pm', 'the 5th', 'in 5 minutes'."],
    ['17', "'17': a number alone could be an hour, a day of the month or an amount | Say which, such as 'at 17:00', 'the 17th', 'in 17 minutes'."],
    ['28', "'28': a number alone could be a day of the month or an amount | Say which, such as 'the 28th', 'in 28 minutes'."],
  ])('%s', async (phrase, message) => {
    expect(await refusal(phrase)).toBe(message);
  });
});

describe("a year and a month number apart ('2008 1') says how to write the month, not only that it names two times", () => {
  it.each([
    ['2008 1', "if it is a month of 2008, a number alone does not say so | Write the month by name, such as 'january 2008', or as '2008-01'."],
    ['2027 12', "if it is a month of 2027, a number alone does not say so | Write the month by name, such as 'december 2027', or as '2027-12'."],
  ])('%s', async (phrase, message) => {
    expect(await refusal(phrase)).toContain(message);
  });

  it('two clocks are still two times', async () => {
    expect(await refusal('9am 5pm')).toBe("'9am 5pm' names two times ('9am' and '5pm'); a one-time message is sent once | Give one of them.");
  });
});
