import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { CLOCK_PATTERN, parseClock, readClock } from '../../src/time/clock';
import { parseNumber, parseOrdinal, readNumber, tokenize } from '../../src/time/words';

const WHOLE_CLOCK = new RegExp(`^${CLOCK_PATTERN}$`);

describe('times of day', () => {
  it.each([
    ['9am', 9, 0],
    ['9 am', 9, 0],
    ['9AM', 9, 0],
    ['3p', 15, 0],
    ['3 p.m.', 15, 0],
    ['3 p.m', 15, 0],
    ['3PM', 15, 0],
    ['9:30am', 9, 30],
    ['9:30 pm', 21, 30],
    ['12am', 0, 0],
    ['12pm', 12, 0],
    ['12:15 am', 0, 15],
    ['15h', 15, 0],
    ['15h30', 15, 30],
    ['15:30', 15, 30],
    ['09:00', 9, 0],
    ['09:00 am', 9, 0],
    ['9:5', 9, 5],
    ['9.30', 9, 30],
    ['0:30', 0, 30],
    ["3 o'clock", 3, 0],
    ['3 oclock pm', 15, 0],
    ['3 o’clock', 3, 0],
    ['half past 9', 9, 30],
    ['half past noon', 12, 30],
    ['quarter past 4pm', 16, 15],
    ['a quarter past 4 pm', 16, 15],
    ['quarter to 5pm', 16, 45],
    ['quarter to midnight', 23, 45],
    ['quarter to 1am', 0, 45],
    ['10 minutes to 3pm', 14, 50],
    ['10 mins past 3pm', 15, 10],
    ['20 past 6', 6, 20],
    ['twenty to six', 5, 40],
    ['twenty-five past seven pm', 19, 25],
    ['noon', 12, 0],
    ['midday', 12, 0],
    ['midnight', 0, 0],
    ['12 noon', 12, 0],
    ['12:15 noon', 12, 15],
    ['mid day', 12, 0],
    ['3 in the am', 3, 0],
    ['3 in the pm', 15, 0],
    ['12:30 midnight', 0, 30],
    ['nine', 9, 0],
    ['nine am', 9, 0],
    ['seven thirty pm', 19, 30],
    ['ten forty-five', 10, 45],
    ['nine oh five am', 9, 5],
    ['eleven five', 11, 5],
    ['eleven 05', 11, 5],
    ['seven 30 pm', 19, 30],
    ['nine five pm', 21, 5],
    ['two three in the afternoon', 14, 3],
    ['twenty-three', 23, 0],
    ["four o'clock in the afternoon", 16, 0],
    ['8 in the morning', 8, 0],
    ['7 in the evening', 19, 0],
    ['10 at night', 22, 0],
    ['12 at night', 0, 0],
  ])('%s is %i:%i', (text, hour, minute) => {
    expect(parseClock(text)).toEqual({ hour, minute });
    expect(WHOLE_CLOCK.test(text.toLowerCase().replace(/’/g, "'"))).toBe(true);
  });

  it.each([
    ['13pm', /with am\/pm the hour must be 1-12/, /13:00/],
    ['0am', /with am\/pm the hour must be 1-12/, /9am/],
    ['25:00', /hour 25 is out of range/, undefined],
    ['24:00', /hour 24 is out of range/, undefined],
    ['9:75', /minute 75 is out of range/, undefined],
    ['quarter to 13pm', /'13pm' is not a time of day/, undefined],
  ])('%s is an error, never wrapped', (text, message, hint) => {
    const error = (() => {
      try {
        return parseClock(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
    if (!text.includes(' ')) expect((error as UsageError).message).toContain(`'${text}'`);
    if (hint) expect((error as UsageError).hint).toMatch(hint);
  });

  it.each(['tomorrow', 'every day', '9 apples', 'half', 'quarter past', 'pm', '', '123', 'a few', '30 minutes', '7.6'])('%s is not a time of day', (text) => {
    expect(parseClock(text)).toBeNull();
  });

  it('says whether an hour was written without am/pm', () => {
    const ambiguous = (text: string) => readClock(tokenize(text), 0)?.ambiguous;
    expect(ambiguous('6')).toBe(true);
    expect(ambiguous('half past 6')).toBe(true);
    expect(ambiguous('six thirty')).toBe(true);
    expect(ambiguous('6pm')).toBe(false);
    expect(ambiguous('06:00')).toBe(false);
    expect(ambiguous('18:00')).toBe(false);
    expect(ambiguous('noon')).toBe(false);
    expect(ambiguous('15h')).toBe(false);
  });

  it('reads "9 to 5" as two times, never as nine minutes to five', () => {
    const tokens = tokenize('9 to 5');
    expect(readClock(tokens, 0)).toMatchObject({ value: { hour: 9, minute: 0 }, end: 1 });
    expect(readClock(tokenize('ten to 5'), 0)?.value).toEqual({ hour: 4, minute: 50 });
    const first = readClock(tokens, 0, { bareOffsets: false });
    expect(first).toMatchObject({ value: { hour: 9, minute: 0 }, end: 1 });
    expect(readClock(tokens, 2)?.value).toEqual({ hour: 5, minute: 0 });
  });

  it('the pattern and the parser agree on any hour, minute and spelling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 70 }),
        fc.constantFrom('', 'am', ' am', 'pm', ' p.m.', 'p', " o'clock", 'h'),
        fc.constantFrom('', 'half past ', 'quarter to ', '10 minutes past ', 'twenty to '),
        (hour, minute, suffix, prefix) => {
          const texts = [`${prefix}${hour}${suffix}`, `${prefix}${hour}:${String(minute).padStart(2, '0')}${suffix}`];
          for (const text of texts) {
            let parsed: unknown;
            try {
              parsed = parseClock(text);
            } catch (error) {
              expect(error).toBeInstanceOf(UsageError);
              parsed = 'error';
            }
            if (parsed !== null && parsed !== 'error') {
              const { hour: h, minute: m } = parsed as { hour: number; minute: number };
              expect(h).toBeGreaterThanOrEqual(0);
              expect(h).toBeLessThanOrEqual(23);
              expect(m).toBeGreaterThanOrEqual(0);
              expect(m).toBeLessThanOrEqual(59);
            }
            if (parsed !== null && parsed !== 'error') expect(WHOLE_CLOCK.test(text)).toBe(true);
          }
        },
      ),
      { numRuns: 500, seed: 12 },
    );
  });

  it('reads long inputs in one pass', () => {
    // Each of these took exponential time with nested repetition; now they return at once.
    const long = `${'9 and '.repeat(5000)}x`;
    expect(parseClock(long)).toBeNull();
    expect(new RegExp(`^${CLOCK_PATTERN}$`).test(`${'nine '.repeat(5000)}x`)).toBe(false);
    expect(tokenize(long)).toHaveLength(10001);
  });
});

describe('number words and ordinals', () => {
  it.each([
    ['one', 1],
    ['seven', 7],
    ['twelve', 12],
    ['twenty', 20],
    ['twenty-one', 21],
    ['twenty one', 21],
    ['forty five', 45],
    ['sixty', 60],
    ['a', 1],
    ['an', 1],
    ['a couple of', 2],
    ['a couple', 2],
    ['couple of', 2],
    ['a few', 3],
    ['few', 3],
    ['42', 42],
    ['1.5', 1.5],
  ])('%s is %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(['hundred', 'lots', 'a dozen', '', 'twenty-first'])('%s is not a number word', (text) => expect(parseNumber(text)).toBeNull());

  it.each([
    ['1st', 1],
    ['2nd', 2],
    ['3rd', 3],
    ['15th', 15],
    ['31st', 31],
    ['first', 1],
    ['third', 3],
    ['twelfth', 12],
    ['twentieth', 20],
    ['twenty-first', 21],
    ['twenty first', 21],
    ['thirty-first', 31],
  ])('%s is the ordinal %d', (text, value) => expect(parseOrdinal(text)).toBe(value));

  it.each(['one', 'twenty', 'last', 'firsts'])('%s is not an ordinal', (text) => expect(parseOrdinal(text)).toBeNull());

  it('stops after the words it reads', () => {
    expect(readNumber(tokenize('a few minutes'), 0)).toEqual({ value: 3, end: 2 });
    expect(readNumber(tokenize('a minute'), 0, { articles: false })).toBeNull();
  });
});
