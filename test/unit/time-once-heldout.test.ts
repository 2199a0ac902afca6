import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { parseInstant } from '../../src/time/once';
import { wallTime } from '../../src/time/zone';

/*
 * Families of one-time phrases from other projects' tests and docs (parsedatetime, olebedev/when,
 * SUTime, timefhuman, dateparser, Slack and Todoist wording, email and calendar wording) that were
 * read wrongly, silently or not at all. Two "now"s, the same wall clock in every zone: a weekday
 * morning (Wed 2 Dec 2026 09:15) and a Sunday late evening a week before the US clocks go forward
 * (Sun 7 Mar 2027 22:40). Offsets are written out, not computed by the code under test.
 */
const WEDNESDAY: Array<[string, string]> = [
  ['UTC', '2026-12-02T09:15:00Z'],
  ['America/New_York', '2026-12-02T09:15:00-05:00'],
  ['Australia/Sydney', '2026-12-02T09:15:00+11:00'],
];
const SUNDAY: Array<[string, string]> = [
  ['UTC', '2027-03-07T22:40:00Z'],
  ['America/New_York', '2027-03-07T22:40:00-05:00'],
  ['Australia/Sydney', '2027-03-07T22:40:00+11:00'],
];

const local = (zone: string, instant: number) => {
  const w = wallTime(zone, instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}${w.second ? `:${pad(w.second)}` : ''}`;
};

function refusal(input: string, zone: string, now: number): UsageError {
  try {
    parseInstant(input, { now, zone });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`'${input}' was accepted`);
}

/** [phrase, local answer, a note that must be given (or null: none)] */
type Row = [string, string, RegExp | null];

function holds(nows: Array<[string, string]>, rows: Row[]) {
  for (const [zone, nowIso] of nows) {
    const now = Date.parse(nowIso);
    it.each(rows)(`%s in ${zone}`, (phrase, answer, note) => {
      const read = parseInstant(phrase, { now, zone });
      expect(local(zone, read.instant)).toBe(answer);
      if (note) expect(read.notes.join('\n')).toMatch(note);
      else expect(read.notes).toEqual([]);
    });
  }
}

describe('midnight with a day: 00:00 as the day begins, and a note naming the midnight at its end', () => {
  holds(SUNDAY, [
    ['tomorrow at midnight', '2027-03-08 00:00', /as 00:00 as Mon 8 Mar begins; write 'mar 9 00:00' for midnight at its end/],
    ['midnight tomorrow', '2027-03-08 00:00', /Mon 8 Mar begins/],
    ['12 midnight tomorrow', '2027-03-08 00:00', /Mon 8 Mar begins/],
    ['midnight friday', '2027-03-12 00:00', /Fri 12 Mar begins; write 'mar 13 00:00'/],
    ['midnight on tuesday', '2027-03-09 00:00', /Tue 9 Mar begins/],
    ['dec 31 at midnight', '2027-12-31 00:00', /Fri 31 Dec begins; write 'jan 1 00:00'/],
    // Said without a day, or as a clock, midnight is the next one: no choice to name.
    ['midnight tonight', '2027-03-08 00:00', null],
    ['tonight at midnight', '2027-03-08 00:00', null],
    ['midnight', '2027-03-08 00:00', null],
    ['tomorrow at 00:00', '2027-03-08 00:00', null],
    ['tomorrow at 12am', '2027-03-08 00:00', null],
  ]);
});

describe('a date in digits with dots or dashes and the year last is read as with slashes', () => {
  holds(WEDNESDAY, [
    ['12.06.2027', '2027-12-06 09:00', /read '12.06.2027' with the month first \(December 6\); write '12 june' for June 12/],
    ['12-06-2027 at 5pm', '2027-12-06 17:00', /with the month first/],
    ['31.12.2027', '2027-12-31 09:00', null],
    ['7-17-2027', '2027-07-17 09:00', null],
    ['on 17.07.2027 at 16:00', '2027-07-17 16:00', null],
    ['12/06/2027', '2027-12-06 09:00', /with the month first/],
  ]);
});

describe('a month and year alone is its first day, with a note, as a month alone is', () => {
  holds(WEDNESDAY, [
    ['may 2027', '2027-05-01 09:00', /read 'may 2027' as Sat 1 May 2027, the first of the month; give the day to say otherwise, such as 'may 15'/],
    ['in march 2027', '2027-03-01 09:00', /as Mon 1 Mar 2027, the first of the month/],
    ['in may', '2027-05-01 09:00', /the first of the month/],
    ['may 5 2027', '2027-05-05 09:00', null],
  ]);
});

describe('"+N units" is a duration from now, as "in N units" is', () => {
  holds(WEDNESDAY, [
    ['+3 days', '2026-12-05 09:15', null],
    ['+2h', '2026-12-02 11:15', null],
    ['+90 minutes', '2026-12-02 10:45', null],
  ]);
  holds(SUNDAY, [['+1 week', '2027-03-14 22:40', null]]);
});

describe("'N weeks on <weekday>' (the coming one, N weeks on) names 'in N weeks on <weekday>' when that is another day", () => {
  holds(WEDNESDAY, [
    ['2 weeks on monday', '2026-12-21 09:00', /read '2 weeks on monday' as Mon 21 Dec, 2 weeks after Mon 7 Dec; write 'in 2 weeks on monday' for Mon 14 Dec/],
    ['a fortnight on tuesday', '2026-12-22 09:00', /write 'in a fortnight on tuesday' for Tue 15 Dec/],
    ['in 2 weeks on monday', '2026-12-14 09:00', /Mon 14 Dec, in the week of Wed 16 Dec/],
    // The same day either way: nothing to say.
    ['a week on friday', '2026-12-11 09:00', null],
    ['friday week', '2026-12-11 09:00', null],
  ]);
});

describe('what chrono would guess is refused with the reason', () => {
  for (const [zone, nowIso] of WEDNESDAY) {
    it.each([
      ['end of this week', /which day ends or starts a week is not clear/],
      ['the end of next week', /which day ends or starts a week is not clear/],
      ['the day after', /after or before which day/],
      ['day before', /after or before which day/],
    ])(`%s in ${zone}`, (phrase, reason) => {
      const error = refusal(phrase, zone, Date.parse(nowIso));
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(`'${phrase}'`);
    });
  }
  holds(WEDNESDAY, [
    ['the day after tomorrow', '2026-12-04 09:00', null],
    ['end of the month', '2026-12-31 09:00', null],
  ]);
});
