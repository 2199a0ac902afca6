import { describe, expect, it } from 'vitest';
import { meaningOfSchedule } from '../../src/time/index';

/*
 * A cron set whose parts next run on different sides of a DST change: each
 * part is converted with the offset of its own next run, so every part's next
 * run is at the local time asked for (and a warning says sync keeps it so).
 */
const NOW = Date.parse('2026-12-02T16:00:00Z');

/** The local clock time of each cron's own next run, by the crons' UTC fields. */
async function eachPartsNextLocal(phrase: string, zone: string): Promise<string[]> {
  const meaning = await meaningOfSchedule(phrase, { now: NOW, zone }, 40);
  if (meaning.type !== 'recurring') throw new Error(`${phrase} is a ${meaning.type}`);
  const crons = meaning.cron_expressions ?? [meaning.cron_expression];
  const { nextRuns } = await import('../../src/time/cron');
  return crons.map((cron) => {
    const run = nextRuns(cron, NOW, 1)[0]!;
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(run);
  });
}

describe('yearly parts on both sides of a DST change', () => {
  it.each([
    ['America/New_York', 'every year on march 1 and november 1 at 9am', '09:00'],
    ['America/New_York', 'every march 1st and july 1st at 9am', '09:00'],
    ['America/New_York', 'every year on march 3rd, 10th and 17th at 8pm', '20:00'],
    ['Europe/London', 'every january 15th and june 15th at 7:30am', '07:30'],
    ['Australia/Sydney', 'every year on january 10 and july 10 at 6pm', '18:00'],
  ])('%s: %s runs each part at its local time', async (zone, phrase, clock) => {
    const clocks = await eachPartsNextLocal(phrase, zone);
    expect(clocks.length).toBeGreaterThan(1);
    expect(new Set(clocks)).toEqual(new Set([clock]));
  });

  it('warns with both offsets', async () => {
    const meaning = await meaningOfSchedule('every year on march 1 and november 1 at 9am', { now: NOW, zone: 'America/New_York' });
    expect(meaning.warnings.join(' ')).toMatch(/different sides of a change: .*\(UTC-5 and UTC-4\)/);
  });

  it('names the first run of a part the coming change moves, as for one cron', async () => {
    const meaning = await meaningOfSchedule('weekdays at 9am and weekends at 11am', { now: Date.parse('2027-03-13T15:00:00Z'), zone: 'America/New_York' });
    expect(meaning.warnings.join(' ')).toContain('(UTC-4 and UTC-5), so from 2027-03-14 its 11:00 runs will run at 12:00 local time instead.');
  });

  it('says dates on one offset as one cron (the same days in each month named)', async () => {
    const meaning = await meaningOfSchedule('every year on march 1 and november 1 at 9am', { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && [meaning.cron_expression, meaning.cron_expressions]).toEqual(['0 9 1 3,11 *', undefined]);
  });
});

/* A series run at a local time a DST change skips (moved forward) or repeats (the first) says so in a note. */
describe('a series on a DST day says what it did with the time', () => {
  const ZONE = 'America/New_York';
  const series = async (phrase: string, now: string) => {
    const meaning = await meaningOfSchedule(phrase, { now: Date.parse(now), zone: ZONE }, 5);
    return { type: meaning.type, runs: meaning.next_runs_local, notes: meaning.notes };
  };

  it('a skipped time is moved forward, said', async () => {
    const meaning = await series('every day at 2:30am for 3 times', '2027-03-13T12:00:00Z');
    expect(meaning.runs).toEqual(['2027-03-14 03:30 EDT', '2027-03-15 02:30 EDT', '2027-03-16 02:30 EDT']);
    expect(meaning.notes).toContain('02:30 does not exist on 2027-03-14, when the clocks go forward; read as 03:30');
  });

  it('a time that occurs twice is the first, said', async () => {
    const meaning = await series('every day at 1:30am for 3 times', '2026-10-31T12:00:00Z');
    expect(meaning.runs).toEqual(['2026-11-01 01:30 EDT', '2026-11-02 01:30 EST', '2026-11-03 01:30 EST']);
    expect(meaning.notes).toContain('01:30 occurs twice on 2026-11-01, when the clocks go back; read as the first');
  });

  it('a window hour the clocks skip is said, not silently gone', async () => {
    const meaning = await series('every hour from 1am to 3am for 3 days', '2027-03-13T12:00:00Z');
    expect(meaning.runs.slice(0, 2)).toEqual(['2027-03-14 01:00 EST', '2027-03-14 03:00 EDT']);
    expect(meaning.notes).toContain('02:00 does not exist on 2027-03-14, when the clocks go forward; read as 03:00');
  });

  it.each([
    ['every other day at 2:30am', '2027-03-13T12:00:00Z'],
    ['second sunday of the month at 2:30am', '2027-03-01T12:00:00Z'],
  ])('%s, a series without ends, says it too', async (phrase, now) => {
    const meaning = await series(phrase, now);
    expect(meaning.type).toBe('series');
    expect(meaning.runs[0]).toBe('2027-03-14 03:30 EDT');
    expect(meaning.notes).toContain('02:30 does not exist on 2027-03-14, when the clocks go forward; read as 03:30');
  });

  it('a DST day past the runs listed is not noted', async () => {
    const meaning = await series('every day at 2:30am for 3 times', '2027-03-01T12:00:00Z');
    expect(meaning.notes.filter((note) => note.includes('clocks'))).toEqual([]);
  });
});

describe('a cron whose first run comes at a clock time the day repeats', () => {
  // Saturday 6 November 2027, 10:00 in New York: the clocks go back at 02:00 the next night.
  const saturday = { now: Date.parse('2027-11-06T15:00:00Z'), zone: 'America/New_York' };

  it('runs at the first of the two, said, as a one-time phrase says it', async () => {
    const meaning = await meaningOfSchedule('every day at 1:30am', saturday, 2);
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('30 5 * * *');
    expect(meaning.next_runs_local[0]).toBe('2027-11-07 01:30 EDT');
    expect(meaning.notes).toContain('01:30 occurs twice on 2027-11-07, when the clocks go back; read as the first');
  });

  it('an interval, on the UTC clock, repeats nothing: no note', async () => {
    const meaning = await meaningOfSchedule('every 30 minutes', { ...saturday, now: Date.parse('2027-11-07T05:10:00Z') }, 4);
    expect(meaning.notes.join('\n')).not.toMatch(/occurs twice/);
  });

  it('a cron given as one, or runs close together (a window), fire at both: no note', async () => {
    const night = { ...saturday, now: Date.parse('2027-11-06T12:00:00Z') };
    expect((await meaningOfSchedule('30 5 * * *', night, 2)).notes.join('\n')).not.toMatch(/occurs twice/);
    expect((await meaningOfSchedule('every hour from 1am to 3am', night, 1)).notes.join('\n')).not.toMatch(/occurs twice/);
  });

  it('a day without a change: no note', async () => {
    expect((await meaningOfSchedule('every day at 1:30am', { ...saturday, now: Date.parse('2027-11-10T15:00:00Z') }, 2)).notes).toEqual([]);
  });
});

describe('dates in a month, and the same days in several months, as few crons as say them', () => {
  it.each([
    ['on 1, 5, 10, 15 and 20 june', 'America/New_York', ['0 13 1,5,10,15,20 6 *']],
    ['on june 1, 5, 10, 15 and 20', 'America/New_York', ['0 13 1,5,10,15,20 6 *']],
    ['the 1st of january, april, july and october', 'UTC', ['0 9 1 */3 *']],
    // Either side of the March change: apart, each at its own UTC hour.
    ['every year on march 3rd, 10th and 17th at 8pm', 'America/New_York', ['0 1 4,11 3 *', '0 0 18 3 *']],
  ])('%s in %s', async (phrase, zone, crons) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone });
    expect(meaning.type === 'recurring' ? (meaning.cron_expressions ?? [meaning.cron_expression]) : []).toEqual(crons);
  });
});

