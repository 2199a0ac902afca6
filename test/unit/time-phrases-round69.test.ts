import { describe, expect, it } from 'vitest';
import { scheduleReading as schedule, scheduleRefusal as refusal } from '../helpers/phrase-readings';

/* Repeating phrases with month words in an order the grammar did not read. Monday 2026-12-07, 10:00 in New York. */

describe("'every other <month> <day>' is every other year on that day", () => {
  it.each([
    ['every other march 3rd', ['2027-03-03 09:00', '2029-03-03 09:00', '2031-03-03 09:00']],
    ['every other july 4th at 10am', ['2027-07-04 10:00', '2029-07-04 10:00', '2031-07-04 10:00']],
    ['each other october 31', ['2027-10-31 09:00', '2029-10-31 09:00', '2031-10-31 09:00']],
    ['every other december 25th', ['2026-12-25 09:00', '2028-12-25 09:00', '2030-12-25 09:00']],
  ])('%s', async (phrase, fires) => {
    const read = await schedule(phrase);
    expect(read.type).toBe('series');
    expect(read.input).toBe(phrase);
    expect(read.fires.slice(0, 3)).toEqual(fires);
  });

  it('without a day it names none, and says how to', async () => {
    expect(await refusal('every other january')).toBe(
      "'every other january' says every other January but not which days in it | Name the day, such as 'every 2 years on january 1st'; for each day of it, 'every day in january' runs every year.",
    );
  });
});

describe("'every third <month>' leaves which open, as 'every second <month>' does", () => {
  it.each([
    ['every third april', "every third April, or April 3rd each year? | For the day, write 'every april 3rd'; for every third year, 'every 3 years on april 1st'"],
    ['every fourth july at 9am', "every fourth July, or July 4th each year? | For the day, write 'every july 4th at 9am'; for every fourth year, 'every 4 years on july 1st at 9am'"],
    ['every third june 1st', "'third' before a month with its day is every 3 years here | Write 'every 3 years on june 1st'; for every year, 'every june 1st'."],
  ])('%s', async (phrase, said) => {
    expect(await refusal(phrase)).toContain(said);
  });

  it('a day in digits before a month is the date, as before', async () => {
    expect((await schedule('every 4th july')).fires[0]).toBe('2027-07-04 09:00');
  });
});

describe('a start said before the days it starts', () => {
  it.each([
    ['every month starting february on the 10th', ['2027-02-10 09:00', '2027-03-10 09:00']],
    ['every month starting april on the 15th at 8am', ['2027-04-15 08:00', '2027-05-15 08:00']],
    ['every other week starting january on tuesday', ['2027-01-05 09:00', '2027-01-19 09:00']],
  ])('%s', async (phrase, fires) => {
    expect((await schedule(phrase)).fires.slice(0, 2)).toEqual(fires);
  });
});

describe('a span of days in one named month, the month said once, is those days each year, as the 13th to the 15th of july is', () => {
  it.each([
    ['every day from july 13 to 15', ['2027-07-13 09:00', '2027-07-14 09:00', '2027-07-15 09:00', '2028-07-13 09:00'], "'from july 13 to 15' as July 13 to 15"],
    ['every day between july 13 and 15', ['2027-07-13 09:00', '2027-07-14 09:00', '2027-07-15 09:00', '2028-07-13 09:00'], "'between july 13 and 15' as July 13 to 15"],
    ['daily from august 3rd to 5th at 7am', ['2027-08-03 07:00', '2027-08-04 07:00', '2027-08-05 07:00', '2028-08-03 07:00'], "'from august 3rd to 5th' as August 3 to 5"],
    ['every weekday from may 6 to 10', ['2027-05-06 09:00', '2027-05-07 09:00', '2027-05-10 09:00', '2028-05-08 09:00'], "'from may 6 to 10' as May 6 to 10"],
  ])('%s', async (phrase, fires, read) => {
    const meaning = await schedule(phrase);
    expect(meaning.fires).toEqual(fires);
    expect(meaning.input).toBe(phrase);
    expect(meaning.notes.join('\n')).toContain(`read ${read} of every year; to run them once, give each day its month`);
  });
});

describe("'or' before the month's last day joins it, as 'and' does", () => {
  it.each([
    ['every 1st or 15th or last day', ['2026-12-15 09:00', '2026-12-31 09:00', '2027-01-01 09:00', '2027-01-15 09:00']],
    ['every 15th or the last day of the month', ['2026-12-15 09:00', '2026-12-31 09:00', '2027-01-15 09:00', '2027-01-31 09:00']],
    ['every monday or the last friday of the month', ['2026-12-14 09:00', '2026-12-21 09:00', '2026-12-25 09:00', '2026-12-28 09:00']],
    ['the 1st or the last day of each month', ['2026-12-31 09:00', '2027-01-01 09:00', '2027-01-31 09:00', '2027-02-01 09:00']],
  ])('%s', async (phrase, fires) => {
    const read = await schedule(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toContain("read 'or' between days as 'and': it runs on each day named");
  });
});

it("one interval from two starts is said once: 'every 5 hours at :05 and :35'", async () => {
  const read = await schedule('every 5 hours at :05 and :35');
  expect(read.description).toMatch(/^Every 5 hours, starting 2026-12-07 \d\d:05 EST and 2026-12-07 \d\d:35 EST \(America\/New_York\)$/);
});

describe('a week by its number is refused with what to write', () => {
  it.each([
    ['every fri in week 12', 'names a week of the year by its number (12), which falls on other dates each year, and no cron has a field for it | Name the dates instead'],
    ['every year in week 12', 'names a week of the year by its number (12)'],
    ['every monday in week 2 of the month', "'week 2'), which is read only as an ordinal | Write it as the 2nd week, such as 'every monday in the 2nd week of the month' (days 8-14)."],
    [
      'week 5 of every month',
      "names a week of the month by its number (5), which falls on other dates each month, and no cron has a field for it | Name the days, such as 'the 29th to the 31st of every month'.",
    ],
  ])('%s', async (phrase, said) => {
    expect(await refusal(phrase)).toContain(said);
  });

  it('with nothing before it, the hint starts with the week', async () => {
    expect(await refusal('week 2 of every month')).toContain("such as 'the 2nd week of the month' (days 8-14).");
  });

  it.each(['every 3rd day of the week', 'every second day of the week'])('%s: which day depends on where weeks begin, refused', async (phrase) => {
    expect(await refusal(phrase)).toBe(
      `'${phrase}' counts a day of the week, which is another day where weeks begin on Sunday than where they begin on Monday | Name the weekday, such as 'every wednesday'.`,
    );
  });

  it('a week said as an ordinal is read as before', async () => {
    expect((await schedule('every monday in the 2nd week of the month')).fires[0]).toBe('2026-12-14 09:00');
  });
});
