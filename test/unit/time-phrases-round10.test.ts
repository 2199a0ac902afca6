import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/* Phrases from other projects' tests and docs that were refused though clear, or read wrong. Sunday 2026-11-22, 10:00 in New York. */
const OPTIONS = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
const THURSDAY = { now: Date.parse('2026-11-26T15:00:00Z'), zone: 'America/New_York' };

const schedule = async (phrase: string, count = 3, options = OPTIONS) => {
  const meaning = await meaningOfSchedule(phrase, options, count);
  return { fires: meaning.next_runs_local.map((local) => local.slice(0, 16)), notes: meaning.notes.join(' ') };
};
const once = async (phrase: string, options = OPTIONS) => {
  const meaning = await meaningOfOnce(phrase, options);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes.join(' ') };
};

describe('a calendar quarter as one time ("end of the quarter", "first monday of next quarter")', () => {
  it.each([
    ['end of the quarter', '2026-12-31 09:00'],
    ['end of quarter', '2026-12-31 09:00'],
    ['the end of this quarter', '2026-12-31 09:00'],
    ['end of next quarter', '2027-03-31 09:00'],
    ['end of the quarter at 5pm', '2026-12-31 17:00'],
    ['start of next quarter', '2027-01-01 09:00'],
    ['beginning of the quarter', '2027-01-01 09:00'],
    ['last day of the quarter', '2026-12-31 09:00'],
    ['first monday of next quarter', '2027-01-04 09:00'],
    ['last friday of the quarter', '2026-12-25 09:00'],
    ['the last business day of next quarter at noon', '2027-03-31 12:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('its end without a time is said to be read at 09:00', async () => {
    expect((await once('end of next quarter')).notes).toMatch(/as its last day at 09:00/);
  });

  it("this quarter's start has passed", async () => {
    await expect(once('start of this quarter')).rejects.toThrow(/in the past/);
  });

  it('as a rule it is still every quarter, said', async () => {
    const read = await schedule('end of the quarter');
    expect(read.fires).toEqual(['2026-12-31 09:00', '2027-03-31 09:00', '2027-06-30 09:00']);
    expect(read.notes).toMatch(/as repeating/);
  });
});

describe('the start of a week ("start of next week") as its Monday, said', () => {
  it.each([
    ['start of next week', OPTIONS, '2026-11-23 09:00'],
    ['beginning of next week at 10am', OPTIONS, '2026-11-23 10:00'],
    ['the start of the week', OPTIONS, '2026-11-23 09:00'],
    ['start of next week', THURSDAY, '2026-11-30 09:00'],
    ['at the beginning of next week', THURSDAY, '2026-11-30 09:00'],
    ['start of the week at 8:30am', THURSDAY, '2026-11-30 08:30'],
  ])('%s', async (phrase, options, at) => {
    const read = await once(phrase, options);
    expect(read.at).toBe(at);
    expect(read.notes).toMatch(/a week starting on Monday/);
  });

  it("this week's start has passed", async () => {
    await expect(once('beginning of this week', THURSDAY)).rejects.toThrow(/in the past/);
  });

  it('which day ends a week is still asked', async () => {
    await expect(once('end of next week')).rejects.toThrow(/which day ends or starts a week is not clear/);
  });
});

describe('an amount that ends at a time of day of its own, then another time ("in 2.5 days at 9am"), is refused saying so', () => {
  it.each([
    ['in 2.5 days at 9am', /gives two times: 2\.5 days from now.*'at 9am'/, /'in 2 days at 9am' or 'in 3 days at 9am'/],
    ['in 1.5 weeks at 9am', /gives two times: 1\.5 weeks from now/, /'in 10 days at 9am' or 'in 11 days at 9am'/],
    ['in a day and a half at noon', /gives two times/, /'in 1 day at noon' or 'in 2 days at noon'/],
    ['in 36 hours at 9am', /gives two times: 36 hours from now/, /'in 1 day at 9am' or 'in 2 days at 9am'/],
    ['in 2 hours at 9am', /gives two times: 2 hours from now/, /'tomorrow at 9am'/],
    ['in 30 minutes tomorrow', /gives two times: 30 minutes from now/, /'tomorrow'/],
    ['in 2.5 days on monday', /gives two times/, /'on monday'/],
    ['2.5 days from now at 9am', /gives two times: 2\.5 days from now/, /'in 2 days at 9am'/],
    ['36 hours from now at noon', /gives two times: 36 hours from now/, /'in 1 day at noon'/],
    ['in 2 1/2 days at noon', /gives two times: 2 1\/2 days from now/, /'in 2 days at noon' or 'in 3 days at noon'/],
  ])('%s', async (phrase, message, hint) => {
    const error = await once(phrase).catch((caught: unknown) => caught as Error & { hint?: string });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as { hint?: string }).hint).toMatch(hint);
  });

  it.each([
    ['in 3 days at 9am', '2026-11-25 09:00'],
    ['in 2.5 days', '2026-11-24 22:00'],
    ['in 1 week at 10am', '2026-11-29 10:00'],
  ])('whole days with a time, or the amount alone, are read: %s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('a rule for the rest of the day or week ("every hour for the rest of the day") runs within it', () => {
  it.each([
    ['every hour for the rest of the day', OPTIONS, ['2026-11-22 11:00', '2026-11-22 12:00', '2026-11-22 13:00'], '2026-11-22 23:00'],
    ['hourly for the rest of the day', OPTIONS, ['2026-11-22 11:00', '2026-11-22 12:00', '2026-11-22 13:00'], '2026-11-22 23:00'],
    ['every 20 minutes for the remainder of the day', OPTIONS, ['2026-11-22 10:20', '2026-11-22 10:40', '2026-11-22 11:00'], '2026-11-22 23:40'],
    ['every 30 min for the rest of today', OPTIONS, ['2026-11-22 10:30', '2026-11-22 11:00', '2026-11-22 11:30'], '2026-11-22 23:30'],
    ['every day at 6pm for the rest of the week', THURSDAY, ['2026-11-26 18:00', '2026-11-27 18:00', '2026-11-28 18:00'], '2026-11-29 18:00'],
  ])('%s', async (phrase, options, first, last) => {
    const read = await schedule(phrase, 60, options);
    expect(read.fires.slice(0, 3)).toEqual(first);
    expect(read.fires.at(-1)).toBe(last);
  });
});

