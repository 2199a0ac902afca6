import { describe, expect, it } from 'vitest';
import { onceReading as once, onceRefusal as refusal } from '../helpers/phrase-readings';

/* One-time phrases from other projects' suites (natty, parsedatetime, dateutil). Monday 2026-12-07, 10:00 in New York. */

describe("'first to last day of X' is a range of days, not the last day (only 'second to last' and on count from the end)", () => {
  it.each([
    ['first to last day of september', "('first' to 'last day of september')", 'last day of september'],
    ['1st to last day of next month', "('1st' to 'last day of next month')", 'last day of next month'],
    ['the first to the last day of march', "('the first' to 'the last day of march')", 'the last day of march'],
    ['first day of may to last day of may', "('first day of may' to 'last day of may')", 'last day of may'],
    ['first day of 2027 to last day of 2027', "('first day of 2027' to 'last day of 2027')", 'last day of 2027'],
    ['dec 24 through dec 26', "('dec 24' to 'dec 26')", 'dec 26'],
    ['tomorrow thru the 20th', "('tomorrow' to 'the 20th')", 'the 20th'],
  ])('%s', async (phrase, ends, last) => {
    expect(await refusal(phrase)).toBe(
      `'${phrase}' is a range of days ${ends}; a one-time message is sent on one | Give one day, such as '${last} at 9am'; to send on each day, give --cron a time and an end, such as 'daily at 9am until ${last}'.`,
    );
  });

  it.each([
    ['second to last day of september', '2027-09-29 09:00'],
    ['the 2nd to the last day of the month', '2026-12-30 09:00'],
    ['the second to the last friday of june', '2027-06-18 09:00'],
    ['3rd to last friday of june', '2027-06-11 09:00'],
  ])('%s counts from the end', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('a span of weekdays is still told as a rule', async () => {
    expect(await refusal('monday to friday')).toMatch(/^'monday to friday' is a recurring schedule, not one time/);
  });
});

describe("a two-digit year with an apostrophe after 'of' or 'in (the year)' is that year, as after the month", () => {
  it.each([
    ["1st oct in the year '27", '2027-10-01 09:00'],
    ["1st oct in the year '27, 13:00", '2027-10-01 13:00'],
    ["oct 1st in the year '28", '2028-10-01 09:00'],
    ["the 2nd of february in the year '27", '2027-02-02 09:00'],
    ["july 4th of '27", '2027-07-04 09:00'],
    ["28 june in '27", '2027-06-28 09:00'],
  ])('%s', async (phrase, at) => {
    expect(await once(phrase)).toEqual({ at, notes: '' });
  });

  it('a year gone by is the past', async () => {
    expect(await refusal("1st oct in the year '89")).toMatch(/^'1st oct in the year '89' is in the past: it means 1989-10-01 09:00 EDT/);
  });
});

describe('a clock, then to, till or until another clock, is a range of times wherever the day stands', () => {
  it.each(['November 20 2 p.m. to 3 p.m', '2 p.m. to 3 p.m.', '16:00 nov 6 to 17:00', '6am dec 5 to 7am', 'noon to 1pm tomorrow', 'tomorrow 16:00 till 17:00'])('%s', async (phrase) => {
    expect(await refusal(phrase)).toBe(
      `'${phrase}' is a range of times; a one-time message is sent at one | Give one time, such as 'tomorrow at 9am'; to repeat within the range, give --cron an interval, such as 'every hour from 9 to 5'.`,
    );
  });

  it.each([
    ['20 to 6pm tomorrow', '2026-12-08 17:40'],
    ['quarter to 5 tomorrow', '2026-12-08 16:45'],
  ])('%s is still one clock', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe("a weekday's name cut short is refused with the name it begins", () => {
  it.each([
    ['frid', 'friday'],
    ['wedn at 5pm', 'wednesday'],
    ['mond', 'monday'],
    ['satu', 'saturday'],
    ['next sund at 3pm', 'sunday'],
    ['tuesd', 'tuesday'],
  ])('%s', async (phrase, name) => {
    const word = phrase.split(' ').find((w) => name.startsWith(w) && w !== name)!;
    expect(await refusal(phrase)).toMatch(new RegExp(`^'${phrase}': did not understand '${word}' \\| Did you mean '${name}' for '${word}'\\? Try `));
  });
});

describe('hours and minutes run together alone are refused with the clock they may be, and how to write it', () => {
  it.each([
    ['1730', '17:30', ''],
    ['2300', '23:00', ''],
    ['1100', '11:00', ' (or with am/pm)'],
    ['730', '7:30', ' (or with am/pm)'],
  ])('%s', async (phrase, clock, meridiem) => {
    expect(await refusal(phrase)).toBe(
      `'${phrase}': digits alone are not read as a time (${clock}?) | Write the time with a colon, such as 'at ${clock}'${meridiem}, or give its day, such as 'tomorrow ${phrase}'.`,
    );
  });

  it('four digits that may be a year say so', async () => {
    expect(await refusal('2027')).toBe(
      "'2027': digits alone are not read as a time (20:27, or the year 2027?) | Write the time with a colon, such as 'at 20:27', or give its day, such as 'tomorrow 2027'; a year alone names no day.",
    );
  });

  it.each([
    ['tomorrow 1730', '2026-12-08 17:30'],
    ['tomorrow 1100', '2026-12-08 11:00'],
  ])('with a day beside them they are the clock: %s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});
