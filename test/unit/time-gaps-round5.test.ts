import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Gaps the earlier rounds left, each a family: a deadline read as a time, days counted from a date
 * just gone or written in digits, a month in the past, a month bounding parts joined by "and",
 * and clock notes beside a list. Now: Thursday 2026-12-03 15:04 UTC unless a test says otherwise.
 */
const NOW = Date.parse('2026-12-03T15:04:05Z');
const once = (phrase: string, zone = 'UTC', now = NOW) => meaningOfOnce(phrase, { now, zone });
const schedule = (phrase: string, zone = 'UTC') => meaningOfSchedule(phrase, { now: NOW, zone }, 4);

describe('a deadline is read as a time with a note, never silently', () => {
  it.each([
    ['by friday', '2026-12-04 09:00 UTC', /read 'by friday', a deadline, as Fri 4 Dec at 09:00, the start of the day it is due; give the time to be reminded, such as 'friday at 8am'/],
    ['remind me by tomorrow', '2026-12-04 09:00 UTC', /read 'by tomorrow', a deadline, as Fri 4 Dec at 09:00/],
    ['by next monday', '2026-12-07 09:00 UTC', /'by next monday', a deadline, as Mon 7 Dec at 09:00/],
    ['by december 24', '2026-12-24 09:00 UTC', /'by december 24', a deadline, as Thu 24 Dec at 09:00/],
    ['on friday by noon', '2026-12-04 12:00 UTC', /read 'on friday by noon', a deadline, as the time it falls due \(Fri 4 Dec at 12:00\)/],
    ['by 5pm', '2026-12-03 17:00 UTC', /'by 5pm', a deadline, as the time it falls due \(Thu 3 Dec at 17:00\)/],
  ])('%s is %s, noted', async (phrase, local, note) => {
    const read = await once(phrase);
    expect(read.local).toBe(local);
    expect(read.notes.join('\n')).toMatch(note);
  });
});

describe('a day counted after a date just gone is counted from that date, with a note', () => {
  const dec28 = Date.parse('2026-12-27T08:00:00Z');
  it.each([
    ['3 days after christmas', '2026-12-28 09:00 UTC', /counted from Fri 25 Dec, which has passed; counted from Sat 25 Dec 2027 it is Tue 28 Dec 2027/],
    ['2 weeks after dec 25', '2027-01-08 09:00 UTC', /read '2 weeks after dec 25' as Fri 8 Jan 2027, counted from Fri 25 Dec/],
    ['the friday after christmas', '2027-01-01 09:00 UTC', /as Fri 1 Jan 2027, counted from Fri 25 Dec, which has passed/],
  ])('%s, said on 27 Dec, is %s', async (phrase, local, note) => {
    const read = await once(phrase, 'UTC', dec28);
    expect(read.local).toBe(local);
    expect(read.notes.join('\n')).toMatch(note);
  });

  it('a day counted before a date just gone is still counted from the next one', async () => {
    expect((await once('3 days before christmas', 'UTC', dec28)).local).toBe('2027-12-22 09:00 UTC');
  });
});

describe('a day counted from a date in digits', () => {
  it.each([
    ['3 days before 2026-12-10', 'America/New_York', '2026-12-07 09:00 EST'],
    ['2 weeks after 2027-01-05 at 9am', 'UTC', '2027-01-19 09:00 UTC'],
    ['a week after 12/20', 'UTC', '2026-12-27 09:00 UTC'],
    ['2 days after 12/20/2026 at 5pm', 'Australia/Sydney', '2026-12-22 17:00 AEDT'],
    ['the day after 2026-12-24', 'UTC', '2026-12-25 09:00 UTC'],
    ['the friday after 2026-12-10', 'UTC', '2026-12-11 09:00 UTC'],
  ])('%s in %s is %s', async (phrase, zone, local) => {
    expect((await once(phrase, zone)).local).toBe(local);
  });

  it.each([
    ['3 days after 2026-02-30', /2026-02 has no day 30/],
    ['3 days before 2026-12-02', /is in the past/],
  ])('%s is refused: %s', async (phrase, error) => {
    await expect(once(phrase)).rejects.toThrow(error);
  });
});

describe('a month with its year that has ended', () => {
  it.each(['every day in june 2026', 'every monday in november 2026 at 8am'])('%s says the month named has ended', async (phrase) => {
    await expect(schedule(phrase)).rejects.toThrow(/is in the past: (?:June|November) 2026 has ended/);
  });

  it('the month now is still read', async () => {
    expect((await schedule('every day in december 2026')).next_runs_local[0]).toBe('2026-12-04 09:00 UTC');
  });
});

describe('a month and days joined by and', () => {
  it('said before the and, it bounds only the days said with it', async () => {
    const read = await schedule('every monday in june and the 1st of every month');
    expect(read.next_runs_local.slice(0, 2)).toEqual(['2027-01-01 09:00 UTC', '2027-02-01 09:00 UTC']);
    expect(read.notes.join('\n')).toMatch(/read 'in June' as bounding only the days said before 'and'/);
  });

  it('said last, it bounds every part, noted once', async () => {
    const read = await schedule('on the 1st and every monday in june');
    expect(read.next_runs_local.slice(0, 2)).toEqual(['2027-06-01 09:00 UTC', '2027-06-07 09:00 UTC']);
    expect(read.notes.filter((note) => /bounding every part joined by 'and'/.test(note))).toHaveLength(1);
  });
});

