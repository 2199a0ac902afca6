import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Recurring families: "every N months" from its next run, days of the week
 * "every month", lists of nth weekdays, unions of times on different days.
 * Fires are compared as local dates, worked out here from the calendar.
 */
const OPTIONS = { now: Date.parse('2026-11-18T16:00:00Z'), zone: 'America/New_York' };

async function localFires(phrase: string, count = 6): Promise<string[]> {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, count);
  return meaning.next_runs_local.map((local) => local.slice(0, 16));
}

describe('every N months counts from its next run', () => {
  it.each([
    ['every other month on the 4th', ['2026-12-04 09:00', '2027-02-04 09:00', '2027-04-04 09:00']],
    ['every 3 months on the 4th', ['2026-12-04 09:00', '2027-03-04 09:00', '2027-06-04 09:00']],
    ['every 2 months on the 20th at 6pm', ['2026-11-20 18:00', '2027-01-20 18:00', '2027-03-20 18:00']],
    ['every 6 months', ['2026-12-01 09:00', '2027-06-01 09:00', '2027-12-01 09:00']],
  ])('%s', async (phrase, fires) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
    // Sent as crons: the first fires are at the local times asked for (later ones move with DST until sync).
    expect(meaning.next_runs_local.map((local) => local.slice(0, 10))).toEqual(fires.map((fire) => fire.slice(0, 10)));
    expect(meaning.next_runs_local[0]!.slice(0, 16)).toBe(fires[0]);
    expect(meaning.notes.join(' ')).toMatch(/gives no start/);
  });

  it('quarterly and semiannually keep the calendar quarters and halves', async () => {
    expect((await localFires('quarterly', 2)).map((fire) => fire.slice(0, 10))).toEqual(['2027-01-01', '2027-04-01']);
    expect((await localFires('semiannually', 2)).map((fire) => fire.slice(0, 10))).toEqual(['2027-01-01', '2027-07-01']);
  });
});

describe('days of the week every month', () => {
  it('several days are those days in every month', async () => {
    expect(await localFires('every month on monday through wednesday at midnight', 4)).toEqual(['2026-11-23 00:00', '2026-11-24 00:00', '2026-11-25 00:00', '2026-11-30 00:00']);
  });

  it.each(['monthly on fridays at 5pm', 'every 2 months on mondays'])('%s is refused: which week is not said', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/cannot say which week/);
  });
});

describe('a 24-hour clock with h', () => {
  it.each([
    ['15h', '2026-11-18 15:00'],
    ['09h', '2026-11-19 09:00'],
    ['in 15h', '2026-11-19 02:00'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).local.slice(0, 16)).toBe(local);
  });

  it('a small number of hours stays a duration, with a note', async () => {
    const meaning = await meaningOfOnce('2h', OPTIONS);
    expect(meaning.local.slice(0, 16)).toBe('2026-11-18 13:00');
    expect(meaning.notes.join(' ')).toMatch(/duration/);
  });
});

/** Every local date from 19 Nov 2026 through `until` that `accepts` (weekday 0 = Sunday, `last` = the month's length). */
function datesWhere(until: string, accepts: (day: number, weekday: number, last: number, month: number) => boolean): string[] {
  const dates: string[] = [];
  for (let t = Date.UTC(2026, 10, 19); t <= Date.parse(until); t += 86_400_000) {
    const d = new Date(t);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    if (accepts(d.getUTCDate(), d.getUTCDay(), last, d.getUTCMonth() + 1)) dates.push(d.toISOString().slice(0, 10));
  }
  return dates;
}

const nthOf = (day: number) => Math.ceil(day / 7);
const nthFromEnd = (day: number, last: number) => Math.ceil((last - day + 1) / 7);
const isWorkday = (weekday: number) => weekday >= 1 && weekday <= 5;

describe('lists of nth weekdays, and weekdays counted in the month', () => {
  it.each([
    ['every 2nd and 4th tuesday', (day: number, weekday: number) => weekday === 2 && (nthOf(day) === 2 || nthOf(day) === 4)],
    ['first and third friday of each month', (day: number, weekday: number) => weekday === 5 && (nthOf(day) === 1 || nthOf(day) === 3)],
    ['2nd and last fri of each month', (day: number, weekday: number, last: number) => weekday === 5 && (nthOf(day) === 2 || nthFromEnd(day, last) === 1)],
    ['every 1st, 3rd and last monday', (day: number, weekday: number, last: number) => weekday === 1 && (nthOf(day) === 1 || nthOf(day) === 3 || nthFromEnd(day, last) === 1)],
    ['every 10th and last friday of the month', (day: number, weekday: number, last: number) => day === 10 || (weekday === 5 && nthFromEnd(day, last) === 1)],
    ['last weekday of the month', (day: number, weekday: number, last: number) => isWorkday(weekday) && !datesAfterInMonth(day, weekday, last).some(isWorkday)],
    ['first business day of every month', (day: number, weekday: number) => isWorkday(weekday) && !datesBeforeInMonth(day, weekday).some(isWorkday)],
    ['every year on the fourth thursday in november', (day: number, weekday: number, _last: number, month: number) => month === 11 && weekday === 4 && nthOf(day) === 4],
  ])('%s fires on exactly its days', async (phrase, accepts) => {
    const fires = await localFires(phrase, 14);
    const until = `${fires.at(-1)!.slice(0, 10)}T00:00:00Z`;
    expect(fires.map((fire) => fire.slice(0, 10))).toEqual(datesWhere(until, accepts));
    expect(new Set(fires.map((fire) => fire.slice(11)))).toEqual(new Set(['09:00']));
  });

  it('counts an nth weekday of every N months from its next month', async () => {
    expect((await localFires('first friday of every other month', 3)).map((fire) => fire.slice(0, 10))).toEqual(['2026-12-04', '2027-02-05', '2027-04-02']);
  });

  it('refuses two nth weekdays side by side without "and"', async () => {
    await expect(meaningOfSchedule('first monday of the month last friday of the month', OPTIONS)).rejects.toThrow(/two weekdays counted in the month/);
  });
});

