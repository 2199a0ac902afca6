import { describe, expect, it } from 'vitest';
import { meaningOf, meaningOfSchedule, type PhraseMeaning } from '../../src/time/index';
import { wallTime } from '../../src/time/zone';

/* Thursday 2026-12-03 15:00 UTC: 10:00 in New York. */
const NOW = Date.parse('2026-12-03T15:00:00Z');
const ZONE = 'America/New_York';

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** An instant as "2026-12-04 Fri 09:00" on a zone's clock, computed here, not by the code under test's formatter. */
const onClock = (iso: string, zone = ZONE) => {
  const w = wallTime(zone, Date.parse(iso));
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${WEEKDAY[w.weekday]} ${pad(w.hour)}:${pad(w.minute)}`;
};
const runsOf = (meaning: PhraseMeaning) => (meaning.type === 'one-time' ? [meaning.scheduled_at_iso] : meaning.next_runs).map((iso) => onClock(iso));
const untilOf = (meaning: PhraseMeaning) => (meaning.type === 'series' && meaning.until !== undefined ? onClock(meaning.until) : undefined);

describe('a month as an end is through its last day, the next such month that has not ended', () => {
  it.each([
    ['every day at 9am until december', '2026-12-31 Thu 23:59', "read 'december' as to the end of December (Thu 31 Dec 2026); give the day to end sooner, such as 'dec 15'"],
    ['every day at 9am through january', '2027-01-31 Sun 23:59', "read 'january' as to the end of January (Sun 31 Jan 2027); give the day to end sooner, such as 'jan 15'"],
    ['every friday through feb', '2027-02-28 Sun 23:59', "read 'feb' as to the end of February (Sun 28 Feb 2027); give the day to end sooner, such as 'feb 15'"],
    ['every monday until next march', '2027-03-31 Wed 23:59', "read 'next march' as to the end of March (Wed 31 Mar 2027); give the day to end sooner, such as 'mar 15'"],
  ])('%s ends %s', async (phrase, until, note) => {
    const meaning = await meaningOf(phrase, { now: NOW, zone: ZONE });
    expect([untilOf(meaning), meaning.notes]).toEqual([until, [note]]);
  });

  it('with its year it is that month, with no note', async () => {
    const meaning = await meaningOf('every day at 9am through jan 2027', { now: NOW, zone: ZONE });
    expect([untilOf(meaning), meaning.notes]).toEqual(['2027-01-31 Sun 23:59', []]);
  });

  it('every run of the last day of the month is kept', async () => {
    const meaning = await meaningOfSchedule('every day at 9am until december', { now: NOW, zone: ZONE }, 40);
    expect(runsOf(meaning).at(-1)).toBe('2026-12-31 Thu 09:00');
  });

  it('a month as a start is its first day, or now when it has begun', async () => {
    expect(runsOf(await meaningOf('every day starting january', { now: NOW, zone: ZONE }, 1))).toEqual(['2027-01-01 Fri 09:00']);
    const begun = await meaningOf('every day at noon starting december', { now: NOW, zone: ZONE }, 1);
    expect([runsOf(begun), begun.notes]).toEqual([['2026-12-03 Thu 12:00'], ["read 'december' as from now, as it has not ended"]]);
  });
});

describe('a start day that is today starts today', () => {
  it.each([
    ['every day at noon starting dec 3', '2026-12-03 Thu 12:00', "read 'dec 3' as today (Thu 3 Dec), as it has not ended"],
    ['every day at 9am starting december 3rd', '2026-12-04 Fri 09:00', "read 'december 3rd' as today (Thu 3 Dec), as it has not ended"],
    ['every day at noon starting thursday', '2026-12-03 Thu 12:00', "read 'thursday' as today (Thu 3 Dec), as it has not ended"],
    ['starting dec 3 every day at noon', '2026-12-03 Thu 12:00', "read 'dec 3' as today (Thu 3 Dec), as it has not ended"],
  ])('%s first runs %s', async (phrase, first, note) => {
    const meaning = await meaningOf(phrase, { now: NOW, zone: ZONE }, 1);
    expect([runsOf(meaning), meaning.notes]).toEqual([[first], [note]]);
  });

  it('"starting today" needs no note, and a day still ahead is that day', async () => {
    expect((await meaningOf('every day at 9am starting today', { now: NOW, zone: ZONE })).notes).toEqual([]);
    expect(runsOf(await meaningOf('every day at 9am starting monday', { now: NOW, zone: ZONE }, 1))).toEqual(['2026-12-07 Mon 09:00']);
  });

  it('a start day said relative to today that has ended is in the past', async () => {
    await expect(meaningOf('every day starting yesterday', { now: NOW, zone: ZONE })).rejects.toThrow('is in the past');
  });

  // A dated start stays where it was said, as a record read again later (sync) needs: the rule counts from it and runs from now, said.
  it.each([
    ['every day at 9am starting 2026-12-01', '2026-12-04 Fri 09:00'],
    ['every monday starting 2026-12-02', '2026-12-07 Mon 09:00'],
  ])('a dated start day that has ended runs from now, said: %s', async (phrase, first) => {
    const meaning = await meaningOf(phrase, { now: NOW, zone: ZONE }, 1);
    expect(runsOf(meaning)).toEqual([first]);
    expect(meaning.notes.join(' ')).toMatch(/which has passed: it runs from now/);
  });

  it('an end day that is today ends tonight', async () => {
    expect(untilOf(await meaningOf('every hour until dec 3', { now: NOW, zone: ZONE }))).toBe('2026-12-03 Thu 23:59');
    expect(untilOf(await meaningOf('every day at 9am until jan 1', { now: NOW, zone: ZONE }))).toBe('2027-01-01 Fri 23:59');
  });
});

describe('a window that crosses midnight belongs to the day it starts on', () => {
  it.each([
    ['America/New_York', ['0 3,4 * * 6', '0 5-7 * * 6']],
    ['UTC', ['0 22,23 * * 5', '0 0-2 * * 6']],
    ['Asia/Tokyo', ['0 13,14 * * 5', '0 15-17 * * 5']],
  ])('"every hour from 10pm to 2am on fridays" in %s is Friday night into Saturday', async (zone, crons) => {
    const meaning = await meaningOfSchedule('every hour from 10pm to 2am on fridays', { now: NOW, zone }, 6);
    expect(meaning.type === 'recurring' && meaning.cron_expressions).toEqual(crons);
    expect(meaning.type === 'recurring' && meaning.crons!.map((part) => part.local_cron)).toEqual(['0 22,23 * * 5', '0 0-2 * * 6']);
    expect(meaning.next_runs.map((iso) => onClock(iso, zone))).toEqual([
      '2026-12-04 Fri 22:00',
      '2026-12-04 Fri 23:00',
      '2026-12-05 Sat 00:00',
      '2026-12-05 Sat 01:00',
      '2026-12-05 Sat 02:00',
      '2026-12-11 Fri 22:00',
    ]);
  });

  it('on weekdays, Monday night to Saturday morning; as a series when a set cannot say it', async () => {
    const weekdays = await meaningOfSchedule('every 30 minutes from 11pm to 1am on weekdays', { now: NOW, zone: 'UTC' });
    expect(weekdays.type === 'recurring' && weekdays.cron_expressions).toEqual(['*/30 23 * * 1-5', '*/30 0 * * 2-6', '0 1 * * 2-6']);
    const series = await meaningOfSchedule('every 35 minutes from 9pm to 2am on fridays', { now: NOW, zone: 'UTC' }, 10);
    expect([series.type, series.description]).toEqual(['series', 'Every 35 minutes from 21:00 to 01:40, on Fridays (UTC)']);
    expect(series.next_runs.map((iso) => onClock(iso, 'UTC')).slice(5)).toEqual([
      '2026-12-04 Fri 23:55',
      '2026-12-05 Sat 00:30',
      '2026-12-05 Sat 01:05',
      '2026-12-05 Sat 01:40',
      '2026-12-11 Fri 21:00',
    ]);
  });

  it('on set dates it is refused, never folded into the same date', async () => {
    await expect(meaningOfSchedule('every hour from 10pm to 2am on the 1st', { now: NOW, zone: ZONE })).rejects.toThrow(/crosses midnight on set dates/);
  });
});

describe('"N times a day" is local times spread like "twice a day", said in a note', () => {
  it.each([
    ['twice a day', '0 9,21 * * *', ["read 'twice a day' as 09:00 and 21:00; name the times to choose them, such as 'every day at 8am and 8pm'"]],
    ['three times a day', '0 9,15,21 * * *', ["read 'three times a day' as 09:00, 15:00 and 21:00; name the times to choose them, such as 'every day at 9am, 1pm and 5pm'"]],
    ['5 times a day on weekdays', '0 9-21/3 * * 1-5', ["read '5 times a day' as 09:00, 12:00, 15:00, 18:00 and 21:00; name the times to choose them, such as 'every day at 9am, 1pm and 5pm'"]],
    ['8 times a day', '0 */3 * * *', ["read '8 times a day' as every 3 hours from 00:00; name the times to choose them, such as 'every day at 9am, 1pm and 5pm'"]],
    ['three times a day at 8am', '0 8,14,20 * * *', ["read 'three times a day' as 08:00, 14:00 and 20:00; name the times to choose them, such as 'every day at 9am, 1pm and 5pm'"]],
    ['three times a day at 8am, noon and 6pm', '0 8,12,18 * * *', []],
  ])('%s in New York is %s on its clock', async (phrase, local, notes) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: ZONE }, 3);
    expect([meaning.type === 'recurring' && meaning.local_cron, meaning.notes]).toEqual([local, notes]);
  });

  it('"three times a day" runs at those local times, converted to UTC', async () => {
    const meaning = await meaningOfSchedule('three times a day', { now: NOW, zone: ZONE }, 3);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('0 2,14,20 * * *');
    expect(runsOf(meaning)).toEqual(['2026-12-03 Thu 15:00', '2026-12-03 Thu 21:00', '2026-12-04 Fri 09:00']);
  });

  it('a start time starts the times, and a count the times do not match is refused', async () => {
    expect(runsOf(await meaningOf('three times a day starting tomorrow at 8', { now: NOW, zone: ZONE }, 3))).toEqual(['2026-12-04 Fri 08:00', '2026-12-04 Fri 14:00', '2026-12-04 Fri 20:00']);
    await expect(meaningOfSchedule('three times a day at 8am and 5pm', { now: NOW, zone: ZONE })).rejects.toThrow('says three times a day but gives 2 times');
  });
});

describe('a rule that steps by years or months finds runs decades ahead', () => {
  it.each([
    ['every 10 years', ['2027-01-01 Fri 09:00', '2037-01-01 Thu 09:00', '2047-01-01 Tue 09:00', '2057-01-01 Mon 09:00']],
    ['every 9 years on march 1', ['2027-03-01 Mon 09:00', '2036-03-01 Sat 09:00', '2045-03-01 Wed 09:00', '2054-03-01 Sun 09:00']],
    ['every 100 months', ['2027-01-01 Fri 09:00', '2035-05-01 Tue 09:00', '2043-09-01 Tue 09:00', '2052-01-01 Mon 09:00']],
    ['every 4 years on feb 29', ['2028-02-29 Tue 09:00', '2032-02-29 Sun 09:00', '2036-02-29 Fri 09:00', '2040-02-29 Wed 09:00']],
  ])('%s', async (phrase, runs) => {
    expect(runsOf(await meaningOfSchedule(phrase, { now: NOW, zone: ZONE }, 4))).toEqual(runs);
  });
});

describe('"every Nth <weekday>" is the nth of the month however it is spelt, said with the other reading', () => {
  it.each([
    ['every 2nd tuesday', 'every 2 weeks on tuesday', 'other'],
    ['every second tuesday', 'every 2 weeks on tuesday', 'other'],
    ['every 3rd friday', 'every 3 weeks on friday', 'third'],
    ['every third friday', 'every 3 weeks on friday', 'third'],
  ])('%s', async (phrase, other, which) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: ZONE }, 3);
    const [nth, day] = phrase.includes('tuesday') ? ['second', 'Tuesday'] : ['third', 'Friday'];
    expect(runsOf(meaning)).toEqual(
      day === 'Tuesday' ? ['2026-12-08 Tue 09:00', '2027-01-12 Tue 09:00', '2027-02-09 Tue 09:00'] : ['2026-12-18 Fri 09:00', '2027-01-15 Fri 09:00', '2027-02-19 Fri 09:00'],
    );
    expect(meaning.notes).toEqual([`read '${phrase}' as the ${nth} ${day} of every month; write '${other}' for every ${which} week`]);
  });

  it('"of the month" leaves no choice, and the other reading says its weeks', async () => {
    expect((await meaningOfSchedule('every second tuesday of the month', { now: NOW, zone: ZONE })).notes).toEqual([]);
    const weeks = await meaningOfSchedule('every 3 weeks on friday', { now: NOW, zone: ZONE }, 3);
    expect([weeks.description.split(',')[0], runsOf(weeks)]).toEqual(['Every 3 weeks on Friday at 09:00', ['2026-12-04 Fri 09:00', '2026-12-25 Fri 09:00', '2027-01-15 Fri 09:00']]);
  });
});

describe('vague counts, "only", and "runs" are read', () => {
  it.each([
    ['every couple of hours', 'every 2 hours', []],
    ['every few hours', 'every 3 hours', ["read 'few' as 3; give the number to choose another, such as 'every 4 hours'"]],
    ['Every 5 minutes, only on Friday', 'every 5 minutes on friday', []],
    ['At 05:30 AM, only on Monday', 'every monday at 5:30am', ["read 'At 05:30 AM, only on Monday' as repeating, each time it comes round, as --cron asks; for one time use --execute-at"]],
    ['weekdays only', 'weekdays', []],
    ['Runs every 15 minutes', 'every 15 minutes', []],
  ])('%s is %s', async (phrase, plain, notes) => {
    const [a, b] = await Promise.all([meaningOfSchedule(phrase, { now: NOW, zone: ZONE }), meaningOfSchedule(plain, { now: NOW, zone: ZONE })]);
    // (Where an interval's hours fall on this zone's clock is said apart, and tested apart.)
    const own = a.notes.filter((note) => !note.includes(' on the UTC clock, as an interval runs'));
    expect([a.type === 'recurring' && a.local_cron, runsOf(a), own]).toEqual([b.type === 'recurring' && b.local_cron, runsOf(b), notes]);
  });

  it('"every few days" is every 3 days, said', async () => {
    const meaning = await meaningOfSchedule('every few days', { now: NOW, zone: ZONE }, 3);
    expect(runsOf(meaning)).toEqual(['2026-12-04 Fri 09:00', '2026-12-07 Mon 09:00', '2026-12-10 Thu 09:00']);
    expect(meaning.notes[0]).toBe("read 'few' as 3; give the number to choose another, such as 'every 4 days'");
  });
});

describe('a month range after a comma keeps to the rule before it', () => {
  it.each([
    ['At 12:00 PM, only on Sunday and Saturday, March through November', '0 12 * 3-11 0,6'],
    ['every sunday at noon, march through november', '0 12 * 3-11 0'],
    ['at 9am on mondays, in june', '0 9 * 6 1'],
  ])('%s is %s (the months were a rule of their own, every day)', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' ? [meaning.cron_expression, meaning.cron_expressions] : meaning.type).toEqual([cron, undefined]);
  });
});

describe('a list of days of the month with a comma before its last "and"', () => {
  it.each([
    ['At 12:05 AM, on day 1, 15, and 20 of the month', '5 0 1,15,20 * *'],
    ['on day 1, 15, and 20 of the month at 9am', '0 9 1,15,20 * *'],
    ['at 9am on the 1st, 15th, and 20th', '0 9 1,15,20 * *'],
  ])('%s is %s (the last day was dropped, or read as 20:00)', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' ? [meaning.cron_expression, meaning.cron_expressions] : meaning.type).toEqual([cron, undefined]);
  });
});

describe('a phrase given as repeating that is one instant says so', () => {
  it.each([
    ['2nd tuesday next month at noon', '2027-01-12 12:00 EST'],
    ['the 3rd of next month at 2pm', '2027-01-03 14:00 EST'],
    // "tonight" is this night only, as "today at 5pm" is today: never every night.
    ['tonight at 8pm', '2026-12-03 20:00 EST'],
    ['tonight', '2026-12-03 21:00 EST'],
    ['remind me tonight at 9', '2026-12-03 21:00 EST'],
    ['Tonight at 11:30pm', '2026-12-03 23:30 EST'],
  ])('%s is one instant (%s): --execute-at, not a one-run series or "could not understand"', async (phrase, local) => {
    await expect(meaningOfSchedule(phrase, { now: NOW, zone: ZONE })).rejects.toThrow(`'${phrase}' is one instant (${local}), not a repeating schedule`);
  });
});

describe('a fifth weekday says the months without one are skipped', () => {
  it.each([
    ['every 5th friday', 'Friday', 'friday'],
    ['fifth monday of every month at 10am', 'Monday', 'monday'],
  ])('%s', async (phrase, name, word) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.notes).toContain(`months without a fifth ${name} (most of them) are skipped; for every month's last say 'the last ${word} of the month'`);
  });

  it('a fourth weekday, which every month has, says nothing of it', async () => {
    expect((await meaningOfSchedule('every 4th friday', { now: NOW, zone: 'UTC' })).notes.join(' ')).not.toContain('skipped');
  });
});

