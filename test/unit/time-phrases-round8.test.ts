import { describe, expect, it } from 'vitest';
import { meaningOfSchedule } from '../../src/time/index';

/*
 * Phrases one word away from ones read rightly, whose other reading must be said. Sunday 2026-11-22,
 * 10:00 in New York.
 */
const OPTIONS = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };

const schedule = async (phrase: string) => {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, 2);
  return { fires: meaning.next_runs_local.map((local) => local.slice(0, 16)), notes: meaning.notes.join(' ') };
};

describe('a clock right after "every" may be meant as a span ("every 1:30"): the time of day it is read as is said', () => {
  it.each([
    ['every 1:30', ['2026-11-22 13:30', '2026-11-23 13:30'], 'every 1 hour 30 minutes'],
    ['every 0:30', ['2026-11-23 00:30', '2026-11-24 00:30'], 'every 30 minutes'],
    ['each 0:45', ['2026-11-23 00:45', '2026-11-24 00:45'], 'every 45 minutes'],
    ['every 2:00', ['2026-11-22 14:00', '2026-11-23 14:00'], 'every 2 hours'],
    ['every 1.30', ['2026-11-22 13:30', '2026-11-23 13:30'], 'every 1 hour 30 minutes'],
    ['every 12:00', ['2026-11-22 12:00', '2026-11-23 12:00'], 'every 12 hours'],
    ['every 0:30 on weekdays', ['2026-11-23 00:30', '2026-11-24 00:30'], 'every 30 minutes'],
  ])('%s', async (phrase, fires, interval) => {
    const read = await schedule(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toContain(`as a time of day; for an interval write '${interval}'`);
  });

  it.each(['every day at 1:30', 'every 1:30pm', 'every 13:30', 'every 0:30 am'])('not where it can be no span: %s', async (phrase) => {
    expect((await schedule(phrase)).notes).not.toMatch(/for an interval/);
  });
});
