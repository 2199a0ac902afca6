import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/* Phrases from other projects' tests (Duckling, recurrent, parsedatetime, calendar apps) that were refused though clear, or read wrong. Monday 2026-12-07, 10:00 in New York. */
const OPTIONS = { now: Date.parse('2026-12-07T15:00:00Z'), zone: 'America/New_York' };
const LATER = { now: Date.parse('2026-12-20T15:00:00Z'), zone: 'America/New_York' };

const schedule = async (phrase: string, count = 3, options = OPTIONS) => {
  const meaning = await meaningOfSchedule(phrase, options, count);
  return { fires: meaning.next_runs_local.map((local) => local.slice(0, 16)), notes: meaning.notes.join(' ') };
};
const once = async (phrase: string, options = OPTIONS) => {
  const meaning = await meaningOfOnce(phrase, options);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes.join(' ') };
};

describe('a count said first, before the time or days ("5 times at 9am daily"), is the number of fires', () => {
  it.each([
    ['5 times at 9am daily', ['2026-12-08 09:00', '2026-12-09 09:00', '2026-12-10 09:00', '2026-12-11 09:00', '2026-12-12 09:00']],
    ['3 times on mondays at 10am', ['2026-12-14 10:00', '2026-12-21 10:00', '2026-12-28 10:00']],
    ['3x at noon every weekday', ['2026-12-07 12:00', '2026-12-08 12:00', '2026-12-09 12:00']],
    ['two times at 8pm every day', ['2026-12-07 20:00', '2026-12-08 20:00']],
  ])('%s', async (phrase, fires) => {
    expect((await schedule(phrase, 10)).fires).toEqual(fires);
  });

  it('before a period it is still how often ("3 times a day")', async () => {
    expect((await schedule('3 times a day', 3)).fires).toEqual(['2026-12-07 15:00', '2026-12-07 21:00', '2026-12-08 09:00']);
  });
});

describe('a rule today until a time ("every hour today until 6pm") runs within today up to that time', () => {
  it.each([
    ['every hour today until 6pm', '2026-12-07 11:00', '2026-12-07 18:00'],
    ['every 30 minutes today until 5pm', '2026-12-07 10:30', '2026-12-07 17:00'],
    ['every 15 minutes today till 3:30pm', '2026-12-07 10:15', '2026-12-07 15:30'],
  ])('%s', async (phrase, first, last) => {
    const fires = (await schedule(phrase, 60)).fires;
    expect(fires[0]).toBe(first);
    expect(fires[fires.length - 1]).toBe(last);
  });

  it('tomorrow until a time is still refused (it would start tomorrow, which the end alone does not say)', async () => {
    await expect(schedule('every hour tomorrow until 6pm')).rejects.toThrow(/gives two ends/);
  });
});

describe('the rest of the day or week, with a time after it, and the note quotes the words typed', () => {
  it.each([
    [
      'every day for the rest of the week at 8pm',
      ['2026-12-07 20:00', '2026-12-08 20:00', '2026-12-09 20:00', '2026-12-10 20:00', '2026-12-11 20:00', '2026-12-12 20:00', '2026-12-13 20:00'],
      /'for the rest of the week' as Mon 7 Dec to Sun 13 Dec/,
    ],
    [
      'every day for the remainder of the week at 7:30am',
      ['2026-12-08 07:30', '2026-12-09 07:30', '2026-12-10 07:30', '2026-12-11 07:30', '2026-12-12 07:30', '2026-12-13 07:30'],
      /'for the remainder of the week'/,
    ],
  ])('%s', async (phrase, fires, note) => {
    const read = await schedule(phrase, 20);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toMatch(note);
  });

  it.each([
    ['every hour for the rest of the day', /read 'for the rest of the day' as within Mon 7 Dec/],
    ['every 2 hours for the remainder of today', /read 'for the remainder of today' as within Mon 7 Dec/],
  ])('%s', async (phrase, note) => {
    const read = await schedule(phrase);
    expect(read.notes).toMatch(note);
    expect(read.notes).not.toMatch(/read 'today'/);
  });
});

describe('a dated start that has passed ("every other sunday at 9am starting 2026-12-13", read later) keeps its cadence from it', () => {
  it.each([
    ['every other sunday at 9am starting 2026-12-13', ['2026-12-27 09:00', '2027-01-10 09:00', '2027-01-24 09:00']],
    ['every 3 days starting 2026-12-01 at 8am', ['2026-12-22 08:00', '2026-12-25 08:00', '2026-12-28 08:00']],
    ['every other friday from 2026-11-06', ['2027-01-01 09:00', '2027-01-15 09:00', '2027-01-29 09:00']],
    ['every monday starting 2026-12-01', ['2026-12-21 09:00', '2026-12-28 09:00', '2027-01-04 09:00']],
  ])('%s', async (phrase, fires) => {
    const read = await schedule(phrase, 3, LATER);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toMatch(/which has passed: it runs from now/);
  });

  it('an end that has passed is still refused', async () => {
    await expect(schedule('every day until 2026-12-01', 3, LATER)).rejects.toThrow(/in the past/);
  });
});

