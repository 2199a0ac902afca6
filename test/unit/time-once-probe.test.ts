import { describe, expect, it } from 'vitest';
import { meaningOfOnce } from '../../src/time/index';

/*
 * One-time phrases a probe of other readers' suites (GNU date, at(1), PHP timelib, Date::Manip, HeidelTime)
 * found read wrongly, refused though clear, or read without a note. Now: Sunday 2026-11-22 10:00 EST.
 */
const NOW = Date.parse('2026-11-22T15:00:00Z');
const ZONE = 'America/New_York';
const once = (phrase: string, zone = ZONE, now = NOW) => meaningOfOnce(phrase, { now, zone });

describe('a month of a year in digits (2027-02, 01/2027) is read as the month and year in words are', () => {
  it.each([
    ['first monday of 2027-02', '2027-02-01 09:00 EST'],
    ['2nd tuesday of 2027-06', '2027-06-08 09:00 EDT'],
    ['last friday of 2027-03', '2027-03-26 09:00 EDT'],
    ['last day of 2027-02', '2027-02-28 09:00 EST'],
    ['last friday of 2026-12', '2026-12-25 09:00 EST'],
    ['first day of 2026-12', '2026-12-01 09:00 EST'],
    ['first friday of 2026-12 at 3pm', '2026-12-04 15:00 EST'],
    ['the 5th of 2027-03', '2027-03-05 09:00 EST'],
    ['first monday of 01/2027', '2027-01-04 09:00 EST'],
    ['the 3rd of 01/2027', '2027-01-03 09:00 EST'],
    ['the 3rd of 1/2027 at 5pm', '2027-01-03 17:00 EST'],
  ])('%s is %s, with no note', async (phrase, local) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toEqual([]);
  });

  it.each([
    ['2027-03', '2027-03-01 09:00 EST', "read '2027-03' as Mon 1 Mar 2027, the first of the month"],
    ['in 2027-03', '2027-03-01 09:00 EST', "read 'in 2027-03' as Mon 1 Mar 2027, the first of the month"],
  ])('%s alone is its first day, as "march 2027" is, said', async (phrase, local, note) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes.join('\n')).toContain(note);
  });

  it('a date in digits stays a date', async () => {
    expect((await once('2026-12-24 09:00')).local).toBe('2026-12-24 09:00 EST');
    expect((await once('12/25/2026')).local).toBe('2026-12-25 09:00 EST');
  });
});

describe('words said again are read once, said; an ordinal alone said again is refused', () => {
  it.each([
    ['tomorrow tomorrow', '2026-11-23 09:00 EST', "read 'tomorrow tomorrow' as 'tomorrow': 'tomorrow' is said more than once"],
    ['friday friday', '2026-11-27 09:00 EST', "read 'friday friday' as 'friday': 'friday' is said more than once"],
    ['noon noon', '2026-11-22 12:00 EST', "read 'noon noon' as 'noon': 'noon' is said more than once"],
    ['9am 9am', '2026-11-23 09:00 EST', "read '9am 9am' as '9am': '9am' is said more than once"],
    ['dec 5 dec 5', '2026-12-05 09:00 EST', "read 'dec 5 dec 5' as 'dec 5': 'dec 5' is said more than once"],
    ['monday monday at 3pm', '2026-11-23 15:00 EST', "read 'monday monday at 3pm' as 'monday at 3pm': 'monday' is said more than once"],
    ['tomorrow at 9am tomorrow', '2026-11-23 09:00 EST', "read 'tomorrow at 9am tomorrow' as 'tomorrow at 9am': 'tomorrow' is said more than once"],
    ['tomorrow 9am, tomorrow at 9am', '2026-11-23 09:00 EST', "read 'tomorrow 9am, tomorrow at 9am' as 'tomorrow 9am': 'tomorrow' and '9am' are said more than once"],
    ['tomorrow tomorrow tomorrow', '2026-11-23 09:00 EST', "read 'tomorrow tomorrow tomorrow' as 'tomorrow': 'tomorrow' is said more than once"],
  ])('%s is %s, noted', async (phrase, local, note) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain(note);
  });

  it.each(['second second', 'third third', 'first first', 'fourth fourth', '2nd 2nd'])('%s is refused, as "first first monday" is', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(/says '\w+' twice: the \w+ what\?/);
  });

  it('two ways of saying one time are still read without a note', async () => {
    expect((await once('12 noon')).notes).toEqual([]);
  });
});

