import { meaningOfOnce, meaningOfRecurring, meaningOfSchedule } from '../../src/time/index';

/** Monday 2026-12-07, 10:00 in New York: the moment the phrase rounds read against. */
export const MONDAY_IN_NEW_YORK = { now: Date.parse('2026-12-07T15:00:00Z'), zone: 'America/New_York' };

/** A one-time phrase's local minute, and its notes as one line. */
export async function onceReading(phrase: string, options = MONDAY_IN_NEW_YORK): Promise<{ at: string; notes: string }> {
  const meaning = await meaningOfOnce(phrase, options);
  return { at: meaning.local.slice(0, 16), notes: meaning.notes.join(' ') };
}

/** A one-time phrase's refusal as "message | hint"; the test fails if the phrase is read. */
export function onceRefusal(phrase: string, options = MONDAY_IN_NEW_YORK): Promise<string> {
  return refusalOf(phrase, () => meaningOfOnce(phrase, options));
}

/** A phrase given as a schedule (`--cron`), refused: "message | hint"; the test fails if the phrase is read. */
export function scheduleRefusal(phrase: string, options = MONDAY_IN_NEW_YORK): Promise<string> {
  return refusalOf(phrase, () => meaningOfSchedule(phrase, options));
}

/** A phrase given as a schedule: what it means, with its next four fires' local minutes. */
export async function scheduleReading(phrase: string, options = MONDAY_IN_NEW_YORK) {
  const meaning = await meaningOfSchedule(phrase, options, 4);
  return { ...meaning, fires: meaning.next_runs_local.map((local) => local.slice(0, 16)) };
}

async function refusalOf(phrase: string, read: () => Promise<unknown>): Promise<string> {
  try {
    await read();
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return `${message} | ${hint ?? ''}`;
  }
  throw new Error(`'${phrase}' was read`);
}

/** A recurring phrase's local cron, its UTC crons (a set's joined by ' + '), its next three fires and its notes as one line. */
export async function recurringReading(phrase: string, options = MONDAY_IN_NEW_YORK): Promise<{ local: string | null; utc: string; fires: string[]; notes: string }> {
  const meaning = await meaningOfRecurring(phrase, options, 3, { sets: true });
  return {
    local: meaning.local_cron,
    utc: (meaning.cron_expressions ?? [meaning.cron_expression]).join(' + '),
    fires: meaning.next_runs_local.map((local) => local.slice(0, 16)),
    notes: meaning.notes.join(' '),
  };
}
