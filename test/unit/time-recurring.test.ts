import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { meaningOf, meaningOfOnce, meaningOfRecurring, meaningOfSchedule } from '../../src/time/index';
import { looksRecurring, parseRecurring } from '../../src/time/resolve-recurring';
import { validateCron } from '../../src/time/cron';
import { cronList, toUtcSchedule } from '../../src/time/to-utc';
import { checkZone, wallTime } from '../../src/time/zone';

const NOW = Date.parse('2026-11-22T15:00:00Z');
const cron = async (input: string, zone = 'UTC', now = NOW) => (await meaningOfRecurring(input, { now, zone })).cron_expression;

describe('recurring phrases, zone UTC', () => {
  it.each([
    ['every minute', '* * * * *'],
    ['every 5 minutes', '*/5 * * * *'],
    ['every  5   minutes', '*/5 * * * *'],
    ['every 15 min', '*/15 * * * *'],
    ['every 5m', '*/5 * * * *'],
    ['every 30 minutes', '*/30 * * * *'],
    ['every hour', '0 * * * *'],
    ['hourly', '0 * * * *'],
    ['every 2 hours', '0 */2 * * *'],
    ['every 6 hours', '0 */6 * * *'],
    ['every 2h', '0 */2 * * *'],
    ['daily', '0 9 * * *'],
    ['every day', '0 9 * * *'],
    ['daily at 9am', '0 9 * * *'],
    ['daily at 14:30', '30 14 * * *'],
    ['every day at noon', '0 12 * * *'],
    ['every day at midnight', '0 0 * * *'],
    ['every weekday', '0 9 * * 1-5'],
    ['weekdays', '0 9 * * 1-5'],
    ['every weekday at 10am', '0 10 * * 1-5'],
    ['every weekday at 9am', '0 9 * * 1-5'],
    ['Every Weekday At 10AM', '0 10 * * 1-5'],
    ['every weekend at 10am', '0 10 * * 0,6'],
    ['weekends', '0 9 * * 0,6'],
    ['every monday', '0 9 * * 1'],
    ['every friday at 3pm', '0 15 * * 5'],
    ['every tuesday at 8:15pm', '15 20 * * 2'],
    ['every monday and wednesday at 9:30am', '30 9 * * 1,3'],
    ['every mon, wed and fri at 7am', '0 7 * * 1,3,5'],
    ['mondays at 9am', '0 9 * * 1'],
    ['at 9am every weekday', '0 9 * * 1-5'],
    ['weekly', '0 9 * * 1'],
    ['weekly on friday at 3pm', '0 15 * * 5'],
    ['monthly', '0 9 1 * *'],
    ['every month on the 15th at noon', '0 12 15 * *'],
    ['on the 1st of every month at 9am', '0 9 1 * *'],
    ['every day at 9am and 5pm', '0 9,17 * * *'],
    ['every half hour', '*/30 * * * *'],
    ['every hour at :30', '30 * * * *'],
    ['hourly at 15', '15 * * * *'],
    ['every morning', '0 9 * * *'],
    ['every weekday morning', '0 9 * * 1-5'],
    ['every evening at 6', '0 18 * * *'],
    ['every monday evening at 7:30', '30 19 * * 1'],
    ['every night', '0 21 * * *'],
    ['*/5 * * * *', '*/5 * * * *'],
    ['0 9 * * 1-5', '0 9 * * 1-5'],
    ['0 9 * * MON-FRI', '0 9 * * MON-FRI'],
  ])('%s -> %s', async (input, expected) => expect(await cron(input)).toBe(expected));
});