describe('a zone or offset written against a clock is read as written apart', () => {
  it.each([
    ['20:02-0500', '2026-11-22 20:02 EST'],
    ['17:00-0800', '2026-11-22 20:00 EST'],
    ['9:00-05:00', '2026-11-23 09:00 EST'],
    ['tomorrow 10:00-08:00', '2026-11-23 13:00 EST'],
    ['23:41:00.0Z', '2026-11-22 18:41 EST'],
    ['23:41:00Z', '2026-11-22 18:41 EST'],
    ['20:02+0100', '2026-11-22 14:02 EST'],
    ['20:02+01', '2026-11-22 14:02 EST'],
    ['15:57GMT', '2026-11-22 10:57 EST'],
    ['tomorrow 15:57GMT', '2026-11-23 10:57 EST'],
    ['tomorrow 9:00pst', '2026-11-23 12:00 EST'],
    ['2026-12-24 09:00 +0', '2026-12-24 04:00 EST'],
    ['2026-12-24 09:00 +00', '2026-12-24 04:00 EST'],
    ['2026-12-24 09:00 -5', '2026-12-24 09:00 EST'],
  ])('%s is %s', async (phrase, local) => {
    expect((await once(phrase)).local).toBe(local);
  });

  it.each(['9:00-10:00', 'tomorrow 9:00-17:00'])('%s, a later clock after the dash, is still a range', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(/is a range of times/);
  });
});

describe('clear phrases once refused', () => {
  it.each([
    ['teatime', '2026-11-22 16:00 EST'],
    ['teatime tomorrow', '2026-11-23 16:00 EST'],
    ['tomorrow teatime', '2026-11-23 16:00 EST'],
    ['teatime friday', '2026-11-27 16:00 EST'],
    ['friday at tea time', '2026-11-27 16:00 EST'],
  ])('%s is %s, as at(1) reads teatime, said', async (phrase, local) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes.join('\n')).toMatch(/as 16:00, as at\(1\) does/);
  });

  it.each([
    ['20270101', '2027-01-01 09:00 EST'],
    ['20261224T09:00', '2026-12-24 09:00 EST'],
    ['20261224 at 5pm', '2026-12-24 17:00 EST'],
    ['20261224T0900', '2026-12-24 09:00 EST'],
    // Thirteen digits stay Unix milliseconds.
    ['1795442400000', '2026-11-23 09:00 EST'],
  ])('ISO 8601 basic date %s is %s', async (phrase, local) => {
    expect((await once(phrase)).local).toBe(local);
  });

  it.each([
    ['+3 weekdays', '2026-11-25 10:00 EST', []],
    ['3 weekdays', '2026-11-25 10:00 EST', ["read '3 weekdays' as counted from now; write 'in 3 weekdays' to say so, or give a day and time"]],
    ['2 business days', '2026-11-24 10:00 EST', ["read '2 business days' as counted from now; write 'in 2 business days' to say so, or give a day and time"]],
    ['+2 working days at noon', '2026-11-24 12:00 EST', []],
  ])('%s counts days Monday to Friday', async (phrase, local, notes) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toEqual(notes);
  });

  it.each([
    ['in about twenty minutes', '2026-11-22 10:20 EST'],
    ['about twenty minutes from now', '2026-11-22 10:20 EST'],
    ['in roughly forty-five minutes', '2026-11-22 10:45 EST'],
  ])('a hedge before a number in words, %s, is read as before digits', async (phrase, local) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes.join('\n')).toMatch(/as exact, without/);
  });

  it.each([
    ['next hour', Date.parse('2026-11-22T15:00:00Z'), '2026-11-22 11:00 EST', []],
    ['next hour', Date.parse('2026-11-22T15:20:00Z'), '2026-11-22 11:20 EST', ["read 'next hour' as in 1 hour (11:20); for the next whole hour, write 'at 11:00'"]],
    ['the next minute', Date.parse('2026-11-22T15:00:00Z'), '2026-11-22 10:01 EST', []],
  ])('%s is in 1 hour or minute', async (phrase, now, local, notes) => {
    const read = await once(phrase, ZONE, now);
    expect(read.local).toBe(local);
    expect(read.notes).toEqual(notes);
  });
});

