import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { meaningOf, meaningOfOnce, meaningOfSchedule, type PhraseMeaning } from '../../src/time/index';
import { instantFromLocal, wallTime } from '../../src/time/zone';

/* One instant for every table: Sunday 2026-11-22 15:00 UTC (10:00 New York, 20:30 Kolkata, Monday 02:00 Sydney). */
const NOW = Date.parse('2026-11-22T15:00:00Z');
const ZONES = ['America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Europe/London', 'Pacific/Chatham'];

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** An instant as "Mon 09:00" (or with the date) on a zone's clock, computed here, not by the code under test's formatter. */
const onClock = (zone: string, iso: string, withDate = false) => {
  const w = wallTime(zone, Date.parse(iso));
  return `${withDate ? `${w.year}-${pad(w.month)}-${pad(w.day)} ` : ''}${WEEKDAY[w.weekday]} ${pad(w.hour)}:${pad(w.minute)}`;
};
const runsOf = (meaning: PhraseMeaning) => (meaning.type === 'one-time' ? [meaning.scheduled_at_iso] : meaning.next_runs);

async function refusal(promise: Promise<unknown>): Promise<UsageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('accepted');
}

describe('"every Nth day" counts days, never a day of the month', () => {
  it.each(ZONES)('in %s', async (zone) => {
    for (const [phrase, gap] of [
      ['every 3rd day', 3],
      ['every 2nd day', 2],
      ['Every third day at 7pm', 3],
      ['every second day', 2],
    ] as const) {
      const meaning = await meaningOf(phrase, { now: NOW, zone }, 4);
      expect(meaning.type, phrase).toBe('series');
      const runs = runsOf(meaning).map((iso) => wallTime(zone, Date.parse(iso)));
      const hour = /7pm/.test(phrase) ? 19 : 9;
      for (const run of runs) expect([run.hour, run.minute], phrase).toEqual([hour, 0]);
      for (let k = 1; k < runs.length; k++) {
        const days = (Date.UTC(runs[k]!.year, runs[k]!.month - 1, runs[k]!.day) - Date.UTC(runs[k - 1]!.year, runs[k - 1]!.month - 1, runs[k - 1]!.day)) / 86_400_000;
        expect(days, phrase).toBe(gap);
      }
    }
  });

  it('"every 3rd day of the month" is still the 3rd of each month', async () => {
    const meaning = await meaningOfSchedule('every 3rd day of the month', { now: NOW, zone: 'America/New_York' });
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe('0 9 3 * *');
  });
});

describe('an abbreviation that names several zones is an error listing them', () => {
  it.each(ZONES)('CST in %s', async (zone) => {
    for (const phrase of ['5pm CST', 'tomorrow at 9am cst']) {
      const error = await refusal(meaningOfOnce(phrase, { now: NOW, zone }));
      expect(error.message).toMatch(/could mean several.*America\/Chicago.*Asia\/Shanghai/);
    }
  });

  it('CDT and Central still mean US Central', async () => {
    const meaning = await meaningOfOnce('tomorrow 5pm central', { now: NOW, zone: 'Asia/Kolkata' });
    expect(onClock('America/Chicago', meaning.scheduled_at_iso, true)).toBe('2026-11-23 Mon 17:00');
  });
});

