import { describe, expect, it } from 'vitest';
import { MONDAY_IN_NEW_YORK as OPTIONS, onceReading, onceRefusal, scheduleRefusal } from '../helpers/phrase-readings';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/* One-time phrases read wrong or refused without saying why, each with its family. Monday 2026-12-07, 10:00 in New York. */

describe("early, mid or late in a part of the day narrows it: a clock beside it must fall there ('early morning at 11')", () => {
  it.each([
    ['early morning at 11', /the early morning runs from 00:00 to 09:00, and '11' there is 11:00 \| .*leave out 'early'/],
    ['early morning at 11am', /the early morning runs from 00:00 to 09:00, and 11:00 is not in it/],
    ['late morning at 7', /the late morning runs from 10:00 to 12:00, and '7' there is 07:00/],
    ['tomorrow early afternoon at 5', /the early afternoon runs from 12:00 to 15:00, and '5' there is 17:00/],
    ['friday early evening at 10', /the early evening runs from 16:00 to 20:00, and '10' there is 22:00/],
    ['late in the evening at 4', /the late evening runs from 20:00 to 00:00, and '4' there is 16:00/],
    ['at 9 mid-afternoon', /the mid-afternoon runs from 13:00 to 16:00, and '9' there is 21:00 \| .*leave out 'mid'/],
    ['late night at 7', /the late night runs from 22:00 to 06:00, and '7' there is 19:00/],
  ])('%s is refused', async (phrase, refusal) => {
    expect(await onceRefusal(phrase)).toMatch(refusal);
  });

  it.each([
    ['early morning at 7', '2026-12-08 07:00'],
    ['late morning at 11', '2026-12-07 11:00'],
    ['early afternoon at 1', '2026-12-07 13:00'],
    ['late evening at 10', '2026-12-07 22:00'],
    ['december 16 early morning at 7', '2026-12-16 07:00'],
    ['late night at 2', '2026-12-08 02:00'],
  ])('%s is read', async (phrase, at) => {
    expect((await onceReading(phrase)).at).toBe(at);
  });

  it('a clock the part alone cannot hold keeps its refusal', async () => {
    expect(await onceRefusal('early morning at 8pm')).toMatch(/puts 20:00 in the morning/);
  });

  it('a schedule is checked the same way', async () => {
    expect(await scheduleRefusal('every day early morning at 11')).toMatch(/the early morning runs from 00:00 to 09:00, and '11' there is 11:00/);
  });
});

describe("early, mid or late in a month or a year is refused in the words typed, with a date in that part ('mid march')", () => {
  it.each([
    ['mid march', "'mid march': 'mid' in March leaves the day open | Give the day, such as 'march 15 at 9am'."],
    ['early in march', "'early in march': 'early' in March leaves the day open | Give the day, such as 'march 3 at 9am'."],
    ['late december at 9am', "'late december at 9am': 'late' in December leaves the day open | Give the day, such as 'december 25 at 9am'."],
    ['mid-sept 2027', "'mid-sept 2027': 'mid' in September 2027 leaves the day open | Give the day, such as 'september 15 2027 at 9am'."],
    ['early next month', "'early next month': 'early' in next month leaves the day open | Give the day, such as 'the 3rd of next month at 9am'."],
    ['middle of next month at 5pm', "'middle of next month at 5pm': 'middle' in next month leaves the day open | Give the day, such as 'the 15th of next month at 5pm'."],
    ['late next year', "'late next year': 'late' in next year leaves the day open | Give the day, such as 'december 25 next year at 9am'."],
    ['late 2027', "'late 2027': 'late' in 2027 leaves the day open | Give the day, such as 'december 25 2027 at 9am'."],
  ])('%s', async (phrase, refusal) => {
    expect(await onceRefusal(phrase)).toBe(refusal);
  });

  it('a schedule is offered one that repeats', async () => {
    expect(await scheduleRefusal('every mid march')).toBe("'every mid march': 'mid' in March leaves the day open | Give the day, such as 'every march 15 at 9am'.");
  });

  it('a part of a week keeps its own refusal, naming weekdays', async () => {
    expect(await onceRefusal('late next week')).toMatch(/names no weekday \(thursday\? friday\?\)/);
  });
});