describe('more days and clocks once refused', () => {
  it.each([
    ['the next morning', '2026-11-23 09:00 EST', "read 'the next morning' as tomorrow morning; for the morning after another day, give its date"],
    ['the next evening at 7', '2026-11-23 19:00 EST', "read 'the next evening' as tomorrow evening; for the evening after another day, give its date"],
    ['November next year', '2027-11-01 09:00 EDT', "read 'November next year' as Mon 1 Nov 2027, the first of the month"],
    ['march of next year at 5pm', '2027-03-01 17:00 EST', "read 'march of next year at 5pm' as Mon 1 Mar 2027, the first of the month"],
  ])('%s is %s, said', async (phrase, local, note) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes.join('\n')).toContain(note);
  });

  it.each([
    ['2027 1st Dec', '2027-12-01 09:00 EST'],
    ['2027, 1 december at 5pm', '2027-12-01 17:00 EST'],
    ['the penultimate day of the month', '2026-11-29 09:00 EST'],
    ['second to last day of the month', '2026-11-29 09:00 EST'],
    ['2nd last day of next month', '2026-12-30 09:00 EST'],
    ['penultimate friday of the month', '2026-12-18 09:00 EST'],
    ['11.59.15 AM', '2026-11-22 11:59:15 EST'],
    ['06.12.16 PM', '2026-11-22 18:12:16 EST'],
  ])('%s is %s', async (phrase, local) => {
    expect((await once(phrase)).local).toBe(local);
  });
});

describe('errors and notes that say what works', () => {
  it.each([
    ['early 2027', "'early 2027': 'early' in 2027 leaves the day open", "Give the day, such as 'january 3 2027 at 9am'."],
    ['mid-2027', "'mid-2027': 'mid' in 2027 leaves the day open", "Give the day, such as 'july 15 2027 at 9am'."],
    ['twenty-second sunday 2027', "'twenty-second sunday 2027' is not a date: no month has a 22nd Sunday", undefined],
    ['the 11th monday of march', "'the 11th monday of march' is not a date: no month has an 11th Monday", undefined],
  ])('%s is refused as %s', async (phrase, message, hint) => {
    const error = await once(phrase).then(
      () => null,
      (caught: { message: string; hint?: string }) => caught,
    );
    expect(error?.message).toBe(message);
    if (hint) expect(error?.hint).toBe(hint);
  });

  it('a month that has fewer of a weekday is still named', async () => {
    await expect(once('fifth friday of february')).rejects.toThrow("'fifth friday of february' is not a date: February 2027 has no fifth Friday");
  });

  it.each([
    ['tomorrow night at 1', "read '1' at night as 01:00, after midnight; write '1 am' to say so, or 'tomorrow at 1 pm' for the afternoon"],
    ['friday night at 1', "read '1' at night as 01:00, after midnight; write '1 am' to say so, or 'friday at 1 pm' for the afternoon"],
    ['saturday night at 12:30', "read '12:30' at night as 00:30, after midnight; write '12:30 am' to say so, or 'saturday at 12:30 pm' for midday"],
    ['tonight at 1', "read '1' at night as 01:00, after midnight; write '1 am' to say so, or 'today at 1 pm' for the afternoon"],
  ])('%s names the same day for the afternoon', async (phrase, note) => {
    expect((await once(phrase)).notes).toContain(note);
  });
});

