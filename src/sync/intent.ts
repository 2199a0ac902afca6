import type { OnceMeaning, RecurringMeaning } from '../time/index';
import { parseRecurring } from '../time/recurring';
import { localScheduleFromCron } from './local-rule';
import type { ScheduleIntent } from './records';

/** The line to add to a crontab so sync keeps local-time schedules exact; `sync --print-cron` prints it. */
export const CRONTAB_LINE = '17 * * * * letta-switchboard sync --all-agents >/dev/null 2>&1';

/** The record of a schedule just created from a phrase. */
export function intentFromCreate(id: string, agentId: string, meaning: OnceMeaning | RecurringMeaning, now: number): ScheduleIntent {
  const common = { id, agent_id: agentId, phrase: meaning.input, zone: meaning.timezone, created_at: new Date(now).toISOString(), replaces: [], pending_delete: [], status: 'active' as const };
  if (meaning.type === 'one-time') return { ...common, kind: 'one-time', local_cron: null, scheduled_at: meaning.scheduled_at };
  return { ...common, kind: 'recurring', local_cron: followsClock(meaning) ? meaning.local_cron : null, cron: meaning.cron_expression };
}

/**
 * True when the phrase names times on the user's clock ("every weekday at 9am",
 * "hourly at :30"), which a DST change moves in UTC. Intervals and raw crons
 * do not: "every 2 hours" stays every two hours whatever the clock says.
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
