import { describe, expect, it } from 'vitest';
import { meaningOfSchedule } from '../../src/time/index';

/*
 * Rules joined by "and" fire on every part (time-language.md, "More than one
 * cron, and series"): a set of crons when each part is one, else a series.
 * A part is never dropped. Zone UTC, now Wednesday 2026-12-02 11:00.
 */
const NOW = Date.parse('2026-12-02T11:00:00Z');
const runs = async (phrase: string, count = 6) => {
  const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, count);
  return { type: meaning.type, runs: meaning.next_runs.map((iso) => iso.slice(0, 16)) };
};

describe('unions joined by and', () => {
  it("days said last are the last rule's alone, and a rule before it that names no days runs every day, said", async () => {
    const read = await meaningOfSchedule('every morning and every evening on weekdays', { now: NOW, zone: 'UTC' }, 2);
    expect(read.type === 'recurring' && read.cron_expressions).toEqual(['0 9 * * *', '0 18 * * 1-5']);
    expect(read.notes).toContain("read 'on weekdays' as the days of the last rule alone, said with it; the rules before it run every day: to give them those days too, say them with each");
    const ranged = await meaningOfSchedule('every morning and every evening from monday to friday', { now: NOW, zone: 'UTC' }, 2);
    expect(ranged.notes.some((note) => note.startsWith("read 'from monday to friday' as the days of the last rule alone"))).toBe(true);
    const only = await meaningOfSchedule('every morning and every evening on weekdays only', { now: NOW, zone: 'UTC' }, 2);
    expect(only.notes.some((note) => note.startsWith("read 'on weekdays only' as the days of the last rule alone"))).toBe(true);
    // "every day" names its days: nothing to say.
    const daily = await meaningOfSchedule('every day at 9am and every evening on mondays', { now: NOW, zone: 'UTC' }, 2);
    expect(daily.notes.some((note) => note.includes('the days of the last rule alone'))).toBe(false);
  });

  it.each([
    ['every 15th and last day of the month', 'series', ['2026-12-15T09:00', '2026-12-31T09:00', '2027-01-15T09:00', '2027-01-31T09:00', '2027-02-15T09:00', '2027-02-28T09:00']],
    ['on the 1st and last at 8am', 'series', ['2026-12-31T08:00', '2027-01-01T08:00', '2027-01-31T08:00', '2027-02-01T08:00']],
    ['every 10th and last friday of the month', 'series', ['2026-12-10T09:00', '2026-12-25T09:00', '2027-01-10T09:00', '2027-01-29T09:00']],
    ['every monday and the last day of the month at 5pm', 'series', ['2026-12-07T17:00', '2026-12-14T17:00', '2026-12-21T17:00', '2026-12-28T17:00', '2026-12-31T17:00', '2027-01-04T17:00']],
    ['every first monday and the 20th at 10am', 'series', ['2026-12-07T10:00', '2026-12-20T10:00', '2027-01-04T10:00', '2027-01-20T10:00']],
    ['every monday and the 1st', 'series', ['2026-12-07T09:00', '2026-12-14T09:00', '2026-12-21T09:00', '2026-12-28T09:00', '2027-01-01T09:00', '2027-01-04T09:00']],
    ['every year on december 21st and 31st', 'recurring', ['2026-12-21T09:00', '2026-12-31T09:00', '2027-12-21T09:00', '2027-12-31T09:00']],
    ['every year on march 3rd, 10th and 17th at 8pm', 'recurring', ['2027-03-03T20:00', '2027-03-10T20:00', '2027-03-17T20:00', '2028-03-03T20:00']],
    // A day said first, then "and every ...": a rule of its own, as the other way round. A weekday that is
    // also the day of the month would fire two crons at once, so these are series.
    ['the 1st and every friday', 'series', ['2026-12-04T09:00', '2026-12-11T09:00', '2026-12-18T09:00', '2026-12-25T09:00', '2027-01-01T09:00']],
    ['15th and every monday at 8am', 'series', ['2026-12-07T08:00', '2026-12-14T08:00', '2026-12-15T08:00', '2026-12-21T08:00']],
    ['march 1st and every june 5th', 'recurring', ['2027-03-01T09:00', '2027-06-05T09:00', '2028-03-01T09:00']],
    // Each part keeps its own time, whichever kind of day it names (they fired at both times on every day).
    ['first monday of the month at 9am and every friday at 5pm', 'series', ['2026-12-04T17:00', '2026-12-07T09:00', '2026-12-11T17:00', '2026-12-18T17:00']],
    ['last friday of the month at 5pm and every monday at 9am', 'series', ['2026-12-07T09:00', '2026-12-14T09:00', '2026-12-21T09:00', '2026-12-25T17:00', '2026-12-28T09:00']],
    ['first monday of the month at 9am and the 15th at 5pm', 'series', ['2026-12-07T09:00', '2026-12-15T17:00', '2027-01-04T09:00', '2027-01-15T17:00']],
    ['first monday at 9am and fridays at 5pm', 'series', ['2026-12-04T17:00', '2026-12-07T09:00', '2026-12-11T17:00']],
    ['march 1st at 9am and june 5th at 5pm', 'recurring', ['2027-03-01T09:00', '2027-06-05T17:00', '2028-03-01T09:00']],
    // Days with an "every" of their own after a week interval are a weekly rule of their own, not more of the interval's days.
    ['every other monday and every friday at 9am', 'series', ['2026-12-04T09:00', '2026-12-07T09:00', '2026-12-11T09:00', '2026-12-18T09:00', '2026-12-21T09:00', '2026-12-25T09:00']],
    ['every 2 weeks on monday and every friday', 'series', ['2026-12-04T09:00', '2026-12-07T09:00', '2026-12-11T09:00', '2026-12-18T09:00', '2026-12-21T09:00', '2026-12-25T09:00']],
    ['every other monday and friday', 'series', ['2026-12-04T09:00', '2026-12-14T09:00', '2026-12-18T09:00', '2026-12-28T09:00']],
    // Days said after the second time are that time's, as before it.
    ['weekdays at 9am and at 11am on weekends', 'recurring', ['2026-12-03T09:00', '2026-12-04T09:00', '2026-12-05T11:00', '2026-12-06T11:00']],
    ['first and last day of the month', 'series', ['2026-12-31T09:00', '2027-01-01T09:00', '2027-01-31T09:00']],
    ['the last of each month at 5pm', 'series', ['2026-12-31T17:00', '2027-01-31T17:00', '2027-02-28T17:00']],
    ['every weekday 8am to 5pm on the hour', 'recurring', ['2026-12-02T12:00', '2026-12-02T13:00', '2026-12-02T14:00']],
    ['once a year on the fourth thursday in november', 'series', ['2027-11-25T09:00', '2028-11-23T09:00']],
    ['every hour at min 11', 'recurring', ['2026-12-02T11:11', '2026-12-02T12:11', '2026-12-02T13:11']],
    // Hours and minutes said apart ("9 30") are one clock; a list of hours needs a comma or "and".
    ['every day at 9 30 and 5 15', 'recurring', ['2026-12-02T17:15', '2026-12-03T09:30', '2026-12-03T17:15']],
    ['every day at 10 15 and 20', 'recurring', ['2026-12-02T20:00', '2026-12-03T10:15', '2026-12-03T20:00']],
  ])('%s', async (phrase, type, expected) => {
    const meaning = await runs(phrase, expected.length);
    expect(meaning.type).toBe(type);
    expect(meaning.runs).toEqual(expected);
  });

  it.each([
    ['every month on the 2nd last friday', ['2026-12-18T09:00', '2027-01-22T09:00', '2027-02-19T09:00']],
    ['second to last tuesday of every month at 3pm', ['2026-12-22T15:00', '2027-01-19T15:00', '2027-02-16T15:00']],
    ['every day from the 25th to the last', ['2026-12-25T09:00', '2026-12-26T09:00', '2026-12-27T09:00']],
    ['on days 1, 15 at noon', ['2026-12-15T12:00', '2027-01-01T12:00', '2027-01-15T12:00']],
    ['every 27 at 6pm', ['2026-12-27T18:00', '2027-01-27T18:00']],
  ])('day-of-month wordings: %s', async (phrase, expected) => {
    expect((await runs(phrase, expected.length)).runs).toEqual(expected);
  });

  it.each(['15th and every june', 'the 15th and every june at noon'])('%s joins a month alone, which names no days: refused, never read as June 15th', async (phrase) => {
    await expect(runs(phrase)).rejects.toThrow(/joins a month to days with 'and every', and names no days in it/);
  });

  it.each(['every day in june and the 15th', 'the 15th and every day in june', 'daily and on mondays'])(
    '%s joins every day to days in one rule: refused, never narrowed to those days',
    async (phrase) => {
      await expect(runs(phrase)).rejects.toThrow(/joins every day to some days with 'and'/);
    },
  );

  it.each(['the 1st and every 2 hours', 'every hour and the 1st', 'every 30 minutes and the 15th at 9am', 'every 15 minutes and on weekends', 'the 10th and hourly'])(
    '%s joins an interval to days: refused, never narrowed to the interval on those days',
    async (phrase) => {
      await expect(runs(phrase)).rejects.toThrow(/joins every (?:\d+ )?(?:hour|minute)s? to some days with 'and'/);
    },
  );

  it.each(['every day at 9am and every 2 hours', 'every 2 hours and every day at 9am', 'every day at 9:10 and every 30 minutes', 'every weekday at 8am and every 15 minutes'])(
    '%s joins an interval to a time of day: refused in either order, never the interval moved onto that time',
    async (phrase) => {
      await expect(runs(phrase)).rejects.toThrow(/joins an interval to another rule with 'and'/);
    },
  );

  it('an interval on named days after another rule keeps its own clock, not the time said before it', async () => {
    const meaning = await meaningOfSchedule('every monday at 9am and every 2 hours on fridays', { now: NOW, zone: 'UTC' }, 1);
    expect(meaning.type === 'recurring' && meaning.cron_expressions).toEqual(['0 9 * * 1', '0 */2 * * 5']);
  });

  it.each([
    ['every day at noon and at 6pm on fridays', ['0 12 * * *', '0 18 * * 5']],
    ['daily at 9am and at 5pm on fridays', ['0 9 * * *', '0 17 * * 5']],
    ['at 9am every day and at 5pm on fridays', ['0 9 * * *', '0 17 * * 5']],
    ['every day at 9am, and at 5pm on fridays', ['0 9 * * *', '0 17 * * 5']],
    ['at noon daily and 6pm fridays', ['0 12 * * *', '0 18 * * 5']],
    ['every day at 9am and at 5pm every friday', ['0 9 * * *', '0 17 * * 5']],
    ['at 5pm on fridays and at noon every day', ['0 17 * * 5', '0 12 * * *']],
    ['at 9am on weekdays and at noon every day', ['0 9 * * 1-5', '0 12 * * *']],
    ['every day at 8am and at 8pm on sundays', ['0 8 * * *', '0 20 * * 0']],
    ['at 7am every day and at 9pm on saturdays and sundays', ['0 7 * * *', '0 21 * * 0,6']],
    ['daily at 6am and at 6pm on weekdays', ['0 6 * * *', '0 18 * * 1-5']],
    ['at 9pm every day and 9am on weekdays', ['0 21 * * *', '0 9 * * 1-5']],
    ['every day at 8am and at 6pm on the 1st', ['0 8 * * *', '0 18 1 * *']],
    ['daily at 9am and at 3pm in december', ['0 9 * * *', '0 15 * 12 *']],
    ['every day at 9am in december and at 5pm in january', ['0 9 * 12 *', '0 17 * 1 *']],
  ])("%s: every day's part keeps its days and times beside the part with days of its own", async (phrase, crons) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expressions).toEqual(crons);
  });

  it.each([
    ['every day at 9am and 5pm on weekdays', '0 9,17 * * 1-5'],
    ['every day at 9am and 3pm in december', '0 9,15 * 12 *'],
    ['at 9am and at 5pm on weekdays', '0 9,17 * * 1-5'],
  ])("%s: days or months after a list of times not restated are the whole rule's, as before", async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it.each(['every weekday at 9 except mondays at 10', 'every day at 9am except sundays and weekdays at 5pm'])(
    '%s gives the days left out a time of their own: refused, never fired at both times',
    async (phrase) => {
      await expect(runs(phrase)).rejects.toThrow(/gives a time before 'except' and another after it/);
    },
  );

  it.each([
    ['every day except sunday at 9am', ['2026-12-03T09:00', '2026-12-04T09:00', '2026-12-05T09:00', '2026-12-07T09:00']],
    ['every weekday at 9am except friday at 9am', ['2026-12-03T09:00', '2026-12-07T09:00']],
  ])('%s: one time for the rule, after the exception or said again, is read', async (phrase, expected) => {
    expect((await runs(phrase, expected.length)).runs).toEqual(expected);
  });

  it.each(['every every 30 minutes', 'each every day at 9am', 'every each monday'])('%s says "every" twice: refused, naming the word', async (phrase) => {
    await expect(runs(phrase)).rejects.toThrow(/Could not understand the schedule: .* \(stopped at '(?:every|each)'\)/);
  });

  it('a day from the end never passes the month: the 25th to the last is 25 to 28 in February', async () => {
    const meaning = await runs('every day from the 25th to the last', 20);
    expect(meaning.runs.filter((run) => run.startsWith('2027-02'))).toEqual(['2027-02-25T09:00', '2027-02-26T09:00', '2027-02-27T09:00', '2027-02-28T09:00']);
  });
});

