import { describe, expect, it } from 'vitest';
import { meaningOfOnce } from '../../src/time/index';
import { onceRefusal as refusal } from '../helpers/phrase-readings';

/* One-time phrases that were read silently short, misleadingly refused, or refused though they can be read. Monday 2026-12-07, 10:00 in New York. */

const MONDAY = { now: Date.parse('2026-12-07T15:00:00Z'), zone: 'America/New_York' };

describe('a clock to the second is kept to the second in every form a clock to the minute is read in', () => {
  it.each([
    ['12/08 6:05:57 PM', '2026-12-08T23:05:57.000Z', "read '12/08 6:05:57 PM' with the month first (December 8); write '12 august' for August 12"],
    ['12/08 18:05:57', '2026-12-08T23:05:57.000Z', "read '12/08 18:05:57' with the month first (December 8); write '12 august' for August 12"],
    ['12/08 at 18:05:57', '2026-12-08T23:05:57.000Z', "read '12/08 at 18:05:57' with the month first (December 8); write '12 august' for August 12"],
    ['5/3/28 @ 17:49:19', '2028-05-03T21:49:19.000Z', "read '5/3/28 @ 17:49:19' with the month first (May 3); write '5 march' for March 5"],
    ['afternoon 3:00:05', '2026-12-07T20:00:05.000Z', ''],
    ['tomorrow at 9:15:45,5', '2026-12-08T14:15:45.500Z', "read '9:15:45,5' as 09:15; write '9:15:45,5 pm' or 21:15 for the evening"],
  ])('%s', async (phrase, iso, notes) => {
    const meaning = await meaningOfOnce(phrase, MONDAY);
    expect(meaning.scheduled_at_iso).toBe(iso);
    expect(meaning.notes.join(' ')).toBe(notes);
  });

  it('a clock to the second in a part of the day it does not fall in is told so, as typed', async () => {
    expect(await refusal('afternoon 7:00:05')).toBe(
      "'afternoon 7:00:05' puts '7:00:05' in the afternoon, where neither 07:00 nor 19:00 falls | Give a time that falls in that part of the day, or leave the part of the day out.",
    );
  });

  it("a timer's hours, minutes and seconds are not taken for a clock", async () => {
    expect(await refusal('in 1:30:45')).toMatch(/^Could not understand 'in' in the time: 'in 1:30:45'/);
  });
});