describe('recurring phrases converted to UTC', () => {
  it.each([
    ['every weekday at 9pm', 'America/New_York', '0 2 * * 2-6'],
    ['every weekday at 10am', 'America/New_York', '0 15 * * 1-5'],
    ['daily at 9am', 'America/Los_Angeles', '0 17 * * *'],
    ['every monday at 1am', 'Asia/Tokyo', '0 16 * * 0'],
    ['every sunday at 8am', 'Asia/Tokyo', '0 23 * * 6'],
    ['daily at 9am', 'Asia/Kolkata', '30 3 * * *'],
    ['daily at 9am', 'Asia/Kathmandu', '15 3 * * *'],
    ['every weekend at 1am', 'Asia/Tokyo', '0 16 * * 5,6'],
    ['every friday at 11pm', 'America/New_York', '0 4 * * 6'],
    ['daily at 9am', 'Europe/London', '0 9 * * *'],
    ['daily at 9am', 'Australia/Sydney', '0 22 * * *'],
    ['every day at 8am and 10am', 'Asia/Tokyo', '0 1,23 * * *'],
    ['every month on the 15th at noon', 'America/New_York', '0 17 15 * *'],
    ['every 2 hours', 'Asia/Kolkata', '0 */2 * * *'],
    ['every hour at :30', 'Asia/Kolkata', '0 * * * *'],
    ['every hour at :15', 'Asia/Kathmandu', '30 * * * *'],
    ['every hour at :15', 'America/New_York', '15 * * * *'],
    ['every 5 minutes', 'America/New_York', '*/5 * * * *'],
    ['0 9 * * 1-5', 'Asia/Tokyo', '0 9 * * 1-5'],
  ])('%s in %s -> %s', async (input, zone, expected) => expect(await cron(input, zone)).toBe(expected));

  it('uses the offset at the next occurrence: summer time in New York', async () => {
    expect(await cron('daily at 9am', 'America/New_York', Date.parse('2026-07-01T12:00:00Z'))).toBe('0 13 * * *');
  });

  it('warns about daylight saving time, naming the date and the new local time', async () => {
    const meaning = await meaningOfRecurring('daily at 9am', { now: NOW, zone: 'America/New_York' });
    expect(meaning.warnings).toHaveLength(1);
    expect(meaning.warnings[0]).toMatch(/^America\/New_York observes daylight saving time: from 2027-03-14 .* 10:00 local time instead of 09:00/);
    const sydney = await meaningOfRecurring('daily at 9am', { now: NOW, zone: 'Australia/Sydney' });
    expect(sydney.warnings[0]).toMatch(/from 2027-04-04 .* 08:00 local time instead of 09:00/);
    expect((await meaningOfRecurring('daily at 9am', { now: NOW, zone: 'Asia/Tokyo' })).warnings).toEqual([]);
    expect((await meaningOfRecurring('every 5 minutes', { now: NOW, zone: 'America/New_York' })).warnings).toEqual([]);
  });

  it('reports the local cron, a description and the next runs in both zones', async () => {
    const meaning = await meaningOfRecurring('every weekday at 9pm', { now: NOW, zone: 'America/New_York' }, 3);
    expect(meaning).toMatchObject({
      type: 'recurring',
      cron_expression: '0 2 * * 2-6',
      local_cron: '0 21 * * 1-5',
      timezone: 'America/New_York',
      next_runs: ['2026-11-24T02:00:00.000Z', '2026-11-25T02:00:00.000Z', '2026-11-26T02:00:00.000Z'],
      next_runs_local: ['2026-11-23 21:00 EST', '2026-11-24 21:00 EST', '2026-11-25 21:00 EST'],
    });
    expect(meaning.description).toMatch(/09:00 PM.*Monday through Friday/);
  });
});