describe('29 February says the years without one are skipped', () => {
  it.each(['every year on feb 29', 'every 3 years on feb 29', 'every feb 29 at 9am'])('%s', async (phrase) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.notes).toContain("years without a 29 February (three in four) are skipped; for February's end every year say 'the last day of february'");
  });
});

describe('a year as a length, and the end of the year without "the"', () => {
  it.each([
    ['every monday for a year', '2027-12-03T15:00:00.000Z'],
    ['every day for 2 years', '2028-12-03T15:00:00.000Z'],
    ['every day at 9am until end of year', '2026-12-31T23:59:59.999Z'],
  ])('%s ends %s', async (phrase, until) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'series' ? meaning.until : meaning.type).toBe(until);
  });
});

describe('a minute past every hour', () => {
  it.each([
    ['at the top of every hour', '0 * * * *'],
    ['quarter past every hour', '15 * * * *'],
    ['at 15 minutes past each hour', '15 * * * *'],
    ['10 minutes past each hour on weekdays', '10 * * * 1-5'],
    // Beside a window, the minute is kept (it fired on the hour, to 17:00).
    ['every hour at :30 between 9am and 5pm', '30 9-16 * * *'],
    ['half past every hour between 9am and 5pm', '30 9-16 * * *'],
    ['every 2 hours at :30 from 9 to 17', '30 9-15/2 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' ? [meaning.cron_expression, meaning.cron_expressions] : meaning.type).toEqual([cron, undefined]);
  });
});

