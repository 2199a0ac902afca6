import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { meaningOfOnce, meaningOfSchedule } from '../../src/time/index';

/*
 * Every word counts (time-language.md): a phrase is understood only when every
 * word was used or is known filler. An unknown word anywhere, or a clause that
 * cannot be joined, is refused; two rules joined by "and" fire on both.
 */
const NOW = Date.parse('2026-12-02T16:00:00Z');
const OPTIONS = { now: NOW, zone: 'America/New_York' };

const ONCE = [
  'tomorrow at 9am',
  'in 5 minutes',
  'next friday at 3pm',
  'friday at 4',
  'december 25 at 9am',
  'the 1st of march',
  'first monday of next month',
  'half past 6 tonight',
  'this weekend',
  'in 2 hours',
  'at 17:30',
  'the saturday after next',
  '3 days hence',
  'noon tomorrow',
  'tuesday the 15th at 10am',
];
const RECURRING = [
  'every monday at 9am',
  'every weekday at 5:30',
  'daily at 9am',
  'every 30 minutes from 9 to 5 on weekdays',
  'every 15th and the last day of the month',
  'every month on the 15th at noon',
  'every other tuesday at 3pm',
  'first monday of the month at 10am',
  'every day at 9am until dec 24',
  'every hour at minute 11',
  'weekdays at 9am and weekends at 11am',
  'every year on december 21st and 31st',
  'every 2 hours',
  'twice a day',
];
const UNKNOWN = ['zork', 'blorp', 'quux', 'banana', 'frobnicate', 'xyzzy', 'wibble'];

async function outcome(read: () => Promise<unknown>): Promise<'refused' | 'accepted'> {
  try {
    await read();
    return 'accepted';
  } catch (error) {
    if (error instanceof UsageError) return 'refused';
    throw error;
  }
}

function withWord(phrase: string, word: string, at: number): string {
  const words = phrase.split(' ');
  words.splice(at % (words.length + 1), 0, word);
  return words.join(' ');
}

