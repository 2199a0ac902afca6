import { expect } from 'vitest';
import { UsageError } from '../../src/errors';
import { parseInstant } from './parse-instant';

/** The error a one-time phrase is refused with (the test fails if it is read). */
export function refusalOf(input: string, zone: string, now: number): UsageError {
  try {
    parseInstant(input, { now, zone });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`'${input}' was accepted`);
}