describe('"once a ..." counts its runs as "twice" and "three times" do', () => {
  it.each([
    ['once a day at 9am and 5pm', 'says once a day but gives 2 times', "Give one time, or say how often, such as 'twice a day'."],
    ['once daily at 9am and 9pm', 'says once daily but gives 2 times', "such as 'twice a day'"],
    ['once a week on monday at 9 and 5', 'says once a week but gives 2 times', 'Give one time.'],
    ['once a week on monday and friday', 'says once a week but names 2 days', "Name one, or say how often, such as 'twice a week'."],
    ['once a week on weekdays', 'says once a week but names 5 days', "such as '5 times a week'"],
    ['once a month on the 1st and 15th', 'says once a month but names 2 days', "such as 'twice a month'"],
    ['once a month on the first monday and third friday', 'says once a month but names 2 days', "such as 'twice a month'"],
    ['once a year on march 1st and september 1st', 'says once a year but names 2 days', "such as 'twice a year'"],
    ['once a year in june and july', 'says once a year but names 2 months', "such as 'twice a year'"],
    ['twice daily at 9 and 9', 'says twice daily but gives 1 time', 'Give 2 times'],
  ])('%s is refused', async (phrase, message, hint) => {
    const error = await meaningOfSchedule(phrase, { now: NOW, zone: ZONE }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`'${phrase}' ${message}`);
    expect((error as { hint?: string }).hint).toContain(hint);
  });

  it.each([
    ['once a day', '0 9 * * *'],
    ['once a day at 9am on weekdays', '0 9 * * 1-5'],
    ['once a week on sunday', '0 9 * * 0'],
    ['once a week at 9am', '0 9 * * 1'],
    ['once a month on the 15th', '0 9 15 * *'],
    ['once a year on march 1st', '0 9 1 3 *'],
  ])('%s, one run in each, is read', async (phrase, local) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: ZONE }, 1);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(local);
  });
});