describe('every word counts', () => {
  it('the phrases the properties start from are accepted', async () => {
    for (const phrase of ONCE) expect(await outcome(() => meaningOfOnce(phrase, OPTIONS)), phrase).toBe('accepted');
    for (const phrase of RECURRING) expect(await outcome(() => meaningOfSchedule(phrase, OPTIONS)), phrase).toBe('accepted');
  });

  it.each(['tomorrow at 9am by', 'friday at 3pm by', 'dec 25 at 9am for', 'tomorrow at'])('%s: a small word that joins nothing is not understood, and named', async (phrase) => {
    const word = phrase.split(' ').at(-1)!;
    await expect(meaningOfOnce(phrase, OPTIONS)).rejects.toThrow(`Could not understand '${word}'`);
  });

  it('an unknown word anywhere in a one-time phrase is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ONCE), fc.constantFrom(...UNKNOWN), fc.nat(8), async (phrase, word, at) => {
        const input = withWord(phrase, word, at);
        expect(await outcome(() => meaningOfOnce(input, OPTIONS)), input).toBe('refused');
      }),
      { numRuns: 120, seed: 19 },
    );
  });

  it('an unknown word anywhere in a recurring phrase is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...RECURRING), fc.constantFrom(...UNKNOWN), fc.nat(12), async (phrase, word, at) => {
        const input = withWord(phrase, word, at);
        expect(await outcome(() => meaningOfSchedule(input, OPTIONS)), input).toBe('refused');
      }),
      { numRuns: 120, seed: 19 },
    );
  });

  it('the error names the words it did not understand', async () => {
    await expect(meaningOfSchedule('every monday at 9am zork', OPTIONS)).rejects.toThrow("did not understand 'zork'");
    await expect(meaningOfOnce('tomorrow zork at 9am', OPTIONS)).rejects.toThrow("did not understand 'zork'");
  });

  it.each([
    ['every 5 minutes and every monday at 9am', 'an interval and named days'],
    ['every monday at 9am on the 15th', 'a weekday beside a day of the month'],
    ['every day at 9am or 10am', 'or'],
    ['tomorrow at 9am and friday', 'two instants'],
  ])('%s is refused (%s)', async (phrase) => {
    const read = phrase.startsWith('tomorrow') ? () => meaningOfOnce(phrase, OPTIONS) : () => meaningOfSchedule(phrase, OPTIONS);
    expect(await outcome(read)).toBe('refused');
  });

  const CLASHING = ['tomorrow', 'next friday', 'in 2 hours', 'this weekend', 'every 7 minutes', 'or friday', 'yesterday'];
  it('a clause a recurring phrase cannot unite with, before or after it, is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...RECURRING), fc.constantFrom(...CLASHING), fc.boolean(), async (phrase, clause, before) => {
        // A rule that names no days said for tomorrow ("every 2 hours tomorrow") runs within that day.
        fc.pre(before || clause !== 'tomorrow' || !['every 2 hours', 'every hour at minute 11'].includes(phrase));
        // "or" after the days a rule ends with joins another day, as "and" does.
        fc.pre(before || clause !== 'or friday' || !/(?:month|\d(?:st|nd|rd|th))$/.test(phrase));
        const input = before ? `${clause} ${phrase}` : `${phrase} ${clause}`;
        expect(await outcome(() => meaningOfSchedule(input, OPTIONS)), input).toBe('refused');
      }),
      { numRuns: 150, seed: 19 },
    );
  });

  it('a second day, time or part of the day that differs is refused in a one-time phrase', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('tomorrow at 9am', 'next friday at 3pm', 'december 25 at 9am', 'the saturday after next at 10am', 'noon tomorrow'),
        fc.constantFrom('next monday', 'at 6:15pm', 'yesterday', 'in the evening at 7pm'),
        async (phrase, clause) => {
          const input = `${phrase} ${clause}`;
          expect(await outcome(() => meaningOfOnce(input, OPTIONS)), input).toBe('refused');
        },
      ),
      { numRuns: 40, seed: 19 },
    );
  });

  const CALENDAR = ['every monday at 9am', 'every 15th at 5pm', 'every friday at 3pm', 'every day at 7am', 'on the 1st at noon', 'every weekend at 10am'];
  it('two rules joined by "and" fire whenever either does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALENDAR), fc.constantFrom(...CALENDAR), async (a, b) => {
        fc.pre(a !== b);
        const runs = async (phrase: string) => (await meaningOfSchedule(phrase, OPTIONS, 12)).next_runs;
        const [left, right, both] = await Promise.all([runs(a), runs(b), runs(`${a} and ${b}`)]);
        const union = [...new Set([...left, ...right])].sort();
        // Compare up to where all three lists still see every run.
        const bound = [left.at(-1)!, right.at(-1)!, both.at(-1)!].sort()[0]!;
        expect(
          both.filter((run) => run <= bound),
          `${a} and ${b}`,
        ).toEqual(union.filter((run) => run <= bound));
      }),
      { numRuns: 30, seed: 19 },
    );
  });
});

describe('"of the month" and "of the week" after a step of more than one', () => {
  it.each([
    ['every other friday of the month', 'month'],
    ['every other monday of the month', 'month'],
    ['every other week of the month', 'month'],
    ['every other day of the month', 'month'],
    ['every other day of the week', 'week'],
    ['every 2 days of the week', 'week'],
    ['every 3 weeks of the year', 'year'],
    ['every 5 months of the year', 'year'],
  ])('%s is refused: the step may start again each %s or run on', async (phrase, span) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(
      `'${phrase}' counts its step within each ${span} ('of the ${span}'), which does not say which ones: the count may start again each ${span} or run on`,
    );
  });

  it.each([
    ['every day of the week', '0 9 * * *'],
    ['every day of the month', '0 9 * * *'],
    ['every week of the year', '0 9 * * 1'],
    // On the UTC clock, as every interval: odd hours in New York.
    ['every 2 hours of every day', '0 1-23/2 * * *'],
    ['every 15 minutes of the day', '*/15 * * * *'],
  ])('%s says no more than its interval: read', async (phrase, local) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS, 1);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(local);
  });

  it.each([
    ['every other month of the year', 'every other month'],
    ['every 3 months of the year', 'every 3 months'],
  ])('%s, a step that divides the year, picks the same months counted on or again each year: read as %s', async (phrase, plain) => {
    const [meaning, without] = await Promise.all([meaningOfSchedule(phrase, OPTIONS, 12), meaningOfSchedule(plain, OPTIONS, 12)]);
    expect(meaning.next_runs).toEqual(without.next_runs);
  });
});

