import type { Intent } from '../state/records';
import type { OnceMeaning, RecurringMeaning } from '../time/index';
import { parseRecurring } from '../time/recurring';
import { localScheduleFromCron } from './local-rule';

/** The line to add to a crontab so sync keeps local-time schedules exact; `sync --print-cron` prints it. */
export const CRONTAB_LINE = '17 * * * * letta-switchboard sync --all-agents >/dev/null 2>&1';

/**
 * The record of a schedule just created from a phrase. Its local rule is what
 * sync keeps: a local cron in the user's zone when the phrase names times on
 * the clock; a raw cron is UTC by definition; an interval ("every 2 hours")
 * keeps its words, since no clock change moves it.
 */
export function intentFromCreate(id: string, agentId: string, meaning: OnceMeaning | RecurringMeaning, now: number): Intent {
  const common = { schedule_id: id, agent_id: agentId, phrase: meaning.input, created_at: new Date(now).toISOString(), replaces: [], status: 'active' as const };
  if (meaning.type === 'one-time') {
    return { ...common, kind: 'one-time', zone: meaning.timezone, local_rule: meaning.local, instants: [meaning.scheduled_at_iso] };
  }
  const crons = { kind: 'recurring' as const, utc_crons: [meaning.cron_expression] };
  if (meaning.local_cron === null) return { ...common, ...crons, zone: 'UTC', local_rule: meaning.cron_expression };
  if (followsClock(meaning)) return { ...common, ...crons, zone: meaning.timezone, local_rule: meaning.local_cron };
  return { ...common, ...crons, zone: meaning.timezone, local_rule: meaning.input.trim() };
}

/**
 * True when the phrase names times on the user's clock ("every weekday at 9am",
 * "hourly at :30"), which a DST change moves in UTC.
 */
export function followsClock(meaning: RecurringMeaning): boolean {
  if (meaning.local_cron === null || localScheduleFromCron(meaning.local_cron) === null) return false;
  try {
    const kind = parseRecurring(meaning.input).kind;
    return kind === 'clock' || kind === 'hourly';
  } catch {
    return false;
  }
}