/** The weekdays of the days after `day` in its month. */
function datesAfterInMonth(day: number, weekday: number, last: number): number[] {
  return Array.from({ length: last - day }, (_, k) => (weekday + k + 1) % 7);
}

/** The weekdays of the days before `day` in its month. */
function datesBeforeInMonth(day: number, weekday: number): number[] {
  return Array.from({ length: day - 1 }, (_, k) => (((weekday - k - 1) % 7) + 7) % 7);
}

describe('times with their own days', () => {
  it.each(['at 10am on mondays and 2pm on fridays', 'at 10am on mondays and at 2pm on fridays', 'mondays at 10am and fridays at 2pm'])('%s fires each time on its own days', async (phrase) => {
    expect(await localFires(phrase, 4)).toEqual(['2026-11-20 14:00', '2026-11-23 10:00', '2026-11-27 14:00', '2026-11-30 10:00']);
  });

  it.each(['every monday at 9 and 5 on fridays', 'on the 1st at 9am and 5pm on the 15th', 'every weekday at 9am and 1pm weekends'])(
    '%s, days said twice with times between, is refused',
    async (phrase) => {
      await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/twice, apart/);
    },
  );

  it.each(['every mon wed fri', 'every monday, wednesday, friday', 'every monday wednesday and friday at 9am'])('%s, days side by side, is a list', async (phrase) => {
    expect((await localFires(phrase, 3)).map((fire) => fire.slice(0, 10))).toEqual(['2026-11-20', '2026-11-23', '2026-11-25']);
  });
});

describe('a count said in the phrase', () => {
  it.each([
    ['every day for 4 times', 4],
    ['every day for 5 occurrences', 5],
    ['every other friday for 5 times', 5],
    ['every week for 20 times', 20],
    ['fridays 3x', 3],
    ['every day 10 times', 10],
    ['every day x 3 at 9am', 3],
    ['every day x 2 @ 5pm', 2],
  ])('%s is a series of exactly that many runs', async (phrase, count) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 100);
    expect(meaning.type).toBe('series');
    expect(meaning.type === 'series' && meaning.count).toBe(count);
    expect(meaning.next_runs).toHaveLength(count);
  });

  it.each([
    ['every day 3 times', "read '3 times' as 3 fires in all, not 3 each day"],
    ['daily 3x', "read '3x' as 3 fires in all, not 3 each day"],
    ['every day x 2', "read 'x 2' as 2 fires in all, not 2 each day"],
    ['daily x2', "read 'x2' as 2 fires in all, not 2 each day"],
    ['every week three times', "read 'three times' as 3 fires in all, not 3 each week"],
    ['every hour 4 times', "read '4 times' as 4 fires in all, not 4 each hour"],
  ])('%s could be that many each period: read as a count, said', async (phrase, note) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 10);
    expect(meaning.type === 'series' && meaning.count).toBe(Number(/\d+/.exec(note)![0]));
    expect(meaning.notes).toContain(note);
  });

  it.each([
    ['every weekday at 9am and 5pm 3 times', 3],
    ['every monday and wednesday 4 times', 4],
  ])('%s counts every day and time the rule names, said', async (phrase, count) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 10);
    expect(meaning.type === 'series' && meaning.count).toBe(count);
    expect(meaning.notes).toContain(`read '${count} times' as ${count} fires in all, counting every day and time the rule names`);
  });

  it.each(['every day for 3 times', 'every day, 3 times', 'every monday 5 times', 'every monday, starting dec 1, 3 times', 'every day ends after 4 occurrences'])(
    '%s is a count only: no note',
    async (phrase) => {
      expect((await meaningOfSchedule(phrase, OPTIONS, 10)).notes ?? []).toEqual([]);
    },
  );
});

describe('"half three" (British half past)', () => {
  it.each([
    ['half three', '2026-11-18 15:30'],
    ['half seven pm', '2026-11-18 19:30'],
    ['half 10 tonight', '2026-11-18 22:30'],
    ['half past three', '2026-11-18 15:30'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).local.slice(0, 16)).toBe(local);
  });

  it('"half an hour" stays a duration', async () => {
    expect((await meaningOfOnce('in half an hour', OPTIONS)).local.slice(0, 16)).toBe('2026-11-18 11:30');
  });

  it('reads the same in a repeating phrase', async () => {
    expect(await localFires('every day at half five', 2)).toEqual(['2026-11-18 17:30', '2026-11-19 17:30']);
  });
});

