import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfRecurring } from '../../src/time/index';

/* Phrases from Microsoft Recognizers-Text's English specs that were read without saying the guess, or refused though clear. Monday 2026-12-07, 10:00 in New York. */
const OPTIONS = { now: Date.parse('2026-12-07T15:00:00Z'), zone: 'America/New_York' };

const once = async (phrase: string) => {
  const meaning = await meaningOfOnce(phrase, OPTIONS);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes.join(' ') };
};
const recurring = async (phrase: string) => {
  const meaning = await meaningOfRecurring(phrase, OPTIONS, 3);
  return { fires: meaning.next_runs_local.map((local) => local.slice(0, 16)), notes: meaning.notes.join(' ') };
};

describe("digits that are two hours ('5 to 6pm') are the window from one to the other, refused for one time with both readings written", () => {
  it.each([
    [
      '5 to 6pm',
      "'5 to 6pm' is a range of times (the hours 5 to 6pm); a one-time message is sent at one | Give one time, such as 'at 5pm'; for 5 minutes to 6, write 'at 5:55pm'; to repeat within the range, give --cron an interval, such as 'every hour from 5 to 6pm'.",
    ],
    [
      'tomorrow 10 to 11am',
      "'tomorrow 10 to 11am' is a range of times (the hours 10 to 11am); a one-time message is sent at one | Give one time, such as 'tomorrow at 10am'; for 10 minutes to 11, write 'tomorrow at 10:50am'; to repeat within the range, give --cron an interval, such as 'every hour from 10 to 11am'.",
    ],
    [
      'dec 9 at 10 to 11pm',
      "'dec 9 at 10 to 11pm' is a range of times (the hours 10 to 11pm); a one-time message is sent at one | Give one time, such as 'dec 9 at 10pm'; for 10 minutes to 11, write 'dec 9 at 10:50pm'; to repeat within the range, give --cron an interval, such as 'every hour from 10 to 11pm'.",
    ],
    [
      '5 to 7 in the morning',
      "'5 to 7 in the morning' is a range of times (the hours 5 to 7 in the morning); a one-time message is sent at one | Give one time, such as 'at 5 in the morning'; for 5 minutes to 7, write 'at 6:55 in the morning'; to repeat within the range, give --cron an interval, such as 'every hour from 5 to 7 in the morning'.",
    ],
  ])('%s', async (phrase, refusal) => {
    await expect(once(phrase)).rejects.toThrow(refusal.split(' | ')[0]);
    await expect(once(phrase)).rejects.toMatchObject({ hint: refusal.split(' | ')[1] });
  });

  it.each(['ten to 6pm', 'quarter to 5pm', '5 minutes to 6pm', '20 to 6pm'])('%s is plain: no note', async (phrase) => {
    expect((await once(phrase)).notes).toBe('');
  });

  it('a schedule says what to write for a window', async () => {
    await expect(recurring('daily at 5 to 6pm')).rejects.toThrow(/'at 5 to 6pm' is a window of hours, not one time of day/);
  });
});

describe("a hedge before a day word ('around tomorrow 10am') is read as exact, as one before a time is", () => {
  it.each([
    ['around tomorrow 10am', '2026-12-08 10:00', 'around'],
    ['about friday at 3pm', '2026-12-11 15:00', 'about'],
    ['roughly tonight at 8', '2026-12-07 20:00', 'roughly'],
  ])('%s', async (phrase, at, hedge) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(`as exact, without '${hedge}'`);
  });
});

describe('a year said in words is a year, never a clock or two', () => {
  it.each([
    ['September 10, nineteen zero one', /in the past: it means 1901-09-10/],
    ['march 3rd, nineteen ninety nine', /in the past: it means 1999-03-03/],
    ['nineteen twenty eight', /'nineteen twenty eight' is the year 1928, which names no day/],
    ['nineteen oh five', /the year 1905/],
  ])('%s', async (phrase, error) => {
    await expect(once(phrase)).rejects.toThrow(error);
  });

  it.each([
    ['dec 25 twenty twenty seven', '2027-12-25 09:00'],
    ['10 march twenty twenty eight at 9am', '2028-03-10 09:00'],
  ])('%s is that day of that year', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it.each([
    ['at nineteen thirty', '2026-12-07 19:30'],
    ['twenty thirty', '2026-12-07 20:30'],
  ])('%s is still a clock', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('a schedule never reads the year as two clocks', async () => {
    // Refused, quoting the words typed (not the digits they were read as).
    await expect(recurring('September 10, nineteen zero one')).rejects.toThrow(/^Could not understand the schedule: 'September 10, nineteen zero one'$/);
  });
});

describe('a month with a day in words is that day, in both readers', () => {
  it.each([
    ['May twenty one', ['2027-05-21 09:00', '2028-05-21 09:00']],
    ['every june ten at 9am', ['2027-06-10 09:00', '2028-06-10 09:00']],
    ['every march thirty at noon', ['2027-03-30 12:00', '2028-03-30 12:00']],
  ])('%s', async (phrase, fires) => {
    expect((await recurring(phrase)).fires.slice(0, 2)).toEqual(fires);
  });

  it.each([
    ['May twenty one', '2027-05-21 09:00'],
    ['May twenty-first', '2027-05-21 09:00'],
    ['february twenty second at 3pm', '2027-02-22 15:00'],
  ])('one time reads %s the same', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('a time in words after the month is still a time ("every day in may at nine")', async () => {
    expect((await recurring('every day in may at nine')).fires[0]).toBe('2027-05-01 09:00');
  });
});

describe('a note quotes the words typed, not the words the reader rewrote them to', () => {
  it.each([
    ['the following week', "read 'the following week' as Mon 14 Dec", 'next week'],
    ['next yr', "read 'next yr' as Tue 7 Dec 2027", 'next year'],
    ['by EOM', "read 'by EOM'", 'by end of the month'],
  ])('%s', async (phrase, quoted, rewritten) => {
    const { notes } = await once(phrase);
    expect(notes).toContain(quoted);
    expect(notes).not.toContain(`'${rewritten}'`);
  });
});
