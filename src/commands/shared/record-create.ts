import type { Runtime } from '../../runtime';
import type { CronMeaning, OnceMeaning, RecurringMeaning } from '../../time/index';
import { intentFromCreate, HOURLY_SYNC_HINT } from '../../sync/intent';
import { followsLocalClock } from '../../sync/plan';
import { recordWriter, serverOf } from './state';
import { recordIntent } from '../../state/records';
import { nextOffsetChange } from '../../time/zone';

/**
 * Record a schedule just created from a phrase, so sync can keep it (one
 * record per schedule: `part` names the cron of a set). Returns the line that
 * says how to keep a local-time schedule exact across DST, if it needs one.
 * The record is optional: a failure to write it is a warning, never an error.
 */
export async function recordCreated(rt: Runtime, id: string, agentId: string, meaning: OnceMeaning | RecurringMeaning, part?: CronMeaning, setId?: string): Promise<string | undefined> {
  if (rt.dryRun) return undefined;
  const intent = { ...intentFromCreate(id, agentId, meaning, rt.now(), part), server: serverOf(rt), ...(setId ? { set_id: setId } : {}) };
  await (await recordWriter(rt)).update((state) => recordIntent(state, intent));
  if (!followsLocalClock(intent) || nextOffsetChange(intent.zone, rt.now()) === null) return undefined;
  return `To keep it at its local time across DST, run 'letta-switchboard sync' after each change, or every hour from cron (crontab -e): ${HOURLY_SYNC_HINT}`;
}
