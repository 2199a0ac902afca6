import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/* Families left open in round 12: guesses not said, notes quoting words not typed, refusals that mislead. Monday 2026-12-07, 10:00 in New York. */
const OPTIONS = { now: Date.parse('2026-12-07T15:00:00Z'), zone: 'America/New_York' };

const once = async (phrase: string) => {
  const meaning = await meaningOfOnce(phrase, OPTIONS);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes.join(' ') };
};
const recurring = async (phrase: string) => {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
  return { fires: meaning.next_runs_local.map((local) => local.slice(0, 16)), notes: meaning.notes.join(' ') };
};

describe('a day of the month after a weekday is that date under --cron too, never a silent clock', () => {
  it.each([
    ['monday 21', ['2026-12-21 09:00', '2027-06-21 09:00', '2028-02-21 09:00'], /read 'monday 21' as the 21st when it is a Monday; write 'every monday at 21:00' for the time/],
    ['friday 15', ['2027-01-15 09:00', '2027-10-15 09:00', '2028-09-15 09:00'], /write 'every friday at 15:00'/],
    ['Friday the fifteen', ['2027-01-15 09:00', '2027-10-15 09:00', '2028-09-15 09:00'], /each time it comes round/],
    ['monday the twenty one', ['2026-12-21 09:00', '2027-06-21 09:00', '2028-02-21 09:00'], /each time it comes round/],
    ['tuesday 3rd', ['2027-08-03 09:00', '2028-10-03 09:00', '2029-04-03 09:00'], /each time it comes round/],
    ['tuesday third', ['2027-08-03 09:00', '2028-10-03 09:00', '2029-04-03 09:00'], /each time it comes round/],
    ['monday 21 at 9am', ['2026-12-21 09:00', '2027-06-21 09:00', '2028-02-21 09:00'], /each time it comes round/],
    ['friday the fifteen at 10am', ['2027-01-15 10:00', '2027-10-15 10:00', '2028-09-15 10:00'], /each time it comes round/],
  ])('%s', async (phrase, fires, note) => {
    const read = await recurring(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toMatch(note);
  });

  it.each(['monday 25', 'every friday the fifteen'])('%s: a day no clock has, with no note of a time', async (phrase) => {
    const read = await recurring(phrase);
    expect(read.fires[0]).toMatch(/^\d{4}-\d\d-(25|15) 09:00$/);
    expect(read.notes).not.toMatch(/for the time/);
  });

  it.each([
    ['monday at 21', '2026-12-07 21:00'],
    ['mondays 21', '2026-12-07 21:00'],
    ['every friday 13', '2026-12-11 13:00'],
  ])('%s keeps its clock', async (phrase, first) => {
    expect((await recurring(phrase)).fires[0]).toBe(first);
  });

  it.each([
    ['weekly on monday 21', ['2026-12-07 21:00', '2026-12-14 21:00', '2026-12-21 21:00']],
    ['every week on monday 21', ['2026-12-07 21:00', '2026-12-14 21:00', '2026-12-21 21:00']],
    ['each week on friday 13', ['2026-12-11 13:00', '2026-12-18 13:00', '2026-12-25 13:00']],
    ['every 2 weeks on monday 21', ['2026-12-07 21:00', '2026-12-21 21:00', '2027-01-04 21:00']],
  ])('%s: days said to come round weekly keep the number as their clock', async (phrase, fires) => {
    const read = await recurring(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.notes).not.toMatch(/when it is a/);
  });

  it.each(['weekly on friday 1st', 'every week on tuesday 3rd'])('%s: a weekly day and a date are refused, not read as a date a few times a year', async (phrase) => {
    await expect(recurring(phrase)).rejects.toThrow(/days of the week and days of the month together/);
  });

  it.each([
    ['Friday the fifteen', '2027-01-15 09:00'],
    ['monday the twenty one', '2026-12-21 09:00'],
    ['next friday the fifteen at 10am', '2027-01-15 10:00'],
  ])('%s once is the date too', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe("a count of days ('three weekends') is refused as a count, never read as a clock", () => {
  it.each([
    ['three weekends', /'three weekends' counts weekends \(3\), which says neither when nor how often/, /every weekend for 3 weeks/],
    ['3 weekends at 9am', /'3 weekends' counts weekends \(3\)/, /every weekend for 3 weeks/],
    ['two mondays', /'two mondays' counts mondays \(2\)/, /the next 2 mondays/],
    ['for four fridays', /'four fridays' counts fridays \(4\)/, /the next 4 fridays/],
  ])('%s', async (phrase, error, hint) => {
    for (const read of [recurring, once]) {
      const refused = await read(phrase).catch((e: Error & { hint?: string }) => e);
      expect(refused).toBeInstanceOf(Error);
      expect((refused as Error).message).toMatch(error);
      expect((refused as Error & { hint?: string }).hint).toMatch(hint);
    }
  });

  it.each([
    ['every 2 mondays', '2026-12-14 09:00'],
    ['the next 3 mondays', '2026-12-14 09:00'],
    ['weekends at three', '2026-12-12 15:00'],
    ['at 9 mondays', '2026-12-14 09:00'],
  ])('%s is still read', async (phrase, first) => {
    expect((await recurring(phrase)).fires[0]).toBe(first);
  });

  it.each([
    ['5 weekdays', '2026-12-14 10:00'],
    ['2 sundays from now', '2026-12-20 09:00'],
    ['three fridays from now', '2026-12-25 09:00'],
  ])('%s is still a day counted from now', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('a note quotes the words as typed, not as the reader spelt them', () => {
  it.each([
    ['5 to 6 p.m', "'5 to 6 p.m' is a range of times (the hours 5 to 6pm)"],
    ['tomorrow 10 to 11 a.m.', "'tomorrow 10 to 11 a.m.' is a range of times (the hours 10 to 11am)"],
    ['friday 5 to 6 P. M.', "'friday 5 to 6 P. M.' is a range of times (the hours 5 to 6pm)"],
  ])('%s (a range of hours, refused as typed)', async (phrase, refusal) => {
    await expect(once(phrase)).rejects.toThrow(refusal);
  });

  it('a note quoting the phrase as typed is unchanged', async () => {
    expect((await once('friday at 4')).notes).toBe("read '4' as 16:00; write '4 am' or 04:00 for the morning");
  });
});

describe('a range of days for one time is told as a range, however it is said', () => {
  it.each(['23rd to 26th Oct', 'oct 23rd to 26th', 'from July 13-15', 'from july 13 to 15', 'from the 13th to 15th of july', '1-8 september'])('%s', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(`'${phrase}' is a range of days; a one-time message is sent on one`);
  });

  it('a range said to repeat is still a schedule', async () => {
    await expect(once('every 23rd to 26th Oct')).rejects.toThrow('is a recurring schedule, not one time');
  });
});

describe('a movable holiday with its weekday written short is told as the holiday under --cron', () => {
  it.each([
    ['every good fri', 'good fri'],
    ['every easter mon', 'easter mon'],
    ['each year on good fri at 9am', 'good fri'],
  ])('%s', async (phrase, holiday) => {
    await expect(recurring(phrase)).rejects.toThrow(`'${phrase}': ${holiday} falls on a different day each year, which a repeating schedule cannot follow`);
  });
});

describe("the end of every year is 31 December, and a month's end is said without quoting words not typed", () => {
  it.each([
    ['every year end', '2026-12-31 09:00'],
    ['every year-end at 5pm', '2026-12-31 17:00'],
    ['at the end of each year at noon', '2026-12-31 12:00'],
    ['the start of every year', '2027-01-01 09:00'],
  ])('%s', async (phrase, first) => {
    const read = await recurring(phrase);
    expect(read.fires[0]).toBe(first);
    expect(read.fires[1]).toBe(`${Number(first.slice(0, 4)) + 1}${first.slice(4)}`);
  });

  it('the year end is said', async () => {
    expect((await recurring('every year end')).notes).toContain('read the end of the year as its last day, 31 December');
  });

  it.each(['every month end', 'each month-end at 5pm'])('%s', async (phrase) => {
    const notes = (await recurring(phrase)).notes;
    expect(notes).toContain('read the end of the month as its last day');
    expect(notes).not.toContain("'end of the month'");
  });
});

describe('a holiday read as its rule is quoted by the name typed', () => {
  it.each([
    ['the day before thanksgiving', '2027-11-24 09:00'],
    ['thanksgiving', '2027-11-25 09:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain("read 'thanksgiving' as Thu 25 Nov 2027: November 2026's has passed; give the year to say so, such as 'thanksgiving 2027'");
    expect(read.notes).not.toContain("'fourth thursday of november");
  });

  it('the way the note says to write it is read', async () => {
    expect((await once('thanksgiving 2027')).at).toBe('2027-11-25 09:00');
  });
});

describe('a refusal names the word it stopped at only as typed', () => {
  it('a year said in words is not quoted in digits', async () => {
    const refused = await recurring('every march 3rd, twenty twenty seven').catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/^Could not understand the schedule: 'every march 3rd, twenty twenty seven'/);
    expect((refused as Error).message).not.toContain('2027');
  });

  it('a word typed is still named', async () => {
    await expect(recurring('every year 2027')).rejects.toThrow("(stopped at '2027')");
  });
});

describe('a day of the month in every year is refused for naming no month, with the forms that do', () => {
  it.each([
    ['31st of every year', '31st'],
    ['the 15th of each year', '15th'],
    ['twenty first of every year at 9am', '21st'],
  ])('%s', async (phrase, day) => {
    const refused = await recurring(phrase).catch((e: Error & { hint?: string }) => e);
    expect((refused as Error).message).toBe(`'${phrase}' names a day of the month (the ${day}) but not which month of the year`);
    expect((refused as Error & { hint?: string }).hint).toContain(`'every december ${day}'`);
  });

  it('the last day of every year is still read', async () => {
    expect((await recurring('last day of every year')).fires[0]).toBe('2026-12-31 09:00');
  });
});
