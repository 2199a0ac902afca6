import { describe, expect, it } from 'vitest';
import { meaningOf, meaningOfOnce, meaningOfRecurring } from '../../src/time/index';

/* One-time readings that were left open or read without a word. Wednesday 2026-12-02, 10:04 in New York. */
const OPTIONS = { now: Date.parse('2026-12-02T15:04:00Z'), zone: 'America/New_York' };

async function refusal(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return `${message} | ${hint ?? ''}`;
  }
  throw new Error('the phrase was read');
}

describe('a part of a week names no weekday: refused with the weekdays it could mean and a weekday to write', () => {
  it.each([
    ['middle of the week', 'tuesday? wednesday? thursday?', "'wednesday at 9am' or, to repeat, 'every wednesday at 9am'"],
    ['midweek at 9am', 'tuesday? wednesday? thursday?', "'wednesday at 9am' or, to repeat, 'every wednesday at 9am'"],
    ['mid-week', 'tuesday? wednesday? thursday?', "'wednesday at 9am'"],
    ['middle of next week', 'tuesday? wednesday? thursday?', "'wednesday next week at 9am'"],
    ['early next week', 'monday? tuesday?', "'monday next week at 9am'"],
    ['early next week at 9am', 'monday? tuesday?', "'monday next week at 9am'"],
    ['late this week', 'thursday? friday?', "'thursday at 9am'"],
    ['early in the week', 'monday? tuesday?', "'monday at 9am'"],
  ])('%s', async (phrase, days, example) => {
    const told = await refusal(meaningOfOnce(phrase, OPTIONS));
    expect(told).toContain(`names no weekday (${days})`);
    expect(told).toContain(`Give the weekday, such as ${example}`);
    expect(told).not.toContain('month');
  });

  it.each(['every middle of the week', 'every midweek at 9am'])('repeating, the hint repeats on the weekday: %s', async (phrase) => {
    const told = await refusal(meaningOfRecurring(phrase, OPTIONS));
    expect(told).toContain("Give the weekday, such as 'every wednesday at 9am' or, once, 'wednesday at 9am'.");
  });
});

describe('a one-time clock kept to the second shows its seconds, in the local time and in the am/pm note', () => {
  it.each([
    ['at 14:02:30', '2026-12-02 14:02:30 EST', ''],
    ['at 3:15:45', '2026-12-02 15:15:45 EST', "read '3:15:45' as 15:15:45; write '3:15:45 am' or 03:15:45 for the morning"],
    ['dec 8 3:05:57', '2026-12-08 15:05:57 EST', "read '3:05:57' as 15:05:57; write '3:05:57 am' or 03:05:57 for the morning"],
    ['2026-12-08 3:05:57', '2026-12-08 15:05:57 EST', "read '3:05:57' as 15:05:57; write '3:05:57 am' or 03:05:57 for the morning"],
    ['12:00:30', '2026-12-02 12:00:30 EST', "read '12:00:30' as 12:00:30, after noon; write '12:00:30 am' or 00:00:30 for after midnight"],
    ['friday at 4:10:20pm', '2026-12-04 16:10:20 EST', ''],
    // Minutes that repeat the hour's digit after a zero ("2:02") are no leading zero: the afternoon, as "at 2:02" is.
    ['at 2:02:30', '2026-12-02 14:02:30 EST', "read '2:02:30' as 14:02:30; write '2:02:30 am' or 02:02:30 for the morning"],
    ['next friday at 3:03:30', '2026-12-04 15:03:30 EST', "read '3:03:30' as 15:03:30; write '3:03:30 am' or 03:03:30 for the morning"],
    ['at 14:02:00', '2026-12-02 14:02 EST', ''],
  ])('%s', async (phrase, local, notes) => {
    const meaning = await meaningOfOnce(phrase, OPTIONS);
    expect(meaning.local).toBe(local);
    expect(meaning.notes.join(' ')).toBe(notes);
  });

  it('a clock read to its minute and the seconds added says its seconds too', async () => {
    const meaning = await meaningOfOnce('12/08 3:05:57', OPTIONS);
    expect(meaning.local).toBe('2026-12-08 15:05:57 EST');
    expect(meaning.notes).toContain("read '3:05:57' as 15:05:57; write '3:05:57 am' or 03:05:57 for the morning");
  });

  it.each([
    ['at 2:02:99', "'2:02:99' is not a time of day: second 99 is out of range (00-59) | Give a second from 00 to 59, such as '2:02:30'."],
    ['dec 8 18:05:60', "'18:05:60' is not a time of day: second 60 is out of range (00-59) | Give a second from 00 to 59, such as '18:05:30'."],
    ['2026-12-10 09:00:61', "'09:00:61' is not a time of day: second 61 is out of range (00-59) | Give a second from 00 to 59, such as '09:00:30'."],
  ])('%s: a second past 59 is refused, never rolled into the next minute', async (phrase, said) => {
    expect(await refusal(meaningOfOnce(phrase, OPTIONS))).toBe(said);
  });

  it('a time to the second in the past is shown to the second', async () => {
    expect(await refusal(meaningOfOnce('2026-12-01 10:03:30', OPTIONS))).toContain('it means 2026-12-01 10:03:30 EST');
  });
});

