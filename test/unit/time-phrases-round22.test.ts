import { describe, expect, it } from 'vitest';
import { MONDAY_IN_NEW_YORK as OPTIONS, recurringReading as recurring } from '../helpers/phrase-readings';
import { meaningOfSchedule } from '../../src/time/index';

/* Recurring phrases left over from earlier rounds, and calendar apps' summaries. Monday 2026-12-07, 10:00 in New York. */

describe('every day beside one weekday: that day each week, or every day from it? Asked, not guessed', () => {
  it.each([
    ['daily sunday 4pm', 'Sunday'],
    ['daily monday', 'Monday'],
    ['daily on monday', 'Monday'],
    ['every day on friday', 'Friday'],
    ['everyday tuesday at 8am', 'Tuesday'],
    ['each day wednesday', 'Wednesday'],
    ['daily at 4pm on sunday', 'Sunday'],
  ])('%s', async (phrase, day) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`says every day and also ${day}: ${day} each week, or every day from ${day}?`);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining(`'every ${day.toLowerCase()}'`) });
  });

  it.each([
    ['daily mondays at 9', '0 9 * * 1', 'Mondays'],
    ['every day at 9am on fridays', '0 9 * * 5', 'Fridays'],
    ['daily at 4pm sundays', '0 16 * * 0', 'Sundays'],
  ])('the weekday said in the plural is that day each week, said: %s', async (phrase, local, days) => {
    const read = await recurring(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain(`as ${days} only`);
  });

  it.each([
    ['daily on weekdays', '0 9 * * 1-5'],
    ['daily mon-fri at 9am', '0 9 * * 1-5'],
    ['daily mon, wed and fri', '0 9 * * 1,3,5'],
    ['every day at 9am, only on mondays', '0 9 * * 1'],
  ])('a set of days, or days said with "only", narrow every day as before: %s', async (phrase, local) => {
    const read = await recurring(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).not.toContain('only; for every day');
  });
});

describe("'twice', 'once' or '1 time' after a rule: how often, or how many in all? Asked, as '3 times' there is a count", () => {
  it.each([
    ['every day twice', 2, 'every day'],
    ['every weekday twice', 2, 'every weekday'],
    ['daily thrice', 3, 'daily'],
    ['every monday at 9am twice', 2, 'every monday at 9am'],
  ])('%s', async (phrase, count, rule) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`'${phrase}' ends with '${phrase.split(' ').at(-1)}': ${count} runs on each of its days, or ${count} runs in all?`);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining(`for ${count} runs in all, '${rule} ${count} times'`) });
  });

  it.each([
    ['weekly 1 time', '1 time', 'weekly'],
    ['weekly once', 'once', 'weekly'],
    ['every day one time', 'one time', 'every day'],
  ])('%s', async (phrase, said, rule) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`ends with '${said}': '${rule}' already runs once each time it comes round`);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining(`To repeat it, write '${rule}'`) });
  });

  it.each([
    ['every day 3 times', /3 times/],
    ['every day 2 times', /2 times/],
  ])('a count in digits is still that many runs in all: %s', async (phrase, said) => {
    await expect(recurring(phrase)).rejects.toThrow(new RegExp(`gives its own start, end or count.*${said.source}`));
  });

  it('twice before what it counts is how often, as before', async () => {
    expect((await recurring('twice a day')).local).toBe('0 9,21 * * *');
  });
});

