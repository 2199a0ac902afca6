import { describe, expect, it } from 'vitest';
import { meaningOf, meaningOfSchedule } from '../../src/time/index';

/*
 * Wordings of repeating schedules as other tools write them (calendar apps'
 * "occurs every weekday", cron describers, RFC 5545 examples in English),
 * each read as time-language.md says, or refused with the reason.
 * Now: Thursday 2026-12-03 17:45 UTC.
 */
const NOW = Date.parse('2026-12-03T17:45:00Z');
const meaning = (phrase: string, zone = 'UTC', count = 4) => meaningOfSchedule(phrase, { now: NOW, zone }, count);
const localRuns = async (phrase: string, zone = 'UTC', count = 4) => (await meaning(phrase, zone, count)).next_runs_local.map((local) => local.slice(0, 16));

describe("frequency words with a hyphen, and calendar apps' leading verbs", () => {
  it.each([
    ['half-hourly', '*/30 * * * *'],
    ['every half-hour', '*/30 * * * *'],
    ['quarter-hourly', '*/15 * * * *'],
    ['every quarter-hour', '*/15 * * * *'],
    ['bi-hourly', '0 */2 * * *'],
    ['half hourly', '*/30 * * * *'],
    ['quarter hourly', '*/15 * * * *'],
    ['4-hourly', '0 */4 * * *'],
    ['two hourly', '0 */2 * * *'],
    ['6-hourly on weekdays', '0 */6 * * 1-5'],
    ['semi-annually', '0 9 1 */6 *'],
    ['semiannual at 8am', '0 8 1 */6 *'],
    ['all mondays at 9am', '0 9 * * 1'],
    ['all weekends', '0 9 * * 0,6'],
    ['annual', '0 9 1 1 *'],
    ['annual on march 3', '0 9 3 3 *'],
    ['occurs every weekday', '0 9 * * 1-5'],
    ['occurs every december 25', '0 9 25 12 *'],
    ['repeats every monday at 8am', '0 8 * * 1'],
    ['recurs daily at noon', '0 12 * * *'],
    ['recurring every monday at 8am', '0 8 * * 1'],
    ['recurring weekly on friday', '0 9 * * 5'],
    ['repeating daily at noon', '0 12 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type).toBe('recurring');
    expect(read.type === 'recurring' && (read.cron_expressions ?? [read.cron_expression]).join(' + ')).toBe(cron);
  });
});

describe('words in brackets that restate the rule', () => {
  it.each([
    ['every weekday (monday to friday)', ['2026-12-04 09:00', '2026-12-07 09:00', '2026-12-08 09:00', '2026-12-09 09:00']],
    ['Every weekday (Mon-Fri) at 9pm', ['2026-12-03 21:00', '2026-12-04 21:00', '2026-12-07 21:00', '2026-12-08 21:00']],
    ['fortnightly (every 2 weeks) on friday', ['2026-12-04 09:00', '2026-12-18 09:00', '2027-01-01 09:00', '2027-01-15 09:00']],
    ['every day at 17:00 (5pm)', ['2026-12-03 17:00', '2026-12-04 17:00', '2026-12-05 17:00', '2026-12-06 17:00']],
  ])('%s is read as if said once', async (phrase, expected) => {
    expect(await localRuns(phrase, 'America/New_York')).toEqual(expected);
  });

  it.each(['every day (mon-fri)', 'every weekday (9am)', 'every monday (and friday)', 'every weekday (mon-fri', 'every weekday ()'])(
    '%s is refused: brackets that add or change are not guessed at',
    async (phrase) => {
      await expect(meaning(phrase)).rejects.toThrow(phrase);
    },
  );
});

describe('a day of the month whose time is on another day in UTC', () => {
  // 09:00 in Sydney (UTC+11) is 22:00 UTC the day before: the 1st falls on the 28th, 29th, 30th or 31st, which no set of crons says.
  it.each([
    ['twice a month', ['2026-12-15 09:00', '2027-01-01 09:00', '2027-01-15 09:00', '2027-02-01 09:00', '2027-02-15 09:00']],
    ['on the 1st at 9am', ['2027-01-01 09:00', '2027-02-01 09:00', '2027-03-01 09:00', '2027-04-01 09:00', '2027-05-01 09:00']],
    ['every month on the 1st and 15th at midnight', ['2026-12-15 00:00', '2027-01-01 00:00', '2027-01-15 00:00', '2027-02-01 00:00', '2027-02-15 00:00']],
  ])('%s in Sydney is a series of its local fires', async (phrase, expected) => {
    const read = await meaning(phrase, 'Australia/Sydney', 5);
    expect(read.type).toBe('series');
    expect(read.type === 'series' && read.reason).toMatch(/on the previous day in UTC, and a day of the month cannot move with it/);
    expect(read.next_runs_local.map((local) => local.slice(0, 16))).toEqual(expected);
  });

  it('keeps each local fire across the change back to standard time (AEDT to AEST)', async () => {
    const read = await meaning('on the 1st at 9am', 'Australia/Sydney', 5);
    expect(read.next_runs.slice(3)).toEqual(['2027-03-31T22:00:00.000Z', '2027-04-30T23:00:00.000Z']);
  });

  it('a day of the month that stays on its day in UTC is still one cron', async () => {
    const read = await meaning('every 15th at 8pm', 'Australia/Sydney');
    expect(read.type === 'recurring' && read.cron_expression).toBe('0 9 15 * *');
  });
});

describe("cron describers' minute past the hour, and 'at every'", () => {
  it.each([
    ['at 5 minutes past the hour', '5 * * * *', ['2026-12-03 13:05', '2026-12-03 14:05', '2026-12-03 15:05', '2026-12-03 16:05']],
    ['at 30 minutes past the hour, monday through friday', '30 * * * 1-5', ['2026-12-03 13:30', '2026-12-03 14:30', '2026-12-03 15:30', '2026-12-03 16:30']],
  ])('%s is every hour at that minute, with a note', async (phrase, localCron, expected) => {
    const read = await meaning(phrase, 'America/New_York');
    expect(read.type === 'recurring' && read.local_cron).toBe(localCron);
    expect(read.next_runs_local.map((local) => local.slice(0, 16))).toEqual(expected);
    expect(read.notes.join(' ')).toMatch(/as every hour at :\d\d/);
  });

  it.each(['at 5 minutes past the hour', 'at 30 minutes past the hour, monday through friday'])('%s is read as repeating without being told (parse, no --recurring)', async (phrase) => {
    const read = await meaningOf(phrase, { now: NOW, zone: 'UTC' }, 1);
    expect(read.type).toBe('recurring');
  });

  it.each(['every day at :30', 'every monday at :30', 'at :30'])('%s is still refused: it does not say every hour', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(/A minute past the hour needs an hourly schedule/);
  });

  it.each([
    ['at every 5th minute', '*/5 * * * *'],
    ['at every hour', '0 * * * *'],
  ])('%s is %s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe('the start and the end of the month', () => {
  it.each([
    ['at the end of every month', ['2026-12-31 09:00', '2027-01-31 09:00', '2027-02-28 09:00', '2027-03-31 09:00']],
    ['end of the month at 5pm', ['2026-12-31 17:00', '2027-01-31 17:00', '2027-02-28 17:00', '2027-03-31 17:00']],
  ])('%s is the last day of each month, a series with a note', async (phrase, expected) => {
    const read = await meaning(phrase, 'America/New_York');
    expect(read.type).toBe('series');
    expect(read.next_runs_local.map((local) => local.slice(0, 16))).toEqual(expected);
    expect(read.notes.join(' ')).toMatch(/read the end of the month as its last day/);
  });

  it.each([
    ['beginning of every month', '0 9 1 * *'],
    ['at the start of each month at 8am', '0 8 1 * *'],
  ])('%s is the 1st: %s', async (phrase, localCron) => {
    const read = await meaning(phrase, 'America/New_York');
    expect(read.type === 'recurring' && read.local_cron).toBe(localCron);
  });
});

describe('frequencies whose times or dates the spec chooses say so in a note', () => {
  it.each([
    ['twice a day', /read 'twice a day' as 09:00 and 21:00/],
    ['twice daily', /read 'twice daily' as 09:00 and 21:00/],
    ['semi-annually', /read 'semi-annually' as 1 January and 1 July/],
    ['semi-annual', /read 'semi-annual' as 1 January and 1 July/],
  ])('%s', async (phrase, note) => {
    expect((await meaning(phrase)).notes.join(' ')).toMatch(note);
  });
});

describe('a start said with "starts", or "starting from"', () => {
  it.each([
    ['every other day starts dec 13th', ['2026-12-13 09:00', '2026-12-15 09:00']],
    ['daily starting from dec 10', ['2026-12-10 09:00', '2026-12-11 09:00']],
    ['every day starting on dec 10 at 8am', ['2026-12-10 08:00', '2026-12-11 08:00']],
    ['every weekday starts from dec 14', ['2026-12-14 09:00', '2026-12-15 09:00']],
  ])('%s', async (phrase, runs) => {
    expect(await localRuns(phrase, 'UTC', 2)).toEqual(runs);
  });

  it.each([
    ['every third sunday in may', 'The third Sunday of May at 09:00 (UTC)'],
    ['the last day of every month in june and july', 'The last day of June and July at 09:00 (UTC)'],
  ])('an nth day in months names the months alone: %s', async (phrase, description) => {
    expect((await meaning(phrase)).description).toBe(description);
  });

  it('an end past the last date this tool can use says so', async () => {
    await expect(meaning('every year until 9999-12-31', 'America/New_York')).rejects.toThrow("'every year until 9999-12-31': '9999-12-31' is outside the dates this tool can use");
  });

  it('a character outside the basic plane is named whole where the reading stopped', async () => {
    await expect(meaning('every 𝟓 minutes')).rejects.toThrow("(stopped at '𝟓')");
  });

  it('a rule counted from the start says the start once, as written', async () => {
    expect((await meaning('every 3 days starting dec 10')).description).toBe('Every 3 days at 09:00, starting dec 10 (UTC)');
  });
});

describe('compounds as cron describers and RFC 5545 write them', () => {
  it.each([
    ['at 22:00 on every day-of-week from monday through friday', '0 22 * * 1-5'],
    ['at 04:00 on every day-of-month from 8 through 14', '0 4 8-14 * *'],
    ['at 14:15 on day-of-month 1', '15 14 1 * *'],
    ['every thursday, but only during june, july, and august', '0 9 * 6-8 4'],
    ['every week day', '0 9 * * 1-5'],
    ['every week-day at 9am', '0 9 * * 1-5'],
    ['every single day', '0 9 * * *'],
    ['every day of the year', '0 9 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });

  it.each([
    ['monthly on the second-to-last monday of the month', ['2026-12-21 09:00', '2027-01-18 09:00', '2027-02-15 09:00']],
    ['monthly on the third-to-the-last day of the month', ['2026-12-29 09:00', '2027-01-29 09:00', '2027-02-26 09:00']],
    ['the second-to-last weekday of the month', ['2026-12-30 09:00', '2027-01-28 09:00', '2027-02-25 09:00']],
  ])('%s counts from the month end', async (phrase, expected) => {
    expect(await localRuns(phrase, 'UTC', 3)).toEqual(expected);
  });
});

describe('Quartz, crontab.guru and everyday wordings', () => {
  it.each([
    ['at minute 0 past hour 9 and 17', '0 9,17 * * *'],
    ['at minute 5 past hour 1, 2 and 3', '5 1-3 * * *'],
    ['at minute 30 past every hour on weekdays', '30 * * * 1-5'],
    ['fire every 5 minutes starting at 2pm and ending at 2:55pm, every day', '*/5 14 * * *'],
    ['every minute starting at 2pm and ending at 2:05pm', '0-5 14 * * *'],
    ['every hour starting at 9am and ending at 5pm on weekdays', '0 9-17 * * 1-5'],
  ])('%s is %s on the local clock', async (phrase, localCron) => {
    const read = await meaning(phrase, 'America/New_York');
    expect(read.type === 'recurring' && read.local_cron).toBe(localCron);
  });

  it.each([
    ['every alternate day', ['2026-12-04 09:00', '2026-12-06 09:00', '2026-12-08 09:00']],
    ['on alternate days', ['2026-12-04 09:00', '2026-12-06 09:00', '2026-12-08 09:00']],
    ['alternate mondays', ['2026-12-07 09:00', '2026-12-21 09:00', '2027-01-04 09:00']],
  ])('%s is every other one', async (phrase, expected) => {
    expect(await localRuns(phrase, 'America/New_York', 3)).toEqual(expected);
  });

  it.each([
    ['5 days a week', '0 9 * * 1-5', /read '5 days a week' as Monday, Tuesday, Wednesday, Thursday and Friday/],
    ['seven days a week at 8am', '0 8 * * 0-6', /read 'seven days a week' as every day/],
  ])('%s is %s, with a note', async (phrase, localCron, note) => {
    const read = await meaning(phrase, 'America/New_York');
    expect(read.type === 'recurring' && read.local_cron).toBe(localCron);
    expect(read.notes.join(' ')).toMatch(note);
  });
});

describe('a phrase whose words are all known but not read says where the reading stopped', () => {
  it.each([
    ['every day sharp', 'sharp'],
    ['every 15 minutes during the hours', 'during'],
  ])('%s names %s', async (phrase, word) => {
    await expect(meaning(phrase)).rejects.toThrow(`Could not understand the schedule: '${phrase}' (stopped at '${word}')`);
  });

  it.each(['sharp at 7am every day', 'on the dot at 9am every monday', 'exactly at 7am daily', 'around 7am every day'])(
    '%s, a hedge or its opposite before the time, is told a repeating schedule with no flag',
    async (phrase) => {
      expect((await meaningOf(phrase, { now: Date.parse('2026-12-02T15:04:00Z'), zone: 'America/New_York' })).type).toBe('recurring');
    },
  );

  it.each(['every day at 7am sharp', 'sharp at 7am every day', 'every monday only', 'weekdays only at 9am'])('%s is read: the word is in its place', async (phrase) => {
    expect((await meaning(phrase)).type).toBe('recurring');
  });
});

describe('a day of several months', () => {
  it.each([
    ['the 15th of march and september at noon', ['2027-03-15 12:00', '2027-09-15 12:00', '2028-03-15 12:00']],
    ['1 of jan,april,july,oct 00:00', ['2027-01-01 00:00', '2027-04-01 00:00', '2027-07-01 00:00']],
    ['the 1st of january and april 5', ['2027-01-01 09:00', '2027-04-05 09:00', '2028-01-01 09:00']],
  ])('%s is that day in each month named', async (phrase, expected) => {
    expect(await localRuns(phrase, 'America/New_York', 3)).toEqual(expected);
  });

  it('a day one of the months lacks is refused', async () => {
    await expect(meaning('every 31st of january and april')).rejects.toThrow(/april has no day 31/i);
  });
});

describe('even and odd days and hours', () => {
  it.each([
    ['every even day', '0 9 2-30/2 * *'],
    ['on odd days', '0 9 1-31/2 * *'],
    ['execute on every even numbered day', '0 9 2-30/2 * *'],
    ['every even hour', '0 */2 * * *'],
    ['every odd hour on weekdays', '0 1-23/2 * * 1-5'],
  ])('%s is %s on the local clock', async (phrase, localCron) => {
    const read = await meaning(phrase, 'America/New_York');
    expect(read.type === 'recurring' && read.local_cron).toBe(localCron);
  });

  it('a month without the last of the days still runs on the others, and the note says so', async () => {
    expect((await meaning('every even day')).notes).toEqual(["in months without a 30th (February) that day is skipped; for every month's end say 'the last day of the month'"]);
    expect((await meaning('every month on the 30th')).notes).toEqual(["months without a 30th (February) are skipped; for every month's end say 'the last day of the month'"]);
  });
});

describe('a rule within a year', () => {
  it('every monday in 2027 runs on the Mondays of 2027 only', async () => {
    const read = await meaning('every monday in 2027', 'America/New_York', 60);
    expect(read.type).toBe('series');
    expect(read.next_runs_local.length).toBe(52);
    expect([read.next_runs_local[0], read.next_runs_local.at(-1)]).toEqual(['2027-01-04 09:00 EST', '2027-12-27 09:00 EST']);
  });

  it('this year runs from now to its end', async () => {
    const read = await meaning('daily at 9am during 2026', 'America/New_York', 60);
    expect([read.next_runs_local.length, read.next_runs_local[0], read.next_runs_local.at(-1)]).toEqual([28, '2026-12-04 09:00 EST', '2026-12-31 09:00 EST']);
  });

  it('a year gone by is in the past', async () => {
    await expect(meaning('every monday in 2025')).rejects.toThrow(/is in the past: 2025 has ended/);
  });
});

describe('the next N of a weekday', () => {
  it.each([
    ['the next 3 sundays', ['2026-12-06 09:00', '2026-12-13 09:00', '2026-12-20 09:00']],
    ['for the next four mondays', ['2026-12-07 09:00', '2026-12-14 09:00', '2026-12-21 09:00', '2026-12-28 09:00']],
    ['at 5pm for the next 2 fridays', ['2026-12-04 17:00', '2026-12-11 17:00']],
  ])('%s is that many, a series', async (phrase, expected) => {
    expect(await localRuns(phrase, 'America/New_York', 10)).toEqual(expected);
  });

  it('beside another rule it is not read', async () => {
    await expect(meaning('every day for the next 3 sundays')).rejects.toThrow(/Could not understand the schedule/);
  });
});

describe("a start's day is the day a rule of weeks, months or years runs on when it names none", () => {
  // These ran on Mondays, the 1st and 1 January from the start on ('yearly starting march 3' first ran on 1 January 2028).
  it.each([
    ['weekly starting dec 10', ['2026-12-10 09:00', '2026-12-17 09:00', '2026-12-24 09:00']],
    ['every 2 weeks starting dec 10 at 4pm', ['2026-12-10 16:00', '2026-12-24 16:00', '2027-01-07 16:00']],
    ['monthly starting december 15', ['2026-12-15 09:00', '2027-01-15 09:00', '2027-02-15 09:00']],
    ['every 3 months starting march 15', ['2027-03-15 09:00', '2027-06-15 09:00', '2027-09-15 09:00']],
    ['every quarter starting in march', ['2027-03-01 09:00', '2027-06-01 09:00', '2027-09-01 09:00']],
    ['yearly starting march 3', ['2027-03-03 09:00', '2028-03-03 09:00', '2029-03-03 09:00']],
  ])('%s', async (phrase, expected) => {
    const read = await meaning(phrase, 'America/New_York', 3);
    expect(read.next_runs_local.map((local) => local.slice(0, 16))).toEqual(expected);
    expect(read.notes.join(' ')).toMatch(/read the start, \d{4}-\d\d-\d\d, as the day it runs on/);
  });

  it.each([
    ['every month on the 15th starting jan', ['2027-01-15 09:00', '2027-02-15 09:00']],
    ['every other friday starting dec 11 at 4pm', ['2026-12-11 16:00', '2026-12-25 16:00']],
    ['quarterly starting jan 1', ['2027-01-01 09:00', '2027-04-01 09:00']],
  ])('%s keeps the days it names', async (phrase, expected) => {
    expect(await localRuns(phrase, 'America/New_York', 2)).toEqual(expected);
  });
});

describe('shorthand people type', () => {
  it.each([
    ['m-f 9am', '0 9 * * 1-5'],
    ['tu/th 9am', '0 9 * * 2,4'],
    ['mon/wed/fri at 7am', '0 7 * * 1,3,5'],
    ['thrice weekly', '0 9 * * 1,3,5'],
    ['3x a week', '0 9 * * 1,3,5'],
    ['2x daily', '0 9,21 * * *'],
    ['every day in q1', '0 9 * 1-3 *'],
    ['once every two hours at 45 minutes past the hour starting at 9:45 am and finishing at 3:45 pm every weekday', '45 9-15/2 * * 1-5'],
  ])('%s is %s on the local clock', async (phrase, localCron) => {
    const read = await meaning(phrase, 'America/New_York');
    expect(read.type === 'recurring' && read.local_cron).toBe(localCron);
  });

  it('a two-letter weekday alone is not read', async () => {
    await expect(meaning('every th')).rejects.toThrow(/did not understand 'th'/);
  });
});

describe("cron describers' range of days of the month", () => {
  // "on day 1 through 5 of the month" was read as ending on the 5th ("ends ... before it first runs").
  it.each([
    ['At 09:00 AM, on day 1 through 5 of the month', '0 9 1-5 * *'],
    ['days 1 through 5 at 9am', '0 9 1-5 * *'],
  ])('%s is %s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });

  it('an end that is a date is still an end', async () => {
    expect(await localRuns('every day until dec 5', 'UTC', 5)).toEqual(['2026-12-04 09:00', '2026-12-05 09:00']);
  });
});

describe("App Engine's day of month, and a dash before the time", () => {
  it.each([
    ['15 of month 12:00', '0 12 15 * *'],
    ['1 of month 22:00', '0 22 1 * *'],
    ['every day - 9am', '0 9 * * *'],
    ['weekdays - 8:30am', '30 8 * * 1-5'],
    ['every hour from 9am - 5pm', '0 9-17 * * *'],
    ['monday - friday at 9', '0 9 * * 1-5'],
  ])('%s is %s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe("'this' before a day is one instant, never a rule", () => {
  // "this monday" ran every Monday: "this" was skipped as a request's filler ("send this every monday").
  it.each(['this monday', 'this 1st', 'that friday at 5'])('%s is refused', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(phrase);
  });

  it.each([
    ['send this every monday', '0 9 * * 1'],
    ['run this daily', '0 9 * * *'],
  ])('%s still reads "this" as what is sent', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe('an end that is a time of day alone', () => {
  // "every day until 5pm" made one run with no word about why.
  it.each([
    ['every day until 5pm', 1, "read 'until 5pm' as the next 2026-12-04 17:00 UTC"],
    ['every 2 hours until 8pm', 2, "read 'until 8pm' as the next 2026-12-03 20:00 UTC"],
  ])('%s ends at the next one, and says so', async (phrase, runs, note) => {
    const read = await meaning(phrase, 'UTC', 5);
    expect(read.next_runs.length).toBe(runs);
    expect(read.notes.join(' ')).toContain(note);
  });
});

describe('a minute past the hour beside every minute', () => {
  // Python schedule's "every minute at :17" (second 17) ran every minute, the ':17' dropped.
  it('is refused with the reason', async () => {
    await expect(meaning('every minute at :17')).rejects.toThrow(/every minute runs at every minute of the hour, so ':17' says nothing/);
  });

  it.each([
    ['every 15 minutes starting at minute 1', '1-46/15 * * * *'],
    ['every hour at :17', '17 * * * *'],
  ])('%s is still read', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe('holidays on a fixed date', () => {
  it.each([
    ["every new year's day", '0 9 1 1 *'],
    ['at midnight on new year', '0 0 1 1 *'],
    ['every christmas at 8am', '0 8 25 12 *'],
    ["every new year's eve at 11pm", '0 23 31 12 *'],
  ])('%s is %s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe("'until' between two weekdays after 'every'", () => {
  it.each([
    ['every friday until tuesday', '0 9 * * 0-2,5,6', "read 'friday until tuesday' as every day from Friday to Tuesday, not every Friday up to a Tuesday; for an end, give its date with --until"],
    ['fridays until tuesday', '0 9 * * 0-2,5,6', "read 'fridays until tuesday' as every day from Friday to Tuesday, not every Friday up to a Tuesday; for an end, give its date with --until"],
    ['each mon til thu at 8am', '0 8 * * 1-4', "read 'mon til thu' as every day from Monday to Thursday, not every Monday up to a Thursday; for an end, give its date with --until"],
  ])('%s is a range of days, said', async (phrase, cron, note) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
    expect(read.notes).toContain(note);
  });

  it.each(['monday until friday at 9am', 'every day monday until friday', 'every friday through tuesday'])('%s is a range only: no note', async (phrase) => {
    expect((await meaning(phrase)).notes ?? []).toEqual([]);
  });
});

describe("'every first' and other ordinals before a unit", () => {
  it.each([
    ['every first day', '0 9 1 * *', "read 'every first day' as the 1st of every month; write 'every day' for daily"],
    ['every 1st day at 5pm', '0 17 1 * *', "read 'every 1st day' as the 1st of every month; write 'every day' for daily"],
  ])('%s is the 1st of every month, said', async (phrase, cron, note) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
    expect(read.notes).toContain(note);
  });

  it.each(['every first week', 'every first week on monday', 'every first hour', 'every 1st minute'])('%s does not say the first of what: refused', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(/does not say the first of what/);
  });

  it.each([
    ['every 15th day', "read 'every 15th day' as every 15 days, not the 15th of each month"],
    ['every second week on monday', "read 'every second week' as every 2 weeks, not the second week of each month"],
  ])('%s is an interval, the other reading said', async (phrase, note) => {
    expect((await meaning(phrase)).notes).toContain(note);
  });

  it.each([
    ['every 3rd day of the month', '0 9 3 * *', "read 'every 3rd day' as a day of the month, the 3rd, not every 3 days"],
    ['every 2nd day of july at 5pm', '0 17 2 7 *', "read 'every 2nd day' as a day of the month, the 2nd, not every 2 days"],
  ])('%s is a day of the month, the interval said as the other reading', async (phrase, cron, note) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
    expect(read.notes).toContain(note);
  });

  it.each([
    ['every 2nd day in April at 3:30', /could be April 2nd or every 2 days in April/],
    ['every 3rd day in july', /could be July 3rd or every 3 days in July/],
  ])('%s could be the date or an interval in the month: refused', async (phrase, error) => {
    await expect(meaning(phrase)).rejects.toThrow(error);
  });
});

describe('the start or end of a month or quarter, the month said before it', () => {
  it.each([
    ['every month at the end', ['2026-12-31 09:00', '2027-01-31 09:00', '2027-02-28 09:00']],
    ['each month at the beginning', ['2027-01-01 09:00', '2027-02-01 09:00', '2027-03-01 09:00']],
    ['every month at the start at 8am', ['2027-01-01 08:00', '2027-02-01 08:00', '2027-03-01 08:00']],
    ['At the end of each quarter at 5 pm', ['2026-12-31 17:00', '2027-03-31 17:00', '2027-06-30 17:00']],
    ['every quarter at the end', ['2026-12-31 09:00', '2027-03-31 09:00', '2027-06-30 09:00']],
    ['at the beginning of the quarter at 9am', ['2027-01-01 09:00', '2027-04-01 09:00', '2027-07-01 09:00']],
  ])('%s', async (phrase, runs) => {
    expect(await localRuns(phrase, 'UTC', 3)).toEqual(runs);
  });

  it('the end is its last day, said', async () => {
    expect((await meaning('At the end of each quarter at 5 pm')).notes).toContain('read the end of the quarter as its last day; give the day to choose another');
  });

  it.each(['every day at the end', 'every week at the start'])('%s names no month: refused', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(/Could not understand/);
  });
});

describe("'minus' leaves days out as 'except' does", () => {
  it.each([
    ['Weekdays minus friday at 9 am', '0 9 * * 1-4'],
    ['every day minus weekends', '0 9 * * 1-5'],
  ])('%s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe('a date in digits after every', () => {
  it.each([
    ['every 5/5 at 7', '0 7 5 5 *', ["read '7' as 07:00; write '7 pm' or 19:00 for the evening"]],
    ['every 12/25', '0 9 25 12 *', []],
    ['every 25/12 at 8am', '0 8 25 12 *', ["read '25/12' with the day first (25 December), as 25 is no month"]],
    ['every 5/6', '0 9 6 5 *', ["read '5/6' with the month first (May 6); write '5 june' for June 5"]],
  ])('%s is that date each year', async (phrase, cron, notes) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
    expect(read.notes).toEqual(notes);
  });

  it('two of them are both', async () => {
    expect(await localRuns('every 1/30 and 9/30 at noon', 'UTC', 3)).toEqual(['2027-01-30 12:00', '2027-09-30 12:00', '2028-01-30 12:00']);
  });

  it.each(['every 13/13', 'every 3/4pm', 'every day 24/7', 'every day 12/1 through 12/24'])('%s is no date after every: refused', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(/Could not understand/);
  });

  it('a date in digits after a weekday is one instant, not a second rule', async () => {
    await expect(meaning('thursday, 12/10 at 2pm')).rejects.toThrow(/is one instant/);
  });

  it.each([
    ['every 1/2 hour', '*/30 * * * *'],
    ['every 1/4 hour', '*/15 * * * *'],
  ])('%s is a fraction of the hour, not a date', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe('every N of a weekday', () => {
  it.each([
    // Now: Thursday 3 December.
    ['every 3 fridays', ['2026-12-04 09:00', '2026-12-25 09:00', '2027-01-15 09:00']],
    ['every 2 mondays at 9am', ['2026-12-07 09:00', '2026-12-21 09:00', '2027-01-04 09:00']],
  ])('%s is that weekday of every Nth week, as "every other friday" is', async (phrase, runs) => {
    expect(await localRuns(phrase, 'UTC', 3)).toEqual(runs);
  });
});

describe("two letters of a day's name", () => {
  it("'every mo' could be Monday or a month: refused, where 'every 2 mo' is two months", async () => {
    await expect(meaning('every mo')).rejects.toThrow("'every mo' could be every Monday or every month");
    const read = await meaning('every 2 mo');
    expect(read.type === 'recurring' && read.cron_expression).toBe('0 9 1 */2 *');
  });
});

describe("'other than', 'apart from', 'besides' and 'except for' leave days out as 'except' does", () => {
  it.each([
    ['every weekday other than monday', '0 9 * * 2-5'],
    ['every day apart from sundays', '0 9 * * 1-6'],
    ['every day besides monday', '0 9 * * 0,2-6'],
    ['every day except for weekends', '0 9 * * 1-5'],
  ])('%s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe("'every second weekend' is every other weekend, as an ordinal before a week is", () => {
  it.each([
    ['every second weekend', 2],
    ['every 2nd weekend at 10am', 2],
    ['every third weekend', 3],
  ])('%s', async (phrase, weeks) => {
    const runs = (await meaning(phrase, 'UTC', 4)).next_runs.map((run) => Date.parse(run));
    // Saturday and Sunday, then the weekend `weeks` on.
    expect([runs[1]! - runs[0]!, runs[2]! - runs[0]!]).toEqual([86_400_000, weeks * 7 * 86_400_000]);
  });
});

describe("ice_cube's and rrule's text", () => {
  const utc = { now: NOW, zone: 'UTC' };
  const cronOf = async (phrase: string) => {
    const meaning = await meaningOfSchedule(phrase, utc, 2);
    return meaning.type === 'recurring' ? meaning.cron_expression : meaning.type;
  };
  it.each([
    ['Monthly on the 1st and 15th days of the month', '0 9 1,15 * *'],
    ['Hourly on the 15th minute of the hour', '15 * * * *'],
    ['Daily on the 10th hour of the day', '0 10 * * *'],
    ['Daily on the 10th and 14th hours of the day', '0 10,14 * * *'],
    ['Weekly on Tuesdays on the 10th hour of the day', '0 10 * * 2'],
    ['Daily on the 0th hour of the day', '0 0 * * *'],
  ])('%s', async (phrase, cron) => {
    expect(await cronOf(phrase)).toBe(cron);
  });

  it.each([
    ['Hourly on the 15th and 45th minutes of the hour', '15,45 * * * *'],
    ['Hourly on the 10th, 11th, 12th, 13th, 14th, and 15th minutes of the hour', '10-15 * * * *'],
  ])('several minutes of the hour are those minutes, never days of the month: %s', async (phrase, cron) => {
    expect(await cronOf(phrase)).toBe(cron);
  });

  it('a minute of the hour past 59 is refused as one', async () => {
    await expect(meaningOfSchedule('Hourly on the 15th and 75th minutes of the hour', utc, 2)).rejects.toThrow(/names minute 75, which is out of range \(0-59\)/);
  });

  it.each([
    ['hourly at 15 and 45 minutes past the hour', '15,45 * * * *'],
    ['every hour at 0 and 30 minutes past the hour', '*/30 * * * *'],
    ['every hour at 5 and 35 minutes past the hour on weekdays', '5,35 * * * 1-5'],
  ])('minutes an even step apart after an hourly rule are that rule said again: %s', async (phrase, cron) => {
    expect(await cronOf(phrase)).toBe(cron);
  });

  it('"every year in January on Monday" is each Monday of January, said', async () => {
    const meaning = await meaningOfSchedule('every year in January on Monday', utc, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('0 9 * 1 1');
    expect(meaning.notes).toContain("read 'every year in January on Monday' as every Monday in January");
  });

  it('"Yearly in January" is its 1st, said', async () => {
    const meaning = await meaningOfSchedule('Yearly in January', utc, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('0 9 1 1 *');
    expect(meaning.notes).toContain("read 'Yearly in January' as the 1st of January; name the day for another, such as 'january 15th'");
  });
});

describe('an interval said in hours and minutes', () => {
  // Task schedulers and duration fields write "1 hour 30 minutes", "1h30m": one interval, the minutes added to the hours.
  it.each([
    ['every 1 hour 30 minutes', '0 */3 * * * + 30 1-22/3 * * *'],
    ['every 1h30m', '0 */3 * * * + 30 1-22/3 * * *'],
    ['every one hour and thirty minutes', '0 */3 * * * + 30 1-22/3 * * *'],
    ['every hour and a half', '0 */3 * * * + 30 1-22/3 * * *'],
    ['every 1 hour and a half', '0 */3 * * * + 30 1-22/3 * * *'],
    ['every 1 hr 20 min', '0 */4 * * * + 20 1-21/4 * * * + 40 2-22/4 * * *'],
  ])('%s is %s', async (phrase, crons) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && (read.cron_expressions ?? [read.cron_expression]).join(' + ')).toBe(crons);
  });

  it.each([
    ['every 2 hours and 30 minutes', ['2026-12-03 17:46', '2026-12-03 20:16', '2026-12-03 22:46']],
    ['every hour and 15 minutes', ['2026-12-03 17:46', '2026-12-03 19:01', '2026-12-03 20:16']],
    ['every 2h 15m', ['2026-12-03 17:46', '2026-12-03 20:01', '2026-12-03 22:16']],
    ['every 3 hours 45 minutes from 9am to 9pm', ['2026-12-03 20:15', '2026-12-04 09:00', '2026-12-04 12:45']],
  ])('%s runs that far apart', async (phrase, expected) => {
    expect(await localRuns(phrase, 'UTC', 3)).toEqual(expected);
  });

  it.each(['every 2 hours and 90 minutes', 'every 2 hours 30 seconds'])('%s is refused', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(phrase);
  });
});

describe('alternating, as alternate', () => {
  it.each([
    ['alternating fridays', ['2026-12-04 09:00', '2026-12-18 09:00', '2027-01-01 09:00']],
    ['on alternating mondays at 10am', ['2026-12-07 10:00', '2026-12-21 10:00', '2027-01-04 10:00']],
    ['repeating every 2 weeks on thursday at 6pm', ['2026-12-03 18:00', '2026-12-17 18:00', '2026-12-31 18:00']],
  ])('%s is every other one', async (phrase, expected) => {
    expect(await localRuns(phrase, 'UTC', 3)).toEqual(expected);
  });
});

describe('a yearly rule with its date in digits', () => {
  it.each([
    ['every year on 12/25', '0 9 25 12 *'],
    ['each year on 4/15 at 9am', '0 9 15 4 *'],
    ['yearly on 12/25 at 8am', '0 8 25 12 *'],
    ['annually on 25/12', '0 9 25 12 *'],
    ['every year on 12/25 and 7/4', '0 9 4 7 * + 0 9 25 12 *'],
    ['on 12/25 every year', '0 9 25 12 *'],
    ['12/25 yearly at noon', '0 12 25 12 *'],
    ['every year, on 12/25', '0 9 25 12 *'],
  ])('%s is %s', async (phrase, crons) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && (read.cron_expressions ?? [read.cron_expression]).join(' + ')).toBe(crons);
  });

  it('says which order it read when both could be a month', async () => {
    expect((await meaning('annually on 7/4')).notes).toContain("read '7/4' with the month first (July 4); write '7 april' for April 7");
  });

  it.each(['every year on 13/13', 'every month on 12/25', '12/25 every week', 'on 12/25 every day'])('%s is refused', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(phrase);
  });
});

describe('a quarter of the hour said with "a"', () => {
  it.each([
    ['every hour at a quarter to', '45 * * * *'],
    ['every hour at a quarter past', '15 * * * *'],
    ['a quarter past every hour', '15 * * * *'],
    ['every 2 hours at a quarter past', '15 */2 * * *'],
  ])('%s is %s, as without "a"', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });
});

describe("Windows Task Scheduler's trigger summaries", () => {
  it.each([
    ['At 9:00 AM every Monday of every week', '0 9 * * 1'],
    ['At 9:00 AM every Monday, Wednesday, Friday of every week', '0 9 * * 1,3,5'],
    ['every tuesday of the week at 5pm', '0 17 * * 2'],
    ['At 3:00 AM on day 15 of January, April, July, October', '0 3 15 */3 *'],
    ['on day 1 of january at noon', '0 12 1 1 *'],
  ])('%s is %s', async (phrase, crons) => {
    const read = await meaning(phrase);
    expect(read.type === 'recurring' && (read.cron_expressions ?? [read.cron_expression]).join(' + ')).toBe(crons);
  });

  it('with its start it is a series from that day', async () => {
    expect(await localRuns('At 9:00 AM every Monday of every week, starting 12/14/2026', 'UTC', 2)).toEqual(['2026-12-14 09:00', '2026-12-21 09:00']);
  });

  it.each(['the first monday of every week', 'every other monday of the week', 'on day 30 of february'])('%s is refused', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(phrase);
  });
});
