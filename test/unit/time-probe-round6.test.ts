import { describe, expect, it } from 'vitest';
import { meaningOfSchedule } from '../../src/time/index';
import { EVERY_WEEKDAY_OF_MONTHS } from '../../src/time/read-recurring';

/*
 * Findings of a probe of recurring phrases (now: Sunday 2026-11-22 10:00 in New York): lists of bare clock times
 * read in order, the minutes of "twice an hour" said, and clear phrases that were refused.
 */
const OPTIONS = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };

const local = async (phrase: string) => {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, 6);
  if (meaning.type !== 'recurring') throw new Error('not recurring');
  return meaning;
};

describe('a list of bare clock times is read in order', () => {
  it.each([
    ['every day at 5:30 and 6:30', '30 17,18 * * *'],
    ['every day at 4 and 6', '0 16,18 * * *'],
    ['daily at 5 and 7', '0 17,19 * * *'],
    ['every day at 3, 6 and 9', '0 15,18,21 * * *'],
    ['twice a day at 4 and 6', '0 16,18 * * *'],
    ['every monday at 4 and 6', '0 16,18 * * 1'],
    // Unchanged: the rule already read them in order.
    ['every day at 9 and 5', '0 9,17 * * *'],
    ['every day at 10, 2 and 6', '0 10,14,18 * * *'],
    ['daily at 11 and 1', '0 11,13 * * *'],
    ['daily at 6 and 5', '0 6,17 * * *'],
    ['daily at 21 and 9', '0 9,21 * * *'],
    ['daily at 9am and 5', '0 9,17 * * *'],
    ['every day at 11 and 12', '0 11,12 * * *'],
    // Neither reading is after the time before it: the rule for a bare hour decides.
    ['every day at 11pm and 1', '0 13,23 * * *'],
    // A part of the day decides, as before.
    ['every evening at 6 and 8', '0 18,20 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    expect((await local(phrase)).local_cron).toBe(cron);
  });

  it('says which time before it decided', async () => {
    expect((await local('every day at 4 and 6')).notes).toEqual([
      "read '6' as 18:00, following '4' (16:00) in the list; write '6 am' or 06:00 for the morning",
      "read '4' as 16:00; write '4 am' or 04:00 for the morning",
    ]);
    expect((await local('every day at 5:30 and 6:30')).notes).toContain("read '6:30' as 18:30, following '5:30' (17:30) in the list; write '6:30 am' or 06:30 for the morning");
    expect((await local('every day at 9am and 5')).notes).toEqual(["read '5' as 17:00; write '5 am' or 05:00 for the morning"]);
  });

  it('reads each list of a set in order', async () => {
    const meaning = await local('weekdays at 4 and 6, weekends at 10');
    expect(meaning.next_runs_local.slice(0, 2).map((fire) => fire.slice(0, 16))).toEqual(['2026-11-23 16:00', '2026-11-23 18:00']);
  });

  it('the same clock again is still refused, not put in the other half of the day', async () => {
    await expect(meaningOfSchedule('twice daily at 9 and 9', OPTIONS)).rejects.toThrow('gives 1 time');
    await expect(meaningOfSchedule('every day at 8am and 8', OPTIONS)).rejects.toThrow('which it would only repeat');
  });
});

describe('"twice an hour" says which minutes it chose', () => {
  it.each([
    ['twice an hour', '*/30 * * * *', "read 'twice an hour' as minutes :00 and :30 of every hour; name the minutes to choose them, such as 'every hour at :15 and :45'"],
    ['three times an hour', '*/20 * * * *', "read 'three times an hour' as minutes :00, :20 and :40 of every hour; name the minutes to choose them, such as 'every hour at :10, :30 and :50'"],
    ['four times an hour', '*/15 * * * *', "read 'four times an hour' as minutes :00, :15, :30 and :45 of every hour; name the minutes to choose them, such as 'every hour at :05, :20, :35 and :50'"],
    ['6 times an hour', '*/10 * * * *', "read '6 times an hour' as every 10 minutes from :00; name the first minute to choose others, such as 'every 10 minutes starting at :05'"],
  ])('%s', async (phrase, cron, note) => {
    const meaning = await local(phrase);
    expect(meaning.local_cron).toBe(cron);
    expect(meaning.notes).toContain(note);
  });

  it('is not said when the phrase gives the start or the minutes', async () => {
    expect((await local('twice an hour starting at :10')).notes.join(' ')).not.toMatch(/times an hour|twice an hour/);
    expect((await local('60 times an hour')).notes).toEqual([]);
  });
});

describe('"half-yearly" and "every half year" are "semiannually"', () => {
  it.each(['half-yearly', 'halfyearly', 'every half year', 'every half-year'])('%s', async (phrase) => {
    const meaning = await local(phrase);
    expect(meaning.local_cron).toBe('0 9 1 */6 *');
    expect(meaning.notes[0]).toMatch(/as 1 January and 1 July/);
  });
});

describe('"forever" inside the rule or after a dash', () => {
  it.each([
    ['every day forever at 9am', 'every day at 9am'],
    ['every day, forever, at 9am', 'every day, at 9am'],
    ['every other day - forever', 'every other day'],
    ['weekly - forever', 'weekly'],
  ])('%s', async (phrase, rule) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
    const alone = await meaningOfSchedule(rule, OPTIONS, 3);
    expect(meaning.next_runs).toEqual(alone.next_runs);
    expect(meaning.notes).toContain(`read 'forever' as no end, which '${rule}' has already`);
  });

  it('an end beside it is still refused', async () => {
    await expect(meaningOfSchedule('every day forever at 9am until dec 24', OPTIONS)).rejects.toThrow("gives an end and says it has none ('forever')");
  });
});