describe('days of a month in a list, and work days', () => {
  it.each(['every 20th and 30th of aug', 'the 20th and 30th of august', 'every aug 20 and 30', 'every aug 20th and 30th'])('%s fires on both days of August', async (phrase) => {
    expect((await localFires(phrase, 4)).map((fire) => fire.slice(0, 10))).toEqual(['2027-08-20', '2027-08-30', '2028-08-20', '2028-08-30']);
  });

  it.each(['every year on 20 and 30 aug', 'on 20, 30 august', 'every 20 and 30 of august at 9am', 'every 20 and 30 august'])(
    '%s: days before their month, each its day (not hours)',
    async (phrase) => {
      expect(await localFires(phrase, 4)).toEqual(['2027-08-20 09:00', '2027-08-30 09:00', '2028-08-20 09:00', '2028-08-30 09:00']);
    },
  );

  it('11:34 on 13 and 16 june: those two days at 11:34', async () => {
    expect(await localFires('11:34 on 13 and 16 june', 3)).toEqual(['2027-06-13 11:34', '2027-06-16 11:34', '2028-06-13 11:34']);
  });

  it.each(['the 4th of every other month', 'every other month on the 4th'])('%s counts from the next 4th', async (phrase) => {
    expect((await localFires(phrase, 3)).map((fire) => fire.slice(0, 10))).toEqual(['2026-12-04', '2027-02-04', '2027-04-04']);
  });

  it.each(['every work day', 'every working day', 'every business day'])('%s is Monday to Friday', async (phrase) => {
    expect((await localFires(phrase, 5)).map((fire) => fire.slice(0, 10))).toEqual(['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25']);
  });
});

describe('days counted from the end of the month', () => {
  it.each([
    ['every month on the 4th last', 4],
    ['2nd last day of the month', 2],
    ['3rd last day of every month', 3],
  ])('%s', async (phrase, fromEnd) => {
    const fires = await localFires(phrase, 6);
    const until = `${fires.at(-1)!.slice(0, 10)}T00:00:00Z`;
    expect(fires.map((fire) => fire.slice(0, 10))).toEqual(datesWhere(until, (day, _weekday, last) => day === last + 1 - fromEnd));
  });
});

describe('spellings', () => {
  it.each([
    ['this week-end', '2026-11-21 09:00'],
    ['20th of the current month', '2026-11-20 09:00'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).local.slice(0, 16)).toBe(local);
  });
});

describe('one day left out', () => {
  it.each([
    ['daily except for tomorrow', '2026-11-19'],
    ['every day at 9am except dec 25', '2026-12-25'],
    ['every 8 hours except tomorrow', '2026-11-19'],
  ])('%s never runs on %s and runs as the rule otherwise', async (phrase, day) => {
    // Up to 60 runs: all before the clocks change in March, where the rule's own cron would move.
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 60);
    expect(meaning.type).toBe('series');
    const days = meaning.next_runs_local.map((local) => local.slice(0, 10));
    expect(days).not.toContain(day);
    const rule = await meaningOfSchedule(phrase.replace(/ except.*$/, ''), OPTIONS, 100);
    const expected = rule.next_runs_local.filter((local) => !local.startsWith(day)).slice(0, 60);
    expect(meaning.next_runs_local).toEqual(expected);
  });

  it.each([
    ['every day at 9am except dec 24 and dec 25', ['2026-12-24', '2026-12-25']],
    ['daily except on march 6th and march 8th', ['2027-03-06', '2027-03-08']],
    ['every day at 9am except tomorrow, dec 1 & dec 2', ['2026-11-19', '2026-12-01', '2026-12-02']],
  ])('%s: several days left out, each once', async (phrase, days) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 120);
    expect(meaning.type).toBe('series');
    const runs = meaning.next_runs_local.map((local) => local.slice(0, 10));
    expect(runs.at(-1)! > days.at(-1)!).toBe(true);
    for (const day of days) expect(runs).not.toContain(day);
    // Runs as the rule otherwise (compared up to the clocks' change in March, where the rule's own cron would move).
    const rule = await meaningOfSchedule(phrase.replace(/ except.*$/, ''), OPTIONS, 140);
    const expected = rule.next_runs_local.filter((local) => !days.includes(local.slice(0, 10)) && local < '2027-03-14');
    expect(meaning.next_runs_local.slice(0, expected.length)).toEqual(expected);
  });

  it('a list with a part that is no one day ("except dec 24 and 25") is not taken as days', async () => {
    await expect(meaningOfSchedule('every day at 9am except dec 24 and 25', OPTIONS)).rejects.toThrow(/Could not understand/);
  });

  it('a day that could recur ("except the 25th") is not taken as one day: it is every month\'s', async () => {
    const meaning = await meaningOfSchedule('every day except the 25th', OPTIONS);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe('0 9 1-24,26-31 * *');
  });

  it.each(['every day except sunday', 'daily except weekends', 'every weekday except friday'])('%s leaves out days of the week, as a cron', async (phrase) => {
    expect((await meaningOfSchedule(phrase, OPTIONS)).type).toBe('recurring');
  });
});

