import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRuns, validateCron } from '../../src/time/cron';
import { plainCronFields, sameCron } from '../../src/time/cron-fields';
import { inUtc, utcCron } from '../../src/time/utc-cron';

const DAY = 86_400_000;

/** cron-parser stepping through the window itself: what the arithmetic must agree with. */
function steppedFires(cron: string, from: number, to: number, limit: number) {
  return inUtc(() => {
    const expression = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: new Date(from - 1), endDate: new Date(to) });
    const instants: number[] = [];
    while (expression.hasNext()) {
      const at = expression.next().getTime();
      if (at > to) break;
      if (instants.length === limit) return { instants, hasMore: true };
      instants.push(at);
    }
    return { instants, hasMore: false };
  });
}

const field = (min: number, max: number) =>
  fc.oneof(
    fc.constant('*'),
    fc.integer({ min, max }).map(String),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.uniqueArray(fc.integer({ min, max }), { minLength: 2, maxLength: 4 }).map((values) => values.join(',')),
    fc.integer({ min: 1, max: max - min + 1 }).map((step) => `*/${step}`),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 10 })).map(([start, step]) => `${start}/${step}`),
  );
const readable = (cron: string) => {
  try {
    return !!inUtc(() => CronExpressionParser.parse(cron, { tz: 'UTC' }));
  } catch {
    return false;
  }
};
const crons = fc
  .tuple(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 7))
  .map((fields) => fields.join(' '))
  .filter(readable);
