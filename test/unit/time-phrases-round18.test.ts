import { describe, expect, it } from 'vitest';
import { onceReading as once, onceRefusal as refusal } from '../helpers/phrase-readings';

/* One-time phrases from other projects' suites (Recognizers-Text, natty, parsedatetime). Monday 2026-12-07, 10:00 in New York. */

describe('a bare number beside a month and its year could be its day or an hour: refused, saying both ways', () => {
  it.each([
    ['september 2027 23', "leaves '23' open: a day of september 2027, or an hour | Write 'september 23 2027' for the day, or 'september 2027 at 23:00' for the time."],
    ['sep 2027 9', "leaves '9' open: a day of september 2027, or an hour | Write 'september 9 2027' for the day, or 'september 2027 at 09:00' for the time."],
    ['june 2028 15', "leaves '15' open: a day of june 2028, or an hour | Write 'june 15 2028' for the day, or 'june 2028 at 15:00' for the time."],
  ])('%s', async (phrase, said) => {
    expect(await refusal(phrase)).toContain(said);
  });

  it.each(['september-2027-23', '23-2027-september', 'mar-2028-5'])('joined by hyphens: %s', async (phrase) => {
    expect(await refusal(phrase)).toMatch(/a number beside a month and its year could be its day or an hour \| Write the day after its month/);
  });

  it.each([
    ['march 2027 at 9', '2027-03-01 09:00'],
    ['march 2027 9am', '2027-03-01 09:00'],
    ['march 2027 23:00', '2027-03-01 23:00'],
    ['march 3 2027 9', '2027-03-03 09:00'],
  ])('a clock said as one is still read: %s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});