describe("a weekday's night in its small hours is the next day, as the one-time reader reads it", () => {
  // Wednesday 18 November 2026, New York: Friday 20, Saturday 21, Sunday 22, Monday 23.
  it.each([
    ['every friday night at 1am', '2026-11-21 01:00 EST', "read 'every friday night at 1am' as 01:00 on Saturday, the night after Friday; write 'every friday at 01:00' for the small hours before it"],
    ['every sunday night at 2', '2026-11-23 02:00 EST', "read 'every sunday night at 2' as 02:00 on Monday, the night after Sunday; write 'every sunday at 02:00' for the small hours before it"],
    [
      'every friday night at midnight',
      '2026-11-21 00:00 EST',
      "read 'every friday night at midnight' as 00:00 on Saturday, the night after Friday; write 'every friday at 00:00' for the small hours before it",
    ],
    [
      'every friday evening at 12',
      '2026-11-21 00:00 EST',
      "read 'every friday evening at 12' as 00:00 on Saturday, the night after Friday; write 'every friday at 00:00' for the small hours before it",
    ],
    ['every friday at midnight', '2026-11-20 00:00 EST', "read 'midnight' as 00:00 as each Friday begins; write 'every saturday at midnight' for midnight at its end"],
  ])('%s', async (phrase, first, note) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 2);
    expect(meaning.next_runs_local[0]).toBe(first);
    expect(meaning.notes).toContain(note);
    expect((await meaningOfOnce(phrase.replace('every ', ''), OPTIONS)).local).toBe(first);
  });

  it('"at night" said with the clock is the same night; a day of the month\'s night is refused, once, not shifted twice', async () => {
    expect((await meaningOfSchedule('every friday at 1 at night', OPTIONS, 1)).next_runs_local[0]).toBe('2026-11-21 01:00 EST');
    for (const phrase of ['every monday and the 1st at night at 1am', 'every friday the 13th night at 1am', 'the last friday of every month at night 1am']) {
      await expect(meaningOfSchedule(phrase, OPTIONS, 1), phrase).rejects.toThrow('puts a time in the small hours after a day of the month');
    }
  });

  it('an evening at 12:30 says 00:30', async () => {
    const meaning = await meaningOfSchedule('every monday evening at 12:30', OPTIONS, 1);
    expect(meaning.next_runs_local[0]).toBe('2026-11-24 00:30 EST');
    expect(meaning.notes[0]).toBe("read '12:30' in the evening as 00:30, after midnight as the evening ends; for 12:30 after noon, write '12:30 pm' without 'evening'");
  });

  it('an evening time keeps its day; times either side of midnight, and weekday or weekend nights, are refused', async () => {
    expect((await meaningOfSchedule('every friday night at 11pm', OPTIONS, 1)).next_runs_local[0]).toBe('2026-11-20 23:00 EST');
    await expect(meaningOfSchedule('every friday night at 11pm and 1am', OPTIONS, 1)).rejects.toThrow('names times on both sides of midnight of one night');
    await expect(meaningOfSchedule('every weekday night at 1am', OPTIONS, 1)).rejects.toThrow('leaves the nights open');
    await expect(meaningOfSchedule('every weekend night at 2am', OPTIONS, 1)).rejects.toThrow('leaves the nights open');
  });
});

describe('a list of times after one on the 24-hour clock', () => {
  it.each([
    ['every day at 20:00 and 8:00', '0 8,20 * * *', "read '8:00' as 08:00, on the 24-hour clock like '20:00'; write '8:00 pm' or 20:00 for the evening"],
    ['every day at 18:00 and 9:00', '0 9,18 * * *', "read '9:00' as 09:00, on the 24-hour clock like '18:00'; write '9:00 pm' or 21:00 for the evening"],
    // Its afternoon would be no later: the rule for a bare hour decides.
    ['every day at 8pm and 8', '0 8,20 * * *', "read '8' as 08:00; write '8 pm' or 20:00 for the evening"],
  ])('%s', async (phrase, cron, note) => {
    const meaning = await meaningOfSchedule(phrase, { now: OPTIONS.now, zone: 'UTC' }, 1);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(cron);
    expect(meaning.notes).toEqual([note]);
  });
});

describe('monthly on several weekdays', () => {
  it('is each of those days in every month (as an RRULE says it), noted', async () => {
    const meaning = await meaningOfSchedule('monthly on tue and fri', { now: OPTIONS.now, zone: 'UTC' }, 1);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe('0 9 * * 2,5');
    expect(meaning.notes).toEqual(["read 'monthly on tue and fri' as every Tuesday and Friday of every month; for one day a month say which, such as 'first tuesday of the month'"]);
  });
});

describe('a start or an end without its year that passed days ago', () => {
  // Wednesday 18 November 2026.
  it('a start is already under way: the rule runs from now, noted (not a year on)', async () => {
    const meaning = await meaningOfSchedule('every monday starting nov 16', OPTIONS, 2);
    expect(meaning.next_runs_local).toEqual(['2026-11-23 09:00 EST', '2026-11-30 09:00 EST']);
    expect(meaning.notes).toContain("read 'nov 16' as Mon 16 Nov 2026, which has passed: it runs from now; give the year for Tue 16 Nov 2027");
  });

  it('an end has passed: refused, not a year on, also as the end of a span of days', async () => {
    await expect(meaningOfSchedule('every day at 9am until nov 15', OPTIONS, 2)).rejects.toThrow("the end 'nov 15' is in the past (Sun 15 Nov 2026): the schedule would have ended");
    await expect(meaningOfSchedule('every day from nov 1 to nov 15', OPTIONS, 2)).rejects.toThrow(
      "'every day from nov 1 to nov 15': the end 'nov 15' is in the past (Sun 15 Nov 2026): the schedule would have ended",
    );
  });

  it("a weekday counted in the month is this year's own day, not next year's date a year back", async () => {
    // The last Friday of October 2026 was the 30th (of 2027, the 29th).
    const meaning = await meaningOfSchedule('every 3 days starting the last friday of october', OPTIONS, 2);
    expect(meaning.notes).toContain("read 'the last friday of october' as Fri 30 Oct 2026, which has passed: it runs from now; give the year for Fri 29 Oct 2027");
    expect(meaning.next_runs_local).toEqual(['2026-11-20 09:00 EST', '2026-11-23 09:00 EST']);
  });

  it('one nearer next year than gone is next year, as before', async () => {
    const meaning = await meaningOfSchedule('every day at 9am until jan 15', OPTIONS, 1);
    expect(meaning.next_runs_local).toEqual(['2026-11-19 09:00 EST']);
  });
});

describe('five words are a cron only when its first three fields hold numbers or wildcards', () => {
  it('a window said with a dash is read as a phrase, not as a cron with a month field "at"', async () => {
    await expect(meaningOfSchedule('10 - 11 at night', OPTIONS, 1)).rejects.toThrow('A window needs an interval');
  });
});

