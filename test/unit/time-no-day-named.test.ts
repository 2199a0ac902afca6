import { describe, expect, it } from 'vitest';
import { meaningOfOnce } from '../../src/time/index';

/* Monday 2026-12-07, 12:00 UTC. */
const OPTIONS = { now: Date.parse('2026-12-07T12:00:00Z'), zone: 'UTC' };

async function refusal(phrase: string): Promise<string> {
  try {
    await meaningOfOnce(phrase, OPTIONS);
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return `${message} | ${hint ?? ''}`;
  }
  throw new Error(`'${phrase}' was read`);
}

describe('a year alone names no day: said so, with a day in it to write', () => {
  it.each([
    ['in 2028', "'in 2028' is the year 2028, which names no day | Give a day, such as 'march 1 2028'."],
    ['in the year 2030', "'in the year 2030' is the year 2030, which names no day | Give a day, such as 'march 1 2030'."],
    ['in twenty twenty eight', "'in twenty twenty eight' is the year 2028, which names no day | Give a day, such as 'march 1 2028'."],
    ['In 1999', "'In 1999' is the year 1999, which names no day; 1999 has passed | Give a day to come, such as 'march 1 2027'."],
    // Said before this change too: the words alone could also be a clock.
    [
      'nineteen twenty eight',
      "'nineteen twenty eight' is the year 1928, which names no day; 1928 has passed | Give a day to come, such as 'march 1 2027', or a time on the 24-hour clock, such as 'at 19:28'.",
    ],
  ])('%s', async (phrase, told) => {
    expect(await refusal(phrase)).toBe(told);
  });

  it.each([
    ['in 2028 at 5pm', 'in 2028', '5pm', 2028],
    ['at 9:30am in 2029', 'in 2029', '9:30am', 2029],
    ['in the year twenty thirty at noon', 'in the year twenty thirty', 'noon', 2030],
    ['twenty twenty seven at 5pm', 'twenty twenty seven', '5pm', 2027],
  ])('%s: a year and a time, no day', async (phrase, year, clock, digits) => {
    expect(await refusal(phrase)).toBe(`'${phrase}' is the year ${digits} ('${year}') and a time ('${clock}'), which name no day | Give a day in ${digits}, such as 'march 1 ${digits} at ${clock}'.`);
  });

  it.each([
    ['in twenty minutes', '2026-12-07 12:20 UTC'],
    ['in 2028 march 1', '2028-03-01 09:00 UTC'],
    ['march 1 in the year 2028 at 5pm', '2028-03-01 17:00 UTC'],
  ])('%s still names its time', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).local).toBe(local);
  });
});

describe('this or the current week, month or year alone names no day: a day in it to write', () => {
  it.each([
    ['current month', "'current month': which day is not clear | Give a day in it, such as 'the last day of this month' or 'the 15th of next month'."],
    ['this month', "'this month': which day is not clear | Give a day in it, such as 'the last day of this month' or 'the 15th of next month'."],
    ['the current month at 5pm', "'the current month at 5pm': which day is not clear | Give a day in it, such as 'the last day of this month' or 'the 15th of next month'."],
    ['current week', "'current week': which day is not clear | Give a day in it, such as 'friday this week' or 'monday next week'."],
    ['in the current year', "'in the current year': which day is not clear | Give a day in it, such as 'the last day of this year' or 'the 1st of next month'."],
  ])('%s', async (phrase, told) => {
    expect(await refusal(phrase)).toBe(told);
  });

  it.each([
    ['the last day of the current month', '2026-12-31 09:00 UTC'],
    ['friday of the current week at 3pm', '2026-12-11 15:00 UTC'],
  ])('%s: "current" is this one', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).local).toBe(local);
  });
});
