import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/errors';
import { meaningOfRecurring, meaningOfSchedule, type PhraseOptions, type RecurringMeaning } from '../../src/time/index';
import { validateCron } from '../../src/time/cron';
import { nextInstants } from '../../src/time/series';
import { addDays, instantFromLocal, nextOffsetChange, offsetMinutes, wallTime } from '../../src/time/zone';

const NOW = Date.parse('2026-11-22T15:00:00Z');
/** As `recurring create` will call it once it creates one schedule per cron. */
const recurring = (input: string, options: PhraseOptions, count = 5) => meaningOfRecurring(input, options, count, { sets: true });
const DAY = 86_400_000;
const ZONES = ['UTC', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Australia/Sydney', 'America/New_York', 'Europe/London', 'Asia/Tokyo'];

type LocalDay = { year: number; month: number; day: number; weekday: number };
/** What a phrase means: these minutes of the day, on the days `days` accepts, on the zone's clock (or UTC's, for intervals). */
interface Spec {
  minutes: number[];
  days?: (date: LocalDay) => boolean;
  /** Cron steps run on the UTC clock whatever the zone: "every 90 minutes". */
  utc?: boolean;
  /** Days to compare over (the window also ends at the zone's next offset change). */
  span?: number;
  /** A day of the month or a month limit: may be refused where the time crosses midnight in UTC. */
  dated?: boolean;
}

const at = (...clocks: string[]) => clocks.map((c) => Number(c.split(':')[0]) * 60 + Number(c.split(':')[1] ?? 0));
const every = (step: number, from = 0, to = 1439) => [...Array(Math.floor((to - from) / step) + 1).keys()].map((k) => from + k * step);
const weekdays =
  (...days: number[]) =>
  (d: LocalDay) =>
    days.includes(d.weekday);
const monthDays =
  (...days: number[]) =>
  (d: LocalDay) =>
    days.includes(d.day);
const daysInMonth = (d: LocalDay) => new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();

const FAMILIES: Array<[string, Spec]> = [
  // Intervals limited to days, hours or months.
  ['every 20 minutes on weekdays', { minutes: every(20), days: weekdays(1, 2, 3, 4, 5), span: 14 }],
  ['Every 10 Minutes On Thursdays', { minutes: every(10), days: weekdays(4), span: 14 }],
  ['every hour on weekends', { minutes: every(60), days: weekdays(0, 6), span: 21 }],
  ['every 30 minutes between 9am and 5pm', { minutes: every(30, 540, 17 * 60), span: 14 }],
  ['every hour from 9 to 17 on weekdays', { minutes: every(60, 540, 1020), days: weekdays(1, 2, 3, 4, 5), span: 21 }],
  // A window's end is its last fire: "until noon" ends at 12:00, never after.
  ['every 15 minutes from 8:30 until noon on mondays', { minutes: every(15, 510, 720), days: weekdays(1), span: 30 }],
  ['every 30 minutes from 9 to 5 on weekdays', { minutes: every(30, 540, 1020), days: weekdays(1, 2, 3, 4, 5), span: 14 }],
  ['every 20 mins on weekdays between 9 and 6', { minutes: every(20, 540, 1080), days: weekdays(1, 2, 3, 4, 5), span: 14 }],
  // "before" leaves its end out.
  ['every 15 minutes after 9am and before 11am', { minutes: every(15, 540, 645), span: 14 }],
  ['every 5 mins after 2:00pm and before 2:55pm', { minutes: every(5, 840, 890), span: 14 }],
  ['every 30 minutes from 10 to 2pm', { minutes: every(30, 600, 840), span: 14 }],
  ['every 2 hours between 10pm and 6am', { minutes: [1320, 0, 120, 240, 360], span: 14 }],
  // Frequencies.
  ['every other hour', { minutes: every(120), utc: true, span: 10 }],
  ['every other minute', { minutes: every(2), utc: true, span: 2 }],
  ['minutely', { minutes: every(1), utc: true, span: 1 }],
  ['every 90 minutes', { minutes: every(90), utc: true, span: 10 }],
  ['every 45 minutes', { minutes: every(45), utc: true, span: 10 }],
  ['every 40 minutes', { minutes: every(40), utc: true, span: 10 }],
  ['run every 20 minutes', { minutes: every(20), utc: true, span: 5 }],
  ['every 1 week', { minutes: at('9:00'), days: weekdays(1) }],
  ['once a week on sunday', { minutes: at('9:00'), days: weekdays(0) }],
  ['once a day at 7', { minutes: at('7:00') }],
  ['once a month', { minutes: at('9:00'), days: monthDays(1), dated: true }],
  ['twice a day', { minutes: at('9:00', '21:00') }],
  ['quarterly', { minutes: at('9:00'), days: (d) => d.day === 1 && [1, 4, 7, 10].includes(d.month), dated: true, span: 400 }],
  ['yearly', { minutes: at('9:00'), days: (d) => d.day === 1 && d.month === 1, dated: true, span: 400 }],
  ['annually', { minutes: at('9:00'), days: (d) => d.day === 1 && d.month === 1, dated: true, span: 400 }],
  ['every year', { minutes: at('9:00'), days: (d) => d.day === 1 && d.month === 1, dated: true, span: 400 }],
  ['every march 1st at 8am', { minutes: at('8:00'), days: (d) => d.day === 1 && d.month === 3, dated: true, span: 400 }],
  ['every october 31st', { minutes: at('9:00'), days: (d) => d.day === 31 && d.month === 10, dated: true, span: 400 }],
  // Days of the month.
  ['on the 1st at 9am', { minutes: at('9:00'), days: monthDays(1), dated: true, span: 120 }],
  ['first of each month', { minutes: at('9:00'), days: monthDays(1), dated: true, span: 120 }],
  ['every 5th and 20th of the month', { minutes: at('9:00'), days: monthDays(5, 20), dated: true, span: 120 }],
  ['the 15th of every month at noon', { minutes: at('12:00'), days: monthDays(15), dated: true, span: 120 }],
  ['on the 30th of every month at 6pm', { minutes: at('18:00'), days: monthDays(30), dated: true, span: 120 }],
  // Day ranges and month limits.
  ['monday through thursday at 8am', { minutes: at('8:00'), days: weekdays(1, 2, 3, 4) }],
  ['tue-thu at 6pm', { minutes: at('18:00'), days: weekdays(2, 3, 4) }],
  ['every day in august at 9am', { minutes: at('9:00'), days: (d) => d.month === 8, dated: true, span: 400 }],
  ['at 7:45 on tuesday and thursday in june', { minutes: at('7:45'), days: (d) => d.month === 6 && [2, 4].includes(d.weekday), dated: true, span: 400 }],
  ['every weekday at 9pm', { minutes: at('21:00'), days: weekdays(1, 2, 3, 4, 5) }],
  ['every sunday at 1am', { minutes: at('1:00'), days: weekdays(0) }],
  // Sets.
  ['every day at 9:00 and 17:30', { minutes: at('9:00', '17:30') }],
  ['weekdays at 9am and weekends at 11am', { minutes: [], days: () => true }],
  ['every weekday at 8am and 10am', { minutes: at('8:00', '10:00'), days: weekdays(1, 2, 3, 4, 5) }],
  // Clock spellings and filler.
  ['daily at 9:5', { minutes: at('9:05') }],
  ['every day at 3p', { minutes: at('15:00') }],
  ['every day at 3 p.m.', { minutes: at('15:00') }],
  ['every day at 3PM', { minutes: at('15:00') }],
  ['every day at 15h', { minutes: at('15:00') }],
  ["every day at 3 o'clock", { minutes: at('15:00') }],
  ['every day at half past 9', { minutes: at('9:30') }],
  ['every day at quarter to 5pm', { minutes: at('16:45') }],
  ['every day at 10 minutes to 3pm', { minutes: at('14:50') }],
  ['every day at nine am', { minutes: at('9:00') }],
  ['daily at seven thirty pm', { minutes: at('19:30') }],
  ['every day at noon', { minutes: at('12:00') }],
  ['every day at midnight', { minutes: at('0:00') }],
  ['remind me every tuesday at 9', { minutes: at('9:00'), days: weekdays(2) }],
  ['please send daily at 8', { minutes: at('8:00') }],
  ['every  Monday   evening at 7:30', { minutes: at('19:30'), days: weekdays(1) }],
];

/** The first instant after `now` a spec means, on the zone's real clock. */
function firstInstant(spec: Spec, zone: string, phrase: string): number {
  const clockZone = spec.utc ? 'UTC' : zone;
  const start = wallTime(clockZone, NOW);
  for (let i = 0; i < 800; i++) {
    const date = addDays(start, i);
    const times = minutesOn(spec, date, phrase)
      .map((m) => instantFromLocal(clockZone, { ...date, hour: Math.floor(m / 60), minute: m % 60, second: 0 }))
      .filter((t) => t > NOW);
    if (times.length > 0) return Math.min(...times);
  }
  throw new Error(`no instant for ${phrase}`);
}

function minutesOn(spec: Spec, date: LocalDay, phrase: string): number[] {
  if (phrase.startsWith('weekdays at 9am and weekends')) return [date.weekday === 0 || date.weekday === 6 ? 660 : 540];
  return !spec.days || spec.days(date) ? spec.minutes : [];
}

/** The instants a spec means in (from, to), a window in which the zone's offset does not change. */
function expectedInstants(spec: Spec, zone: string, from: number, to: number, phrase: string): number[] {
  const offset = spec.utc ? 0 : offsetMinutes(zone, from + 1);
  const out: number[] = [];
  const start = wallTime('UTC', from + offset * 60_000);
  for (let i = 0; ; i++) {
    const date = addDays(start, i);
    const midnight = Date.UTC(date.year, date.month - 1, date.day) - offset * 60_000;
    if (midnight > to) break;
    for (const minute of minutesOn(spec, date, phrase)) {
      const t = midnight + minute * 60_000;
      if (t > from && t < to) out.push(t);
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** A small cron reader of its own (numbers, *, ranges, lists, steps), so the check does not trust the code it checks. */
function cronFires(crons: string[], from: number, to: number): number[] {
  const field = (text: string, min: number, max: number) => {
    const values = new Set<number>();
    for (const part of text.split(',')) {
      const [range, step] = part.split('/');
      const [low, high] = range === '*' ? [min, max] : range!.includes('-') ? range!.split('-').map(Number) : [Number(range), step ? max : Number(range)];
      for (let v = low!; v <= high!; v += Number(step ?? 1)) values.add(v);
    }
    return values;
  };
  const out: number[] = [];
  for (const cron of crons) {
    const [minute, hour, dom, month, dow] = cron.split(' ');
    const [minutes, hours, doms, months, dows] = [field(minute!, 0, 59), field(hour!, 0, 23), field(dom!, 1, 31), field(month!, 1, 12), field(dow!, 0, 7)];
    if (dows.has(7)) dows.add(0);
    for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
      const d = new Date(day);
      const domOk = doms.has(d.getUTCDate());
      const dowOk = dows.has(d.getUTCDay());
      // Cron's rule: with both day fields restricted, either may match.
      const dayOk = dom !== '*' && dow !== '*' ? domOk || dowOk : domOk && dowOk;
      if (!dayOk || !months.has(d.getUTCMonth() + 1)) continue;
      for (const h of hours)
        for (const m of minutes) {
          const t = day + h * 3_600_000 + m * 60_000;
          if (t > from && t < to) out.push(t);
        }
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * A UTC cron is right from the zone's last offset change before the first
 * fire until its next change: compare every firing minute in that window.
 */
function checkFires(meaning: RecurringMeaning, spec: Spec, zone: string, phrase: string) {
  const crons = meaning.cron_expressions ?? [meaning.cron_expression];
  for (const cron of crons) expect(validateCron(cron)).toBe(cron);
  const span = (spec.span ?? 60) * DAY;
  const first = firstInstant(spec, zone, phrase);
  let from = NOW;
  let change = spec.utc ? null : nextOffsetChange(zone, NOW, 800);
  while (change && change.at <= first) {
    from = change.at;
    change = nextOffsetChange(zone, change.at + 60_000, 800);
  }
  const to = Math.min(change ? change.at : Infinity, first + span);
  const expected = expectedInstants(spec, zone, from, to, phrase);
  expect(expected.length).toBeGreaterThan(0);
  const actual = cronFires(crons, from, to);
  const local = (t: number) => `${new Date(t).toISOString()} (${JSON.stringify(wallTime(zone, t))})`;
  const actualSet = new Set(actual);
  const expectedSet = new Set(expected);
  const missing = expected.filter((t) => !actualSet.has(t));
  const extra = actual.filter((t) => !expectedSet.has(t));
  expect({ missing: missing.slice(0, 3).map(local), extra: extra.slice(0, 3).map(local) }).toEqual({ missing: [], extra: [] });
}

describe('every recurring family fires exactly at the local times it means, in every zone', () => {
  for (const zone of ZONES) {
    it.each(FAMILIES)(`%s in ${zone}`, async (phrase, spec) => {
      let meaning: RecurringMeaning;
      try {
        meaning = await recurring(phrase, { now: NOW, zone });
      } catch (error) {
        // Only a day of the month or a month limit may need a series, and only where its time is on another UTC day.
        expect(error).toBeInstanceOf(UsageError);
        expect((error as UsageError).message).toMatch(/cannot be written as one cron or a set of crons: .* is on the (previous|next) day in UTC/);
        expect(spec.dated).toBe(true);
        const first = firstInstant(spec, zone, phrase);
        const offset = offsetMinutes(zone, first);
        expect(spec.minutes.some((m) => m - offset < 0 || m - offset >= 1440)).toBe(true);
        return;
      }
      checkFires(meaning, spec, zone, phrase);
      if (meaning.cron_expressions) {
        expect(meaning.cron_expressions.length).toBeGreaterThan(1);
        expect(meaning.cron_expressions.length).toBeLessThanOrEqual(4);
        expect(meaning.crons?.map((c) => c.cron_expression)).toEqual(meaning.cron_expressions);
        expect(meaning.cron_expression).toBe(meaning.cron_expressions[0]);
      }
    });
  }
});

describe('the crons each phrase is sent as, zone UTC', () => {
  it.each([
    ['every 20 minutes on weekdays', ['*/20 * * * 1-5']],
    ['every hour on weekends', ['0 * * * 0,6']],
    ['every 30 minutes between 9am and 5pm', ['*/30 9-16 * * *', '0 17 * * *']],
    ['every hour from 9 to 17 on weekdays', ['0 9-17 * * 1-5']],
    ['every other hour', ['0 */2 * * *']],
    ['twice a day', ['0 9,21 * * *']],
    ['quarterly', ['0 9 1 */3 *']],
    ['yearly', ['0 9 1 1 *']],
    ['every march 1st at 8am', ['0 8 1 3 *']],
    ['every 5th and 20th of the month', ['0 9 5,20 * *']],
    ['tue-thu at 6pm', ['0 18 * * 2-4']],
    ['every day in august at 9am', ['0 9 * 8 *']],
    ['at 7:45 on tuesday and thursday in june', ['45 7 * 6 2,4']],
    ['every 90 minutes', ['0 */3 * * *', '30 1-22/3 * * *']],
    ['every 40 minutes', ['0,40 */2 * * *', '20 1-23/2 * * *']],
    ['every day at 9:00 and 17:30', ['0 9 * * *', '30 17 * * *']],
    ['weekdays at 9am and weekends at 11am', ['0 9 * * 1-5', '0 11 * * 0,6']],
    ['every monday at 9am and every friday at 5pm', ['0 9 * * 1', '0 17 * * 5']],
    ['at 9am every day', ['0 9 * * *']],
    ['9am daily', ['0 9 * * *']],
    ['every twelve hours', ['0 */12 * * *']],
    ['every hour on the half hour', ['30 * * * *']],
    ['every hour at half past', ['30 * * * *']],
    ['hourly at quarter past', ['15 * * * *']],
    ['every hour, on the hour', ['0 * * * *']],
    ['twice daily', ['0 9,21 * * *']],
    ['every 4 hours starting at 10am', ['0 2-22/4 * * *']],
    ['every 6 hours from 9:30', ['30 3-21/6 * * *']],
    ['every day of the week at 7', ['0 7 * * *']],
    ['every minute of every day', ['* * * * *']],
    ['every day except sunday', ['0 9 * * 1-6']],
    ['every weekday except friday at 4pm', ['0 16 * * 1-4']],
    ['every day except the weekend at 8am', ['0 8 * * 1-5']],
    ['every hour but not the weekends', ['0 * * * 1-5']],
    ['every day at 9 and 5', ['0 9,17 * * *']],
    ['mon to fri 9am', ['0 9 * * 1-5']],
    ['every sat and sun at 10', ['0 10 * * 0,6']],
    ['the first day of every month', ['0 9 1 * *']],
    ['on the 1st and 15th', ['0 9 1,15 * *']],
    ['every 1st of the month at 10am', ['0 10 1 * *']],
    ['every year on january 1st', ['0 9 1 1 *']],
    ['every jan 1 at midnight', ['0 0 1 1 *']],
    // "every N months" counts from its next run (the spec's rule for a start the phrase does not give): from 1 and 15 December.
    ['every 3 months', ['0 9 1 3-12/3 *']],
    ['every 6 months on the 15th', ['0 9 15 6,12 *']],
    ['semiannually', ['0 9 1 */6 *']],
    ['every 15 minutes between 8:00 and 18:00 monday through friday', ['*/15 8-17 * * 1-5', '0 18 * * 1-5']],
    ['every half hour between 9 and 5', ['*/30 9-16 * * *', '0 17 * * *']],
    ['every hour between 9 and 5', ['0 9-17 * * *']],
  ])('%s -> %j', async (phrase, crons) => {
    const meaning = await recurring(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.cron_expressions ?? [meaning.cron_expression]).toEqual(crons);
  });

  it.each([
    // An am/pm after the list covers the bare times before it while they stay in order; otherwise the rule reads them.
    ['every day at 9 and 5pm', '0 9,17 * * *', ['9']],
    ['every day at 9 and 9pm', '0 9,21 * * *', ['9']],
    ['every day at 11 and 1pm', '0 11,13 * * *', ['11']],
    ['every day at 9, 1 and 5pm', '0 9,13,17 * * *', ['1', '9']],
    ['every day at 7 and 11pm', '0 19,23 * * *', ['7']],
    ['every day at 8 and 10 am', '0 8,10 * * *', ['8']],
    ['every day at 11, 12 and 1 am', '0 0,1,11 * * *', ['12', '11']],
    ['every monday and wednesday at 9:30 and 4:30pm', '30 9,16 * * 1,3', ['9:30']],
    ['at 9 and 5pm on weekdays', '0 9,17 * * 1-5', ['9']],
    // A later bare time written smaller is in the afternoon, and said so.
    ['every day at 3pm and 9', '0 15,21 * * *', ['9']],
    ['every day at 8, 12 and 6', '0 8,12,18 * * *', ['6', '8', '12']],
  ])('a list of times: %s -> %s, with a note for each time without its own am/pm', async (phrase, cron, noted) => {
    const meaning = await recurring(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.cron_expression).toBe(cron);
    expect(meaning.notes.map((note) => /^read '([^']+)'/.exec(note)?.[1])).toEqual(noted);
  });

  it.each([
    ['three times a day', '0 9,15,21 * * *', "read 'three times a day' as 09:00, 15:00 and 21:00"],
    ['4 times a day', '0 9-21/4 * * *', "read '4 times a day' as 09:00, 13:00, 17:00 and 21:00"],
  ])('%s -> %s, said, since it names no times', async (phrase, cron, note) => {
    const meaning = await recurring(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toContain(note);
  });

  it('a 12 an am after the list covers is midnight, and its note says so', async () => {
    const meaning = await recurring('every day at 11, 12 and 1 am', { now: NOW, zone: 'UTC' });
    expect(meaning.notes).toContain("read '12' as 00:00, after midnight; write '12 pm' or 12:00 for after noon");
  });

  it('a caller that has not asked for sets gets an error naming every cron, never part of the schedule', async () => {
    const error = (await meaningOfRecurring('every 90 minutes', { now: NOW, zone: 'UTC' }).catch((e: unknown) => e)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe("'every 90 minutes' needs 2 crons to be exact (0 */3 * * *, 30 1-22/3 * * *), one schedule each");
    expect(error.hint).toBe("Create one schedule per cron: --cron '0 */3 * * *', then --cron '30 1-22/3 * * *'.");
  });

  it('a day that crosses midnight in UTC splits into an exact set: every day in august at 9am in Sydney', async () => {
    const meaning = await recurring('every day in august at 9am', { now: NOW, zone: 'Australia/Sydney' });
    expect(meaning.cron_expressions).toEqual(['0 23 31 7 *', '0 23 1-30 8 *']);
    expect(meaning.local_cron).toBe('0 9 * 8 *');
    expect(meaning.crons).toHaveLength(2);
  });
});

describe('rules no set of crons says exactly become a series', () => {
  const SERIES: Array<[string, (local: LocalDay & { hour: number; minute: number }) => boolean]> = [
    ['first monday of the month', (w) => w.weekday === 1 && w.day <= 7 && w.hour === 9 && w.minute === 0],
    ['last friday of every month at 5pm', (w) => w.weekday === 5 && w.day + 7 > daysInMonth(w) && w.hour === 17],
    ['last day of the month', (w) => w.day === daysInMonth(w) && w.hour === 9],
    ['the second tuesday of each month at 10:30', (w) => w.weekday === 2 && w.day > 7 && w.day <= 14 && w.hour === 10 && w.minute === 30],
    ['every other tuesday', (w) => w.weekday === 2 && w.hour === 9],
    ['every 3 days at 8pm', (w) => w.hour === 20 && w.minute === 0],
    ['every other day', (w) => w.hour === 9],
    ['every second tuesday', (w) => w.weekday === 2 && w.day > 7 && w.day <= 14 && w.hour === 9],
    ['fortnightly on friday at 4pm', (w) => w.weekday === 5 && w.hour === 16],
    ['monthly on the last friday', (w) => w.weekday === 5 && w.day + 7 > daysInMonth(w) && w.hour === 9],
  ];
  for (const zone of ZONES) {
    it.each(SERIES)(`%s in ${zone}`, async (phrase, check) => {
      const meaning = await meaningOfSchedule(phrase, { now: NOW, zone }, 12);
      expect(meaning.type).toBe('series');
      if (meaning.type !== 'series') return;
      expect(meaning.reason).toMatch(/cannot be written as one cron or a set of crons/);
      const instants = meaning.next_runs.map((iso) => Date.parse(iso));
      expect(instants).toHaveLength(12);
      // Twelve runs cross a DST change in every zone that has one; each stays at its local time.
      for (const t of instants) expect(check(wallTime(zone, t))).toBe(true);
      expect(instants.every((t, i) => i === 0 || t > instants[i - 1]!)).toBe(true);
      expect(instants[0]!).toBeGreaterThan(NOW);
      // `recurring create` refuses it with the same explanation.
      const error = await recurring(phrase, { now: NOW, zone }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toContain(meaning.reason);
    });
  }

  it('every other tuesday keeps a two-week gap, and every 3 days a three-day gap, across a DST change', async () => {
    const zone = 'America/New_York';
    const tuesdays = await meaningOfSchedule('every other tuesday at 9am', { now: Date.parse('2027-02-01T12:00:00Z'), zone }, 6);
    const days = tuesdays.next_runs.map((iso) => wallTime(zone, Date.parse(iso))).map((w) => Date.UTC(w.year, w.month - 1, w.day) / DAY);
    expect(days.slice(1).map((d, i) => d - days[i]!)).toEqual([14, 14, 14, 14, 14]);
    const threeDays = await meaningOfSchedule('every 3 days', { now: Date.parse('2027-03-10T12:00:00Z'), zone }, 5);
    expect(threeDays.next_runs_local).toEqual(['2027-03-10 09:00 EST', '2027-03-13 09:00 EST', '2027-03-16 09:00 EDT', '2027-03-19 09:00 EDT', '2027-03-22 09:00 EDT']);
  });

  it('every 7 minutes runs every 7 minutes of elapsed time, from the next whole minute', async () => {
    const meaning = await meaningOfSchedule('every 7 minutes', { now: Date.parse('2026-11-22T15:00:30Z'), zone: 'Asia/Kolkata' }, 3);
    expect(meaning.type).toBe('series');
    expect(meaning.next_runs).toEqual(['2026-11-22T15:01:00.000Z', '2026-11-22T15:08:00.000Z', '2026-11-22T15:15:00.000Z']);
  });

  it('nextInstants is pure and stops at the end given', async () => {
    const meaning = await meaningOfSchedule('first monday of the month at 9am', { now: NOW, zone: 'Europe/London' }, 1);
    if (meaning.type !== 'series') throw new Error('expected a series');
    const a = nextInstants(meaning.rule, 'Europe/London', NOW, 5);
    expect(nextInstants(meaning.rule, 'Europe/London', NOW, 5)).toEqual(a);
    expect(nextInstants(meaning.rule, 'Europe/London', NOW, 5, a[2]!)).toEqual(a.slice(0, 3));
    expect(nextInstants(meaning.rule, 'Europe/London', a[0]!, 2)).toEqual(a.slice(1, 3));
    expect(a.map((t) => new Date(t).toISOString())).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2027-01-04T09:00:00.000Z',
      '2027-02-01T09:00:00.000Z',
      '2027-03-01T09:00:00.000Z',
      '2027-04-05T08:00:00.000Z',
    ]);
  });

  it('a series anchored on a day keeps its anchor: asking again later gives the same days', async () => {
    const zone = 'Asia/Tokyo';
    const meaning = await meaningOfSchedule('every 3 days at 8pm', { now: NOW, zone }, 1);
    if (meaning.type !== 'series') throw new Error('expected a series');
    const later = nextInstants(meaning.rule, zone, NOW + 10 * DAY, 2);
    const fromStart = nextInstants(meaning.rule, zone, NOW, 10);
    expect(fromStart).toEqual(expect.arrayContaining(later));
  });
});

describe('properties: generated phrases fire exactly at the local times they name', () => {
  const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  it('named days, times and windows in any zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES, 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham'),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
        fc.oneof(
          fc.record({ kind: fc.constant('times' as const), times: fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 1, maxLength: 2 }) }),
          fc.record({
            kind: fc.constant('window' as const),
            step: fc.constantFrom(15, 20, 30, 60, 120),
            from: fc.integer({ min: 0, max: 22 }),
            length: fc.integer({ min: 1, max: 10 }),
          }),
        ),
        async (zone, days, when) => {
          const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const dayText = days.map((d) => DAY_NAMES[d]).join(' and ');
          let phrase: string;
          let spec: Spec;
          if (when.kind === 'times') {
            phrase = `every ${dayText} at ${when.times.map(clock).join(' and ')}`;
            spec = { minutes: when.times, days: weekdays(...days), span: 30 };
          } else {
            const to = Math.min(23, when.from + when.length);
            const step = when.step >= 60 ? `${when.step / 60} hours` : `${when.step} minutes`;
            phrase = `every ${step} between ${clock(when.from * 60)} and ${clock(to * 60)} on ${dayText}`;
            spec = { minutes: every(when.step, when.from * 60, to * 60), days: weekdays(...days), span: 21 };
          }
          let meaning: RecurringMeaning;
          try {
            meaning = await recurring(phrase, { now: NOW, zone });
          } catch (error) {
            // More than four crons would be needed: refused, never approximated.
            expect((error as UsageError).message).toMatch(/needs \d+ crons/);
            return;
          }
          checkFires(meaning, spec, zone, phrase);
        },
      ),
      { numRuns: 60, seed: 20261130 },
    );
  });

  it('intervals that divide the day are exact sets over a whole year in zones without DST', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...[1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 40, 45, 60, 90, 120, 180, 240, 360, 480, 720]), async (step) => {
        const phrase = step % 60 === 0 ? `every ${step / 60} hours` : `every ${step} minutes`;
        const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'Asia/Kolkata' }, 3);
        if (meaning.type === 'series') {
          expect(meaning.reason).toMatch(/needs \d+ crons/);
          return;
        }
        const span = step < 30 ? 3 : 366;
        const spec: Spec = { minutes: every(step), utc: true, span };
        checkFires(meaning, spec, 'Asia/Kolkata', phrase);
      }),
      { numRuns: 22, seed: 1 },
    );
  });
});