describe('rules side by side', () => {
  it.each([
    [
      'every weekday at 9am and the 15th at noon',
      [
        '2026-12-03T09:00',
        '2026-12-04T09:00',
        '2026-12-07T09:00',
        '2026-12-08T09:00',
        '2026-12-09T09:00',
        '2026-12-10T09:00',
        '2026-12-11T09:00',
        '2026-12-14T09:00',
        '2026-12-15T09:00',
        '2026-12-15T12:00',
      ],
    ],
    ['weekdays at 8am and weekends', ['2026-12-03T08:00', '2026-12-04T08:00', '2026-12-05T08:00']],
    ['daily at 9am and weekly on friday at 5pm', ['2026-12-03T09:00', '2026-12-04T09:00', '2026-12-04T17:00', '2026-12-05T09:00']],
    ['every monday at 5pm and the last day of the month', ['2026-12-07T17:00', '2026-12-14T17:00', '2026-12-21T17:00', '2026-12-28T17:00', '2026-12-31T17:00']],
  ])('%s fires on every part, each at its own time', async (phrase, expected) => {
    expect((await runs(phrase, expected.length)).runs).toEqual(expected);
  });

  it.each(['every 5 minutes and every monday at 9am', 'every day at 9am or 10am'])('%s is refused, never folded into one rule', async (phrase) => {
    await expect(runs(phrase)).rejects.toThrow(phrase);
  });

  // RFC 5545's "every Tuesday, every other month" means Tuesdays in every other month; a union fired on the 1st of those months as well.
  it.each([
    ['every tuesday and every 2 weeks', /joins 'every other week' to another rule/],
    ['every tuesday and every other month', /joins 'every other month' to another rule/],
    ['every 15th, yearly', /joins 'every year' to another rule/],
  ])('%s: a rule without days beside another is refused, never a union with days nobody named', async (phrase, reason) => {
    await expect(runs(phrase)).rejects.toThrow(reason);
  });

  // After a comma, a month step narrows the rule before it to the months cron's step names (cronstrue writes `*/3` so), said in a note.
  it.each([
    ['every tuesday, every other month', '0 9 * */2 2', 'January, March, May, July, September and November'],
    ['every friday, every 3 months', '0 9 * */3 5', 'January, April, July and October'],
  ])('%s: the days before it, in the months of the step', async (phrase, cron, months) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toContain(`after a comma as ${months}, as cron's`);
  });
});

