import { mapLimited } from '../concurrency';
import { NotFoundError } from '../errors';
import type { LettaApi } from '../letta/api';
import type { FireRecord, ScheduledMessage } from '../letta/types';
import { scheduleKind } from '../letta/types';
import { MAX_FIRES, scheduleHealth, TOLERANCE, type RunOutcome, type ScheduleFacts, type ScheduleHealth, type SentFire } from './fires';

export interface HealthReading {
  healths: ScheduleHealth[];
  /** The status the server gave the history route when it does not have it (404 or 405); undefined when it does. */
  missingRoute?: number;
  /** Schedules that disappeared between the list and the history read. */
  gone: string[];
}

export interface ReadOptions {
  from: number;
  now: number;
  concurrency: number;
  /** The newest sends of each schedule whose run is read for its stop reason. */
  runsPerSchedule: number;
}

/** A schedule as Letta holds it, as fire health sees it; `createdAt` from the record of intent when the server gives none. */
export function scheduleFacts(item: ScheduledMessage, recordedCreation?: number): ScheduleFacts {
  const kind = scheduleKind(item);
  const created = typeof item.created_at === 'string' ? Date.parse(item.created_at) : NaN;
  const next = typeof item.next_scheduled_time === 'string' ? Date.parse(item.next_scheduled_time) : NaN;
  return {
    id: item.id,
    agentId: item.agent_id,
    kind,
    ...(kind === 'recurring' ? { cron: item.schedule.cron_expression ?? '' } : { scheduledAt: item.schedule.scheduled_at }),
    nextScheduledTime: Number.isFinite(next) ? next : null,
    ...(Number.isFinite(created) ? { createdAt: created } : recordedCreation === undefined ? {} : { createdAt: recordedCreation }),
  };
}

function sentFire(entry: FireRecord): SentFire[] {
  const sentAt = Date.parse(entry.sent_at);
  if (!Number.isFinite(sentAt)) return [];
  return [{ id: entry.id, sentAt, status: entry.status, ...(typeof entry.run_id === 'string' ? { runId: entry.run_id } : {}) }];
}

/**
 * Read the fire history of each schedule (at most `concurrency` requests at
 * once), then the runs of the newest sends, and classify every fire. A server
 * without the history route is found out on the first answer: no more history
 * is asked for, and every schedule is judged on what it says of itself.
 */
export async function readFireHealth(api: LettaApi, schedules: ScheduleFacts[], options: ReadOptions): Promise<HealthReading> {
  const { from, now, concurrency } = options;
  let missingRoute: number | undefined;
  const reads = mapLimited(schedules, concurrency, async (facts): Promise<SentFire[] | 'gone' | undefined> => {
    if (missingRoute !== undefined) return undefined;
    try {
      const since = Math.max(from, facts.createdAt ?? -Infinity) - TOLERANCE.EARLY_MS;
      const history = await api.fireHistory(facts.agentId, facts.id, { since, maxEntries: 2 * MAX_FIRES });
      if (!history.available) {
        missingRoute ??= history.status;
        return undefined;
      }
      return history.entries.flatMap(sentFire);
    } catch (error) {
      if (error instanceof NotFoundError) return 'gone';
      throw error;
    }
  });
  const gone: string[] = [];
  const judged: Array<{ facts: ScheduleFacts; sent: SentFire[] | undefined }> = [];
  for (const [index, read] of reads.entries()) {
    const sent = await read;
    if (sent === 'gone') gone.push(schedules[index]!.id);
    else judged.push({ facts: schedules[index]!, sent });
  }
  const judge = (sent: SentFire[] | undefined) => (missingRoute === undefined ? sent : undefined);

  // The runs of the newest sends in the window, for their stop reasons.
  const runIds = judged.flatMap(({ sent }) =>
    (judge(sent) ?? [])
      .filter((fire) => fire.runId !== undefined && fire.sentAt >= from - TOLERANCE.EARLY_MS && fire.sentAt <= now)
      .sort((a, b) => b.sentAt - a.sentAt)
      .slice(0, options.runsPerSchedule)
      .map((fire) => fire.runId!),
  );
  const runs = new Map<string, RunOutcome>();
  const lookups = mapLimited(runIds, concurrency, (id) =>
    api.getRun(id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }),
  );
  for (const [index, lookup] of lookups.entries()) {
    const run = await lookup;
    if (run) runs.set(runIds[index]!, { status: run.status, stopReason: run.stop_reason ?? null });
  }
  const healths = judged.map(({ facts, sent }) => scheduleHealth({ schedule: facts, from, now, sent: judge(sent), runs }));
  return { healths, ...(missingRoute === undefined ? {} : { missingRoute }), gone };
}