describe('a start or end date whose day this year has just passed', () => {
  /* Wednesday 2026-12-02 10:30 in New York: 1 December was yesterday. */
  const DEC_2 = Date.parse('2026-12-02T15:30:00Z');
  // The nearer of this year's and next year's is meant: this year's, gone by a day.
  const said = "read 'dec 1' as Tue 1 Dec 2026, which has passed: it runs from now; give the year for Wed 1 Dec 2027";

  it.each([
    ['every day at 9am starting dec 1', '2026-12-03 Thu 09:00'],
    // Counted from the start said: 1, 4, 7 December.
    ['every 3 days starting dec 1', '2026-12-04 Fri 09:00'],
    ['every day starting dec 1 at 8am', '2026-12-03 Thu 08:00'],
  ])('%s has started: it runs from now, said in a note', async (phrase, first) => {
    const meaning = await meaningOf(phrase, { now: DEC_2, zone: ZONE }, 1);
    expect(runsOf(meaning)).toEqual([first]);
    expect(meaning.notes.filter((note) => note.includes('has passed'))).toEqual([said]);
  });

  it('every day at 9am until dec 1 has ended: refused', async () => {
    await expect(meaningOf('every day at 9am until dec 1', { now: DEC_2, zone: ZONE }, 1)).rejects.toThrow("the end 'dec 1' is in the past (Tue 1 Dec 2026)");
  });

  it.each(['every day at 9am until jan 5', 'every day at 9am until dec 24', 'every day at 9am until dec 1 2027'])('%s, plainly the coming date or with its year, has no such note', async (phrase) => {
    const meaning = await meaningOf(phrase, { now: DEC_2, zone: ZONE }, 1);
    expect(meaning.notes.filter((note) => note.includes('has passed'))).toEqual([]);
  });
});