describe('a clock alone under --cron, and minute offsets', () => {
  it.each([
    ['at noon', ['2026-12-02T12:00', '2026-12-03T12:00'], "read 'at noon' as every day at 12:00"],
    ['at 3', ['2026-12-02T15:00', '2026-12-03T15:00'], "read '3' as 15:00"],
  ])('%s is every day, with a note', async (phrase, expected, note) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, 2);
    expect(meaning.next_runs.map((iso) => iso.slice(0, 16))).toEqual(expected);
    expect(meaning.notes.join('\n')).toContain(note);
  });

  it.each([
    ['every 2 hours at minute 30', 'UTC', ['30 */2 * * *']],
    ['every 15 minutes starting at minute 1', 'UTC', ['1-46/15 * * * *']],
    ['every hour at minute 11', 'UTC', ['11 * * * *']],
    // A half-hour zone: minute 30 on the user's clock is minute 0 in UTC.
    ['every 2 hours at minute 30', 'Asia/Kolkata', ['0 1-23/2 * * *']],
  ])('%s in %s', async (phrase, zone, crons) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone }, 2);
    expect(meaning.type === 'recurring' ? (meaning.cron_expressions ?? [meaning.cron_expression]) : []).toEqual(crons);
  });
});

describe('a start, end or count inside the phrase', () => {
  const series = async (phrase: string, count = 10) => {
    // Wednesday 11:00 in New York.
    const meaning = await meaningOfSchedule(phrase, { now: Date.parse('2026-12-02T16:00:00Z'), zone: 'America/New_York' }, count);
    return { type: meaning.type, runs: meaning.next_runs_local.map((local) => local.slice(0, 16)) };
  };
  it.each([
    ['every weekday at 8am until dec 4', ['2026-12-03 08:00', '2026-12-04 08:00']],
    ['daily at 9am for 3 days', ['2026-12-03 09:00', '2026-12-04 09:00', '2026-12-05 09:00']],
    ['every tuesday 3 times', ['2026-12-08 09:00', '2026-12-15 09:00', '2026-12-22 09:00']],
    ['every monday at 10am for 4 weeks', ['2026-12-07 10:00', '2026-12-14 10:00', '2026-12-21 10:00', '2026-12-28 10:00']],
    ['every day at 9 until friday', ['2026-12-03 09:00', '2026-12-04 09:00']],
    ['every friday starting december 11 for 2 weeks', ['2026-12-11 09:00', '2026-12-18 09:00']],
    ['every 3 days at 8am starting dec 10 until dec 20', ['2026-12-10 08:00', '2026-12-13 08:00', '2026-12-16 08:00', '2026-12-19 08:00']],
    ['every hour for 3 hours', ['2026-12-02 12:00', '2026-12-02 13:00', '2026-12-02 14:00']],
    // An interval with its own start counts from it, not from the clock's even hours.
    ['every 2 hours starting dec 11 at 4pm until dec 12 at 2am', ['2026-12-11 16:00', '2026-12-11 18:00', '2026-12-11 20:00', '2026-12-11 22:00', '2026-12-12 00:00', '2026-12-12 02:00']],
    ['every tuesday until the end of the year', ['2026-12-08 09:00', '2026-12-15 09:00', '2026-12-22 09:00', '2026-12-29 09:00']],
    ['every 30 minutes for the next 2 hours', ['2026-12-02 11:30', '2026-12-02 12:00', '2026-12-02 12:30', '2026-12-02 13:00']],
    // Ends said before the rule; a start's weekday, then an end's.
    ['from dec 10 to dec 12 every day', ['2026-12-10 09:00', '2026-12-11 09:00', '2026-12-12 09:00']],
    ['from tomorrow every day at 9am until dec 5', ['2026-12-03 09:00', '2026-12-04 09:00', '2026-12-05 09:00']],
    ['every weekday starting monday until wednesday', ['2026-12-07 09:00', '2026-12-08 09:00', '2026-12-09 09:00']],
    // As calendars write ends, and a time after a count or a span.
    ['every monday x3', ['2026-12-07 09:00', '2026-12-14 09:00', '2026-12-21 09:00']],
    ['every monday at 9am x 2', ['2026-12-07 09:00', '2026-12-14 09:00']],
    ['every 15 minutes for a half hour', ['2026-12-02 11:15', '2026-12-02 11:30']],
    ['every monday, ends after 2 occurrences', ['2026-12-07 09:00', '2026-12-14 09:00']],
    ['every day as of dec 10 until dec 12', ['2026-12-10 09:00', '2026-12-11 09:00', '2026-12-12 09:00']],
    ['every day at 10am, starting dec 10 and ending dec 12', ['2026-12-10 10:00', '2026-12-11 10:00', '2026-12-12 10:00']],
    ['every day 3 times at 7pm', ['2026-12-02 19:00', '2026-12-03 19:00', '2026-12-04 19:00']],
    ['every day for the next 2 days at 7pm', ['2026-12-02 19:00', '2026-12-03 19:00']],
    // Halves: of an hour in minutes, of a day in hours, of a year in months.
    ['every 10 minutes for half an hour', ['2026-12-02 11:10', '2026-12-02 11:20', '2026-12-02 11:30']],
    ['every 30 minutes for an hour and a half', ['2026-12-02 11:30', '2026-12-02 12:00', '2026-12-02 12:30']],
    ['every 20 minutes for 1.5 hours', ['2026-12-02 11:20', '2026-12-02 11:40', '2026-12-02 12:00', '2026-12-02 12:20']],
    ['every 6 hours for a day and a half', ['2026-12-02 13:00', '2026-12-02 19:00', '2026-12-03 01:00', '2026-12-03 07:00', '2026-12-03 13:00', '2026-12-03 19:00']],
    ['every day at 10pm for 2 and a half days', ['2026-12-02 22:00', '2026-12-03 22:00', '2026-12-04 22:00']],
    // A start a whole number of days or weeks ahead is that day, as a date is (from now's 11:00 it left out the 09:00).
    ['every day at 9am starting in 2 days for 3 days', ['2026-12-04 09:00', '2026-12-05 09:00', '2026-12-06 09:00']],
    ['every weekday at 9am starting in 2 days 3 times', ['2026-12-04 09:00', '2026-12-07 09:00', '2026-12-08 09:00']],
    ['every 3 days starting in a week 3 times', ['2026-12-09 09:00', '2026-12-12 09:00', '2026-12-15 09:00']],
    ['every day at 9am starting in 1 day and 2 hours 2 times', ['2026-12-04 09:00', '2026-12-05 09:00']],
  ])('%s', async (phrase, expected) => {
    expect(await series(phrase)).toEqual({ type: 'series', runs: expected });
  });

  it('half a year is six months', async () => {
    const meaning = await meaningOfSchedule('every day for half a year', { now: Date.parse('2026-12-02T16:00:00Z'), zone: 'America/New_York' }, 2);
    expect(meaning.type === 'series' && meaning.until).toBe('2027-06-02T15:00:00.000Z');
  });

  it.each([
    ['monday through thursday at 8am', 'recurring'],
    ['every 30 minutes from 9am until 5pm', 'recurring'],
    ['every hour from 9 through 5 on weekdays', 'recurring'],
  ])('%s: a range of days or hours is not an end', async (phrase, type) => {
    expect((await series(phrase, 2)).type).toBe(type);
  });

  it("hours counted from now beside a rule's own start that is no time of day alone are refused, with the window to write instead", async () => {
    await expect(series('every 30 minutes after 3pm for 2 hours')).rejects.toThrow(/'for 2 hours' would count from now/);
  });

  it('an end before the start in its month is refused', async () => {
    await expect(series('every day starting dec 20 until dec 10')).rejects.toThrow(/ends before it starts/);
    await expect(series('starting in april, daily until march 2027')).rejects.toThrow(/ends before it starts/);
  });

  it.each([
    ['starting in april, daily until march', "read 'march' as Fri 31 Mar 2028, the first after the start", '2028-04-01T03:59:59.999Z'],
    ['daily starting april 2 until march 15', "read 'march 15' as Wed 15 Mar 2028, the first after the start", '2028-03-16T03:59:59.999Z'],
  ])('%s: an end said by its month without a year is the first after the start, said', async (phrase, note, until) => {
    const read = await meaningOfSchedule(phrase, { now: Date.parse('2026-12-02T16:00:00Z'), zone: 'America/New_York' }, 2);
    expect(read.notes).toContain(note);
    expect(read.type === 'series' && read.until).toBe(until);
  });

  it.each([
    // A time said with the start is the rule's own when the rule says none; a rule with its own time keeps it.
    ['every other friday starting dec 11 at 4pm', ['2026-12-11 16:00', '2026-12-25 16:00', '2027-01-08 16:00'], []],
    ['every monday starting tomorrow at 10am', ['2026-12-07 10:00', '2026-12-14 10:00', '2026-12-21 10:00'], []],
    ['starting dec 11 at 4pm every other friday', ['2026-12-11 16:00', '2026-12-25 16:00', '2027-01-08 16:00'], []],
    ['every 3 days starting dec 11 at 4pm', ['2026-12-11 16:00', '2026-12-14 16:00', '2026-12-17 16:00'], []],
    ['every day at 9am starting dec 11 at 4pm', ['2026-12-12 09:00', '2026-12-13 09:00', '2026-12-14 09:00'], []],
    // "next week", "next month" as a start: from the span's first day, said.
    ['every day starting next week', ['2026-12-07 09:00', '2026-12-08 09:00', '2026-12-09 09:00'], ["read 'next week' as from Mon 7 Dec"]],
    ['every monday at 9am for 3 weeks starting next week', ['2026-12-07 09:00', '2026-12-14 09:00', '2026-12-21 09:00'], ["read 'next week' as from Mon 7 Dec"]],
    ['starting next month every weekday at 9am', ['2027-01-01 09:00', '2027-01-04 09:00', '2027-01-05 09:00'], ["read 'next month' as from Fri 1 Jan"]],
    // A rule with its own time keeps it, however the time is written; the start's time stays the start's.
    [
      'every day 9.30 starting tomorrow at 10',
      ['2026-12-04 09:30', '2026-12-05 09:30', '2026-12-06 09:30'],
      ["read '9.30' as 09:30; write '9.30 pm' or 21:30 for the evening", "read '10' as 10:00; write '10 pm' or 22:00 for the evening"],
    ],
    ['every day 17h starting tomorrow at 9', ['2026-12-03 17:00', '2026-12-04 17:00', '2026-12-05 17:00'], ["read '9' as 09:00; write '9 pm' or 21:00 for the evening"]],
    [
      'three times a day starting tomorrow at 8',
      ['2026-12-03 08:00', '2026-12-03 14:00', '2026-12-03 20:00'],
      ["read '8' as 08:00; write '8 pm' or 20:00 for the evening", "read 'three times a day' as 08:00, 14:00 and 20:00; name the times to choose them, such as 'every day at 9am, 1pm and 5pm'"],
    ],
    [
      'every 2 hours starting next week at 9',
      ['2026-12-07 09:00', '2026-12-07 11:00', '2026-12-07 13:00'],
      ["read 'next week' as from Mon 7 Dec", "read '9' as 09:00; write '9 pm' or 21:00 for the evening"],
    ],
    // A note said twice is said once.
    ['every weekday at 10 starting jan 4 at 10', ['2027-01-04 10:00', '2027-01-05 10:00', '2027-01-06 10:00'], ["read '10' as 10:00; write '10 pm' or 22:00 for the evening"]],
    // Within this or next week or month.
    ['every day at 9am this week', ['2026-12-03 09:00', '2026-12-04 09:00', '2026-12-05 09:00'], ["read 'this week' as Mon 30 Nov to Sun 6 Dec"]],
    ['every monday next month', ['2027-01-04 09:00', '2027-01-11 09:00', '2027-01-18 09:00'], ["read 'next month' as Fri 1 Jan to Sun 31 Jan"]],
    // The span in the middle of the rule means the same.
    ['every weekday next week at 10am', ['2026-12-07 10:00', '2026-12-08 10:00', '2026-12-09 10:00'], ["read 'next week' as Mon 7 Dec to Sun 13 Dec"]],
    ['every day this week at 9am', ['2026-12-03 09:00', '2026-12-04 09:00', '2026-12-05 09:00'], ["read 'this week' as Mon 30 Nov to Sun 6 Dec"]],
    ['every monday next month at 8am', ['2027-01-04 08:00', '2027-01-11 08:00', '2027-01-18 08:00'], ["read 'next month' as Fri 1 Jan to Sun 31 Jan"]],
    // The notes of reading an end are said too.
    ['every weekday at 9am until next friday', ['2026-12-03 09:00', '2026-12-04 09:00'], ["read 'next friday' as Fri 4 Dec, in this week; write 'friday next week' for Fri 11 Dec"]],
  ])('%s', async (phrase, expected, notes) => {
    const meaning = await meaningOfSchedule(phrase, { now: Date.parse('2026-12-02T16:00:00Z'), zone: 'America/New_York' }, 3);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(expected);
    expect(meaning.notes).toEqual(notes);
  });
});

