import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { CLAUSE_RULES, readGroups } from '../../src/time/read-recurring';
import { looksRecurring } from '../../src/time/looks-recurring';
import { instantRuleOf, INSTANT_RULES } from '../../src/time/once';
import { DAY_RULES, readParts } from '../../src/time/read-once';
import { SHAPES, shapesOf } from '../../src/time/resolve-recurring';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';
import { tokenize } from '../../src/time/words';

/*
 * The recurring grammar is a named, ordered list of clause rules whose parts
 * are united (or refused with a reason), never settled by which came first.
 */
const OPTIONS = { now: Date.parse('2026-12-02T16:00:00Z'), zone: 'UTC' };

async function outcome(phrase: string): Promise<string[] | string> {
  try {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 4);
    return meaning.type === 'recurring' ? (meaning.cron_expressions ?? [meaning.cron_expression]) : meaning.next_runs;
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
}

describe('clause rules', () => {
  it('have distinct names and examples', () => {
    const names = CLAUSE_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of CLAUSE_RULES) expect(rule.examples.length, rule.name).toBeGreaterThan(0);
  });

  it.each(CLAUSE_RULES.flatMap((rule) => rule.examples.map((example) => [rule.name, example] as const)))('%s reads %s', (name, example) => {
    const trace: string[] = [];
    readGroups(tokenize(example), trace);
    expect(trace).toContain(name);
  });
});

describe('unite', () => {
  it.each([
    ['every monday at 9am on the 15th', /names days of the week and days of the month together; a cron would fire on either/],
    ['every 5 minutes every 2 hours', /gives two intervals \(every 5 minutes and every 2 hours\)/],
    ['every hour at :15 at :30', /gives two minutes past the hour \(:15 and :30\)/],
    ['mornings and evenings on weekdays', /names two parts of the day \(morning and evening\)/],
    ['saturday mornings and evenings', /names two parts of the day \(morning and evening\)/],
    ['9 on weekdays at 10', /two times one after the other, with no 'and' \('9', then '10'\)/],
    ['every 30 minutes between 9am and 5pm between 1pm and 2pm', /gives two windows/],
    ['every 15th except sundays', /names days of the month and days of the week together/],
    ['every hour at :30 starting at 9am', /gives a start \(09:00\) that is not at the minute past the hour it names \(:30\)/],
    ['daily at 9am every 3 hours', /gives a time of day \(09:00\) and an interval of hours; it does not say whether the time is when the interval starts/],
    ['every 5 minutes at 9am', /gives a time of day \(09:00\) and an interval of minutes/],
    ['twice a day every 3 hours', /says twice a day and every 3 hours/],
    ['every evening at 6am', /puts 06:00 in the evening/],
    ['every 15 minutes from 9 to 5 after 6pm', /gives two windows/],
  ])('refuses %s with the reason', async (phrase, reason) => {
    const result = await outcome(phrase);
    expect(typeof result).toBe('string');
    expect(result).toMatch(reason);
    expect(result).toContain(`'${phrase}'`);
  });

  it('lets "every day" say which days a finer interval runs on, in either order', async () => {
    expect(await outcome('every day every 2 hours')).toEqual(['0 */2 * * *']);
    expect(await outcome('every 2 hours every day')).toEqual(['0 */2 * * *']);
  });

  it('unites two kinds of day only after "and"', async () => {
    expect(await outcome('every monday at 9am and the 15th at 10am')).toEqual(['0 9 * * 1', '0 10 15 * *']);
    // At one time, a Monday the 15th would fire both crons: a series, each instant once.
    expect(await outcome('every monday and the 15th at 9am')).toEqual(['2026-12-07T09:00:00.000Z', '2026-12-14T09:00:00.000Z', '2026-12-15T09:00:00.000Z', '2026-12-21T09:00:00.000Z']);
  });

  it('starts a new group after "and" before other days, with or without a comma', async () => {
    expect(await outcome('weekdays at 9am, and weekends at 11am')).toEqual(['0 9 * * 1-5', '0 11 * * 0,6']);
    expect(await outcome('weekdays at 9am and weekends at 11am')).toEqual(['0 9 * * 1-5', '0 11 * * 0,6']);
  });
});

describe('day rules of the one-time reader', () => {
  it.each(DAY_RULES.flatMap((rule) => rule.examples.map((example) => [rule.name, example] as const)))('%s reads %s', (name, example) => {
    const trace: string[] = [];
    expect(readParts(tokenize(example), trace), example).not.toBeNull();
    expect(trace).toEqual([name]);
  });
});

describe('instant rules', () => {
  it.each(INSTANT_RULES.flatMap((rule) => rule.examples.map((example) => [rule.name, example] as const)))('%s decides %s', (name, example) => {
    expect(instantRuleOf(example, { now: OPTIONS.now, zone: 'America/New_York', repeats: looksRecurring })).toBe(name);
  });
});

describe('shapes of a recurring group', () => {
  it.each(SHAPES.flatMap((shape) => shape.examples.map((example) => [shape.name, example] as const)))('%s builds %s', (name, example) => {
    expect(shapesOf(example)).toEqual([name]);
  });
});

describe('the one-time reader unites its parts too', () => {
  it.each([
    ['next friday tomorrow', /names two days \('next friday' and 'tomorrow'\)/],
    ['tomorrow at 9am at 5pm', /names two times \('9am' and '5pm'\)/],
    ['tonight at 11 next friday', /names today \('tonight'\) and another day \('next friday'\)/],
    ['tomorrow morning in the evening', /names two parts of the day/],
    ['tomorrow at 9am in the evening', /puts 09:00 in the evening/],
    ['5pm tomorrow morning', /puts 17:00 in the morning/],
  ])('refuses %s with the reason', async (phrase, reason) => {
    await expect(meaningOfOnce(phrase, { now: OPTIONS.now, zone: 'America/New_York' })).rejects.toThrow(reason);
  });

  it.each(['tomorrow tomorrow at 9am', 'friday at 5pm on friday', 'today tonight at 8', 'december 25th, friday'])('accepts %s, the same part said twice or a date with its weekday', async (phrase) => {
    await expect(meaningOfOnce(phrase, { now: OPTIONS.now, zone: 'America/New_York' })).resolves.toMatchObject({ type: 'one-time' });
  });
});
