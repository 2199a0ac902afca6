import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/* Phrases from other projects' tests and docs that were refused though clear. Sunday 2026-11-22, 10:00 in New York. */
const OPTIONS = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };

const schedule = async (phrase: string, count = 3) => {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, count);
  return { fires: meaning.next_runs_local.map((local) => local.slice(0, 16)), notes: meaning.notes.join(' ') };
};
const once = async (phrase: string, options = OPTIONS) => {
  const meaning = await meaningOfOnce(phrase, options);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes.join(' ') };
};

describe('a part of a day or week ("in 1.5 days", "in half a day"): the whole days on the calendar, the rest as hours', () => {
  it.each([
    ['in 1.5 days', '2026-11-23 22:00'],
    ['in 2.5 days', '2026-11-24 22:00'],
    ['in half a day', '2026-11-22 22:00'],
    ['in a day and a half', '2026-11-23 22:00'],
    ['in 1.25 days', '2026-11-23 16:00'],
    ['in 0.1 days', '2026-11-22 12:24'],
    ['in 1.5 weeks', '2026-12-02 22:00'],
    ['in half a week', '2026-11-25 22:00'],
    ['in 1 1/2 days', '2026-11-23 22:00'],
    ['in 1.5 years', '2028-05-22 10:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('the whole days keep the clock across a change of offset, the part is elapsed hours', async () => {
    // Saturday 2026-03-07 10:00 in New York; the clocks go forward on Sunday 8 March.
    expect((await once('in 1.5 days', { now: Date.parse('2026-03-07T15:00:00Z'), zone: 'America/New_York' })).at).toBe('2026-03-08 22:00');
  });

  it.each([
    ['in 1.5 months', /a part of a month has no fixed length/],
    ['in 1.333 days', /not a whole number of minutes/],
  ])('refused where it has no exact length: %s', async (phrase, message) => {
    await expect(once(phrase)).rejects.toThrow(message);
  });
});

describe('hours and minutes written as a clock writes them after "every" ("every 2h30")', () => {
  it.each([
    ['every 2h30', ['2026-11-22 10:01', '2026-11-22 12:31', '2026-11-22 15:01']],
    ['every 1h30', ['2026-11-22 11:30', '2026-11-22 13:00', '2026-11-22 14:30']],
    ['every 1h15', ['2026-11-22 10:01', '2026-11-22 11:16', '2026-11-22 12:31']],
    ['every 2 h 30', ['2026-11-22 10:01', '2026-11-22 12:31', '2026-11-22 15:01']],
    ['every 3h20 from 9 to 5', ['2026-11-22 12:20', '2026-11-22 15:40', '2026-11-23 09:00']],
  ])('%s', async (phrase, fires) => {
    expect((await schedule(phrase)).fires).toEqual(fires);
  });

  it('a count after the hours stays a count', async () => {
    expect((await schedule('every 2h 10 times')).fires).toEqual(['2026-11-22 11:00', '2026-11-22 13:00', '2026-11-22 15:00']);
  });
});
