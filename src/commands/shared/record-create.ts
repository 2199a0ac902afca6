import { CliError, type LandingKind } from '../../errors';
import type { CreateScheduleBody, CreatedSchedule } from '../../letta/types';
import type { Runtime } from '../../runtime';
import type { CronMeaning, OnceMeaning, RecurringMeaning } from '../../time/index';
import { intentFromCreate, HOURLY_SYNC_HINT } from '../../sync/intent';
import { followsLocalClock } from '../../sync/plan';
import { recordWriter, serverOf, whileChanging } from './state';
import { nextOffsetChange } from '../../time/zone';
import { unsure } from './create-schedule';
import { mayHaveLanded } from '../../sync/execute';
import * as records from '../../state/records';

/**
 * Create a schedule from a phrase, recorded so sync can keep it (one record per
 * schedule: `part` names the cron of a set). The create is recorded as attempted
 * before it is sent, holding the changes lock, and finished once its answer
 * comes: a create whose answer is lost (timeout, reset, kill -9) is found by the
 * next sync and recorded, never made twice; one that certainly did not land is
 * dropped. Returns what Letta answered, and the line that says how to keep a
 * local-time schedule exact across DST, if it needs one. The record is optional:
 * a failure to write it is a warning, never an error.
 */
export async function createRecorded(
  rt: Runtime,
  agentId: string,
  body: CreateScheduleBody,
  meaning: OnceMeaning | RecurringMeaning,
  { part, setId, placeholder: recorded }: { part?: CronMeaning; setId?: string; placeholder?: string } = {},
): Promise<{ created: CreatedSchedule; keepExact?: string }> {
  const api = await rt.api();
  const kind: LandingKind = meaning.type;
  const send = () => unsure(() => api.createSchedule(agentId, body), agentId, kind);
  if (rt.dryRun) return { created: await send() };
  const now = rt.now();
  const intent = intentOf(rt, agentId, meaning, now, { part, setId });
  const created = await whileChanging(rt, async () => {
    const writer = await recordWriter(rt);
    // A set's crons are recorded together before the first is sent (recordSetAttempts): that placeholder is this create's.
    const placeholder =
      recorded ??
      (await writer.update((state) =>
        records.recordCreateAttempt(state, intent, { at: new Date(now).toISOString(), sent_at: new Date().toISOString(), schedule: body.schedule, messages: body.messages }),
      ));
    let answer: CreatedSchedule;
    try {
      answer = await send();
    } catch (error) {
      if (placeholder !== undefined && error instanceof CliError && !mayHaveLanded(error)) await writer.update((state) => records.clearAttempt(state, placeholder));
      throw error;
    }
    if (placeholder !== undefined) await writer.update((state) => records.finishCreate(state, placeholder, answer.id));
    return answer;
  });
  if (!followsLocalClock(intent) || nextOffsetChange(intent.zone, now) === null) return { created };
  return { created, keepExact: `To keep it at its local time across DST, run 'letta-switchboard sync' after each change, or every hour from cron (crontab -e): ${HOURLY_SYNC_HINT}` };
}

/** The record a schedule created from `meaning` stands on, but for its id. */
function intentOf(rt: Runtime, agentId: string, meaning: OnceMeaning | RecurringMeaning, now: number, { part, setId }: { part?: CronMeaning; setId?: string }) {
  return { ...intentFromCreate('', agentId, meaning, now, part), server: serverOf(rt), ...(setId ? { set_id: setId } : {}) };
}

/**
 * Record the creates of every cron of set `setId` as attempted, in one step before the first is sent:
 * cut off between two (kill -9), the set is made whole by sync, which sends each cron not made once
 * the set's schedules stand, or drops them all when none does. The placeholders' ids, in the crons'
 * order; none when the record cannot be written (best effort, as any record).
 */
export async function recordSetAttempts(
  rt: Runtime,
  agentId: string,
  messages: CreateScheduleBody['messages'],
  meaning: RecurringMeaning,
  parts: CronMeaning[],
  setId: string,
): Promise<string[] | undefined> {
  if (rt.dryRun || parts.length === 0) return undefined;
  const now = rt.now();
  return whileChanging(rt, async () => {
    const writer = await recordWriter(rt);
    return writer.update((state) =>
      parts.map((part) => {
        const schedule = { type: 'recurring' as const, cron_expression: part.cron_expression };
        return records.recordCreateAttempt(state, intentOf(rt, agentId, meaning, now, { part, setId }), { at: new Date(now).toISOString(), sent_at: new Date().toISOString(), schedule, messages });
      }),
    );
  });
}

/**
 * Attempts recorded for creates that were never sent, forgotten: nothing of them exists or will. Best effort:
 * left (Ctrl-C meanwhile), sync drops them, as no schedule of their set stands.
 */
export async function forgetAttempts(rt: Runtime, placeholders: string[]): Promise<void> {
  if (rt.dryRun || placeholders.length === 0) return;
  try {
    await whileChanging(rt, async () => {
      const writer = await recordWriter(rt);
      await writer.update((state) => {
        for (const placeholder of placeholders) records.clearAttempt(state, placeholder);
      });
    });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
  }
}