describe('a rule "until the end of the day" runs to midnight as that day ends, said', () => {
  it.each([
    ['every 30 minutes until the end of the day', '2026-11-22 23:30'],
    ['every hour until end of day', '2026-11-22 23:00'],
    ['every 15 min till the end of today', '2026-11-22 23:45'],
    ['every 2 hours until the end of tomorrow', '2026-11-23 23:00'],
  ])('%s', async (phrase, last) => {
    const read = await schedule(phrase, 60);
    expect(read.fires.at(-1)).toBe(last);
    expect(read.notes).toMatch(/as midnight as (?:Sun 22|Mon 23) Nov ends; give the hour to end sooner/);
  });

  it('the end of a working day still names no hour', async () => {
    await expect(schedule('every hour until close of business')).rejects.toThrow(/names no hour/);
  });
});

describe('a quarter by its number ("end of Q1", "first monday of Q2 2027"): the coming one, or that year\'s', () => {
  it.each([
    ['end of q1', '2027-03-31 09:00'],
    ['end of Q1 2027', '2027-03-31 09:00'],
    ['start of Q2', '2027-04-01 09:00'],
    ['beginning of q3 at 10am', '2027-07-01 10:00'],
    ['end of Q4', '2026-12-31 09:00'],
    ['last friday of Q1', '2027-03-26 09:00'],
    ['first monday of q2 2027', '2027-04-05 09:00'],
    ['last day of q2', '2027-06-30 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('a quarter past is in the past, and there is no fifth', async () => {
    await expect(once('end of q1 2025')).rejects.toThrow(/in the past/);
    await expect(once('end of q5')).rejects.toThrow(/did not understand 'q'/);
  });
});
