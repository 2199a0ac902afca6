import { describe, expect, it } from 'vitest';
import { keptAt } from '../../src/output/kept-at';

const kept = (local_rule: string, zone = 'Europe/London') => keptAt({ kind: 'recurring', status: 'active', local_rule, zone });

describe('kept at, as a person reads it', () => {
  it.each([
    ['0 8 * * 1-5', '08:00 on weekdays, Europe/London'],
    ['30 17 * * *', '17:30 every day, Europe/London'],
    ['0 9 * * 0,6', '09:00 at weekends, Europe/London'],
    ['0 9 * * 6,0', '09:00 at weekends, Europe/London'],
    ['15 7 * * 1', '07:15 on Mondays, Europe/London'],
    ['0 9 * * 0,3,5', '09:00 on Wed, Fri, Sun, Europe/London'],
    ['0 8,17 * * 1-5', '08:00 and 17:00 on weekdays, Europe/London'],
    ['0 6,12,18 * * *', '06:00, 12:00 and 18:00 every day, Europe/London'],
    ['30 * * * *', 'every hour at :30 every day, Europe/London'],
    ['0 9 1,15 * *', '09:00 on day 1, 15 of the month, Europe/London'],
    ['0 9 * * 0-6', '09:00 every day, Europe/London'],
  ])('%s', (rule, text) => expect(kept(rule)).toBe(text));

  it('says a rule with many times or months in cron words', () => {
    expect(kept('0 9 1 1 *')).toMatch(/January, Europe\/London$/);
    expect(kept('*/10 9-17 * * *')).toMatch(/, Europe\/London$/);
  });

  it('reads on after "kept at" when said in cron words: no second "at", no capital mid-sentence', () => {
    for (const rule of ['0 9 1 1 *', '*/10 9-17 * * *', '*/15 * * * *', '0 9 * 1-3 1', '0 8-18 * * 1-5']) expect(`kept at ${kept(rule)}`).toMatch(/^kept at (?!at\b)[^A-Z]/);
    expect(kept('0 9 1 1 *')).toMatch(/^09:00 AM, on day 1 of the month, only in January, Europe\/London$/);
    expect(kept('*/15 * * * *')).toBe('every 15 minutes, Europe/London');
  });

  it('keeps nothing for UTC, an interval, a one-time or a schedule no longer standing', () => {
    expect(kept('0 8 * * 1-5', 'UTC')).toBeUndefined();
    expect(kept('every 90 minutes')).toBeUndefined();
    expect(keptAt({ kind: 'one-time', status: 'active', local_rule: '0 8 * * *', zone: 'Europe/London' })).toBeUndefined();
    expect(keptAt({ kind: 'recurring', status: 'replaced', local_rule: '0 8 * * *', zone: 'Europe/London' })).toBeUndefined();
  });
});