describe('a phrase that says no rule, or says its days or times twice apart', () => {
  it.each(['every', 'Every', 'each', 'every single', 'each and every', 'every and monday', 'every, every monday'])('%s is refused, not read as every day', async (phrase) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(/Could not understand the schedule/);
  });

  it.each([
    ['each and every day at 9am', '0 9 * * *'],
    ['each and every single monday', '0 9 * * 1'],
    ['every single day at noon', '0 12 * * *'],
  ])('%s: "each and every" and "single" say every', async (phrase, local) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(local);
  });

  it.each([
    ['every weekday on saturday', /names Monday, Tuesday, Wednesday, Thursday and Friday and then, after 'on', Saturday: which days\?/],
    ['every weekend on monday', /after 'on', Monday: which days\?/],
    // With a time between, which time goes with which days is not said either.
    ['weekdays at 9am on sundays', /names days of the week twice, apart/],
    ['every day at 9am in december and 10am in january', /names months twice, apart; a cron would fire at every time in every month named/],
  ])('%s: days said again after "on" contradict the first, refused', async (phrase, message) => {
    await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(message);
  });

  it.each([
    ['every week on monday', '0 9 * * 1'],
    ['mondays on mondays at 10am', '0 10 * * 1'],
    ['on mondays and on fridays', '0 9 * * 1,5'],
    ['every mon wed fri', '0 9 * * 1,3,5'],
  ])('%s: days said once, or alike, or joined, are read', async (phrase, local) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(local);
  });

  it('one clock said twice without am or pm is refused: one of them would be dropped', async () => {
    await expect(meaningOfSchedule('every day at 8 and 8', OPTIONS)).rejects.toThrow("gives '8' twice without am or pm");
    await expect(meaningOfSchedule('every day at 8 and 8:00', OPTIONS)).rejects.toThrow('twice without am or pm');
    await expect(meaningOfSchedule('every day at 8 and eight', OPTIONS)).rejects.toThrow('twice without am or pm');
    await expect(meaningOfSchedule('every day at 8am and 8', OPTIONS)).rejects.toThrow("gives '8' without am or pm beside '8am', which it would only repeat");
    const alike = await meaningOfSchedule('every day at 8am and 8am', OPTIONS);
    expect(alike.type === 'recurring' && alike.local_cron).toBe('0 8 * * *');
    const both = await meaningOfSchedule('every day at 8 and 8pm', OPTIONS);
    expect(both.type === 'recurring' && both.local_cron).toBe('0 8,20 * * *');
  });

  it('a guess said alike by two parts of a union is noted once', async () => {
    const meaning = await meaningOfSchedule('mondays at 9 and fridays at 9', OPTIONS);
    expect(meaning.notes).toEqual(["read '9' as 09:00; write '9 pm' or 21:00 for the evening"]);
  });
});

describe('a 24-hour clock with h or hrs after it in a repeating phrase', () => {
  it.each([
    ['every day at 0800h', '0 8 * * *'],
    ['weekdays at 1730 hrs', '30 17 * * 1-5'],
    ['weekdays at 17:30 h', '30 17 * * 1-5'],
  ])('%s is read as that time of day', async (phrase, local) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(local);
  });
});

