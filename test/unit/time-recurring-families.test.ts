import { describe, expect, it } from 'vitest';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Recurring families: "every N months" from its next run, days of the week
 * "every month", lists of nth weekdays, unions of times on different days.
 * Fires are compared as local dates, worked out here from the calendar.
 */
const OPTIONS = { now: Date.parse('2026-11-18T16:00:00Z'), zone: 'America/New_York' };

async function localFires(phrase: string, count = 6): Promise<string[]> {
  const meaning = await meaningOfSchedule(phrase, OPTIONS, count);
  return meaning.next_runs_local.map((local) => local.slice(0, 16));
}

describe('every N months counts from its next run', () => {
  it.each([
    ['every other month on the 4th', ['2026-12-04 09:00', '2027-02-04 09:00', '2027-04-04 09:00']],
    ['every 3 months on the 4th', ['2026-12-04 09:00', '2027-03-04 09:00', '2027-06-04 09:00']],
    ['every 2 months on the 20th at 6pm', ['2026-11-20 18:00', '2027-01-20 18:00', '2027-03-20 18:00']],
    ['every 6 months', ['2026-12-01 09:00', '2027-06-01 09:00', '2027-12-01 09:00']],
  ])('%s', async (phrase, fires) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 3);
    // Sent as crons: the first fires are at the local times asked for (later ones move with DST until sync).
    expect(meaning.next_runs_local.map((local) => local.slice(0, 10))).toEqual(fires.map((fire) => fire.slice(0, 10)));
    expect(meaning.next_runs_local[0]!.slice(0, 16)).toBe(fires[0]);
    expect(meaning.notes.join(' ')).toMatch(/gives no start/);
  });

  it('quarterly and semiannually keep the calendar quarters and halves', async () => {
    expect((await localFires('quarterly', 2)).map((fire) => fire.slice(0, 10))).toEqual(['2027-01-01', '2027-04-01']);
    expect((await localFires('semiannually', 2)).map((fire) => fire.slice(0, 10))).toEqual(['2027-01-01', '2027-07-01']);
  });
});

describe('days of the week every month', () => {
  it('several days are those days in every month', async () => {
    expect((await localFires('every month on monday through wednesday at midnight', 4))).toEqual(['2026-11-23 00:00', '2026-11-24 00:00', '2026-11-25 00:00', '2026-11-30 00:00']);
  });

  it.each(['monthly on fridays at 5pm', 'every 2 months on mondays'])('%s is refused: which week is not said', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/cannot say which week/);
  });
});

describe('a 24-hour clock with h', () => {
  it.each([
    ['15h', '2026-11-18 15:00'],
    ['09h', '2026-11-19 09:00'],
    ['in 15h', '2026-11-19 02:00'],
  ])('%s', async (phrase, local) => {
    expect((await meaningOfOnce(phrase, OPTIONS)).local.slice(0, 16)).toBe(local);
  });

  it('a small number of hours stays a duration, with a note', async () => {
    const meaning = await meaningOfOnce('2h', OPTIONS);
    expect(meaning.local.slice(0, 16)).toBe('2026-11-18 13:00');
    expect(meaning.notes.join(' ')).toMatch(/duration/);
  });
});