describe('a year with no day is offered a day of it still to come, or told it has passed', () => {
  const MID_YEAR = { now: Date.parse('2026-06-10T14:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['in 2026', OPTIONS, "'in 2026' is the year 2026, which names no day | Give a day, such as 'december 31 2026'."],
    ['in 2026', MID_YEAR, "'in 2026' is the year 2026, which names no day | Give a day, such as 'july 1 2026'."],
    ['the year 2026 at 5pm', OPTIONS, "'the year 2026 at 5pm' is the year 2026 ('the year 2026') and a time ('5pm'), which name no day | Give a day in 2026, such as 'december 31 2026 at 5pm'."],
    [
      'twenty twenty six at 5pm',
      OPTIONS,
      "'twenty twenty six at 5pm' is the year 2026 ('twenty twenty six') and a time ('5pm'), which name no day | Give a day in 2026, such as 'december 31 2026 at 5pm'.",
    ],
    ['in 2025', OPTIONS, "'in 2025' is the year 2025, which names no day; 2025 has passed | Give a day to come, such as 'march 1 2027'."],
    [
      'in the year 2024 at 9am',
      OPTIONS,
      "'in the year 2024 at 9am' is the year 2024 ('in the year 2024') and a time ('9am'), which name no day; 2024 has passed | Give a day to come, such as 'march 1 2027 at 9am'.",
    ],
    ['in 2026', { ...OPTIONS, now: Date.parse('2026-12-31T15:00:00Z') }, "'in 2026' is the year 2026, which names no day; 2026 ends today | Give a day to come, such as 'march 1 2027'."],
    ['in 2027', OPTIONS, "'in 2027' is the year 2027, which names no day | Give a day, such as 'march 1 2027'."],
  ])('%s', async (phrase, options, refusal) => {
    expect(await onceRefusal(phrase, options)).toBe(refusal);
  });

  it("'twenty twenty five', read as 20:25, does not offer a day of 2025", async () => {
    expect((await onceReading('twenty twenty five')).notes).toBe("read 'twenty twenty five' as 20:25; not the year: 2025 has passed");
    expect((await onceReading('twenty twenty six')).notes).toMatch(/for the year 2026, give a day in it, such as 'december 31 2026'/);
  });
});

describe("an abbreviation read as one zone of several, out of season ('9am BST' in December), gets one note saying both", () => {
  it.each(['9am BST', 'tomorrow at noon bst', 'friday 9am in BST'])('%s', async (phrase) => {
    const { notes } = await meaningOfOnce(phrase, OPTIONS);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^read 'BST' as British Summer Time \(Europe\/London\), which is not in use there on 2026-12-\d\d: read on its clock then \(\+00:00\); write '\+01:00' for the BST offset; for Bangladesh write 'Asia\/Dhaka'$/,
    );
  });

  it('in season, the guess alone is said', async () => {
    expect((await meaningOfOnce('june 3 9am BST', OPTIONS)).notes).toEqual(["read 'BST' as British Summer Time (Europe/London); for Bangladesh write 'Asia/Dhaka'"]);
  });

  it('a schedule says it in one note too', async () => {
    const { notes } = await meaningOfSchedule('every day at 9am BST', OPTIONS);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^read 'BST' as British Summer Time, the clock of Europe\/London, which changes with the seasons: .*; for Bangladesh write 'Asia\/Dhaka'$/);
  });
});

describe("a one-time phrase the one-time reader refuses gets that refusal under --cron too ('this friday the 6th')", () => {
  it.each([
    ['this friday the 6th', "'this friday the 6th' does not add up: this Friday is Fri 11 Dec, not the 6th"],
    ['this friday the 6th at 5pm', "'this friday the 6th at 5pm' does not add up: this Friday is Fri 11 Dec, not the 6th"],
    ['this wednesday the 20th', "'this wednesday the 20th' does not add up: this Wednesday is Wed 9 Dec, not the 20th"],
    ['next week on the 25th', "'next week on the 25th': next week (Mon 14 Dec to Sun 20 Dec) has no 25th"],
  ])('%s', async (phrase, refusal) => {
    expect(await scheduleRefusal(phrase)).toContain(refusal);
    expect(await scheduleRefusal(phrase)).toBe(await onceRefusal(phrase));
  });

  it("a refusal of one word stays the schedule reader's, quoting the phrase", async () => {
    expect(await scheduleRefusal('tomorrow at 13pm')).toMatch(/^'tomorrow at 13pm': '13pm' is not a time of day/);
  });
});