describe('every weekday of every month, or of every other month', () => {
  it.each([
    ['every monday of every month', '0 9 * * 1'],
    ['every monday of each month', '0 9 * * 1'],
    ['every monday every month', '0 9 * * 1'],
    ['every tuesday every other month', '0 9 * 1,3,5,7,9,11 2'],
    ['every tuesday of every other month', '0 9 * 1,3,5,7,9,11 2'],
    ['every monday and friday of every other month at 5pm', '0 17 * 1,3,5,7,9,11 1,5'],
  ])('%s', async (phrase, cron) => {
    const meaning = await local(phrase);
    expect(meaning.local_cron?.replace('*/2', '1,3,5,7,9,11')).toBe(cron);
  });

  it('a step of months counts from the next run, said', async () => {
    const meaning = await meaningOfSchedule('every tuesday of every other month', { now: Date.parse('2026-12-02T15:00:00Z'), zone: 'America/New_York' }, 3);
    expect(meaning.next_runs_local.map((fire) => fire.slice(0, 10))).toEqual(['2026-12-08', '2026-12-15', '2026-12-22']);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe('0 9 * 2-12/2 2');
    expect(meaning.notes.join(' ')).toMatch(/counts from December/);
  });

  it.each(['monthly on fridays', 'every 2 months on mondays', 'every tuesday of every 5 months'])('%s is still refused: which week is not said', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/cannot say which week/);
  });
});

describe("weekdays' letters run together, and 'all days'", () => {
  it.each([
    ['MWF', '0 9 * * 1,3,5'],
    ['mwf at 9am', '0 9 * * 1,3,5'],
    ['every MWF at 7am', '0 7 * * 1,3,5'],
    ['TTh', '0 9 * * 2,4'],
    ['TR at 4pm', '0 16 * * 2,4'],
    ['MTWRF', '0 9 * * 1-5'],
    ['all days except tuesday', '0 9 * * 0,1,3-6'],
    ['all days at 9am', '0 9 * * *'],
  ])('%s', async (phrase, cron) => {
    expect((await local(phrase)).local_cron).toBe(cron);
  });

  it.each(['every mth', 'every mt', 'mr at 9am'])('%s is not read as days', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/did not understand|Could not understand/);
  });
});

describe('an interval whose fires are the times given', () => {
  it.each([
    ['every 24 hours at 9am', '0 9 * * *'],
    ['every 12 hours at 8am and 8pm', '0 8,20 * * *'],
    ['every 8 hours at 6am, 2pm and 10pm', '0 6,14,22 * * *'],
    ['every 24 hours at 9am on weekdays', '0 9 * * 1-5'],
  ])('%s is those times every day', async (phrase, cron) => {
    expect((await local(phrase)).local_cron).toBe(cron);
  });

  it('a whole number of days at one time is every N days', async () => {
    const [hours, days] = await Promise.all([meaningOfSchedule('every 48 hours at 9am', OPTIONS, 4), meaningOfSchedule('every 2 days at 9am', OPTIONS, 4)]);
    expect(hours.next_runs).toEqual(days.next_runs);
  });

  it.each(['every 12 hours at 8am', 'every 12 hours at 8am and 9pm', 'every 36 hours at 9am', 'every 72 hours at 9am and 5pm'])(
    '%s is still refused: the times are not the fires either way',
    async (phrase) => {
      await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow('does not say whether the time is when the interval starts');
    },
  );
});

