import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Phrases one word away from ones read rightly, whose other reading must be said. Sunday 2026-11-22,
 * 10:00 in New York.
 */
const OPTIONS = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };

const schedule = async (phrase: string) => {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, 2);
  return { fires: meaning.next_runs_local.map((local) => local.slice(0, 16)), notes: meaning.notes.join(' ') };
};

describe('a clock right after "every" may be meant as a span ("every 1:30"): the time of day it is read as is said', () => {
  it.each([
    ['every 1:30', ['2026-11-22 13:30', '2026-11-23 13:30'], 'every 1 hour 30 minutes'],
    ['every 0:30', ['2026-11-23 00:30', '2026-11-24 00:30'], 'every 30 minutes'],
    ['each 0:45', ['2026-11-23 00:45', '2026-11-24 00:45'], 'every 45 minutes'],
    ['every 2:00', ['2026-11-22 14:00', '2026-11-23 14:00'], 'every 2 hours'],
    ['every 1.30', ['2026-11-22 13:30', '2026-11-23 13:30'], 'every 1 hour 30 minutes'],
    ['every 12:00', ['2026-11-22 12:00', '2026-11-23 12:00'], 'every 12 hours'],
    ['every 0:30 on weekdays', ['2026-11-23 00:30', '2026-11-24 00:30'], 'every 30 minutes'],
  ])('%s', async (phrase, fires, interval) => {
    const read = await schedule(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toContain(`as a time of day; for an interval write '${interval}'`);
  });

  it.each(['every day at 1:30', 'every 1:30pm', 'every 13:30', 'every 0:30 am'])('not where it can be no span: %s', async (phrase) => {
    expect((await schedule(phrase)).notes).not.toMatch(/for an interval/);
  });
});

describe('an hour of the 24-hour clock after a weekday ("every friday 13") may be its date: said, as one time says it', () => {
  it.each([
    ['every friday 13', ['2026-11-27 13:00', '2026-12-04 13:00'], "read 'friday 13' as 13:00 on Friday; write 'friday the 13th' for a date"],
    ['every tuesday 15', ['2026-11-24 15:00', '2026-12-01 15:00'], "read 'tuesday 15' as 15:00 on Tuesday; write 'tuesday the 15th' for a date"],
    ['fridays 13', ['2026-11-27 13:00', '2026-12-04 13:00'], "write 'friday the 13th' for a date"],
    ['every fri 18', ['2026-11-27 18:00', '2026-12-04 18:00'], "write 'friday the 18th' for a date"],
    ['every thurs 23', ['2026-11-26 23:00', '2026-12-03 23:00'], "write 'thursday the 23rd' for a date"],
    ['every monday and friday 13', ['2026-11-23 13:00', '2026-11-27 13:00'], "write 'friday the 13th' for a date"],
  ])('%s', async (phrase, fires, note) => {
    const read = await schedule(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toContain(note);
  });

  it.each(['every friday at 13', 'every weekday 13', 'every day 17', 'every friday 9'])('not where no date is near: %s', async (phrase) => {
    expect((await schedule(phrase)).notes).not.toMatch(/for a date/);
  });
});

describe('a part after "and" with no time of its own takes the time said before it ("mondays at 5pm and fridays"): said', () => {
  it.each([
    ['every monday at 5pm and every friday', ['2026-11-23 17:00', '2026-11-27 17:00'], "read '5pm', said before 'and', as the time of the part after it too"],
    ['weekdays at 8pm and weekends', ['2026-11-22 20:00', '2026-11-23 20:00'], "read '8pm', said before 'and'"],
    ['every monday at 9am and 5pm and every friday', ['2026-11-23 09:00', '2026-11-23 17:00'], "read '9am' and '5pm', said before 'and', as the times"],
    ['every monday evening and every friday', ['2026-11-23 18:00', '2026-11-27 18:00'], "read 'evening', said before 'and'"],
    ['every 15th at noon and every monday', ['2026-11-23 12:00', '2026-11-30 12:00'], "read 'noon', said before 'and'"],
    ['mondays at 17:30 and fridays', ['2026-11-23 17:30', '2026-11-27 17:30'], "read '17:30', said before 'and'"],
  ])('%s', async (phrase, fires, note) => {
    const read = await schedule(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toContain(note);
  });

  it.each(['every monday and friday at 5pm', 'every monday at 9am and tuesday', 'every 1st and every 15th at 6pm', 'mondays at 9am and fridays at 5pm'])(
    'not where the time is said after the parts, is the default, or each part has its own: %s',
    async (phrase) => {
      expect((await schedule(phrase)).notes).not.toMatch(/said before 'and'/);
    },
  );
});

describe('a stated offset followed by polite words ("tomorrow 10:00 +0100 please") is read by its offset', () => {
  it.each([
    ['tomorrow 10:00 +0100 please', '2026-11-23T09:00:00.000Z'],
    ['tomorrow 10:00 +0100 thanks', '2026-11-23T09:00:00.000Z'],
    ['tomorrow 10:00 +0100, please', '2026-11-23T09:00:00.000Z'],
    ['tomorrow 10:00 +0100 thank you', '2026-11-23T09:00:00.000Z'],
    ['tomorrow at 10:00 +0100 please thanks', '2026-11-23T09:00:00.000Z'],
    ['tomorrow 10:00 -05:00 please', '2026-11-23T15:00:00.000Z'],
    ['tomorrow at 10:00 GMT+1 please', '2026-11-23T09:00:00.000Z'],
    ['remind me tomorrow 10:00 +0100 please', '2026-11-23T09:00:00.000Z'],
    ['2026-12-01 10:00 +0530 pls', '2026-12-01T04:30:00.000Z'],
    ['10:00 +0530 on dec 1 please', '2026-12-01T04:30:00.000Z'],
    ['tomorrow 10:00 +0100 (CET) please', '2026-11-23T09:00:00.000Z'],
  ])('%s', async (phrase, iso) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).scheduled_at_iso).toBe(iso);
  });

  it('a word after the offset that is no filler is still refused, named', async () => {
    await expect(meaningOfOnce('tomorrow 10:00 +0100 sharpish', OPTIONS)).rejects.toThrow(/sharpish/);
  });
});

