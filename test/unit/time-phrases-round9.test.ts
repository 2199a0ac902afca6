import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/* Phrases from other projects' tests and docs that were refused though clear. Sunday 2026-11-22, 10:00 in New York. */
const OPTIONS = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };

const schedule = async (phrase: string, count = 3) => {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, count);
  return { fires: meaning.next_runs_local.map((local) => local.slice(0, 16)), notes: meaning.notes.join(' ') };
};
const once = async (phrase: string, options = OPTIONS) => {
  const meaning = await meaningOfOnce(phrase, options);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes.join(' ') };
};

describe('a part of a day or week ("in 1.5 days", "in half a day"): the whole days on the calendar, the rest as hours', () => {
  it.each([
    ['in 1.5 days', '2026-11-23 22:00'],
    ['in 2.5 days', '2026-11-24 22:00'],
    ['in half a day', '2026-11-22 22:00'],
    ['in a day and a half', '2026-11-23 22:00'],
    ['in 1.25 days', '2026-11-23 16:00'],
    ['in 0.1 days', '2026-11-22 12:24'],
    ['in 1.5 weeks', '2026-12-02 22:00'],
    ['in half a week', '2026-11-25 22:00'],
    ['in 1 1/2 days', '2026-11-23 22:00'],
    ['in 1.5 years', '2028-05-22 10:00'],
  ])('%s', async (phrase, at) => {
    expect((await once(phrase)).at).toBe(at);
  });

  it('the whole days keep the clock across a change of offset, the part is elapsed hours', async () => {
    // Saturday 2026-03-07 10:00 in New York; the clocks go forward on Sunday 8 March.
    expect((await once('in 1.5 days', { now: Date.parse('2026-03-07T15:00:00Z'), zone: 'America/New_York' })).at).toBe('2026-03-08 22:00');
  });

  it.each([
    ['in 1.5 months', /a part of a month has no fixed length/],
    ['in 1.333 days', /not a whole number of minutes/],
  ])('refused where it has no exact length: %s', async (phrase, message) => {
    await expect(once(phrase)).rejects.toThrow(message);
  });
});

describe('hours and minutes written as a clock writes them after "every" ("every 2h30")', () => {
  it.each([
    ['every 2h30', ['2026-11-22 10:01', '2026-11-22 12:31', '2026-11-22 15:01']],
    ['every 1h30', ['2026-11-22 11:30', '2026-11-22 13:00', '2026-11-22 14:30']],
    ['every 1h15', ['2026-11-22 10:01', '2026-11-22 11:16', '2026-11-22 12:31']],
    ['every 2 h 30', ['2026-11-22 10:01', '2026-11-22 12:31', '2026-11-22 15:01']],
    ['every 3h20 from 9 to 5', ['2026-11-22 12:20', '2026-11-22 15:40', '2026-11-23 09:00']],
  ])('%s', async (phrase, fires) => {
    expect((await schedule(phrase)).fires).toEqual(fires);
  });

  it('a count after the hours stays a count', async () => {
    expect((await schedule('every 2h 10 times')).fires).toEqual(['2026-11-22 11:00', '2026-11-22 13:00', '2026-11-22 15:00']);
  });
});

