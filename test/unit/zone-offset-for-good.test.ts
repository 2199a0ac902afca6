import { describe, expect, it } from 'vitest';
import { meaningOfRecurring } from '../../src/time/index';

describe('a zone that moves its offset for good is not said to observe daylight saving time', () => {
  // Asia/Almaty went from UTC+6 to UTC+5 on 2024-03-01 and stayed there.
  it('names the move, its date and the new local time', async () => {
    const meaning = await meaningOfRecurring('every day at 9am', { now: Date.parse('2024-02-20T00:00:00Z'), zone: 'Asia/Almaty' });
    expect(meaning.cron_expression).toBe('0 3 * * *');
    expect(meaning.warnings).toEqual([
      'Asia/Almaty moves from UTC+6 to UTC+5 for good: from 2024-03-01 this schedule will run at 08:00 local time instead of 09:00, because Letta evaluates cron in UTC. To keep the local time it must be replaced after the change, which sync does.',
    ]);
  });

  it.each([
    ['America/New_York', '2027-03-01T12:00:00Z'],
    ['Australia/Lord_Howe', '2027-09-20T00:00:00Z'],
    ['America/Santiago', '2027-03-20T00:00:00Z'],
  ])('a seasonal change in %s is still daylight saving time', async (zone, now) => {
    const meaning = await meaningOfRecurring('every day at 9am', { now: Date.parse(now), zone });
    expect(meaning.warnings.at(-1)).toMatch(new RegExp(`^${zone} observes daylight saving time: from `));
  });

  it('a zone that stopped daylight saving time gets no warning at all', async () => {
    const meaning = await meaningOfRecurring('every day at 9am', { now: Date.parse('2027-03-01T12:00:00Z'), zone: 'America/Mexico_City' });
    expect([meaning.cron_expression, meaning.warnings]).toEqual(['0 15 * * *', []]);
  });
});