describe('months whose evenings fall on the next day in UTC, as few crons as say them', () => {
  /** Every fire of the crons in 2027 (UTC), merged, as local "MM-DD HH:mm". */
  async function localFires(crons: string[], zone: string): Promise<string[]> {
    const { nextRuns } = await import('../../src/time/cron');
    const from = Date.parse('2027-01-01T00:00:00Z');
    const end = Date.parse('2028-01-01T00:00:00Z');
    const fires = crons.flatMap((cron) => nextRuns(cron, from, 9000).filter((at) => at < end));
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return fires.sort((a, b) => a - b).map((at) => local.format(at).replace(',', ''));
  }
  /** Every local hour at :30 of the months from `first` to `last` in 2027, within the fires' year. */
  function everyHourOf(first: number, last: number, zone: string): string[] {
    const out: string[] = [];
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (let at = Date.parse('2027-01-01T00:30:00Z'); at < Date.parse('2028-01-01T00:00:00Z'); at += 3600_000) {
      const month = Number(local.format(at).slice(0, 2));
      if (month >= first && month <= last) out.push(local.format(at).replace(',', ''));
    }
    return out;
  }

  it.each([
    ['At 30 minutes past the hour, July through September', 'America/New_York', ['30 4-23 * 7-9 *', '30 0-3 1 8-10 *', '30 0-3 2-31 7-9 *']],
    ['every hour at :30 from july to september', 'Asia/Tokyo', ['30 15-23 1-29 7-9 *', '30 15-23 30,31 6-8 *', '30 0-14 * 7-9 *']],
  ])('%s in %s', async (phrase, zone, crons) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone });
    const said = meaning.type === 'recurring' ? (meaning.cron_expressions ?? [meaning.cron_expression]) : [];
    expect(said).toEqual(crons);
    expect(await localFires(said, zone)).toEqual(everyHourOf(7, 9, zone));
  });

  it('one that needs more crons than a set holds is a series of its local times, not refused', async () => {
    const meaning = await meaningOfSchedule('every 30 minutes in july', { now: NOW, zone: 'Asia/Kolkata' }, 3);
    expect(meaning.type === 'series' && meaning.reason).toBe('cannot be written as one cron or a set of crons: it needs 6 crons to be exact, and a schedule here is at most 4');
    expect(meaning.next_runs_local).toEqual(['2027-07-01 00:00 IST', '2027-07-01 00:30 IST', '2027-07-01 01:00 IST']);
  });
});
