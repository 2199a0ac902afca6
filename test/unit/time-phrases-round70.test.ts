import { describe, expect, it } from 'vitest';
import { onceRefusal, scheduleReading as schedule, scheduleRefusal as refusal } from '../helpers/phrase-readings';

/* Repeating phrases read two ways, or refused with a hint that did not help. Monday 2026-12-07, 10:00 in New York. */

describe('a movable holiday given as a repeating schedule says it moves, with or without every', () => {
  it.each([
    ['orthodox easter', 'Orthodox easter'],
    ['easter at 9am', 'Easter'],
    ['good friday 2028', 'Good friday'],
    ['the day after cyber monday', 'Cyber monday'],
  ])('%s', async (phrase, name) => {
    const said = await refusal(phrase);
    expect(said).toContain('is one instant');
    expect(said).toContain(`${name} falls on a different day each year, which a repeating schedule cannot follow`);
    expect(said).not.toContain('say how often');
  });

  it('another instant is still told to say how often', async () => {
    expect(await refusal('tomorrow at 9am')).toContain("say how often, such as 'every day at 9am'");
  });
});

describe('a day of the month not in the week named is refused as the one-time reader refuses it', () => {
  it.each([
    ['on the 20 this week at 3pm', "'on the 20 this week at 3pm': this week (Mon 7 Dec to Sun 13 Dec) has no 20th | For the date, write 'december 20 at 3pm'."],
    ['on the 20th this week', "this week (Mon 7 Dec to Sun 13 Dec) has no 20th | For the date, write 'december 20'."],
    ['the 3rd this week', "this week (Mon 7 Dec to Sun 13 Dec) has no 3rd | For the date, write 'january 3'."],
    ['on 30 next week at 9am', 'next week (Mon 14 Dec to Sun 20 Dec) has no 30th'],
  ])('%s', async (phrase, said) => {
    const refused = await refusal(phrase);
    expect(refused).toContain(said);
    expect(refused).not.toContain('before it first runs');
  });

  it('a repeating rule whose own end comes before it runs still says so', async () => {
    expect(await refusal('every friday at 9am until tomorrow')).toContain('before it first runs');
  });
});

describe('a repeating phrase given as one instant is sent to recurring create only when that reads it', () => {
  it.each([
    ['every fri in week 12', 'names a week of the year by its number (12)'],
    ['every monday in week 3 at 9am', 'names a week of the year by its number (3)'],
  ])('%s', async (phrase, said) => {
    const refused = await onceRefusal(phrase);
    expect(refused).toContain(said);
    expect(refused).not.toContain('recurring create');
  });

  it.each(['every day at 9am', 'every 7 minutes', 'every day at 9am until friday'])('%s still points to recurring create', async (phrase) => {
    expect(await onceRefusal(phrase)).toContain(`is a recurring schedule, not one time | Create a recurring schedule instead: letta-switchboard recurring create --cron '${phrase}'`);
  });
});

describe('days of one month said once read the same in every order: each year, with a note where the words are those for once', () => {
  const yearly = ['2027-07-13 09:00', '2027-07-14 09:00', '2027-07-15 09:00', '2028-07-13 09:00'];
  it.each([
    ['every day from july 13 to 15', 'from july 13 to 15'],
    ['every day from the 13th to the 15th of july', 'from the 13th to the 15th of july'],
    ['every day from 13 to 15 july', 'from 13 to 15 july'],
    ['every day from 13th to 15th of July', 'from 13th to 15th of July'],
    ['every day between 13 and 15 july', 'between 13 and 15 july'],
    ['every day from july 13th through the 15th', 'from july 13th through the 15th'],
  ])('%s', async (phrase, said) => {
    const read = await schedule(phrase);
    expect(read.type === 'recurring' && read.local_cron).toBe('0 9 13-15 7 *');
    expect(read.fires).toEqual(yearly);
    expect(read.notes).toContain(`read '${said}' as July 13 to 15 of every year; to run them once, give each day its month, such as 'from july 13 until july 15'`);
  });

  it.each(['every day july 13-15', 'every day 13-15 july', 'every day 13th-15th july'])('%s, without the words for once, is the same days without the note', async (phrase) => {
    const read = await schedule(phrase);
    expect(read.type === 'recurring' && read.local_cron).toBe('0 9 13-15 7 *');
    expect(read.notes.join('\n')).not.toContain('of every year');
  });

  it('each day with its month runs once', async () => {
    const read = await schedule('every day from july 13 until july 15');
    expect(read.type).toBe('series');
    expect(read.fires).toEqual(['2027-07-13 09:00', '2027-07-14 09:00', '2027-07-15 09:00']);
  });

  it('weekdays within such a span are those days that are weekdays, with no note of parts joined', async () => {
    const read = await schedule('every friday from 1 to 7 june');
    expect(read.fires).toEqual(['2027-06-04 09:00', '2028-06-02 09:00', '2029-06-01 09:00', '2030-06-07 09:00']);
    expect(read.notes.join('\n')).not.toContain("joined by 'and'");
  });

  it('a window of hours with no month after it is still hours', async () => {
    const read = await schedule('every hour from 13 to 15');
    expect(read.type === 'recurring' && read.local_cron).toBe('0 13-15 * * *');
  });
});

