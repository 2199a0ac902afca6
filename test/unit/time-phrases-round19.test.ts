import { describe, expect, it } from 'vitest';
import { MONDAY_IN_NEW_YORK as OPTIONS, recurringReading as recurring } from '../helpers/phrase-readings';
import { meaningOfSchedule } from '../../src/time/index';

/* Recurring phrases from other projects' suites (Recognizers-Text, nickel, tickle, ice_cube, cron-descriptor). Monday 2026-12-07, 10:00 in New York. */

describe('a phrase that names seconds is refused as too fine, whatever else it says (cron-descriptor, ice_cube)', () => {
  it.each([
    'Every second, at 0 minutes past the hour',
    'every second, only on sunday, monday, and tuesday',
    'At 10 seconds past the minute, every 5 minutes',
    'At 15 and 45 seconds past the minute',
    'Seconds 5 through 10 past the minute',
    'Minutely on the 10th and 11th seconds of the minute',
    'Secondly',
    'every other second',
    'every 2nd second',
  ])('%s', async (phrase) => {
    await expect(recurring(phrase)).rejects.toThrow(new RegExp(`^'${phrase}': seconds are too fine: Letta's schedules step by whole minutes$`));
  });

  it.each([
    ['every day at 14:02:30', "Give the minute: 'every day at 14:02'."],
    ['At 02:02:30 PM', "Give the minute: 'At 02:02 PM'."],
    ['weekdays at 9:15:45am', "Give the minute: 'weekdays at 9:15am'."],
  ])('a clock to the second: %s', async (phrase, hint) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(/gives a clock to the second \(\d+:\d+:\d+\): Letta's schedules run at whole minutes/);
    await expect(refusal).rejects.toMatchObject({ hint });
  });

  it('a clock with :00 seconds is its minute, as before', async () => {
    expect((await recurring('every day at 14:02:00')).local).toBe('2 14 * * *');
  });

  it.each([
    ['every second tuesday', /second Tuesday of every month/],
    ['every second week', /Every other Monday/],
    ['every second day', /Every other day/],
  ])('"second" before what it counts is an ordinal: %s', async (phrase, means) => {
    await expect(recurring(phrase)).rejects.toThrow(means);
  });
});

describe("'everyday', 'daily', 'weekdays' before 'this week' or 'next month': within that span, as 'every day next week' is (nickel)", () => {
  it.each([
    ['everyday next month', 'At 09:00 AM, next month', '2027-01-01T14:00:00.000Z'],
    ['everyday next week', 'At 09:00 AM, next week', '2026-12-14T14:00:00.000Z'],
    ['daily next week at 8pm', 'At 08:00 PM, next week', '2026-12-15T01:00:00.000Z'],
    ['weekdays next month', 'At 09:00 AM, Monday through Friday, next month', '2027-01-01T14:00:00.000Z'],
  ])('%s', async (phrase, description, first) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS);
    expect(meaning.type).toBe('series');
    expect(meaning.description).toBe(`${description} (America/New_York)`);
    expect(meaning.next_runs[0]).toBe(first);
  });

  it('this week: from now to its Sunday', async () => {
    const meaning = await meaningOfSchedule('everyday this week', OPTIONS, 10);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 10))).toEqual(['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
  });
});

describe('minutes of the hour after an interval of hours: each hour it runs, at each minute (cron-descriptor, ice_cube)', () => {
  it.each([
    ['every 2 hours at :05 and :35', '5,35 */2 * * *', ['2026-12-07 11:05', '2026-12-07 11:35', '2026-12-07 13:05']],
    ['every 2 hours at 5 and 10 minutes past the hour', '5,10 */2 * * *', ['2026-12-07 11:05', '2026-12-07 11:10', '2026-12-07 13:05']],
    ['every 3 hours at 15 and 45 minutes past the hour', '15,45 */3 * * *', ['2026-12-07 10:15', '2026-12-07 10:45', '2026-12-07 13:15']],
    ['every 4 hours at :00, :20 and :40', '*/20 */4 * * *', ['2026-12-07 11:00', '2026-12-07 11:20', '2026-12-07 11:40']],
  ])('%s', async (phrase, utc, fires) => {
    const read = await recurring(phrase);
    expect(read.utc).toBe(utc);
    expect(read.fires).toEqual(fires);
    // Said once, not once for each minute.
    expect(read.notes.match(/on the UTC clock/g)).toHaveLength(1);
  });

  it('on a half-hour zone the minutes are on the local clock', async () => {
    const read = await recurring('every 2 hours at :05 and :35', { ...OPTIONS, zone: 'Asia/Kolkata' });
    expect(read.local).toBe('5,35 */2 * * *');
    expect(read.fires).toEqual(['2026-12-07 20:35', '2026-12-07 22:05', '2026-12-07 22:35']);
  });

  it.each(['every 2 hours at :05 and every 3 hours at :10', 'every minute and every 2 hours'])('two intervals are still refused: %s', async (phrase) => {
    await expect(recurring(phrase)).rejects.toThrow(/joins an interval to another rule with 'and'/);
  });
});