describe('an end at the end of a week or month said with "this" or "next" ("until the end of next week")', () => {
  it.each([
    ['every day until the end of next week', 7, '2026-11-29 09:00', "read 'the end of next week' as to the end of Sun 29 Nov, a week being Monday to Sunday"],
    ['daily until end of next week', 7, '2026-11-29 09:00', "read 'end of next week' as to the end of Sun 29 Nov"],
    ['every weekday at 5pm until the end of next week', 5, '2026-11-27 17:00', 'a week being Monday to Sunday'],
    ['every monday until the end of next month', 6, '2026-12-28 09:00', "read 'the end of next month' as its last day at 23:59"],
    ['every day at noon until the end of this month', 9, '2026-11-30 12:00', "read 'the end of this month' as its last day at 23:59"],
  ])('%s', async (phrase, count, last, note) => {
    const read = await schedule(phrase, 60);
    expect(read.fires).toHaveLength(count);
    expect(read.fires.at(-1)).toBe(last);
    expect(read.notes).toContain(note);
  });

  it('on a Thursday, the end of the week is its Sunday', async () => {
    const meaning = await meaningOfSchedule('every day until the end of the week', { ...OPTIONS, now: Date.parse('2026-11-26T15:00:00Z') }, 10);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2026-11-27 09:00', '2026-11-28 09:00', '2026-11-29 09:00']);
  });

  it('on a Sunday after its last run, the end of this week is refused: the run today has passed', async () => {
    await expect(schedule('every day until the end of the week')).rejects.toThrow(/has no run left before its end, .*: today's run, at 09:00 EST, has passed/);
  });
});

describe('a span of hours from a time of day ("every hour for 3 hours from 2pm"): a window on the next such day, once', () => {
  it.each([
    [
      'every hour for 3 hours from 2pm',
      ['2026-11-22 14:00', '2026-11-22 15:00', '2026-11-22 16:00', '2026-11-22 17:00'],
      "read 'for 3 hours from 2pm' as from 2:00pm to 5:00pm on Sun 22 Nov, this once",
    ],
    ['every hour from 2pm for 3 hours', ['2026-11-22 14:00', '2026-11-22 15:00', '2026-11-22 16:00', '2026-11-22 17:00'], "read 'from 2pm for 3 hours' as from 2:00pm to 5:00pm"],
    [
      'every 30 minutes starting at 3pm for 2 hours',
      ['2026-11-22 15:00', '2026-11-22 15:30', '2026-11-22 16:00', '2026-11-22 16:30', '2026-11-22 17:00'],
      "such as 'every 30 minutes from 3:00pm to 5:00pm'",
    ],
    ['every 15 minutes for an hour starting at 9am', ['2026-11-23 09:00', '2026-11-23 09:15', '2026-11-23 09:30', '2026-11-23 09:45', '2026-11-23 10:00'], 'on Mon 23 Nov, this once'],
    ['every hour for 3 hours from 11pm', ['2026-11-22 23:00', '2026-11-23 00:00', '2026-11-23 01:00', '2026-11-23 02:00'], 'from 11:00pm to 2:00am'],
    ['every 20 min for 1 hour beginning at 4:30pm', ['2026-11-22 16:30', '2026-11-22 16:50', '2026-11-22 17:10', '2026-11-22 17:30'], 'from 4:30pm to 5:30pm'],
  ])('%s', async (phrase, fires, note) => {
    const read = await schedule(phrase, 20);
    expect(read.fires).toEqual(fires);
    expect(read.notes).toContain(note);
  });

  it('a clock without am/pm is read by the clock rule, said', async () => {
    const read = await schedule('every 45 minutes for 3 hours from 9', 20);
    expect(read.fires).toEqual(['2026-11-23 09:00', '2026-11-23 09:45', '2026-11-23 10:30', '2026-11-23 11:15', '2026-11-23 12:00']);
    expect(read.notes).toContain("read '9' as 09:00");
  });

  it('a start that is no time of day alone still says the span would count from now', async () => {
    await expect(schedule('every 30 minutes after 3pm for 2 hours')).rejects.toThrow(/would count from now/);
  });
});

describe('"later today", "later tonight": that part of today still to come; "eom", "eoy": the end of the month, of the year', () => {
  it.each([
    ['later today', '2026-11-22 18:00', "read 'later today' as 18:00"],
    ['remind me later today', '2026-11-22 18:00', "read 'later today' as 18:00"],
    ['later tonight', '2026-11-22 21:00', "read 'later tonight' as 21:00"],
    ['later this afternoon', '2026-11-22 15:00', "read 'later this afternoon' as 15:00"],
    ['later this evening', '2026-11-22 18:00', "read 'later this evening' as 18:00"],
    ['later today at 3pm', '2026-11-22 15:00', ''],
    ['eom', '2026-11-30 09:00', "read 'eom' as its last day at 09:00"],
    ['eom at 5pm', '2026-11-30 17:00', ''],
    ['eoy', '2026-12-31 09:00', "read 'eoy' as its last day at 09:00"],
  ])('%s', async (phrase, at, note) => {
    const read = await once(phrase);
    expect(read.at).toBe(at);
    expect(read.notes).toContain(note);
  });

  it('"later today" once 18:00 has gone by is refused, saying so', async () => {
    await expect(once('later today', { ...OPTIONS, now: Date.parse('2026-11-23T00:00:00Z') })).rejects.toThrow(/18:00 today has gone by/);
  });

  it('"until eom" ends a rule at the end of the month', async () => {
    const read = await schedule('every day until eom', 30);
    expect(read.fires.at(-1)).toBe('2026-11-30 09:00');
  });
});

describe('a rule said for today or tomorrow ("every hour today"): within that one day, said', () => {
  it.each([
    ['every hour today', 13, '2026-11-22 11:00', '2026-11-22 23:00', "read 'today' as within Sun 22 Nov, this once"],
    ['hourly today', 13, '2026-11-22 11:00', '2026-11-22 23:00', "read 'today' as within Sun 22 Nov"],
    ['every 2 hours tomorrow', 12, '2026-11-23 00:00', '2026-11-23 22:00', "read 'tomorrow' as within Mon 23 Nov, this once"],
    ['every hour between 9am and 5pm tomorrow', 9, '2026-11-23 09:00', '2026-11-23 17:00', "read 'tomorrow' as within Mon 23 Nov"],
    ['every hour from 9am to 5pm tomorrow', 9, '2026-11-23 09:00', '2026-11-23 17:00', "read 'tomorrow' as within Mon 23 Nov"],
    ['every 15 minutes tomorrow from 9am to 10am', 5, '2026-11-23 09:00', '2026-11-23 10:00', "read 'tomorrow' as within Mon 23 Nov"],
    ['at 3pm and 6pm tomorrow', 2, '2026-11-23 15:00', '2026-11-23 18:00', "read 'tomorrow' as within Mon 23 Nov"],
  ])('%s', async (phrase, count, first, last, note) => {
    const read = await schedule(phrase, 60);
    expect(read.fires).toHaveLength(count);
    expect([read.fires[0], read.fires.at(-1)]).toEqual([first, last]);
    expect(read.notes).toContain(note);
  });

  it.each([
    ['every hour until 5pm today', '2026-11-22 17:00'],
    ['every day starting tomorrow', '2026-11-23 09:00'],
  ])('a day said with an end or a start stays theirs: %s', async (phrase, fire) => {
    const read = await schedule(phrase, 60);
    expect(read.fires).toContain(fire);
    expect(read.notes).not.toMatch(/as within/);
  });

  it('one day alone is still one instant, not a repeating schedule', async () => {
    await expect(schedule('tomorrow at 9am')).rejects.toThrow(/is one instant/);
  });

  it.each(['daily at 9am tomorrow', 'every 30 minutes from 9 to 5 on weekdays tomorrow', 'every monday at 9am tomorrow'])(
    'a rule that names its days is not united with one day: %s',
    async (phrase) => {
      await expect(schedule(phrase)).rejects.toThrow();
    },
  );
});
