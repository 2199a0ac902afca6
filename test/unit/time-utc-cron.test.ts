import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