describe('explaining what really happens', () => {
  it('every 2h in Asia/Kolkata says its runs are at :30 local', async () => {
    const meaning = await recurring('every 2h', { now: NOW, zone: 'Asia/Kolkata' });
    expect(meaning.cron_expression).toBe('0 */2 * * *');
    expect(meaning.local_cron).toBe('30 1-23/2 * * *');
    expect(meaning.description).toMatch(/30 minutes past the hour/);
    expect(meaning.description).not.toMatch(/on the hour/i);
    expect(meaning.next_runs_local.every((local) => / \d\d:30 /.test(local))).toBe(true);
  });

  it('every hour at :00 on Lord Howe just before its 30-minute change uses the offset of the next run', async () => {
    const meaning = await recurring('every hour at :00', { now: Date.parse('2026-10-03T15:00:00Z'), zone: 'Australia/Lord_Howe' });
    expect(meaning.cron_expression).toBe('0 * * * *');
    expect(meaning.next_runs_local.every((local) => / \d\d:00 /.test(local))).toBe(true);
    expect(meaning.warnings.join('\n')).toMatch(/changes its clocks on 2026-10-04, before this schedule first runs/);
    expect(meaning.warnings.join('\n')).toMatch(/from 2027-04-04 this schedule will run at \d\d:30 local time instead of \d\d:00/);
  });

  it('every hour at :30 on Lord Howe in summer warns that the next change moves it', async () => {
    const meaning = await recurring('every hour at :30', { now: NOW, zone: 'Australia/Lord_Howe' });
    expect(meaning.warnings.join('\n')).toMatch(/from 2027-04-04 .* local time instead of/);
  });

  it('every day at noon in Santiago the day its clocks go back: the cron is right for the next noon, and the early run is named', async () => {
    const meaning = await recurring('every day at noon', { now: Date.parse('2026-04-04T15:00:00Z'), zone: 'America/Santiago' });
    expect(meaning.cron_expression).toBe('0 16 * * *');
    expect(meaning.next_runs_local.slice(1)).toEqual(['2026-04-05 12:00 GMT-4', '2026-04-06 12:00 GMT-4', '2026-04-07 12:00 GMT-4', '2026-04-08 12:00 GMT-4']);
    expect(meaning.warnings[0]).toMatch(/changes its clocks on 2026-04-04, before this schedule first runs: .*UTC-4.*13:00 local time on 2026-04-04/);
  });

  it('with two changes before the first run, the offset said is the first run’s (every feb 29 in New York, now November)', async () => {
    const meaning = await recurring('every feb 29', { now: NOW, zone: 'America/New_York' });
    expect(meaning.cron_expression).toBe('0 14 29 2 *');
    expect(meaning.warnings[0]).toMatch(/before this schedule first runs: the cron is computed for the offset of its first run \(UTC-5\)/);
  });

  it('the DST warning names the first affected run, not the change: every day at 1:30am in New York', async () => {
    const meaning = await recurring('every day at 1:30am', { now: NOW, zone: 'America/New_York' });
    expect(meaning.warnings[0]).toMatch(/from 2027-03-15 this schedule will run at 02:30 local time instead of 01:30/);
  });

  it('the warning says when the day changes too', async () => {
    const meaning = await recurring('every monday at 12:30am', { now: NOW, zone: 'Australia/Sydney' });
    expect(meaning.warnings[0]).toMatch(/23:30 local time instead of 00:30 on Sunday instead of Monday/);
  });

  it('an interval that is the same on the hour after a one-hour change gets no warning', async () => {
    expect((await recurring('every hour at :15', { now: NOW, zone: 'America/New_York' })).warnings).toEqual([]);
    expect((await recurring('every 2 hours', { now: NOW, zone: 'America/New_York' })).warnings).toEqual([]);
  });
});

