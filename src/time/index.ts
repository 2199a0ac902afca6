/**
 * The time language: phrases to instants and UTC crons. Pure (no I/O); the
 * heavy parsers are imported only on the path that needs them.
 */
import { formatLocal } from './zone';

export interface PhraseOptions {
  now: number;
  zone: string;
}

export interface OnceMeaning {
  type: 'one-time';
  input: string;
  scheduled_at: number;
  scheduled_at_iso: string;
  timezone: string;
  local: string;
  /** The phrase was "now": send immediately. */
  is_now: boolean;
}

export interface RecurringMeaning {
  type: 'recurring';
  input: string;
  cron_expression: string;
  timezone: string;
  local_cron: string | null;
  description: string;
  next_runs: string[];
  next_runs_local: string[];
  warnings: string[];
}

export type PhraseMeaning = OnceMeaning | RecurringMeaning;

export async function meaningOfOnce(input: string, { now, zone }: PhraseOptions): Promise<OnceMeaning> {
  const { parseInstant } = await import('./once');
  const { instant, isNow } = parseInstant(input, { now, zone });
  return {
    type: 'one-time',
    input,
    scheduled_at: instant,
    scheduled_at_iso: new Date(instant).toISOString(),
    timezone: zone,
    local: formatLocal(zone, instant),
    is_now: isNow,
  };
}

export async function meaningOfRecurring(input: string, { now, zone }: PhraseOptions, count = 5): Promise<RecurringMeaning> {
  const [{ parseRecurring }, { toUtcSchedule }, { validateCron, nextRuns, describeCron }] = await Promise.all([
    import('./recurring'),
    import('./to-utc'),
    import('./cron'),
  ]);
  const local = parseRecurring(input);
  const { cron, localCron, warnings } = toUtcSchedule(local, zone, now, input.trim());
  const cronExpression = validateCron(cron);
  const runs = nextRuns(cronExpression, now, count);
  const description = localCron === null || zone === 'UTC' ? `${describeCron(cronExpression)} (UTC)` : `${describeCron(localCron)} (${zone})`;
  return {
    type: 'recurring',
    input,
    cron_expression: cronExpression,
    timezone: zone,
    local_cron: localCron,
    description,
    next_runs: runs.map((ms) => new Date(ms).toISOString()),
    next_runs_local: runs.map((ms) => formatLocal(zone, ms)),
    warnings,
  };
}

/** Decide from the phrase itself whether it is one instant or a repeating schedule. */
export async function meaningOf(input: string, options: PhraseOptions, count = 5): Promise<PhraseMeaning> {
  const { looksRecurring } = await import('./recurring');
  return looksRecurring(input) ? meaningOfRecurring(input, options, count) : meaningOfOnce(input, options);
}
