import { describe, expect, it } from 'vitest';
import { meaningOfOnce } from '../../src/time/index';
import { onceReading as once, onceRefusal as refusal } from '../helpers/phrase-readings';

/* One-time phrases that were read silently short, misleadingly refused, or refused though they can be read. Monday 2026-12-07, 10:00 in New York. */

const MONDAY = { now: Date.parse('2026-12-07T15:00:00Z'), zone: 'America/New_York' };

describe('a clock to the second is kept to the second in every form a clock to the minute is read in', () => {
  it.each([
    ['12/08 6:05:57 PM', '2026-12-08T23:05:57.000Z', "read '12/08 6:05:57 PM' with the month first (December 8); write '12 august' for August 12"],
    ['12/08 18:05:57', '2026-12-08T23:05:57.000Z', "read '12/08 18:05:57' with the month first (December 8); write '12 august' for August 12"],
    ['12/08 at 18:05:57', '2026-12-08T23:05:57.000Z', "read '12/08 at 18:05:57' with the month first (December 8); write '12 august' for August 12"],
    ['5/3/28 @ 17:49:19', '2028-05-03T21:49:19.000Z', "read '5/3/28 @ 17:49:19' with the month first (May 3); write '5 march' for March 5"],
    ['afternoon 3:00:05', '2026-12-07T20:00:05.000Z', ''],
    ['tomorrow at 9:15:45,5', '2026-12-08T14:15:45.500Z', "read '9:15:45,5' as 09:15:45; write '9:15:45,5 pm' or 21:15:45 for the evening"],
  ])('%s', async (phrase, iso, notes) => {
    const meaning = await meaningOfOnce(phrase, MONDAY);
    expect(meaning.scheduled_at_iso).toBe(iso);
    expect(meaning.notes.join(' ')).toBe(notes);
  });

  it('a clock to the second in a part of the day it does not fall in is told so, as typed', async () => {
    expect(await refusal('afternoon 7:00:05')).toBe(
      "'afternoon 7:00:05' puts '7:00:05' in the afternoon, where neither 07:00:05 nor 19:00:05 falls | Give a time that falls in that part of the day, or leave the part of the day out.",
    );
  });

  it("a timer's hours, minutes and seconds are not taken for a clock", async () => {
    expect(await refusal('in 1:30:45')).toMatch(/^Could not understand 'in' in the time: 'in 1:30:45'/);
  });
});

describe('a date in numbers with dashes or spaces is a date, not two times', () => {
  it.each([
    ['4-22', '2027-04-22 09:00', "read '4-22' as the date April 22 (month-day), not the hours 4 to 22"],
    ['4-22 at 3pm', '2027-04-22 15:00', "read '4-22' as the date April 22 (month-day), not the hours 4 to 22"],
    ['9-17', '2027-09-17 09:00', "read '9-17' as the date September 17 (month-day), not the hours 9 to 17"],
    ['on 12-25 at noon', '2026-12-25 12:00', "read '12-25' as the date December 25 (month-day)"],
    ['2027 09 25', '2027-09-25 09:00', "read '2027 09 25' as the date 2027-09-25 (year, month, day)"],
    ['2027 9 5 at 3pm', '2027-09-05 15:00', "read '2027 9 5' as the date 2027-09-05 (year, month, day)"],
    ['on 2027 12 25', '2027-12-25 09:00', "read '2027 12 25' as the date 2027-12-25 (year, month, day)"],
  ])('%s', async (phrase, at, notes) => {
    expect(await once(phrase)).toEqual({ at, notes });
  });

  it.each([
    ['march 2027 30', '2027-03-30 09:00'],
    ['dec 2026 31 at 5pm', '2026-12-31 17:00'],
    ['may 2027 25th', '2027-05-25 09:00'],
  ])('%s: a day after the month and year that no hour can be', async (phrase, at) => {
    expect(await once(phrase)).toEqual({ at, notes: '' });
  });

  it('a year gone by is the past', async () => {
    expect(await refusal('2016 10 16')).toMatch(/^'2016 10 16' is in the past: it means 2016-10-16 09:00 EDT/);
  });

  it.each([
    ['jan 10-13', 'jan 10'],
    ['jul 8-27', 'jul 8'],
  ])('%s, after a month, is still a range of days', async (phrase, first) => {
    expect(await refusal(phrase)).toMatch(new RegExp(`^'${phrase}' is a range of days; .* such as '${first} at 9am'`));
  });

  it.each(['9-5', 'march 2027 14'])('%s, which may be hours, is still refused', async (phrase) => {
    expect(await refusal(phrase)).toMatch(/names two times|is a range of times|leaves '14' open/);
  });
});