describe('an interval of hours that does not divide the day keeps the minute said (a series)', () => {
  it.each([
    ['every 5 hours at :05', ['2026-12-07 10:05', '2026-12-07 15:05', '2026-12-07 20:05']],
    ['every 7 hours at 20 minutes past the hour', ['2026-12-07 10:20', '2026-12-07 17:20', '2026-12-08 00:20']],
    ['every 5 hours at :05 and :35', ['2026-12-07 10:05', '2026-12-07 10:35', '2026-12-07 15:05']],
  ])('%s', async (phrase, fires) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
    expect(meaning.type).toBe('series');
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(fires);
  });

  it('without a minute it runs on the hour, as before', async () => {
    const meaning = await meaningOfSchedule('every 5 hours', OPTIONS, 2);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2026-12-07 11:00', '2026-12-07 16:00']);
  });
});

describe("an end that is a year alone ('until 2027') is refused with both readings, not stopped at 'until' (nickel)", () => {
  it.each([
    ['every sunday until 2027', "Write 'every sunday until dec 31 2027' to run through 2027, or 'every sunday until dec 31 2026' to stop before it."],
    ['weekly through 2028', "Write 'weekly until dec 31 2028' to run through 2028, or 'weekly until dec 31 2027' to stop before it."],
    ['every monday at 9am till 2026', "Write 'every monday at 9am until dec 31 2026' to run through 2026."],
  ])('%s', async (phrase, hint) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(/ alone, which could mean as \d{4} begins or once it is over$/);
    await expect(refusal).rejects.toMatchObject({ hint });
  });

  it('a year gone by says so', async () => {
    await expect(recurring('every sunday until 1999')).rejects.toThrow(/^'every sunday until 1999' ends in 1999, which is over$/);
  });

  it.each([
    ['every 15 minutes until 1730', '17:30', 'every 15 minutes'],
    ['every hour till 2000', '20:00', 'every hour'],
    ['every sunday until 2015', '20:15', 'every sunday'],
  ])('a year gone by that is also a clock says both: %s', async (phrase, clock, rule) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(new RegExp(`^'${phrase}' ends at \\d{4}: a year that is over, or ${clock}\\?$`));
    await expect(refusal).rejects.toMatchObject({ hint: `For the time, write '${rule} until ${clock}'; for a day, give one to come, such as '${rule} until dec 31 2026'.` });
  });

  it.each([
    ['every monday until dec 31 2027', 'At 09:00 AM, only on Monday, until dec 31 2027'],
    ['every monday in 2027', 'At 09:00 AM, only on Monday, in 2027'],
  ])('a day or "in" a year still bounds it: %s', async (phrase, description) => {
    expect((await meaningOfSchedule(phrase, OPTIONS)).description).toBe(`${description} (America/New_York)`);
  });
});

describe('a range of years is not a year alone as the end', () => {
  it('At 12:23 PM, January through February, 2013 through 2014', async () => {
    await expect(recurring('At 12:23 PM, January through February, 2013 through 2014')).rejects.toThrow(/stopped at '2013'/);
  });
});

describe('"second" before another ordinal, "of the month", a kind of day or a part of the day is an ordinal, not seconds', () => {
  it.each([
    ['every second, fourth friday', ['2026-12-11', '2026-12-25', '2027-01-08']],
    ['every second & 4th friday', ['2026-12-11', '2026-12-25', '2027-01-08']],
    ['every second business day at 9am', ['2026-12-08', '2026-12-10', '2026-12-14']],
    ['every second working day at 9am', ['2026-12-08', '2026-12-10', '2026-12-14']],
    ['every second of the month at 9am', ['2027-01-02', '2027-02-02', '2027-03-02']],
  ])('%s', async (phrase, days) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 10))).toEqual(days);
  });

  it.each(['every second morning at 9', 'every second evening at 7pm', 'every second or fourth friday'])('%s is not refused as seconds', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.not.toThrow(/seconds/);
  });

  it('"every second of the day" is still seconds', async () => {
    await expect(meaningOfSchedule('every second of the day', OPTIONS)).rejects.toThrow(/seconds are too fine/);
  });
});
