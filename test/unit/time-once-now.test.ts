import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { parseNow } from '../../src/time/now';

describe('--now', () => {
  it.each([
    ['1795442400000', 'UTC', '2026-11-23T14:00:00.000Z'],
    ['2026-11-22T15:00:00Z', 'Asia/Tokyo', '2026-11-22T15:00:00.000Z'],
    ['2026-11-22T10:00:00-05:00', 'UTC', '2026-11-22T15:00:00.000Z'],
    ['2026-11-22T10:00', 'America/New_York', '2026-11-22T15:00:00.000Z'],
    ['2026-11-22', 'America/New_York', '2026-11-22T05:00:00.000Z'],
    ['2026-11-22', 'Asia/Kolkata', '2026-11-21T18:30:00.000Z'],
    ['  2026-11-22T15:00:00.250Z ', 'UTC', '2026-11-22T15:00:00.250Z'],
    ['0', 'UTC', '1970-01-01T00:00:00.000Z'],
  ])('%s in %s', (value, zone, expected) => {
    expect(new Date(parseNow(value, zone)).toISOString()).toBe(expected);
  });

  it.each([
    ['8639999999999999', /--now '8639999999999999' is outside the dates this tool can use/],
    ['99999999999999999999', /outside the dates/],
    ['253402300800000', /outside the dates/], // 10000-01-01
    ['2026-11-22T10:00+25:00', /--now '2026-11-22T10:00\+25:00' has the UTC offset \+25:00, which does not exist/],
    ['2026-11-22T10:00-99:99', /offset -99:99/],
    ['0000-01-01', /--now '0000-01-01' is not a date: year 0000 is out of range/],
    ['2026-02-30', /no day 30/],
    ['yesterday', /--now 'yesterday' is not an instant/],
    ['', /not an instant/],
    ['-5', /not an instant/],
    ['1e20', /not an instant/],
  ])('%s is refused', (value, message) => {
    let error: unknown;
    try {
      parseNow(value, 'UTC');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
});
