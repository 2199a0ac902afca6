import { describe, expect, it } from 'vitest';
import { refusalOf } from '../helpers/once-refusal';
import { UsageError } from '../../src/errors';
import { MAX_PHRASE_LENGTH, RecurringPhraseError } from '../../src/time/once';
import { parseInstant } from '../helpers/parse-instant';
import { readParts } from '../../src/time/read-once';
import { phraseZone } from '../../src/time/once-zone';
import { tokenize } from '../../src/time/words';
import { wallTime } from '../../src/time/zone';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * "now" is the same wall-clock moment in every zone below, Sunday
 * 2026-11-22 10:00 local, so one table of local answers holds in all of
 * them. The offsets are written out, not computed by the code under test.
 */
const ZONES: Array<[string, string]> = [
  ['America/New_York', '2026-11-22T10:00:00-05:00'],
  ['Europe/London', '2026-11-22T10:00:00Z'],
  ['Asia/Kolkata', '2026-11-22T10:00:00+05:30'],
  ['Australia/Sydney', '2026-11-22T10:00:00+11:00'], // summer time in the south
  ['Pacific/Chatham', '2026-11-22T10:00:00+13:45'],
  ['Asia/Kathmandu', '2026-11-22T10:00:00+05:45'],
];

const local = (zone: string, instant: number) => {
  const w = wallTime(zone, instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
};

// [phrase, local answer] with "now" at Sunday 2026-11-22 10:00 local.
const FAMILIES: Array<[string, string]> = [
  // ordinals and "the"
  ['the 1st of march', '2027-03-01 09:00'],
  ['first of march', '2027-03-01 09:00'],
  ['  The  1ST of  MARCH  ', '2027-03-01 09:00'],
  ['on the 15th', '2026-12-15 09:00'],
  ['the 30th', '2026-11-30 09:00'],
  ['the 3rd of next month at 2pm', '2026-12-03 14:00'],
  ['tuesday the 19th at 3pm', '2027-01-19 15:00'],
  ['Tuesday The 24th', '2026-11-24 09:00'],
  ['march 3rd', '2027-03-03 09:00'],
  ['March 3rd at 5pm', '2027-03-03 17:00'],
  ['3 march', '2027-03-03 09:00'],
  ['25th of december at noon', '2026-12-25 12:00'],
  ['march 1st, 2027 at 9am', '2027-03-01 09:00'],
  // nth and last weekday of a month
  ['first wednesday of march', '2027-03-03 09:00'],
  ['last thursday of next month', '2026-12-31 09:00'],
  ['3rd thu in may at 10am', '2027-05-20 10:00'],
  ['second monday of december', '2026-12-14 09:00'],
  ['the last friday of february 2027', '2027-02-26 09:00'],
  ['last day of the month', '2026-11-30 09:00'],
  ['first monday of the month at 8:30', '2026-12-07 08:30'],
  ['end of the month', '2026-11-30 09:00'],
  ['start of next month at noon', '2026-12-01 12:00'],
  ['end of the year', '2026-12-31 09:00'],
  ['last weekday of the month', '2026-11-30 09:00'],
  ['the first business day of next month at 8am', '2026-12-01 08:00'],
  ['the start of next year at 8am', '2027-01-01 08:00'],
  ['the end of next year', '2027-12-31 09:00'],
  ['first monday in 2 months', '2027-01-04 09:00'],
  ['the last friday in three months at 5pm', '2027-02-26 17:00'],
  ['in 2 months on the first monday', '2027-01-04 09:00'],
  ['end of 2027 at 5pm', '2027-12-31 17:00'],
  ['beginning of 2028', '2028-01-01 09:00'],
  ['july 4th of 2027', '2027-07-04 09:00'],
  ['28 june in 2027 at 3pm', '2027-06-28 15:00'],
  ['the 2nd of february in the year 2027', '2027-02-02 09:00'],
  // "the next", "the following" weekday; the user's own zone said in words
  ['the following monday', '2026-11-23 09:00'],
  ['on the next monday at 3pm', '2026-11-23 15:00'],
  ['tomorrow at 9am local time', '2026-11-23 09:00'],
  ['a month from today', '2026-12-22 09:00'],
  ['next tuesday the 24th', '2026-11-24 09:00'],
  // clock spellings
  ['quarter past 4pm', '2026-11-22 16:15'],
  ['half past 6', '2026-11-23 06:30'],
  ['half past 6 tonight', '2026-11-22 18:30'],
  ['10 minutes to 3pm tomorrow', '2026-11-23 14:50'],
  ["4 o'clock in the afternoon", '2026-11-22 16:00'],
  ['at nine am', '2026-11-23 09:00'],
  ['tomorrow at 3p', '2026-11-23 15:00'],
  ['at 15h tomorrow', '2026-11-23 15:00'],
  ['tomorrow 9:5', '2026-11-23 09:05'],
  // number words, couple, few
  ['in seven days', '2026-11-29 10:00'],
  ['in a couple of minutes', '2026-11-22 10:02'],
  ['in a few minutes', '2026-11-22 10:03'],
  ['in twenty minutes', '2026-11-22 10:20'],
  ['in an hour and a half', '2026-11-22 11:30'],
  ['in one and a half hours', '2026-11-22 11:30'],
  ['in a hundred minutes', '2026-11-22 11:40'],
  ['in one hundred and twenty minutes', '2026-11-22 12:00'],
  ['in two hundred fifty minutes', '2026-11-22 14:10'],
  ['in twelve hundred minutes', '2026-11-23 06:00'],
  // days and parts of the day
  ['9 tonight', '2026-11-22 21:00'],
  ['8 tomorrow morning', '2026-11-23 08:00'],
  ['at 4 tomorrow afternoon', '2026-11-23 16:00'],
  ['tomorrow evening', '2026-11-23 18:00'],
  ['day after tomorrow at 6pm', '2026-11-24 18:00'],
  ['in 6 days at 4pm', '2026-11-28 16:00'],
  ['tuesday after next', '2026-12-01 09:00'],
  ['thursday next week', '2026-11-26 09:00'],
  ['next week friday', '2026-11-27 09:00'],
  ['in 2 months', '2027-01-22 10:00'],
  ['in 2 weeks at noon', '2026-12-06 12:00'],
  ['a week from tomorrow', '2026-11-30 09:00'],
  ['two weeks from friday at 3pm', '2026-12-11 15:00'],
];

describe.each(ZONES)('one-time families in %s', (zone, nowText) => {
  const now = Date.parse(nowText);
  it.each(FAMILIES)('%s', (input, expected) => {
    expect(local(zone, parseInstant(input, { now, zone }).instant)).toBe(expected);
  });

  it.each([
    'last friday',
    'last monday',
    'monday last week',
    'past monday',
    'this past sunday',
    'tuesday of last week',
    'last week monday',
    'yesterday',
    'yesterday at 5pm',
    '2 days ago',
    'last night',
    'this morning at 8',
  ])('%s is in the past, never moved forward', (input) => {
    expect(refusalOf(input, zone, now).message).toMatch(new RegExp(`^'${input}' is in the past: it means \\d{4}-\\d{2}-\\d{2}`));
  });

  it("a day a clock change ago is named on the zone's clock", () => {
    // Sunday 22 November 10:00 EST: a month before is 22 October at 10:00 EDT, not 11:00.
    expect(refusalOf('last month', 'America/New_York', Date.parse('2026-11-22T15:00:00Z')).message).toBe("'last month' is in the past: it means 2026-10-22 10:00 EDT (2026-10-22T14:00:00.000Z)");
  });
});

describe('one-time phrases that cannot be', () => {
  const now = Date.parse('2026-11-22T15:00:00Z');
  it.each([
    ['sunday, feb 10', /2027-02-10 is a Wednesday, not a Sunday/],
    ['monday march 3 2027 at 9am', /2027-03-03 is a Wednesday, not a Monday/],
    ['dec 32', /'dec 32' is not a date: no month has a day 32/],
    ['jan 45', /'jan 45' is not a date: no month has a day 45/],
    ['feb 30', /February has no day 30/],
    ['april 31st at 9am', /April has no day 31/],
    ['the 32nd', /no month has a day 32/],
    ['feb 29 2027', /2027-02 has no day 29/],
    ['fifth monday of february', /February 2027 has no fifth Monday/],
    ['0000-01-01', /year 0000 is out of range/],
    ['2026-12-01T10:00+25:00', /offset \+25:00, which does not exist/],
    ['2026-12-01T10:00-99:99', /offset -99:99, which does not exist/],
    ['2026-12-01T10:00+14:30', /offset \+14:30, which does not exist/],
    ['tomorrow at 9am +15:00', /offset \+15:00, which does not exist/],
    ['in 99999999d', /'in 99999999d' is outside the dates this tool can use/],
    ['99999999 days ago', /outside the dates/],
    ['in 2399501290 hours', /outside the dates/],
    ['in 99999 years', /outside the dates/],
    ['in 274000 years', /'in 274000 years' is outside the dates this tool can use/],
    ['in 10000000 months', /outside the dates/],
    ['8640000000000001', /outside the dates/],
    ['99999999999999999999', /outside the dates/],
    ['tomorrow at 13pm', /13pm.*1-12/],
  ])('%s', (input, message) => {
    expect(refusalOf(input, 'UTC', now).message).toMatch(message);
  });

  it('the day after the last instant there is, is refused rather than crashing', () => {
    const latest = Date.parse('9999-12-31T12:00:00Z');
    expect(refusalOf('tomorrow', 'UTC', latest).message).toMatch(/outside the dates/);
    expect(refusalOf('in 2 days', 'UTC', latest).message).toMatch(/outside the dates/);
  });

  it('a feb 29 with no year means the next one', () => {
    expect(new Date(parseInstant('feb 29', { now, zone: 'UTC' }).instant).toISOString()).toBe('2028-02-29T09:00:00.000Z');
  });
});

describe('a zone in the phrase is honoured', () => {
  // The user's own zone is Tokyo: the phrase's zone must win.
  const winter = Date.parse('2026-11-22T15:00:00Z');
  const summer = Date.parse('2026-07-01T12:00:00Z');
  it.each([
    ['5pm CET', winter, '2026-11-22T16:00:00.000Z'],
    ['9am in London', winter, '2026-11-23T09:00:00.000Z'],
    ['tomorrow 8:00 PST', winter, '2026-11-23T16:00:00.000Z'],
    ['noon Europe/Berlin', winter, '2026-11-23T11:00:00.000Z'],
    ['tomorrow at 9am +05:00', winter, '2026-11-23T04:00:00.000Z'],
    ['tomorrow at 9am EST', winter, '2026-11-23T14:00:00.000Z'],
    ['tomorrow at 9am EDT', winter, '2026-11-23T14:00:00.000Z'],
    ['9am IST tomorrow', winter, '2026-11-23T03:30:00.000Z'],
    ['at 5 pm in new york', winter, '2026-11-22T22:00:00.000Z'],
    ['9:00 in sao paulo', winter, '2026-11-23T12:00:00.000Z'],
    ['friday 3pm (PT)', winter, '2026-11-27T23:00:00.000Z'],
    ['tomorrow 9am aedt', winter, '2026-11-23T22:00:00.000Z'],
    ['tomorrow 9am utc+5:30', winter, '2026-11-23T03:30:00.000Z'],
    ['9am GMT tomorrow', winter, '2026-11-23T09:00:00.000Z'],
    ['tomorrow at 9 eastern time', winter, '2026-11-23T14:00:00.000Z'],
    ['tomorrow at 9am america/new_york', winter, '2026-11-23T14:00:00.000Z'],
    ['tomorrow at 9am Asia/Kathmandu', winter, '2026-11-23T03:15:00.000Z'],
    ['tomorrow at 9am EST', summer, '2026-07-02T13:00:00.000Z'],
    ['tomorrow 5pm CET', summer, '2026-07-02T15:00:00.000Z'],
    ['9am BST tomorrow', summer, '2026-07-02T08:00:00.000Z'],
    ['tomorrow 9am aest', summer, '2026-07-01T23:00:00.000Z'],
    ['tomorrow at 14:00Z', winter, '2026-11-23T14:00:00.000Z'],
    ['tomorrow at 5 pm on Europe/Berlin', winter, '2026-11-23T16:00:00.000Z'],
    ['1400Z tomorrow', winter, '2026-11-23T14:00:00.000Z'],
    ['friday 9am Z', winter, '2026-11-27T09:00:00.000Z'],
    // Digits after a slash are a date, not a zone; Etc/GMT+5 is a zone.
    ['August/10/2027 at 5pm', winter, '2027-08-10T08:00:00.000Z'],
    ['tomorrow 9am etc/gmt+5', winter, '2026-11-23T14:00:00.000Z'],
  ])('%s', (input, now, expected) => {
    expect(new Date(parseInstant(input, { now, zone: 'Asia/Tokyo' }).instant).toISOString()).toBe(expected);
  });

  it.each([
    ['9am AST', /^'9am AST': the time zone 'AST' could mean several: America\/Halifax \(Atlantic\), Asia\/Riyadh \(Arabia\)/],
    ['7pm Mars/Olympus', /^'7pm Mars\/Olympus' names the time zone 'mars\/olympus', which is unknown/],
    ['7pm America/Foo2', /^'7pm America\/Foo2' names the time zone 'america\/foo2', which is unknown/],
    ['5pm WITA', /names a time zone this tool does not know/],
    ['CET', /A time zone alone is not a time/],
  ])('%s is refused, never read and ignored', (input, message) => {
    expect(refusalOf(input, 'UTC', winter).message).toMatch(message);
  });
});

describe('a recurring phrase given for one time', () => {
  it.each([
    'every weekday at 9am',
    'every 5 minutes',
    'daily at 9',
    'mondays at 10am',
    'Every Monday',
    // A part of the day in the plural comes round again, as a weekday in the plural does.
    'friday mornings',
    'tuesday afternoons at 3',
    'evenings at 8',
    'on saturday nights at 11pm',
  ])('%s points to recurring create', (input) => {
    const error = refusalOf(input, 'UTC', Date.parse('2026-11-22T15:00:00Z'));
    expect(error.message).toBe(`'${input}' is a recurring schedule, not one time`);
    expect(error.hint).toContain(`recurring create --cron '${input}'`);
    expect(error).toBeInstanceOf(RecurringPhraseError);
    expect((error as RecurringPhraseError).phrase).toBe(input);
  });

  it('quotes a phrase with an apostrophe for the shell', () => {
    const error = refusalOf("every day at 9 o'clock", 'UTC', Date.parse('2026-11-22T15:00:00Z'));
    expect(error.hint).toContain(`--cron "every day at 9 o'clock"`);
  });
});

describe('every one-time reader is linear in its input', () => {
  const now = Date.parse('2026-11-22T15:00:00Z');
  it.each([
    ['many words', 'tomorrow at 9am '.repeat(3000)],
    ['many "and"s', `in ${'9 and '.repeat(5000)}x`],
    ['many commas', `${', '.repeat(5000)}tomorrow`],
    ['a long zone-like word', `9am ${'a/'.repeat(5000)}b`],
    ['many digits', '9'.repeat(10000)],
  ])('%s: refused as a UsageError', (_, input) => {
    expect(() => parseInstant(input, { now, zone: 'UTC' })).toThrow(UsageError);
  });

  it('the grammar and the zone reader walk thousands of tokens', () => {
    const tokens = tokenize(`${', '.repeat(10000)}tomorrow at 9am`);
    expect(readParts(tokens)?.day).toEqual({ kind: 'offset', days: 1 });
    expect(readParts(tokenize('at '.repeat(10000)))).toBeNull();
    expect(phraseZone(`${'tomorrow '.repeat(5000)}at 9am cet`, 'UTC').written).toBe('Europe/Paris');
    expect(phraseZone(`${'in '.repeat(5000)}x`, 'UTC').written).toBeUndefined();
    expect(MAX_PHRASE_LENGTH).toBeLessThan(1000);
  });
});

describe("the United States' holidays", () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['thanksgiving at noon', '2026-11-26 12:00', "read 'thanksgiving' as the United States holiday, the fourth Thursday of November"],
    ['memorial day', '2027-05-31 09:00', "read 'memorial day' as the United States holiday, the last Monday of May"],
    ["mother's day", '2027-05-09 09:00', "read 'mother's day' as the United States holiday, the second Sunday of May"],
    ['labor day at 9am', '2027-09-06 09:00', "read 'labor day' as the United States holiday, the first Monday of September"],
  ])('%s, on its weekday of the month, said', async (phrase, local, note) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes).toContain(note);
  });

  it.each([
    ['the day after thanksgiving', '2026-11-27 09:00'],
    ['the day before thanksgiving at 5pm', '2026-11-25 17:00'],
    ['the monday after thanksgiving', '2026-11-30 09:00'],
    ['2 days after the first monday of december', '2026-12-09 09:00'],
    ['thanksgiving next year', '2027-11-25 09:00'],
    ['the first monday of march next year', '2027-03-01 09:00'],
  ])('%s: a weekday of a month, or a day counted from one', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, sunday)).local.slice(0, 16)).toBe(local);
  });

  it('with the apostrophe after the s, as some write them', async () => {
    expect((await meaningOfOnce("presidents' day", sunday)).local.slice(0, 16)).toBe('2027-02-15 09:00');
    expect((await meaningOfOnce("mothers' day", sunday)).local.slice(0, 16)).toBe('2027-05-09 09:00');
  });

  it('on a fixed date, as its date', async () => {
    expect((await meaningOfOnce('independence day', sunday)).local.slice(0, 16)).toBe('2027-07-04 09:00');
    expect((await meaningOfOnce('juneteenth at 10am', sunday)).local.slice(0, 16)).toBe('2027-06-19 10:00');
  });

  it.each([
    ['black friday at 8am', '2026-11-27 08:00', "read 'black friday' as Fri 27 Nov 2026, by Thanksgiving (Thu 26 Nov), the fourth Thursday of November"],
    ['cyber monday', '2026-11-30 09:00', "read 'cyber monday' as Mon 30 Nov 2026, by Thanksgiving (Thu 26 Nov), the fourth Thursday of November"],
  ])('%s: a day counted from thanksgiving, said', async (phrase, local, note) => {
    expect((await meaningOfOnce(phrase, sunday)).local.slice(0, 16)).toBe(local);
    expect((await meaningOfOnce(phrase, sunday)).notes).toContain(note);
  });

  it.each([
    ['2026-11-26T20:00:00Z', 'black friday at 10am', '2026-11-27 10:00'],
    ['2026-11-27T12:00:00Z', 'black friday at 5pm', '2026-11-27 17:00'],
    ['2026-11-28T15:00:00Z', 'cyber monday', '2026-11-30 09:00'],
    ['2026-11-28T15:00:00Z', 'black friday', '2027-11-26 09:00'],
  ])('said on %s, %s is the one to come until its day has ended', async (now, phrase, local) => {
    expect((await meaningOfOnce(phrase, { ...sunday, now: Date.parse(now) })).local.slice(0, 16)).toBe(local);
  });

  it('every year, under --cron too', async () => {
    const meaning = await meaningOfSchedule('every thanksgiving at noon', sunday, 2);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2026-11-26 12:00', '2027-11-25 12:00']);
  });
});

