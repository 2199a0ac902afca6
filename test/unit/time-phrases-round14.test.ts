import { describe, expect, it } from 'vitest';
import { meaningOfOnce } from '../../src/time/index';
import { MONDAY_IN_NEW_YORK as OPTIONS, onceReading as once, onceRefusal as refusal } from '../helpers/phrase-readings';

/*
 * Phrases from other projects' suites (olebedev/when, dateparser, timefhuman, ctparse, Sugar, compromise) that were read
 * wrongly, refused though clear, or refused with a message that misleads. Monday 2026-12-07, 10:00 in New York.
 */

describe("a day of the month in words right before its month ('twenty three january') is that day, as '23 january' is", () => {
  it.each([
    ['twenty three january', '2027-01-23 09:00'],
    ['Twenty three January 2027 11:08', '2027-01-23 11:08'],
    ['five march', '2027-03-05 09:00'],
    ['five of march at noon', '2027-03-05 12:00'],
    ['the twenty three of january', '2027-01-23 09:00'],
    ['fifteen december at noon', '2026-12-15 12:00'],
    ['thirty one december', '2026-12-31 09:00'],
    ['seven dec 2027 at 9am', '2027-12-07 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it("after 'at' the number is still the time", async () => {
    expect((await once('at five may 3')).at).toBe('2027-05-03 17:00');
    expect((await once('tomorrow at five')).at).toBe('2026-12-08 17:00');
  });
});

describe("a time and an amount counted back ('6:30pm 2 days ago') is refused as the past, not as two times", () => {
  it.each(['6:30pm 2 days ago', '9am 3 days ago', '5pm two weeks ago', 'friday at 3pm 2 days ago'])('%s', async (phrase) => {
    const said = await refusal(phrase);
    expect(said).toMatch(/speaks of the past \('ago'\)/);
    expect(said).not.toMatch(/names two times/);
  });
});

describe("a date in ISO digits takes a part of the day as any date does ('2027-01-05 at night')", () => {
  it.each([
    ['2027-01-05 at night', '2027-01-05 21:00'],
    ['2027-01-05 night', '2027-01-05 21:00'],
    ['2027-01-05 in the evening', '2027-01-05 18:00'],
    ['2027-01-05 morning', '2027-01-05 09:00'],
    ['the morning of 2027-01-05', '2027-01-05 09:00'],
    ['2027-01-05 at 3 in the afternoon', '2027-01-05 15:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
  });

  it('says the hour it chose for a part of the day', async () => {
    expect((await once('2027-01-05 at night')).notes).toMatch(/as 21:00/);
  });

  it('quotes a date in digits as written when it clashes with another day', async () => {
    expect(await refusal('2026-12-21 tomorrow')).toMatch(/names two days \('2026-12-21' and 'tomorrow'\)/);
    expect(await refusal('12/25 tomorrow')).toMatch(/names two days \('12\/25' and 'tomorrow'\)/);
    expect(await refusal('may 3, 2027 tomorrow')).toMatch(/names two days \('may 3, 2027' and 'tomorrow'\)/);
  });

  it('an hour out of range is still said', async () => {
    expect(await refusal('2026-12-01 25:00')).toMatch(/hour 25 is out of range/);
  });
});

describe("'this noon', 'this midday', 'this midnight' are today's, as 'this morning' is", () => {
  it.each([
    ['this noon', '2026-12-07 12:00'],
    ['this midday', '2026-12-07 12:00'],
    ['at this noon', '2026-12-07 12:00'],
    ['this midnight', '2026-12-08 00:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('a passed noon is in the past', async () => {
    await expect(meaningOfOnce('this noon', { ...OPTIONS, now: Date.parse('2026-12-07T18:00:00Z') })).rejects.toThrow(/in the past/);
  });
});

describe("'early' or 'late' beside a date's digits leaves the hour open; 'very early' is left out whole", () => {
  it.each(['december 16 early morning', 'december 16 very early afternoon', '2027-01-05 late evening'])('%s: the hour is open', async (phrase) => {
    const said = await refusal(phrase);
    expect(said).toMatch(/leaves the hour open/);
    expect(said).not.toMatch(/adds nothing/);
  });

  it.each(['december 16 early', 'december 16 very late', 'tomorrow very early', 'tomorrow really late'])('%s: the hour is open, no word misread', async (phrase) => {
    const said = await refusal(phrase);
    expect(said).toMatch(/'(?:early|late)' leaves the hour open/);
    expect(said).not.toMatch(/'every' for 'very'/);
  });

  it.each([['6am as early as possible', "Leave it out: '6am'."]])('%s: with the time given, the hint leaves the words out', async (phrase, hint) => {
    const said = await refusal(phrase);
    expect(said).toMatch(/adds nothing to the time given/);
    expect(said).toContain(hint);
  });
});

describe("'beginning of tomorrow', 'start of friday' are refused as naming no hour, as 'end of tomorrow' is", () => {
  it.each(['beginning of tomorrow', 'start of tomorrow', 'beginning of today', 'beginning of friday', 'start of the business day tomorrow'])('%s', async (phrase) => {
    expect(await refusal(phrase)).toMatch(/the start of the day names no hour/);
  });

  it('the start of a week or month is still read', async () => {
    expect((await once('start of next month')).at).toBe('2027-01-01 09:00');
    expect((await once('beginning of next week')).at).toBe('2026-12-14 09:00');
  });
});

describe("an amount in quarters of a unit ('in 1.75 hours') is read, not refused as a clock with minute 75", () => {
  it.each([
    ['in 1.75 hours', '2026-12-07 11:45'],
    ['in 10.75 minutes', '2026-12-07 10:10'],
    ['1.75 hours', '2026-12-07 11:45'],
    ['0.75 days', '2026-12-08 04:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('a clock with minute 75 is still refused', async () => {
    expect(await refusal('tomorrow at 9.75')).toMatch(/minute 75 is out of range/);
  });
});

describe("a time zone followed by a comma ('1pm EST, july 5th') is the zone", () => {
  it.each([
    ['1pm pacific time, july 5th', '2027-07-05 16:00'],
    ['1pm PST, july 5th', '2027-07-05 16:00'],
    ['1pm pacific, july 5th', '2027-07-05 16:00'],
    ['5pm eastern time, tomorrow', '2026-12-08 17:00'],
    ['tomorrow at 5pm, pst', '2026-12-08 20:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe("hours or minutes from today count from now, as 'from now' does", () => {
  it.each([
    ['24 hours from today', '2026-12-08 10:00'],
    ['one hour from today', '2026-12-07 11:00'],
    ['30 minutes from today', '2026-12-07 10:30'],
    ['in 2 hours from today', '2026-12-07 12:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('days from today are still that day', async () => {
    expect((await once('3 days from today')).at).toBe('2026-12-10 09:00');
  });
});

describe("a holiday said without 'day' ('april fools', 'valentine's', 'st patrick's') is its date, as 'new years' is", () => {
  it.each([
    ['april fools', '2027-04-01 09:00'],
    ['april fools at 5pm', '2027-04-01 17:00'],
    ["april fool's", '2027-04-01 09:00'],
    ["valentine's", '2027-02-14 09:00'],
    ['valentines at 8pm', '2027-02-14 20:00'],
    ["st patrick's", '2027-03-17 09:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe("'next q4' is the coming quarter, as 'q4' is, not a word 'q' not understood", () => {
  it.each([
    ['next q4', '2027-10-01 09:00'],
    ['next q1', '2027-01-01 09:00'],
    ['the next third quarter', '2027-07-01 09:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toMatch(/the first day of the quarter/);
  });
});

describe("'due friday', 'due on the 6th' are a deadline, as 'by friday' is", () => {
  it.each([
    ['due friday', '2026-12-11 09:00'],
    ['due on the 6th', '2027-01-06 09:00'],
    ['due tomorrow at 5pm', '2026-12-08 17:00'],
    ['due by 5pm tomorrow', '2026-12-08 17:00'],
  ])('%s', async (phrase, at) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toMatch(/a deadline/);
  });
});