describe('words wrapped around a time are skipped by both readers', () => {
  // [phrase, the same time without the wrapping]
  const ONCE: Array<[string, string]> = [
    ['remind me tomorrow at 9am', 'tomorrow at 9am'],
    ['please send it tomorrow at 8am', 'tomorrow at 8am'],
    ['remind me in 10 minutes', 'in 10 minutes'],
    ['Remind us on Friday at 3pm', 'friday at 3pm'],
    ['can you remind me in 2 hours', 'in 2 hours'],
    ['could you please send this next wednesday at 14:30', 'next wednesday at 14:30'],
    ['set a reminder for tomorrow at 9', 'tomorrow at 9'],
    ['schedule it for next monday at 10am', 'next monday at 10am'],
    ['send at 5pm', 'at 5pm'],
    ['at 5pm please', 'at 5pm'],
    ['ping me in 3 days, thanks', 'in 3 days'],
    ['create a reminder for december 25 at noon', 'december 25 at noon'],
  ];
  it.each(ZONES)('one instant, in %s', async (zone) => {
    for (const [phrase, plain] of ONCE) {
      const expected = await meaningOf(plain, { now: NOW, zone });
      const meaning = await meaningOf(phrase, { now: NOW, zone });
      expect(meaning.type, phrase).toBe('one-time');
      expect(runsOf(meaning), phrase).toEqual(runsOf(expected));
    }
  });

  it.each(ZONES)('recurring, in %s', async (zone) => {
    for (const [phrase, local] of [
      ['please send daily at 8', ['Mon 08:00', 'Tue 08:00']],
      ['remind me every tuesday at 9, please', ['Tue 09:00', 'Tue 09:00']],
      ['can you run it every weekday at 7am', ['Mon 07:00', 'Tue 07:00']],
    ] as const) {
      const meaning = await meaningOf(phrase, { now: NOW, zone }, 2);
      expect(meaning.type, phrase).toBe('recurring');
      expect(
        runsOf(meaning).map((iso) => onClock(zone, iso)),
        phrase,
      ).toEqual(local);
    }
  });

  it('"this" before a day is kept: "this morning" is still this morning', async () => {
    const error = await refusal(meaningOfOnce('this morning at 7', { now: NOW, zone: 'America/New_York' }));
    expect(error.message).toMatch(/in the past/);
  });
});