describe('holidays kept from Easter', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  // Western Easter Sunday: 5 Apr 2026, 28 Mar 2027, 16 Apr 2028, 1 Apr 2029 (published tables).
  it.each([
    ['easter', '2027-03-28 09:00', "read 'easter' as Western Easter, Sun 28 Mar 2027"],
    ['easter sunday at 10am', '2027-03-28 10:00', "read 'easter sunday' as Western Easter, Sun 28 Mar 2027"],
    ['good friday at 5pm', '2027-03-26 17:00', "read 'good friday' as Fri 26 Mar 2027, by Western Easter (Sun 28 Mar)"],
    ['easter monday', '2027-03-29 09:00', "read 'easter monday' as Mon 29 Mar 2027, by Western Easter (Sun 28 Mar)"],
    ['ash wednesday at noon', '2027-02-10 12:00', "read 'ash wednesday' as Wed 10 Feb 2027, by Western Easter (Sun 28 Mar)"],
    ['easter 2028 at 9am', '2028-04-16 09:00', "read 'easter' as Western Easter, Sun 16 Apr 2028"],
    ["good friday '28 at 5pm", '2028-04-14 17:00', "read 'good friday' as Fri 14 Apr 2028, by Western Easter (Sun 16 Apr)"],
    ['easter 2029', '2029-04-01 09:00', "read 'easter' as Western Easter, Sun 1 Apr 2029"],
    ['easter 0930', '2027-03-28 09:30', "read 'easter' as Western Easter, Sun 28 Mar 2027"],
    ['pentecost next year', '2027-05-16 09:00', "read 'pentecost' as Sun 16 May 2027, by Western Easter (Sun 28 Mar)"],
    ['the day after easter at 8am', '2027-03-29 08:00', "read 'easter' as Western Easter, Sun 28 Mar 2027"],
  ])('%s: its day in the year meant, said', async (phrase, local, note) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes).toContain(note);
  });

  it("this year's until its day has ended, then next year's", async () => {
    const goodFriday2027 = { now: Date.parse('2027-03-26T20:00:00Z'), zone: 'America/New_York' };
    expect((await meaningOfOnce('good friday at 8pm', goodFriday2027)).local.slice(0, 16)).toBe('2027-03-26 20:00');
    expect((await meaningOfOnce('good friday at 8pm', { ...goodFriday2027, now: Date.parse('2027-03-27T15:00:00Z') })).local.slice(0, 16)).toBe('2028-04-14 20:00');
  });

  it('a year said that has passed is refused as past', () => {
    expect(() => parseInstant('easter 2026', sunday)).toThrow(/in the past/);
  });

  it.each(['every easter', 'every good friday at 9am', 'every year on black friday'])('%s: refused under --cron, saying why and what to do', async (phrase) => {
    await expect(meaningOfSchedule(phrase, sunday, 2)).rejects.toThrow(/falls on a different day each year/);
  });
});