describe('a season named in a repeating phrase', () => {
  it.each([
    ['every day at 9am EDT', 'EDT', 'America/New_York', '0 14 * * *'],
    ['every weekday at 9am CET', 'CET', 'Europe/Paris', '0 8 * * 1-5'],
  ])('%s follows the zone through both seasons, and says so', async (phrase, said, zone, cron) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 1);
    expect('cron_expression' in meaning && meaning.cron_expression).toBe(cron);
    expect(meaning.timezone).toBe(zone);
    expect(meaning.notes).toContain(
      `read ${said} as the clock of ${zone}, which changes with the seasons: the schedule follows that clock (sync keeps it there across each change), not one season's offset`,
    );
  });

  it('a zone with one clock all year needs no note', async () => {
    expect((await meaningOfSchedule('every day at 9am JST', OPTIONS, 1)).notes).toEqual([]);
    expect((await meaningOfSchedule('every day at 9am India Standard Time', OPTIONS, 1)).notes).toEqual([]);
  });
});

describe('two parts of the day, each with its time', () => {
  it.each([
    ['every morning at 8 and evening at 6', ['2026-11-18 18:00', '2026-11-19 08:00', '2026-11-19 18:00', '2026-11-20 08:00']],
    ['every weekday morning at 8 and evening at 6', ['2026-11-18 18:00', '2026-11-19 08:00', '2026-11-19 18:00', '2026-11-20 08:00', '2026-11-20 18:00', '2026-11-23 08:00']],
    ['every monday morning at 9 and afternoon at 3', ['2026-11-23 09:00', '2026-11-23 15:00', '2026-11-30 09:00']],
  ])('%s fires at both, on the days said first', async (phrase, fires) => {
    expect(await localFires(phrase, fires.length)).toEqual(fires);
  });

  it('after an interval of days the two parts would be counted apart, so it is refused', async () => {
    await expect(meaningOfSchedule('every other day in the morning at 8 and evening at 6', OPTIONS, 3)).rejects.toThrow(/two parts of the day/);
  });
});

describe('a month said with the last of several rules', () => {
  it('bounds that rule alone, and says so', async () => {
    const meaning = await meaningOfSchedule('weekdays at 8am and weekends at 10am in december', OPTIONS, 4);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2026-11-19 08:00', '2026-11-20 08:00', '2026-11-23 08:00', '2026-11-24 08:00']);
    expect(meaning.notes).toContain("read 'in December' as bounding only the last rule, said with it; to bound every rule, say it with each");
  });
});

describe('minutes in words after an hour in digits', () => {
  it.each([
    ['every day at 9 fifteen', ['2026-11-19 09:15', '2026-11-20 09:15']],
    ['every monday at 4 twenty', ['2026-11-23 16:20', '2026-11-30 16:20']],
    ['every day at 6 forty five pm', ['2026-11-18 18:45', '2026-11-19 18:45']],
    ['every day at 7 oh five', ['2026-11-19 07:05', '2026-11-20 07:05']],
  ])('%s is one time, not two', async (phrase, fires) => {
    expect(await localFires(phrase, 2)).toEqual(fires);
  });

  it('a one-time phrase reads them the same way', async () => {
    expect((await meaningOfOnce('tomorrow at 9 fifteen', OPTIONS)).local.slice(0, 16)).toBe('2026-11-19 09:15');
  });
});

describe('a part of the day after a list of times covers them all', () => {
  it.each([
    ['every day at 1 and 3 in the morning', ['2026-11-19 01:00', '2026-11-19 03:00']],
    ['every day at 7 and 8 in the evening', ['2026-11-18 19:00', '2026-11-18 20:00']],
    ['every day at 9 and 11 at night', ['2026-11-18 21:00', '2026-11-18 23:00']],
  ])('%s', async (phrase, fires) => {
    expect(await localFires(phrase, 2)).toEqual(fires);
  });
});

describe('a bare number after days that repeat is their time', () => {
  it.each([
    ['every monday 10', ['2026-11-23 10:00', '2026-11-30 10:00'], "read '10' as 10:00; write '10 pm' or 22:00 for the evening"],
    ['every friday 4', ['2026-11-20 16:00', '2026-11-27 16:00'], "read '4' as 16:00; write '4 am' or 04:00 for the morning"],
    ['every day 9', ['2026-11-19 09:00', '2026-11-20 09:00'], "read '9' as 09:00; write '9 pm' or 21:00 for the evening"],
    ['each weekday 8', ['2026-11-19 08:00', '2026-11-20 08:00'], "read '8' as 08:00; write '8 pm' or 20:00 for the evening"],
    ['every monday and friday 10', ['2026-11-20 10:00', '2026-11-23 10:00'], "read '10' as 10:00; write '10 pm' or 22:00 for the evening"],
  ])('%s', async (phrase, fires, note) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 2);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(fires);
    expect(meaning.notes).toEqual([note]);
  });
});