describe('a zone written in a recurring phrase is the clock the rule follows', () => {
  // [phrase, zone it names, first runs on that zone's clock]; now is Sunday 2026-11-22 15:00 UTC.
  const TABLE: Array<[string, string, string[]]> = [
    ['every weekday at 9am EST', 'America/New_York', ['Mon 09:00', 'Tue 09:00', 'Wed 09:00']],
    ['every day at 9am ET', 'America/New_York', ['Mon 09:00', 'Tue 09:00', 'Wed 09:00']],
    ['Every day at 8:00 AM Eastern', 'America/New_York', ['Mon 08:00', 'Tue 08:00', 'Wed 08:00']],
    ['every friday at 5pm CET', 'Europe/Paris', ['Fri 17:00', 'Fri 17:00', 'Fri 17:00']],
    ['every day at noon UTC', 'UTC', ['Mon 12:00', 'Tue 12:00', 'Wed 12:00']],
    ['every day at 9am Asia/Tokyo', 'Asia/Tokyo', ['Mon 09:00', 'Tue 09:00', 'Wed 09:00']],
    ['daily at 9am in London', 'Europe/London', ['Mon 09:00', 'Tue 09:00', 'Wed 09:00']],
    ['every monday at 9am PST', 'America/Los_Angeles', ['Mon 09:00', 'Mon 09:00', 'Mon 09:00']],
    ['every day at 10am europe/berlin', 'Europe/Berlin', ['Mon 10:00', 'Tue 10:00', 'Wed 10:00']],
    ['every sunday at 9pm in Kolkata', 'Asia/Kolkata', ['Sun 21:00', 'Sun 21:00', 'Sun 21:00']],
    ['mondays at 9am AEST', 'Australia/Sydney', ['Mon 09:00', 'Mon 09:00', 'Mon 09:00']],
    ['every 3 days at 9am in London', 'Europe/London', ['Mon 09:00', 'Thu 09:00', 'Sun 09:00']],
  ];
  it.each(ZONES)('whatever the user zone (%s)', async (zone) => {
    for (const [phrase, named, local] of TABLE) {
      const meaning = await meaningOf(phrase, { now: NOW, zone }, 3);
      expect(meaning.type, phrase).not.toBe('one-time');
      expect(meaning.timezone, phrase).toBe(named);
      expect(
        runsOf(meaning).map((iso) => onClock(named, iso)),
        phrase,
      ).toEqual(local);
    }
  });

  it('the UTC cron follows the named zone, not the user zone', async () => {
    const meaning = await meaningOfSchedule('every weekday at 9pm EST', { now: NOW, zone: 'Australia/Sydney' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('0 2 * * 2-6');
  });

  it('Z after a clock is UTC', async () => {
    const meaning = await meaningOfSchedule('every weekday at 14:00Z', { now: NOW, zone: 'Australia/Sydney' });
    expect(meaning).toMatchObject({ timezone: 'UTC', cron_expression: '0 14 * * 1-5' });
  });

  it.each(ZONES)('"local time" is the user\'s own clock (%s)', async (zone) => {
    const meaning = await meaningOf('every weekday at 9am local time', { now: NOW, zone }, 2);
    expect(meaning.type).toBe('recurring');
    expect(runsOf(meaning).map((iso) => onClock(zone, iso))).toEqual(['Mon 09:00', 'Tue 09:00']);
  });

  it.each(ZONES)('an ambiguous or partial-hour zone is an error (%s)', async (zone) => {
    expect((await refusal(meaningOf('every day at 9am CST', { now: NOW, zone }))).message).toMatch(/could mean several.*America\/Chicago/);
    expect((await refusal(meaningOf('every day at 9am +05:30', { now: NOW, zone }))).message).toMatch(/needs a zone/);
  });
});

describe('more ways to say days, windows, intervals and clocks', () => {
  // [phrase, local firing times of the first runs]; now is Sunday 2026-11-22 15:00 UTC in every zone.
  const EXPECTED: Record<string, Array<[string, string[]]>> = {
    'America/New_York': [
      ['every day from monday to friday at 10am', ['Mon 10:00', 'Tue 10:00', 'Wed 10:00']],
      ['every mon/wed/fri at 7am', ['Mon 07:00', 'Wed 07:00', 'Fri 07:00']],
      ['every hour 9-17', ['Sun 11:00', 'Sun 12:00', 'Sun 13:00']],
      ['hourly 9am-5pm weekdays', ['Mon 09:00', 'Mon 10:00', 'Mon 11:00']],
      ['every 15 minutes during weekdays', ['Mon 00:00', 'Mon 00:15', 'Mon 00:30']],
      ['every day but sunday', ['Mon 09:00', 'Tue 09:00', 'Wed 09:00']],
      ['each weekday at 0800', ['Mon 08:00', 'Tue 08:00', 'Wed 08:00']],
    ],
    'Asia/Kolkata': [
      ['every day from monday to friday at 10am', ['Mon 10:00', 'Tue 10:00', 'Wed 10:00']],
      ['every tue/thu at 7am', ['Tue 07:00', 'Thu 07:00', 'Tue 07:00']],
      ['every 30 minutes 9-17', ['Mon 09:00', 'Mon 09:30', 'Mon 10:00']],
      ['every day but saturday and sunday at 8', ['Mon 08:00', 'Tue 08:00', 'Wed 08:00']],
      ['every day at 2130', ['Sun 21:30', 'Mon 21:30', 'Tue 21:30']],
    ],
    'Australia/Sydney': [
      ['every day from tuesday to thursday at 10am', ['Tue 10:00', 'Wed 10:00', 'Thu 10:00']],
      ['every mon/wed/fri at 7am', ['Mon 07:00', 'Wed 07:00', 'Fri 07:00']],
      ['hourly 9am-5pm weekdays', ['Mon 09:00', 'Mon 10:00', 'Mon 11:00']],
      ['every weekday at 0800', ['Mon 08:00', 'Tue 08:00', 'Wed 08:00']],
    ],
  };
  for (const [zone, rows] of Object.entries(EXPECTED)) {
    it(`in ${zone}`, async () => {
      for (const [phrase, local] of rows) {
        const meaning = await meaningOf(phrase, { now: NOW, zone }, 3);
        expect(meaning.type, phrase).toBe('recurring');
        expect(
          runsOf(meaning).map((iso) => onClock(zone, iso)),
          phrase,
        ).toEqual(local);
      }
    });
  }

  it.each(ZONES)('a clock written as four digits, in %s', async (zone) => {
    for (const [phrase, plain] of [
      ['tomorrow at 0900', 'tomorrow at 9:00'],
      ['at 1700', 'at 17:00'],
      ['friday at 2330', 'friday at 23:30'],
    ]) {
      expect(runsOf(await meaningOf(phrase!, { now: NOW, zone })), phrase).toEqual(runsOf(await meaningOf(plain!, { now: NOW, zone })));
    }
  });

  it.each(ZONES)('every fortnight, bi-weekly, every seventy minutes and every hour and a half, in %s', async (zone) => {
    for (const [phrase, gapMinutes] of [
      ['every fortnight', 14 * 1440],
      ['bi-weekly', 14 * 1440],
      ['biweekly on fridays', 14 * 1440],
      ['every seventy minutes', 70],
      ['every hour and a half', 90],
    ] as const) {
      const meaning = await meaningOf(phrase, { now: NOW, zone }, 3);
      expect(meaning.type, phrase).not.toBe('one-time');
      const runs = runsOf(meaning).map(Date.parse);
      if (gapMinutes < 1440) for (let k = 1; k < runs.length; k++) expect((runs[k]! - runs[k - 1]!) / 60_000, phrase).toBe(gapMinutes);
      else {
        const days = runs.map((ms) => wallTime(zone, ms)).map((w) => Date.UTC(w.year, w.month - 1, w.day) / 86_400_000);
        for (let k = 1; k < days.length; k++) expect(days[k]! - days[k - 1]!, phrase).toBe(14);
        if (phrase.includes('fridays')) for (const ms of runs) expect(wallTime(zone, ms).weekday).toBe(5);
      }
    }
  });
});

describe('a phrase read with no kind given (parse without --once or --recurring)', () => {
  const options = { now: Date.parse('2026-12-02T16:00:00Z'), zone: 'America/New_York' };
  it('a repeating rule with its own end, start or count is read as repeating', async () => {
    for (const phrase of ['every day at 9am for 2 weeks', 'daily at 8am until dec 24', 'every monday at 10am 4 times', 'weekdays at 9 starting dec 14']) {
      expect((await meaningOf(phrase, options)).type, phrase).toBe('series');
    }
  });
  it('one instant with a word like an end is still one instant, or refused', async () => {
    expect((await meaningOf('friday at 4', options)).type).toBe('one-time');
    await expect(meaningOf('friday at 4 for the review', options)).rejects.toThrow(/did not understand/);
  });
});

describe('a part of the day without a time stands for one, said in a note', () => {
  it.each(ZONES)('one instant, in %s', async (zone) => {
    for (const [phrase, clock, note] of [
      ['tonight', 'Sun 21:00', "read 'tonight' as 21:00; add a time for another, such as 'at 10pm'"],
      ['this evening', 'Sun 18:00', "read 'this evening' as 18:00; add a time for another, such as 'at 7pm'"],
      ['tomorrow afternoon', 'Mon 15:00', "read 'tomorrow afternoon' as 15:00; add a time for another, such as 'at 4pm'"],
      ['friday morning', 'Fri 09:00', "read 'friday morning' as 09:00; add a time for another, such as 'at 10am'"],
    ] as const) {
      // 10:00 local on Sunday 22 November, so "tonight" and "this evening" are still ahead.
      const now = instantFromLocal(zone, { year: 2026, month: 11, day: 22, hour: 10, minute: 0, second: 0 });
      const meaning = await meaningOfOnce(phrase, { now, zone });
      expect(onClock(zone, meaning.scheduled_at_iso), phrase).toBe(clock);
      expect(meaning.notes, phrase).toEqual([note]);
    }
  });

  it('a repeating rule too; a time given with it leaves no note', async () => {
    const zone = 'America/New_York';
    const evening = await meaningOfSchedule('every evening', { now: NOW, zone });
    expect(evening.type === 'recurring' && [evening.local_cron, evening.notes]).toEqual(['0 18 * * *', ["read 'evening' as 18:00; add a time for another, such as 'at 7pm'"]]);
    const weekday = await meaningOfSchedule('every weekday morning', { now: NOW, zone });
    expect(weekday.type === 'recurring' && [weekday.local_cron, weekday.notes]).toEqual(['0 9 * * 1-5', ["read 'morning' as 09:00; add a time for another, such as 'at 10am'"]]);
    for (const phrase of ['every evening at 7', 'tonight at 8pm']) expect((await meaningOf(phrase, { now: NOW, zone })).notes, phrase).toEqual([]);
  });
});

describe('a start with a time beside a rule with only a part of the day', () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z'); // Thursday 10:00 in New York
  it.each([
    ['every night starting tomorrow at 10', ['2026-12-04 Fri 22:00', '2026-12-05 Sat 22:00']],
    ['starting tomorrow at 10 every night', ['2026-12-04 Fri 22:00', '2026-12-05 Sat 22:00']],
    ['every morning starting monday at 7', ['2026-12-07 Mon 07:00', '2026-12-08 Tue 07:00']],
    ['every weekday evening starting monday at 6:30', ['2026-12-07 Mon 18:30', '2026-12-08 Tue 18:30']],
  ])("%s: the time is the rule's, in that part of the day", async (phrase, runs) => {
    const meaning = await meaningOf(phrase, { now, zone }, 2);
    expect(runsOf(meaning).map((iso) => onClock(zone, iso, true))).toEqual(runs);
    expect(meaning.notes).toEqual([]);
  });

  it('a time outside that part of the day is refused, repeating the phrase as typed', async () => {
    const error = await refusal(meaningOf('every night starting tomorrow at 9am', { now, zone }));
    expect(error.message).toBe("'every night starting tomorrow at 9am' puts 09:00 in the night");
  });
});

describe('a span in the middle of a rule is read as at its end', () => {
  it('"every weekday next week at 10am" is a repeating phrase, within next week', async () => {
    const meaning = await meaningOf('every weekday next week at 10am', { now: Date.parse('2026-12-03T15:00:00Z'), zone: 'America/New_York' }, 6);
    expect(meaning.type).toBe('series');
    expect(runsOf(meaning).map((iso) => onClock('America/New_York', iso, true))).toEqual([
      '2026-12-07 Mon 10:00',
      '2026-12-08 Tue 10:00',
      '2026-12-09 Wed 10:00',
      '2026-12-10 Thu 10:00',
      '2026-12-11 Fri 10:00',
    ]);
  });

  it('"friday next week at 9" is still one instant', async () => {
    const meaning = await meaningOf('friday next week at 9am', { now: Date.parse('2026-12-03T15:00:00Z'), zone: 'America/New_York' });
    expect(meaning.type === 'one-time' && meaning.local).toMatch(/^2026-12-11 09:00/);
  });
});

describe('"N times a week, month or year" runs on days spread over it, said in a note, or on the days it names', () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z');
  it.each([
    ['twice a week', '0 9 * * 1,4', "read 'twice a week' as Monday and Thursday; name the days to choose them, such as 'every tuesday and friday'"],
    ['twice weekly at 5pm', '0 17 * * 1,4', "read 'twice weekly' as Monday and Thursday; name the days to choose them, such as 'every tuesday and friday'"],
    ['three times a week', '0 9 * * 1,3,5', "read 'three times a week' as Monday, Wednesday and Friday; name the days to choose them, such as 'every tuesday and friday'"],
    ['4 times a week', '0 9 * * 1,2,4,5', "read '4 times a week' as Monday, Tuesday, Thursday and Friday; name the days to choose them, such as 'every tuesday and friday'"],
    ['twice a month', '0 9 1,15 * *', "read 'twice a month' as the 1st and 15th; name the days to choose them, such as 'on the 5th and 20th'"],
    ['three times a month at noon', '0 12 1,10,20 * *', "read 'three times a month' as the 1st, 10th and 20th; name the days to choose them, such as 'on the 5th and 20th'"],
    ['twice a year', '0 9 1 */6 *', "read 'twice a year' as the 1st of January and July; name the dates to choose them, such as 'every march 1st and september 1st'"],
  ])('%s', async (phrase, localCron, note) => {
    const meaning = await meaningOf(phrase, { now, zone });
    expect(meaning.type === 'recurring' && [meaning.local_cron, meaning.notes]).toEqual([localCron, [note]]);
  });

  it.each([
    ['twice a week on tuesday and friday at 8am', '0 8 * * 2,5'],
    ['twice a month on the 5th and 20th', '0 9 5,20 * *'],
    ['once a week', '0 9 * * 1'],
  ])('%s names its days: no note', async (phrase, localCron) => {
    const meaning = await meaningOf(phrase, { now, zone });
    expect(meaning.type === 'recurring' && [meaning.local_cron, meaning.notes]).toEqual([localCron, []]);
  });

  it.each([
    ['twice a week on monday', "'twice a week on monday' names 1 day for twice a week"],
    ['8 times a week', "'8 times a week' does not say which days 8 times a week falls on"],
    ['five times a year', "'five times a year' does not say which days five times a year falls on"],
  ])('%s is refused', async (phrase, message) => {
    expect((await refusal(meaningOfSchedule(phrase, { now, zone }))).message).toBe(message);
  });
});