describe('a day of the year, said of the year', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['first day of next year', '2027-01-01 09:00'],
    ['the first of next year at 10am', '2027-01-01 10:00'],
    ['the last day of the year', '2026-12-31 09:00'],
    ['last day of this year at 5pm', '2026-12-31 17:00'],
    ['first monday of next year', '2027-01-04 09:00'],
    ['the last friday of the year', '2026-12-25 09:00'],
    ['the 2nd monday of 2028 at 10am', '2028-01-10 10:00'],
    ['the last day of the year 2027', '2027-12-31 09:00'],
    ['first monday of the year 2028', '2028-01-03 09:00'],
    ['the last monday of next year', '2027-12-27 09:00'],
    ['the 10th day of next year', '2027-01-10 09:00'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, sunday)).local.slice(0, 16)).toBe(local);
  });

  it.each([
    ['the first monday of the year', 'Mon 4 Jan 2027', 'the first monday of 2027'],
    ['the 2nd tuesday of the year at 9am', 'Tue 12 Jan 2027', 'the 2nd tuesday of 2027 at 9am'],
  ])("%s: this year's has passed, read as next year's, said", async (phrase, day, example) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.notes).toEqual([`read '${phrase}' as ${day}: 2026's has passed; give the year to say so, such as '${example}'`]);
  });

  it.each(['the 40th day of next year', 'the fifth monday of next year'])('%s: not in the month it would be counted in, refused', (phrase) => {
    expect(() => parseInstant(phrase, sunday)).toThrow(/which day is not clear/);
  });

  it.each([
    ['every first day of the year', '0 14 1 1 *'],
    ['the last day of every year at 5pm', '0 22 31 12 *'],
  ])('%s, under --cron', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, sunday, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it('the first monday of every year, under --cron', async () => {
    const meaning = await meaningOfSchedule('every first monday of the year at 9am', sunday, 3);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2027-01-04 09:00', '2028-01-03 09:00', '2029-01-01 09:00']);
  });
});

