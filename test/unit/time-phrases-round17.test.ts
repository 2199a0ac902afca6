import { describe, expect, it } from 'vitest';
import { MONDAY_IN_NEW_YORK as OPTIONS, recurringReading as recurring } from '../helpers/phrase-readings';

/* Recurring phrases from other projects' suites left refused (cronstrue, english-to-cron, later.js, Todoist). Monday 2026-12-07, 10:00 in New York. */
/* Minutes of the hour are not converted between zones: read in UTC, the local and UTC crons agree. */
const inUtc = (phrase: string) => recurring(phrase, { ...OPTIONS, zone: 'UTC' });

describe("a clock, then 'until' a clock, after an interval of minutes or hours is a window each day, said", () => {
  it.each([
    ['every 15 minutes at 9:00 until 10:00', '*/15 14 * * * + 0 15 * * *'],
    ['every 30 minutes at 9am until 5pm', '*/30 14-21 * * * + 0 22 * * *'],
    ['every 15m at 9:00 until 10:00 on weekdays', '*/15 14 * * 1-5 + 0 15 * * 1-5'],
    ['hourly at 9am till 5pm on weekdays', '0 14-22 * * 1-5'],
    ['every other hour at 8am until 6pm', '0 13-23/2 * * *'],
    ['every half hour at 9am until noon', '*/30 14-16 * * * + 0 17 * * *'],
  ])('%s', async (phrase, utc) => {
    const read = await recurring(phrase);
    expect(read.utc).toBe(utc);
    expect(read.notes).toMatch(/as a window each day; to end the schedule instead, give a day, such as 'until friday /);
  });

  it('fires from the start to the end each day, and on after the first day', async () => {
    expect((await recurring('every 30 minutes at 4pm until 5pm')).fires).toEqual(['2026-12-07 16:00', '2026-12-07 16:30', '2026-12-07 17:00']);
  });

  it.each(['every hour from 9am until 5pm on weekdays', 'every 15 minutes from 9:00 until 10:00'])('a window opened with "from" is read as before: %s', async (phrase) => {
    expect((await recurring(phrase)).notes).not.toMatch(/window each day/);
  });

  it("'until' a day still ends the schedule (a series)", async () => {
    await expect(recurring('every 15 minutes until friday')).rejects.toThrow(/series of one-time schedules.*Every 15 minutes, until friday/);
  });
});

describe('ordinal minutes of the hour (later.js, cronstrue): the minute of every hour', () => {
  it.each([
    ['on the 15th minute of every hour', '15 * * * *'],
    ['at the 30th minute past every hour', '30 * * * *'],
    ['the 5th minute of each hour', '5 * * * *'],
    ['on the 15th minute of the hour', '15 * * * *'],
    ['the 15th and 45th minutes of every hour', '15,45 * * * *'],
    ['at the 5th, 10th and 50th minutes of the hour', '5,10,50 * * * *'],
    ['every hour on the 15th and 20th minutes of the hour', '15,20 * * * *'],
  ])('%s', async (phrase, local) => {
    expect((await inUtc(phrase)).local).toBe(local);
  });

  it('on weekdays too', async () => {
    expect((await inUtc('the 5th minute of each hour on weekdays')).local).toBe('5 * * * 1-5');
  });

  it.each([
    ['every 15 minutes starting on the 4th minute', '4-49/15 * * * *'],
    ['every 15 minutes starting at the 4th minute', '4-49/15 * * * *'],
    ['every 15 minutes from 4 past the hour', '4-49/15 * * * *'],
    ['every 20 minutes from 5 minutes past the hour', '5,25,45 * * * *'],
    ['every 2 hours from half past the hour', '30 */2 * * *'],
    ['every 2 hours starting at half past the hour', '30 */2 * * *'],
  ])('where an interval starts in the hour: %s', async (phrase, local) => {
    expect((await inUtc(phrase)).local).toBe(local);
  });

  it("'from' before a clock is still a window", async () => {
    expect((await recurring('every 15 minutes from 9 to 5')).utc).toBe('*/15 14-21 * * * + 0 22 * * *');
  });
});

describe('minutes of the hour in lists and ranges (cronstrue)', () => {
  it.each([
    ['At 2 and 26 through 28 minutes past the hour', '2,26-28 * * * *'],
    ['minutes 0 through 20 past the hour', '0-20 * * * *'],
    ['at 5, 10 and 15 minutes past the hour', '5,10,15 * * * *'],
    ['at 5, 10, and 15 past the hour', '5,10,15 * * * *'],
    ['hourly at 0 through 4 minutes past the hour', '0-4 * * * *'],
    ['at 40 to 45 minutes past every hour', '40-45 * * * *'],
  ])('%s', async (phrase, local) => {
    expect((await inUtc(phrase)).local).toBe(local);
  });

  it('what follows the list bounds every minute of it', async () => {
    expect((await inUtc('at 5, 10 and 15 minutes past the hour on weekdays')).local).toBe('5,10,15 * * * 1-5');
    expect((await recurring('every hour at 5 and 10 minutes past the hour from 9am to 5pm')).local).toBe('5,10 9-16 * * *');
  });

  it.each([
    ['At 2 and 26 through 28 minutes past the hour, at 06:00 PM', '2,26-28 18 * * *', '2,26-28 23 * * *'],
    ['at 2 and 4 through 5 minutes past the hour at 01:00 am', '2,4,5 1 * * *', '2,4,5 6 * * *'],
  ])('with the hour after them, those minutes of that hour: %s', async (phrase, local, utc) => {
    const read = await recurring(phrase);
    expect([read.local, read.utc]).toEqual([local, utc]);
  });

  it("'starting at' a clock until a clock is a window, with no note of its own", async () => {
    const read = await recurring('every 15 minutes starting at 9am until noon');
    expect(read.utc).toBe('*/15 14-16 * * * + 0 17 * * *');
    expect(read.notes).not.toMatch(/window each day/);
  });

  it('minutes an even step apart are still that step', async () => {
    expect((await inUtc('at 0 and 30 minutes past the hour')).local).toBe('*/30 * * * *');
  });

  it('fires at each minute named', async () => {
    expect((await recurring('At 2 and 26 through 28 minutes past the hour')).fires).toEqual(['2026-12-07 10:02', '2026-12-07 10:26', '2026-12-07 10:27']);
  });
});

describe('refusals that name what they refuse', () => {
  it.each(['every sec', 'every seconds', 'every 5 sec'])('%s: seconds are too fine', async (phrase) => {
    await expect(recurring(phrase)).rejects.toThrow(/seconds are too fine/);
  });

  it("'every second monday' is still the second Monday", async () => {
    await expect(recurring('every second monday')).rejects.toThrow(/The second Monday of every month/);
  });

  it.each([
    ['every! 3 days', "'every!'", "'every 3 days'"],
    ['every! monday at 9am', "'every!'", "'every monday at 9am'"],
    ['each !week', "'each!'", "'each week'"],
  ])("Todoist's %s names the '!' and the calendar form", async (phrase, named, plain) => {
    const error = await recurring(phrase).catch((thrown: Error & { hint?: string }) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(named);
    expect((error as Error & { hint?: string }).hint).toContain(plain);
  });

  it.each([
    ['every minute, every 2 hours', 'with a comma'],
    ['every minute and every 2 hours', "with 'and'"],
  ])('%s says how the interval was joined', async (phrase, joiner) => {
    await expect(recurring(phrase)).rejects.toThrow(new RegExp(`joins an interval to another rule ${joiner}$`));
  });

  it.each([
    ['on the last day of the week', /the last day of a week is Saturday or Sunday/],
    ['every last day of every week at 9am', /the last day of a week is Saturday or Sunday/],
    ['on the first day of the week', /the first day of a week is Sunday or Monday/],
  ])('%s says why it is refused', async (phrase, reason) => {
    await expect(recurring(phrase)).rejects.toThrow(reason);
  });
});

describe("later.js's ordinal hours of the day, and english-to-cron's 'on day Monday'", () => {
  it.each([
    ['every hour between the 5th and 10th hour', '0 5-10 * * *'],
    ['every 15 minutes between the 5th and the 10th hours of the day', '*/15 5-10 * * *'],
    ['every hour between the 9th and 17th hour on weekdays', '0 9-17 * * 1-5'],
  ])('%s: hours on the 24-hour clock, to the end of the last', async (phrase, local) => {
    const read = await recurring(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toMatch(/on the 24-hour clock, to the end of the \d\d:00 hour/);
  });

  it.each([
    ['at 1:00 pm on day Monday', '0 13 * * 1'],
    ['on day monday and friday at 9am', '0 9 * * 1,5'],
  ])('%s', async (phrase, local) => {
    expect((await recurring(phrase)).local).toBe(local);
  });
});
