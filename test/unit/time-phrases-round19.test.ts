import { describe, expect, it } from 'vitest';
import { MONDAY_IN_NEW_YORK as OPTIONS, recurringReading as recurring } from '../helpers/phrase-readings';
import { meaningOfSchedule } from '../../src/time/index';

/* Recurring phrases from other projects' suites (Recognizers-Text, nickel, tickle, ice_cube, cron-descriptor). Monday 2026-12-07, 10:00 in New York. */

describe('a phrase that names seconds is refused as too fine, whatever else it says (cron-descriptor, ice_cube)', () => {
  it.each([
    'Every second, at 0 minutes past the hour',
    'every second, only on sunday, monday, and tuesday',
    'At 10 seconds past the minute, every 5 minutes',
    'At 15 and 45 seconds past the minute',
    'Seconds 5 through 10 past the minute',
    'Minutely on the 10th and 11th seconds of the minute',
    'Secondly',
    'every other second',
    'every 2nd second',
  ])('%s', async (phrase) => {
    await expect(recurring(phrase)).rejects.toThrow(new RegExp(`^'${phrase}': seconds are too fine: Letta's schedules step by whole minutes$`));
  });

  it.each([
    ['every day at 14:02:30', "Give the minute: 'every day at 14:02'."],
    ['At 02:02:30 PM', "Give the minute: 'At 02:02 PM'."],
    ['weekdays at 9:15:45am', "Give the minute: 'weekdays at 9:15am'."],
  ])('a clock to the second: %s', async (phrase, hint) => {
    const refusal = recurring(phrase);
    await expect(refusal).rejects.toThrow(/gives a clock to the second \(\d+:\d+:\d+\): Letta's schedules run at whole minutes/);
    await expect(refusal).rejects.toMatchObject({ hint });
  });

  it('a clock with :00 seconds is its minute, as before', async () => {
    expect((await recurring('every day at 14:02:00')).local).toBe('2 14 * * *');
  });

  it.each([
    ['every second tuesday', /second Tuesday of every month/],
    ['every second week', /Every other Monday/],
    ['every second day', /Every other day/],
  ])('"second" before what it counts is an ordinal: %s', async (phrase, means) => {
    await expect(recurring(phrase)).rejects.toThrow(means);
  });
});

describe("'everyday', 'daily', 'weekdays' before 'this week' or 'next month': within that span, as 'every day next week' is (nickel)", () => {
  it.each([
    ['everyday next month', 'At 09:00 AM, next month', '2027-01-01T14:00:00.000Z'],
    ['everyday next week', 'At 09:00 AM, next week', '2026-12-14T14:00:00.000Z'],
    ['daily next week at 8pm', 'At 08:00 PM, next week', '2026-12-15T01:00:00.000Z'],
    ['weekdays next month', 'At 09:00 AM, Monday through Friday, next month', '2027-01-01T14:00:00.000Z'],
  ])('%s', async (phrase, description, first) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS);
    expect(meaning.type).toBe('series');
    expect(meaning.description).toBe(`${description} (America/New_York)`);
    expect(meaning.next_runs[0]).toBe(first);
  });

  it('this week: from now to its Sunday', async () => {
    const meaning = await meaningOfSchedule('everyday this week', OPTIONS, 10);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 10))).toEqual(['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
  });
});
