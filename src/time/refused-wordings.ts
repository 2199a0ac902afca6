import { refuseBareYearEnd } from './bare-year-end';
import { refuseLastNightOf } from './last-night-of';
import { refuseSeconds } from './seconds';

/**
 * Whole-phrase wordings a repeating phrase is refused for by name, in the order they are tried: run before its open end,
 * its own ends or the grammar are read, so the error quotes the phrase as typed and says why (the grammar would stop at a
 * word without saying it). Loaded only for a repeating phrase; the one-time reader refuses 'last night of' alone.
 */
const CHECKS: ReadonlyArray<(said: string, options: { now: number; zone: string }) => void> = [refuseSeconds, refuseLastNightOf, refuseBareYearEnd];

/** Throws the refusal of the first check that `said` (trimmed, as typed) fails, if any. */
export function refuseWordingsOfRule(said: string, options: { now: number; zone: string }): void {
  for (const check of CHECKS) check(said, options);
}