describe('weekdays by their letters, as timetables write them', () => {
  it.each([
    ['every m/w/f at 7am', '0 7 * * 1,3,5'],
    ['tu/th at 9am', '0 9 * * 2,4'],
    ['M/W/F at 7am', '0 7 * * 1,3,5'],
    ['every m,w,f at 7am', '0 7 * * 1,3,5'],
    ['every T/Th at 4pm', '0 16 * * 2,4'],
    ['at 9am on m,w', '0 9 * * 1,3'],
  ])('%s', async (phrase, local) => {
    const meaning = await meaningOfSchedule(phrase, OPTIONS);
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(local);
  });
});

describe('days alone after a comma narrow a rule that names none', () => {
  it.each([
    ['every hour, every day', '0 * * * *'],
    ['every 15 minutes, every weekday', '*/15 * * * 1-5'],
    ['every 2 hours, mondays and fridays', '0 */2 * * 1,5'],
    ['At 5 minutes past the hour, every hour, every day', '5 * * * *'],
    ['Every minute between 11:00 AM and 11:10 AM, every day', '0-10 11 * * *'],
    ['At 30 minutes past the hour, every hour, every day, June through August', '30 * * 6-8 *'],
  ])('%s', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it.each(['every 2 days, every monday', 'every other day, every weekend'])('%s: days after an interval of days stay a rule of their own', async (phrase) => {
    expect((await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' })).type).toBe('series');
  });

  it.each([
    ['weekend mornings', '0 9 * * 0,6'],
    ['weekend evenings at 7', '0 19 * * 0,6'],
  ])('%s repeats, as the weekend with a part of the day in the plural', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it('days after days stay a rule of their own', async () => {
    const meaning = await meaningOfSchedule('every monday at 9am, every friday at 5pm', { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expressions).toEqual(['0 9 * * 1', '0 17 * * 5']);
  });
});

describe("'the 2nd to the last' is the day before the last; 'from the 2nd to the last' a range", () => {
  it.each([
    ['2nd to the last day of each month', ['2026-12-30T09:00:00.000Z', '2027-01-30T09:00:00.000Z', '2027-02-27T09:00:00.000Z']],
    ['the second to the last day of every month at 5pm', ['2026-12-30T17:00:00.000Z', '2027-01-30T17:00:00.000Z', '2027-02-27T17:00:00.000Z']],
    ['3rd to the last of each month', ['2026-12-29T09:00:00.000Z', '2027-01-29T09:00:00.000Z', '2027-02-26T09:00:00.000Z']],
    ['2nd to the last friday of each month', ['2026-12-18T09:00:00.000Z', '2027-01-22T09:00:00.000Z', '2027-02-19T09:00:00.000Z']],
  ])('%s', async (phrase, runs) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.next_runs.slice(0, 3)).toEqual(runs);
  });

  it.each([
    ['the 25th to the last of each month', '0 9 25-31 * *'],
    ['the 10th to the last of each month', '0 9 10-31 * *'],
    ['1st to the last of each month', '0 9 * * *'],
  ])('%s, far from the end, is a range of days', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it("a range to the last day runs to each month's end, with no note that a day is skipped", async () => {
    const meaning = await meaningOfSchedule('every day from the 25th to the last', { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('0 9 25-31 * *');
    expect(meaning.notes).toEqual([]);
    expect(meaning.warnings).toEqual([]);
  });
});

describe('a time said once after the last part of an and is the time of each part before it that gives none', () => {
  it.each([
    ['every 1st and every 15th at 6pm', ['2026-12-15T18:00:00.000Z', '2027-01-01T18:00:00.000Z', '2027-01-15T18:00:00.000Z']],
    ['every monday and every 15th at 10am', ['2026-12-07T10:00:00.000Z', '2026-12-14T10:00:00.000Z', '2026-12-15T10:00:00.000Z']],
    ['every monday morning and every friday at 5pm', ['2026-12-04T17:00:00.000Z', '2026-12-07T09:00:00.000Z', '2026-12-11T17:00:00.000Z']],
  ])('%s', async (phrase, runs) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.next_runs.slice(0, 3)).toEqual(runs);
  });
});

describe('a start of today counts from today, even once its time has passed', () => {
  // Monday 7 Dec 2026, 10:00 in New York.
  const MONDAY = Date.parse('2026-12-07T15:00:00Z');
  it.each([
    ['every other monday starting dec 7', ['2026-12-21 09:00 EST', '2027-01-04 09:00 EST']],
    ['every 2 weeks on monday at 9am starting today', ['2026-12-21 09:00 EST', '2027-01-04 09:00 EST']],
    ['every 3 days at 9am starting dec 7', ['2026-12-10 09:00 EST', '2026-12-13 09:00 EST']],
    ['every 3 days at 11am starting today', ['2026-12-07 11:00 EST', '2026-12-10 11:00 EST']],
  ])('%s', async (phrase, runs) => {
    const meaning = await meaningOfSchedule(phrase, { now: MONDAY, zone: 'America/New_York' });
    expect(meaning.next_runs_local.slice(0, 2)).toEqual(runs);
  });
});

describe('a start an interval keeps step with, where it runs before the start too, is said', () => {
  it.each([
    [
      'every 15 minutes starting at 5pm on fridays',
      '*/15 * * * 5',
      "read the start 17:00 as the time the interval keeps step with, so it runs from 00:00, on Fridays; to run from 17:00 to 23:45 say 'every 15 minutes from 17:00 to 23:45' with the days, or to begin at 17:00, say 'every 15 minutes starting tomorrow at 17:00'",
    ],
    [
      'every hour starting at 9am',
      '0 * * * *',
      "read the start 09:00 as the time the interval keeps step with, so it runs from 00:00; to run from 09:00 to 23:00 say 'every hour from 09:00 to 23:00', or to begin at 09:00, say 'every hour starting tomorrow at 09:00'",
    ],
  ])('%s', async (phrase, cron, note) => {
    // 19:00 UTC.
    const meaning = await meaningOfSchedule(phrase, { now: Date.parse('2026-12-02T19:00:00Z'), zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.local_cron).toBe(cron);
    expect(meaning.notes).toContain(note);
  });
});

describe('wordings from other tools', () => {
  it.each([
    ['every wed or Monday at 5pm', '0 17 * * 1,3'],
    ['mondays 9', '0 9 * * 1'],
    ['weekdays 9', '0 9 * * 1-5'],
    ['Mon–Fri at 9am', '0 9 * * 1-5'],
    ['at the bottom of every hour', '30 * * * *'],
    ['ev mon', '0 9 * * 1'],
    ['ev day at 7pm', '0 19 * * *'],
    ['weekdays at the bottom of the hour', '30 * * * 1-5'],
  ])('%s', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it.each([
    ['penultimate day of the month', ['2026-12-30T09:00:00.000Z', '2027-01-30T09:00:00.000Z']],
    ['next to last day of the month', ['2026-12-30T09:00:00.000Z', '2027-01-30T09:00:00.000Z']],
    ['last but one friday of the month', ['2026-12-18T09:00:00.000Z', '2027-01-22T09:00:00.000Z']],
  ])('%s', async (phrase, runs) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.next_runs.slice(0, 2)).toEqual(runs);
  });

  it('an interval of hours given the time but not the day to start says which day it counts from', async () => {
    const meaning = await meaningOfSchedule('every 48 hours starting at 9am', { now: NOW, zone: 'UTC' });
    expect(meaning.notes).toEqual(["the phrase gives the time to start at but not the day: it counts from 2026-12-03 09:00 UTC, the first 09:00 from now; add 'starting <day>' to count from another"]);
  });

  it.each([
    ['every day at 9am until dec 22 inclusive', '2026-12-22T09:00:00.000Z'],
    ['every day at 9am for the rest of the month', '2026-12-31T09:00:00.000Z'],
    ['every day at 9am for the rest of the year', '2026-12-31T09:00:00.000Z'],
  ])('%s ends on that day, whole', async (phrase, last) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, 60);
    expect(meaning.next_runs.at(-1)).toBe(last);
  });

  it('a weekday with the day of the month right after it is the days that are both; said apart, it stays refused', async () => {
    const meaning = await meaningOfSchedule('every friday the 13th', { now: NOW, zone: 'UTC' });
    expect(meaning.next_runs.slice(0, 2)).toEqual(['2027-08-13T09:00:00.000Z', '2028-10-13T09:00:00.000Z']);
    await expect(meaningOfSchedule('every monday on the 15th', { now: NOW, zone: 'UTC' })).rejects.toThrow('names days of the week and days of the month together');
  });

  it('days joined by or are both days, said', async () => {
    const meaning = await meaningOfSchedule('every monday or tuesday', { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe('0 9 * * 1,2');
    expect(meaning.notes).toContain("read 'monday or tuesday' as both days: it runs on each day named");
  });

  it('one weekday or another, with nothing that repeats, is left unread', async () => {
    await expect(meaningOfSchedule('monday or tuesday at 9am', { now: NOW, zone: 'UTC' })).rejects.toThrow(UsageError);
  });
});

describe('days counted back from the end of the month', () => {
  it.each([
    ['At 12:00 AM, 5 days before the last day of the month', ['2026-12-26T00:00:00.000Z', '2027-01-26T00:00:00.000Z', '2027-02-23T00:00:00.000Z']],
    ['3 days before the end of the month at 9am', ['2026-12-28T09:00:00.000Z', '2027-01-28T09:00:00.000Z', '2027-02-25T09:00:00.000Z']],
    ['every month on the day before the last day at 9am', ['2026-12-30T09:00:00.000Z', '2027-01-30T09:00:00.000Z', '2027-02-27T09:00:00.000Z']],
  ])('%s', async (phrase, runs) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.next_runs.slice(0, 3)).toEqual(runs);
  });
});

describe('an interval of months within a range of months', () => {
  it.each([
    ['every 2 months from march through december', '0 9 1 3-11/2 *', 'March, May, July, September and November'],
    ['every other month from november to february on the 5th at 8am', '0 8 5 1,11 *', 'November and January'],
  ])("%s counts from the range's first month, said", async (phrase, cron, months) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
    expect(meaning.notes.join('\n')).toContain(months);
  });

  it('months that are not a range stay refused', async () => {
    await expect(meaningOfSchedule('every 3 months in jan, mar and jul', { now: NOW, zone: 'UTC' })).rejects.toThrow('names both an interval of months and the months');
  });
});

it.each(['every s/su at 9am', 'every t at 9am', 'every m, w, x at 9am'])('%s (a lone t or s, or a letter no weekday has) is refused', async (phrase) => {
  await expect(meaningOfSchedule(phrase, OPTIONS)).rejects.toThrow(UsageError);
});

describe("cronstrue's descriptions read back as their crons", () => {
  it.each([
    ['At 5 minutes past the hour, every 2 hours', '5 */2 * * *'],
    ['At 0 minutes past the hour, every 3 hours, Monday through Friday', '0 */3 * * 1-5'],
    ['At 15 minutes past the hour, every 2 hours, only on Sunday', '15 */2 * * 0'],
    ['At 10 minutes past the hour, every 2 hours, on day 1 of the month', '10 */2 1 * *'],
    ['At 09:05 AM, between day 1 and 7 of the month', '5 9 1-7 * *'],
    ['At 0 and 30 minutes past the hour', '*/30 * * * *'],
    ['At 10 and 40 minutes past the hour, Tuesday through Thursday', '10,40 * * * 2-4'],
    ['At 0, 15, 30, and 45 minutes past the hour', '*/15 * * * *'],
    ['At 09:00 AM, only on Monday, Wednesday, and Friday, every 3 months', '0 9 * */3 1,3,5'],
    ['At 09:00 AM, on day 15 of the month, every 3 months', '0 9 15 */3 *'],
    ['At 07:00 AM, every 2 days in a month', '0 7 1-31/2 * *'],
    ['At 08:30 AM, every 10 days in a month', '30 8 1-31/10 * *'],
    ['At 02:00 PM, every 30 days in a month', '0 14 1,31 * *'],
    ['At 07:05 AM, every 3 days in a month, starting on day 2 of the month', '5 7 2-29/3 * *'],
    ['Every 30 minutes, starting at 5 minutes past the hour', '5,35 * * * *'],
    ['At 07:05 AM, every 2 months, March through December', '5 7 * 3-11/2 *'],
    ['At 09:00 AM, on day 1 of the month, every 3 months, February through December', '0 9 1 2-11/3 *'],
    ['at 9am on the 1st, every 2 months, March–December', '0 9 1 3-11/2 *'],
    ['every 20 minutes starting at 10 past', '10,30,50 * * * *'],
    ['every 2 hours starting at a quarter past each hour', '15 */2 * * *'],
  ])('%s', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });

  it('minutes past the hour that are no even step round it are those minutes', async () => {
    const meaning = await meaningOfSchedule('At 0 and 15 minutes past the hour', { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' ? meaning.local_cron : meaning.type).toBe('0,15 * * * *');
  });

  it('a month step after a comma is read as cron counts it, from January, and said', async () => {
    const meaning = await meaningOfSchedule('At 09:00 AM, only on Monday, every 3 months', { now: NOW, zone: 'UTC' });
    expect(meaning.notes).toContain("read 'every 3 months' after a comma as January, April, July and October, as cron's */3 is; name the months for others");
  });
});

describe('a month step after a comma, beside a start or months said', () => {
  it('a start decides the months, as without the comma: no cron months', async () => {
    const meaning = await meaningOfSchedule('on the 1st at 9am, every 2 months starting february', { now: NOW, zone: 'UTC' }, 2);
    expect(meaning.next_runs).toEqual(['2027-02-01T09:00:00.000Z', '2027-04-01T09:00:00.000Z']);
    expect(meaning.notes.join('\n')).not.toContain("as cron's */2 is");
  });

  it('months said as well are refused, as without the comma', async () => {
    await expect(meaningOfSchedule('at 9am on the 1st, every 2 months in february', { now: NOW, zone: 'UTC' })).rejects.toThrow('names both an interval of months and the months');
  });
});

describe("crontab.guru's month steps with a range", () => {
  it.each([
    ['At 09:00 on day-of-month 1 in every 3rd month from February through December', [2, 5, 8, 11]],
    ['At 09:00 on day-of-month 1 in every 2nd month from March through November', [3, 5, 7, 9, 11]],
    ['At 09:00 on day-of-month 1 in every 3rd month', [1, 4, 7, 10]],
  ])('%s fires in the months of its step and range', async (phrase, months) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' }, 12);
    const fired = [...new Set(meaning.next_runs.map((at) => new Date(at).getUTCMonth() + 1))].sort((a, b) => a - b);
    expect(fired).toEqual(months);
  });
});

describe("crontab.guru's descriptions read back as their crons", () => {
  it.each([
    ['At every 10th minute past every hour from 9 through 17 on every day-of-week from Monday through Friday.', '*/10 9-17 * * 1-5'],
    ['At minute 0 and 30 past every hour from 9 through 17 on every day-of-week from Monday through Friday.', '*/30 9-17 * * 1-5'],
    ['At 22:00 on every day-of-week from Monday through Friday.', '0 22 * * 1-5'],
    ['At minute 0.', '0 * * * *'],
    ['At minute 15 past every 3rd hour.', '15 */3 * * *'],
  ])('%s', async (phrase, cron) => {
    const meaning = await meaningOfSchedule(phrase, { now: NOW, zone: 'UTC' });
    expect(meaning.type === 'recurring' && meaning.cron_expression).toBe(cron);
  });
});
