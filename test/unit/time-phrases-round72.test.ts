import { describe, expect, it } from 'vitest';
import { MONDAY_IN_NEW_YORK, onceReading, onceRefusal, scheduleReading as schedule, scheduleRefusal as refusal } from '../helpers/phrase-readings';

/* Repeating phrases said wrongly, read wrongly, or refused for the wrong reason. Monday 2026-12-07, 10:00 in New York. */

describe('a month step that does not start in January says its months, not a range of them', () => {
  it.each([
    ['every 2 months starting dec 5', 'At 09:00 AM, on day 5 of the month, only in February, April, June, August, October, and December, starting dec 5'],
    ['every other month on the 10th starting feb 1', 'At 09:00 AM, on day 10 of the month, only in February, April, June, August, October, and December, starting feb 1'],
    ['every 3 months on the 1st starting feb 1', 'At 09:00 AM, on day 1 of the month, only in February, May, August, and November, starting feb 1'],
  ])('%s', async (phrase, description) => {
    expect((await schedule(phrase)).description).toBe(`${description} (America/New_York)`);
  });

  it('a step from January is still every N months', async () => {
    expect((await schedule('every 2 months on the 5th')).description).toBe('At 09:00 AM, on day 5 of the month, every 2 months (America/New_York)');
  });
});

describe('an interval that takes a set of crons is said as its step, not as each cron', () => {
  it.each([
    ['every 45 minutes starting at 3pm for 4 times', 'Every 45 minutes from 00:00 to 23:15, for 4 times', ['2026-12-07 10:30', '2026-12-07 11:15', '2026-12-07 12:00', '2026-12-07 12:45']],
    ['every 45 minutes from 9 to 5', 'Every 45 minutes from 09:00 to 16:30', ['2026-12-07 10:30', '2026-12-07 11:15', '2026-12-07 12:00', '2026-12-07 12:45']],
    ['every 40 minutes starting at 9am on fridays', 'Every 40 minutes from 00:20 to 23:40, on Fridays', ['2026-12-11 00:20', '2026-12-11 01:00', '2026-12-11 01:40', '2026-12-11 02:20']],
    ['every 90 minutes from 9am to 5pm for 3 days', 'Every 90 minutes from 09:00 to 16:30, for 3 days', ['2026-12-07 10:30', '2026-12-07 12:00', '2026-12-07 13:30', '2026-12-07 15:00']],
    ['every 45 minutes', 'Every 45 minutes', undefined],
  ])('%s', async (phrase, description, fires) => {
    const read = await schedule(phrase);
    expect(read.description).toBe(`${description} (America/New_York)`);
    if (fires) expect(read.fires).toEqual(fires);
  });
});

describe('a weekday and its day of the month are one date: days joined to it with "the" again are days of their own', () => {
  it.each([
    ['every friday the 13th and the 1st', ['2027-01-01 09:00', '2027-02-01 09:00', '2027-03-01 09:00', '2027-04-01 09:00']],
    ['every friday the 13th and the 1st in may', ['2027-05-01 09:00', '2027-08-13 09:00', '2028-05-01 09:00', '2028-10-13 09:00']],
    ['every friday the 13th, the 1st and the 15th', ['2026-12-15 09:00', '2027-01-01 09:00', '2027-01-15 09:00', '2027-02-01 09:00']],
    ['every friday the 13th and the last day of the month', ['2026-12-31 09:00', '2027-01-31 09:00', '2027-02-28 09:00', '2027-03-31 09:00']],
    ['the 1st and every friday the 13th', ['2027-01-01 09:00', '2027-02-01 09:00', '2027-03-01 09:00', '2027-04-01 09:00']],
    ['every 15th and every friday the 13th at 5pm', ['2026-12-15 17:00', '2027-01-15 17:00', '2027-02-15 17:00', '2027-03-15 17:00']],
  ])('%s', async (phrase, fires) => {
    const read = await schedule(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.description).toContain('on a Friday that is day 13 of the month');
  });

  it('days listed after the weekday without "the" again are the days it must fall on', async () => {
    const read = await schedule('every tuesday the 1st and 15th');
    expect(read.description).toBe('At 09:00 on a Tuesday that is day 1 and 15 of the month (America/New_York)');
    expect(read.fires.slice(0, 2)).toEqual(['2026-12-15 09:00', '2027-06-01 09:00']);
  });
});

describe("'early' or 'late' alone: the word said leaves the hour open, and the example is the phrase with a time", () => {
  it.each([
    ['late friday', "'late friday': 'late' leaves the hour open | Give the time, such as 'every friday at 10pm'."],
    ['every friday late', "'every friday late': 'late' leaves the hour open | Give the time, such as 'every friday at 10pm'."],
    ['mondays really early', "'mondays really early': 'early' leaves the hour open | Give the time, such as 'mondays at 7am'."],
  ])('given as a schedule: %s', async (phrase, said) => {
    expect(await refusal(phrase)).toBe(said);
  });

  it.each([
    ['late friday', "'late friday': 'late' leaves the hour open | Give the time, such as 'friday at 10pm'."],
    ['early tomorrow', "'early tomorrow': 'early' leaves the hour open | Give the time, such as 'tomorrow at 7am'."],
  ])('given as one instant: %s', async (phrase, said) => {
    expect(await onceRefusal(phrase)).toBe(said);
  });
});

