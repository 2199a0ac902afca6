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
