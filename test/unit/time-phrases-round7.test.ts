import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Phrases from reminder and calendar tools (chat reminders, calendars' read-back
 * summaries, cron comments), as people type them. Sunday 2026-11-22, 10:00 in New York.
 */
const OPTIONS = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };

const once = async (phrase: string) => {
  const meaning = await meaningOfOnce(phrase, OPTIONS);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes };
};

const fires = async (phrase: string, count = 5) => (await meaningOfSchedule(phrase, OPTIONS, count)).next_runs_local.map((local) => local.slice(0, 16));

describe('an hour in words with a one-word minute is one clock ("eleven five" is 11:05)', () => {
  it.each([
    ['at eleven five', '2026-11-22 11:05'],
    ['tomorrow at seven five', '2026-11-23 07:05'],
    ['at nine five pm', '2026-11-22 21:05'],
    ['tonight at ten five', '2026-11-22 22:05'],
    ['friday at eleven-five am', '2026-11-27 11:05'],
    ['at eleven-oh-five', '2026-11-22 11:05'],
    ['at eleven 05', '2026-11-22 11:05'],
    ['at seven 05 tomorrow', '2026-11-23 07:05'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('says how it read a clock without am/pm', async () => {
    expect((await once('at eleven five')).notes.join(' ')).toMatch(/read 'eleven five' as 11:05/);
  });

  it('repeats the same way', async () => {
    expect(await fires('every weekday at nine five', 2)).toEqual(['2026-11-23 09:05', '2026-11-24 09:05']);
  });

  it('a day of a month after the hour stays a day', async () => {
    expect((await once('at ten 15 december')).at).toBe('2026-12-15 10:00');
  });

  it('a number that counts something after the hour stays a count', async () => {
    await expect(meaningOfSchedule('every day at seven five days a week', OPTIONS)).rejects.toThrow(/five days a week/);
  });
});

describe('"in the week after next" is the week after next, as "in" before "next week" is no other time', () => {
  it.each([
    ['in the week after next', '2026-12-06 09:00', /read 'the week after next' as Sun 6 Dec, two weeks from today/],
    ['in the week after next at 3pm', '2026-12-06 15:00', /two weeks from today/],
    ['in the month after next', '2027-01-22 09:00', /read 'the month after next' as Fri 22 Jan 2027, two months from today/],
    ['the month after next at noon', '2027-01-22 12:00', /two months from today/],
    ['in the year after next', '2028-11-22 09:00', /two years from today/],
  ])('%s', async (phrase, at, note) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes.join(' ')).toMatch(note);
  });

  it.each([
    ['in the week after next on monday', '2026-11-30 09:00'],
    ['friday in the week after next', '2026-12-04 09:00'],
    ['the week after next on tuesday at 4pm', '2026-12-01 16:00'],
  ])('%s: the day named in that week', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

const cron = async (phrase: string) => {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
  return { local: 'local_cron' in meaning ? meaning.local_cron : undefined, notes: meaning.notes.join(' ') };
};

describe('days joined by "+" or "plus" are a list, as with "and"', () => {
  it.each([
    ['every monday + thursday', '0 9 * * 1,4'],
    ['every mon+wed at 9am', '0 9 * * 1,3'],
    ['mondays + thursdays at 2pm', '0 14 * * 1,4'],
    ['every sat + sun at 10am', '0 10 * * 0,6'],
    ['mon + wed + fri at 9am', '0 9 * * 1,3,5'],
    ['every wednesday plus saturday at 7:30am', '30 7 * * 3,6'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });

  it('a day of the month after "+" is a union, as after "and"', async () => {
    expect(await fires('every monday + the 15th', 5)).toEqual(['2026-11-23 09:00', '2026-11-30 09:00', '2026-12-07 09:00', '2026-12-14 09:00', '2026-12-15 09:00']);
  });

  it('"plus" before anything but a day is still not understood', async () => {
    await expect(meaningOfSchedule('every monday plus 2 hours', OPTIONS)).rejects.toThrow(/did not understand 'plus'/);
  });
});

describe('"just" before days is "only"', () => {
  it.each([
    ['just weekdays at 9am', '0 9 * * 1-5'],
    ['just weekends at 10am', '0 10 * * 0,6'],
    ['just on mondays at 9am', '0 9 * * 1'],
    ['just tuesdays and thursdays at 3pm', '0 15 * * 2,4'],
    ['just every monday', '0 9 * * 1'],
    ['every day but just weekdays at 9am', '0 9 * * 1-5'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });
});

describe('two-letter weekdays joined by "and", side by side, or after "every"', () => {
  it.each([
    ['every tu. and thurs.', '0 9 * * 2,4'],
    ['every tu and th at 2pm', '0 14 * * 2,4'],
    ['tu. th. at 10am', '0 10 * * 2,4'],
    ['every mo. and fr.', '0 9 * * 1,5'],
    ['every fr and sa at 8pm', '0 20 * * 5,6'],
    ['every mon + we at 3pm', '0 15 * * 1,3'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });

  it('"every mo" alone could still be a month; "every th" alone is no day', async () => {
    await expect(meaningOfSchedule('every mo', OPTIONS)).rejects.toThrow(/could be every Monday or every month/);
    await expect(meaningOfSchedule('each tu at 3pm', OPTIONS)).rejects.toThrow(/did not understand 'tu'/);
  });
});

describe('"first thing" is the morning, as for one time', () => {
  it.each([
    ['first thing every morning', '0 9 * * *'],
    ['first thing every monday', '0 9 * * 1'],
    ['first thing on weekdays', '0 9 * * 1-5'],
    ['first thing in the morning every day', '0 9 * * *'],
    ['every day first thing', '0 9 * * *'],
    ['first thing every monday morning', '0 9 * * 1'],
  ])('%s is %s, said', async (phrase, local) => {
    const read = await cron(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toMatch(/read 'first thing' as the morning.*09:00/);
  });

  it('a time given is kept', async () => {
    expect((await cron('first thing every weekday at 8am')).local).toBe('0 8 * * 1-5');
  });
});

describe('the start of every week is Monday, said; its end is not clear', () => {
  it.each(['start of every week', 'at the start of each week', 'beginning of every week', 'the start of the week', 'start of the work week'])('%s', async (phrase) => {
    const read = await cron(phrase);
    expect(read.local).toBe('0 9 * * 1');
    expect(read.notes).toMatch(/as Monday; name the day for another/);
  });

  it('with a time', async () => {
    expect((await cron('beginning of each week at 8:30am')).local).toBe('30 8 * * 1');
  });

  it('the end of the work week is Friday', async () => {
    expect((await cron('end of the workweek at 4pm')).local).toBe('0 16 * * 5');
  });

  it.each(['end of every week', 'at the end of each week at 5pm'])('%s is refused, saying why', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/which day ends a week is not clear/);
  });
});

describe('minutes past the hour in a list, then days or a window', () => {
  it.each([
    ['every hour at :05 and :35 on weekdays', '5,35 * * * 1-5'],
    ['hourly at :05 and :35 on mondays', '5,35 * * * 1'],
    ['every hour at :05, :25 and :45 on weekends', '5,25,45 * * * 0,6'],
    ['every hour at :00 and :30 in december', '*/30 * * 12 *'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });

  it('a window ends at its last fire inside it', async () => {
    expect(await fires('every hour at :20 and :50 on weekdays between 8am and 6pm', 2)).toEqual(['2026-11-23 08:20', '2026-11-23 08:50']);
    const meaning = await meaningOfSchedule('every hour at :05 and :35 between 9am and 5pm on weekdays', OPTIONS, 20);
    expect(meaning.next_runs_local.map((local) => local.slice(11, 16))).not.toContain('17:05');
    expect(meaning.next_runs_local[15]!.slice(0, 16)).toBe('2026-11-23 16:35');
  });
});

describe('an interval within one hour of the day ("in the 9am hour")', () => {
  it.each([
    ['every minute in the 9am hour', '* 9 * * *'],
    ['every minute during the 5pm hour', '* 17 * * *'],
    ['every 5 minutes in the noon hour', '*/5 12 * * *'],
    ['every minute in the midnight hour', '* 0 * * *'],
    ['every 15 minutes in the 3pm hour on fridays', '*/15 15 * * 5'],
    ["every 10 minutes in the 9 o'clock hour", '*/10 9 * * *'],
    ['every 5 minutes in the 9am and 5pm hours', '*/5 9,17 * * *'],
    ['every 5 minutes in the 9am hour and the 5pm hour', '*/5 9,17 * * *'],
    ['every 10 minutes in the 9am hour, and the 2pm hour', '*/10 9,14 * * *'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });

  it('never passes the hour', async () => {
    const meaning = await meaningOfSchedule('every 20 minutes in the 11pm hour', OPTIONS, 4);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2026-11-22 23:00', '2026-11-22 23:20', '2026-11-22 23:40', '2026-11-23 23:00']);
  });
});

describe('the first or last N days of every month', () => {
  it.each([
    ['the first 3 days of every month', '0 9 1-3 * *'],
    ['first 10 days of each month', '0 9 1-10 * *'],
    ['the first two days of every month at noon', '0 12 1,2 * *'],
    ['the first 3 days of every quarter', '0 9 1-3 */3 *'],
    ['the first 3 days of january', '0 9 1-3 1 *'],
    ['every day for the first 3 days of the month', '0 9 1-3 * *'],
    ['every day at 9am for the first 5 days of every month', '0 9 1-5 * *'],
    ['every hour in the first 2 days of the month', '0 * 1,2 * *'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });

  it.each([
    ['the last 3 days of every month', ['2026-11-28 09:00', '2026-11-29 09:00', '2026-11-30 09:00', '2026-12-29 09:00']],
    ['the last 2 days of each month at 5pm', ['2026-11-29 17:00', '2026-11-30 17:00', '2026-12-30 17:00', '2026-12-31 17:00']],
  ])('%s', async (phrase, expected) => {
    expect(await fires(phrase, 4)).toEqual(expected);
  });
});

describe('"except on the weekend" is "except weekends"', () => {
  it.each([
    ['every day at 9am except on the weekend', '0 9 * * 1-5'],
    ['every day except on the weekend', '0 9 * * 1-5'],
    ['daily at 8am except on the weekends', '0 8 * * 1-5'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });
});

describe('calendars\' "week(s)", "month(s)" are the plural', () => {
  it.each([
    ['Every 1 week(s) on Monday', '0 9 * * 1'],
    ['Every 1 month(s) on day 1', '0 9 1 * *'],
    ['Every 15 minute(s)', '*/15 * * * *'],
    ['Every 1 week(s) on Monday, Wednesday, Friday at 9:00 AM', '0 9 * * 1,3,5'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });

  it('a step that needs a series is one', async () => {
    expect(await fires('Every 2 week(s) on Tuesday, Thursday', 4)).toEqual(['2026-11-24 09:00', '2026-11-26 09:00', '2026-12-08 09:00', '2026-12-10 09:00']);
  });

  it('one time too', async () => {
    expect((await once('in 2 day(s)')).at).toBe('2026-11-24 10:00');
  });
});

describe('days "in the morning and evening": each part of the day on those days, as "every morning and evening"', () => {
  it.each([
    ['every day in the morning and evening', '0 9,18 * * *'],
    ['every day in the morning and in the evening', '0 9,18 * * *'],
    ['every weekday in the morning and afternoon', '0 9,15 * * 1-5'],
    ['mondays in the morning and evening', '0 9,18 * * 1'],
    ['weekends in the morning and evening', '0 9,18 * * 0,6'],
    ['daily in the morning and evening', '0 9,18 * * *'],
  ])('%s is %s, said', async (phrase, local) => {
    const read = await cron(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toMatch(/read 'morning' as 09:00/);
  });
});

describe('holidays and seasons are refused saying why', () => {
  it.each(['every weekday at 9 except holidays', 'every day except bank holidays', 'every weekday excluding public holidays at 9am'])('%s', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/holidays are not known/);
  });

  it.each(['every weekday in summer', 'every day in winter at 7', 'every monday in the fall', 'every spring'])('%s', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/a season's dates are not clear/);
  });

  it('one time too', async () => {
    await expect(meaningOfOnce('next summer', OPTIONS)).rejects.toThrow(/a season's dates are not clear/);
  });
});

describe('the end of a week as an end is its Sunday, as "next week" is read, said', () => {
  it.each(['every day until end of week', 'every day at 9am until the end of the week'])('%s', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/has no run left before its end, .*: today's run, at 09:00 EST, has passed/);
  });
});

describe('the first or last N weekdays (business days) of every month', () => {
  it.each([
    ['the first 3 weekdays of every month', ['2026-12-01 09:00', '2026-12-02 09:00', '2026-12-03 09:00', '2027-01-01 09:00', '2027-01-04 09:00']],
    ['the first 2 business days of each month at 8am', ['2026-12-01 08:00', '2026-12-02 08:00', '2027-01-01 08:00', '2027-01-04 08:00', '2027-02-01 08:00']],
    ['the last 2 business days of the month', ['2026-11-27 09:00', '2026-11-30 09:00', '2026-12-30 09:00', '2026-12-31 09:00', '2027-01-28 09:00']],
    ['the last 3 weekdays of every month at 5pm', ['2026-11-26 17:00', '2026-11-27 17:00', '2026-11-30 17:00', '2026-12-29 17:00', '2026-12-30 17:00']],
  ])('%s', async (phrase, expected) => {
    expect(await fires(phrase, 5)).toEqual(expected);
  });
});

describe('"at :05 and :35 past every hour"', () => {
  it.each([
    ['at :05 past every hour', '5 * * * *'],
    ['at :05 and :35 past every hour', '5,35 * * * *'],
    ['at :05 and :35 past every hour on weekdays', '5,35 * * * 1-5'],
    ['on weekdays at :05 and :35 past every hour', '5,35 * * * 1-5'],
    ['at :15, :30 and :45 past each hour', '15,30,45 * * * *'],
    ['at :20 past every hour between 9am and 5pm', '20 9-16 * * *'],
  ])('%s is %s', async (phrase, local) => {
    expect((await cron(phrase)).local).toBe(local);
  });
});

describe('days said before a list of minutes with a window are never dropped from a minute', () => {
  it.each(['mondays every hour at :05 and :35 from 9 to 5', 'on weekdays at :05 and :35 past every hour from 9am to 5pm'])('%s', async (phrase) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 10).catch(() => undefined);
    // Refused, or read on those days alone: never a fire on Sunday 22 November.
    for (const local of meaning?.next_runs_local ?? []) expect(local.slice(0, 10)).not.toBe('2026-11-22');
  });
});