describe('a day or weekday counted through the year is refused for what it is', () => {
  it.each([
    ['every year on the 100th day', "a day counted through the year ('100th day') cannot be one cron, whose days are the month's: it is April 10th, or April 9th in a leap year", "'every april 10th'"],
    ['the 40th day of every year', 'it is February 9th', "'every february 9th'"],
    ['every 20th monday of the year', "a weekday counted through the year ('20th monday') cannot be one cron", "'third monday of may'"],
    ['every year on the 400th day', "a year has at most 366 days; '400th day' never happens", 'Name the date'],
  ])('%s', async (phrase, message, hint) => {
    const error = await meaningOfSchedule(phrase, OPTIONS).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toMatch(/month has at most|out of range/);
    expect((error as { hint?: string }).hint).toContain(hint);
  });

  it('a month keeps its own reason', async () => {
    await expect(meaningOfSchedule('every 6th monday of the month', OPTIONS)).rejects.toThrow('a month has at most 5 of each');
    await expect(meaningOfSchedule('on the 32nd of every month', OPTIONS)).rejects.toThrow('out of range (1-31)');
  });
});

describe('choices said in notes: holidays, and a step of days from a day of the month', () => {
  it.each([
    ['first business day of the month', 'business day'],
    ['every working day at 8am', 'working day'],
    ['workdays at 9am', 'workday'],
  ])('%s says holidays are not known', async (phrase, said) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
    expect(meaning.notes.join('\n')).toContain(`holidays are not known, so one that falls on a ${said} is not skipped`);
  });

  it('every weekday says nothing of holidays', async () => {
    expect((await meaningOfSchedule('every weekday at 9am', OPTIONS)).notes.join(' ')).not.toMatch(/holiday/);
  });

  it('every 5 days from the 1st of the month counts on across month ends, said', async () => {
    const meaning = await meaningOfSchedule('every 5 days starting on the 1st of the month at noon', OPTIONS, 8);
    expect(meaning.next_runs_local.map((fire) => fire.slice(0, 10)).slice(5, 8)).toEqual(['2026-12-26', '2026-12-31', '2027-01-05']);
    expect(meaning.notes).toContain(
      "read 'starting on the 1st of the month' as the next 1st, from which every 5 days count on across the ends of months, not again from each 1st; for the same days in every month, name them, such as 'on the 1st, 6th, 11th, 16th, 21st, 26th and 31st'",
    );
    expect((await meaningOfSchedule('every 5 days starting dec 1 at noon', OPTIONS)).notes.join(' ')).not.toMatch(/ends of months/);
  });
});

describe('only weekday names start "every monday of every month"', () => {
  it.each([
    ['every tue of every other month', true],
    ['every thurs and fri every other month', true],
    ['every month every other month', false],
    ['every sunset of every month', false],
  ])('%s: %s', (text, read) => {
    expect(EVERY_WEEKDAY_OF_MONTHS.test(text)).toBe(read);
  });
});

describe('a day left out said without its year', () => {
  const series = async (phrase: string) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 6);
    if (meaning.type !== 'series') throw new Error('not a series');
    return meaning;
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  it('is left out every year, said; with its year, or tied to one, only once', async () => {
    const { nextInstants } = await import('../../src/time/series');
    const yearly = await series('every day at 9am except december 25');
    expect(yearly.notes).toContain("read 'except december 25' as every year's December 25; give the year (such as 'December 25 2026') to leave out that day alone");
    // Topped up a year on, the next December 25 is left out too.
    expect(nextInstants(yearly.rule, 'America/New_York', Date.parse('2027-12-24T15:00:00Z'), 2).map(iso)).toEqual(['2027-12-26T14:00:00.000Z', '2027-12-27T14:00:00.000Z']);
    expect((await series('every day at 9am except the 4th of july')).rule).toMatchObject({ days: [{ month: 7, day: 4, every_year: true }] });
    for (const phrase of ['every day at 9am except december 25 2026', 'every day at 9am except next dec 25', 'every day at 9am except tomorrow']) {
      const once = await series(phrase);
      expect(once.notes.join(' '), phrase).not.toContain("every year's");
      expect(JSON.stringify(once.rule), phrase).not.toContain('every_year');
    }
    const once = await series('every day at 9am except december 25 2026');
    expect(nextInstants(once.rule, 'America/New_York', Date.parse('2027-12-24T15:00:00Z'), 1).map(iso)).toEqual(['2027-12-25T14:00:00.000Z']);
  });
});