describe('a date in digits whose month-first reading has passed', () => {
  const london = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'Europe/London' };
  it.each([
    ['03/12/2026', '2026-12-03 09:00', "read '03/12/2026' with the day first (3 December), as March 12 has passed"],
    ['10/12/2026 at 5pm', '2026-12-10 17:00', "read '10/12/2026 at 5pm' with the day first (10 December), as October 12 has passed"],
    ['1/12/2026', '2026-12-01 09:00', "read '1/12/2026' with the day first (1 December), as January 12 has passed"],
  ])('%s: the day first, said', async (phrase, local, note) => {
    const meaning = await meaningOfOnce(phrase, london);
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes).toContain(note);
  });

  it('a month-first reading to come is kept, said as before', async () => {
    const meaning = await meaningOfOnce('03/12/2027', london);
    expect(meaning.local.slice(0, 16)).toBe('2027-03-12 09:00');
    expect(meaning.notes.join('\n')).toMatch(/with the month first \(March 12\)/);
  });

  it('where dates are written month first (New York, Manila), a passed one stays past: never read day first', () => {
    expect(() => parseInstant('03/12/2026', { ...london, zone: 'America/New_York' })).toThrow(/is in the past: it means 2026-03-12/);
    expect(() => parseInstant('03/12/2026', { ...london, zone: 'Asia/Manila' })).toThrow(/is in the past/);
  });

  it('a month-first day that is today, its time passed, is past: never read day first', () => {
    const twelfth = { ...london, now: Date.parse('2026-11-12T15:00:00Z') };
    expect(() => parseInstant('11/12/2026 at 9am', twelfth)).toThrow(/is in the past: it means 2026-11-12 09:00/);
  });

  it('both readings past: refused as past', () => {
    expect(() => parseInstant('01/01/2026', london)).toThrow(/in the past/);
    expect(() => parseInstant('11/02/2026', london)).toThrow(/in the past/);
  });
});