describe('clock notes read naturally', () => {
  it('a bare time beside one a list put in the afternoon is no 24-hour clock', async () => {
    const read = await schedule('every day at 10 and 2');
    expect(read.notes).toEqual(["read '2' as 14:00; write '2 am' or 02:00 for the morning", "read '10' as 10:00; write '10 pm' or 22:00 for the evening"]);
  });

  it.each([
    ['daily at 12 and 18:00', "read '12' as 12:00, on the 24-hour clock like '18:00'; write '12 am' or 00:00 for after midnight"],
    ['every day at 1:00 and 13:00', "read '1:00' as 01:00, on the 24-hour clock like '13:00'; write '1:00 pm' or 13:00 for the afternoon"],
  ])('%s: %s', async (phrase, note) => {
    expect((await schedule(phrase)).notes).toContain(note);
  });
});

/*
 * Families a held-out round of wordings (calendar apps, reminder bots, natural-date suites) found
 * read wrong, without a note, or refused with one clear meaning. Now: Wednesday 2027-02-24 13:30 UTC.
 */
const WED = Date.parse('2027-02-24T13:30:00Z');
const heldOnce = (phrase: string, zone = 'UTC') => meaningOfOnce(phrase, { now: WED, zone });
const heldSchedule = (phrase: string, zone = 'UTC') => meaningOfSchedule(phrase, { now: WED, zone }, 3);

describe('a day counted from the end of each quarter', () => {
  it.each([
    ['last day of every quarter', ['2027-03-31 09:00 UTC', '2027-06-30 09:00 UTC', '2027-09-30 09:00 UTC']],
    ['last friday of each quarter at 5pm', ['2027-03-26 17:00 UTC', '2027-06-25 17:00 UTC', '2027-09-24 17:00 UTC']],
    ['every quarter on the last friday', ['2027-03-26 09:00 UTC', '2027-06-25 09:00 UTC', '2027-09-24 09:00 UTC']],
  ])('%s is in the quarter’s last month', async (phrase, runs) => {
    const read = await heldSchedule(phrase);
    expect(read.next_runs_local).toEqual(runs);
    expect(read.notes.join('\n')).toMatch(/in the last month of each quarter \(March, June, September and December\)/);
  });

  it.each([
    ['the 1st monday of every quarter', ['2027-04-05 09:00 UTC', '2027-07-05 09:00 UTC', '2027-10-04 09:00 UTC']],
    ['first monday of the quarter at 10am', ['2027-04-05 10:00 UTC', '2027-07-05 10:00 UTC', '2027-10-04 10:00 UTC']],
  ])('%s is in the quarter’s first month', async (phrase, runs) => {
    expect((await heldSchedule(phrase)).next_runs_local).toEqual(runs);
  });
});

describe('clock spellings', () => {
  it.each([
    ['330 p.m.', '2027-02-24 15:30 UTC'],
    ['3:30 p m', '2027-02-24 15:30 UTC'],
    ['15 to noon', '2027-02-25 11:45 UTC'],
    ['xmas', '2027-12-25 09:00 UTC'],
    ['xmas eve at 8pm', '2027-12-24 20:00 UTC'],
  ])('%s is %s', async (phrase, local) => {
    expect((await heldOnce(phrase)).local).toBe(local);
  });

  it('a count before a word is no clock', async () => {
    await expect(heldOnce('in 130 a day')).rejects.toThrow(/in day/);
  });
});

describe('a day word read on the calendar of a zone the phrase names', () => {
  it('says whose calendar when that zone is on another day', async () => {
    const read = await heldOnce('tomorrow at 9am Sydney time', 'America/New_York');
    expect(read.local).toBe('2027-02-25 17:00 EST');
    expect(read.notes).toContain("read 'tomorrow' on the calendar of Australia/Sydney, where it is Thu 25 Feb now (Wed 24 Feb in America/New_York); give the date to say otherwise");
  });

  it('says nothing when it is the same day there', async () => {
    expect((await heldOnce('tomorrow at 9am EST')).notes).toEqual([]);
  });
});

describe('an interval kept in step with a start still ahead today', () => {
  it('says it runs first before the start', async () => {
    const read = await heldSchedule('every 12 hours starting at 9pm', 'America/New_York');
    expect(read.next_runs_local[0]).toBe('2027-02-24 09:00 EST');
    expect(read.notes).toContain("read the start 21:00 as the time the interval keeps step with, so it first runs at 09:00; to begin at 21:00, say 'every 12 hours starting today at 21:00'");
  });

  it('counted from its own start, it is described by its step', async () => {
    const read = await heldSchedule('every 12 hours starting today at 21:00', 'America/New_York');
    expect(read.description).toBe('Every 12 hours, starting today at 21:00 (America/New_York)');
    expect(read.next_runs_local).toEqual(['2027-02-24 21:00 EST', '2027-02-25 09:00 EST', '2027-02-25 21:00 EST']);
  });
});

describe('words that leave the time open are refused, saying what is open', () => {
  it.each(['by end of day', 'by eod', 'cob friday'])('%s', async (phrase) => {
    await expect(heldOnce(phrase)).rejects.toThrow(/the end of the day names no hour/);
  });

  it.each(['every weeknight at 8', 'weeknights at 9pm'])('%s', async (phrase) => {
    await expect(heldSchedule(phrase)).rejects.toThrow(/'weeknight' leaves the nights open/);
  });
});

describe('hours and minutes as one number after the days', () => {
  it.each([
    ['every mon-fri 1730', '30 17 * * 1-5'],
    ['every day 1730', '30 17 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    const read = await heldSchedule(phrase);
    expect(read.type === 'recurring' && read.cron_expression).toBe(cron);
  });

  it('one that could be a year is refused, never read as a clock', async () => {
    await expect(heldSchedule('every weekday 2030')).rejects.toThrow(/stopped at '2030'/);
  });
});
