import { describe, expect, it } from 'vitest';
import { meaningOfOnce } from '../../src/time/index';

/* Days counted from a weekday or a date, New York, now Wednesday 2026-12-02 11:00. */
const NOW = Date.parse('2026-12-02T16:00:00Z');
const meaning = (phrase: string, now = NOW) => meaningOfOnce(phrase, { now, zone: 'America/New_York' });

describe('a day counted from a weekday or a date', () => {
  it.each([
    ['2 days after next monday', '2026-12-09 09:00'],
    ['a week after thursday at 3pm', '2026-12-10 15:00'],
    ['the day before friday', '2026-12-03 09:00'],
    ['the day after friday at 6pm', '2026-12-05 18:00'],
    ['the day before next monday at 3pm', '2026-12-06 15:00'],
    ['the day after next friday', '2026-12-05 09:00'],
    ['2 days before friday at noon', '2026-12-02 12:00'],
  ])('%s', async (phrase, expected) => {
    expect((await meaning(phrase)).local.slice(0, 16)).toBe(expected);
  });

  it.each([
    // This Friday's is past: the next Friday's is meant.
    ['3 days before friday', NOW, '2026-12-08 09:00', 'counted from Fri 11 Dec; counted from Fri 4 Dec it has passed'],
    ['a week before thursday at 3pm', NOW, '2026-12-03 15:00', 'counted from Thu 10 Dec'],
    ['6 days before monday at 10am', NOW, '2026-12-08 10:00', 'counted from Mon 14 Dec'],
    // Said on Friday at 08:00: this Friday 09:00 is ahead, the day before it is not.
    ['the day before friday', Date.parse('2026-12-04T13:00:00Z'), '2026-12-10 09:00', 'counted from Fri 11 Dec'],
    ['the tuesday before dec 4', NOW, '2027-11-30 09:00', 'counted from Sat 4 Dec'],
    ['2 days before christmas', Date.parse('2026-12-24T14:00:00Z'), '2027-12-23 09:00', 'as Thu 23 Dec 2027, counted from Sat 25 Dec 2027; counted from Fri 25 Dec it has passed'],
  ])('%s (past from the nearest one) counts from the next, with a note', async (phrase, now, expected, note) => {
    const read = await meaning(phrase, now);
    expect(read.local.slice(0, 16)).toBe(expected);
    expect(read.notes.join('\n')).toContain(note);
  });

  it.each(['3 days before tomorrow', '2 days before next friday at 9am', 'a week before dec 4 2026'])('%s names one day: in the past is an error', async (phrase) => {
    await expect(meaning(phrase, Date.parse('2026-12-03T16:00:00Z'))).rejects.toThrow(/in the past/);
  });
});

describe('a week or a fortnight after today or tomorrow (British)', () => {
  it.each([
    ['a week tomorrow', '2026-12-10 09:00'],
    ['tomorrow week at 3pm', '2026-12-10 15:00'],
    ['a week today at 5pm', '2026-12-09 17:00'],
    ['today week', '2026-12-09 09:00'],
    ['2 weeks tomorrow', '2026-12-17 09:00'],
    ['a fortnight today at noon', '2026-12-16 12:00'],
  ])('%s is %s', async (phrase, expected) => {
    expect((await meaning(phrase)).local.slice(0, 16)).toBe(expected);
  });
});