const windows = fc.tuple(fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2028-12-31') }), fc.integer({ min: 0, max: 40 * DAY }));

describe('a UTC cron stepped with plain arithmetic', () => {
  it('fires at exactly the instants cron-parser finds, with the same limit, for any cron of numbers, ranges, lists and steps', () => {
    fc.assert(
      fc.property(crons, windows, fc.integer({ min: 1, max: 300 }), (cron, [from, length], limit) => {
        expect(utcCron(cron).firesIn(from, from + length, limit)).toEqual(steppedFires(cron, from, from + length, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('matches an instant exactly when cron-parser includes it', () => {
    fc.assert(
      fc.property(crons, fc.integer({ min: Date.parse('2026-01-01') / 60_000, max: Date.parse('2028-12-31') / 60_000 }), (cron, minute) => {
        const at = minute * 60_000;
        expect(utcCron(cron).matches(at)).toBe(inUtc(() => CronExpressionParser.parse(cron, { tz: 'UTC' }).includesDate(new Date(at))));
      }),
      { numRuns: 500 },
    );
  });

  it('reads names, and crons with L or # the way cron-parser steps them', () => {
    const from = Date.parse('2027-02-01T00:00:00Z');
    for (const cron of ['30 9 * JAN-MAR MON-FRI', '0 0 L * *', '0 12 * * 5#2', '0 0 ? * SUN']) {
      expect(utcCron(cron).firesIn(from, from + 60 * DAY, 100), cron).toEqual(steppedFires(cron, from, from + 60 * DAY, 100));
    }
    expect(() => utcCron('not a cron')).toThrow();
  });
});

/** Any field cron-parser might be handed: out of range, backwards, repeated, names in either field, 7, H, L, ?, stray text. */
const wildField = (min: number, max: number) => {
  const number = fc.integer({ min: min - 1, max: max + 2 }).map(String);
  const name = fc.constantFrom('MON', 'fri', 'Sun', 'SAT', 'JAN', 'jun', 'Dec', 'feb', 'monday', 'xyz');
  const token = fc.oneof(number, number, name, fc.constantFrom('05', '00', '7'));
  const item = fc.oneof(
    fc.constant('*'),
    token,
    fc.tuple(token, token).map(([a, b]) => `${a}-${b}`),
    fc
      .tuple(
        fc.oneof(
          fc.constant('*'),
          token,
          fc.tuple(token, token).map(([a, b]) => `${a}-${b}`),
        ),
        fc.integer({ min: 0, max: 70 }),
      )
      .map(([start, step]) => `${start}/${step}`),
    fc.constantFrom('?', 'L', 'H', '5L', '1#2', '*/', '-', '1-', '/5', '**'),
  );
  return fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(','));
};
/** Mostly fields cron-parser reads (so most crons reach the plain reader), now and then a wild one. */
const someField = (min: number, max: number) => fc.oneof({ arbitrary: field(min, max), weight: 6 }, { arbitrary: wildField(min, max), weight: 1 });
const wildCrons = fc
  .tuple(someField(0, 59), someField(0, 23), someField(1, 31), someField(1, 12), someField(0, 7), fc.constantFrom(' ', '  ', '\t'))
  .map(([m, h, dom, mon, dow, gap]) => [m, h, dom, mon, dow].join(gap));

/** cron-parser's own next instants after `now`: what nextRuns must agree with. */
function parserNextRuns(cron: string, now: number, count: number): number[] {
  return inUtc(() => {
    const expression = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: new Date(now) });
    const runs: number[] = [];
    for (let i = 0; i < count && expression.hasNext(); i++) runs.push(expression.next().getTime());
    return runs;
  });
}

describe('a cron read without cron-parser', () => {
  it('is read only when cron-parser reads it too, and then fires exactly when cron-parser says, next runs included', () => {
    let plain = 0;
    fc.assert(
      fc.property(wildCrons, windows, fc.integer({ min: 0, max: 59_999 }), (cron, [from, length], offset) => {
        if (!plainCronFields(cron)) return;
        plain++;
        expect(readable(cron), cron).toBe(true);
        expect(utcCron(cron).firesIn(from, from + length, 50), cron).toEqual(steppedFires(cron, from, from + length, 50));
        expect(nextRuns(cron, from + offset, 3), cron).toEqual(parserNextRuns(cron, from + offset, 3));
      }),
      { numRuns: 3000 },
    );
    // The grammar reaches the plain reader often enough for this to mean something.
    expect(plain).toBeGreaterThan(300);
  });

  it('reads the crons this tool writes and people type, and leaves the rest to cron-parser with its reasons', () => {
    for (const cron of ['0 9 * * 1-5', '*/15 * * * *', '30 1-22/3 * * *', '0 9 1,15 * *', '0 9 * * MON-FRI', '0 0 29 2 *', '5/15 * * JAN-MAR *', '0 14 * * 0']) {
      expect(plainCronFields(cron), cron).toBeDefined();
    }
    for (const cron of ['0 9 * * 7', '0 9 * * 5-7', '0 0 L * *', '0 12 * * 5#2', '0 0 ? * SUN', '0 0 30 2 *', '1,1 * * * *', '0 9 * * mon/2', '0 0 0 * * *', `0 9${' '.repeat(1100)}* * *`]) {
      expect(plainCronFields(cron), cron).toBeUndefined();
    }
    expect(() => validateCron('1,1 * * * *')).toThrow(/duplicate values found: 1/);
    expect(() => validateCron('0 9 * * 5-1')).toThrow(/Invalid range: 5-1/);
    expect(validateCron('0  9 * *  MON-FRI')).toBe('0 9 * * MON-FRI');
  });

  it('finds the next runs of a cron that fires once in years', () => {
    const now = Date.parse('2096-03-01T00:00:00Z');
    expect(nextRuns('0 0 29 2 *', now, 2).map((at) => new Date(at).toISOString())).toEqual(['2104-02-29T00:00:00.000Z', '2108-02-29T00:00:00.000Z']);
    expect(nextRuns('0 0 29 2 *', now, 2)).toEqual(parserNextRuns('0 0 29 2 *', now, 2));
  });
});

describe('two crons that fire at the same times', () => {
  it('are the same however their fields are written, and differ when a field or the day rule does', () => {
    expect(sameCron('*/7 * * * *', '0-56/7 * * * *')).toBe(true);
    expect(sameCron('0 9 * * mon-fri', '0 9 * * 1,2,3,4,5')).toBe(true);
    expect(sameCron('0,30 9-17 * jan-mar *', '*/30 9-17 * 1-3 *')).toBe(true);
    expect(sameCron('*/7 * * * *', '*/7 * * * 1')).toBe(false);
    expect(sameCron('0 9 * * *', '0 10 * * *')).toBe(false);
    // With the day of week set, `*` and 1-31 in the day of month mean other days (cron's day rule).
    expect(sameCron('0 9 * * 1', '0 9 1-31 * 1')).toBe(false);
    expect(sameCron('0 9 * * 1', 'not a cron')).toBe(false);
  });

  it('read a day of week of 7 as Sunday, as cron does', () => {
    expect(sameCron('0 14 * * 7', '0 14 * * 0')).toBe(true);
    expect(sameCron('0 14 * * 5-7', '0 14 * * 0,5,6')).toBe(true);
    expect(sameCron('0 14 * * 1,7', '0 14 * * sun,mon')).toBe(true);
    expect(sameCron('0 14 * * 7', '0 14 * * 6')).toBe(false);
  });

  it('agree with cron-parser on the next runs of the crons they call the same', () => {
    const now = Date.parse('2026-12-02T15:30:00Z');
    for (const [a, b] of [
      ['*/7 * * * *', '0-56/7 * * * *'],
      ['0,30 9-17 * jan-mar *', '*/30 9-17 * 1-3 *'],
      ['0 14 * * 5-7', '0 14 * * 0,5,6'],
    ] as const)
      expect(parserNextRuns(a, now, 50)).toEqual(parserNextRuns(b, now, 50));
  });
});