describe('a word no reader knows is named before a day the rest leaves open', () => {
  it.each([
    ['meeting eom', 'meeting'],
    ['meeting eoy', 'meeting'],
    ['standup end of the month', 'standup'],
    ['Yuandan of next year', 'yuandan'],
    ['sometime the 21st this month', 'sometime'],
  ])('%s', async (phrase, word) => {
    expect(await refusal(phrase)).toMatch(new RegExp(`^'${phrase}': did not understand '${word}' \\| `));
  });

  it('with every word known, which day is open is still said', async () => {
    expect(await refusal('the week of october 6th')).toMatch(/^'the week of october 6th': which day is not clear \| /);
  });
});

describe("an hour marked both with 'h' and with am/pm is told so, with both ways to write it", () => {
  it.each([
    ['10h am', "'10h'", 'am', "'10am' or '10:00'"],
    ['tomorrow 9h am', "'9h'", 'am', "'9am' or '09:00'"],
    ['10h30 pm', "'10h'", 'pm', "'10:30pm' or '22:30'"],
    ['12h 01m02s am', "'12h'", 'am', "'12:01am' or '00:01'"],
    ['15h pm', "'15h'", 'pm', "'15:00'"],
    ['10 H 10 pm', "'10 h'", 'pm', "'10:10pm' or '22:10'"],
  ])('%s', async (phrase, hour, meridiem, ways) => {
    expect(await refusal(phrase)).toBe(`'${phrase}' marks the hour both as the 24-hour clock's (${hour}) and with ${meridiem} | Write it one way: ${ways}.`);
  });

  it.each([
    ['15h30', '2026-12-07 15:30'],
    ['tomorrow 9am', '2026-12-08 09:00'],
  ])('%s, marked one way, is read', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });
});

describe('brackets around a time set nothing apart', () => {
  it.each([
    ['(11 a.m.)', '2026-12-07 11:00'],
    ['tomorrow (5pm)', '2026-12-08 17:00'],
    ['[friday at noon]', '2026-12-11 12:00'],
    ['friday (at 3pm)', '2026-12-11 15:00'],
    ['in 2 day(s)', '2026-12-09 10:00'],
  ])('%s', async (phrase, at) => {
    expect(await once(phrase)).toEqual({ at, notes: '' });
  });

  it('a date in brackets is still checked against its weekday', async () => {
    expect(await refusal('this friday (jun-15)')).toMatch(/^'this friday \(jun-15\)' does not add up: 2027-06-15 is a Tuesday, not a Friday/);
  });

  it('a zone in brackets is still the zone', async () => {
    expect((await once('5pm (CET)')).at).toBe('2026-12-07 11:00');
  });
});

describe('a span in number words after "for" is how long, not when', () => {
  it.each([
    ['for twenty-five years', 'in twenty-five years'],
    ['for thirty minutes', 'in thirty minutes'],
    ['for fifteen days', 'in fifteen days'],
    ['for the next forty five minutes', 'in forty five minutes'],
  ])('%s', async (phrase, when) => {
    expect(await refusal(phrase)).toMatch(new RegExp(`^'${phrase}' says how long \\('.+'\\), not when; a one-time message is sent once \\| Say when, such as '${when}'`));
  });
});

describe('everyday wordings of one time the grammar has other words for', () => {
  it.each([
    ['today in one hour', '2026-12-07 11:00', ''],
    ['today in 30 minutes', '2026-12-07 10:30', ''],
    ['in this friday', '2026-12-11 09:00', ''],
    ['in next friday at 14:00', '2026-12-11 14:00', ''],
    ['new year eve', '2026-12-31 09:00', ''],
    ['new year eve at 11pm', '2026-12-31 23:00', ''],
    ['1pm mountain timezone', '2026-12-07 15:00', ''],
    ['at 5pm eastern time zone', '2026-12-07 17:00', ''],
    ['march 3 two thousand and twenty seven', '2027-03-03 09:00', ''],
    ['june 1st two thousand twenty eight at noon', '2028-06-01 12:00', ''],
    ['next next monday', '2026-12-21 09:00', "read 'next next monday' as the monday after next"],
    ['March after next', '2028-03-01 09:00', "read 'march after next' as March 2028, the one after the coming March"],
    ['the june after next at 3pm', '2028-06-01 15:00', "read 'the june after next' as June 2028, the one after the coming June"],
    ['in 2 decades', '2046-12-07 10:00', "read '2 decades' as 20 years"],
    ['a decade from now', '2036-12-07 10:00', "read 'a decade' as 10 years"],
  ])('%s', async (phrase, at, note) => {
    const reading = await once(phrase);
    expect(reading.at).toBe(at);
    expect(reading.notes.startsWith(note)).toBe(true);
  });

  it.each(['just now', 'Just now'])('%s is now', async (phrase) => {
    const { meaningOfOnce } = await import('../../src/time/index');
    expect((await meaningOfOnce(phrase, MONDAY)).is_now).toBe(true);
  });

  it.each(['thanks giving', 'thanks giving day'])('%s is Thanksgiving', async (phrase) => {
    expect((await once(phrase)).at).toBe('2027-11-25 09:00');
  });
});

