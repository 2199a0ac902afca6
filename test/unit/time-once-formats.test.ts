import { describe, expect, it } from 'vitest';
import { meaningOfOnce } from '../../src/time/index';

/* Date and time formats programs print and people paste, New York, now Sunday 2026-11-22 10:00. */
const NOW = Date.parse('2026-11-22T15:00:00Z');
const at = async (phrase: string, zone = 'America/New_York') => (await meaningOfOnce(phrase, { now: NOW, zone })).scheduled_at_iso;

describe('a stated offset with a zone name beside it: the offset decides', () => {
  it.each([
    // Go's default layout, its monotonic clock reading, and the RubyDate and UnixDate layouts with an offset.
    ['2026-12-01 10:00:00 +0000 UTC', '2026-12-01T10:00:00.000Z'],
    ['2027-01-04 13:31:59 -0600 CST', '2027-01-04T19:31:59.000Z'],
    ['2026-12-15 03:02:00 +0300 MSK m=+0.000000001', '2026-12-15T00:02:00.000Z'],
    ['2026-12-01 18:31:59.257000000 +0000 UTC', '2026-12-01T18:31:59.257Z'],
    ['Tue Dec 01 15:04:05 -0700 2026', '2026-12-01T22:04:05.000Z'],
    ['Mon Feb 08 15:04:05 +0530 2027', '2027-02-08T09:34:05.000Z'],
    ['Tue Dec 1 15:44:11 UTC+0000 2026', '2026-12-01T15:44:11.000Z'],
    ['Mon Jan 4 15:44:11 PST-0800 2027', '2027-01-04T23:44:11.000Z'],
    ['Tue Dec 15 15:44:11 CET+0100 2026', '2026-12-15T14:44:11.000Z'],
    // Mail headers with the zone in a comment; JavaScript's Date.toString.
    ['Tue, 1 Dec 2026 04:08:03 +0200 (CEST)', '2026-12-01T02:08:03.000Z'],
    ['Sat, 3 Jul 2027 04:08:03 -0400 (EDT)', '2027-07-03T08:08:03.000Z'],
    ['Tue Dec 01 2026 10:00:00 GMT-0500 (Eastern Standard Time)', '2026-12-01T15:00:00.000Z'],
    ['Mon Jan 4 2027 06:04:07 GMT+0100 (Central European Standard Time)', '2027-01-04T05:04:07.000Z'],
    // Date.toString names the zone in the reader's language.
    ['Tue Dec 01 2026 10:00:00 GMT-0500 (hora estándar oriental)', '2026-12-01T15:00:00.000Z'],
    ['Mon Jan 04 2027 10:00:00 GMT+0100 (Mitteleuropäische Normalzeit)', '2027-01-04T09:00:00.000Z'],
    ['Tue Dec 15 2026 10:00:00 GMT+0900 (日本標準時)', '2026-12-15T01:00:00.000Z'],
    // RFC 9557: the zone in brackets after an ISO 8601 time.
    ['2026-12-01T10:00:00-05:00[America/New_York]', '2026-12-01T15:00:00.000Z'],
    ['2027-07-03T10:00:00+02:00[Europe/Paris]', '2027-07-03T08:00:00.000Z'],
    ['2026-12-31T10:00+09:00[!Asia/Tokyo]', '2026-12-31T01:00:00.000Z'],
    // An abbreviation glued to an offset in hours.
    ['December 1, 2026 at 10:09am PST-08', '2026-12-01T18:09:00.000Z'],
  ])('%s', async (phrase, expected) => {
    expect(await at(phrase)).toBe(expected);
    // The offset, not the user's zone, decides.
    expect(await at(phrase, 'Asia/Kolkata')).toBe(expected);
  });

  it.each([
    ['Tue, 1 Dec 2026 04:08:03 -0700 (CEST)', /offset -07:00 and the time zone CEST, which is at \+01:00 or \+02:00/],
    ['2026-12-01T10:00:00+09:00[Europe/Paris]', /offset \+09:00 and the time zone Europe\/Paris/],
    ['2026-12-01 10:00 -0500 PST', /offset -05:00 and the time zone PST/],
  ])('an offset and a zone that disagree are refused: %s', async (phrase, message) => {
    await expect(at(phrase)).rejects.toThrow(message);
  });

  it('an unknown zone in brackets is named', async () => {
    await expect(at('2026-12-01T10:00:00+01:00[Mars/Olympus]')).rejects.toThrow(/time zone 'mars\/olympus', which is unknown/);
  });
});