describe('a weekday with "next week" or "this week" said apart from it is read as "monday next week" is, with its week note', () => {
  const weekNote = (phrase: string, day: string, other: string, otherDay: string) =>
    `read '${phrase}' as ${day}, in the week from tomorrow (Monday); write '${other}' for ${otherDay}, in the week from next Sunday`;
  it.each([
    ['monday morning next week', '2026-11-23 09:00 EST', 'Mon 23 Nov', 'nov 30', 'Mon 30 Nov'],
    ['monday morning next week at 8', '2026-11-23 08:00 EST', 'Mon 23 Nov', 'nov 30', 'Mon 30 Nov'],
    ['tuesday afternoon next week', '2026-11-24 15:00 EST', 'Tue 24 Nov', 'dec 1', 'Tue 1 Dec'],
    ['friday evening next week', '2026-11-27 18:00 EST', 'Fri 27 Nov', 'dec 4', 'Fri 4 Dec'],
    ['wednesday morning next week at 10', '2026-11-25 10:00 EST', 'Wed 25 Nov', 'dec 2', 'Wed 2 Dec'],
    ['friday night next week', '2026-11-27 21:00 EST', 'Fri 27 Nov', 'dec 4', 'Fri 4 Dec'],
    ['monday at 8 next week', '2026-11-23 08:00 EST', 'Mon 23 Nov', 'nov 30', 'Mon 30 Nov'],
    ['monday morning of next week', '2026-11-23 09:00 EST', 'Mon 23 Nov', 'nov 30', 'Mon 30 Nov'],
    ['next week in the morning on monday', '2026-11-23 09:00 EST', 'Mon 23 Nov', 'nov 30', 'Mon 30 Nov'],
    ['next week monday morning', '2026-11-23 09:00 EST', 'Mon 23 Nov', 'nov 30', 'Mon 30 Nov'],
  ])('%s on a Sunday is %s, said', async (phrase, local, day, other, otherDay) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain(weekNote(phrase, day, other, otherDay));
  });

  it.each([
    ['monday morning this week', '2026-11-23 09:00 EST', 'Monday'],
    ['friday at 3pm this week', '2026-11-27 15:00 EST', 'Friday'],
    ['this week in the morning on monday', '2026-11-23 09:00 EST', 'Monday'],
  ])('%s on a Sunday is %s, said', async (phrase, local, name) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes.join('\n')).toContain(`in the week from today; in the week that began on Monday, ${name} has passed`);
  });

  it('on a Wednesday the week is not in question: no week note', async () => {
    const wednesday = Date.parse('2026-11-25T15:00:00Z');
    expect((await once('monday morning next week at 8', ZONE, wednesday)).local).toBe('2026-11-30 08:00 EST');
    expect((await once('monday morning next week at 8', ZONE, wednesday)).notes).toEqual([]);
    expect((await once('friday at 3pm this week', ZONE, wednesday)).local).toBe('2026-11-27 15:00 EST');
  });

  it.each(['this week', 'this week at 9am', 'tomorrow this week'])('%s, with no weekday, names no day', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(/which day is not clear/);
  });
});

describe('durations said as people say them', () => {
  it.each([
    ['in 1/2 an hour', '2026-11-22T15:30:00.000Z'],
    ['in 3/4 of an hour', '2026-11-22T15:45:00.000Z'],
    ['in 1/4 of an hour', '2026-11-22T15:15:00.000Z'],
    ['in quarter of an hour', '2026-11-22T15:15:00.000Z'],
    ['in quarter hour', '2026-11-22T15:15:00.000Z'],
    ['in an hour and 15', '2026-11-22T16:15:00.000Z'],
    ['in 2 hours and 15', '2026-11-22T17:15:00.000Z'],
    ['in 1 minute 30', '2026-11-22T15:01:30.000Z'],
    ['in 1 minute and 30', '2026-11-22T15:01:30.000Z'],
    ['in 2 mins 45', '2026-11-22T15:02:45.000Z'],
  ])('%s is %s', async (phrase, iso) => {
    const read = await once(phrase);
    expect(read.scheduled_at_iso).toBe(iso);
    expect(read.notes).toEqual([]);
  });

  it.each([
    ['in 1:30', "'in 1:30' could be 1 hour 30 minutes or 1 minute 30 seconds from now", "Write 'in 1 hour 30 minutes' or 'in 1 minute 30 seconds', or 'at 1:30' for the time of day."],
    ['in 0:45', "'in 0:45' could be 45 minutes or 45 seconds from now", "Write 'in 45 minutes' or 'in 45 seconds', or 'at 0:45' for the time of day."],
  ])('%s, hours or minutes as a timer shows them, is refused as %s', async (phrase, message, hint) => {
    const error = await once(phrase).then(
      () => null,
      (caught: { message: string; hint?: string }) => caught,
    );
    expect(error?.message).toBe(message);
    expect(error?.hint).toBe(hint);
  });

  it('an amount after minutes past 59 is still not read', async () => {
    await expect(once('in 2 hours and 75')).rejects.toThrow(/Could not understand/);
  });
});