describe("a holiday left out with 'except' is its date, every year's, as 'except dec 25' is; one whose date moves is refused", () => {
  it.each([
    ['every day except christmas', '2026-12-25', 'December 25'],
    ['daily at 9am except xmas day', '2026-12-25', 'December 25'],
    ["every weekday except new year's day", '2027-01-01', 'January 1'],
    ['every day except on christmas eve', '2026-12-24', 'December 24'],
  ])('%s', async (phrase, skipped, date) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 30);
    expect(meaning.type).toBe('series');
    const days = meaning.next_runs_local.map((local) => local.slice(0, 10));
    expect(days).not.toContain(skipped);
    expect(days).toContain(days.includes('2026-12-23') ? '2026-12-23' : '2026-12-28');
    expect(meaning.notes.join(' ')).toContain(`as every year's ${date}`);
  });

  it('two holidays left out, each', async () => {
    const meaning = await meaningOfSchedule("every day except christmas and new year's day", OPTIONS, 30);
    const days = meaning.next_runs_local.map((local) => local.slice(0, 10));
    expect(days).not.toContain('2026-12-25');
    expect(days).not.toContain('2027-01-01');
    expect(days).toContain('2026-12-31');
  });

  it.each([
    ['every day except thanksgiving', 'november 25 2027'],
    ['every weekday at 9am except memorial day', 'may 31 2027'],
  ])('%s', async (phrase, date) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow('leaves out a holiday whose date moves from year to year');
    await expect(refusal).rejects.toMatchObject({ hint: `Give the date to leave out, such as 'except ${date}'.` });
  });
});

describe('the middle of the month leaves its day open: refused, saying how to repeat on a day', () => {
  it.each(['middle of the month', 'mid-month', 'midmonth', 'every mid-month at 9am', 'in the middle of each month', 'middle of every month at noon'])('%s', async (phrase) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(/^'[^']+': '(?:mid|middle)' in every month leaves the day open$/);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining("'every month on the 15th") });
  });

  it.each([
    ['every day at midnight', '0 0 * * *'],
    ['every day at midday', '0 12 * * *'],
  ])('"mid" in a time of day stays a time: %s', async (phrase, local) => {
    expect((await recurring(phrase)).local).toBe(local);
  });
});

describe('minutes past the hour after an interval of hours, with days after them: those days, at each minute (cron-descriptor)', () => {
  it.each([
    ['every 2 hours at :05 and :35 on weekdays', '5,35 */2 * * 1-5', ['2026-12-07 10:05', '2026-12-07 10:35', '2026-12-07 12:05']],
    ['every 2 hours at :05 and :35 on weekends', '5,35 */2 * * 0,6', ['2026-12-12 00:05', '2026-12-12 00:35', '2026-12-12 02:05']],
    ['every 3 hours at 15 and 45 minutes past the hour on mondays and fridays', '15,45 */3 * * 1,5', ['2026-12-07 12:15', '2026-12-07 12:45', '2026-12-07 15:15']],
  ])('%s', async (phrase, local, fires) => {
    const read = await recurring(phrase);
    expect(read.local).toBe(local);
    expect(read.fires).toEqual(fires);
  });
});

describe('minutes past the hour beside an interval of minutes: refused, saying what works', () => {
  it.each([
    ['every 90 minutes at :05 and :35', ':05 and :35', 'every 90 minutes'],
    ['every 30 minutes at :05 and :35', ':05 and :35', 'every 30 minutes'],
    ['every 15 minutes at :00, :20 and :40', ':00, :20 and :40', 'every 15 minutes'],
  ])('%s', async (phrase, minutes, every) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`'${phrase}' gives minutes past the hour (${minutes}) beside ${every}, which runs at minutes of its own`);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining(`'every hour at ${minutes}'`) });
  });

  it.each([
    ['every 90 minutes at :05', ':05'],
    ['every 45 minutes at :10', ':10'],
  ])('one minute: %s', async (phrase, minute) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`'${phrase}' gives a minute past the hour (${minute}) beside`);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining(`say 'every hour at ${minute}'`) });
  });
});

