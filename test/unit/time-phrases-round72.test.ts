import { describe, expect, it } from 'vitest';
import { scheduleReading as schedule } from '../helpers/phrase-readings';

/* Repeating phrases said wrongly, read wrongly, or refused for the wrong reason. Monday 2026-12-07, 10:00 in New York. */

describe('a month step that does not start in January says its months, not a range of them', () => {
  it.each([
    ['every 2 months starting dec 5', 'At 09:00 AM, on day 5 of the month, only in February, April, June, August, October, and December, starting dec 5'],
    ['every other month on the 10th starting feb 1', 'At 09:00 AM, on day 10 of the month, only in February, April, June, August, October, and December, starting feb 1'],
    ['every 3 months on the 1st starting feb 1', 'At 09:00 AM, on day 1 of the month, only in February, May, August, and November, starting feb 1'],
  ])('%s', async (phrase, description) => {
    expect((await schedule(phrase)).description).toBe(`${description} (America/New_York)`);
  });

  it('a step from January is still every N months', async () => {
    expect((await schedule('every 2 months on the 5th')).description).toBe('At 09:00 AM, on day 5 of the month, every 2 months (America/New_York)');
  });
});
