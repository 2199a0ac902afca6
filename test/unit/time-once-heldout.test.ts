import { describe, expect, it } from 'vitest';
import { refusalOf } from '../helpers/once-refusal';
import { parseInstant } from '../helpers/parse-instant';
import { wallTime } from '../../src/time/zone';

/*
 * Families of one-time phrases from other projects' tests and docs (parsedatetime, olebedev/when,
 * SUTime, timefhuman, dateparser, Slack and Todoist wording, email and calendar wording) that were
 * read wrongly, silently or not at all. Two "now"s, the same wall clock in every zone: a weekday
 * morning (Wed 2 Dec 2026 09:15) and a Sunday late evening a week before the US clocks go forward
 * (Sun 7 Mar 2027 22:40). Offsets are written out, not computed by the code under test.
 */
const WEDNESDAY: Array<[string, string]> = [
  ['UTC', '2026-12-02T09:15:00Z'],
  ['America/New_York', '2026-12-02T09:15:00-05:00'],
  ['Australia/Sydney', '2026-12-02T09:15:00+11:00'],
];
const SUNDAY: Array<[string, string]> = [
  ['UTC', '2027-03-07T22:40:00Z'],
  ['America/New_York', '2027-03-07T22:40:00-05:00'],
  ['Australia/Sydney', '2027-03-07T22:40:00+11:00'],
];