describe('bare numbers that are days of the month', () => {
  it.each([
    ['every month on 15', ['2026-12-15 09:00', '2027-01-15 09:00'], ["read '15' as the 15th of the month; write 'at 15:00' for the time"]],
    ['monthly on 20', ['2026-11-20 09:00', '2026-12-20 09:00'], ["read '20' as the 20th of the month; write 'at 20:00' for the time"]],
    ['every 10th and 20', ['2026-11-20 09:00', '2026-12-10 09:00'], ["read '20' as the 20th of the month; write 'at 20:00' for the time"]],
    ['every 5 and 20 of the month', ['2026-11-20 09:00', '2026-12-05 09:00'], ["read 'every 5' as day 5 of every month; write 'every 5 minutes' for an interval"]],
    ['every month 15', ['2026-12-15 09:00', '2027-01-15 09:00'], ["read '15' as the 15th of the month; write 'at 15:00' for the time"]],
    ['monthly 20 at 8am', ['2026-11-20 08:00', '2026-12-20 08:00'], ["read '20' as the 20th of the month; write 'at 20:00' for the time"]],
    ['every month 10 in the morning', ['2026-12-01 10:00', '2027-01-01 10:00'], []],
    ['every 2 months 15', ['2026-12-15 09:00', '2027-02-15 09:00'], ["read '15' as the 15th of the month; write 'at 15:00' for the time", expect.stringContaining('the phrase gives no start')]],
    ['every month 0', ['2026-12-01 00:00', '2027-01-01 00:00'], []],
  ])('%s', async (phrase, fires, notes) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 2);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(fires);
    expect(meaning.notes).toEqual(notes);
  });
});

describe('days after a comma limit the rule before them', () => {
  // Wed 18 Nov 2026 11:00 in New York: the next weekday fires are Thu 19, Fri 20, Mon 23.
  it.each([
    ['every day at 9am, monday through friday', ['2026-11-19 09:00', '2026-11-20 09:00', '2026-11-23 09:00']],
    ['daily at 8:30am, mon-fri', ['2026-11-19 08:30', '2026-11-20 08:30', '2026-11-23 08:30']],
    ['every day at noon, saturdays and sundays', ['2026-11-21 12:00', '2026-11-22 12:00', '2026-11-28 12:00']],
    ['every day at 9am, only on weekdays', ['2026-11-19 09:00', '2026-11-20 09:00', '2026-11-23 09:00']],
    ['daily, weekdays only', ['2026-11-19 09:00', '2026-11-20 09:00', '2026-11-23 09:00']],
    ['every day, monday to friday, at 9am', ['2026-11-19 09:00', '2026-11-20 09:00', '2026-11-23 09:00']],
    ['every weekday at 9am, only on mondays and fridays', ['2026-11-20 09:00', '2026-11-23 09:00', '2026-11-27 09:00']],
  ])('%s', async (phrase, fires) => {
    expect(await localFires(phrase, 3)).toEqual(fires);
  });

  it('days of the week limiting days of the month are refused as a cron cannot say them, never fired on either', async () => {
    await expect(meaningOfSchedule('on the 1st, but only on weekdays', OPTIONS, 3)).rejects.toThrow(/days of the month and days of the week together/);
    await expect(meaningOfSchedule('every 15th, weekdays only', OPTIONS, 3)).rejects.toThrow(/days of the month and days of the week together/);
  });

  it('days with a time of their own after a timed rule are a rule of their own', async () => {
    expect(await localFires('every day at 9am, weekends at 10am', 4)).toEqual(['2026-11-19 09:00', '2026-11-20 09:00', '2026-11-21 09:00', '2026-11-21 10:00']);
  });
});

describe('midnight on days said by date', () => {
  it('an eve at midnight is the midnight that ends it, once or every year', async () => {
    const once = await meaningOfOnce("new year's eve at midnight", OPTIONS);
    expect(once.local.slice(0, 16)).toBe('2027-01-01 00:00');
    expect(once.notes).toEqual(["read 'new year's eve at midnight' as 00:00 as Fri 1 Jan begins, the midnight that ends the eve; write 'dec 31 00:00' for midnight as it begins"]);
    const yearly = await meaningOfSchedule('every christmas eve at midnight', OPTIONS, 1);
    expect(yearly.next_runs_local[0]!.slice(0, 16)).toBe('2026-12-25 00:00');
    expect(yearly.notes).toEqual(["read 'every christmas eve at midnight' as 00:00 as December 25 begins, the midnight that ends the eve"]);
  });

  it('another day of the month at midnight is as it begins, and says so', async () => {
    const meaning = await meaningOfSchedule('every 15th at midnight', OPTIONS, 1);
    expect(meaning.next_runs_local[0]!.slice(0, 16)).toBe('2026-12-15 00:00');
    expect(meaning.notes).toEqual(["read 'midnight' as 00:00 as each day named begins; for midnight at its end, name the day after"]);
  });
});

describe("an interval of hours on the UTC clock, where the zone's hours differ", () => {
  it('says where its hours fall here, and how to count from local midnight', async () => {
    const meaning = await meaningOfSchedule('every 12 hours', OPTIONS, 2);
    expect(meaning.next_runs_local.map((local) => local.slice(11, 16))).toEqual(['19:00', '07:00']);
    expect(meaning.notes).toEqual([
      "read 'every 12 hours' on the UTC clock, as an interval runs: here at 07:00, 19:00 now, and they move with the clock changes; to count from midnight on your clock, add 'starting at midnight'",
    ]);
    const local = await meaningOfSchedule('every 12 hours starting at midnight', OPTIONS, 2);
    expect(local.next_runs_local.map((at) => at.slice(11, 16))).toEqual(['12:00', '00:00']);
  });

  it.each([
    ['every 45 minutes', '00:15, 01:00, 01:45'],
    ['every 1.5 hours', '01:00, 02:30, 04:00'],
  ])('%s, a step of minutes that does not divide the hour, says so too', async (phrase, here) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 2);
    expect(meaning.notes).toEqual([
      `read '${phrase}' on the UTC clock, as an interval runs: here at ${here}, … now, and they move with the clock changes; to count from midnight on your clock, add 'starting at midnight'`,
    ]);
    expect((await meaningOfSchedule('every 30 minutes', OPTIONS, 1)).notes).toEqual([]);
  });

  it('needs no note where the hours are the same all year, or for an hourly step in a whole-hour zone', async () => {
    expect((await meaningOfSchedule('every 2 hours', { ...OPTIONS, zone: 'Asia/Shanghai' }, 1)).notes).toEqual([]);
    // London's summer hour puts them on its odd hours: said in winter too.
    expect((await meaningOfSchedule('every 2 hours', { ...OPTIONS, zone: 'Europe/London' }, 1)).notes).toHaveLength(1);
    expect((await meaningOfSchedule('every hour', OPTIONS, 1)).notes).toEqual([]);
  });
});

