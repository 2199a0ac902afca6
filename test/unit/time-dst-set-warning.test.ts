import { describe, expect, it } from 'vitest';
import { meaningOfSchedule } from '../../src/time/index';

/** "2027-04-05 08:00": an instant on the zone's clock, read by Intl (not by the tool). */
function onClock(zone: string, iso: string): { date: string; clock: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, clock: `${parts.hour}:${parts.minute}` };
}

describe("a set's warning names each of its crons the coming change moves", () => {
  it('Auckland going back (2027-04-04): the weekday cron and the weekend cron, each from its own first moved fire', async () => {
    const meaning = await meaningOfSchedule('every weekday at 9am and weekends at 11am', { now: Date.parse('2027-03-30T00:00:00Z'), zone: 'Pacific/Auckland' });
    if (meaning.type !== 'recurring') throw new Error(meaning.type);
    expect(meaning.cron_expressions).toEqual(['0 20 * * 0-4', '0 22 * * 5,6']);
    // The first fire of each cron after the change at 03:00 NZDT on 4 April (14:00 UTC on the 3rd): Saturday 22:00 UTC, Sunday 20:00 UTC.
    const weekend = onClock('Pacific/Auckland', '2027-04-03T22:00:00Z');
    const weekday = onClock('Pacific/Auckland', '2027-04-04T20:00:00Z');
    expect([weekend, weekday]).toEqual([
      { date: '2027-04-04', clock: '10:00' },
      { date: '2027-04-05', clock: '08:00' },
    ]);
    expect(meaning.warnings).toEqual([
      `Pacific/Auckland observes daylight saving time: from ${weekday.date} its 09:00 runs (0 20 * * 0-4) will run at ${weekday.clock} local time instead, ` +
        `and from ${weekend.date} its 11:00 runs (0 22 * * 5,6) will run at ${weekend.clock} local time instead, because Letta evaluates cron in UTC. ` +
        'To keep the local time each must be replaced after the change, which sync does.',
    ]);
  });

  it('London going forward (2027-03-28): both times of a day, each named by its cron', async () => {
    const meaning = await meaningOfSchedule('every day at 9:00 and 17:30', { now: Date.parse('2027-03-20T12:00:00Z'), zone: 'Europe/London' });
    const nine = onClock('Europe/London', '2027-03-28T09:00:00Z');
    const half = onClock('Europe/London', '2027-03-28T17:30:00Z');
    expect(meaning.warnings.join(' ')).toContain(
      `from ${nine.date} its 09:00 runs (0 9 * * *) will run at ${nine.clock} local time instead, and from ${half.date} its 17:30 runs (30 17 * * *) will run at ${half.clock} local time instead`,
    );
  });

  it('a move for good is said as one for each cron it moves', async () => {
    const meaning = await meaningOfSchedule('every weekday at 9am and weekends at 11am', { now: Date.parse('2024-02-20T00:00:00Z'), zone: 'Asia/Almaty' });
    expect(meaning.warnings.join(' ')).toMatch(
      /^Asia\/Almaty moves from UTC\+6 to UTC\+5 for good: from 2024-03-01 its 09:00 runs \(0 3 \* \* 1-5\) .* and from 2024-03-02 its 11:00 runs \(0 5 \* \* 0,6\) /,
    );
  });

  it('parts on both sides of a move for good are not said to be daylight saving time', async () => {
    const meaning = await meaningOfSchedule('every year on feb 25 and mar 5 at 9am', { now: Date.parse('2024-02-20T00:00:00Z'), zone: 'Asia/Almaty' });
    expect(meaning.warnings.join(' ')).toMatch(/^Asia\/Almaty moves from UTC\+6 to UTC\+5 for good, and this schedule's parts next run on different sides of a change/);
  });

  it('a set whose crons the change does not move gets no warning (every 90 minutes only relabels)', async () => {
    const meaning = await meaningOfSchedule('every 90 minutes', { now: Date.parse('2027-03-20T12:00:00Z'), zone: 'Europe/London' });
    expect(meaning.warnings).toEqual([]);
  });
});