describe('minutes to an hour in words after an interval are a time of day, as in digits, not a window of hours', () => {
  it.each([
    ['every hour at ten to eleven', '(10:50)'],
    ['every 2 hours at ten to eleven', '(10:50)'],
    ['every hour at five to nine', '(08:55)'],
    ['every hour at twenty to 4', '(15:40)'],
    ['every 15 minutes at twenty five to six', '(17:35)'],
  ])('%s', async (phrase, time) => {
    expect(await refusal(phrase)).toContain(`gives a time of day ${time} and an interval`);
  });

  it('hours in words are still a window', async () => {
    expect((await schedule('every hour at nine to five')).description).toBe('Every hour, between 09:00 AM and 05:00 PM (America/New_York)');
  });
});

describe('a number read as a day of the month offers the clock it would be read as: 1 to 5 pm, 6 to 11 am, 12 noon', () => {
  it.each([
    ['on 9 next week', "for a time next week, give its day, such as 'monday next week at 9am'."],
    ['on 12 next week', "for a time next week, give its day, such as 'monday next week at noon'."],
    ['on 3 next week', "for a time next week, give its day, such as 'monday next week at 3pm'."],
  ])('%s', async (phrase, hint) => {
    expect(await onceRefusal(phrase)).toContain(hint);
  });

  it.each([
    ['on 10 this week', "for a time, write 'at 10am'"],
    ['on 8 next month', "for a time, write 'at 8am'"],
  ])('%s', async (phrase, note) => {
    expect((await onceReading(phrase)).notes).toContain(note);
  });
});

describe('a count alone ("once", "twice", "3 times") says how many times, not when, and what to give', () => {
  it.each([
    ['once', "'once': 'once' says how many times, not when | Give the time, such as 'tomorrow at 9am' or 'in 1 hour' (a one-time message is sent once)."],
    ['just once', "'just once': 'once' says how many times, not when | Give the time, such as 'tomorrow at 9am' or 'in 1 hour' (a one-time message is sent once)."],
    ['once please', "'once please': 'once' says how many times, not when | Give the time, such as 'tomorrow at 9am' or 'in 1 hour' (a one-time message is sent once)."],
    ['twice', "'twice': 'twice' says how many times, not when | Give a rule to repeat by, such as 'twice a day' or 'twice a week', to --cron."],
  ])('as one instant: %s', async (phrase, said) => {
    expect(await onceRefusal(phrase)).toBe(said);
  });

  it.each([
    [
      'one time',
      "'one time': 'one time' says how many times, not when | For one time, give the time to --execute-at, such as 'tomorrow at 9am'; to repeat, say how often, such as 'once a week on monday'.",
    ],
    ['once only', "'once only': 'once' says how many times, not when | For one time, give the time to --execute-at"],
    ['3 times', "'3 times': '3 times' says how many times, not when | Give a rule to repeat by, such as 'every day at 9am 3 times'."],
  ])('as a schedule: %s', async (phrase, said) => {
    expect(await refusal(phrase)).toContain(said);
  });
});

describe("a rule whose end comes before its next run says so: today's run gone by, and the next after the end", () => {
  const LATER = { ...MONDAY_IN_NEW_YORK, now: Date.parse('2026-12-07T16:00:00Z') };

  it.each([
    ['every monday this week', "'every monday this week' has no run left before its end, 2026-12-13 23:59 EST: today's run, at 09:00 EST, has passed, and the next is 2026-12-14 09:00 EST"],
    ['daily until today', "'daily until today' has no run left before its end, 2026-12-07 23:59 EST: today's run, at 09:00 EST, has passed, and the next is 2026-12-08 09:00 EST"],
  ])('%s, said at 11:00', async (phrase, said) => {
    expect(await refusal(phrase, LATER)).toBe(`${said} | Give a later end, or a time still to come today.`);
  });

  it('a rule that has not run today still ends before it first runs, and names its next run', async () => {
    expect(await refusal('every friday at 9am until tomorrow', LATER)).toBe(
      "'every friday at 9am until tomorrow' ends at 2026-12-08 23:59 EST, before it first runs (the next is 2026-12-11 09:00 EST) | Give a later end, or leave it out.",
    );
  });
});

