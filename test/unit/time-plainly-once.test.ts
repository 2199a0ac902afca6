import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONTH_NAMES, ORDINAL_WORDS } from '../../src/time/lexicon';
import { looksRecurring } from '../../src/time/looks-recurring';
import { phraseZone } from '../../src/time/once-zone';
import { ONE_TIME_WORDS, plainlyOnce, SINGLE_WEEKDAYS } from '../../src/time/plainly-once';
import { lookupZone } from '../../src/time/zone-names';

/*
 * plainlyOnce lets a one-time phrase skip the recurring grammar. It may say
 * false of a one-time phrase (the grammar is then asked), never true of one
 * the grammar reads as repeating.
 */
describe('plainlyOnce', () => {
  it.each(['tomorrow at 9am', 'in 5 minutes', 'next friday at 17:30', 'today at noon', 'on the 3rd at 9.30', 'this evening', 'in 2 hours', 'dec 24 at 5pm'])('%s is plainly one instant', (phrase) => {
    expect(plainlyOnce(phrase)).toBe(true);
    expect(looksRecurring(phrase)).toBe(false);
  });

  it.each([
    'every day at 9am',
    'each monday',
    'daily',
    'bi-weekly',
    'mondays at 9am',
    'weekdays at 9',
    'monday and friday at 9am',
    'mon..fri at 9am',
    'the 1st and 15th at noon',
    'first and third monday at 10am',
    '5 days a week at 9am',
    'twice a day',
    '3x a day',
    'christmas at 6pm',
    'on alternate days at 9',
    'on even days at 9am',
    'm-f at 9am',
    '15 of month 12:00',
    '0 9 * * 1-5',
    '0 9 1 1 1',
    '@daily',
    'tomorrow at 9am EST',
    'tomorrow at 9am in tokyo',
  ])('%s is left to the grammar', (phrase) => {
    expect(plainlyOnce(phrase)).toBe(false);
  });

  it('names no zone with any word it allows, alone or two together', () => {
    const words = [...ONE_TIME_WORDS, ...SINGLE_WEEKDAYS, ...ORDINAL_WORDS.keys(), 'last'];
    for (const word of words) expect([word, lookupZone(word), lookupZone(word, { cities: false, links: false })]).toEqual([word, null, null]);
    for (const first of words) {
      for (const second of words) expect([first, second, phraseZone(`${first} ${second}`, 'UTC').written]).toEqual([first, second, undefined]);
    }
  });

  it('never says a phrase the grammar reads as repeating is plainly one instant', () => {
    const month = fc.constantFrom(...MONTH_NAMES.map((name) => name.toLowerCase()), 'sept', 'dec', 'mar');
    const number = fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.constantFrom('1st', '2nd', '3rd', '15th', '31st', '2027', '1.5', 'last', ...ORDINAL_WORDS.keys()));
    const clock = fc.constantFrom('9:30', '17:45', '9.30', '0:05');
    const token = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ONE_TIME_WORDS) },
      { weight: 2, arbitrary: fc.constantFrom(...SINGLE_WEEKDAYS) },
      { weight: 2, arbitrary: number },
      { weight: 1, arbitrary: month },
      { weight: 1, arbitrary: clock },
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 7 }), (tokens) => {
        const phrase = tokens.join(' ');
        if (plainlyOnce(phrase)) expect([phrase, looksRecurring(phrase)]).toEqual([phrase, false]);
      }),
      { numRuns: 50_000 },
    );
  });
});