describe('an amount written as a clock writes it, before its unit ("in 3:30 hours"), is hours and minutes', () => {
  it.each([
    ['in 3:30 hours', '2026-11-22T18:30:00.000Z'],
    ['in 1:45 hrs', '2026-11-22T16:45:00.000Z'],
    ['in 0:45 hours', '2026-11-22T15:45:00.000Z'],
    ['in 10:00 hours', '2026-11-23T01:00:00.000Z'],
    ['in 3:30 h', '2026-11-22T18:30:00.000Z'],
    ['3:30 hours from now', '2026-11-22T18:30:00.000Z'],
    ['in 1:30 hours and 10 minutes', '2026-11-22T16:40:00.000Z'],
    ['in 2:30 minutes', '2026-11-22T15:02:30.000Z'],
  ])('%s', async (phrase, iso) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).scheduled_at_iso).toBe(iso);
  });

  it.each(['in 3:30', 'in 3:30 days', 'in 3:75 hours'])('not without a unit of the clock, or with minutes out of range: %s', async (phrase) => {
    await expect(meaningOfOnce(phrase, OPTIONS)).rejects.toThrow();
  });
});

describe('"at the next hour" is the next o\'clock, as "at the top of the hour" is', () => {
  it.each([
    ['at the next hour', '2026-11-22T15:30:00Z', '2026-11-22T16:00:00.000Z'],
    ['on the next hour', '2026-11-22T15:30:00Z', '2026-11-22T16:00:00.000Z'],
    ['at the next full hour', '2026-11-22T15:10:00Z', '2026-11-22T16:00:00.000Z'],
    ['the next whole hour', '2026-11-22T15:59:00Z', '2026-11-22T16:00:00.000Z'],
    ['at the top of the next hour', '2026-11-22T15:00:00Z', '2026-11-22T16:00:00.000Z'],
    ['remind me at the next hour please', '2026-11-22T15:45:00Z', '2026-11-22T16:00:00.000Z'],
  ])('%s at %s', async (phrase, now, iso) => {
    expect((await meaningOfOnce(phrase, { ...OPTIONS, now: Date.parse(now) })).scheduled_at_iso).toBe(iso);
  });

  it('on the clock of the zone: Kolkata, half an hour off UTC', async () => {
    expect((await meaningOfOnce('at the next hour', { zone: 'Asia/Kolkata', now: Date.parse('2026-11-22T15:00:00Z') })).local).toBe('2026-11-22 21:00 IST');
  });

  it('"the next hour" alone is still in an hour', async () => {
    expect((await meaningOfOnce('the next hour', { ...OPTIONS, now: Date.parse('2026-11-22T15:30:00Z') })).scheduled_at_iso).toBe('2026-11-22T16:30:00.000Z');
  });
});

describe('a year said first with "in" ("in 2027 on march 3") is the date in that year', () => {
  it.each([
    ['in 2027 on march 3', '2027-03-03 09:00'],
    ['in 2027, march 3', '2027-03-03 09:00'],
    ['in 2027 on the 3rd of march', '2027-03-03 09:00'],
    ['in 2027 on march 3 at 5pm', '2027-03-03 17:00'],
    ['in 2027 march 3rd at noon', '2027-03-03 12:00'],
    ['in 2028 on feb 29', '2028-02-29 09:00'],
    ['at 5pm in 2027 on march 3', '2027-03-03 17:00'],
  ])('%s', async (phrase, at) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).local.slice(0, 16)).toBe(at);
  });

  it.each([
    ['in 2027 on feb 29', /no day 29/],
    ['in 2026 on march 3', /in the past/],
    ['in 2027 on friday', /in 2027/],
  ])('%s is refused', async (phrase, error) => {
    await expect(meaningOfOnce(phrase, OPTIONS)).rejects.toThrow(error);
  });

  it('a count of days stays a count', async () => {
    expect((await meaningOfOnce('in 2027 days', OPTIONS)).local.slice(0, 10)).toBe('2032-06-10');
  });
});