describe('early, mid or late in a part of the day beside a clock: the part decides am or pm', () => {
  it.each([
    ['early morning at 7', '2026-12-03 07:00 EST'],
    ['early morning at 8:00', '2026-12-03 08:00 EST'],
    ['morning at 8', '2026-12-03 08:00 EST'],
    ['late evening at 10', '2026-12-02 22:00 EST'],
    ['late evening at 10:30', '2026-12-02 22:30 EST'],
    ['early afternoon at 2', '2026-12-02 14:00 EST'],
    ['early evening at 6', '2026-12-02 18:00 EST'],
    ['late night at 11', '2026-12-02 23:00 EST'],
    ['at 8 in the early morning', '2026-12-03 08:00 EST'],
    ['early in the morning at 7', '2026-12-03 07:00 EST'],
    ['mid-afternoon at 3', '2026-12-02 15:00 EST'],
    ['midmorning at 10', '2026-12-03 10:00 EST'],
    ['tomorrow at 6am early morning', '2026-12-03 06:00 EST'],
    ['dec 16 at 11 very late morning', '2026-12-16 11:00 EST'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).local).toBe(local);
  });

  it.each([
    ['early morning at 8pm', "'early morning at 8pm' puts 20:00 in the morning"],
    ['late evening at 9am', "'late evening at 9am' puts 09:00 in the evening"],
  ])('a clock the part of the day cannot hold is refused: %s', async (phrase, message) => {
    expect(await refusal(meaningOfOnce(phrase, OPTIONS))).toContain(message);
  });

  it.each(['early morning', 'tomorrow early morning', 'late evening'])('without a clock the hour is still open: %s', async (phrase) => {
    expect(await refusal(meaningOfOnce(phrase, OPTIONS))).toContain('leaves the hour open');
  });
});

describe('early, mid or late in a part of the day in a repeating phrase: read as the one-time reader reads it', () => {
  it.each([
    ['every day early morning at 7', '0 7 * * *'],
    ['every weekday late evening at 10', '0 22 * * 1-5'],
    ['every monday early afternoon at 2:30', '30 14 * * 1'],
    ['daily at 8 in the early morning', '0 8 * * *'],
    ['every day early in the morning at 6', '0 6 * * *'],
    ['weekdays mid-afternoon at 3', '0 15 * * 1-5'],
    ['every friday midmorning at 10', '0 10 * * 5'],
    ['every day late night at 11', '0 23 * * *'],
    ['every day early morning at 7 and late evening at 10', '0 7,22 * * *'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfRecurring(phrase, OPTIONS)).local_cron).toBe(local);
  });

  it.each([
    ['every day early morning at 8pm', "'every day early morning at 8pm' puts 20:00 in the morning"],
    ['every weekday late evening at 9am', "'every weekday late evening at 9am' puts 09:00 in the evening"],
  ])('a clock the part of the day cannot hold is refused: %s', async (phrase, message) => {
    expect(await refusal(meaningOfRecurring(phrase, OPTIONS))).toContain(message);
  });

  it.each(['every day early morning', 'weekdays late evening'])('without a clock the hour is still open: %s', async (phrase) => {
    expect(await refusal(meaningOfRecurring(phrase, OPTIONS))).toContain('leaves the hour open');
  });
});

