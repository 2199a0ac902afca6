import { describe, expect, it } from 'vitest';
import { MONDAY_IN_NEW_YORK as OPTIONS, onceReading as once, recurringReading as recurring } from '../helpers/phrase-readings';
import { meaningOf } from '../../src/time/index';

/* Leftovers a review found in the rounds before. Monday 2026-12-07, 10:00 in New York. */

/** What the tool does when given the phrase with neither --execute-at nor --cron: its refusal, "message | hint". */
async function autoRefusal(phrase: string): Promise<string> {
  try {
    await meaningOf(phrase, OPTIONS);
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return `${message} | ${hint ?? ''}`;
  }
  throw new Error(`'${phrase}' was read`);
}

describe('a range of days in a named month, without a word that repeats it, is the one-time refusal however it is given', () => {
  it.each([
    ['first to the last day of september', 'the last day of september'],
    ['first to last day of september', 'last day of september'],
    ['1st to the 10th of may', 'the 10th of may'],
    ['the first through the last day of june', 'the last day of june'],
    ['23rd to 26th oct', 'oct 23'],
  ])('%s', async (phrase, oneDay) => {
    const refusal = await autoRefusal(phrase);
    expect(refusal).toContain(`'${phrase}' is a range of days`);
    expect(refusal).toContain(`Give one day, such as '${oneDay} at 9am'`);
  });

  it.each([
    ['every july 13-15', '0 9 13-15 7 *'],
    ['every 1st to the 10th of may', '0 9 1-10 5 *'],
    ['1st to 5th of every month', '0 9 1-5 * *'],
  ])('with a word that repeats, it is read as before: %s', async (phrase, local) => {
    const read = await meaningOf(phrase, OPTIONS);
    expect(read.type).toBe('recurring');
    expect((read as { local_cron: string }).local_cron).toBe(local);
  });
});

describe("'every second <month>': every other year, or the month's 2nd? Asked, never refused as seconds", () => {
  it.each([
    ['every second january at 9am', 'January', "'every january 2nd at 9am'", "'every 2 years on january 1st at 9am'"],
    ['each second march', 'March', "'every march 2nd'", "'every 2 years on march 1st'"],
    ['every second may', 'May', "'every may 2nd'", "'every 2 years on may 1st'"],
  ])('%s', async (phrase, month, theDay, everyOtherYear) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(`every other ${month}, or ${month} 2nd each year?`);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining(`For the day, write ${theDay}; for every other year, ${everyOtherYear}`) });
    expect(await autoRefusal(phrase)).not.toContain('seconds are too fine');
  });

  it('with its own day it can only be every other year, and says how to write it', async () => {
    const refusal = recurring('every second june 1st');
    await expect(refusal).rejects.toThrow("'second' before a month is every other year here, not seconds");
    await expect(refusal).rejects.toMatchObject({ hint: "Write 'every 2 years on june 1st'; for every year, 'every june 1st'." });
  });

  it.each([
    ['every second monday', 'second Monday of every month'],
    ['every second month', 'counts from January'],
  ])('second before a day or a unit is read as before: %s', async (phrase, note) => {
    expect(JSON.stringify(await meaningOf(phrase, OPTIONS))).toContain(note);
  });

  it('seconds as a unit are still too fine', async () => {
    await expect(recurring('every second')).rejects.toThrow('seconds are too fine');
  });
});

describe("'last night of' a month or year is not last night: refused with the last day, as it is read", () => {
  it.each([
    ['last night of december at 10pm', 'last day of december at 10pm'],
    ['the last night of december', 'the last day of december at 10pm'],
    ['last night of june at 11pm', 'last day of june at 11pm'],
    ['last night of the year', 'last day of the year at 10pm'],
  ])('%s', async (phrase, written) => {
    const refusal = await autoRefusal(phrase);
    expect(refusal).toBe(`'${phrase}': 'last night of' is not read (it is not last night, yesterday's) | Give the last day and the time, such as '${written}'.`);
    await expect(recurring(phrase)).rejects.toThrow("'last night of' is not read");
    // The way it teaches is read.
    expect((await once(written)).at).toMatch(/^2026-12-31 22:00$|^2027-06-30 23:00$/);
  });

  it('last night alone is still yesterday night, in the past', async () => {
    expect(await autoRefusal('last night at 10pm')).toContain('is in the past: it means 2026-12-06 22:00');
  });
});

describe('a year to come said in words beside a time, with no day, is refused as the year alone is', () => {
  it.each([
    ['twenty twenty seven at 5pm', 2027, '5pm'],
    ['at 5pm twenty twenty eight', 2028, '5pm'],
    ['twenty thirty at 9am', 2030, '9am'],
  ])('%s', async (phrase, year, clock) => {
    expect(await autoRefusal(phrase)).toBe(
      `'${phrase}' is the year ${year} ('${phrase.replace(/^at \S+ /, '').replace(/ at \S+$/, '')}') and a time ('${clock}'), which name no day | Give a day in ${year}, such as 'march 1 ${year} at ${clock}'.`,
    );
  });

  it('with a day it is that day of the year, as before', async () => {
    expect((await once('march 3 twenty twenty seven at 5pm')).at).toBe('2027-03-03 17:00');
  });

  it.each(['twenty past five at 9', 'nineteen thirty at 9am'])('a time in words, or a year gone by, is two times as before: %s', async (phrase) => {
    expect(await autoRefusal(phrase)).toContain('names two times');
  });
});