describe('a week interval beside a day a month has once', () => {
  // "weekly on the 15th" fired every Monday: the day of the month was dropped.
  it.each(['weekly on the 15th', 'every week on the 3rd at 9am', 'weekly day 3', 'once a week, day 3'])('%s is refused, never read as every Monday', async (phrase) => {
    await expect(runs(phrase)).rejects.toThrow(/says every week but names a day that comes once a month or once a year/);
  });

  it.each([
    ['weekly on monday', ['2026-12-07T09:00', '2026-12-14T09:00']],
    ['weekly in june', ['2027-06-07T09:00', '2027-06-14T09:00']],
  ])('%s still runs weekly', async (phrase, expected) => {
    expect((await runs(phrase, expected.length)).runs).toEqual(expected);
  });
});

describe('a year interval beside a day of the week', () => {
  // "yearly on monday" ran on 1 January: the weekday was dropped.
  it.each(['yearly on monday', 'every year on mondays', 'annually on weekdays'])('%s is refused, never read as 1 January', async (phrase) => {
    await expect(runs(phrase)).rejects.toThrow(/names a day of the week with an interval of years/);
  });

  it('with its months named, it is those weekdays of those months (as rrule reads it)', async () => {
    expect((await runs('yearly in june on mondays', 2)).runs).toEqual(['2027-06-07T09:00', '2027-06-14T09:00']);
  });

  it('a weekday counted in a month of the year is still read', async () => {
    expect((await runs('every year on the first monday of june', 2)).runs).toEqual(['2027-06-07T09:00', '2028-06-05T09:00']);
  });

  // They ran on the last Friday of January: a year's last is December's (rrule's yearly BYDAY=-1FR).
  it.each([
    ['every year on the last friday', ['2026-12-25T09:00', '2027-12-31T09:00', '2028-12-29T09:00']],
    ['every year on the last day', ['2026-12-31T09:00', '2027-12-31T09:00']],
    ['yearly on the last monday at 5pm', ['2026-12-28T17:00', '2027-12-27T17:00']],
    ['every year on the first and last monday', ['2026-12-28T09:00', '2027-01-04T09:00', '2027-12-27T09:00']],
  ])("%s: counted from the year's end, in December", async (phrase, expected) => {
    expect((await runs(phrase, expected.length)).runs).toEqual(expected);
  });

  it.each([
    ['every year on the last day', '0 9 31 12 *'],
    ['yearly on the 2nd to last day at 5pm', '0 17 30 12 *'],
  ])("%s: a day counted from the year's end is a date, one cron", async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, 1);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it("counted from the year's start it is January's, said", async () => {
    const meaning = await meaningOfSchedule('every year on the first monday', { now: NOW, zone: 'UTC' }, 2);
    expect(meaning.next_runs.map((iso) => iso.slice(0, 16))).toEqual(['2027-01-04T09:00', '2028-01-03T09:00']);
    expect(meaning.notes).toContain(
      "read 'every year on the first monday' as the first Monday of January, the year's first month; name the month for another, such as 'every year on the first monday of june'",
    );
  });
});