describe('"every other weekday" counts Monday to Friday only, said in a note', () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z'); // Thursday 10:00 in New York
  it.each([
    ['every other weekday', ['2026-12-04 Fri 09:00', '2026-12-08 Tue 09:00', '2026-12-10 Thu 09:00', '2026-12-14 Mon 09:00', '2026-12-16 Wed 09:00'], 'every 2nd', 'Fri, Tue, Thu, Mon'],
    ['every other business day at 10am', ['2026-12-04 Fri 10:00', '2026-12-08 Tue 10:00', '2026-12-10 Thu 10:00', '2026-12-14 Mon 10:00', '2026-12-16 Wed 10:00'], 'every 2nd', 'Fri, Tue, Thu, Mon'],
    ['every 3rd weekday', ['2026-12-04 Fri 09:00', '2026-12-09 Wed 09:00', '2026-12-14 Mon 09:00', '2026-12-17 Thu 09:00', '2026-12-22 Tue 09:00'], 'every 3rd', 'Fri, Wed, Mon, Thu'],
  ])('%s', async (phrase, runs, every, first) => {
    const meaning = await meaningOf(phrase, { now, zone });
    expect(meaning.type).toBe('series');
    expect(runsOf(meaning).map((iso) => onClock(zone, iso, true))).toEqual(runs);
    expect(meaning.notes[0]).toBe(
      `read '${phrase}' as ${every} day counting Monday to Friday only (${first}, ...); write 'weekdays every other week' for whole weeks, or name the days, such as 'every monday, wednesday and friday'`,
    );
  });

  it('weekdays of every other week are said so, and the nth weekday of the month is unchanged', async () => {
    const weeks = await meaningOf('weekdays every other week', { now, zone }, 6);
    expect(runsOf(weeks).map((iso) => onClock(zone, iso, true).slice(0, 10))).toEqual(['2026-12-04', '2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18']);
    const nth = await meaningOf('every 2nd weekday of the month', { now, zone }, 1);
    expect(runsOf(nth).map((iso) => onClock(zone, iso, true))).toEqual(['2027-01-04 Mon 09:00']);
  });
});

