import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Wordings other tools' suites and docs use that the readers left out before: crontab.guru's
 * hours counted on the 24-hour clock, times named by what happens then ("lunchtime",
 * "business hours"), weeks of the month, frequency words that mean two things, and days said
 * once under --cron. Now: Thursday 2026-12-03 17:45 UTC.
 */
const NOW = Date.parse('2026-12-03T17:45:00Z');
const meaning = (phrase: string, zone = 'UTC', count = 4) => meaningOfSchedule(phrase, { now: NOW, zone }, count);
const crons = async (phrase: string, zone = 'UTC') => {
  const read = await meaning(phrase, zone);
  expect(read.type).toBe('recurring');
  return read.type === 'recurring' ? (read.cron_expressions ?? [read.cron_expression]).join(' + ') : '';
};
const localRuns = async (phrase: string, zone = 'UTC', count = 4) => (await meaning(phrase, zone, count)).next_runs_local.map((local) => local.slice(0, 16));

describe("crontab.guru's hours counted on the 24-hour clock", () => {
  it.each([
    ['At minute 23 past every 2nd hour from 0 through 20.', '23 0-20/2 * * *'],
    ['at minute 30 past every 4th hour from 1 through 23', '30 1-21/4 * * *'],
    ['at minute 0 past every hour from 9 through 17', '0 9-17 * * *'],
    ['at minute 5 past every 3rd hour', '5 */3 * * *'],
    ['at every 15th minute past every hour from 9 through 17', '*/15 9-17 * * *'],
    ['at every minute past every hour from 9 through 17', '* 9-17 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });

  it('keeps the last hour of the range whole: 20:23 fires, as crontab.guru means', async () => {
    const runs = await localRuns('at minute 23 past every 2nd hour from 0 through 20', 'UTC', 6);
    expect(runs).toEqual(['2026-12-03 18:23', '2026-12-03 20:23', '2026-12-04 00:23', '2026-12-04 02:23', '2026-12-04 04:23', '2026-12-04 06:23']);
  });

  it('is read on the local clock in a zone', async () => {
    expect(await localRuns('at minute 23 past every 2nd hour from 0 through 20', 'America/New_York', 3)).toEqual(['2026-12-03 14:23', '2026-12-03 16:23', '2026-12-03 18:23']);
  });

  it.each([
    ['every 7th minute past every hour', '0-56/7 * * * *'],
    ['at every 7th minute past every hour from 9 through 17', '0-56/7 9-17 * * *'],
    ['every 7th minute past the hour on weekdays', '0-56/7 * * * 1-5'],
    ['at every 25th minute past every 3rd hour', '0,25,50 */3 * * *'],
  ])("%s: minutes 0, N, ... of each hour, as cron's */N is, with a note", async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
    expect((await meaning(phrase)).notes.join(' ')).toMatch(/of the hour, as cron's \*\/\d+ is \(\d+ minutes from :\d+ to :00\); write 'every \d+ minutes'/);
  });

  it.each([
    ['at every 15th minute past every 2nd hour', 'UTC', '*/15 */2 * * *'],
    ['every 15th minute past every other hour', 'UTC', '*/15 */2 * * *'],
    ['at every 15th minute past every 2nd hour from 8 through 18', 'UTC', '*/15 8-18/2 * * *'],
    ['at every 20th minute past every 3rd hour on monday', 'UTC', '*/20 */3 * * 1'],
    ['at every 15th minute past every 2nd hour', 'America/New_York', '*/15 1-23/2 * * *'],
    ['at every 15th minute past every 2nd hour', 'Asia/Kolkata', '30,45 */2 * * * + 0,15 1-23/2 * * *'],
    ['at every 10th minute past every hour', 'UTC', '*/10 * * * *'],
    ['every 5th minute of every hour', 'UTC', '*/5 * * * *'],
    ['at minute 5 past every hour', 'UTC', '5 * * * *'],
    ['at minute 5 past the hour', 'UTC', '5 * * * *'],
    ['minute 30 of every 2nd hour', 'UTC', '30 */2 * * *'],
  ])('%s in %s is %s', async (phrase, zone, cron) => {
    expect(await crons(phrase, zone)).toBe(cron);
  });

  it.each([
    // Its days of the week and months as ranges said with "from ... through": the rule's, not a start and an end.
    ['At 22:00 on every day-of-week from Monday through Friday.', '0 22 * * 1-5'],
    ['At minute 0 past every hour from 9 through 17 on every day-of-week from Monday through Friday.', '0 9-17 * * 1-5'],
    ['at 08:30 on every day-of-week from tuesday thru thursday', '30 8 * * 2-4'],
    ['At 12:00 in every month from January through June.', '0 12 * 1-6 *'],
    ['at 06:00 on monday in the month of march', '0 6 * 3 1'],
    // Its steps within named hours, and over some minutes of the hour.
    ['At every minute past hour 12.', '* 12 * * *'],
    ['at every 10th minute past hour 9 and 17', '*/10 9,17 * * *'],
    ['At every 5th minute from 0 through 30.', '0-30/5 * * * *'],
    ['at every 5th minute from 10 through 40 past every 2nd hour', '10-40/5 */2 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });

  it.each([
    ['At 00:00 on day-of-month 1 in every 3rd month.', '0 0 1 */3 *', 'January, April, July and October'],
    ['at 9am on the 15th in every 2nd month', '0 9 15 */2 *', 'January, March, May, July, September and November'],
  ])('%s is %s, its months named in a note', async (phrase, cron, months) => {
    expect(await crons(phrase)).toBe(cron);
    expect((await meaning(phrase)).notes.join(' ')).toContain(`as ${months}, as cron's`);
  });

  it.each([
    // Hours "from ... through ..." then one day or month (crontab.guru says "on Monday" of `* * * * 1`): the rule's hours on it, never an end.
    ['At every 15th minute past every hour from 9 through 17 on Monday.', '*/15 9-17 * * 1'],
    ['At minute 0 past every 2nd hour from 8 through 18 on Monday.', '0 8-18/2 * * 1'],
    ['At minute 0 past every 2nd hour from 8 through 18 in June.', '0 8-18/2 * 6 *'],
    ['every hour from 9 through 17 on friday', '0 9-17 * * 5'],
    ['every hour from 9am through 5pm on friday', '0 9-17 * * 5'],
  ])('%s is %s, not a series ending on that day', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });

  it('a range of weekdays with "from" is the rule on any day it is said, never one week', async () => {
    const sunday = await meaningOfSchedule('At 22:00 on every day-of-week from Monday through Friday.', { now: Date.parse('2027-03-07T19:00:00Z'), zone: 'UTC' }, 6);
    expect(sunday.type).toBe('recurring');
    expect(sunday.next_runs_local.at(-1)).toBe('2027-03-15 22:00 UTC');
  });

  it('fires in the hours it names only', async () => {
    expect(await localRuns('at every 15th minute past every 2nd hour', 'America/New_York', 6)).toEqual([
      '2026-12-03 14:00',
      '2026-12-03 14:15',
      '2026-12-03 14:30',
      '2026-12-03 14:45',
      '2026-12-03 16:00',
      '2026-12-03 16:15',
    ]);
  });

  it('refuses a window in each hour joined to another rule, which would be joined to the last window alone', async () => {
    await expect(meaning('at every 30th minute past every 4th hour on monday and at noon')).rejects.toThrow(/cannot be joined to another rule/);
  });
});

describe('lunchtime: 12:00, with a note', () => {
  it.each([
    ['every day at lunchtime', '0 12 * * *'],
    ['every weekday at lunch', '0 12 * * 1-5'],
    ['mondays at lunch time', '0 12 * * 1'],
  ])('%s is %s, noted', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
    expect((await meaning(phrase)).notes.join(' ')).toMatch(/as 12:00; give the time for another/);
  });

  it.each([
    ['tomorrow at lunchtime', '2026-12-04 12:00 UTC'],
    ['lunch on friday', '2026-12-04 12:00 UTC'],
  ])('one time: %s is %s, noted', async (phrase, local) => {
    const read = await meaningOfOnce(phrase, { now: NOW, zone: 'UTC' });
    expect(read.local).toBe(local);
    expect(read.notes.join(' ')).toMatch(/as 12:00/);
  });

  it.each([
    ['friday at 4 after lunch', '2026-12-04 16:00 UTC', "read '4 after lunch' as 4 in the afternoon"],
    ['friday at 4:30 after lunch', '2026-12-04 16:30 UTC', "read '4:30 after lunch' as 4:30 in the afternoon"],
    ['friday at 10 past lunch', '2026-12-04 12:10 UTC', "read 'lunch' as 12:00"],
    ['friday at 11 before lunch', '2026-12-04 11:00 UTC', "read '11 before lunch' as 11 in the morning"],
    ['friday 10 minutes after lunch', '2026-12-04 12:10 UTC', "read 'lunch' as 12:00"],
  ])('an hour before or after lunch is of the morning or the afternoon, noted; minutes are from noon: %s', async (phrase, local, note) => {
    const read = await meaningOfOnce(phrase, { now: NOW, zone: 'UTC' });
    expect(read.local).toBe(local);
    expect(read.notes.join(' ')).toContain(note);
  });

  it.each([
    ['friday at 1 before lunch', "'1 before lunch' is no hour of the morning"],
    ['friday at 9 after lunch', "'9 after lunch' is no hour of the afternoon"],
    ['friday at 7 before lunch', "'7 before lunch' is no hour of the morning"],
  ])('an hour on the wrong side of lunch is refused: %s', async (phrase, message) => {
    await expect(meaningOfOnce(phrase, { now: NOW, zone: 'UTC' })).rejects.toThrow(message);
  });
});

describe('business hours: a window of 09:00 to 17:00, Monday to Friday, with a note', () => {
  it.each([
    ['every hour during business hours', '0 9-17 * * 1-5'],
    ['hourly during office hours', '0 9-17 * * 1-5'],
    ['every 30 minutes during business hours', '*/30 9-16 * * 1-5 + 0 17 * * 1-5'],
    ['every 15 minutes during working hours', '*/15 9-16 * * 1-5 + 0 17 * * 1-5'],
  ])('%s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
    expect((await meaning(phrase)).notes.join(' ')).toMatch(/as 09:00 to 17:00, Monday to Friday/);
  });

  it('the end is the last fire, never passed', async () => {
    const runs = await localRuns('every 30 minutes during business hours', 'America/New_York', 20);
    expect(runs.filter((run) => run.startsWith('2026-12-03')).at(-1)).toBe('2026-12-03 17:00');
    expect(runs.some((run) => run.endsWith('17:30'))).toBe(false);
  });

  it('keeps days the phrase names itself', async () => {
    expect(await crons('every saturday every hour during business hours')).toBe('0 9-17 * * 6');
    expect((await meaning('every saturday every hour during business hours')).notes.join(' ')).not.toMatch(/Monday to Friday/);
  });

  it.each(['business hours', 'during business hours', 'every hour outside business hours', 'every hour after business hours'])(
    '%s is refused (a window needs an interval; no other side is guessed)',
    async (phrase) => {
      await expect(meaning(phrase)).rejects.toThrow(phrase);
    },
  );
});

describe('weeks of the month: days 1-7, 8-14, 15-21, 22-28, with a note', () => {
  it.each([
    ['first and third weeks of the month', '0 9 1-7,15-21 * *'],
    ['every day in the second week of each month', '0 9 8-14 * *'],
    ['every day during the first week of the month at 8am', '0 8 1-7 * *'],
  ])('%s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
    expect((await meaning(phrase)).notes.join(' ')).toMatch(/as days [\d\- and]+ of the month/);
  });

  it('the last week of the month has no fixed days: refused', async () => {
    await expect(meaning('the last week of the month')).rejects.toThrow('the last week of the month');
  });

  it.each([
    ['every monday of the first and third weeks of the month', ['2026-12-07 09:00', '2026-12-21 09:00', '2027-01-04 09:00', '2027-01-18 09:00'], /as the 1st and 3rd Monday of the month/],
    ['every friday in the last week of the month', ['2026-12-25 09:00', '2027-01-29 09:00', '2027-02-26 09:00', '2027-03-26 09:00'], /as the last Friday of the month/],
    ['every tuesday during the second week of each month', ['2026-12-08 09:00', '2027-01-12 09:00', '2027-02-09 09:00', '2027-03-09 09:00'], /as the 2nd Tuesday of the month/],
  ])('a weekday in those weeks is that weekday counted in the month: %s', async (phrase, runs, note) => {
    expect(await localRuns(phrase)).toEqual(runs);
    expect((await meaning(phrase)).notes.join(' ')).toMatch(note);
  });
});

describe('frequency words that mean two things', () => {
  it.each([
    ['bimonthly', /every two months or twice a month/, /'every 2 months' or 'twice a month'/],
    ['bi-monthly at 9am', /every two months or twice a month/, /'every 2 months' or 'twice a month'/],
    ['biannually', /twice a year or every two years/, /'twice a year' or 'every 2 years'/],
  ])('%s is refused with both readings and what to write', async (phrase, why, instead) => {
    const error = (await meaning(phrase).then(
      () => new Error('accepted'),
      (e: unknown) => e,
    )) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(`'${phrase}' is ambiguous`);
    expect(error.message).toMatch(why);
    expect(error.hint).toMatch(instead);
  });

  it('biweekly is every 2 weeks, and the note names the other reading', async () => {
    const read = await meaning('biweekly on friday');
    expect(read.next_runs_local.map((run) => run.slice(0, 10))).toEqual(['2026-12-04', '2026-12-18', '2027-01-01', '2027-01-15']);
    expect(read.notes.join(' ')).toMatch(/as every 2 weeks; for twice a week write 'twice a week'/);
  });

  it.each([
    ['semimonthly', '0 9 1,15 * *'],
    ['semi-monthly at 10am', '0 10 1,15 * *'],
    ['semiweekly', '0 9 * * 1,4'],
  ])('%s is twice a month or week (%s), the days noted', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
    const notes = (await meaning(phrase)).notes.join(' ');
    expect(notes).toContain(`read '${phrase.split(' ')[0]}' as twice a`);
    expect(notes).toMatch(/name the days to choose them/);
  });
});

describe('days said once, under --cron', () => {
  it.each(['monday', 'on monday', 'monday at 9am', 'the 15th', 'march 1st'])('%s repeats, with a note saying so', async (phrase) => {
    const read = await meaning(phrase);
    expect(read.type).toBe('recurring');
    expect(read.notes.join(' ')).toMatch(/as repeating, each time it comes round/);
  });

  it.each(['every monday', 'mondays', 'weekdays'])('%s says it repeats: no note', async (phrase) => {
    expect((await meaning(phrase)).notes).toEqual([]);
  });

  it.each(['in june', 'every june', 'june through august'])('%s names no day in the month: refused', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(phrase);
  });

  it.each([
    ['at 00:05 in august', '5 0 * 8 *', 'August'],
    ['at 10:00 am, june through august', '0 10 * 6-8 *', 'June, July and August'],
    ['each december at 8am', '0 8 * 12 *', 'December'],
  ])('with a time, as cron describers write, %s is every day in the month (%s), noted', async (phrase, cron, months) => {
    expect(await crons(phrase)).toBe(cron);
    expect((await meaning(phrase)).notes.join(' ')).toContain(`as every day in ${months}; name the days for fewer`);
  });

  it.each([
    ['every day in june', '0 9 * 6 *'],
    ['monthly in june', '0 9 1 6 *'],
    ['every weekday in june', '0 9 * 6 1-5'],
  ])('a month with its days is read: %s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });
});

describe('a clock without am/pm beside one on the 24-hour clock is on that clock', () => {
  it.each([
    ['every hour between 7:00 and 22:00', '0 7-22 * * *', /read '7:00' as 07:00, on the 24-hour clock like '22:00'; write '7:00 pm' or 19:00 for the evening/],
    ['daily at 1:00 and 13:00', '0 1,13 * * *', /read '1:00' as 01:00/],
    ['twice daily at 1 and 13', '0 1,13 * * *', /read '1' as 01:00/],
    ['every day at 8:30 and 17:30', '30 8,17 * * *', /read '8:30' as 08:30/],
  ])('%s is %s, noted', async (phrase, cron, note) => {
    expect(await crons(phrase)).toBe(cron);
    expect((await meaning(phrase)).notes.join(' ')).toMatch(note);
  });

  it.each([
    ['every hour from 9 to 5', '0 9-17 * * *'],
    ['every day at 3 and 5pm', '0 15,17 * * *'],
  ])('without one, the rule still reads them: %s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });
});

describe('holidays on a fixed date, one time as well as repeating', () => {
  it.each([
    ['christmas eve at 8pm', '2026-12-24 20:00 UTC'],
    ['on christmas day at 9am', '2026-12-25 09:00 UTC'],
    ["new year's eve at 11pm", '2026-12-31 23:00 UTC'],
    ['new years day', '2027-01-01 09:00 UTC'],
    ['valentine’s day at noon', '2027-02-14 12:00 UTC'],
    ['halloween', '2027-10-31 09:00 UTC'],
    ['april fools day', '2027-04-01 09:00 UTC'],
    ["april fool's day at noon", '2027-04-01 12:00 UTC'],
    ["st patrick's day", '2027-03-17 09:00 UTC'],
    ['boxing day 10am', '2026-12-26 10:00 UTC'],
    ['valentines day at 7pm', '2027-02-14 19:00 UTC'],
    ['saint valentines day', '2027-02-14 09:00 UTC'],
    ["st valentine's day at 8pm", '2027-02-14 20:00 UTC'],
    ['all hallows eve', '2027-10-31 09:00 UTC'],
    ["all hallow's eve at 7pm", '2027-10-31 19:00 UTC'],
    ['new years', '2027-01-01 09:00 UTC'],
    ["new year's at noon", '2027-01-01 12:00 UTC'],
    ['by new years', '2027-01-01 09:00 UTC'],
    ['new years eve at 11pm', '2026-12-31 23:00 UTC'],
  ])('%s is %s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, { now: NOW, zone: 'UTC' })).local).toBe(local);
  });

  it.each([
    ["every st patrick's day at 9am", '0 9 17 3 *'],
    ['every valentines day', '0 9 14 2 *'],
    ['every april fools day at noon', '0 12 1 4 *'],
    ['every saint valentines day', '0 9 14 2 *'],
    ['every all hallows eve at 6pm', '0 18 31 10 *'],
    ['every new years at noon', '0 12 1 1 *'],
    ['every new years eve at 11pm', '0 23 31 12 *'],
  ])('repeating: %s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });
});

describe('a minute before the hour, and half past, beside an interval of hours', () => {
  it.each([
    ['every hour at quarter to', '45 * * * *'],
    ['at quarter to every hour', '45 * * * *'],
    ['every 2 hours at half past', '30 */2 * * *'],
    ['every 3 hours at 10 to the hour', '50 */3 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });

  it('a clock after it is still a time of day, refused beside an interval', async () => {
    await expect(meaning('every hour at quarter to 5')).rejects.toThrow(/gives a time of day \(16:45\) and an interval of hours/);
  });
});

describe('every 24 hours: once a day, the time it lands on said', () => {
  it.each(['every 24 hours', 'every 1440 minutes'])('%s is 00:00 UTC, noted', async (phrase) => {
    const read = await meaning(phrase, 'America/New_York');
    expect(read.type === 'recurring' && read.cron_expression).toBe('0 0 * * *');
    expect(read.notes.join(' ')).toMatch(/as once a day at 00:00 UTC, as an interval runs on the UTC clock/);
  });

  it('a start given says the time: no note', async () => {
    expect((await meaning('every 24 hours starting at 9am', 'America/New_York')).notes).toEqual([]);
  });
});

describe('mid-day, hyphenated, as midday', () => {
  it.each([
    ['mid-day tomorrow', '2026-12-04 12:00 UTC'],
    ['friday at mid-day', '2026-12-04 12:00 UTC'],
  ])('%s is %s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, { now: NOW, zone: 'UTC' })).local).toBe(local);
  });

  it('every day at mid-day is 0 12 * * *', async () => {
    expect(await crons('every day at mid-day')).toBe('0 12 * * *');
  });
});

describe('days counted before or after a date without a year: from its next occurrence', () => {
  // Monday 2027-03-08 03:40 UTC: last December is behind, the next one ahead.
  const MARCH = Date.parse('2027-03-08T03:40:00Z');
  it.each([
    ['2 days before december 25', '2027-12-23 09:00 UTC'],
    ['a week before dec 25', '2027-12-18 09:00 UTC'],
    ['the day after january 1st', '2028-01-02 09:00 UTC'],
    ['the day before christmas', '2027-12-24 09:00 UTC'],
    ['2 days before christmas', '2027-12-23 09:00 UTC'],
  ])('%s is %s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, { now: MARCH, zone: 'UTC' })).local).toBe(local);
  });
});

describe("a time said with a phrase's end is the rule's when the rule says none", () => {
  it.each([
    ['every monday until march 29 at 10am', ['2026-12-07 10:00', '2026-12-14 10:00', '2026-12-21 10:00']],
    ['every monday from jan 4 to march 29 at 10am', ['2027-01-04 10:00', '2027-01-11 10:00', '2027-01-18 10:00']],
    ['every weekday starting dec 7 until dec 18 at 4pm', ['2026-12-07 16:00', '2026-12-08 16:00', '2026-12-09 16:00']],
    ['every weekday between dec 7 and dec 18 at 9:30am', ['2026-12-07 09:30', '2026-12-08 09:30', '2026-12-09 09:30']],
  ])('%s fires at that time, noted', async (phrase, runs) => {
    expect(await localRuns(phrase, 'UTC', 3)).toEqual(runs);
    expect((await meaning(phrase)).notes.join(' ')).toMatch(/as running at [\d:]+[ap]m through .+; for an end at that time give the rule its own/);
  });

  it('the end is then that whole day: the last run is on it', async () => {
    const runs = await localRuns('every monday from jan 4 to march 29 at 10am', 'UTC', 30);
    expect(runs.at(-1)).toBe('2027-03-29 10:00');
    expect(runs).toHaveLength(13);
  });

  it.each([
    ['every monday at 9am until march 29 at 10am', '2026-12-07 09:00'],
    ['every 2 hours until friday at 5pm', '2026-12-03 18:00'],
  ])('a rule with its own time, or an interval, keeps the end as said: %s', async (phrase, first) => {
    expect((await localRuns(phrase, 'UTC', 1))[0]).toBe(first);
  });

  it('between two times is still a window', async () => {
    expect(await crons('every hour between 9am and 5pm')).toBe('0 9-17 * * *');
  });
});

describe('a rule, then two days of months, runs on the days from the first through the second', () => {
  it.each([
    ['daily jan 4 through jan 8', ['2027-01-04 09:00', '2027-01-05 09:00', '2027-01-06 09:00', '2027-01-07 09:00', '2027-01-08 09:00']],
    ['every day on jan 4 to jan 8 at 7am', ['2027-01-04 07:00', '2027-01-05 07:00', '2027-01-06 07:00', '2027-01-07 07:00', '2027-01-08 07:00']],
    ['every weekday dec 28 until jan 5', ['2026-12-28 09:00', '2026-12-29 09:00', '2026-12-30 09:00', '2026-12-31 09:00', '2027-01-01 09:00', '2027-01-04 09:00', '2027-01-05 09:00']],
    ['each day 4 jan - 6 jan', ['2027-01-04 09:00', '2027-01-05 09:00', '2027-01-06 09:00']],
  ])('%s', async (phrase, runs) => {
    expect(await localRuns(phrase, 'UTC', 10)).toEqual(runs);
  });

  it.each([
    [
      'every jan 4 through jan 8',
      5,
      "read 'every jan 4 through jan 8' as every day from jan 4 through jan 8, this time only; for those days every year, say 'every day in january from the 4th through the 8th'",
    ],
    ['each december 28th until january 2nd', 6, "read 'each december 28th until january 2nd' as every day from december 28th through january 2nd, this time only"],
  ])('bare "every" before them is every day, said: %s', async (phrase, runs, note) => {
    const read = await meaning(phrase, 'UTC', 10);
    expect(read.next_runs_local).toHaveLength(runs);
    expect(read.notes).toContain(note);
  });

  it.each([
    ['every year jan 4 through jan 8', '0 9 4-8 1 *'],
    ['annually from jan 4 to jan 8 at 7am', '0 7 4-8 1 *'],
    ['annual jan 4 through jan 8', '0 9 4-8 1 *'],
  ])('every year, they are days of that month: %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });

  it.each([
    ['daily jan 4 to jan 6, 2028', ['2028-01-04 09:00', '2028-01-05 09:00', '2028-01-06 09:00']],
    ['every jan 4 to jan 6 next year', ['2027-01-04 09:00', '2027-01-05 09:00', '2027-01-06 09:00']],
  ])("a year after them is both days' year: %s", async (phrase, runs) => {
    expect(await localRuns(phrase, 'UTC', 10)).toEqual(runs);
  });

  it('after "from", through the end of the month is the end of this one', async () => {
    expect((await localRuns('every day from the 28th through the end of the month', 'UTC', 10)).map((run) => run.slice(0, 10))).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  });
});

describe('days of the month in a list with a range, as cron describers write them, repeat every month', () => {
  it.each([
    ['at 8pm on days 1 and 22 through 28 of the month', '0 20 1,22-28 * *'],
    ['at 8pm on day 1 through 10 and 22 through 28 of the month', '0 20 1-10,22-28 * *'],
    ['at 8pm on days 1, 5 and 22 through 28', '0 20 1,5,22-28 * *'],
    ['at 8pm on day 1 through 10 and 20 through the last day of the month', '0 20 1-10,20-31 * *'],
    ['at 9am on the 5th and 25th through the end of the month', '0 9 5,25-31 * *'],
    ['on the 20th through the end of month at 9am', '0 9 20-31 * *'],
  ])('%s is %s', async (phrase, cron) => {
    expect(await crons(phrase)).toBe(cron);
  });

  it('until the end of the month is still an end', async () => {
    expect((await meaning('every monday until the end of the month', 'UTC', 10)).next_runs_local.map((local) => local.slice(0, 10))).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
  });
});

describe('a month with its year bounds the rule to that month', () => {
  it.each([
    ['every monday in january 2027', '2027-01-04 09:00', '2027-01-25 09:00', 4],
    ['every monday in january, 2027', '2027-01-04 09:00', '2027-01-25 09:00', 4],
    ['every day in december 2026', '2026-12-04 09:00', '2026-12-31 09:00', 28],
    // The month and year said inside the phrase, before its time or other words.
    ['every day in june 2027 at 8am', '2027-06-01 08:00', '2027-06-30 08:00', 30],
    ['every monday in march 2027 at 9am', '2027-03-01 09:00', '2027-03-29 09:00', 5],
    ['every weekday during february 2027 at 5pm', '2027-02-01 17:00', '2027-02-26 17:00', 20],
    ['every monday in 2027 at 9am', '2027-01-04 09:00', '2027-12-27 09:00', 52],
  ])('%s runs from %s to %s', async (phrase, first, last, count) => {
    const runs = await localRuns(phrase, 'UTC', 60);
    expect([runs[0], runs.at(-1), runs.length]).toEqual([first, last, count]);
  });

  it.each([
    ['every hour in july 2027', 'America/New_York', ['2027-07-01 00:00', '2027-07-01 01:00']],
    ['every monday in march 2027 at 9am', 'America/New_York', ['2027-03-01 09:00', '2027-03-08 09:00', '2027-03-15 09:00']],
    ['every day in june 2027 at 8am', 'Australia/Sydney', ['2027-06-01 08:00', '2027-06-02 08:00']],
  ])('%s in %s is on the local clock', async (phrase, zone, runs) => {
    expect(await localRuns(phrase, zone, runs.length)).toEqual(runs);
  });

  it('a year passed is refused wherever it is said', async () => {
    await expect(meaning('every day in june 2025 at 8am')).rejects.toThrow(/in the past: 2025 has ended/);
  });
});