describe('a minute of the hour said alone is the next one', () => {
  it.each([
    ['at the top of the hour', '2026-11-22T16:00:00.000Z'],
    ['top of the hour', '2026-11-22T16:00:00.000Z'],
    ['on the hour', '2026-11-22T16:00:00.000Z'],
    ['at half past the hour', '2026-11-22T15:30:00.000Z'],
    ['at the bottom of the hour', '2026-11-22T15:30:00.000Z'],
    ['on the half hour', '2026-11-22T15:30:00.000Z'],
    ['at quarter past the hour', '2026-11-22T15:15:00.000Z'],
    ['at a quarter to the hour', '2026-11-22T15:45:00.000Z'],
    ['at 20 minutes to the hour', '2026-11-22T15:40:00.000Z'],
    ['at twenty-five past the hour', '2026-11-22T15:25:00.000Z'],
    ['remind me at the top of the hour', '2026-11-22T16:00:00.000Z'],
  ])('%s at 10:00 is %s', async (phrase, iso) => {
    const read = await once(phrase);
    expect(read.scheduled_at_iso).toBe(iso);
    expect(read.notes).toEqual([]);
  });

  it('a minute already gone this hour is the next hour’s, to the second', async () => {
    expect((await once('at half past the hour', ZONE, Date.parse('2026-11-22T15:30:00.250Z'))).scheduled_at_iso).toBe('2026-11-22T16:30:00.000Z');
    expect((await once('at the top of the hour', ZONE, Date.parse('2026-11-22T15:59:59Z'))).scheduled_at_iso).toBe('2026-11-22T16:00:00.000Z');
  });

  it('the hour is the local one, in a zone half an hour from UTC', async () => {
    expect((await once('at the top of the hour', 'Asia/Kolkata')).scheduled_at_iso).toBe('2026-11-22T15:30:00.000Z');
  });

  it('said with every hour it is still a schedule', async () => {
    await expect(once('every hour on the hour')).rejects.toThrow(/is a recurring schedule/);
  });
});

describe('a date written year first with dots or slashes takes any clock a dashed one does', () => {
  it.each([
    ['2026.12.05 10 a.m.', '2026-12-05 10:00 EST'],
    ['2026.12.05 at 10 a.m.', '2026-12-05 10:00 EST'],
    ['2026.12.05. 10 p.m.', '2026-12-05 22:00 EST'],
    ['2026/12/05 10 a.m.', '2026-12-05 10:00 EST'],
    ['2026.12.5 at 4 p.m.', '2026-12-05 16:00 EST'],
    ['2026.12.05', '2026-12-05 09:00 EST'],
  ])('%s is %s', async (phrase, local) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toEqual([]);
  });
});

describe('a 24-hour clock of the small hours with am after it', () => {
  it.each([
    ['00:32 am', '2026-11-23 00:32 EST'],
    ['00:55 am', '2026-11-23 00:55 EST'],
    ['0:32 am', '2026-11-23 00:32 EST'],
    ['tomorrow 00:00 a.m.', '2026-11-23 00:00 EST'],
  ])('%s is %s: am agrees with it', async (phrase, local) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toEqual([]);
  });

  it.each(['00:32 pm', '0am'])('%s is still refused', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(/with am\/pm the hour must be 1-12/);
  });
});