describe('days with their own time after every day', () => {
  it('are more times on those days, said, as some mean them in place of every day', async () => {
    const meaning = await meaningOfSchedule('every day at 9am, weekends at 10am', OPTIONS, 4);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2026-11-19 09:00', '2026-11-20 09:00', '2026-11-21 09:00', '2026-11-21 10:00']);
    expect(meaning.notes).toEqual([
      "read 10:00 on Saturday and Sunday as more beside every day's 09:00; for 10:00 alone on them, name the days of each, such as 'weekdays at 9am and weekends at 10am'",
    ]);
    expect((await meaningOfSchedule('weekdays at 9am and weekends at 10am', OPTIONS, 1)).notes).toEqual([]);
  });
});

describe('rules of this round held to their edges', () => {
  it.each([
    ['every 1st and 3 in the morning', ['2026-12-01 03:00', '2027-01-01 03:00']],
    ['every 10th and 12 noon', ['2026-12-10 12:00', '2027-01-10 12:00']],
    ['every month on 10 in the morning', ['2026-12-01 10:00', '2027-01-01 10:00']],
    ['every month on 5 at 3', ['2026-12-05 15:00', '2027-01-05 15:00']],
    ['every weekend, saturday only', ['2026-11-21 09:00', '2026-11-28 09:00']],
    ['every day at 3 and 5 at night', ['2026-11-18 15:00', '2026-11-18 17:00']],
    ['every christmas eve and dec 20 at midnight', ['2026-12-20 00:00', '2026-12-24 00:00']],
  ])('%s', async (phrase, fires) => {
    expect(await localFires(phrase, 2)).toEqual(fires);
  });

  it('two times one after the other with nothing between, one of them a bare hour, are refused as "at 9am at 10am" is', async () => {
    await expect(meaningOfSchedule('every day at 9 twelve noon', OPTIONS, 1)).rejects.toThrow("two times one after the other, with no 'and' ('9', then 'twelve noon')");
    expect((await meaningOfSchedule('every day at 9 and twelve noon', OPTIONS, 1)).type).toBe('recurring');
  });

  it.each([
    ['every monday 9am 10am', 'every monday 9am and 10am', "read '9am 10am' as times one after the other, each of them; join them with 'and' to say so"],
    ['daily 14:30 18:00', 'daily 14:30 and 18:00', "read '14:30 18:00' as times one after the other, each of them; join them with 'and' to say so"],
    ['every day noon 5pm', 'every day noon and 5pm', "read 'noon 5pm' as times one after the other, each of them; join them with 'and' to say so"],
  ])('times that each say their half of the day, one after the other, are each of them, noted: %s', async (phrase, joined, note) => {
    const [read, meant] = await Promise.all([meaningOfSchedule(phrase, OPTIONS, 6), meaningOfSchedule(joined, OPTIONS, 6)]);
    expect(read.next_runs).toEqual(meant.next_runs);
    expect(read.notes).toEqual([...meant.notes, note]);
  });

  it('a second part of the day with days said after it is refused, as whose days they are is not said', async () => {
    await expect(meaningOfSchedule('every morning at 8 and evening at 6 on weekdays', OPTIONS, 2)).rejects.toThrow(/two parts of the day/);
  });

  it('an eve at midnight said on the eve is tonight', async () => {
    const meaning = await meaningOfOnce("new year's eve at midnight", { now: Date.parse('2026-12-31T15:00:00Z'), zone: 'America/New_York' });
    expect(meaning.local.slice(0, 16)).toBe('2027-01-01 00:00');
  });

  it('a phrase of five words with three-letter words that are no names is no cron', async () => {
    const { isCronLike } = await import('../../src/time/looks-recurring');
    expect([isCronLike('8 sat now the mar'), isCronLike('0 9 * * mon-fri'), isCronLike('0 9 1 jan,jul *')]).toEqual([false, true, true]);
  });
});

describe('an end counted from a day', () => {
  // Thu 3 Dec 2026, 10:00 in New York.
  const thursday = { now: Date.parse('2026-12-03T15:00:00Z'), zone: 'America/New_York' };
  it.each([
    ['every day at 9am until a week from friday', '2026-12-04 09:00', '2026-12-11 09:00'],
    ['every day until 2 weeks from tomorrow', '2026-12-04 09:00', '2026-12-18 09:00'],
    ['every friday until two tuesdays from now', '2026-12-04 09:00', '2026-12-11 09:00'],
  ])('%s ends on the day counted from the day it names, not from now', async (phrase, first, last) => {
    const meaning = await meaningOfSchedule(phrase, thursday, 30);
    expect([meaning.next_runs_local[0]!.slice(0, 16), meaning.next_runs_local.at(-1)!.slice(0, 16)]).toEqual([first, last]);
  });
});