describe('a holiday with this or next before it', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['this thanksgiving', '2026-11-26 09:00'],
    ['next thanksgiving day at 3pm', '2026-11-26 15:00'],
    ['next memorial day', '2027-05-31 09:00'],
    ['next mothers day', '2027-05-09 09:00'],
    ['next martin luther king day', '2027-01-18 09:00'],
    ['next easter', '2027-03-28 09:00'],
    ['valentine day', '2027-02-14 09:00'],
    ['the ides of march at noon', '2027-03-15 12:00'],
    ['groundhog day', '2027-02-02 09:00'],
    ["groundhog's day at 8am", '2027-02-02 08:00'],
    ['earth day at noon', '2027-04-22 12:00'],
    ['flag day 2027', '2027-06-14 09:00'],
    ['patriot day', '2027-09-11 09:00'],
    ['cinco de mayo', '2027-05-05 09:00'],
    ['kwanzaa', '2026-12-26 09:00'],
    ['coming christmas', '2026-12-25 09:00'],
    ['next black friday', '2026-11-27 09:00'],
    ['leap day at noon', '2028-02-29 12:00'],
    ['easter in 2030', '2030-04-21 09:00'],
    ['christmas in 2027', '2027-12-25 09:00'],
    ['december 25th in 2027 at 8am', '2027-12-25 08:00'],
  ])('%s: the coming one, or the year given', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, sunday)).local.slice(0, 16)).toBe(local);
  });
});

