import { describe, expect, it } from 'vitest';
import { meaningOfOnce } from '../../src/time/index';
import { MONDAY_IN_NEW_YORK as OPTIONS, onceReading as once, onceRefusal as refusal } from '../helpers/phrase-readings';

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

describe("'on' and a bare number is that day of the month, as 'on the 15th' is (it was read as the hour)", () => {
  it.each([
    ['on 15', '2026-12-15 09:00'],
    ['8pm on 15', '2026-12-15 20:00'],
    ['on 3 at 5pm', '2027-01-03 17:00'],
    ['on 31', '2026-12-31 09:00'],
    ['seven on 15', '2026-12-15 07:00'],
    ['on 15, 8pm', '2026-12-15 20:00'],
    ['on 15 next month', '2027-01-15 09:00'],
    ['on 3 next month at 5pm', '2027-01-03 17:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it.each([
    ['on 9 am', '2026-12-08 09:00'],
    ['at 15', '2026-12-07 15:00'],
    ['on the 15th', '2026-12-15 09:00'],
    ['11:59 on 3 sundays after next wed', '2026-12-27 11:59'],
    ['on 10 tonight', '2026-12-07 22:00'],
  ])('a clock after "on", "at" a number, and a count after "on" read as before: %s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('a bare number beside a clock is refused as two times, saying how to make it the day of the month', () => {
  it.each([
    ['15 at 8:00', "'15' and '8:00'", "If '15' is the day of the month, write 'the 15th at 8:00'; otherwise give one of them."],
    ['15, 8pm', "'15' and '8pm'", "If '15' is the day of the month, write 'the 15th at 8pm'; otherwise give one of them."],
    ['8pm, 22', "'8pm' and '22'", "If '22' is the day of the month, write 'the 22nd at 8pm'; otherwise give one of them."],
  ])('%s', async (phrase, both, hint) => {
    expect(await refusal(phrase)).toBe(`'${phrase}' names two times (${both}); a one-time message is sent once | ${hint}`);
  });

  it.each(['9am 5pm'])('two clocks keep the plain hint: %s', async (phrase) => {
    expect(await refusal(phrase)).toMatch(/names two times .* \| Give one of them\.$/);
  });

  it('two bare numbers joined by a dash are a range of times: 4-5', async () => {
    expect(await refusal('4-5')).toMatch(/^'4-5' is a range of times; a one-time message is sent at one \| /);
  });
});

describe("'last night at 8' is refused as past at yesterday's 20:00 (its refusal named 08:00)", () => {
  it.each([
    ['last night at 8', '2026-12-06 20:00 EST'],
    ['last night at 11', '2026-12-06 23:00 EST'],
    ['last night', '2026-12-06 21:00 EST'],
    ['last night at 1am', '2026-12-07 01:00 EST'],
  ])('%s', async (phrase, local) => {
    expect(await refusal(phrase)).toContain(`'${phrase}' is in the past: it means ${local}`);
  });
});

describe("'at the moment', 'at present' are now", () => {
  it.each(['at the moment', 'at present', 'at the present time', 'At The Moment'])('%s', async (phrase) => {
    const meaning = await meaningOfOnce(phrase, OPTIONS);
    expect(meaning.is_now).toBe(true);
    expect(meaning.scheduled_at).toBe(OPTIONS.now);
  });

  it("only as the whole phrase: 'tomorrow at the moment' is not read", async () => {
    expect(await refusal('tomorrow at the moment')).toMatch(/did not understand 'moment'/);
  });
});

describe("a holiday, 'of' and a year is that year's, as with 'in' (it was not understood)", () => {
  it.each([
    ["father's day of 2027", '2027-06-20 09:00'],
    ['thanksgiving of 2027', '2027-11-25 09:00'],
    ['memorial day of 2028', '2028-05-29 09:00'],
    ['labor day, of 2027', '2027-09-06 09:00'],
    ['halloween of 2027', '2027-10-31 09:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
  });

  it('keeps the note of the rule it was read by', async () => {
    expect((await once('thanksgiving of 2027')).notes).toBe("read 'thanksgiving' as the United States holiday, the fourth Thursday of November");
  });
});