describe('a date and time in digits alone, as logs and file names write them', () => {
  it.each([
    ['20261201100000', '2026-12-01T15:00:00.000Z'],
    ['20270104153005', '2027-01-04T20:30:05.000Z'],
    ['20270703091500', '2027-07-03T13:15:00.000Z'],
    ['202612011000', '2026-12-01T15:00:00.000Z'],
    ['202701042359', '2027-01-05T04:59:00.000Z'],
  ])('%s is that local date and time, not Unix milliseconds', async (phrase, expected) => {
    expect(await at(phrase)).toBe(expected);
  });

  it.each(['20261301100000', '20261201250000', '20261231106000', '12345678901234'])('%s, no date and centuries ahead as Unix milliseconds, is refused', async (phrase) => {
    await expect(at(phrase)).rejects.toThrow(/is not a time: as Unix milliseconds it is centuries ahead/);
  });

  it('thirteen digits are still Unix milliseconds', async () => {
    expect(await at('1795442400000')).toBe('2026-11-23T14:00:00.000Z');
  });
});

describe('more of what a stated offset comes with', () => {
  it.each([
    // An offset after a clock, with more of the phrase after it.
    ['at 10:00 +0530 on dec 1', '2026-12-01T04:30:00.000Z'],
    ['dec 1 at 10:00 +0530 in the morning', '2026-12-01T04:30:00.000Z'],
    ['10:00 -0500 (EST) tomorrow', '2026-11-23T15:00:00.000Z'],
    ['9:30 am -0800 on friday', '2026-11-27T17:30:00.000Z'],
    // "Z" after seconds, "Z" before a zone's name, and RFC 9557's tags.
    ['Tue, 01 Dec 2026 15:04:05 Z', '2026-12-01T15:04:05.000Z'],
    ['2026-12-01T10:00:00Z[UTC]', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T10:00:00-06:00[America/Chicago][u-ca=gregory]', '2026-12-01T16:00:00.000Z'],
    // Digits of a date and time with their offset.
    ['20261201100000Z', '2026-12-01T10:00:00.000Z'],
    ['20261201100000+0100', '2026-12-01T09:00:00.000Z'],
    ['202612011000 UTC', '2026-12-01T10:00:00.000Z'],
    ['20270104153000 PST', '2027-01-04T23:30:00.000Z'],
  ])('%s', async (phrase, expected) => {
    expect(await at(phrase)).toBe(expected);
  });

  it.each([
    ['2026-12-01T15:04:05.999999999+05:30', '2026-12-01T09:34:05.999Z'],
    ['2026-12-01T10:00:00.9996Z', '2026-12-01T10:00:00.999Z'],
    ['2027-01-04T10:00:00,1239-05:00', '2027-01-04T15:00:00.123Z'],
  ])('a fraction of a second is cut to the millisecond, never rounded into the next second: %s', async (phrase, expected) => {
    expect(await at(phrase)).toBe(expected);
  });
});

describe('amounts of time in the spellings duration parsers take', () => {
  const later = (ms: number) => new Date(NOW + ms).toISOString();
  const [MIN, HOUR, DAY] = [60_000, 3_600_000, 86_400_000];
  it.each([
    ['in 1 hour & 30 minutes', HOUR + 30 * MIN],
    ['in 1h & 30m', HOUR + 30 * MIN],
    ['in 2 days & 3 hours', 2 * DAY + 3 * HOUR],
    ['in an hour & a half', 1.5 * HOUR],
    ['in 1 hour plus 30 minutes', HOUR + 30 * MIN],
    ['in 2 hours plus a few minutes', 2 * HOUR + 3 * MIN],
    ['in 1½ hours', 1.5 * HOUR],
    ['in 2½ hours', 2.5 * HOUR],
    ['in 1 ½ minutes', 90_000],
    ['in 1 and 1/2 hours', 1.5 * HOUR],
    ['in 3 and 1/2 minutes', 210_000],
    ['in a half-hour', 30 * MIN],
    ['in half-an-hour', 30 * MIN],
    ['in another 5 minutes', 5 * MIN],
    ['in another hour', HOUR],
    ['in another two days', 2 * DAY],
    ['remind me in another 10 mins', 10 * MIN],
    // The minutes after the hours (the seconds after the minutes) in words, as in digits ("in 1 hour 30").
    ['in one hour thirty', HOUR + 30 * MIN],
    ['in an hour forty-five', HOUR + 45 * MIN],
    ['in two hours fifteen', 2 * HOUR + 15 * MIN],
    ['in 2 hours and twenty', 2 * HOUR + 20 * MIN],
    ['in a minute thirty', 90_000],
  ])('%s', async (phrase, ms) => {
    expect(await at(phrase)).toBe(later(ms));
  });

  it('a part of a day is that many hours after the whole days', async () => {
    expect(await at('in 1½ days')).toBe(later(36 * HOUR));
  });
});

describe('hours with two decimals, which a clock would write as hours and minutes', () => {
  it.each([
    ['in 3.30 hours', '2026-11-22T18:18:00.000Z', "read '3.30 hours' as 3.3 hours (3 h 18 min); write '3 hours 30 minutes' for 3 h 30 min"],
    ['in 1.15 hours', '2026-11-22T16:09:00.000Z', "read '1.15 hours' as 1.15 hours (1 h 9 min); write '1 hour 15 minutes' for 1 h 15 min"],
    ['in 2.45 hrs', '2026-11-22T17:27:00.000Z', "read '2.45 hrs' as 2.45 hours (2 h 27 min); write '2 hours 45 minutes' for 2 h 45 min"],
  ])('%s is the decimal, said', async (phrase, expected, note) => {
    const meaning = await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' });
    expect(meaning.scheduled_at_iso).toBe(expected);
    expect(meaning.notes).toContain(note);
  });

  it.each(['in 1.5 hours', 'in 2.25 days', 'in 1.5 minutes', 'in 1.25 hours', 'in 2.50 hours', 'in 0.75 hours'])('%s needs no note', async (phrase) => {
    const meaning = await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' }).catch(() => null);
    expect(meaning?.notes ?? []).toEqual([]);
  });
});

describe('RFC 9557: the zone in brackets has the offset at that instant', () => {
  it.each([
    ['2027-07-03T10:00:00+01:00[Europe/Paris]', /gives the offset \+01:00, but Europe\/Paris is at \+02:00 on 2027-07-03/],
    ['2026-12-01T10:00:00+02:00[Europe/Paris]', /gives the offset \+02:00, but Europe\/Paris is at \+01:00 on 2026-12-01/],
    ['2027-07-03T10:00:00-05:00[America/New_York]', /gives the offset -05:00, but America\/New_York is at -04:00 on 2027-07-03/],
  ])('an offset of the other season is refused: %s', async (phrase, message) => {
    await expect(at(phrase)).rejects.toThrow(message);
  });

  it.each([
    ['2027-07-03T10:00:00+02:00[Europe/Paris]', '2027-07-03T08:00:00.000Z'],
    ['2026-12-01T10:00:00+01:00[Europe/Paris]', '2026-12-01T09:00:00.000Z'],
  ])('the offset in season is read: %s', async (phrase, expected) => {
    expect(await at(phrase)).toBe(expected);
  });
});