describe('a start or end said by its month, passed more than a month ago', () => {
  const thursday = { now: Date.parse('2026-12-03T15:00:00Z'), zone: 'America/New_York' };
  it('a start is the one gone by, said, and keeps its step', async () => {
    const meaning = await meaningOfSchedule('every 14 days at 7am starting nov 1', thursday, 2);
    expect(meaning.next_runs_local.map((local) => local.slice(0, 16))).toEqual(['2026-12-13 07:00', '2026-12-27 07:00']);
    expect(meaning.notes).toContain("read 'nov 1' as Sun 1 Nov 2026, which has passed: it runs from now; give the year for Mon 1 Nov 2027");
  });

  it('an end is refused as passed, not read a year on', async () => {
    await expect(meaningOfSchedule('every day until nov 1', thursday, 2)).rejects.toThrow(/the end 'nov 1' is in the past/);
  });

  it('a month still to come is this year’s or next as it comes', async () => {
    expect((await meaningOfSchedule('every day starting may 1', thursday, 1)).next_runs_local[0]!.slice(0, 10)).toBe('2027-05-01');
  });

  it.each([
    ['every day starting june 5', '2027-06-05'],
    ['every day starting june', '2027-06-01'],
    ['weekdays from june 1 to june 30', '2027-06-01'],
    ['every day starting september 20', '2027-09-20'],
  ])('%s, passed months ago, is next year’s start', async (phrase, first) => {
    expect((await meaningOfSchedule(phrase, thursday, 1)).next_runs_local[0]!.slice(0, 10)).toBe(first);
  });

  it.each(['every day from sep 1 to dec 15', 'every day from september 1 until december 15'])('%s, a range under way, runs from now to this year’s end', async (phrase) => {
    const meaning = await meaningOfSchedule(phrase, thursday, 400);
    expect([meaning.next_runs_local[0]!.slice(0, 10), meaning.next_runs_local.at(-1)!.slice(0, 10)]).toEqual(['2026-12-04', '2026-12-15']);
  });

  it.each([
    ['every day until june 5', '2027-06-05'],
    ['every monday until july', '2027-07-26'],
    ['every month on the 15th until june', '2027-06-15'],
  ])('%s, passed months ago, is next year’s end', async (phrase, last) => {
    const meaning = await meaningOfSchedule(phrase, thursday, 400);
    expect(meaning.next_runs_local.at(-1)!.slice(0, 10)).toBe(last);
  });
});

describe('alternate', () => {
  it('before a weekday is every other one', async () => {
    expect(await localFires('every alternate saturday', 3)).toEqual(await localFires('every other saturday', 3));
  });
});

describe('days after a comma are the days of a weekly interval that names none', () => {
  it.each([
    ['at noon, every 3 weeks, wednesday through friday', ['2026-11-18 12:00', '2026-11-19 12:00', '2026-11-20 12:00', '2026-12-09 12:00']],
    ['At 12:00 PM, every 3 weeks, Wednesday through Friday', ['2026-11-18 12:00', '2026-11-19 12:00', '2026-11-20 12:00', '2026-12-09 12:00']],
    ['every week at 9am, fridays', ['2026-11-20 09:00', '2026-11-27 09:00', '2026-12-04 09:00', '2026-12-11 09:00']],
  ])('%s', async (phrase, fires) => {
    expect(await localFires(phrase, 4)).toEqual(fires);
  });

  it('days with a time of their own are a rule of their own', async () => {
    expect(await localFires('weekly at 9am, weekends at 11am', 4)).toEqual(['2026-11-21 11:00', '2026-11-22 11:00', '2026-11-23 09:00', '2026-11-28 11:00']);
  });
});

describe("other tools' wordings of rules already read", () => {
  it.each([
    ['At 30 minutes past the hour, only in January', 'every hour at :30 in january'],
    ['every 4 weekends', 'every 4th weekend'],
    ['every 5 mins after 2pm before 3pm also every 5 min after 6pm before 7pm', 'every 5 minutes after 2pm before 3pm and every 5 minutes after 6pm before 7pm'],
    ['every 4th and 10th of the month up to 7x', 'every 4th and 10th of the month 7x'],
    ['every sat for up to 2 months', 'every saturday for 2 months'],
    ['every day for up to 2 weeks at 9am', 'every day for 2 weeks at 9am'],
    ['every monday at 9am also tuesday at 10am', 'every monday at 9am and tuesday at 10am'],
    ['every day at 9am up to 3 times', 'every day at 9am 3 times'],
    ['the 4th of every 3rd month', 'the 4th of every 3 months'],
    ['first friday of every 3rd month', 'first friday of every 3 months'],
    ['every one and a half hours', 'every 90 minutes'],
  ])('%s, as %s', async (phrase, same) => {
    expect(await localFires(phrase, 8)).toEqual(await localFires(same, 8));
  });

  it('"every second" alone is refused as too fine, as other seconds are', async () => {
    await expect(meaningOfSchedule('every second', OPTIONS)).rejects.toThrow(/seconds are too fine/);
  });
});

describe('days that run across Monday in a series of weeks stay together', () => {
  it.each([
    ['every other saturday through tuesday', ['2026-11-21 09:00', '2026-11-22 09:00', '2026-11-23 09:00', '2026-11-24 09:00', '2026-12-05 09:00', '2026-12-06 09:00']],
    ['at noon, every 3 weeks, friday through monday', ['2026-11-20 12:00', '2026-11-21 12:00', '2026-11-22 12:00', '2026-11-23 12:00', '2026-12-11 12:00', '2026-12-12 12:00']],
  ])('%s', async (phrase, fires) => {
    expect(await localFires(phrase, 6)).toEqual(fires);
  });

  it('days apart keep weeks from Monday', async () => {
    expect(await localFires('every other week on sunday and monday and wednesday', 4)).toEqual(['2026-11-22 09:00', '2026-11-30 09:00', '2026-12-02 09:00', '2026-12-06 09:00']);
  });
});