describe('an ordinal in digits before a month with its day is a step of years, as one in words is', () => {
  it.each([
    ['every 2nd march 3rd', "'every 2nd march 3rd': '2nd' before a month with its day is every 2 years here | Write 'every 2 years on march 3rd'; for every year, 'every march 3rd'."],
    ['every 3rd june 1st at 9am', "'3rd' before a month with its day is every 3 years here | Write 'every 3 years on june 1st at 9am'; for every year, 'every june 1st at 9am'."],
    ['every third march 3rd', "'third' before a month with its day is every 3 years here | Write 'every 3 years on march 3rd'"],
  ])('%s', async (phrase, said) => {
    expect(await refusal(phrase)).toContain(said);
  });

  it.each([
    ['every 4th july', '0 9 4 7 *'],
    ['every 2nd march', '0 9 2 3 *'],
  ])('%s without a day after the month is the date', async (phrase, cron) => {
    const read = await schedule(phrase);
    expect(read.type === 'recurring' && read.local_cron).toBe(cron);
  });
});

describe('every holiday the one-time reader knows is read as a repeating rule too', () => {
  it.each([
    ['every victoria day', ['2027-05-24 09:00', '2028-05-22 09:00', '2029-05-21 09:00', '2030-05-20 09:00']],
    ['victoria day at 10am every year', ['2027-05-24 10:00', '2028-05-22 10:00', '2029-05-21 10:00', '2030-05-20 10:00']],
  ])('%s', async (phrase, fires) => {
    const read = await schedule(phrase);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toEqual(["read 'victoria day' as the Canadian holiday, the Monday before May 25th"]);
  });

  it('victoria day alone is still one instant', async () => {
    expect(await refusal('victoria day')).toContain("'victoria day' is one instant (2027-05-24 09:00 EDT)");
  });

  it('a weekday within days of a named month, said after it, is one kind of day: no note of parts joined', async () => {
    expect((await schedule('every monday the 18th to the 24th of may')).notes).toEqual([]);
  });
});

describe('a time left out of hours that divide the day, said daily or not, leaves the others', () => {
  it.each([
    ['every 8 hours except daily at 12am', '0 8,16 * * *'],
    ['every 8 hours except every day at midnight', '0 8,16 * * *'],
    ['every 6 hours except at 6pm', '0 0,6,12 * * *'],
    ['every 2 hours except 2pm', '0 0,2,4,6,8,10,12,16,18,20,22 * * *'],
    ['hourly except daily at noon', '0 0-11,13-23 * * *'],
  ])('%s', async (phrase, cron) => {
    const read = await schedule(phrase);
    expect(read.type === 'recurring' && read.local_cron).toBe(cron);
  });

  it.each([
    ['every 6 hours except at 5pm', 'leaves out 17:00, a time it never runs at (it runs at 00:00, 06:00, 12:00 and 18:00)'],
    ['every 5 hours except at 5am', 'leaves out a time of day from a rule that does not run at the same hours every day'],
  ])('%s is refused, said why', async (phrase, said) => {
    expect(await refusal(phrase)).toContain(said);
  });
});

describe('a start that is a year alone names no day: refused with what to write', () => {
  it.each([
    ['every year starting 2028 on march 3rd', "'starting 2028' gives a year, which names no day to start on | Give the day, such as 'starting jan 1 2028'; for a time, 'starting at 20:28'."],
    ['every month starting 2028 on the 10th', "'starting 2028' gives a year"],
    ['every march 3rd starting in 2028', "'starting in 2028' gives a year, which names no day to start on | Give the day, such as 'starting jan 1 2028'."],
  ])('%s', async (phrase, said) => {
    expect(await refusal(phrase)).toContain(said);
  });

  it('a start with its day and year is read', async () => {
    expect((await schedule('every march 3rd starting jan 1 2028')).fires[0]).toBe('2028-03-03 09:00');
  });
});

describe("'current month' and 'in this month' bound a rule as 'this month' does", () => {
  it.each([
    ['every day current month at 9am', 'current month'],
    ['every day in the current month', 'in the current month'],
    ['every day during this month', 'during this month'],
  ])('%s', async (phrase, said) => {
    const read = await schedule(phrase);
    expect(read.type).toBe('series');
    expect(read.fires.slice(0, 2)).toEqual(['2026-12-08 09:00', '2026-12-09 09:00']);
    expect(read.notes).toContain(`read '${said}' as Tue 1 Dec to Thu 31 Dec`);
  });

  it('the current week too', async () => {
    expect((await schedule('every weekday current week at 5pm')).fires).toEqual(['2026-12-07 17:00', '2026-12-08 17:00', '2026-12-09 17:00', '2026-12-10 17:00']);
  });
});

describe('a series within its ends says the rule once, its zone once, and the ends after all of it', () => {
  it.each([
    ['every 45 minutes for 4 times', 'Every 45 minutes, for 4 times (America/New_York)'],
    ['every 90 minutes until friday', 'Every 90 minutes, until friday (America/New_York)'],
    ['every day at 9:00 and 17:30 until friday', 'At 09:00 AM; and At 05:30 PM; until friday (America/New_York)'],
    ['every day at 9am until friday', 'At 09:00 AM, until friday (America/New_York)'],
  ])('%s', async (phrase, description) => {
    expect((await schedule(phrase)).description).toBe(description);
  });

  it('a set names the zone once, with the count after every part', async () => {
    const { description } = await schedule('weekdays at 9am and weekends at 11:30am for 4 times');
    expect(description.match(/America\/New_York/g)).toHaveLength(1);
    expect(description).toMatch(/; for 4 times \(America\/New_York\)$/);
  });
});