describe('several days of the month repeat without "every"', () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z');
  it.each([
    ['on the 1st and 15th', '0 9 1,15 * *'],
    ['the 1st and 15th at noon', '0 12 1,15 * *'],
    ['on the 1st and 15th of the month', '0 9 1,15 * *'],
  ])('%s', async (phrase, localCron) => {
    const meaning = await meaningOf(phrase, { now, zone });
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(localCron);
  });

  it('one day of the month is still one instant', async () => {
    const meaning = await meaningOf('the 15th', { now, zone });
    expect(meaning.type === 'one-time' && meaning.local).toMatch(/^2026-12-15 09:00/);
  });
});

describe("more repeating forms from other readers' test suites", () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z'); // Thursday 10:00 in New York
  const runs = async (phrase: string, count = 3) => runsOf(await meaningOf(phrase, { now, zone }, count)).map((iso) => onClock(zone, iso, true));

  it('"first and third monday of the month" repeats without "every"', async () => {
    expect(await runs('first and third monday of the month at 10am')).toEqual(['2026-12-07 Mon 10:00', '2026-12-21 Mon 10:00', '2027-01-04 Mon 10:00']);
  });

  it('"once every two weeks", "once every 3 days" are "every two weeks", "every 3 days"', async () => {
    expect(await runs('once every two weeks')).toEqual(await runs('every two weeks'));
    expect(await runs('once every 3 days')).toEqual(await runs('every 3 days'));
  });

  it('a day of the month some months lack says in a note which months are skipped', async () => {
    const meaning = await meaningOf('every month on the 31st', { now, zone });
    expect(meaning.type === 'recurring' && [meaning.local_cron, meaning.notes]).toEqual([
      '0 9 31 * *',
      ["months without a 31st (February, April, June, September and November) are skipped; for every month's end say 'the last day of the month'"],
    ]);
    expect((await meaningOf('on the 30th of every month', { now, zone })).notes).toEqual(["months without a 30th (February) are skipped; for every month's end say 'the last day of the month'"]);
    expect((await meaningOf('every month on the 28th', { now, zone })).notes).toEqual([]);
  });
});