describe('a range of days with no month: every month, said; a month named to its last day is exact', () => {
  it.each([
    ['the 1st to the 10th', '0 9 1-10 * *', "read 'the 1st to the 10th' as days 1 to 10 of every month"],
    ['1st to 10th', '0 9 1-10 * *', "read '1st to 10th' as days 1 to 10 of every month"],
    ['the 5th through the 9th at 5pm', '0 17 5-9 * *', "read 'the 5th through the 9th' as days 5 to 9 of every month"],
  ])('%s', async (phrase, local, note) => {
    const auto = await meaningOf(phrase, OPTIONS);
    const rule = await meaningOfRecurring(phrase, OPTIONS);
    for (const meaning of [auto, rule]) {
      expect(meaning.type).toBe('recurring');
      expect((meaning as { local_cron: string }).local_cron).toBe(local);
      expect(meaning.notes.join(' ')).toContain(note);
    }
  });

  it.each(['the 1st to the 10th of every month', 'monthly on the 1st to the 10th', 'the 1st to the 10th of march', 'the 10th to the last day'])('with its months said, no note: %s', async (phrase) => {
    expect((await meaningOfRecurring(phrase, OPTIONS)).notes.join(' ')).not.toContain('of every month');
  });

  it.each(['the 1st to the 10th', 'first to last day of september'])('one time, it is refused as a range: %s', async (phrase) => {
    expect(await refusal(meaningOfOnce(phrase, OPTIONS))).toContain('is a range of days');
  });

  it.each([
    ['first to last day of september', '0 9 * 9 *', ''],
    ['1st to last day of april', '0 9 * 4 *', ''],
    ['first to last day of february', '0 9 * 2 *', "read 'first to last day of february' as every day of February to the 28th or, in a leap year, the 29th"],
    ['the 10th to the last day of feb', '0 9 10-31 2 *', "read 'the 10th to the last day of feb' as February 10 to the 28th or, in a leap year, the 29th"],
  ])('%s is every day from the first to the month end, each year', async (phrase, local, notes) => {
    const meaning = await meaningOfRecurring(phrase, OPTIONS);
    expect(meaning.local_cron).toBe(local);
    expect(meaning.notes.join(' ')).toBe(notes);
  });

  it('"2nd to last day" still counts from the end', async () => {
    expect((await meaningOfOnce('2nd to last day of the month', OPTIONS)).local).toBe('2026-12-30 09:00 EST');
  });
});

describe('a year said in words after a date is read as that year, said', () => {
  it.each([
    ['march 3 twenty twenty seven at 5pm', '2027-03-03 17:00 EST', 'twenty twenty seven', 2027],
    ['march 3 twenty twenty-seven at 5pm', '2027-03-03 17:00 EST', 'twenty twenty-seven', 2027],
    ['march 3 two thousand twenty seven at 5pm', '2027-03-03 17:00 EST', 'two thousand twenty seven', 2027],
    ['march 3 two thousand and twenty seven', '2027-03-03 09:00 EST', 'two thousand and twenty seven', 2027],
    ['3 march twenty twenty eight', '2028-03-03 09:00 EST', 'twenty twenty eight', 2028],
    ['the 3rd of march twenty twenty seven', '2027-03-03 09:00 EST', 'twenty twenty seven', 2027],
    // The day in words too: it was read as 20:27 on that day.
    ['march third twenty twenty seven', '2027-03-03 09:00 EST', 'twenty twenty seven', 2027],
    ['march twenty first twenty twenty seven', '2027-03-21 09:00 EDT', 'twenty twenty seven', 2027],
  ])('%s', async (phrase, local, said, year) => {
    const meaning = await meaningOfOnce(phrase, OPTIONS);
    expect(meaning.local).toBe(local);
    expect(meaning.notes).toContain(`read '${said}' as the year ${year}; write ${year} to say so`);
  });

  it('a year in digits has no note', async () => {
    expect((await meaningOfOnce('march 3 2027 at 5pm', OPTIONS)).notes).toEqual([]);
  });
});