describe("'twenty twenty seven' alone is still a clock, but the year it may be is said", () => {
  it.each([
    ['twenty twenty seven', '2026-12-07 20:27', "read 'twenty twenty seven' as 20:27; for the year 2027, give a day in it, such as 'march 1 2027'"],
    ['twenty thirty', '2026-12-07 20:30', "read 'twenty thirty' as 20:30; for the year 2030, give a day in it, such as 'march 1 2030'"],
    ['twenty forty-five', '2026-12-07 20:45', "read 'twenty forty-five' as 20:45; for the year 2045, give a day in it, such as 'march 1 2045'"],
  ])('%s', async (phrase, at, notes) => {
    expect(await once(phrase)).toEqual({ at, notes });
  });
});

describe('two letters for a weekday where a day is expected, said', () => {
  it.each([
    ['next tu', '2026-12-08 09:00', "read 'tu' as Tuesday"],
    ['th at 5pm', '2026-12-10 17:00', "read 'th' as Thursday"],
    ['on fr at 9am', '2026-12-11 09:00', "read 'fr' as Friday"],
    ['this sa', '2026-12-12 09:00', "read 'sa' as Saturday"],
    ['next we at noon', '2026-12-09 12:00', "read 'we' as Wednesday"],
  ])('%s', async (phrase, at, note) => {
    const reading = await once(phrase);
    expect(reading.at).toBe(at);
    expect(reading.notes.startsWith(note)).toBe(true);
  });

  it.each(['we at 5pm', 'mo 9am', 'su at 10am'])('%s: a word first, not taken for a day', async (phrase) => {
    expect(await refusal(phrase)).toMatch(new RegExp(`^(?:'${phrase}': did not understand|Could not understand) '${phrase.split(' ')[0]}'`));
  });
});

describe('a year, a week or a span that names no day is refused with what does', () => {
  it.each([
    ['two thousand and twenty seven', "'two thousand and twenty seven' is the year 2027, which names no day | Give a day, such as 'march 1 2027'."],
    ['this quarter', "'this quarter' names a quarter, not a day in it | Give the day, such as 'the start of next quarter', 'the end of this quarter' or 'q2 2027'."],
    ['next quarter', "'next quarter' names a quarter, not a day in it | Give the day, such as 'the start of next quarter', 'the end of this quarter' or 'q2 2027'."],
    ['this qtr', "'this qtr' names a quarter, not a day in it | Give the day, such as 'the start of next quarter', 'the end of this quarter' or 'q2 2027'."],
    ['this decade', "'this decade' names a decade, not a day in it | Give the day, such as 'march 1 2030', or how long from now, such as 'in 10 years'."],
  ])('%s', async (phrase, told) => {
    expect(await refusal(phrase)).toBe(told);
  });

  it.each([
    ['first week of january', 'first monday of january'],
    ['the first week of next month', 'first monday of next month'],
    ['last week of march 2027', 'last monday of march 2027'],
  ])('%s', async (phrase, day) => {
    expect(await refusal(phrase)).toBe(`'${phrase}' is a week, not one time | Give a day in it, such as 'the ${day}'; to send on each day, give --cron, such as 'every day at 9am' with an end.`);
  });
});

describe("'on' and a number no evening's hour can be, then a part of the day, is that day of the month", () => {
  it.each([
    ['on 15 in the evening', '2026-12-15 18:00'],
    ['on 28 in the morning', '2026-12-28 09:00'],
    ['on 20 in the afternoon', '2026-12-20 '],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at.startsWith(at)).toBe(true);
  });

  it('an hour of the evening is still the hour', async () => {
    expect((await once('on 5 in the evening')).at).toBe('2026-12-07 17:00');
  });
});
