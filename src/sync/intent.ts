import type { Schedule } from '../letta/types';
import { newIntent, type Intent } from '../state/records';
import type { CronMeaning, OnceMeaning, RecurringMeaning } from '../time/index';
import { parseRecurring } from '../time/resolve-recurring';
import { patternOfCron } from './local-rule';

/** How to run sync every hour: `--print-cron` prints a line with absolute paths, logging to the state folder. */
export const HOURLY_SYNC_HINT = '(crontab -l; letta-switchboard sync --print-cron) | crontab -';

/** Schedule kinds whose times are on the user's clock, which a DST change moves in UTC. */
const CLOCK_KINDS = new Set(['clock', 'hourly', 'calendar']);

/**
 * The record of a schedule just created from a phrase (`part`: which cron of a
 * set it carries). Its local rule is what sync keeps: a local cron in the
 * user's zone when the phrase names times on the clock; a raw cron is UTC by
 * definition; an interval ("every 2 hours") keeps its words, since no clock
 * change moves it.
 */
export function intentFromCreate(id: string, agentId: string, meaning: OnceMeaning | RecurringMeaning, now: number, part?: CronMeaning): Intent {
  const common = { schedule_id: id, agent_id: agentId, phrase: meaning.input };
  if (meaning.type === 'one-time') {
    return newIntent({ ...common, kind: 'one-time', zone: meaning.timezone, local_rule: meaning.local, instants: [meaning.scheduled_at_iso] }, now);
  }
  const cron = part?.cron_expression ?? meaning.cron_expression;
  const localCron = part ? part.local_cron : meaning.local_cron;
  const crons = { kind: 'recurring' as const, utc_crons: [cron] };
  if (localCron === null && kindOf(meaning) === 'raw') return newIntent({ ...common, ...crons, zone: 'UTC', local_rule: cron }, now);
  if (localCron !== null && followsClock(meaning)) return newIntent({ ...common, ...crons, zone: meaning.timezone, local_rule: localCron }, now);
  return newIntent({ ...common, ...crons, zone: meaning.timezone, local_rule: meaning.input.trim() }, now);
}

/** True when the phrase names times on the user's clock ("every weekday at 9am", "hourly at :30"). */
export function followsClock(meaning: RecurringMeaning): boolean {
  const kind = kindOf(meaning);
  return kind !== undefined && CLOCK_KINDS.has(kind) && (meaning.local_cron === null || patternOfCron(meaning.local_cron) !== null);
}

function kindOf(meaning: RecurringMeaning): string | undefined {
  try {
    return parseRecurring(meaning.input, { now: Date.parse(meaning.next_runs[0] ?? '') || Date.now(), zone: meaning.timezone }).kind;
  } catch {
    return undefined;
  }
}

/** The record of a schedule known only by what Letta has (edited without a phrase): its UTC rule, kept in UTC. */
export function intentFromSchedule(id: string, agentId: string, schedule: Schedule, now: number): Intent {
  const common = { schedule_id: id, agent_id: agentId, zone: 'UTC' };
  if (schedule.type === 'recurring')
    return newIntent({ ...common, kind: 'recurring', phrase: schedule.cron_expression, local_rule: schedule.cron_expression, utc_crons: [schedule.cron_expression] }, now);
  const at = new Date(schedule.scheduled_at).toISOString();
  return newIntent({ ...common, kind: 'one-time', phrase: at, local_rule: at, instants: [at] }, now);
}