describe('parts that a rule dropped, now refused with the reason', () => {
  // "monthly on december 25" ran on the 1st of every month; "every 3 days on december 25" every 3 days.
  it.each(['monthly on december 25', 'every 3 days on december 25', 'every other week on december 25', 'every 2 months on december 25', 'quarterly on december 25', 'every week on december 25'])(
    '%s: a date beside a shorter interval',
    async (phrase) => {
      await expect(runs(phrase)).rejects.toThrow(/mixes an interval with dates/);
    },
  );

  it('a date every day or every year is still that date', async () => {
    expect((await runs('every day on december 25', 2)).runs).toEqual(['2026-12-25T09:00', '2027-12-25T09:00']);
    expect((await runs('yearly on december 25', 2)).runs).toEqual(['2026-12-25T09:00', '2027-12-25T09:00']);
  });

  // "twice a week on the 15th" overflowed the stack (a crash, exit 1).
  it.each([
    ['twice a week on the 15th', /says twice a week but names days of the month/],
    ['twice a month on mondays', /says twice a month but names days of the week/],
    ['twice a year on the first monday', /says twice a year but names weekdays counted in the month/],
  ])('%s: a count beside days of another kind', async (phrase, reason) => {
    await expect(runs(phrase)).rejects.toThrow(reason);
  });

  // "twice a day in the evening" ran at 09:00 and 21:00.
  it.each(['twice a day in the evening', 'twice daily at night'])('%s: a count of times beside a part of the day', async (phrase) => {
    await expect(runs(phrase)).rejects.toThrow(/which does not say when/);
  });
});