describe("'or' between the days of a rule that repeats is a union, as 'and' is, said", () => {
  it.each([
    ['every 1st or 15th', '0 9 1,15 * *'],
    ['monthly on the 1st or the 15th at 9am', '0 9 1,15 * *'],
    ['the 2nd of the month or the 20th at 8am', '0 8 2,20 * *'],
  ])('%s', async (phrase, local) => {
    const read = await recurring(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain("read 'or' between days as 'and': it runs on each day named");
  });

  it("a day of the month or a weekday meets 'and''s refusal, not 'or' unread", async () => {
    await expect(recurring('on day 2 of the month, or on Monday')).rejects.toThrow(
      /cannot be written as a set of crons that fires once at a time: its part on Mondays and its part on day 2 both run at 09:00/,
    );
  });

  it("days that do not repeat keep 'or' unread", async () => {
    await expect(recurring('the 1st of next month or the 15th')).rejects.toThrow(/did not understand 'or'/);
  });
});

describe('a rule with a word that is almost the one meant is refused with the words that work', () => {
  it.each([
    ['other day', 'every other day'],
    ['other day at 9am', 'every other day at 9am'],
    ['other week on friday', 'every other week on friday'],
  ])("'other' with no 'every': %s", async (phrase, instead) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`'${phrase}' starts with 'other' and no 'every'`);
    await expect(refusal).rejects.toMatchObject({ hint: `Write '${instead}'.` });
  });

  it.each([
    ['any weekend', 'every weekend'],
    ['any monday at 5pm', 'every monday at 5pm'],
  ])("'any' days: each, or one? %s", async (phrase, instead) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`'${phrase}' says 'any', which does not say whether each one or one of them`);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining(`For each, write '${instead}'`) });
  });

  it.each([
    ['one a day', 'once a day'],
    ['one per week at 9am', 'once per week at 9am'],
  ])("'one' for 'once': %s", async (phrase, meant) => {
    await expect(recurring(phrase)).rejects.toMatchObject({ hint: `Did you mean '${meant}'?` });
    expect((await recurring(meant)).local).not.toBeNull();
  });

  it.each(['twice a fortnight', '3 times a fortnight'])('a count in a fortnight names no days: %s', async (phrase) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(/says how many times a fortnight \(\d\) without the days/);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining("'every other week on monday and thursday'") });
  });
});

describe("a range of days in a month is those days, as a list of them is: each year's under --cron", () => {
  it.each([
    ['july 13-15', '0 9 13-15 7 *', '09:00'],
    ['every july 13 to 15', '0 9 13-15 7 *', '09:00'],
    ['every year on july 13 through 15', '0 9 13-15 7 *', '09:00'],
    ['every july 13th through 15th at 5pm', '0 17 13-15 7 *', '17:00'],
  ])('%s', async (phrase, local, time) => {
    const read = await recurring(phrase);
    expect(read.local).toBe(local);
    expect(read.fires).toEqual([`2027-07-13 ${time}`, `2027-07-14 ${time}`, `2027-07-15 ${time}`]);
  });

  it('two ranges in two months are a set', async () => {
    expect((await recurring('every year july 1-3 and december 24-26')).utc).toBe('0 13 1-3 7 * + 0 14 24-26 12 *');
  });

  it('after "from" the days stay a start and an end', async () => {
    expect((await recurring('every year from july 13 to july 15')).local).toBe('0 9 13-15 7 *');
  });
});

describe("'or' after the days a rule ends with joins a weekday, as 'and' does", () => {
  it('every 15th and the last day of the month or friday', async () => {
    const meaning = await meaningOfSchedule('every 15th and the last day of the month or friday', OPTIONS, 5);
    expect(meaning.type).toBe('series');
    expect(meaning.next_runs_local.map((local) => local.slice(0, 10))).toEqual(['2026-12-11', '2026-12-15', '2026-12-18', '2026-12-25', '2026-12-31']);
  });
});

describe("'or' after a time is not read as between days", () => {
  it('every monday at 9am or friday', async () => {
    await expect(recurring('every monday at 9am or friday')).rejects.toThrow(/did not understand 'or'/);
  });
});

describe('a day counted in the year, or the weekday nearest a day, is refused with what to write (cron-descriptor, Quartz)', () => {
  it.each([
    ['Yearly on the 30th day of the year', "a day counted through the year ('30th day') cannot be one cron, whose days are the month's: it is January 30th", "'every january 30th'"],
    ['the 5th day of every year at noon', 'it is January 5th', "'every january 5th'"],
  ])('%s', async (phrase, problem, instead) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(problem);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining(instead) });
  });

  it.each(['weekday nearest day 13', 'the nearest weekday to the 15th of every month', 'every month on the business day closest to the 1st'])('%s', async (phrase) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`'${phrase}' asks for the weekday nearest a day of the month, which moves from month to month`);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining("'first weekday of the month'") });
  });
});
