import { describe, expect, it } from 'vitest';
import { meaningOfSchedule } from '../../src/time/index';

/*
 * Wordings of repeating schedules as other tools write them (calendar apps'
 * "occurs every weekday", cron describers, RFC 5545 examples in English),
 * each read as time-language.md says, or refused with the reason.
 * Now: Thursday 2026-12-03 17:45 UTC.
 */
const NOW = Date.parse('2026-12-03T17:45:00Z');
const meaning = (phrase: string, zone = 'UTC', count = 4) => meaningOfSchedule(phrase, { now: NOW, zone }, count);
const localRuns = async (phrase: string, zone = 'UTC', count = 4) => (await meaning(phrase, zone, count)).next_runs_local.map((local) => local.slice(0, 16));

describe('frequency words with a hyphen, and calendar apps\' leading verbs', () => {
  it.each([
    ['half-hourly', '*/30 * * * *'],
    ['every half-hour', '*/30 * * * *'],
    ['quarter-hourly', '*/15 * * * *'],
    ['every quarter-hour', '*/15 * * * *'],
    ['bi-hourly', '0 */2 * * *'],
    ['semi-annually', '0 9 1 */6 *'],
    ['occurs every weekday', '0 9 * * 1-5'],
    ['occurs every december 25', '0 9 25 12 *'],
    ['repeats every monday at 8am', '0 8 * * 1'],
    ['recurs daily at noon', '0 12 * * *'],
  ])('%s is %s', async (phrase, cron) => {
    const read = await meaning(phrase);
    expect(read.type).toBe('recurring');
    expect(read.type === 'recurring' && (read.cron_expressions ?? [read.cron_expression]).join(' + ')).toBe(cron);
  });
});

describe('words in brackets that restate the rule', () => {
  it.each([
    ['every weekday (monday to friday)', ['2026-12-04 09:00', '2026-12-07 09:00', '2026-12-08 09:00', '2026-12-09 09:00']],
    ['Every weekday (Mon-Fri) at 9pm', ['2026-12-03 21:00', '2026-12-04 21:00', '2026-12-07 21:00', '2026-12-08 21:00']],
    ['fortnightly (every 2 weeks) on friday', ['2026-12-04 09:00', '2026-12-18 09:00', '2027-01-01 09:00', '2027-01-15 09:00']],
    ['every day at 17:00 (5pm)', ['2026-12-03 17:00', '2026-12-04 17:00', '2026-12-05 17:00', '2026-12-06 17:00']],
  ])('%s is read as if said once', async (phrase, expected) => {
    expect(await localRuns(phrase, 'America/New_York')).toEqual(expected);
  });

  it.each(['every day (mon-fri)', 'every weekday (9am)', 'every monday (and friday)', 'every weekday (mon-fri', 'every weekday ()'])('%s is refused: brackets that add or change are not guessed at', async (phrase) => {
    await expect(meaning(phrase)).rejects.toThrow(phrase);
  });
});
