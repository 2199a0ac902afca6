import { describe, expect, it } from 'vitest';
import { MONDAY_IN_NEW_YORK as OPTIONS, recurringReading as recurring } from '../helpers/phrase-readings';

/* Recurring phrases from other projects' suites (cronstrue's descriptions, english-to-cron, later.js, Todoist's help). Monday 2026-12-07, 10:00 in New York. */
/* Intervals are not converted between zones: their crons are read in UTC. */
const inUtc = (phrase: string) => recurring(phrase, { ...OPTIONS, zone: 'UTC' });

describe("a plain coarser 'every <unit>' beside a finer rule says only that it goes on in every one ('every day at 9am every month')", () => {
  it.each([
    ['every day at 9am every month', '0 9 * * *'],
    ['every day every month', '0 9 * * *'],
    ['every 10 minutes monday through friday every month', '*/10 * * * 1-5'],
    ['run every 10 minutes on weekdays every month', '*/10 * * * 1-5'],
    ['every hour every day every month', '0 * * * *'],
    ['every minute every hour', '* * * * *'],
    ['every day at 5pm every year', '0 17 * * *'],
    ['every month, every day at noon', '0 12 * * *'],
  ])('%s', async (phrase, local) => {
    expect((await inUtc(phrase)).local).toBe(local);
  });

  it('fires every day, not once a month', async () => {
    const read = await recurring('every day at 9am every month');
    expect(read.fires).toEqual(['2026-12-08 09:00', '2026-12-09 09:00', '2026-12-10 09:00']);
    expect(read.utc).toBe('0 14 * * *');
  });

  it('an interval on weekdays in New York is the UTC set of the local days', async () => {
    expect((await recurring('every 10 minutes monday through friday every month')).utc).toBe('*/10 5-23 * * 1-5 + */10 0-4 * * 2-6');
  });

  it.each([
    ['Every minute, every hour, every day', '* * * * *'],
    ['every 5 minutes, every day', '*/5 * * * *'],
    ['every 2 hours, every day, every month', '0 */2 * * *'],
    ['every day at 9am, every month', '0 9 * * *'],
  ])('after a comma too: %s', async (phrase, local) => {
    expect((await inUtc(phrase)).local).toBe(local);
  });

  it.each([
    ['every minute, every 2 hours', /joins an interval to another rule/],
    ['every 10 minutes every 2 days', /two intervals/],
  ])('two intervals that both count are still refused: %s', async (phrase, error) => {
    await expect(recurring(phrase)).rejects.toThrow(error);
  });
});

describe("'the weekend' after a rule that repeats is every weekend, with a note ('every 15 minutes on the weekend')", () => {
  it.each([
    ['every 15 minutes on the weekend', '*/15 * * * 0,6'],
    ['every hour on the weekend', '0 * * * 0,6'],
    ['every day at 10am on the weekend', '0 10 * * 0,6'],
    ['every monday and the weekend', '0 9 * * 0,1,6'],
  ])('%s', async (phrase, local) => {
    const read = await inUtc(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain("read 'the weekend' as every weekend, Saturday and Sunday");
  });

  it.each([
    ['every hour during the weekend', '0 * * * 0,6'],
    ['every hour over the weekend', '0 * * * 0,6'],
    ['every day at 10am at the weekend', '0 10 * * 0,6'],
    ['every 15 minutes at weekends', '*/15 * * * 0,6'],
    ['every hour during weekends', '0 * * * 0,6'],
  ])("'during', 'over' and 'at' before it read as 'on': %s", async (phrase, local) => {
    expect((await inUtc(phrase)).local).toBe(local);
  });

  it('a window on the weekend in New York fires at the local hours, in UTC', async () => {
    const read = await recurring('every day at 10am on the weekend');
    expect(read.utc).toBe('0 15 * * 0,6');
    expect(read.fires).toEqual(['2026-12-12 10:00', '2026-12-13 10:00', '2026-12-19 10:00']);
  });

  it.each(['this weekend', 'next weekend', 'at 10am on the weekend'])('one weekend said alone is still one instant: %s', async (phrase) => {
    await expect(recurring(phrase)).rejects.toThrow(/one instant/);
  });

  it.each(['every monday on the weekend', 'every weekday on the weekend', 'weekdays over the weekend', 'every monday at weekends', 'every 15th on the weekend'])(
    'after days already named it is refused, never joined to them: %s',
    async (phrase) => {
      await expect(recurring(phrase)).rejects.toThrow();
    },
  );
});

describe("a window after an interval may be said with 'at' or 'during' (cronstrue's 'Every 5 minutes, at 12:00 AM through 04:59 AM')", () => {
  it.each([
    ['Every 5 minutes, at 12:00 AM through 04:59 AM and 06:00 AM through 08:59 AM', '*/5 0-4,6-8 * * *'],
    ['Every minute, at 01:00 AM through 02:59 AM and 10:00 PM through 11:59 PM', '* 1,2,22,23 * * *'],
    ['every 5 minutes at 9am through 5pm', '*/5 9-16 * * * + 0 17 * * *'],
    ['every hour at 9am to 5pm on weekdays', '0 9-17 * * 1-5'],
    ['every 15 minutes at 9:00 thru 10:00', '*/15 9 * * * + 0 10 * * *'],
    ['every 30 minutes during 9am to 5pm', '*/30 9-16 * * * + 0 17 * * *'],
    ['every hour during 9am through 5pm', '0 9-17 * * *'],
  ])('%s', async (phrase, crons) => {
    expect((await inUtc(phrase)).utc).toBe(crons);
  });

  it('in New York the window is local hours, in UTC', async () => {
    const read = await recurring('every hour at 9am to 5pm on weekdays');
    expect(read.utc).toBe('0 14-22 * * 1-5');
    expect(read.fires).toEqual(['2026-12-07 11:00', '2026-12-07 12:00', '2026-12-07 13:00']);
  });

  it.each([
    ['every hour at 10 to 11', /'at 10 to 11' is a window of hours, not one time of day/],
    ['every 2 hours at 8am', /time of day \(08:00\)/],
  ])('a clock after at is still a clock, and two hours a window: %s', async (phrase, error) => {
    await expect(inUtc(phrase)).rejects.toThrow(error);
  });
});

describe("'every day of the week' after an interval is every day, not a step counted in the week", () => {
  it.each([
    ['every 15 minutes every day of the week', '*/15 * * * *'],
    ['every 15 minutes on every day of the week', '*/15 * * * *'],
    ['every 2 hours each day of the month', '0 */2 * * *'],
    ['every 10 minutes every day of the year', '*/10 * * * *'],
    ['every hour, every day of the week', '0 * * * *'],
  ])('%s', async (phrase, local) => {
    expect((await inUtc(phrase)).local).toBe(local);
  });

  it.each(['every 3 days of the week', 'every other day of the week', 'every 15 minutes every 2nd day of the week'])('a step in the week is still refused: %s', async (phrase) => {
    await expect(inUtc(phrase)).rejects.toThrow(/counts its step within each week/);
  });
});

describe('a day interval bounded to months is refused for what it leaves open, not as named days', () => {
  it.each(['every 5 days in september', 'every 5 day at 4:30 pm only in September', 'every 2 days from january to march'])('%s', async (phrase) => {
    await expect(inUtc(phrase)).rejects.toThrow(/bounds a day interval to months, which does not say where the count starts/);
  });

  it('named weekdays keep their own reason', async () => {
    await expect(inUtc('every 3 days on mondays')).rejects.toThrow(/mixes a day interval with named days/);
  });
});
