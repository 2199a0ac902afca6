import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Windows of hours (time-language.md, "Windows"): the end is the last fire;
 * a window with one bound runs from the day's start or to its end; a range of
 * hours alone is never one instant.
 */
const NOW = Date.parse('2026-12-02T16:00:00Z');
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];

/** The local clock times ("HH:MM") of a schedule's fires over its first few days, as a sorted set. */
async function localClocks(phrase: string, zone: string): Promise<string[]> {
  const meaning = await meaningOfSchedule(phrase, { now: NOW, zone }, 200);
  return [...new Set(meaning.next_runs_local.map((local) => local.slice(11, 16)))].sort();
}

const hours = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, k) => `${String(from + k * step).padStart(2, '0')}:00`);

describe('a window with one bound', () => {
  it.each(ZONES)('"after" runs to the end of the day, the start included (%s)', async (zone) => {
    expect(await localClocks('every hour after 5pm', zone)).toEqual(hours(17, 23));
    expect(await localClocks('every 2 hours after 6pm', zone)).toEqual(hours(18, 22, 2));
  });

  it.each(ZONES)('"before" runs from the day\'s start, the end left out (%s)', async (zone) => {
    expect(await localClocks('every hour before noon', zone)).toEqual(hours(0, 11));
    expect(await localClocks('every 3 hours before 9am', zone)).toEqual(hours(0, 6, 3));
    expect(await localClocks('every 1 hour after 2:00pm and before 7:00pm', zone)).toEqual(hours(14, 18));
    expect(await localClocks('every hour after 9pm and before midnight', zone)).toEqual(hours(21, 23));
  });

  it('says "before" leaves its end out', async () => {
    const meaning = await meaningOfSchedule('every 30 minutes from 9am before 5pm', { now: NOW, zone: 'UTC' });
    expect(meaning.notes).toContain("read 'before 5pm' as from 09:00 until 17:00, 17:00 left out");
  });

  it.each(ZONES)('"until" after a start closes the window there (%s)', async (zone) => {
    expect(await localClocks('every hour starting at 9am until 5pm', zone)).toEqual(hours(9, 17));
    expect(await localClocks('every 2 hours from 8am until 6pm', zone)).toEqual(hours(8, 18, 2));
  });

  it('says how it read the open end', async () => {
    const meaning = await meaningOfSchedule('every hour after 5pm', { now: NOW, zone: 'UTC' });
    expect(meaning.notes.join('\n')).toMatch(/from 17:00 to the end of the day/);
  });
});

describe('intervals that do not divide the day, inside a window', () => {
  it.each(ZONES)('fire from the start by the step, never past the end (%s)', async (zone) => {
    expect(await localClocks('every 7 hours from 9am to 11pm', zone)).toEqual(['09:00', '16:00', '23:00']);
    expect(await localClocks('every 45 minutes from 9am to 12pm', zone)).toEqual(['09:00', '09:45', '10:30', '11:15', '12:00']);
  });
});

describe('a window that needs more crons than a set holds', () => {
  it.each(ZONES)('is a series of the same local times each day (%s)', async (zone) => {
    const meaning = await meaningOfSchedule('every 50 minutes from 9am to 5pm', { now: NOW, zone }, 60);
    expect(meaning.type).toBe('series');
    const clocks = [...new Set(meaning.next_runs_local.map((local) => local.slice(11, 16)))].sort();
    expect(clocks).toEqual(['09:00', '09:50', '10:40', '11:30', '12:20', '13:10', '14:00', '14:50', '15:40', '16:30']);
  });
});

describe('a start and a window that disagree', () => {
  it('is refused, never settled by which came first', async () => {
    await expect(meaningOfSchedule('every 2 hours starting at 10am between 9am and 5pm', { now: NOW, zone: 'UTC' })).rejects.toThrow(/gives a start \(10:00\) and a window that starts at 09:00/);
  });
});