const local = (zone: string, instant: number) => {
  const w = wallTime(zone, instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}${w.second ? `:${pad(w.second)}` : ''}`;
};

/** [phrase, local answer, a note that must be given (or null: none)] */
type Row = [string, string, RegExp | null];

function holds(nows: Array<[string, string]>, rows: Row[]) {
  for (const [zone, nowIso] of nows) {
    const now = Date.parse(nowIso);
    it.each(rows)(`%s in ${zone}`, (phrase, answer, note) => {
      const read = parseInstant(phrase, { now, zone });
      expect(local(zone, read.instant)).toBe(answer);
      if (note) expect(read.notes.join('\n')).toMatch(note);
      else expect(read.notes).toEqual([]);
    });
  }
}

describe('midnight with a day: 00:00 as the day begins, and a note naming the midnight at its end', () => {
  holds(SUNDAY, [
    ['tomorrow at midnight', '2027-03-08 00:00', /as 00:00 as Mon 8 Mar begins; write 'mar 9 00:00' for midnight at its end/],
    ['midnight tomorrow', '2027-03-08 00:00', /Mon 8 Mar begins/],
    ['12 midnight tomorrow', '2027-03-08 00:00', /Mon 8 Mar begins/],
    ['midnight friday', '2027-03-12 00:00', /Fri 12 Mar begins; write 'mar 13 00:00'/],
    ['midnight on tuesday', '2027-03-09 00:00', /Tue 9 Mar begins/],
    ['dec 31 at midnight', '2027-12-31 00:00', /Fri 31 Dec begins; write 'jan 1 00:00'/],
    // Said without a day, or as a clock, midnight is the next one: no choice to name.
    ['midnight tonight', '2027-03-08 00:00', null],
    ['tonight at midnight', '2027-03-08 00:00', null],
    ['midnight', '2027-03-08 00:00', null],
    ['tomorrow at 00:00', '2027-03-08 00:00', null],
    ['tomorrow at 12am', '2027-03-08 00:00', null],
  ]);
});

describe('a date in digits with dashes and the year last is read as with slashes; with dots, the day first', () => {
  holds(WEDNESDAY, [
    ['12.06.2027', '2027-06-12 09:00', /read '12.06.2027' with the day first \(12 June\), as dates with dots are written; write '2027-12-06' for December 6/],
    ['12-06-2027 at 5pm', '2027-12-06 17:00', /with the month first/],
    ['31.12.2027', '2027-12-31 09:00', null],
    ['7-17-2027', '2027-07-17 09:00', null],
    ['05.01.27', '2027-01-05 09:00', /with the day first \(5 January\)/],
    ['7-17-27', '2027-07-17 09:00', null],
    ['on 17.07.2027 at 16:00', '2027-07-17 16:00', null],
    ['12/06/2027', '2027-12-06 09:00', /with the month first/],
  ]);
});

describe('a month and year alone is its first day, with a note, as a month alone is', () => {
  holds(WEDNESDAY, [
    ['may 2027', '2027-05-01 09:00', /read 'may 2027' as Sat 1 May 2027, the first of the month; give the day to say otherwise, such as 'may 15'/],
    ['in march 2027', '2027-03-01 09:00', /as Mon 1 Mar 2027, the first of the month/],
    ['in may', '2027-05-01 09:00', /the first of the month/],
    ['may 5 2027', '2027-05-05 09:00', null],
  ]);
});

describe('"+N units" is a duration from now, as "in N units" is', () => {
  holds(WEDNESDAY, [
    ['+3 days', '2026-12-05 09:15', null],
    ['+2h', '2026-12-02 11:15', null],
    ['+90 minutes', '2026-12-02 10:45', null],
  ]);
  holds(SUNDAY, [['+1 week', '2027-03-14 22:40', null]]);
});

describe("'N weeks on <weekday>' (the coming one, N weeks on) names 'in N weeks on <weekday>' when that is another day", () => {
  holds(WEDNESDAY, [
    ['2 weeks on monday', '2026-12-21 09:00', /read '2 weeks on monday' as Mon 21 Dec, 2 weeks after Mon 7 Dec; write 'in 2 weeks on monday' for Mon 14 Dec/],
    ['a fortnight on tuesday', '2026-12-22 09:00', /write 'in a fortnight on tuesday' for Tue 15 Dec/],
    ['in 2 weeks on monday', '2026-12-14 09:00', /Mon 14 Dec, in the week of Wed 16 Dec/],
    // The same day either way: nothing to say.
    ['a week on friday', '2026-12-11 09:00', null],
    ['friday week', '2026-12-11 09:00', null],
  ]);
});

describe('what chrono would guess is refused with the reason', () => {
  for (const [zone, nowIso] of WEDNESDAY) {
    it.each([
      ['end of this week', /which day ends or starts a week is not clear/],
      ['the end of next week', /which day ends or starts a week is not clear/],
      ['the day after', /after or before which day/],
      ['day before', /after or before which day/],
    ])(`%s in ${zone}`, (phrase, reason) => {
      const error = refusalOf(phrase, zone, Date.parse(nowIso));
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(`'${phrase}'`);
    });
  }
  holds(WEDNESDAY, [
    ['the day after tomorrow', '2026-12-04 09:00', null],
    ['end of the month', '2026-12-31 09:00', /read 'end of the month' as its last day at 09:00/],
  ]);
});

describe('parts of an hour said before the unit, and a whole number with a fraction', () => {
  holds(WEDNESDAY, [
    ['in a half hour', '2026-12-02 09:45', null],
    ['a half hour from now', '2026-12-02 09:45', null],
    ['in a quarter hour', '2026-12-02 09:30', null],
    ['in 1 1/2 hours', '2026-12-02 10:45', null],
    ['in 2 1/2 hours', '2026-12-02 11:45', null],
    ['in 3 1/4 hours', '2026-12-02 12:30', null],
    ['in 1/2 hour', '2026-12-02 09:45', null],
    ['in half hour', '2026-12-02 09:45', null],
  ]);
  it('a fraction of a month is refused, with the reason', () => {
    expect(refusalOf('in 1 1/2 months', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/a part of a month has no fixed length/);
  });
});

describe('"this time tomorrow", "same time next week": that day at the minute it is now', () => {
  holds(SUNDAY, [
    ['this time tomorrow', '2027-03-08 22:40', null],
    ['same time tomorrow', '2027-03-08 22:40', null],
    ['tomorrow at this time', '2027-03-08 22:40', null],
    ['at the same time on friday', '2027-03-12 22:40', null],
    // A week on is past the US change of clocks: still 22:40 on the wall.
    ['this time next week', '2027-03-14 22:40', /a week from today/],
  ]);
  holds(WEDNESDAY, [['same time tomorrow', '2026-12-03 09:15', null]]);
  it('a zone in the phrase gives the clock it is read on', () => {
    const now = Date.parse('2027-03-07T22:40:00-05:00');
    expect(new Date(parseInstant('this time tomorrow in tokyo', { now, zone: 'America/New_York' }).instant).toISOString()).toBe('2027-03-09T03:40:00.000Z');
  });
  it('"at this time" with no day is now, and refused', () => {
    expect(refusalOf('at this time', 'UTC', Date.parse(SUNDAY[0]![1])).message).toMatch(/'at this time' is now; give the day/);
  });
});

describe('a weekday with a date in digits: the weekday tells which number is the month', () => {
  holds(WEDNESDAY, [
    ['thu 12/10 2pm', '2026-12-10 14:00', null],
    ['thursday, 12/10 at 2pm', '2026-12-10 14:00', null],
    ['thu 10.12.2026', '2026-12-10 09:00', null],
    ['sat 7/17/2027', '2027-07-17 09:00', null],
    ['tuesday 1/5', '2027-01-05 09:00', null],
  ]);
  it('a weekday neither order falls on is refused', () => {
    expect(refusalOf('fri 12/10 2pm', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/does not add up: 2026-12-10 is a Thursday, not a Friday/);
  });
});

describe('"first thing" is the morning, said in a note', () => {
  holds(WEDNESDAY, [
    ['first thing tomorrow', '2026-12-03 09:00', /read 'first thing tomorrow' as 09:00/],
    ['tomorrow first thing', '2026-12-03 09:00', /as 09:00/],
    ['first thing monday', '2026-12-07 09:00', /as 09:00/],
    ['first thing tomorrow at 8', '2026-12-03 08:00', null],
    ['first monday of next month', '2027-01-04 09:00', null],
  ]);
});

describe('a negative duration says it counts back', () => {
  it.each(['in -5 minutes', '-5 minutes', '+-5 minutes'])('%s', (phrase) => {
    const error = refusalOf(phrase, 'UTC', Date.parse(WEDNESDAY[0]![1]));
    expect(error.message).toBe(`'${phrase}' counts back from now; a message is sent at a time ahead`);
    expect(error.hint).toBe("Give a time from now, such as 'in 5 minutes'.");
  });
});

describe("a season's zone abbreviation at the other season's date is read on that zone's clock, with a note", () => {
  it.each([
    ['tomorrow 9am edt', 'America/New_York', '2026-12-03 09:00', /EDT is not in use in America\/New_York on 2026-12-03: read on its clock then \(-05:00\); write '-04:00' for the EDT offset/],
    ['9am cest', 'Europe/Paris', '2026-12-03 09:00', /CEST is not in use in Europe\/Paris on 2026-12-03: read on its clock then \(\+01:00\); write '\+02:00'/],
    ['july 4 9am est', 'America/New_York', '2027-07-04 09:00', /EST is not in use in America\/New_York on 2027-07-04: read on its clock then \(-04:00\); write '-05:00'/],
    ['tomorrow 9am aest', 'Australia/Sydney', '2026-12-03 09:00', /AEST is not in use in Australia\/Sydney on 2026-12-03/],
  ])('%s', (phrase, zone, answer, note) => {
    for (const [userZone] of WEDNESDAY) {
      const read = parseInstant(phrase, { now: Date.parse(WEDNESDAY[0]![1]), zone: userZone });
      expect(local(zone, read.instant)).toBe(answer);
      expect(read.notes.join('\n')).toMatch(note);
    }
  });
  // In season, or a zone said without a season: nothing to say.
  it.each([
    ['tomorrow 9am est', 'America/New_York'],
    ['tomorrow 9am et', 'America/New_York'],
    ['july 4 9am pdt', 'America/Los_Angeles'],
    ['tomorrow 9am aedt', 'Australia/Sydney'],
    ['tomorrow 9am cet', 'Europe/Paris'],
  ])('%s', (phrase, zone) => {
    const read = parseInstant(phrase, { now: Date.parse(WEDNESDAY[0]![1]), zone: 'UTC' });
    expect(local(zone, read.instant)).toMatch(/ 09:00$/);
    expect(read.notes).toEqual([]);
  });
});

describe('more forms read: two-digit years, "this month on the 20th", "in 2 days time at 3pm"', () => {
  holds(WEDNESDAY, [
    ['6/1/27', '2027-06-01 09:00', /read '6\/1\/27' with the month first \(June 1\)/],
    ['12/31/26 at 5pm', '2026-12-31 17:00', null],
    ['this month on the 20th', '2026-12-20 09:00', null],
    ['the 20th of this month', '2026-12-20 09:00', null],
    ['in 2 days time at 3pm', '2026-12-04 15:00', null],
    ["in 3 weeks' time", '2026-12-23 09:15', null],
  ]);
  it("this month's day that has passed is refused as past", () => {
    expect(refusalOf('this month on the 1st', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/the 1st of this month \(Tue 1 Dec\) has passed/);
  });
});

describe('a count or a window where one time belongs is refused, never guessed', () => {
  it.each([
    ['in several days', /how many is not said/],
    ['in some days', /how many is not said/],
    ['tomorrow after 5pm', /a window, not one time/],
    ['before noon tomorrow', /a window, not one time/],
  ])('%s', (phrase, reason) => {
    expect(refusalOf(phrase, 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(reason);
  });
  holds(WEDNESDAY, [
    ['10 minutes after 5pm', '2026-12-02 17:10', null],
    ['3 days after friday', '2026-12-07 09:00', null],
  ]);
});

describe('a number after "next june" or "this june" is its day, never a clock', () => {
  holds(WEDNESDAY, [
    ['next june 5', '2027-06-05 09:00', null],
    ['next june 5th at 3pm', '2027-06-05 15:00', null],
    ['this june 5 at 5', '2027-06-05 17:00', /read '5' as 17:00/],
    ['next june 5pm', '2027-06-01 17:00', /the first of the month/],
    ['next december 25', '2027-12-25 09:00', /read 'next december 25' as Sat 25 Dec 2027, next year's; write 'dec 25' for the coming one/],
    ['this december 25', '2026-12-25 09:00', null],
  ]);
  it('a day the month does not have is refused', () => {
    expect(refusalOf('next june 31', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/June 2027 has no day 31/);
  });
});

describe('"the <weekday> of next week" is read as without "the"', () => {
  holds(WEDNESDAY, [
    ['the wednesday of next week at 2pm', '2026-12-09 14:00', null],
    ['the friday of this week', '2026-12-04 09:00', null],
  ]);
});

describe('a date in next year, said in words', () => {
  holds(WEDNESDAY, [
    ['march 3 next year', '2027-03-03 09:00', null],
    ['march 3rd of next year', '2027-03-03 09:00', null],
    ['next year on march 3 at 5pm', '2027-03-03 17:00', null],
    ['dec 25 next year', '2027-12-25 09:00', null],
    ['in 2 years on june 1', '2028-06-01 09:00', null],
  ]);
  holds(SUNDAY, [['march 3 next year', '2028-03-03 09:00', null]]);
  it('a day next year does not have is refused', () => {
    expect(refusalOf('feb 29 next year', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/has no day 29/);
  });
});

describe('words that only look like a count get the usual refusal', () => {
  it.each(['many words', 'some stupid nonsense'])('%s', (phrase) => {
    expect(refusalOf(phrase, 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/did not understand/);
  });
});

describe('"the morning of dec 24": that part of the day that follows', () => {
  holds(WEDNESDAY, [
    ['morning of december 24th', '2026-12-24 09:00', /read 'morning of december 24th' as 09:00/],
    ['the morning of dec 24', '2026-12-24 09:00', /as 09:00/],
    ['on the evening of the 24th', '2026-12-24 18:00', /as 18:00/],
    ['night of dec 31', '2026-12-31 21:00', /as 21:00/],
    ['the afternoon of the 5th at 3', '2026-12-05 15:00', null],
  ]);
});

describe('"this day next week" is a week from today; "this day" alone is refused', () => {
  holds(WEDNESDAY, [
    ['this day next week', '2026-12-09 09:00', null],
    ['the same day next month', '2027-01-02 09:00', null],
  ]);
  it('this day', () => {
    expect(refusalOf('this day', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/which day is not clear/);
  });
});

describe('"the first tuesday" is the first Tuesday of the month, as with "of the month"', () => {
  holds(WEDNESDAY, [
    ['the first tuesday', '2027-01-05 09:00', null],
    ['first tuesday at 3pm', '2027-01-05 15:00', null],
    ['2nd friday', '2026-12-11 09:00', null],
    ['the first tuesday of the month', '2027-01-05 09:00', null],
    // The weekday after the date is that date, on that weekday; months away, the month is said.
    ['tuesday the first', '2027-06-01 09:00', /^read 'tuesday the first' as Tue 1 Jun 2027, the next Tuesday the 1st; give the month to choose another$/],
  ]);
  it('"last tuesday" stays the one before today', () => {
    expect(refusalOf('last tuesday', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/is in the past/);
  });
});

describe('a number alone, signed or not, is not a time', () => {
  it.each([
    ['-1', /Could not understand the time/],
    ['5', /a number alone could be an hour, a day of the month or an amount/],
  ])('%s', (phrase, message) => {
    expect(refusalOf(phrase, 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(message);
  });
});

describe('a month said alone is its 1st, with a note, as "in january" is', () => {
  holds(WEDNESDAY, [
    ['january', '2027-01-01 09:00', /read 'january' as Fri 1 Jan 2027, the first of the month/],
    ['may at 10am', '2027-05-01 10:00', /the first of the month/],
    ['january 5', '2027-01-05 09:00', null],
    // A comma between the month and its day: still that date.
    ['june, 5', '2027-06-05 09:00', null],
    ['march, 3rd', '2027-03-03 09:00', null],
  ]);
  it('this month said alone is refused, as "this december" is', () => {
    expect(refusalOf('december', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/is this month; give the day/);
  });
});

describe('a clock chrono reads beside a date is named as written in the note', () => {
  holds(WEDNESDAY, [['10:00 2026-12-12', '2026-12-12 10:00', /^read '10:00' as 10:00; write '10:00 pm' or 22:00 for the evening$/]]);
});

describe('after "at", a number is a clock, in any order with the date', () => {
  holds(WEDNESDAY, [
    ['at 3 june 1', '2027-06-01 15:00', /read '3' as 15:00/],
    ['june 1 at 3', '2027-06-01 15:00', /read '3' as 15:00/],
    ['@ 3 june 1', '2027-06-01 15:00', /read '3' as 15:00/],
    ['at 12 dec 24', '2026-12-24 12:00', /read '12' as 12:00/],
  ]);
});

describe('a four-digit 24-hour clock beside a day', () => {
  holds(WEDNESDAY, [
    ['1700 tomorrow', '2026-12-03 17:00', null],
    ['tomorrow 1700', '2026-12-03 17:00', null],
    ['friday 0930', '2026-12-04 09:30', null],
    ['at 1700', '2026-12-02 17:00', null],
    ['june 5 2027', '2027-06-05 09:00', null],
  ]);
  it.each(['1700', 'tomorrow 2460', 'dec 24 2027 1700'])('%s alone, out of range, or beside a date is not read as one', (phrase) => {
    expect(refusalOf(phrase, 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/Could not understand|digits alone are not read as a time/);
  });
});

describe('minutes after the hours, as a clock says them', () => {
  holds(WEDNESDAY, [
    ['in 1h30', '2026-12-02 10:45', null],
    ['in 1hr30', '2026-12-02 10:45', null],
    ['in 2 hours 15', '2026-12-02 11:30', null],
    ['1h30 from now', '2026-12-02 10:45', null],
  ]);
  it('minutes past 59 are not read', () => {
    expect(refusalOf('in 1h75', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/Could not understand/);
  });
});

describe('12 said with the morning is 00:00, with a note', () => {
  holds(WEDNESDAY, [
    ['sunday morning at 12', '2026-12-06 00:00', /^read '12' in the morning as 00:00, as the day begins; for 12:00, write '12 pm' without 'morning'$/],
    ['tomorrow morning at 12:30', '2026-12-03 00:30', /as 00:30, as the day begins; for 12:30, write '12:30 pm'/],
    ['tomorrow at 12:30 pm', '2026-12-03 12:30', null],
  ]);
});

describe('what chrono reads from words that name no day, or its own parts of the day, is refused', () => {
  it.each(['the week', 'this week at 9am', 'the month 5pm', 'the quarter', 'the hour', 'morning this year', 'the week morning'])('%s', (phrase) => {
    expect(refusalOf(phrase, 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/Could not (?:tell which day or time|understand)|which day is not clear|names a quarter, not a day in it/);
  });
  // What chrono reads that the readers before it do not, and rightly.
  holds(WEDNESDAY, [
    ['20:32:13', '2026-12-02 20:32:13', null],
    ['a week before dec 25', '2026-12-18 09:00', null],
    ['today + 5 days', '2026-12-07 09:00', null],
    ['25-Aug-2027', '2027-08-25 09:00', null],
    ['end of month', '2026-12-31 09:00', /read 'end of month' as its last day at 09:00/],
    ['15h00', '2026-12-02 15:00', null],
    ['11h45', '2026-12-02 11:45', null],
  ]);
  it('a past phrase still says it is past', () => {
    expect(refusalOf('last month', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/is in the past/);
  });
});

describe('a date in digits with its year after a space', () => {
  holds(WEDNESDAY, [
    ['at 12/5 2027', '2027-12-05 09:00', /with the month first \(December 5\)/],
    ['5/12 2027', '2027-05-12 09:00', /with the month first \(May 12\)/],
    ['25/12 2027', '2027-12-25 09:00', null],
  ]);
});

describe('chrono readings of spans and of "this week" beside a date are refused', () => {
  it.each([
    ['next 5 days', /a span is not one time/],
    ['at 5 days', /a span is not one time/],
    ['this week 5 jan', /which day is not clear/],
    ['the week 5 days', /which day is not clear/],
  ])('%s', (phrase, reason) => {
    expect(refusalOf(phrase, 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(reason);
  });
  holds(WEDNESDAY, [
    ['the day after friday', '2026-12-05 09:00', null],
    ['a week before dec 25', '2026-12-18 09:00', null],
  ]);
});

describe('ISO 8601 in the basic format, without separators', () => {
  it.each([
    ['20270601T090000Z', '2027-06-01T09:00:00.000Z'],
    ['20270601T0900+0100', '2027-06-01T08:00:00.000Z'],
    ['20270601T0900', '2027-06-01T13:00:00.000Z'],
  ])('%s', (phrase, iso) => {
    expect(new Date(parseInstant(phrase, { now: Date.parse(WEDNESDAY[0]![1]), zone: 'America/New_York' }).instant).toISOString()).toBe(iso);
  });
  it('a day the month does not have is refused', () => {
    expect(refusalOf('20270631T0900Z', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/2027-06 has no day 31/);
  });
});

describe('"this" after a request begins the time, it is not what is sent', () => {
  const now = Date.parse(SUNDAY[0]![1]);
  it('remind me this evening, said at 22:40, is past, as "this evening" is', () => {
    expect(refusalOf('remind me this evening', 'UTC', now).message).toMatch(/is in the past/);
  });
  holds(SUNDAY, [
    ['remind me this friday at 3', '2027-03-12 15:00', /read '3' as 15:00/],
    ['send this tomorrow', '2027-03-08 09:00', null],
  ]);
});

describe('an IANA zone inside the phrase', () => {
  it.each([
    ['10:00 Europe/Berlin tomorrow', '2026-12-03T09:00:00.000Z'],
    ['10:00 in Europe/Berlin on friday', '2026-12-04T09:00:00.000Z'],
  ])('%s', (phrase, iso) => {
    expect(new Date(parseInstant(phrase, { now: Date.parse(WEDNESDAY[0]![1]), zone: 'America/New_York' }).instant).toISOString()).toBe(iso);
  });
});

describe('days counted from now onto a DST change say what the clock does', () => {
  const zone = 'America/New_York';
  it.each([
    ['in 1 day', '2027-03-13T02:30:00-05:00', '2027-03-14T07:30:00.000Z', /02:30 does not exist on 2027-03-14, when the clocks go forward; read as 03:30/],
    ['in 7 days', '2027-10-31T01:30:00-04:00', '2027-11-07T05:30:00.000Z', /01:30 occurs twice on 2027-11-07, when the clocks go back; read as the first/],
  ])('%s from %s', (phrase, nowIso, iso, note) => {
    const read = parseInstant(phrase, { now: Date.parse(nowIso), zone });
    expect(new Date(read.instant).toISOString()).toBe(iso);
    expect(read.notes.join('\n')).toMatch(note);
  });
  it('in 3 days, on no change, says nothing', () => {
    expect(parseInstant('in 3 days', { now: Date.parse('2027-03-13T02:30:00-05:00'), zone }).notes).toEqual([]);
  });
});

describe('a day counted from another onto a time the clocks skip says so', () => {
  it('a week from sunday at 2:30am, a week before the US change', () => {
    const read = parseInstant('a week from sunday at 2:30am', { now: Date.parse('2027-03-02T10:00:00-05:00'), zone: 'America/New_York' });
    expect(new Date(read.instant).toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(read.notes).toEqual(['02:30 does not exist on 2027-03-14, when the clocks go forward; read as 03:30']);
  });
});

describe('"wednesday the week after next": that day of the week after next week', () => {
  holds(WEDNESDAY, [
    ['wednesday the week after next', '2026-12-16 09:00', null],
    ['wednesday of the week after next at 3pm', '2026-12-16 15:00', null],
    ['sunday the week after next', '2026-12-20 09:00', null],
  ]);
  holds(SUNDAY, [['wednesday the week after next', '2027-03-17 09:00', null]]);
});

describe('dashes and signs people type between the parts', () => {
  holds(WEDNESDAY, [
    ['tomorrow — 9am', '2026-12-03 09:00', null],
    ['tomorrow – 9am', '2026-12-03 09:00', null],
    ['2026-12-24 @ 18:00', '2026-12-24 18:00', null],
    ['2026-12-24, 18:00', '2026-12-24 18:00', null],
  ]);
  it('a dash without spaces between two times is still a range', () => {
    expect(refusalOf('tomorrow 9–10am', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/is a range of times/);
  });
});

describe('"friday fortnight": two weeks after this friday, as "friday week" is one', () => {
  holds(WEDNESDAY, [
    ['friday fortnight', '2026-12-18 09:00', null],
    ['monday fortnight at 9am', '2026-12-21 09:00', null],
    ['friday week', '2026-12-11 09:00', null],
  ]);
});

describe('a day and month with a dot between, when the day cannot be an hour', () => {
  holds(WEDNESDAY, [
    ['24.12.', '2026-12-24 09:00', null],
    ['on 24.12 at 18:00', '2026-12-24 18:00', null],
    ['31.01', '2027-01-31 09:00', null],
    ['23.59', '2026-12-02 23:59', null],
  ]);
  it('no month 13', () => {
    expect(refusalOf('24.13', 'UTC', Date.parse(WEDNESDAY[0]![1])).message).toMatch(/hour 24 is out of range/);
  });
});

describe('"in about an hour" is read as exact, and says so', () => {
  holds(WEDNESDAY, [
    ['in about 1 hour', '2026-12-02 10:15', /^read 'in about 1 hour' as exact, without 'about': a schedule fires at one instant$/],
    ['in approximately 2 hours', '2026-12-02 11:15', /without 'approximately'/],
  ]);
});