describe('everyday wordings of a time', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['a day from right now', '2026-11-23 10:00'],
    ['3:20 in afternoon', '2026-11-22 15:20'],
    ['later tonight at 11', '2026-11-22 23:00'],
    ['later today at 5pm', '2026-11-22 17:00'],
    ['nine fifty nine a m', '2026-11-23 09:59'],
    ['ten thirty p m', '2026-11-22 22:30'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, sunday)).local.slice(0, 16)).toBe(local);
  });

  it.each([
    ['3ish pm', '2026-11-22 15:00', 'ish'],
    ['3pm approximately', '2026-11-22 15:00', 'approximately'],
    ['tomorrow at 5pm or so', '2026-11-23 17:00', 'or so'],
    ['in an hour or so', '2026-11-22 11:00', 'or so'],
  ])('%s: a hedge after the time, read as exact and said', async (phrase, local, word) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes).toContain(`read '${phrase}' as exact, without '${word}': a schedule fires at one instant`);
  });

  it.each([
    ['every monday early morning', /leaves the hour open/],
    ['early march', /leaves the day open/],
    ['mid april at 9am', /leaves the day open/],
  ])('%s: refused as leaving the time open, not offered "yearly"', async (phrase, reason) => {
    const error = await meaningOfOnce(phrase, sunday).then(
      () => undefined,
      (thrown: unknown) => thrown as UsageError,
    );
    expect(error?.message).toMatch(reason);
    expect(error?.hint).not.toMatch(/yearly/);
  });
});

describe('words around a time that add nothing or name no hour', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it('"later today" alone is 18:00, said; with a time, today', async () => {
    expect((await meaningOfOnce('later today', sunday)).notes).toContain("read 'later today' as 18:00; give the time for another, such as 'today at 4pm'");
    expect((await meaningOfOnce('later today at 5pm', sunday)).local.slice(0, 16)).toBe('2026-11-22 17:00');
  });

  it('"early" beside a time given: the part of the day holds it, read', async () => {
    expect((await meaningOfOnce('tomorrow at 6am early morning', sunday)).local).toBe('2026-11-23 06:00 EST');
  });
});

describe('a bare ordinal of a year', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each(['the 5th in 2027', 'the 3rd of 2027'])("%s could be any month's: refused, not read as January", (phrase) => {
    expect(() => parseInstant(phrase, sunday)).toThrow(/Could not understand/);
  });
});

describe('"next" before a holiday', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it('is the coming one, said', async () => {
    expect((await meaningOfOnce('next thanksgiving', sunday)).notes).toContain("read 'next thanksgiving' as the coming one, not the one after it");
    expect((await meaningOfOnce('next easter', sunday)).notes).toContain("read 'next easter' as the coming one; for the one after, write 'easter 2028'");
    expect((await meaningOfOnce('easter 2028', sunday)).local.slice(0, 10)).toBe('2028-04-16');
  });
});

