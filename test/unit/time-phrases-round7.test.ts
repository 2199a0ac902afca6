import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Phrases from reminder and calendar tools (chat reminders, calendars' read-back
 * summaries, cron comments), as people type them. Sunday 2026-11-22, 10:00 in New York.
 */
const OPTIONS = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };

const once = async (phrase: string) => {
  const meaning = await meaningOfOnce(phrase, OPTIONS);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes };
};

const fires = async (phrase: string, count = 5) => (await meaningOfSchedule(phrase, OPTIONS, count)).next_runs_local.map((local) => local.slice(0, 16));

describe('an hour in words with a one-word minute is one clock ("eleven five" is 11:05)', () => {
  it.each([
    ['at eleven five', '2026-11-22 11:05'],
    ['tomorrow at seven five', '2026-11-23 07:05'],
    ['at nine five pm', '2026-11-22 21:05'],
    ['tonight at ten five', '2026-11-22 22:05'],
    ['friday at eleven-five am', '2026-11-27 11:05'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('says how it read a clock without am/pm', async () => {
    expect((await once('at eleven five')).notes.join(' ')).toMatch(/read 'eleven five' as 11:05/);
  });

  it('repeats the same way', async () => {
    expect(await fires('every weekday at nine five', 2)).toEqual(['2026-11-23 09:05', '2026-11-24 09:05']);
  });

  it('a number that counts something after the hour stays a count', async () => {
    await expect(meaningOfSchedule('every day at seven five days a week', OPTIONS)).rejects.toThrow(/five days a week/);
  });
});

describe('"in the week after next" is the week after next, as "in" before "next week" is no other time', () => {
  it.each([
    ['in the week after next', '2026-12-06 09:00', /read 'the week after next' as Sun 6 Dec, two weeks from today/],
    ['in the week after next at 3pm', '2026-12-06 15:00', /two weeks from today/],
    ['in the month after next', '2027-01-22 09:00', /read 'the month after next' as Fri 22 Jan 2027, two months from today/],
    ['the month after next at noon', '2027-01-22 12:00', /two months from today/],
    ['in the year after next', '2028-11-22 09:00', /two years from today/],
  ])('%s', async (phrase, at, note) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes.join(' ')).toMatch(note);
  });

  it.each([
    ['in the week after next on monday', '2026-11-30 09:00'],
    ['friday in the week after next', '2026-12-04 09:00'],
    ['the week after next on tuesday at 4pm', '2026-12-01 16:00'],
  ])('%s: the day named in that week', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});