describe('words said around a time ("sharp", "my time", "month end", two parts of the day), and days of every quarter', () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z');
  it.each([
    ['tomorrow at 9am sharp', 'tomorrow at 9am'],
    ['every weekday at 9 sharp', 'every weekday at 9'],
    ['every monday at 9am exactly', 'every monday at 9am'],
    ['every monday at 9 am precisely', 'every monday at 9 am'],
    ['tomorrow at noon precisely', 'tomorrow at noon'],
    ['every monday at 9am my time', 'every monday at 9am'],
    ['tomorrow at 5pm my time', 'tomorrow at 5pm'],
    ['every day at 9 am in my timezone', 'every day at 9 am'],
    ['every weekday at 8am my local time', 'every weekday at 8am'],
    ['tomorrow at 5pm in my time zone', 'tomorrow at 5pm'],
    ['every morning and evening', 'every morning and every evening'],
    ['mornings and evenings', 'every morning and every evening'],
    ['every month end', 'the end of every month'],
    ['each month-end at 5pm', 'the end of every month at 5pm'],
    ['month end at 5pm', 'end of the month at 5pm'],
  ])('%s is %s', async (sharp, plain) => {
    const [a, b] = await Promise.all([meaningOf(sharp, { now, zone }), meaningOf(plain, { now, zone })]);
    expect([runsOf(a), a.notes]).toEqual([runsOf(b), b.notes]);
  });

  it.each([
    ['every hour till 5', 'every hour till 5pm', "read '5' as 17:00; write '5 am' or 05:00 for the morning"],
    ['every 30 minutes until 9', 'every 30 minutes until 9am', "read '9' as 09:00; write '9 pm' or 21:00 for the evening"],
  ])('a bare hour after until or till is a time of day by the clock rule: %s is %s, noted', async (bare, plain, note) => {
    const [a, b] = await Promise.all([meaningOf(bare, { now, zone }), meaningOf(plain, { now, zone })]);
    expect(runsOf(a)).toEqual(runsOf(b));
    expect(a.notes[0]).toBe(note);
    expect(a.notes.slice(1)).toEqual([expect.stringMatching(/^read '(?:till|until) \d' as the next /)]);
  });

  it('"the 1st of every quarter" is the 1st of January, April, July and October', async () => {
    const meaning = await meaningOf('the 1st of every quarter', { now, zone });
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe('0 9 1 */3 *');
  });
});