describe('a range of hours is not one instant', () => {
  it.each(['9 to 5', '8 till 6', 'tomorrow 9 to 5', 'friday 9 till 4', 'from 9 to 5', '11 to 3', '10 to 2', 'saturday 10 to 12'])('%s is refused as a range', async (phrase) => {
    const error = await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/range/);
  });

  it.each([
    ['ten to five', '16:50'],
    ['10 minutes to 5', '16:50'],
    ['quarter to 5', '16:45'],
    ['25 to 2', '13:35'],
    ['20 till 6', '17:40'],
    ['twenty to six', '17:40'],
    ['ten to one', '12:50'],
  ])('%s, with minutes as clocks are said, is a clock read by the am/pm rule on the time said', async (phrase, clock) => {
    const meaning = await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' });
    expect(meaning.local.slice(11, 16)).toBe(clock);
  });
});

describe('"until" a clock with no window opened', () => {
  it('ends the interval at the next such time', async () => {
    const meaning = await meaningOfSchedule('every 2 hours until 8pm', { now: NOW, zone: 'America/New_York' }, 50);
    expect(meaning.type).toBe('series');
    // 11:00 local now; every 2 hours on the UTC clock (even UTC hours are odd New York hours), the last at or before 20:00.
    expect(meaning.next_runs_local.map((local) => local.slice(11, 16))).toEqual(['13:00', '15:00', '17:00', '19:00']);
  });

  it('is refused when the end comes before the next run, the run today having passed', async () => {
    await expect(meaningOfSchedule('every day at 9am until 5pm', { now: NOW, zone: 'America/New_York' })).rejects.toThrow(/has no run left before its end, .*: today's run, at 09:00 EST, has passed/);
  });
});

describe('a start and an end said together', () => {
  it('"from jan 4 to march 25th" bounds the series on both sides, each day whole', async () => {
    const meaning = await meaningOfSchedule('mondays and thursdays from jan 4 to march 25th', { now: NOW, zone: 'America/New_York' }, 100);
    expect(meaning.type).toBe('series');
    expect(meaning.next_runs_local[0]!.slice(0, 10)).toBe('2027-01-04');
    expect(meaning.next_runs_local.at(-1)!.slice(0, 10)).toBe('2027-03-25');
    expect(meaning.next_runs_local).toHaveLength(24);
  });

  it.each(['every day from monday to friday', 'every day from june to august', 'every day from the 1st to the 15th'])('%s is a range of days, not a start and an end', async (phrase) => {
    expect((await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' })).type).toBe('recurring');
  });

  it.each([
    ['every wed from november until june', "read 'from november until june' as November to June of every year; to run once, give the first and last days with their years"],
    ['every day between march and may at 8am', "read 'between march and may' as March to May of every year; to run once, give the first and last days with their years"],
  ])("%s: months from one to another are every year's, said with the words for once", async (phrase, note) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type).toBe('recurring');
    expect(meaning.notes).toContain(note);
  });

  it('months said of every year: no note', async () => {
    const meaning = await meaningOfSchedule('every year from june to august on mondays', { now: NOW, zone: 'UTC' });
    expect(meaning.notes.join('\n')).not.toMatch(/of every year;/);
  });

  it("days of the month from one to another are every month's, said with the words for once", async () => {
    const meaning = await meaningOfSchedule('every day at noon from the 23rd to the 25th', { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('0 12 23-25 * *');
    expect(meaning.notes).toContain("read 'from the 23rd to the 25th' as days 23 to 25 of every month; to run them once, name their month, such as 'from january 23 until january 25'");
  });

  it.each(['every day from the 1st to the 5th of every month', 'daily from the 1st through the 5th each month', 'every month from the 1st to the 5th'])(
    '%s says every month itself: no note',
    async (phrase) => {
      const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
      expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('0 9 1-5 * *');
      expect(meaning.notes.join('\n')).not.toMatch(/of every month;/);
    },
  );

  it.each(['every day this month from the 23rd to the 25th', 'every day this month from the 23rd until the 25th', 'every day in december from the 23rd to the 25th'])(
    '%s: days within a month the phrase bounds or names, without the every-month note',
    async (phrase) => {
      const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, 10);
      expect(meaning.next_runs_local.map((local) => local.slice(0, 10))).toEqual([
        '2026-12-23',
        '2026-12-24',
        '2026-12-25',
        ...(phrase.includes('in december') ? ['2027-12-23', '2027-12-24', '2027-12-25', '2028-12-23', '2028-12-24', '2028-12-25', '2029-12-23'] : []),
      ]);
      expect(meaning.notes.join('\n')).not.toMatch(/of every month;/);
    },
  );

  it.each([
    ['every day from the 13th to the 15th of july', '0 9 13-15 7 *', "'from the 13th to the 15th of july' as July 13 to 15", 'july 13 until july 15'],
    ['every day from the 13th to the 15th july', '0 9 13-15 7 *', "'from the 13th to the 15th july' as July 13 to 15", 'july 13 until july 15'],
    ['every day between the 13th and the 15th of july at 8am', '0 8 13-15 7 *', "'between the 13th and the 15th of july' as July 13 to 15", 'july 13 until july 15'],
    ['every day in december from the 23rd to the 25th', '0 9 23-25 12 *', "'from the 23rd to the 25th' as December 23 to 25", 'december 23 until december 25'],
  ])("%s: a month's days said with the words for once come round every year, said", async (phrase, cron, read, once) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes).toEqual([`read ${read} of every year; to run them once, give each day its month, such as 'from ${once}'`]);
  });

  it('the same days with their month on each run once, without the note', async () => {
    const meaning = await meaningOfSchedule('every day from july 13 until july 15', { now: NOW, zone: 'UTC' });
    expect(meaning.type).toBe('series');
    expect(meaning.next_runs_local.map((local) => local.slice(0, 10))).toEqual(['2027-07-13', '2027-07-14', '2027-07-15']);
    expect(meaning.notes.join('\n')).not.toMatch(/of every year/);
  });

  it.each([
    'every year from the 13th to the 15th of july',
    'every july from the 13th to the 15th',
    'the 13th to the 15th of july',
    'every day from the 1st to the 5th of june and july',
    'every day from the 13th to the 15th of july until aug 1 2027',
  ])('%s says every year, names no one month, or is bounded: no every-year note', async (phrase) => {
    expect((await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' })).notes.join('\n')).not.toMatch(/of every year/);
  });

  it.each(['every day at 9am from the 1st to the 5th of december', 'every day from the 1st to the 5th in june'])('%s names the month: no note', async (phrase) => {
    expect((await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' })).notes.join('\n')).not.toMatch(/of every month;/);
  });

  it.each([
    ['every day from the 28th to the 2nd', '0 9 1,2,28-31 * *', "read 'from the 28th to the 2nd' as days 28 to the month's end and 1 to 2 of every month"],
    ['every day between the 25th and the 5th', '0 9 1-5,25-31 * *', "read 'between the 25th and the 5th' as days 25 to the month's end and 1 to 5 of every month"],
    ['every day from 30th through 1st', '0 9 1,30,31 * *', "read 'from 30th through 1st' as days 30 to the month's end and the 1st of every month"],
    ['the 29th to the 3rd of every month at 9am', '0 9 1-3,29-31 * *', "read 'the 29th to the 3rd' as days 29 to the month's end and 1 to 3"],
  ])("%s runs over the month's end: to it and on from the 1st, said, not two days", async (phrase, cron, note) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toContain(note);
  });

  it.each(['every day from the 28th to the 2nd of december', 'every december from the 28th to the 2nd'])("%s: over a month's end with a month named, refused", async (phrase) => {
    await expect(meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' })).rejects.toThrow(/runs over a month's end, and the phrase names a month/);
  });

  it.each(['every day between the 5th and the 5th', 'every day between 5th and 5th'])('%s is no span: refused', async (phrase) => {
    await expect(meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' })).rejects.toThrow(/is no span of days/);
  });

  it.each([
    ['every day from 23rd to 25th', '0 9 23-25 * *'],
    ['every day between 3rd and 7th at 8am', '0 8 3-7 * *'],
  ])('%s: days without "the", as with it', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toMatch(/of every month;/);
  });

  it('"every 3rd hour of the day" is no hour of the day: not read as 03:00', async () => {
    await expect(meaningOfSchedule('every 3rd hour of the day', { now: NOW, zone: 'UTC' })).rejects.toThrow(UsageError);
  });

  it.each([
    ['every day at 9am between march and may', '0 9 * 3-5 *'],
    ['every day between monday and friday', '0 9 * * 1-5'],
    ['every day between the 1st and the 5th', '0 9 1-5 * *'],
  ])('%s: "between" days, weekdays or months, as "from ... to"', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it('"until" after a day of the month ends there: one span', async () => {
    // Wednesday 2 December: the 23rd to the 25th of this month, then no more.
    const meaning = await meaningOfSchedule('every day from the 23rd until the 25th', { now: NOW, zone: 'America/New_York' }, 10);
    expect(meaning.type).toBe('series');
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2026-12-23 09:00', '2026-12-24 09:00', '2026-12-25 09:00']);
  });
});

describe('a start said first', () => {
  it.each([
    ['starting tomorrow on weekends', '2026-12-05'],
    ['beginning december 10 every friday', '2026-12-11'],
    ['starting next monday every day at 9am', '2026-12-07'],
  ])('%s starts there', async (phrase, first) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'America/New_York' }, 3);
    expect(meaning.type).toBe('series');
    expect(meaning.next_runs_local[0]!.slice(0, 10)).toBe(first);
  });
});

describe('a clock with zero seconds', () => {
  it.each([
    ['01:00:00 PM', '13:00'],
    ['tomorrow at 09:30:00', '09:30'],
  ])('%s', async (phrase, clock) => {
    expect((await meaningOfOnce(phrase, { now: NOW, zone: 'UTC' })).local.slice(11, 16)).toBe(clock);
  });

  it('seconds other than zero are kept, never rounded', async () => {
    expect((await meaningOfOnce('01:00:30 PM', { now: NOW, zone: 'UTC' })).scheduled_at_iso.slice(11, 19)).toBe('13:00:30');
  });
});

describe('a window end without am/pm never meets the start', () => {
  it.each([
    ['every hour from 7pm to 7', [...hours(0, 7), ...hours(19, 23)], "read '7' as 07:00; write '7 pm' or 19:00 for the evening"],
    ['every hour from 9pm to 5', [...hours(0, 5), ...hours(21, 23)], "read '5' as 05:00"],
    ['every 2 hours starting at 8pm until 8', [...hours(0, 8, 2), ...hours(20, 22, 2)], "read '8' as 08:00"],
  ])('%s runs overnight to the morning hour', async (phrase, expected, note) => {
    expect(await localClocks(phrase, 'UTC')).toEqual(expected);
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.notes.join('\n')).toContain(note);
  });

  it.each([
    ['every hour from 9 to 5', hours(9, 17)],
    ['every hour from 8 to 8', hours(8, 20)],
  ])('%s still ends in the afternoon when that is after the start', async (phrase, expected) => {
    expect(await localClocks(phrase, 'UTC')).toEqual(expected);
  });

  it.each(['every 15 minutes from 9am to 9am', 'every hour between 17:00 and 17:00', 'every 30 minutes from noon to 12pm'])('%s has no length: refused, never once a day', async (phrase) => {
    await expect(meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' })).rejects.toThrow(/gives a window that starts and ends at \d\d:\d\d, so it has no length/);
  });
});

describe('each cron of a window in a half-hour zone keeps its local cron', () => {
  it('every 30 minutes from 9 to 5 in Kolkata: each part says its local cron and is described on the local clock', async () => {
    const meaning = await meaningOfSchedule('every 30 minutes from 9 to 5', { now: NOW, zone: 'Asia/Kolkata' });
    if (meaning.type !== 'recurring') throw new Error(meaning.type);
    expect(meaning.crons?.map((part) => [part.cron_expression, part.local_cron])).toEqual([
      ['30 3-11 * * *', '0 9-17 * * *'],
      ['0 4-11 * * *', '30 9-16 * * *'],
    ]);
    expect(meaning.description).not.toContain('(UTC)');
  });
});

describe('windows one after another: each a rule of its own at the same interval', () => {
  const local = async (phrase: string) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    return { crons: meaning.type === 'recurring' ? (meaning.cron_expressions ?? [meaning.cron_expression]) : [], notes: meaning.notes };
  };

  it.each([
    ['every hour between 9 and 5 on weekdays and between 10 and 2 on saturdays', ['0 9-17 * * 1-5', '0 10-14 * * 6']],
    ['every hour between 9am and 5pm on weekdays, and from 10am to 2pm on saturdays', ['0 9-17 * * 1-5', '0 10-14 * * 6']],
    // A window that names no days runs on those of the one before it.
    ['every 15 minutes between 9am and 10am on mondays and between 3pm and 4pm', ['*/15 9,15 * * 1', '0 10,16 * * 1']],
    ['every 30 minutes from 9am to 11am and from 2pm to 4pm', ['*/30 9,10,14,15 * * *', '0 11,16 * * *']],
  ])('%s', async (phrase, crons) => {
    expect((await local(phrase)).crons).toEqual(crons);
  });

  it("days said only with the last window are every window's, said", async () => {
    const { crons, notes } = await local('every hour from 9am to 12pm and from 1pm to 5pm on weekdays');
    expect(crons).toEqual(['0 9-17 * * 1-5']);
    expect(notes).toContain("read the days said with the last window as the days of every window; to run a window every day, say 'every day' with it");
  });

  it('"every day" with a window is its days', async () => {
    expect((await local('every hour from 7am to 9am every day and from 1pm to 3pm on saturdays')).crons).toEqual(['0 7-9 * * *', '0 13-15 * * 6']);
  });

  it('a window after another that names no days takes its days, said', async () => {
    const { crons, notes } = await local('every hour from 1pm to 3pm on saturdays and from 7am to 9am');
    expect(crons).toEqual(['0 7-9,13-15 * * 6']);
    expect(notes).toContain("read a window that names no days as on the days of the window before it; to run a window every day, say 'every day' with it");
  });

  it.each([
    ['every hour at :15 from 9am to 11am and from 2pm to 4pm', ['15 9,10,14,15 * * *']],
    ['every 15 minutes after 9am and before 11am and after 2pm and before 4pm', ['*/15 9,10,14,15 * * *']],
    ['every hour from 9am to 11am and 2pm to 4pm', ['0 9-11,14-16 * * *']],
    ['every hour on mondays from 9am to 11am and on fridays from 2pm to 4pm', ['0 9-11 * * 1', '0 14-16 * * 5']],
  ])('%s: the second window keeps the rule\'s minute, and may be said as the first is or without "from"', async (phrase, crons) => {
    expect((await local(phrase)).crons).toEqual(crons);
  });
});