describe('days of the month left out of every day ("every day except the 1st") are every other day of the month', () => {
  const crons = async (phrase: string) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
    return { crons: meaning.type === 'series' ? [] : (meaning.cron_expressions ?? [meaning.cron_expression]), notes: meaning.notes.join(' ') };
  };
  it.each([
    ['every day except the 1st', ['0 14 2-31 * *']],
    ['every day at 9am except the 1st', ['0 14 2-31 * *']],
    ['daily except the 1st and 15th', ['0 14 2-14,16-31 * *']],
    ['every day but not the 31st', ['0 14 1-30 * *']],
    ['every day at 9am except the 1st, 2nd and 3rd', ['0 14 4-31 * *']],
    ['every day except the 1st at 5pm', ['0 22 2-31 * *']],
    ['every month on the 1st and 15th except the 15th', ['0 14 1 * *']],
    ['every hour except the 1st', ['0 5-23 2-31 * *', '0 0-4 1,3-31 * *']],
  ])('%s', async (phrase, expected) => {
    const read = await crons(phrase);
    expect(read.crons).toEqual(expected);
    // Every month runs to its end: no month is said to skip a day.
    expect(read.notes).not.toMatch(/skipped/);
  });

  it.each(['every weekday except the 1st', 'mondays at 9 except the 25th'])('%s: a weekday rule cannot leave out a day of the month, said', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/leaves days of the month out of days of the week/);
  });

  it.each(['every month except the 1st', 'monthly except the 1st', 'every week except the 1st', 'every 2 days except the 1st'])(
    '%s: out of a rule that does not run every day, refused, said why',
    async (phrase) => {
      await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/leaves days of the month out of a rule that does not run every day/);
    },
  );

  it.each(['every month except the first', 'every saturday except the first'])('%s: "the first" in words may count something else, so is not read as the 1st', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/stopped at 'except'/);
  });

  it('a day of a month left out stays a date', async () => {
    expect((await meaningOfSchedule('every day except the 1st of may', OPTIONS, 2)).notes.join(' ')).toMatch(/every year's May 1/);
  });
});

describe('hours left out of every hour ("every hour except 1pm") leave the others, as times of day', () => {
  const read = async (phrase: string) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 4);
    return { crons: meaning.type === 'series' ? [] : (meaning.cron_expressions ?? [meaning.cron_expression]), fires: meaning.next_runs_local.map((local) => local.slice(0, 16)) };
  };
  it.each([
    ['every hour except 1pm', ['0 0-17,19-23 * * *'], ['2026-11-22 11:00', '2026-11-22 12:00', '2026-11-22 14:00', '2026-11-22 15:00']],
    ['every hour except at noon', ['0 0-16,18-23 * * *'], ['2026-11-22 11:00', '2026-11-22 13:00', '2026-11-22 14:00', '2026-11-22 15:00']],
    ['hourly except noon and midnight', ['0 0-4,6-16,18-23 * * *'], ['2026-11-22 11:00', '2026-11-22 13:00', '2026-11-22 14:00', '2026-11-22 15:00']],
    ['every hour except 1pm or 2pm', ['0 0-17,20-23 * * *'], ['2026-11-22 11:00', '2026-11-22 12:00', '2026-11-22 15:00', '2026-11-22 16:00']],
    ['every hour except 13:00', ['0 0-17,19-23 * * *'], ['2026-11-22 11:00', '2026-11-22 12:00', '2026-11-22 14:00', '2026-11-22 15:00']],
    ['every hour at :30 except 1:30pm', ['30 0-17,19-23 * * *'], ['2026-11-22 10:30', '2026-11-22 11:30', '2026-11-22 12:30', '2026-11-22 14:30']],
    ['every hour on weekdays except 1pm', ['0 5-17,19-23 * * 1-5', '0 0-4 * * 2-6'], ['2026-11-23 00:00', '2026-11-23 01:00', '2026-11-23 02:00', '2026-11-23 03:00']],
  ])('%s', async (phrase, crons, fires) => {
    expect(await read(phrase)).toEqual({ crons, fires });
  });

  it.each([
    ['every hour except 1', /stopped at 'except'/],
    ['every hour except 9am on mondays', /stopped at 'except'/],
    ['every hour except noon in december', /stopped at 'except'/],
    ['every hour at :30 except 1pm', /leaves out 13:00, a time it never runs at/],
    ['every 5 hours except 5am', /does not run at the same hours every day/],
    ['every day except 1pm', /does not run at the same hours every day/],
    ['every hour from 9 to 5 except noon', /from a window/],
  ])('%s is refused, said why', async (phrase, error) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(error);
  });
});