describe('meals name the hour they most often stand for, as lunch does, said', () => {
  it.each([
    ['dinner on friday', '2026-11-27 18:00 EST', "read 'dinner' as 18:00; give the time for another, such as 'at 7pm'"],
    ['friday at dinner', '2026-11-27 18:00 EST', "read 'dinner' as 18:00; give the time for another, such as 'at 7pm'"],
    ['dinnertime tomorrow', '2026-11-23 18:00 EST', "read 'dinnertime' as 18:00; give the time for another, such as 'at 7pm'"],
    ['supper time tomorrow', '2026-11-23 18:00 EST', "read 'supper time' as 18:00; give the time for another, such as 'at 7pm'"],
    ['breakfast on friday', '2026-11-27 08:00 EST', "read 'breakfast' as 08:00; give the time for another, such as 'at 7am'"],
    ['tomorrow at breakfast', '2026-11-23 08:00 EST', "read 'breakfast' as 08:00; give the time for another, such as 'at 7am'"],
    ['brunch on sunday', '2026-11-22 11:00 EST', "read 'brunch' as 11:00; give the time for another, such as 'at 10am'"],
    ['lunch on friday', '2026-11-27 12:00 EST', "read 'lunch' as 12:00; give the time for another, such as 'at 1pm'"],
  ])('%s is %s', async (phrase, local, note) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain(note);
  });
});

describe('a hedge after a day, a part of one or a meal is read as after a clock', () => {
  it.each([
    ['tomorrow-ish', '2026-11-23 09:00 EST', 'ish'],
    ['tomorrowish', '2026-11-23 09:00 EST', 'ish'],
    ['friday-ish', '2026-11-27 09:00 EST', 'ish'],
    ['friday or so', '2026-11-27 09:00 EST', 'or so'],
    ['tomorrow-ish at 5pm', '2026-11-23 17:00 EST', 'ish'],
    ['tomorrow morning-ish', '2026-11-23 09:00 EST', 'ish'],
    ['dinner-ish', '2026-11-22 18:00 EST', 'ish'],
  ])('%s is %s, said', async (phrase, local, word) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain(`read '${phrase}' as exact, without '${word}': a schedule fires at one instant`);
  });
});

describe('a year right after the nth weekday is its year, as "of 2027" is, not a clock', () => {
  it.each([
    ['fifth friday 2027', '2027-01-29 09:00 EST'],
    ['first friday 2027', '2027-01-01 09:00 EST'],
    ['the first monday 2027', '2027-01-04 09:00 EST'],
    ['second tuesday 2027 at 5pm', '2027-01-12 17:00 EST'],
    ['last friday 2027', '2027-12-31 09:00 EST'],
    ['2nd last friday 2027', '2027-12-24 09:00 EST'],
  ])('%s is %s', async (phrase, local) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toEqual([]);
  });

  it('a January without that many of the weekday is named', async () => {
    await expect(once('fifth friday 2028')).rejects.toThrow("'fifth friday 2028' is not a date: January 2028 has no fifth Friday");
  });
});

describe('more ways of putting a part of the day between a weekday and its week', () => {
  it.each([
    ['the monday morning of next week', '2026-11-23 09:00 EST'],
    ['monday first thing next week', '2026-11-23 09:00 EST'],
  ])('%s on a Sunday is %s, with the week note', async (phrase, local) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain(`read '${phrase}' as Mon 23 Nov, in the week from tomorrow (Monday); write 'nov 30' for Mon 30 Nov, in the week from next Sunday`);
  });

  it('"monday first thing" is the morning, not the 1st', async () => {
    expect((await once('monday first thing')).local).toBe('2026-11-23 09:00 EST');
  });
});

describe('a weekday with "the week after next" said apart from it is read as "wednesday the week after next" is', () => {
  it.each([
    ['monday afternoon the week after next', '2026-11-30 15:00 EST'],
    ['the week after next on wednesday', '2026-12-02 09:00 EST'],
    ['wednesday morning the week after next', '2026-12-02 09:00 EST'],
    ['wednesday the week after next', '2026-12-02 09:00 EST'],
  ])('%s on a Sunday is %s', async (phrase, local) => {
    expect((await once(phrase)).local).toBe(local);
  });

  it('on a Wednesday it is the week after next week', async () => {
    expect((await once('monday afternoon the week after next', ZONE, Date.parse('2026-11-25T15:00:00Z'))).local).toBe('2026-12-07 15:00 EST');
  });
});