describe('recurring errors', () => {
  it.each([
    ['every 7 minutes', /7 does not divide 60/, /'every 6 minutes' or 'every 10 minutes'|'every 5 minutes' or 'every 6 minutes'/],
    ['every 5 hours', /5 does not divide 24/, /every 4 hours|every 6 hours/],
    ['every 30 seconds', /Letta's schedules step by whole minutes/, /every minute/],
    ['every monday at 13pm', /1-12/, undefined],
    ['daily at 25:00', /hour 25/, undefined],
    ['@daily', /not supported/, /0 0 \* \* \*/],
    ['@hourly', /not supported/, /^For '@hourly' write '0 \* \* \* \*' \(UTC\) or 'every hour'/],
    ['@weekly', /not supported/, /^For '@weekly' write '0 0 \* \* 0'/],
    ['@reboot', /not supported/, /^For example '0 9 \* \* 1-5'/],
    ['0 0 9 * * *', /6 fields/, /seconds/],
    ['0 0 9 * * 1-5', /6 fields/, /^Drop the seconds field, as in '0 9 \* \* 1-5'/],
    ['0 9 * * 1-5 2027', /6 fields/, /^Drop the year field, as in '0 9 \* \* 1-5': a schedule here repeats every year\.$/],
    ['0 9 * * 1-5 *', /6 fields/, /^Drop the seconds field if it comes first, as in '9 \* \* 1-5 \*', or the year field if it comes last, as in '0 9 \* \* 1-5'/],
    ['0 9 * * 1-5 2027-2030', /6 fields/, /^Drop the year field, as in '0 9 \* \* 1-5'/],
    ['0 9 ? * MON-FRI *', /6 fields/, /^Drop the year field, as in '0 9 \* \* MON-FRI'/],
    ['0 0 9 ? * MON-FRI', /6 fields/, /^Drop the seconds field, as in '0 9 \* \* MON-FRI'/],
    ['0 9 * *', /^'0 9 \* \*' has 4 fields; a cron here has 5/, /^For example '0 9 \* \* 1-5'/],
    ['*/5 * * *', /has 4 fields/, undefined],
    ['0 9 *', /has 3 fields/, undefined],
    ['30 8 * 1-5', /has 4 fields/, undefined],
    ['0 9 L * *', /not supported/, /L, W, # and \?/],
    ['0 9 * * 1#2', /not supported/, undefined],
    ['0 9 ? * *', /not supported/, undefined],
    ['61 9 * * *', /not a valid cron/, undefined],
    ['every 2 days', /cannot be written as one cron/, /Name the days/],
    ['every other day', /cannot be written as one cron/, /Name the days/],
    ['every fortnight', /cannot be written as one cron/, undefined],
    ['every hour at :75', /minute 75/, undefined],
  ])('%s', async (input, message, hint) => {
    const error = await meaningOfRecurring(input, { now: NOW, zone: 'UTC' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
    if (hint) expect((error as UsageError).hint).toMatch(hint);
  });

  it('a cron short of a field is said to be one, also where the phrase does not say whether it repeats (parse without --recurring) and as one instant', async () => {
    for (const input of ['0 9 * *', '*/15 * * *', '0 9 *']) {
      const error = await meaningOf(input, { now: NOW, zone: 'UTC' }).catch((e: unknown) => e);
      expect((error as UsageError).message, input).toMatch(/fields; a cron here has 5/);
      // As a one-time phrase (--execute-at) too: not "a recurring schedule" to create, which would be refused the same.
      const once = await meaningOfOnce(input, { now: NOW, zone: 'UTC' }).catch((e: unknown) => e);
      expect((once as UsageError).message, input).toMatch(/fields; a cron here has 5/);
    }
  });

  it('refuses a day of the month that would have to move to another UTC day', async () => {
    const error = await meaningOfRecurring('on the 1st of every month at 1am', { now: NOW, zone: 'Asia/Tokyo' }).catch((e: unknown) => e);
    expect((error as UsageError).message).toMatch(/previous day in UTC/);
    expect((error as UsageError).hint).toMatch(/between 09:00 and 23:59/);
  });

  it('times that land on different UTC days when days are named become an exact set', async () => {
    // 08:00 in Tokyo is 23:00 UTC the day before; 10:00 is 01:00 UTC the same day.
    const meaning = await meaningOfRecurring('every weekday at 8am and 10am', { now: NOW, zone: 'Asia/Tokyo' }, 5, { sets: true });
    expect(meaning.cron_expressions).toEqual(['0 23 * * 0-4', '0 1 * * 1-5']);
  });

  it('times on different minutes become an exact set', async () => {
    const meaning = await meaningOfRecurring('every day at 9am and 5:30pm', { now: NOW, zone: 'UTC' }, 5, { sets: true });
    expect(meaning.cron_expressions).toEqual(['0 9 * * *', '30 17 * * *']);
  });
});

describe('telling the two kinds apart', () => {
  it.each([
    ['every weekday at 10am', true],
    ['daily', true],
    ['mondays at 9am', true],
    ['0 9 * * 1-5', true],
    ['tomorrow at 9am', false],
    ['next monday at 3pm', false],
    ['in 5 minutes', false],
    ['2026-12-01 09:00', false],
    ['1795442400000', false],
    // A phrase that names more than one month comes round again, as crontab.guru's description of `0 12 * 1-6 *` does.
    ['At 12:00 in every month from January through June.', true],
    ['at noon in june and july', true],
    ['At 09:00 AM, in every 3rd month', true],
    ['june 5 at noon', false],
  ])('%s recurring=%s', async (input, recurring) => {
    expect(looksRecurring(input)).toBe(recurring);
    expect((await meaningOf(input, { now: NOW, zone: 'UTC' })).type).toBe(recurring ? 'recurring' : 'one-time');
  });
});

describe('cron lists', () => {
  it.each([
    [[1, 2, 3, 4, 5], '1-5'],
    [[0, 6], '0,6'],
    [[1, 3, 4, 5], '1,3-5'],
    [[5, 6], '5,6'],
  ])('%j -> %s', (values, expected) => expect(cronList(values)).toBe(expected));
});

const ZONES = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'Asia/Kathmandu', 'Pacific/Auckland', 'America/St_Johns'];

describe('properties', () => {
  it('a local clock time converted to a UTC cron fires at that local time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), { nil: null }),
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-01-01T00:00:00Z') }),
        (zone, hour, minute, days, now) => {
          const daysOfWeek = days ? [...days].sort((a, b) => a - b) : null;
          const utc = toUtcSchedule({ kind: 'clock', minute, hours: [hour], daysOfWeek, dayOfMonth: null }, zone, now, 'generated');
          const runs = CronExpressionParser.parse(utc.cron, { tz: 'UTC', currentDate: new Date(now) });
          // Until the zone's offset next changes, every run is at that local time on one of those days.
          let checked = 0;
          for (let i = 0; i < 4; i++) {
            const at = runs.next().getTime();
            const local = wallTime(zone, at);
            if (utc.warnings.length > 0 && i > 0) break;
            expect(local.hour * 60 + local.minute).toBe(hour * 60 + minute);
            if (daysOfWeek) expect(daysOfWeek).toContain(local.weekday);
            checked++;
          }
          expect(checked).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('random strings never throw anything but an input error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('every', 'at 9', 'in', 'next', '* * * * * *', 'every 0 minutes', 'in 0 days')), async (input) => {
        for (const parse of [meaningOf, meaningOfRecurring]) {
          try {
            await parse(input, { now: NOW, zone: 'America/New_York' });
          } catch (error) {
            expect(error).toBeInstanceOf(UsageError);
          }
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('every parsed recurring phrase is a valid 5-field cron', () => {
    // A day of the month can only be kept where it stays on the same UTC day (see the refusal test above).
    const cases: Array<[string, string[]]> = [
      ...['every weekday at 9pm', 'weekends', 'every mon, wed and fri at 7am', 'every hour at :30', 'every night'].map((input): [string, string[]] => [input, ZONES]),
      ['monthly', ['UTC', 'Europe/London', 'Asia/Tokyo']],
    ];
    for (const [input, zones] of cases) {
      const local = parseRecurring(input);
      expect(['clock', 'hourly']).toContain(local.kind);
      for (const zone of zones) {
        const { cron } = toUtcSchedule(local, zone, NOW, input);
        expect(cron.split(' ')).toHaveLength(5);
        expect(validateCron(cron)).toBe(cron);
      }
    }
  });
});

describe('zone names', () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['america/new_york', 'America/New_York'],
    ['US/Eastern', 'US/Eastern'],
    ['UTC', 'UTC'],
  ])('%s is read as %s', async (zone, expected) => {
    const meaning = await meaningOfRecurring('daily at 9am', { now: NOW, zone: checkZone(zone) });
    expect(meaning.timezone).toBe(expected);
    expect(meaning.cron_expression).toBe(zone.toLowerCase().includes('kolkata') ? '30 3 * * *' : zone === 'UTC' ? '0 9 * * *' : '0 14 * * *');
  });

  it.each(['Mars/Olympus', 'EST+5', '', '../../etc/passwd'])('%s is refused', (zone) => {
    expect(() => checkZone(zone)).toThrow(UsageError);
  });
});

describe('numbers past the dates there are', () => {
  it.each([
    ['every 99999999999 minutes', 'does not run again before 9999-12-31'],
    ['every 9999999999 hours', 'does not run again before 9999-12-31'],
    ['every 99999999999 days', 'does not run again before 9999-12-31'],
    ['every 99999999999 months', 'does not run again before 9999-12-31'],
    ['every 99999999999 years', 'does not run again before 9999-12-31'],
    ['every day for 99999999999 weeks', 'ends after 9999-12-31'],
  ])('%s is refused as input (it was an internal error)', async (phrase, said) => {
    const read = meaningOf(phrase, { now: NOW, zone: 'America/New_York' });
    await expect(read).rejects.toThrow(UsageError);
    await expect(read).rejects.toThrow(said);
  });

  it('is refused however many runs are asked for (create asks for one)', async () => {
    await expect(meaningOfSchedule('every 99999999999 minutes', { now: NOW, zone: 'UTC' }, 1)).rejects.toThrow('does not run again before 9999-12-31');
  });

  it.each(['every 419 weeks', 'every 2930 days', 'every 1000000 days'])('%s runs again before then (more than the years a search looks ahead): read', async (phrase) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.next_runs.length).toBeGreaterThan(0);
  });

  it('an interval that runs twice before then is still read', async () => {
    const meaning = await meaningOfSchedule('every 40000000 hours', { now: NOW, zone: 'UTC' });
    expect(meaning.next_runs).toHaveLength(2);
  });
});