describe('a date with its year first, in words', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['2027 may 22nd', '2027-05-22 09:00'],
    ['2027 May 22 at 3pm', '2027-05-22 15:00'],
    ['2027, may 22nd at 3pm', '2027-05-22 15:00'],
    ['on 2027 dec 3', '2027-12-03 09:00'],
  ])('%s', async (phrase, local) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes).toEqual([]);
  });

  it('a year and month alone is its first day, said, as "may 2027" is', async () => {
    const meaning = await meaningOfOnce('2027 may', sunday);
    expect(meaning.local.slice(0, 16)).toBe('2027-05-01 09:00');
    expect(meaning.notes).toEqual(["read '2027 may' as Sat 1 May 2027, the first of the month; give the day to say otherwise, such as 'may 15'"]);
  });

  it.each([
    ['in december on the 5th', '2026-12-05 09:00'],
    ['in december, on the 5th at 3pm', '2026-12-05 15:00'],
    ['in may 2027 on the 3rd', '2027-05-03 09:00'],
  ])('%s: a month, then a day of it, is one day', async (phrase, local) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes).toEqual([]);
  });

  it("a month that has passed this year, then a day of it, is next year's, as with the day first", async () => {
    const first = await meaningOfOnce('in november on the 5th', sunday);
    expect(first.local.slice(0, 16)).toBe('2027-11-05 09:00');
    expect(first.local).toBe((await meaningOfOnce('on the 5th in november', sunday)).local);
  });

  it('"every 3rd day in july" is a repeating phrase the repeating reader refuses too: its refusal, not a pointer to recurring create', async () => {
    await expect(meaningOfOnce('every 3rd day in july', sunday)).rejects.toThrow("'every 3rd day in july' could be July 3rd or every 3 days in July");
  });

  it('"minus" is no word of a time', async () => {
    await expect(meaningOfOnce('noon minus 15 minutes', sunday)).rejects.toThrow("did not understand 'minus'");
  });

  it('"the following week" is next week', async () => {
    const following = await meaningOfOnce('friday of the following week at 3pm', sunday);
    expect(following.local).toBe((await meaningOfOnce('friday of next week at 3pm', sunday)).local);
    expect(following.local.slice(0, 16)).toBe('2026-11-27 15:00');
  });

  it('a month and year in digits alone is its first day, said, as "may 2027" is', async () => {
    const meaning = await meaningOfOnce('9/2027', sunday);
    expect(meaning.local.slice(0, 16)).toBe('2027-09-01 09:00');
    expect(meaning.notes).toEqual(["read '9/2027' as Wed 1 Sep 2027, the first of the month; give the day to say otherwise, such as 'september 15'"]);
  });

  it('a clock before a date stays a clock after "at"', async () => {
    expect((await meaningOfOnce('at 2030 may 22', sunday)).local.slice(0, 16)).toBe('2027-05-22 20:30');
  });
});

describe('an amount added to a time, and counted after now', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['4pm + 3 days', '2026-11-25 16:00'],
    ['friday + 1 week', '2026-12-04 09:00'],
    ['5pm on friday +1 week', '2026-12-04 17:00'],
    ['noon + 2 hours and 30 minutes', '2026-11-22 14:30'],
    ['now + 2 hours', '2026-11-22 12:00'],
    ['3 days after now', '2026-11-25 10:00'],
    ['5 years 9 days after now', '2031-12-01 10:00'],
    // The nth such weekday after a day, never that day itself (the count was read as a clock).
    ['3 mondays after may 25', '2027-06-14 09:00'],
    ['2 tuesdays after dec 1', '2026-12-15 09:00'],
    ['2 fridays from dec 1', '2026-12-11 09:00'],
    ['2 fridays before christmas', '2026-12-11 09:00'],
    ['3 mondays before may 25', '2027-05-10 09:00'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, sunday)).local.slice(0, 16)).toBe(local);
  });

  it.each([
    ['friday + 1 week at 5pm', '2026-12-04 17:00'],
    ['friday + 2 days at 5pm', '2026-11-29 17:00'],
    ['friday - 1 day', '2026-11-26 09:00'],
    ['dec 25 - 2 days', '2026-12-23 09:00'],
    ['4pm + 3 days in london', '2026-11-25 11:00'],
    ['9am + 1 day est', '2026-11-23 09:00'],
  ])('%s: what the time says after the amount is the time\'s; "-" takes the amount away', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, sunday)).local.slice(0, 16)).toBe(local);
  });

  it("a clock and days after it is that clock on the day reached, even when today's has passed", async () => {
    expect((await meaningOfOnce('4pm + 3 days', { ...sunday, now: Date.parse('2026-11-22T22:00:00Z') })).local.slice(0, 16)).toBe('2026-11-25 16:00');
  });

  it.each([
    ['30-40 mins', "'30-40 mins': a range of amounts leaves the time open"],
    ['t + 1 day', "'t + 1 day': did not understand 't'"],
  ])('%s: a time not read is refused in the words of the whole phrase', (phrase, message) => {
    expect(() => parseInstant(phrase, sunday)).toThrow(message);
  });

  it("a note about the time names the time's words, not the amount's", async () => {
    expect((await meaningOfOnce('next friday + 1 day', sunday)).notes).toEqual(["read 'next friday' as Fri 27 Nov, the first Friday after today; write 'dec 4' for Fri 4 Dec"]);
  });
});