describe('a hedge before a day said with next, this, a month or an ordinal is read as exact, as before tomorrow or a clock', () => {
  it.each([
    ['around next tuesday', '2026-12-08 09:00', 'around'],
    ['roughly next friday at 3pm', '2026-12-11 15:00', 'roughly'],
    ['approximately next monday', '2026-12-14 09:00', 'approximately'],
    ['around march 3rd', '2027-03-03 09:00', 'around'],
    ['about the 15th', '2026-12-15 09:00', 'about'],
    ['about dec 24 at noon', '2026-12-24 12:00', 'about'],
  ])('%s', async (phrase, at, word) => {
    const read = await onceReading(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(`as exact, without '${word}'`);
  });
});

describe('two clocks joined by a dash are a range of times, refused as one said with "to" is', () => {
  it.each(['3-4pm', 'tomorrow 3 - 4pm', 'this thu 9-11am', '3:30-6 p.m.', '9am-11am', '10-11am tomorrow'])('%s', async (phrase) => {
    expect(await onceRefusal(phrase)).toBe(
      `'${phrase}' is a range of times; a one-time message is sent at one | Give one time, such as 'tomorrow at 9am'; to repeat within the range, give --cron an interval, such as 'every hour from 9 to 5'.`,
    );
  });
});

describe('"the coming week", "this upcoming month": the next one, said, as "the coming monday" is read', () => {
  it.each([
    ['coming week', '2026-12-14 09:00', "read 'coming week' as next week"],
    ['the coming week at 3pm', '2026-12-14 15:00', "read 'the coming week' as next week"],
    ['friday of the coming week', '2026-12-18 09:00', "read 'the coming week' as next week"],
    ['this upcoming month', '2027-01-07 09:00', "read 'this upcoming month' as next month"],
    ['the upcoming weekend', '2026-12-12 09:00', "read 'the upcoming weekend' as Sat 12 Dec"],
  ])('%s', async (phrase, at, note) => {
    const read = await onceReading(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(note);
  });
});

describe('"the next few days", "next couple of hours": a span, refused as "next 3 days" is, however many', () => {
  it.each(['next few days', 'the next couple of days', 'next couple days', 'over the next few days', 'next few hours', 'the next several weeks'])('%s', async (phrase) => {
    expect(await onceRefusal(phrase)).toBe(`'${phrase}': a span is not one time | Say when in it, such as 'in 5 days'.`);
  });

  it('a few days from now is still one time', async () => {
    expect((await onceReading('in a few days')).at).toBe('2026-12-10 10:00');
  });
});

describe('a day "of this year" is read as the same day "this year", as "of next year" was', () => {
  it.each([
    ['christmas of this year', '2026-12-25 09:00'],
    ['december 25 of this year', '2026-12-25 09:00'],
    ["new year's eve of this year", '2026-12-31 09:00'],
    ['christmas in this year', '2026-12-25 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await onceReading(phrase)).at).toBe(at);
  });

  it('one gone by is in the past, not a day left open', async () => {
    expect(await onceRefusal('thanksgiving of this year')).toContain("'thanksgiving of this year' is in the past: it means 2026-11-26 09:00 EST");
  });

  it('a span of the year keeps its "of"', async () => {
    expect((await onceReading('the last day of this year')).at).toBe('2026-12-31 09:00');
  });
});

describe('the nth or last weekend of a month is its Saturday, as "this weekend" is, said', () => {
  it.each([
    ['last weekend of october', '2027-10-30 09:00', "read 'last weekend of october' as its Saturday, the last saturday of october; for the Sunday, say 'last sunday of october'"],
    ['the last weekend of the month', '2026-12-26 09:00', "read 'the last weekend of the month' as its Saturday"],
    ['first weekend of next month', '2027-01-02 09:00', "read 'first weekend of next month' as its Saturday"],
    ['the second weekend in january at 10am', '2027-01-09 10:00', "read 'the second weekend in january' as its Saturday"],
  ])('%s', async (phrase, at, note) => {
    const read = await onceReading(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(note);
  });
});

describe('a movable holiday "of this year" or "of next year" is read as with the year said plainly', () => {
  it('easter of next year', async () => {
    expect((await onceReading('easter of next year')).at).toBe('2027-03-28 09:00');
  });

  it.each(['black friday of this year', 'cyber monday in this year'])('%s, gone by, is in the past', async (phrase) => {
    expect(await onceRefusal(phrase)).toContain(`'${phrase}' is in the past`);
  });
});

describe('"qtr" is a quarter to the repeating reader too, as it is to the one-time reader', () => {
  it.each([
    ['every qtr', ['2027-01-01 09:00', '2027-04-01 09:00', '2027-07-01 09:00', '2027-10-01 09:00']],
    ['every qtr on the 15th', ['2027-01-15 09:00', '2027-04-15 09:00', '2027-07-15 09:00', '2027-10-15 09:00']],
    ['every other qtr', ['2027-01-01 09:00', '2027-07-01 09:00', '2028-01-01 09:00', '2028-07-01 09:00']],
  ])('%s', async (phrase, fires) => {
    const read = await schedule(phrase);
    expect(read.fires.map((fire) => fire.slice(0, 10))).toEqual(fires.map((fire) => fire.slice(0, 10)));
  });
});