describe('a quarter said after an amount is a part of its unit, not a quarter of a year', () => {
  it.each([
    ['in an hour and a quarter', '2026-11-22T16:15:00.000Z'],
    ['in 2 hours and a quarter', '2026-11-22T17:15:00.000Z'],
    ['in an hour and three quarters', '2026-11-22T16:45:00.000Z'],
    ['in an hour and three-quarters', '2026-11-22T16:45:00.000Z'],
    ['in one and a quarter hours', '2026-11-22T16:15:00.000Z'],
    ['in a 1/2 hour', '2026-11-22T15:30:00.000Z'],
    ['in 1 1/2 hours', '2026-11-22T16:30:00.000Z'],
    ['in 1 year and a quarter', '2028-02-22T15:00:00.000Z'],
  ])('%s is %s', async (phrase, iso) => {
    expect((await once(phrase)).scheduled_at_iso).toBe(iso);
  });
});

describe('5 at night, which both ends of a night hold, is read as 17:00 and said; 5am tonight is the small hours', () => {
  it.each([
    ['five thirty in the night', '2026-11-22 17:30 EST', "read 'five thirty' at night as 17:30; write 'five thirty am' or 05:30 for the small hours"],
    ['5:30 in the night', '2026-11-22 17:30 EST', "read '5:30' at night as 17:30; write '5:30 am' or 05:30 for the small hours"],
    ['tonight at 5', '2026-11-22 17:00 EST', "read '5' at night as 17:00; write '5 am' or 05:00 for the small hours"],
    ['five tonight', '2026-11-22 17:00 EST', "read 'five' at night as 17:00; write 'five am' or 05:00 for the small hours"],
    ['5 at night', '2026-11-22 17:00 EST', "read '5' at night as 17:00; write '5 am' or 05:00 for the small hours"],
    ['friday at 5:15 at night', '2026-11-27 17:15 EST', "read '5:15' at night as 17:15; write '5:15 am' or 05:15 for the small hours"],
    ['saturday night at 5', '2026-11-28 17:00 EST', "read '5' at night as 17:00; write '5 am' or 05:00 for the small hours"],
  ])('%s is %s, said', async (phrase, local, note) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes).toContain(note);
  });

  it.each([
    ['tonight at 5am', '2026-11-23 05:00 EST'],
    ['tonight at 5:30am', '2026-11-23 05:30 EST'],
    ['saturday night at 5am', '2026-11-29 05:00 EST'],
  ])('%s is the small hours that end the night', async (phrase, local) => {
    expect((await once(phrase)).local).toBe(local);
  });

  it.each([
    ['4 in the night', '2026-11-23 04:00 EST'],
    ['6 in the night', '2026-11-22 18:00 EST'],
    ['2 at night', '2026-11-23 02:00 EST'],
    ['11 at night', '2026-11-22 23:00 EST'],
  ])('%s is read as before', async (phrase, local) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes.join('\n')).not.toContain('for the small hours');
  });
});

describe('"the week after next" alone is two weeks from today, as "next week" is one, said', () => {
  const note = (day: string) => `read 'the week after next' as ${day}, two weeks from today; give the day for another, such as 'monday the week after next'`;
  it.each([
    ['the week after next', '2026-12-06 09:00 EST', NOW, 'Sun 6 Dec'],
    ['week after next', '2026-12-06 09:00 EST', NOW, 'Sun 6 Dec'],
    ['the week after next at 3pm', '2026-12-06 15:00 EST', NOW, 'Sun 6 Dec'],
    ['same time the week after next', '2026-12-06 10:00 EST', NOW, 'Sun 6 Dec'],
    ['the week after next', '2026-12-09 09:00 EST', Date.parse('2026-11-25T15:00:00Z'), 'Wed 9 Dec'],
  ])('%s is %s', async (phrase, local, now, day) => {
    const read = await once(phrase, ZONE, now);
    expect(read.local).toBe(local);
    expect(read.notes).toContain(note(day));
  });

  it('a day named in it is still that day, and "this week" alone is still no day', async () => {
    expect((await once('the week after next on wednesday')).local).toBe('2026-12-02 09:00 EST');
    expect((await once('monday the week after next')).local).toBe('2026-11-30 09:00 EST');
    await expect(once('this week')).rejects.toThrow('which day is not clear');
  });
});