describe('durations said other ways, and the notes of a day counted from', () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z'); // Thursday 10:00 in New York
  it.each([
    ['in the next 5 minutes', 5],
    ["in an hour's time", 60],
  ])('%s is now plus %i minutes', async (phrase, minutes) => {
    expect((await meaningOfOnce(phrase, { now, zone })).scheduled_at).toBe(now + minutes * 60_000);
  });

  it('"3 days after next friday" says how it read "next friday"', async () => {
    const meaning = await meaningOfOnce('3 days after next friday', { now, zone });
    expect(onClock(zone, meaning.scheduled_at_iso, true)).toBe('2026-12-07 Mon 09:00');
    expect(meaning.notes).toEqual(["read 'next friday' as Fri 4 Dec, in this week; write 'friday next week' for Fri 11 Dec"]);
  });

  it('"2 fridays from now" counts fridays, with no note about this week', async () => {
    const meaning = await meaningOfOnce('2 fridays from now', { now, zone });
    expect([onClock(zone, meaning.scheduled_at_iso, true), meaning.notes]).toEqual(['2026-12-11 Fri 09:00', []]);
  });
});

describe('a city as a zone inside the phrase, "within the next hour", and the error of a rule not read', () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z'); // Thursday 10:00 in New York
  it.each([
    ['9am London time tomorrow', '2026-12-04T09:00:00.000Z'],
    ['9am in London tomorrow', '2026-12-04T09:00:00.000Z'],
    ['at 9am tokyo time on friday', '2026-12-04T00:00:00.000Z'],
    // A country's time, said with "time".
    ['9am japan time', '2026-12-04T00:00:00.000Z'],
    ['tomorrow in british time', '2026-12-04T09:00:00.000Z'],
    ['today at 5pm uk time', '2026-12-03T17:00:00.000Z'],
  ])('%s', async (phrase, iso) => {
    expect((await meaningOfOnce(phrase, { now, zone })).scheduled_at_iso).toBe(iso);
  });

  it.each([
    // A city of several words, a country, or the user's own clock, inside the phrase.
    ['9am New York time tomorrow', '2026-12-04T14:00:00.000Z'],
    ['at noon in los angeles on friday', '2026-12-04T20:00:00.000Z'],
    ['9am in salt lake city tomorrow', '2026-12-04T16:00:00.000Z'],
    ['9am in India', '2026-12-04T03:30:00.000Z'],
    ['9am India time on friday', '2026-12-04T03:30:00.000Z'],
    ['9am in the UK tomorrow', '2026-12-04T09:00:00.000Z'],
    ['noon german time on friday', '2026-12-04T11:00:00.000Z'],
    ['tomorrow at 9am in the netherlands', '2026-12-04T08:00:00.000Z'],
    ['tomorrow at 9am in South Africa', '2026-12-04T07:00:00.000Z'],
    ['at 5pm local time tomorrow', '2026-12-04T22:00:00.000Z'],
    ['at 5pm my time on friday', '2026-12-04T22:00:00.000Z'],
    // "us" alone is a word, not a country.
    ['remind us at 9am tomorrow', '2026-12-04T14:00:00.000Z'],
  ])('%s', async (phrase, iso) => {
    expect((await meaningOfOnce(phrase, { now, zone })).scheduled_at_iso).toBe(iso);
  });

  it.each([
    ['9am in the US', /^'9am in the US': the US keeps several time zones: America\/New_York \(Eastern\), America\/Chicago/],
    ['tomorrow at 9am in Brazil', /Brazil keeps several time zones: America\/Sao_Paulo \(Brasilia\)/],
    ['9am Australia time', /Australia keeps several time zones: Australia\/Sydney/],
  ])('a country with several clocks is refused with them: %s', async (phrase, message) => {
    expect((await refusal(meaningOfOnce(phrase, { now, zone }))).message).toMatch(message);
  });

  it('a zone said at each time is one zone; two zones are refused, as a phrase is read on one clock', async () => {
    const both = await meaningOf('every day at 09:00 UTC and 17:00 UTC', { now, zone });
    expect(both).toMatchObject({ type: 'recurring', timezone: 'UTC', cron_expression: '0 9,17 * * *' });
    const same = await meaningOf('every day at 9am EST and 5pm ET', { now, zone });
    expect(same).toMatchObject({ type: 'recurring', timezone: 'America/New_York', cron_expression: '0 14,22 * * *' });
    const two = await refusal(meaningOf('weekdays at 9am PST and 5pm EST', { now, zone }));
    expect(two.message).toBe("'weekdays at 9am PST and 5pm EST' names two time zones, PST and EST; it is read on one clock");
  });

  it('"within the next hour" and "in the next hour" are in an hour', async () => {
    for (const phrase of ['within the next hour', 'in the next hour']) expect((await meaningOfOnce(phrase, { now, zone })).scheduled_at, phrase).toBe(now + 3_600_000);
  });

  it('a phrase too long to read is refused as too long, even when it starts as a rule', async () => {
    const error = await refusal(meaningOf(`every ${'9 and '.repeat(50)}x`, { now, zone }));
    expect(error.message).toMatch(/^A time of 307 characters is too long to read/);
  });

  it("a phrase that starts as a rule but is not read gets the schedule reader's error", async () => {
    const error = await refusal(meaningOf('every 15 minutes during the hours', { now, zone }));
    expect(error.message).toMatch(/^Could not understand the schedule: 'every 15 minutes during the hours'/);
  });
});