describe("a year in words before the date ('twenty twenty seven march 3') is the year, as after it", () => {
  it.each([
    ['twenty twenty seven march 3', '2027-03-03 09:00', 'twenty twenty seven'],
    ['twenty twenty-seven march 3rd', '2027-03-03 09:00', 'twenty twenty-seven'],
    ['twenty twenty seven, march 3', '2027-03-03 09:00', 'twenty twenty seven'],
    ['twenty twenty seven the 3rd of march', '2027-03-03 09:00', 'twenty twenty seven'],
    ['twenty twenty eight 4 july at 5pm', '2028-07-04 17:00', 'twenty twenty eight'],
    ['twenty twenty seven on march 3 at 5pm', '2027-03-03 17:00', 'twenty twenty seven'],
    ['in twenty twenty seven on march 3', '2027-03-03 09:00', 'twenty twenty seven'],
    ['twenty twenty seven march third', '2027-03-03 09:00', 'twenty twenty seven'],
  ])('%s', async (phrase, at, year) => {
    const read = await onceReading(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(`read '${year}' as the year ${at.slice(0, 4)}; write ${at.slice(0, 4)} to say so`);
  });

  it("digits before 'on' and a date are its year too", async () => {
    expect((await onceReading('2027 on march 3 at 5pm')).at).toBe('2027-03-03 17:00');
  });

  it("after 'at' the words stay a clock", async () => {
    expect((await onceReading('at twenty twenty march 3')).at).toBe('2027-03-03 20:20');
  });
});

describe("a day of the month with a week or a month is read as 'on 15 next week' is ('on 9 the week after next', 'on 1 this month')", () => {
  it.each([
    ['on 23 the week after next', '2026-12-23 09:00', "read '23' as the 23rd, Wed 23 Dec, in the week after next (Mon 21 Dec to Sun 27 Dec); for a time, write 'at 23:00'"],
    ['on the 23rd of the week after next', '2026-12-23 09:00', "read 'the 23rd' as Wed 23 Dec, in the week after next (Mon 21 Dec to Sun 27 Dec)"],
    ['the week after next on the 22nd', '2026-12-22 09:00', "read 'the 22nd' as Tue 22 Dec, in the week after next"],
    ['on the 15th of next week', '2026-12-15 09:00', "read 'the 15th' as Tue 15 Dec, in next week (Mon 14 Dec to Sun 20 Dec)"],
    ['on the 9th of this week', '2026-12-09 09:00', "read 'the 9th' as Wed 9 Dec, in this week"],
    ['on the 20th this month', '2026-12-20 09:00', ''],
    ['the 20th this month at 5pm', '2026-12-20 17:00', ''],
  ])('%s', async (phrase, at, note) => {
    const read = await onceReading(phrase);
    expect(read.at).toBe(at);
    if (note) expect(read.notes).toContain(note);
    else expect(read.notes).toBe('');
  });

  it.each([
    [
      'on 9 the week after next',
      "'on 9 the week after next': the week after next (Mon 21 Dec to Sun 27 Dec) has no 9th | For the date, write 'december 9'; for a time the week after next, give its day, such as 'monday the week after next at 9am'.",
    ],
    [
      'on 16 the week after next',
      "'on 16 the week after next': the week after next (Mon 21 Dec to Sun 27 Dec) has no 16th | For the date, write 'december 16'; for a time the week after next, give its day, such as 'monday the week after next at 16:00'.",
    ],
    ['on the 9th of next week', "'on the 9th of next week': next week (Mon 14 Dec to Sun 20 Dec) has no 9th | For the date, write 'december 9'."],
    ['on 1 this month', "'on 1 this month': the 1st of this month (Tue 1 Dec) has passed | For the date to come, write 'january 1'; for a time, write 'at 1pm'."],
    ['on the 5th this month at 3pm', "'on the 5th this month at 3pm': the 5th of this month (Sat 5 Dec) has passed | For the date to come, write 'january 5 at 3pm'."],
  ])('%s is refused, saying why', async (phrase, refusal) => {
    expect(await onceRefusal(phrase)).toBe(refusal);
  });
});

describe("'once' before a time, and 'except' after one, are refused saying what is wrong and what to write", () => {
  it.each([
    ['once at wednesday', "'once at wednesday': 'once' adds nothing: a one-time message is sent once | Leave it out: 'wednesday'."],
    ['only once tomorrow at 9am', "'only once tomorrow at 9am': 'only once' adds nothing: a one-time message is sent once | Leave it out: 'tomorrow at 9am'."],
    ['once, on friday at 3pm', "'once, on friday at 3pm': 'once' adds nothing: a one-time message is sent once | Leave it out: 'on friday at 3pm'."],
    [
      'at 5:00 except at 10:00',
      "'at 5:00 except at 10:00': 'except at 10:00' leaves out part of a repeating schedule; a one-time message is sent once, with nothing to leave out | Leave it out: 'at 5:00'.",
    ],
    ['friday except at 3pm', "'friday except at 3pm': 'except at 3pm' leaves out part of a repeating schedule; a one-time message is sent once, with nothing to leave out | Leave it out: 'friday'."],
  ])('%s', async (phrase, refusal) => {
    expect(await onceRefusal(phrase)).toBe(refusal);
  });

  it.each([
    ['once at wednesday', "'once at wednesday': 'once' says no how often | For one time, give 'wednesday' to --execute-at; to repeat, say how often, such as 'once a week on wednesday'."],
    ['every day at 5:00 except at 10:00', "'every day at 5:00 except at 10:00': 'except at 10:00' is not read: 'except' leaves out days"],
  ])('as a schedule: %s', async (phrase, refusal) => {
    const said = await scheduleRefusal(phrase);
    expect(said).toContain(refusal);
    expect(said).not.toMatch(/stopped at/);
  });

  it("'except' a schedule reads is still read", async () => {
    await expect(meaningOfSchedule('every hour except noon', OPTIONS)).resolves.toMatchObject({ type: 'recurring' });
  });
});

describe("digits that are two hours ('saturday 10 to 12') are a window, as '9-5' is: one time is refused with both readings written", () => {
  it.each([
    [
      'saturday 10 to 12',
      "'saturday 10 to 12' is a range of times (the hours 10 to 12); a one-time message is sent at one | Give one time, such as 'saturday at 10'; for 10 minutes to 12, write 'saturday at 11:50'; to repeat within the range, give --cron an interval, such as 'every hour from 10 to 12'.",
    ],
    [
      '10 till 12 on saturday',
      "'10 till 12 on saturday' is a range of times (the hours 10 to 12); a one-time message is sent at one | Give one time, such as 'at 10 on saturday'; for 10 minutes to 12, write 'at 11:50 on saturday'; to repeat within the range, give --cron an interval, such as 'every hour from 10 to 12'.",
    ],
    [
      'tomorrow at 10 to 12pm',
      "'tomorrow at 10 to 12pm' is a range of times (the hours 10 to 12pm); a one-time message is sent at one | Give one time, such as 'tomorrow at 10am'; for 10 minutes to 12, write 'tomorrow at 11:50am'; to repeat within the range, give --cron an interval, such as 'every hour from 10 to 12pm'.",
    ],
    [
      'friday 5 to 1',
      "'friday 5 to 1' is a range of times (the hours 5 to 1); a one-time message is sent at one | Give one time, such as 'friday at 5'; for 5 minutes to 1, write 'friday at 12:55'; to repeat within the range, give --cron an interval, such as 'every hour from 5 to 1'.",
    ],
  ])('%s', async (phrase, refusal) => {
    expect(await onceRefusal(phrase)).toBe(refusal);
  });

  it.each([
    ['saturday ten to twelve', '2026-12-12 11:50'],
    ['10 minutes to 12 on saturday', '2026-12-12 11:50'],
    ['saturday 20 to 12', '2026-12-12 11:40'],
    ['saturday 10 to noon', '2026-12-12 11:50'],
  ])('%s, a clock as clocks are said, stays one', async (phrase, at) => {
    expect((await onceReading(phrase)).at).toBe(at);
  });

  it('a range of days is still one', async () => {
    expect(await onceRefusal('dec 10 to 12')).toMatch(/is a range of days/);
  });

  it.each(['every saturday at 10 to 12', 'daily at 9 to 5'])("as a schedule, '%s' says to write the window with 'from' and how often", async (phrase) => {
    const said = await scheduleRefusal(phrase);
    expect(said).toMatch(/'at (?:10 to 12|9 to 5)' is a window of hours, not one time of day \| To repeat within it, say how often, from when, such as 'every hour from (?:10 to 12|9 to 5)'/);
  });
});