describe('a day of the month with this or next week: the date when it falls in that week, else refused with each reading', () => {
  it.each(['on 3 next week', 'on 1 next week'])('%s given as a repeating schedule gets the same refusal, not a date in another month', async (phrase) => {
    const said = await refusal(meaningOfRecurring(phrase, OPTIONS));
    expect(said).toContain(`'${phrase}': next week (Mon 7 Dec to Sun 13 Dec) has no`);
    expect(said).not.toContain('is one instant');
  });

  it.each([
    ['on 9 next week', '2026-12-09 09:00 EST', "read '9' as the 9th, Wed 9 Dec, in next week (Mon 7 Dec to Sun 13 Dec); for a time, write 'at 9am'"],
    ['on 9 next week at 5pm', '2026-12-09 17:00 EST', "read '9' as the 9th, Wed 9 Dec, in next week (Mon 7 Dec to Sun 13 Dec)"],
    ['next week on the 11th', '2026-12-11 09:00 EST', "read 'the 11th' as Fri 11 Dec, in next week (Mon 7 Dec to Sun 13 Dec)"],
    ['on the 4th this week', '2026-12-04 09:00 EST', "read 'the 4th' as Fri 4 Dec, in this week (Mon 30 Nov to Sun 6 Dec)"],
  ])('%s', async (phrase, local, note) => {
    const meaning = await meaningOfOnce(phrase, OPTIONS);
    expect(meaning.local).toBe(local);
    expect(meaning.notes).toEqual([note]);
  });

  it.each([
    [
      'on 15 next week',
      "'on 15 next week': next week (Mon 7 Dec to Sun 13 Dec) has no 15th | For the date, write 'december 15'; for a time next week, give its day, such as 'monday next week at 15:00'.",
    ],
    ['the 15th next week', "'the 15th next week': next week (Mon 7 Dec to Sun 13 Dec) has no 15th | For the date, write 'december 15'."],
    ['on the 20 this week', "'on the 20 this week': this week (Mon 30 Nov to Sun 6 Dec) has no 20th | For the date, write 'december 20'."],
    ['on 1 this week', "'on 1 this week': the 1st this week (Tue 1 Dec) has passed | For the date, write 'january 1'; for a time this week, give its day, such as 'monday this week at 1pm'."],
  ])('%s', async (phrase, told) => {
    expect(await refusal(meaningOfOnce(phrase, OPTIONS))).toBe(told);
  });

  it.each([
    ['on 15 next week at 9am', 'december 15 at 9am', '2026-12-15 09:00 EST'],
    ['on the 20 this week at 3pm', 'december 20 at 3pm', '2026-12-20 15:00 EST'],
    ['next week on the 1st at 8:30pm', 'january 1 at 8:30pm', '2027-01-01 20:30 EST'],
    ['the 25th next week at noon', 'december 25 at noon', '2026-12-25 12:00 EST'],
    ['at 9am on 25 next week', 'at 9am on december 25', '2026-12-25 09:00 EST'],
  ])('%s: the date written instead keeps the clock', async (phrase, instead, local) => {
    expect(await refusal(meaningOfOnce(phrase, OPTIONS))).toContain(`For the date, write '${instead}'.`);
    expect((await meaningOfOnce(instead, OPTIONS)).local).toBe(local);
  });

  it.each([
    ['on 3 next month', '2027-01-03 09:00 EST', "read '3' as the 3rd of next month; for a time, write 'at 3pm'"],
    ['next month on 3', '2027-01-03 09:00 EST', "read '3' as the 3rd of next month; for a time, write 'at 3pm'"],
    ['on 3 next month at 5pm', '2027-01-03 17:00 EST', "read '3' as the 3rd of next month"],
    ['on 25 this month', '2026-12-25 09:00 EST', "read '25' as the 25th of this month, Fri 25 Dec"],
  ])('a bare number with a month is its day, said: %s', async (phrase, local, note) => {
    const meaning = await meaningOfOnce(phrase, OPTIONS);
    expect(meaning.local).toBe(local);
    expect(meaning.notes).toEqual([note]);
  });

  it('a clock with the week is still a clock on the day a week from today', async () => {
    expect((await meaningOfOnce('on 3pm next week', OPTIONS)).local).toBe('2026-12-09 15:00 EST');
  });
});