describe('twelve in the evening', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['12 in the evening', '2026-11-23 00:00'],
    ['tomorrow 12 in the evening', '2026-11-24 00:00'],
  ])('%s is the midnight that ends the evening, said (it was noon)', async (phrase, local) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 16)).toBe(local);
    expect(meaning.notes).toEqual(["read '12' in the evening as 00:00, midnight as the evening ends; for noon, write 'at noon' without 'evening'"]);
  });
});

describe('"this <month>": this year\'s, said when it has passed', () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each(['1st tuesday this november', '3rd wednesday this november'])("%s, in November once passed, is past (it was next year's)", (phrase) => {
    expect(() => parseInstant(phrase, sunday)).toThrow(/is in the past/);
  });

  it.each([
    ['this september 5', "read 'this september 5' as Sun 5 Sep 2027: September 2026 has passed; give the year to say so, such as 'september 5 2027'"],
    ['1st tuesday this september', "read '1st tuesday this september' as Tue 7 Sep 2027: September 2026's has passed; give the year to say so, such as '1st tuesday of september 2027'"],
  ])("%s: next year's, said", async (phrase, note) => {
    expect((await meaningOfOnce(phrase, sunday)).notes).toEqual([note]);
  });

  it('"next <month>" in that month, its day passed: next year\'s, nothing else to say', async () => {
    const meaning = await meaningOfOnce('the 10th of next november', sunday);
    expect([meaning.local.slice(0, 10), meaning.notes]).toEqual(['2027-11-10', []]);
  });

  it.each(['next december 10', '10th of next december', '1st tuesday next december'])('%s in November: the coming December, said', async (phrase) => {
    const meaning = await meaningOfOnce(phrase, sunday);
    expect(meaning.local.slice(0, 7)).toBe('2026-12');
    expect(meaning.notes).toEqual([expect.stringMatching(new RegExp(`^read '${phrase}' as .* 2026, in the coming December; for December 2027, give its year$`))]);
  });

  it("this month's day still to come is this year's, nothing to say", async () => {
    const meaning = await meaningOfOnce('last monday this november', sunday);
    expect([meaning.local.slice(0, 10), meaning.notes]).toEqual(['2026-11-30', []]);
  });
});

describe('"the <weekday> after next" where "next" is this week\'s: the other day named', () => {
  it.each([
    ['2026-11-22T15:00:00Z', 'the monday after next', "read 'the monday after next' as Mon 30 Nov, after next Monday (Mon 23 Nov); write 'dec 7' for Mon 7 Dec"],
    ['2026-11-25T15:00:00Z', 'the friday after next', "read 'the friday after next' as Fri 4 Dec, after next Friday (Fri 27 Nov); write 'dec 11' for Fri 11 Dec"],
  ])('on %s, %s', async (now, phrase, note) => {
    expect((await meaningOfOnce(phrase, { now: Date.parse(now), zone: 'America/New_York' })).notes).toEqual([note]);
  });

  it("where next is next week's anyway, nothing to say", async () => {
    expect((await meaningOfOnce('the tuesday after next', { now: Date.parse('2026-11-25T15:00:00Z'), zone: 'America/New_York' })).notes).toEqual([]);
  });
});

describe("other tools' wordings of days already read", () => {
  const sunday = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['10th of next october', '2027-10-10 09:00'],
    ['the 3rd of next december', '2026-12-03 09:00'],
    ['the last sunday of next nov', '2027-11-28 09:00'],
    ['1st tuesday next november', '2027-11-02 09:00'],
    ['the first day of next january', '2027-01-01 09:00'],
    ['this upcoming friday at 3pm', '2026-11-27 15:00'],
    ['this week wednesday', '2026-11-25 09:00'],
    ['next week fri at 3pm', '2026-11-27 15:00'],
    ['week from tuesday', '2026-12-01 09:00'],
    ['remind me week from tuesday', '2026-12-01 09:00'],
    ['the 28th of the month after next', '2027-01-28 09:00'],
    ['the first monday of the month after next', '2027-01-04 09:00'],
    ['the coming christmas', '2026-12-25 09:00'],
    ['upcoming christmas', '2026-12-25 09:00'],
    ['this upcoming weekend', '2026-11-28 09:00'],
    ['the last friday in november, 2027', '2027-11-26 09:00'],
    // A weekday counted from another day said with "next", or the nth of them.
    ['the sunday after next wed', '2026-11-29 09:00'],
    ['the monday after next monday', '2026-11-30 09:00'],
    ['8pm on the sunday after next wed', '2026-11-29 20:00'],
    ['the 2nd monday before may 25', '2027-05-17 09:00'],
    ['the third friday after christmas', '2027-01-15 09:00'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, sunday)).local.slice(0, 16)).toBe(local);
  });
});
