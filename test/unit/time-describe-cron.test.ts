import cronstrue from 'cronstrue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCron } from '../../src/time/cron';
import { describePlainCron } from '../../src/time/describe-cron';

const cronstrueSays = (cron: string) => cronstrue.toString(cron, { throwExceptionOnParseError: false, verbose: false });

/** A value as people and this tool write it, and sometimes otherwise (a leading zero, out of range). */
const value = (min: number, max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min, max: Math.min(max, 9) }).map((n) => `0${n}`) },
    { weight: 1, arbitrary: fc.integer({ min: max + 1, max: max + 9 }).map(String) },
  );
const field = (min: number, max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant('*') },
    { weight: 3, arbitrary: value(min, max) },
    { weight: 2, arbitrary: fc.array(value(min, max), { minLength: 2, maxLength: 5 }).map((values) => values.join(',')) },
    { weight: 2, arbitrary: fc.tuple(value(min, max), value(min, max)).map(([a, b]) => `${a}-${b}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }).map((step) => `*/${step}`) },
    { weight: 1, arbitrary: fc.tuple(value(min, max), value(min, max), value(min, max)).map(([a, b, c]) => `${a}-${b},${c}`) },
  );
const hours = fc.oneof(
  value(0, 23),
  fc.array(value(0, 23), { minLength: 2, maxLength: 5 }).map((values) => values.join(',')),
  field(0, 23),
);
// Mostly crons like the ones this tool writes (one minute, hours listed), and any cron besides.
const crons = fc.tuple(fc.oneof({ weight: 3, arbitrary: value(0, 59) }, { weight: 1, arbitrary: field(0, 59) }), hours, field(1, 31), field(1, 12), field(0, 6)).map((fields) => fields.join(' '));

describe('describing a cron without cronstrue', () => {
  it("says exactly what cronstrue says, for every cron it describes (the rest are cronstrue's)", () => {
    let described = 0;
    fc.assert(
      fc.property(crons, (cron) => {
        const mine = describePlainCron(cron);
        if (mine === undefined) return;
        described++;
        expect(mine).toBe(cronstrueSays(cron));
      }),
      { numRuns: 20_000 },
    );
    // The property says something only if many crons took the path.
    expect(described).toBeGreaterThan(500);
  });

  it.each([
    ['0 9 * * *', 'At 09:00 AM'],
    ['0 9 * * 1-5', 'At 09:00 AM, Monday through Friday'],
    ['0 9,13,17 * * *', 'At 09:00 AM, 01:00 PM and 05:00 PM'],
    ['5 0 1,15,20 * *', 'At 12:05 AM, on day 1, 15, and 20 of the month'],
    ['0 23 1-30 8 *', 'At 11:00 PM, between day 1 and 30 of the month, only in August'],
    ['45 7 * 6 2,4', 'At 07:45 AM, only on Tuesday and Thursday, only in June'],
    ['0 12 * 3-11 0,6', 'At 12:00 PM, only on Sunday and Saturday, March through November'],
  ])('the crons this tool writes: %s', (cron, words) => {
    expect(describePlainCron(cron)).toBe(words);
    expect(cronstrueSays(cron)).toBe(words);
  });

  it.each(['*/15 9-16 * * 1-5', '0 9 1 * 1', '30 * * * *', '0 9 * * MON-FRI', '0 9 09 * *'])('leaves %s to cronstrue, and describeCron says what it says', (cron) => {
    expect(describePlainCron(cron)).toBeUndefined();
    expect(describeCron(cron)).toBe(cronstrueSays(cron));
  });
});