describe('a zone of more than one word inside a phrase is read as it is at the end', () => {
  it.each([
    ['9am UK time tomorrow', '2026-11-23T09:00:00.000Z'],
    ['noon uk time friday', '2026-11-27T12:00:00.000Z'],
    ['9am british time tomorrow', '2026-11-23T09:00:00.000Z'],
    ['9am japanese time on friday', '2026-11-27T00:00:00.000Z'],
    ['9am new york time tomorrow', '2026-11-23T14:00:00.000Z'],
    ['9am los angeles time tomorrow', '2026-11-23T17:00:00.000Z'],
    ['9am in new york tomorrow', '2026-11-23T14:00:00.000Z'],
    ['9am pacific standard time tomorrow', '2026-11-23T17:00:00.000Z'],
    ['3pm central european time tomorrow', '2026-11-23T14:00:00.000Z'],
    ['noon singapore time friday', '2026-11-27T04:00:00.000Z'],
  ])('%s is %s', async (phrase, utc) => {
    expect((await once(phrase, 'Asia/Kolkata')).scheduled_at_iso).toBe(utc);
  });

  it('a city said bare inside a phrase is still no zone', async () => {
    await expect(once('9am London tomorrow')).rejects.toThrow('Could not understand');
  });
});

describe('the end of a named day, and "mid" in a part of the day, are refused for the hour they leave open, as "end of day" is', () => {
  it.each(['end of today', 'the end of today', 'end of tomorrow', 'end of the day', 'the end of the day', 'end of friday', 'by end of friday', 'end of this sunday'])('%s', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(`'${phrase}': the end of the day names no hour`);
  });

  it.each(['mid morning', 'mid-afternoon', 'midmorning', 'midafternoon', 'tomorrow mid-morning', 'friday mid evening'])('%s', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(`'${phrase}': 'early', 'mid' or 'late' in a part of the day leaves the hour open`);
  });

  it('a year after "end of" is still a span whose day is not clear', async () => {
    await expect(once('before end of this year')).rejects.toThrow("'before end of this year': which day is not clear");
  });

  it('midnight, midday and the end of a month are read as before', async () => {
    expect((await once('midnight')).local).toBe('2026-11-23 00:00 EST');
    expect((await once('mid day')).local).toBe('2026-11-22 12:00 EST');
    expect((await once('end of the month')).local).toBe('2026-11-30 09:00 EST');
  });

  it('"as early as 7am" is told to leave out the whole hedge, not only its middle word', async () => {
    const error = await once('as early as 7:00 am').then(
      () => undefined,
      (caught: unknown) => caught as { hint?: string; message: string },
    );
    expect(error?.message).toContain("'early' adds nothing to the time given");
    expect(error?.hint).toBe("Leave it out: '7:00 am'.");
  });
});

describe('"3 quarters" in digits is three quarters; a range of amounts is refused for the time it leaves open', () => {
  it.each([
    ['in 3 quarters of an hour', '2026-11-22 10:45 EST'],
    ['in 3-quarters of an hour', '2026-11-22 10:45 EST'],
    ['3 quarters of an hour from now', '2026-11-22 10:45 EST'],
    ['in an hour and 3 quarters', '2026-11-22 11:45 EST'],
    ['in 2 hours and 3 quarters', '2026-11-22 12:45 EST'],
  ])('%s is %s', async (phrase, local) => {
    expect((await once(phrase)).local).toBe(local);
  });

  it.each(['in 10-15 minutes', 'in 2-3 days', 'in 2 to 3 days', 'in 2 or 3 hours', 'in 1.5-2 hours', 'in a day or two', 'in an hour or two', 'in a week or two'])('%s', async (phrase) => {
    await expect(once(phrase)).rejects.toThrow(`'${phrase}': a range of amounts leaves the time open`);
  });
});
