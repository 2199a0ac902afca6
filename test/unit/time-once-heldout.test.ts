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