describe('a range of times where one instant is asked for', () => {
  it.each(['between 9 and 5 tomorrow', 'tomorrow between 9am and 5pm', 'friday from 2 to 4pm'])('%s is refused as a range', async (phrase) => {
    const error = await refusal(meaningOfOnce(phrase, { now: NOW, zone: 'America/New_York' }));
    expect(error.message).toBe(`'${phrase}' is a range of times; a one-time message is sent at one`);
  });
});

describe('a weekday of this or next week after a start or end word is that start or end', () => {
  const zone = 'America/New_York';
  const now = Date.parse('2026-12-03T15:00:00Z'); // Thursday 10:00 in New York
  it('"every day until friday next week" ends with Friday 11 December', async () => {
    const meaning = await meaningOf('every day until friday next week', { now, zone }, 20);
    expect(meaning.type === 'series' && meaning.until).toBe('2026-12-12T04:59:59.999Z');
    expect(
      runsOf(meaning)
        .map((iso) => onClock(zone, iso, true))
        .at(-1),
    ).toBe('2026-12-11 Fri 09:00');
  });

  it('"every day starting monday next week" starts on Monday 7 December', async () => {
    const meaning = await meaningOf('every day starting monday next week', { now, zone }, 1);
    expect(runsOf(meaning).map((iso) => onClock(zone, iso, true))).toEqual(['2026-12-07 Mon 09:00']);
  });
});