describe('a weekday list after a count, and ranges written with two dots', () => {
  // "2nd,third mon,wed,thu of march" fired on every Wednesday and Thursday in March.
  it.each([
    ['first monday and wednesday of the month', ['2026-12-07T09:00', '2027-01-04T09:00', '2027-01-06T09:00', '2027-02-01T09:00']],
    ['2nd,third mon,wed,thu of march 17:00', ['2027-03-08T17:00', '2027-03-10T17:00', '2027-03-11T17:00', '2027-03-15T17:00', '2027-03-17T17:00', '2027-03-18T17:00']],
    ['last friday and saturday of the month', ['2026-12-25T09:00', '2026-12-26T09:00', '2027-01-29T09:00', '2027-01-30T09:00']],
  ])('%s: the count goes with each weekday of the month', async (phrase, expected) => {
    expect((await runs(phrase, expected.length)).runs).toEqual(expected);
  });

  it.each(['first and third monday and friday', 'first monday and friday at 9am'])('%s is refused: without the month it may mean every Friday', async (phrase) => {
    await expect(runs(phrase)).rejects.toThrow(/does not say whether the count goes with each day/);
  });

  // "mon..fri at 04:15" ran on Monday and Friday only.
  it('mon..fri is Monday to Friday', async () => {
    expect((await runs('mon..fri at 04:15', 4)).runs).toEqual(['2026-12-03T04:15', '2026-12-04T04:15', '2026-12-07T04:15', '2026-12-08T04:15']);
  });
});

