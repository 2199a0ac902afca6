import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfRecurring } from '../../src/time/index';

/* One-time families from time-language.md, New York, now Wednesday 2026-12-02 11:00. */
const NOW = Date.parse('2026-12-02T16:00:00Z');
const local = async (phrase: string) => (await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' })).local.slice(0, 16);

describe('one instant', () => {
  it.each([
    // A weekday counted from another day.
    ['the saturday after next', '2026-12-12 09:00'],
    ['the friday after next at 3pm', '2026-12-11 15:00'],
    ['the monday before dec 25', '2026-12-21 09:00'],
    ['the friday after dec 25 at 3pm', '2027-01-01 15:00'],
    ['the day after next at 6pm', '2026-12-04 18:00'],
    // The nth weekday without "of", and counted from the end.
    ['final thursday in april', '2027-04-29 09:00'],
    ['first sunday next month 10am', '2027-01-03 10:00'],
    ['the 2nd last friday of next month', '2027-01-22 09:00'],
    ['second to last monday of january at 3pm', '2027-01-18 15:00'],
    ['20 of next month', '2027-01-20 09:00'],
    // Bare durations and their other spellings: now plus the duration.
    ['1 week', '2026-12-09 11:00'],
    ['2 months', '2027-02-02 11:00'],
    ['in two weeks from now', '2026-12-16 11:00'],
    ['3 days hence', '2026-12-05 11:00'],
    // Meridiem spellings.
    ['tomorrow at 4a.m.', '2026-12-03 04:00'],
    ['tomorrow 11P.M.', '2026-12-03 23:00'],
    ['tomorrow at 6:30p', '2026-12-03 18:30'],
    ['tomorrow at 12:00 midnight', '2026-12-03 00:00'],
    // This and next weekend: one instant, its Saturday.
    ['this weekend', '2026-12-05 09:00'],
    ['next weekend at 10am', '2026-12-05 10:00'],
    ['the weekend after next', '2026-12-12 09:00'],
  ])('%s', async (phrase, expected) => {
    expect(await local(phrase)).toBe(expected);
  });

  it.each([
    ['friday at 4', '2026-12-04 16:00', "read '4' as 16:00"],
    ['tomorrow at 9:30', '2026-12-03 09:30', "read '9:30' as 09:30"],
    ['at 12', '2026-12-02 12:00', "read '12' as 12:00"],
    ['next friday', '2026-12-04 09:00', "write 'friday next week' for Fri 11 Dec"],
    ['1 week', '2026-12-09 11:00', "read '1 week' as a duration from now"],
    ['fifth friday of the month', '2027-01-29 09:00', "December 2026 has no fifth Friday: read 'fifth friday of the month' as Fri 29 Jan"],
  ])('%s chooses, and says so in a note', async (phrase, expected, note) => {
    const meaning = await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' });
    expect(meaning.local.slice(0, 16)).toBe(expected);
    expect(meaning.notes.join('\n')).toContain(note);
  });

  it.each(['tomorrow at 05:30', 'tomorrow at 17:30', 'tomorrow at 5pm', 'tomorrow at 3 in the morning'])('%s leaves nothing to choose: no note', async (phrase) => {
    expect((await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' })).notes).toEqual([]);
  });
});

describe('DST days', () => {
  it.each([
    ['march 14 at 2:30am', '2027-03-14 03:30', '02:30 does not exist on 2027-03-14, when the clocks go forward; read as 03:30'],
    ['november 7 2027 at 1:30am', '2027-11-07 01:30', '01:30 occurs twice on 2027-11-07, when the clocks go back; read as the first'],
    // Written as numbers, local (no offset): the same notes.
    ['2027-03-14 2:30am', '2027-03-14 03:30', '02:30 does not exist on 2027-03-14, when the clocks go forward; read as 03:30'],
    ['2027-03-14 02:30', '2027-03-14 03:30', '02:30 does not exist on 2027-03-14, when the clocks go forward; read as 03:30'],
    ['2027-03-14T02:30', '2027-03-14 03:30', '02:30 does not exist on 2027-03-14, when the clocks go forward; read as 03:30'],
    ['2027-11-07 01:30', '2027-11-07 01:30', '01:30 occurs twice on 2027-11-07, when the clocks go back; read as the first'],
    ['2027-11-07T01:30:00', '2027-11-07 01:30', '01:30 occurs twice on 2027-11-07, when the clocks go back; read as the first'],
  ])('%s is read and said', async (phrase, expected, note) => {
    const meaning = await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' });
    expect(meaning.local.slice(0, 16)).toBe(expected);
    expect(meaning.notes).toContain(note);
  });

  // Not every zone moves its clocks by an hour: Lord Howe by 30 minutes, Troll (Antarctica) by two.
  it.each([
    ['Australia/Lord_Howe', 'april 4 2027 at 1:45am', '2027-04-04 01:45', '01:45 occurs twice on 2027-04-04, when the clocks go back; read as the first'],
    ['Australia/Lord_Howe', '2027-04-04 01:30', '2027-04-04 01:30', '01:30 occurs twice on 2027-04-04, when the clocks go back; read as the first'],
    ['Australia/Lord_Howe', '2027-10-03 02:15', '2027-10-03 02:45', '02:15 does not exist on 2027-10-03, when the clocks go forward; read as 02:45'],
    ['Antarctica/Troll', 'october 31 2027 at 2:30am', '2027-10-31 02:30', '02:30 occurs twice on 2027-10-31, when the clocks go back; read as the first'],
    ['Antarctica/Troll', 'october 31 2027 at 1:15am', '2027-10-31 01:15', '01:15 occurs twice on 2027-10-31, when the clocks go back; read as the first'],
  ])('in %s, %s is read and said', async (zone, phrase, expected, note) => {
    const meaning = await meaningOfOnce(phrase, { now: NOW, zone });
    expect(meaning.local.slice(0, 16)).toBe(expected);
    expect(meaning.notes).toContain(note);
  });

  it.each([
    ['Australia/Lord_Howe', '2027-04-04 01:15'],
    ['Australia/Lord_Howe', '2027-04-04 02:00'],
    ['Antarctica/Troll', '2027-10-31 03:00'],
    ['Antarctica/Troll', '2027-10-30 02:30'],
  ])('in %s, %s is there once: no note', async (zone, phrase) => {
    expect((await meaningOfOnce(phrase, { now: NOW, zone })).notes).toEqual([]);
  });

  it.each(['2027-03-14T02:30-04:00', '2027-03-14T07:30Z', '2027-03-14 03:30', '2027-11-07T05:30Z'])('%s names one instant: no note', async (phrase) => {
    expect((await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' })).notes).toEqual([]);
  });
});

/*
 * chrono-node's place: it reads only what the readers above leave (the long
 * tail of date spellings, such as US slashes), and under the same rules: a
 * clock without am/pm follows the spec's rule with a note, and every word
 * must be its or filler.
 */
describe('the date spellings chrono-node reads', () => {
  it.each([
    ['8/17/2027 at 4', '2027-08-17 16:00', true],
    ['8/17/2027 at 04:00', '2027-08-17 04:00', false],
    ['8/17/2027 at 16:00', '2027-08-17 16:00', false],
  ])('%s', async (phrase, expected, noted) => {
    const meaning = await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' });
    expect(meaning.local.slice(0, 16)).toBe(expected);
    expect(meaning.notes.length > 0).toBe(noted);
  });

  it('a word chrono would skip is refused', async () => {
    await expect(meaningOfOnce('8/17/2027 zork', { now: NOW, zone: 'America/New_York' })).rejects.toThrow("did not understand 'zork'");
  });
});

describe('a season named on the night the clocks go back says which of the two times', () => {
  const now = Date.parse('2026-11-22T15:00:00Z');
  it.each([
    ['nov 7 2027 at 1am EST', '2027-11-07T06:00:00.000Z', []],
    ['nov 7 2027 at 1am EDT', '2027-11-07T05:00:00.000Z', ['01:00 occurs twice on 2027-11-07, when the clocks go back; read as the first']],
    ['nov 7 2027 at 1:30am PST', '2027-11-07T09:30:00.000Z', []],
  ])('%s', async (phrase, iso, notes) => {
    const meaning = await meaningOfOnce(phrase, { now, zone: 'America/New_York' });
    expect(meaning.scheduled_at_iso).toBe(iso);
    expect(meaning.notes).toEqual(notes);
  });
});

describe('a season spelt out is checked as its abbreviation is', () => {
  const now = Date.parse('2026-11-22T15:00:00Z');
  it.each([
    [
      'tomorrow at 3pm Pacific Daylight Time',
      "Pacific Daylight Time is not in use in America/Los_Angeles on 2026-11-23: read on its clock then (-08:00); write '-07:00' for the Pacific Daylight Time offset",
    ],
    ['tomorrow 9am British Summer Time', "British Summer Time is not in use in Europe/London on 2026-11-23: read on its clock then (+00:00); write '+01:00' for the British Summer Time offset"],
    ['july 1 9am Eastern Standard Time', "Eastern Standard Time is not in use in America/New_York on 2027-07-01: read on its clock then (-04:00); write '-05:00' for the Eastern Standard Time offset"],
  ])('%s', async (phrase, note) => {
    expect((await meaningOfOnce(phrase, { now, zone: 'America/New_York' })).notes).toEqual([note]);
  });

  it('in season, it needs no note', async () => {
    expect((await meaningOfOnce('july 1 9am Eastern Daylight Time', { now, zone: 'America/New_York' })).notes).toEqual([]);
  });
});

describe('an abbreviation other places use too is read as the zone the spec names, said', () => {
  const india = "read 'IST' as India Standard Time (Asia/Kolkata); for Israel write 'Asia/Jerusalem', for Ireland 'Europe/Dublin'";
  it.each([
    ['tomorrow at 9am IST', '2026-12-03T03:30:00.000Z', india],
    ['9am ist on friday', '2026-12-04T03:30:00.000Z', india],
    ['july 3 at 9am BST', '2027-07-03T08:00:00.000Z', "read 'BST' as British Summer Time (Europe/London); for Bangladesh write 'Asia/Dhaka'"],
  ])('%s', async (phrase, iso, note) => {
    const meaning = await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' });
    expect(meaning.scheduled_at_iso).toBe(iso);
    expect(meaning.notes).toContain(note);
  });

  it('a repeating schedule says it too', async () => {
    const meaning = await meaningOfRecurring('every monday at 9am IST', { now: NOW, zone: 'America/New_York' });
    expect(meaning.cron_expression).toBe('30 3 * * 1');
    expect(meaning.notes).toContain(india);
  });

  it('the name written out, or the country, is no guess', async () => {
    for (const phrase of ['tomorrow at 9am India Standard Time', 'tomorrow at 9am in India', 'tomorrow at 9am CET'])
      expect((await meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' })).notes).toEqual([]);
  });
});

describe('a span from now is read as its end, said', () => {
  const now = Date.parse('2026-11-22T15:00:00Z');
  it.each([
    ['within an hour', '2026-11-22T16:00:00.000Z'],
    ['in the next 30 minutes', '2026-11-22T15:30:00.000Z'],
  ])('%s', async (phrase, iso) => {
    const meaning = await meaningOfOnce(phrase, { now, zone: 'America/New_York' });
    expect(meaning.scheduled_at_iso).toBe(iso);
    expect(meaning.notes).toEqual([`read '${phrase}' as its end, the latest it allows; for sooner, give the time, such as 'in 10 minutes'`]);
  });

  it("'in' an amount is that instant, with no note", async () => {
    expect((await meaningOfOnce('in 2 hours', { now, zone: 'America/New_York' })).notes).toEqual([]);
  });
});

describe('words that say a time is exact', () => {
  const now = Date.parse('2026-11-22T15:00:00Z');
  it.each([
    ['at exactly 5pm', '2026-11-22T22:00:00.000Z'],
    ['exactly at 5pm', '2026-11-22T22:00:00.000Z'],
    ['in exactly 2 hours', '2026-11-22T17:00:00.000Z'],
    ['tomorrow at 9am on the dot', '2026-11-23T14:00:00.000Z'],
  ])('%s is that time, with nothing to say', async (phrase, iso) => {
    const meaning = await meaningOfOnce(phrase, { now, zone: 'America/New_York' });
    expect([meaning.scheduled_at_iso, meaning.notes]).toEqual([iso, []]);
  });
});
