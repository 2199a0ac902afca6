import { looksRecurring } from '../../src/time/looks-recurring';
import { parseInstant as readWithout, type InstantOptions, type ParsedInstant } from '../../src/time/once';

/** The one-time reader as `parse` runs it: with the recurring grammar, to refuse a phrase that repeats. */
export function parseInstant(input: string, options: InstantOptions): ParsedInstant {
  return readWithout(input, { ...options, repeats: looksRecurring });
}