describe('errors', () => {
  it.each([
    ['*/61 * * * *', /step \/61 in the minute field is larger than the field's 60 values/],
    ['0 */25 * * *', /step \/25 in the hour field/],
    ['0 9 */32 * *', /day of month field/],
    ['0 9 * */13 *', /month field/],
    ['0 9 * * */8', /day of week field/],
  ])('raw cron %s is refused', async (input, message) => {
    const error = await recurring(input, { now: NOW, zone: 'UTC' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
  });

  it.each(['*/60 * * * *', '0 */24 * * *', '*/15 * * * *', '0 9 1-31/2 * *'])('raw cron %s is accepted', async (input) => {
    expect((await recurring(input, { now: NOW, zone: 'UTC' })).cron_expression).toBe(input);
  });

  it('a phrase that is one instant points to --execute-at', async () => {
    const error = await recurring('tomorrow at 9am', { now: NOW, zone: 'UTC' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/'tomorrow at 9am' is one instant \(2026-11-23 09:00 UTC\), not a repeating schedule/);
    expect((error as UsageError).hint).toContain('--execute-at "tomorrow at 9am"');
  });

  it.each([
    ['every day at 13pm', /'13pm' is not a time of day: with am\/pm the hour must be 1-12/],
    ['daily at 25:00', /hour 25 is out of range/],
    ['every 0 minutes', /at least 1/],
    ['every monday on the 15th', /names days of the week and days of the month together; a cron would fire on either/],
    ['every monday at 9am on the 15th', /together; a cron would fire on either/],
    ['every year on the 15th', /names a day but not its month/],
    ['twice a week on monday', /names 1 day for twice a week/],
    ['5 times a month', /does not say which days 5 times a month falls on/],
    ['every day twice a week', /says twice a week beside every day/],
    ['on the 32nd of every month', /day of month 32 is out of range/i],
    ['every february 30th', /february has no day 30/i],
    ['every 20 minutes on the 1st in tokyo time', /cannot be written as one cron or a set of crons: .* in Asia\/Tokyo is on the previous day in UTC/],
    ['every 32 minutes on weekdays', /needs \d+ crons|cannot be written/],
    ['every 7 minutes on weekdays', /7 does not divide 60/],
  ])('%s', async (input, message) => {
    const error = await recurring(input, { now: NOW, zone: 'America/New_York' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
  });

  // Round trip: every phrase an error suggests is itself understood.
  it.each([
    ['every 7 minutes', 'UTC'],
    ['every 5 hours', 'UTC'],
    ['every 2 days', 'UTC'],
    ['every fortnight', 'UTC'],
    ['every 30 seconds', 'UTC'],
    ['@daily', 'UTC'],
    ['every blue moon at 9', 'UTC'],
    ['every hour at :75', 'UTC'],
    ['0 0 9 * * *', 'UTC'],
  ])('the phrases suggested for %s work', async (input, zone) => {
    const error = await recurring(input, { now: NOW, zone }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const { message, hint } = error as UsageError;
    expect(message).toContain(input.trim());
    // The forms after "Try" (a "did you mean" before it names single words).
    const suggested = [...(hint ?? '').replace(/^.*?(?=Try |Use |Name |Write |For |Drop )/, '').matchAll(/'([^']+)'/g)].map((m) => m[1]!).filter((phrase) => phrase !== input);
    expect(suggested.length).toBeGreaterThan(0);
    for (const phrase of suggested) {
      const meaning = await meaningOfSchedule(phrase, { now: NOW, zone });
      expect(meaning.type).toBe('recurring');
    }
  });

  it('a day of the month that crosses midnight names the local times that work, and they do', async () => {
    const error = (await recurring('on the 1st of every month at 1am', { now: NOW, zone: 'Asia/Tokyo' }).catch((e: unknown) => e)) as UsageError;
    const [, low, high] = /between (\d\d:\d\d) and (\d\d:\d\d)/.exec(error.hint ?? '')!;
    for (const time of [low, high]) {
      const meaning = await recurring(`on the 1st of every month at ${time}`, { now: NOW, zone: 'Asia/Tokyo' });
      expect(meaning.cron_expression).toMatch(/ 1 \* \*$/);
    }
  });
});

describe('every reader runs in time linear in its input', () => {
  // Exponential backtracking made 24 items take 16 s and doubled per item; thousands now return at once.
  it.each([
    `every ${'9 and '.repeat(3000)}x`,
    `every ${'monday and '.repeat(3000)}x`,
    `every day at ${'9, '.repeat(3000)}x`,
    `${'every '.repeat(3000)}day`,
    `every ${'5th and '.repeat(3000)}x of the month`,
    `${'9'.repeat(20000)}`,
    `every ${'quarter past '.repeat(2000)}9`,
    `every day between ${'9 and '.repeat(2000)}5`,
  ])('a long phrase is answered (%#)', async (input) => {
    const answer = await recurring(input, { now: NOW, zone: 'UTC' }).catch((e: unknown) => e);
    if (!(answer instanceof UsageError)) expect(answer).toMatchObject({ type: 'recurring' });
  });

  it('a long but valid list of days and times is read', async () => {
    const meaning = await recurring(`every ${'monday, tuesday and '.repeat(500)}friday at ${'9am and '.repeat(500)}5pm`, { now: NOW, zone: 'UTC' });
    expect(meaning.cron_expression).toBe('0 9,17 * * 1,2,5');
  });
});

describe('importing the time modules changes nothing global', () => {
  it('neither luxon settings nor TZ change on import, and cron functions put luxon back', async () => {
    vi.resetModules();
    const { Settings } = await import('luxon');
    const zone = Settings.defaultZone;
    const locale = Settings.defaultLocale;
    const tz = process.env.TZ;
    const cron = await import('../../src/time/cron');
    await import('../../src/time/resolve-recurring');
    await import('../../src/time/to-utc');
    await import('../../src/time/series');
    expect(process.env.TZ).toBe(tz);
    expect(Settings.defaultZone).toBe(zone);
    expect(Settings.defaultLocale).toBe(locale);
    cron.nextRuns('0 9 * * *', NOW, 2);
    cron.validateCron('0 9 * * *');
    expect(Settings.defaultZone).toBe(zone);
    expect(Settings.defaultLocale).toBe(locale);
  });
});

describe('two times one after the other, with no "and"', () => {
  const options = { now: Date.parse('2026-11-22T15:00:00Z'), zone: 'America/New_York' };
  it.each(['every day at 9am at 10am', 'every monday at 9:30 at 5pm', 'at 9am every monday at 5pm'])('%s is refused, naming both and how to join them', async (phrase) => {
    await expect(meaningOfSchedule(phrase, options, 2)).rejects.toThrow(/two times one after the other, with no 'and'/);
  });

  it.each([
    ['every day at 9am and at 5pm', '0 14,22 * * *'],
    ['every day at 9 at night', '0 2 * * *'],
    ['every day at ten p m', '0 3 * * *'],
    ['every day at 3:20 in afternoon', '20 20 * * *'],
  ])('%s, joined or one time, reads', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, options, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });
});