describe('months left out', () => {
  // "every month except december" was read as leaving out one day (1 December) and ran the next December.
  it.each([
    ['every month except december', ['12'], '0 9 1 1-11 *'],
    ['daily except december', ['12'], '0 9 * 1-11 *'],
    ['every weekday except in july and august', ['07', '08'], '0 9 * 1-6,9-12 1-5'],
    ['once a day on the 1st and 15th of every month except december', ['12'], '0 9 1,15 1-11 *'],
  ])('%s leaves those months out every year', async (phrase, left, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, 400);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.next_runs.filter((iso) => iso > '2027' && left.includes(iso.slice(5, 7)))).toEqual([]);
  });

  it('a day of a month is still one day left out', async () => {
    const meaning = await runs('every day except dec 25', 30);
    expect(meaning.type).toBe('series');
    expect(meaning.runs).not.toContain('2026-12-25T09:00');
    expect(meaning.runs).toContain('2026-12-26T09:00');
  });
});

/*
 * A set of crons joined by "and" never fires twice at one instant ("Never approximate"): a time
 * another part has on all its days is left to that part; parts that still meet on some days
 * (a weekday that is also a day of the month) are a series, each instant once.
 */
describe('unions that overlap fire once at each instant', () => {
  const crons = async (phrase: string) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'America/New_York' }, 12);
    return { type: meaning.type, crons: meaning.type === 'recurring' ? (meaning.cron_expressions ?? [meaning.cron_expression]) : [], runs: meaning.next_runs };
  };

  it.each([
    ['every day at 9am and weekdays at 9am', ['0 14 * * *']],
    ['weekdays at 9am and every day at 9am', ['0 14 * * *']],
    ['every weekday at 9am and every monday at 9am and 5pm', ['0 14 * * 1-5', '0 22 * * 1']],
    ['every day at 8am and 6pm and on weekends at 6pm', ['0 13,23 * * *']],
    ['on the 1st and 15th at noon and every 15th at noon', ['0 17 1,15 * *']],
  ])('%s: the covered part is dropped', async (phrase, expected) => {
    const meaning = await crons(phrase);
    expect(meaning.crons).toEqual(expected);
    expect(new Set(meaning.runs).size).toBe(meaning.runs.length);
  });

  it.each(['every monday and the 1st', 'on the 1st and 15th and every friday at 9am', 'every 15th and every friday'])(
    '%s: days that meet on some dates make a series, never two crons firing at once',
    async (phrase) => {
      const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'America/New_York' }, 40);
      expect(meaning.type).toBe('series');
      expect(meaning.type === 'series' && meaning.reason).toMatch(
        /cannot be written as a set of crons that fires once at a time: its part on .* and its part on .* both run at 09:00, so on a day that is both two crons would fire at once/,
      );
      expect(new Set(meaning.next_runs).size).toBe(meaning.next_runs.length);
    },
  );
});