describe('a quarter of the year named alone ("q1 2027", "the first quarter of 2027") is its first day, said', () => {
  it.each([
    ['q1 2027', '2027-01-01 09:00'],
    ['Q3', '2027-07-01 09:00'],
    ['q3 at 10am', '2027-07-01 10:00'],
    ['the first quarter of 2027', '2027-01-01 09:00'],
    ['the second quarter, 2027', '2027-04-01 09:00'],
    ['3rd quarter', '2027-07-01 09:00'],
    ['4th quarter 2027', '2027-10-01 09:00'],
    ['the 3rd qtr', '2027-07-01 09:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toMatch(/the first day of the quarter; give the day to say otherwise/);
  });

  it('a quarter that has passed, with its year, is in the past', async () => {
    await expect(once('first quarter 2026')).rejects.toThrow(/in the past/);
  });

  it.each([
    ['2027 q3', '2027-07-01 09:00'],
    ['2027q2', '2027-04-01 09:00'],
    ['2027 the fourth quarter', '2027-10-01 09:00'],
  ])('its year said first ("%s") is the year, not a clock time', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('its year said first and passed ("2016 the third quarter") is in the past, not 20:16', async () => {
    await expect(once('2016 the third quarter')).rejects.toThrow(/in the past: it means 2016-07-01/);
  });

  it('a number run into it ("18q4") is no hour: refused', async () => {
    await expect(once('18q4')).rejects.toThrow(/did not understand 'q'/);
  });

  it('two quarters still repeat, refused as the repeating reader refuses them (it would not create them either)', async () => {
    await expect(once('q1 and q3')).rejects.toThrow("'q1 and q3' names a month but not which days in it");
  });
});

describe('a day of the quarter ("the 15th of the quarter") is that day of it, as "the 15th day of the quarter" is', () => {
  it.each([
    ['the 15th of the quarter', '2027-01-15 09:00'],
    ['the 15th of next quarter', '2027-01-15 09:00'],
    ['the 10th of q2', '2027-04-10 09:00'],
    ['the 10th of q2 2027 at 3pm', '2027-04-10 15:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('as a rule it is every quarter, as before', async () => {
    expect((await schedule('the 15th of the quarter')).fires.map((fire) => fire.slice(0, 10))).toEqual(['2027-01-15', '2027-04-15', '2027-07-15']);
  });
});

describe('ends of spans said noun first ("quarter end", "year-end") as "the end of the quarter"', () => {
  it.each([
    ['quarter end', '2026-12-31 09:00'],
    ['the quarter end', '2026-12-31 09:00'],
    ['year end', '2026-12-31 09:00'],
    ['year-end at 5pm', '2026-12-31 17:00'],
    ['month end', '2026-12-31 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it("every quarter end is a series of the quarters' last days", async () => {
    expect((await schedule('every quarter end')).fires).toEqual(['2026-12-31 09:00', '2027-03-31 09:00', '2027-06-30 09:00']);
  });
});

describe('shortened units and sums said in words ("next wk tuesday", "now plus 2 days")', () => {
  it.each([
    ['next wk tuesday', '2026-12-15 09:00'],
    ['tuesday next wk', '2026-12-15 09:00'],
    ['now plus 2 days', '2026-12-09 10:00'],
    ['now plus 3 hours', '2026-12-07 13:00'],
    ['tomorrow plus 1 week', '2026-12-15 09:00'],
    ['today plus 3 days at 5pm', '2026-12-10 17:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('"asap", "right away", "as soon as possible" mean now, as "immediately" does', () => {
  it.each(['asap', 'ASAP', 'right away', 'straight away', 'as soon as possible'])('%s', async (phrase) => {
    const meaning = await meaningOfOnce(phrase, OPTIONS);
    expect(meaning.is_now).toBe(true);
    expect(meaning.local.slice(0, 16)).toBe('2026-12-07 10:00');
  });
});

describe('an hour said first with a hedge ("9ish", "5ish tomorrow") is a time of day, as "around 9" is', () => {
  it.each([
    ['9ish', '2026-12-08 09:00'],
    ['5ish', '2026-12-07 17:00'],
    ['5ish tomorrow', '2026-12-08 17:00'],
    ['10-ish', '2026-12-08 10:00'],
    ['9 or so', '2026-12-08 09:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toMatch(/as exact, without/);
  });
});

describe('a start said by its month, then an end by its month ("daily starting in april until march"), is a start and an end', () => {
  // The end is that month's last day, whole: its last moment in New York is the next day in UTC.
  it.each([
    ['daily starting in april until march', '2027-04-01 09:00', '2028-04-01T03:59'],
    ['daily starting april until march', '2027-04-01 09:00', '2028-04-01T03:59'],
    ['daily starting in april until may', '2027-04-01 09:00', '2027-06-01T03:59'],
  ])('%s', async (phrase, first, until) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
    expect(meaning.type).toBe('series');
    expect(meaning.next_runs_local[0]!.slice(0, 16)).toBe(first);
    expect(new Date((meaning as { until?: number }).until!).toISOString().slice(0, 16)).toBe(until);
  });

  it('from one month until another is still the months of every year', async () => {
    expect((await meaningOfSchedule('daily from april until march', OPTIONS, 3)).type).toBe('recurring');
  });
});

describe('"once a fortnight" is every two weeks, as "every fortnight" is', () => {
  it.each([
    ['once a fortnight', ['2026-12-14 09:00', '2026-12-28 09:00', '2027-01-11 09:00']],
    ['once per fortnight', ['2026-12-14 09:00', '2026-12-28 09:00', '2027-01-11 09:00']],
    ['once a fortnight on friday at 4pm', ['2026-12-11 16:00', '2026-12-25 16:00', '2027-01-08 16:00']],
  ])('%s', async (phrase, fires) => {
    expect((await schedule(phrase)).fires).toEqual(fires);
  });
});

describe('"end of business" and "end of play" leave the hour open, as "close of business" does', () => {
  it.each([
    ['end of business friday', once],
    ['end of play today', once],
    ['every friday at end of business', schedule],
  ] as const)('%s', async (phrase, read) => {
    await expect(read(phrase)).rejects.toThrow(/the end of the day names no hour/);
  });
});

describe('"next 5 mins", "next 3 seconds": a span in short units is no time, as "next 5 minutes" is not', () => {
  it.each(['next 5 mins', 'next 3 seconds', 'next 30 secs', 'next 2 hrs', 'next 5 minutes'])('%s', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(/a span is not one time/);
  });

  it('an amount from now is still read', async () => {
    expect((await once('in 5 mins')).at).toBe('2026-12-07 10:05');
  });
});

describe('"this qtr", "next qtr" are refused as "this quarter" is, not as words not understood', () => {
  it.each(['this qtr', 'next qtr'])('%s', async (phrase) => {
    const error = (await once(phrase).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(`'${phrase}' names a quarter, not a day in it`);
    expect(error.message).not.toMatch(/did not understand 'qtr'/);
  });
});

describe('a movable holiday with its weekday written short ("easter mon", "good fri") is that holiday, quoted as typed', () => {
  it.each([
    ['easter mon', '2027-03-29 09:00', /read 'easter mon' as Mon 29 Mar 2027/],
    ['good fri at 5pm', '2027-03-26 17:00', /read 'good fri' as Fri 26 Mar 2027/],
    ['black fri', '2027-11-26 09:00', /read 'black fri' as Fri 26 Nov 2027/],
    ['whit mon', '2027-05-17 09:00', /read 'whit mon' as Mon 17 May 2027/],
  ])('%s', async (phrase, at, note) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toMatch(note);
  });
});

describe('a bare number after "next june", "in march", "during may" is the day, never the hour', () => {
  it.each([
    ['next june 20', '2027-06-20 09:00'],
    ['next june 14', '2027-06-14 09:00'],
    ['this june 20', '2027-06-20 09:00'],
    ['in march 3', '2027-03-03 09:00'],
    ['in may 5', '2027-05-05 09:00'],
    ['in december 20', '2026-12-20 09:00'],
    ['in june 20 at 8pm', '2027-06-20 20:00'],
    ['next june 20 at 14:00', '2027-06-20 14:00'],
    ['during may 5', '2027-05-05 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it.each([
    ['next june 5pm', '2027-06-01 17:00'],
    ['in march 15:30', '2027-03-01 15:30'],
  ])('a clock with its meridiem or minutes is still a clock: %s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('"during march" is in it, as "in march" is (its first day, said)', () => {
  it.each([
    ['during March', '2027-03-01 09:00'],
    ['during march at 10am', '2027-03-01 10:00'],
    ['during march 2027', '2027-03-01 09:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toMatch(/the first of the month/);
  });
});
