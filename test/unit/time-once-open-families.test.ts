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