describe('an open end in the phrase', () => {
  const options = { now: Date.parse('2026-12-02T16:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['every day forever', 'forever', '0 14 * * *'],
    ['every weekday at 9am until further notice', 'until further notice', '0 14 * * 1-5'],
    ['every monday, indefinitely', 'indefinitely', '0 14 * * 1'],
    ['daily at 8am from now on', 'from now on', '0 13 * * *'],
    ['every day at 5pm with no end date', 'with no end date', '0 22 * * *'],
    ['every friday until cancelled', 'until cancelled', '0 14 * * 5'],
    ['every monday, never ends', 'never ends', '0 14 * * 1'],
  ])('%s: the rule alone, said', async (phrase, said, cron) => {
    const meaning = await meaningOfSchedule(phrase, options, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toContain(`read '${said}' as no end`);
  });

  it.each([
    ['from now on every day at 9am', 'from now on', '0 14 * * *'],
    ['going forward, daily at 8am', 'going forward', '0 13 * * *'],
  ])('%s: said first, the same', async (phrase, said, cron) => {
    const meaning = await meaningOfSchedule(phrase, options, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toContain(`read '${said}' as no end`);
  });

  it.each(['every day for 3 days forever', 'every day until dec 30 indefinitely', 'every monday 4 times until further notice'])('%s: an end beside it is refused', async (phrase) => {
    await expect(meaningOfSchedule(phrase, options, 2)).rejects.toThrow(/gives an end and says it has none/);
  });
});

describe("days after every day's times", () => {
  const options = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  const said = (days: string) => `read '${days}' as the days of every time said before them`;
  it.each([
    ['daily at 9am and 5pm on fridays', '0 14,22 * * 5', 'fridays'],
    ['every day at 9am and 5pm on weekdays', '0 14,22 * * 1-5', 'weekdays'],
  ])('%s: the days of both times, said (some mean the first every day)', async (phrase, cron, days) => {
    const meaning = await meaningOfSchedule(phrase, options, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toContain(said(days));
  });

  it.each([
    ['daily at 9am and 3pm in december', '0 14,20 * 12 *'],
    ['every day at 9am and 3pm during december', '0 14,20 * 12 *'],
  ])('%s: the months of both times, said', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, options, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toContain("read 'december' as the months of every time said before it");
  });

  it.each(['every day at 9am on fridays', 'daily at 9am in december', 'daily at 9am and 5pm, weekdays only', 'every day monday until friday'])('%s: plain, no note of it', async (phrase) => {
    const meaning = await meaningOfSchedule(phrase, options, 2);
    expect(meaning.notes.join('\n')).not.toMatch(/as the (?:days|months) of every time said before/);
  });
});

describe('a time with days of the month after every day', () => {
  const options = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each(['every day at noon and at 6pm on the 1st', 'every day at noon and at 6pm on the first monday', 'every day at 9am and at 5pm on dec 25'])(
    '%s: more beside every day, said',
    async (phrase) => {
      const meaning = await meaningOfSchedule(phrase, options, 2);
      expect(meaning.notes.join('\n')).toMatch(/on the days said with it as more beside every day's/);
    },
  );
});

describe('several minutes past the hour', () => {
  const options = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['every hour at :15 and :45', '15,45 * * * *'],
    ['every hour at :15, :30 and :45', '15,30,45 * * * *'],
    ['hourly at 15, 30 and 45', '15,30,45 * * * *'],
    ['every hour at quarter past and quarter to', '15,45 * * * *'],
    ['every hour at 5 and 35 minutes past', '5,35 * * * *'],
    ['every weekday every hour at :15 and :45', '15,45 * * * 1-5'],
  ])('%s is %s on the clock', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, options, 2);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(cron);
  });

  it('a minute out of range among them is refused, naming it', async () => {
    await expect(meaningOfSchedule('every hour at :15 and :75', options, 2)).rejects.toThrow(/':75' is not a minute past the hour/);
  });
});
