import { describe, expect, it } from 'vitest';
import { onceReading as once, onceRefusal } from '../helpers/phrase-readings';

/* Phrases from other date parsers' test suites (compromise's dates, when, go-naturaldate, go-anytime,
   go-dateparser) that were read wrongly or refused. Monday 2026-12-07, 10:00 in New York. */

describe("'this friday' with a day of the month is this Friday, which must be that day", () => {
  it.each([
    ['this friday the 13th', 'this Friday is Fri 11 Dec, not the 13th'],
    ['this friday the thirteenth', 'this Friday is Fri 11 Dec, not the 13th'],
    ['the 13th this friday', 'this Friday is Fri 11 Dec, not the 13th'],
    ['13th this friday at 3pm', 'this Friday is Fri 11 Dec, not the 13th'],
    ['this tuesday the 22nd', 'this Tuesday is Tue 8 Dec, not the 22nd'],
  ])('%s is refused', async (phrase, why) => {
    const refusal = await onceRefusal(phrase);
    expect(refusal).toContain(`'${phrase}' does not add up: ${why}`);
    expect(refusal).toContain('for the next that falls on it');
  });

  it.each([
    ['this friday the 11th', '2026-12-11 09:00'],
    ['next friday the 18th', '2026-12-18 09:00'],
    ['next friday the 11th at 4pm', '2026-12-11 16:00'],
    ['the 11th this friday', '2026-12-11 09:00'],
  ])('%s, where they agree, is that day', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it.each(['friday the 13th', 'next friday the 13th'])('%s, without this, is the next month they fall together, said', async (phrase) => {
    const read = await once(phrase);
    expect(read.at).toBe('2027-08-13 09:00');
    expect(read.notes).toContain('the next Friday the 13th');
  });
});

describe("a UTC or GMT offset after 'in', or inside the phrase, is the zone, as at its end", () => {
  it.each([
    ['9am in UTC+5', '2026-12-07 23:00'],
    ['tomorrow at noon in GMT-3', '2026-12-08 10:00'],
    ['friday at 5pm in UTC+01:00', '2026-12-11 11:00'],
    ['tomorrow 9am in gmt+2', '2026-12-08 02:00'],
    ['at 5pm UTC+3 tomorrow', '2026-12-08 09:00'],
    ['9am GMT-5 on friday', '2026-12-11 09:00'],
    ['in UTC+5 tomorrow at 9am', '2026-12-07 23:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('regions said as people name their time are zones', () => {
  it.each([
    ['tomorrow 9am alaskan time', '2026-12-08 13:00'],
    ['tomorrow 9am hawaiian time', '2026-12-08 14:00'],
    ['tomorrow 9am atlantic time', '2026-12-08 08:00'],
    ['tomorrow at 9am newfoundland time', '2026-12-08 07:30'],
    ['tomorrow at 9am australian eastern time', '2026-12-08 17:00'],
    ['tomorrow at 9am australian central time', '2026-12-08 17:30'],
    ['tomorrow at 9am eastern standard', '2026-12-08 09:00'],
    ['tomorrow at 9am pacific standard', '2026-12-08 12:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('holidays kept on the same date every year', () => {
  it.each([
    ['canada day', '2027-07-01 09:00'],
    ['bastille day at noon', '2027-07-14 12:00'],
    ['australia day', '2027-01-26 09:00'],
    ['armistice day', '2027-11-11 09:00'],
    ['remembrance day at 11am', '2027-11-11 11:00'],
    ['all saints day', '2027-11-01 09:00'],
    ['all souls day', '2027-11-02 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('a holiday the United States keeps on a weekday of a month, under its other name', () => {
  it.each(['indigenous peoples day', "indigenous peoples' day", "indigenous people's day"])('%s', async (phrase) => {
    const read = await once(phrase);
    expect(read.at).toBe('2027-10-11 09:00');
    expect(read.notes).toContain('the United States holiday, the second Monday of October');
  });
});

describe("'this year' said before the date is read as after it", () => {
  it.each([
    ['this year on december 25th', '2026-12-25 09:00'],
    ['this year on dec 25 at 5pm', '2026-12-25 17:00'],
    ['this year, the 25th of december', '2026-12-25 09:00'],
    ['this year on 25 december at noon', '2026-12-25 12:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it.each(['this year on june 10th', 'this year in june'])('%s is in the past, not an unclear day', async (phrase) => {
    expect(await onceRefusal(phrase)).toContain(`'${phrase}' is in the past`);
  });
});

describe("'sharp' and 'on the dot' before the time say it is exact, as after it", () => {
  it.each([
    ['sharp at 4pm', '2026-12-07 16:00'],
    ['sharp 4pm tomorrow', '2026-12-08 16:00'],
    ['on the dot at 4pm', '2026-12-07 16:00'],
    ['remind me on the dot at noon tomorrow', '2026-12-08 12:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toBe('');
  });
});

describe('Orthodox Easter and the holidays counted from it are dates, said in a note', () => {
  it.each([
    ['orthodox easter', '2027-05-02 09:00', "read 'orthodox easter' as Orthodox Easter, Sun 2 May 2027"],
    ['orthodox easter 2028', '2028-04-16 09:00', "read 'orthodox easter' as Orthodox Easter, Sun 16 Apr 2028"],
    ['orthodox good friday at 6pm', '2027-04-30 18:00', "read 'orthodox good friday' as Fri 30 Apr 2027, by Orthodox Easter (Sun 2 May)"],
    ['orthodox easter monday', '2027-05-03 09:00', "read 'orthodox easter monday' as Mon 3 May 2027, by Orthodox Easter (Sun 2 May)"],
  ])('%s', async (phrase, at, note) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(note);
  });

  it('easter alone is still Western Easter', async () => {
    expect((await once('easter')).at).toBe('2027-03-28 09:00');
  });
});

describe("Canada's holidays on a weekday of a month are dates, said as Canada's", () => {
  it.each([
    ['canadian thanksgiving', '2027-10-11 09:00', "read 'canadian thanksgiving' as the Canadian holiday, the second Monday of October"],
    ['victoria day', '2027-05-24 09:00', "read 'victoria day' as the Canadian holiday, the Monday before May 25th"],
    ['victoria day 2028', '2028-05-22 09:00', "read 'victoria day' as the Canadian holiday, the Monday before May 25th"],
  ])('%s', async (phrase, at, note) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(note);
  });

  it("thanksgiving alone is still the United States'", async () => {
    const read = await once('thanksgiving');
    expect(read.at).toBe('2027-11-25 09:00');
    expect(read.notes).toContain('the United States holiday');
  });
});