describe('"until", "till" and "til" close a window of bare hours as "to" does, whatever days follow', () => {
  const crons = async (phrase: string) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    return meaning.type === 'recurring' ? (meaning.cron_expressions ?? [meaning.cron_expression]) : [meaning.type];
  };

  it.each([
    ['every hour from 9 till 5 on saturdays', ['0 9-17 * * 6']],
    ['every hour from 8 until 6 on mondays', ['0 8-18 * * 1']],
    ['every 15 minutes from 9 until 5 on sundays', ['*/15 9-16 * * 0', '0 17 * * 0']],
    ['every hour from 9 until 5 on monday', ['0 9-17 * * 1']],
    ['every 2 hours from 8 until 8 on sundays', ['0 8-20/2 * * 0']],
    ['every hour from 9 til 5 on fridays', ['0 9-17 * * 5']],
  ])('%s', async (phrase, expected) => {
    const to = phrase.replace(/\b(?:until|till|til)\b/, 'to');
    expect(await crons(phrase)).toEqual(expected);
    expect(await crons(to)).toEqual(expected);
  });
});

describe('a bare hour that opens the phrase, before its days, is their time', () => {
  it.each([
    ['5 on saturdays', '0 17 * * 6', "read '5' as 17:00; write '5 am' or 05:00 for the morning"],
    ['9 on weekdays', '0 9 * * 1-5', "read '9' as 09:00; write '9 pm' or 21:00 for the evening"],
    ['5 every saturday', '0 17 * * 6', "read '5' as 17:00; write '5 am' or 05:00 for the morning"],
    ['remind me 5 on saturdays', '0 17 * * 6', "read '5' as 17:00; write '5 am' or 05:00 for the morning"],
  ])('%s', async (phrase, cron, note) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes).toContain(note);
  });

  it('so it is no one time, and a count of days before a date still is', async () => {
    await expect(meaningOfOnce('5 on saturdays', { now: NOW, zone: 'UTC' })).rejects.toThrow(/is a recurring schedule, not one time/);
    expect((await meaningOfOnce('3 mondays after may 25', { now: NOW, zone: 'UTC' })).local).toBe('2027-06-14 09:00 UTC');
  });
});
