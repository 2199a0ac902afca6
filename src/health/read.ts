import { allSettled, forEachInOrder, limiter, mapLimited, windowFor, type Limiter } from '../concurrency';
import { ApiError, CliError, MalformedResponseError, NetworkError, NotFoundError, ResponseTooLargeError } from '../errors';
import type { LettaApi } from '../letta/api';
import type { FireRecord, ScheduledMessage } from '../letta/types';
import { madeAt, scheduleKind } from '../letta/types';
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
  /** Requests in flight at once, or the slots of a limiter shared with other requests. */
  concurrency: number | Limiter;
  /** The newest sends of each schedule whose run is read for its stop reason. */
  runsPerSchedule: number;
  /** A schedule whose history the server keeps failing to give (or never answers) is judged unknown, with why; else the error ends the reading. */
  partial?: boolean;
}

/**
 * A read that failed on its own (a 5xx after the retries, an answer not Letta's, too large, no answer in time, a
 * connection cut): what it was for is unknown, the rest can still be judged. A refused key or Ctrl-C ends everything.
 */
function failedAlone(error: unknown): error is CliError {
  return error instanceof ApiError || error instanceof MalformedResponseError || error instanceof ResponseTooLargeError || error instanceof NetworkError;
}

/** Why a read failed, as a note says it: one that got no answer in time says so first. */
export function failureText(error: CliError): string {
  const message = error.message;
  return error instanceof NetworkError && error.reason === 'timeout' ? `timed out: ${message.charAt(0).toLowerCase()}${message.slice(1)}` : message;
}

/** A schedule as Letta holds it, as fire health sees it; `createdAt` from the record of intent when the server gives none. */
export function scheduleFacts(item: ScheduledMessage, recordedCreation?: number): ScheduleFacts {
  const kind = scheduleKind(item);
  const created = madeAt(item);
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

/**
 * A paused schedule, judged from the copy its pause saved: Letta no longer holds it (it cannot be stuck), and
 * nothing was due of it after the pause.
 */
export function pausedFacts(saved: { old_id: string; paused_at: string; schedule: ScheduledMessage }, recordedCreation?: number): ScheduleFacts {
  const pausedAt = Date.parse(saved.paused_at);
  return {
    ...scheduleFacts({ ...saved.schedule, id: saved.old_id }, recordedCreation),
    held: false,
    nextScheduledTime: null,
    ...(Number.isFinite(pausedAt) ? { endedAt: pausedAt } : {}),
  };
}

function sentFire(entry: FireRecord): SentFire[] {
  const sentAt = Date.parse(entry.sent_at);
  if (!Number.isFinite(sentAt)) return [];
  return [{ id: entry.id, sentAt, status: entry.status, ...(typeof entry.run_id === 'string' ? { runId: entry.run_id } : {}) }];
}

/**
 * Schedules whose reads fail, with none read yet, before the check as a whole is given up; and requests in a row
 * with no answer at all (timeouts, cuts), anywhere in the check: Letta has stopped answering, and each more would
 * cost a whole timeout.
 */
const GIVE_UP_AFTER = 3;

/**
 * Fire health read a schedule at a time: its history, then the runs of its
 * newest sends (for their stop reasons), every request taking one of the
 * reader's slots. The first history answer tells whether the server has the
 * route: without it, no more history is asked for and every schedule is
 * judged on what it says of itself; with it, a later schedule without history
 * is one Letta no longer holds.
 */
export class FireHealthReader {
  /** The status the server gave the history route when it does not have it (404 or 405). */
  missingRoute?: number;
  /** A history answer came first: the route is there. */
  private routeFound = false;
  /** Schedules whose fires were read, and those that could not be before any was: Letta failing as a whole ends the check. */
  private read = 0;
  private failedFirst = 0;
  /** Requests in a row that got no answer (NetworkError), whichever schedule they were for; any answer resets it. */
  private unanswered = 0;
  private readonly slots: Limiter;

  constructor(
    private readonly api: LettaApi,
    private readonly options: ReadOptions,
  ) {
    this.slots = typeof options.concurrency === 'number' ? limiter(options.concurrency) : options.concurrency;
  }

  /**
   * One schedule judged, or 'gone' when Letta no longer holds it. With `partial`, when its history
   * cannot be read (the server keeps failing on it, or never answers), its fires are unknown, with why,
   * and the others are still judged: one bad read does not cost the whole check. A run that cannot be
   * read costs only its own fire (judged on the history's word, its run_error said).
   */
  async judge(facts: ScheduleFacts): Promise<ScheduleHealth | 'gone'> {
    try {
      const judged = await this.judgeRead(facts);
      this.read++;
      return judged;
    } catch (error) {
      if (!failedAlone(error) || !this.options.partial || this.stopped(error)) throw error;
      // Not one schedule read and several failed: it is Letta failing, not these schedules; the whole check stops.
      if (this.read === 0 && ++this.failedFirst >= GIVE_UP_AFTER) throw error;
      const { from, now } = this.options;
      return { ...scheduleHealth({ schedule: facts, from, now, sent: undefined }), readError: failureText(error), readExit: error.exitCode };
    }
  }

  /** Counts a request's answer or its lack: true once GIVE_UP_AFTER in a row got none, and the check is to stop. */
  private stopped(error?: unknown): boolean {
    if (!(error instanceof NetworkError)) {
      this.unanswered = 0;
      return false;
    }
    return ++this.unanswered >= GIVE_UP_AFTER;
  }

  private async judgeRead(facts: ScheduleFacts): Promise<ScheduleHealth | 'gone'> {
    const { from, now } = this.options;
    const sent = await this.slots.run(() => this.sent(facts));
    if (sent === 'gone') return 'gone';
    const withRuns = (this.missingRoute === undefined ? (sent ?? []) : [])
      .filter((fire) => fire.runId !== undefined && fire.sentAt >= from - TOLERANCE.EARLY_MS && fire.sentAt <= now)
      .sort((a, b) => b.sentAt - a.sentAt)
      .map((fire) => fire.runId!);
    const runIds = withRuns.slice(0, this.options.runsPerSchedule);
    const notRead = new Set(withRuns.slice(this.options.runsPerSchedule));
    const found = await allSettled(
      mapLimited(runIds, this.slots, (id) =>
        this.api.getRun(id).then(
          (run) => {
            this.stopped();
            return run;
          },
          (error: unknown) => {
            if (error instanceof NotFoundError) return undefined;
            // Only this fire's run: the fire is judged on the history's word, its run said as not read.
            if (failedAlone(error) && !this.stopped(error)) return { readError: failureText(error), readExit: error.exitCode };
            throw error;
          },
        ),
      ),
    );
    const runs = new Map<string, RunOutcome>();
    for (const [index, run] of found.entries()) if (run) runs.set(runIds[index]!, 'readError' in run ? run : { status: run.status, stopReason: run.stop_reason ?? null });
    const health = scheduleHealth({ schedule: facts, from, now, sent: this.missingRoute === undefined ? sent : undefined, runs });
    // A fire whose run was not read is judged on the history's word: one that looks well may have failed in its run.
    const runsNotRead = health.fires.filter((fire) => (fire.class === 'ok' || fire.class === 'late') && fire.sent?.runId !== undefined && notRead.has(fire.sent.runId)).length;
    return runsNotRead > 0 ? { ...health, runsNotRead } : health;
  }

  /** What the history says was sent; undefined when the server has no history route. */
  private async sent(facts: ScheduleFacts): Promise<SentFire[] | 'gone' | undefined> {
    if (this.missingRoute !== undefined) return undefined;
    try {
      const since = Math.max(this.options.from, facts.createdAt ?? -Infinity) - TOLERANCE.EARLY_MS;
      const history = await this.api.fireHistory(facts.agentId, facts.id, { since, maxEntries: 2 * MAX_FIRES });
      this.stopped();
      if (!history.available) {
        if (this.routeFound) return 'gone';
        this.missingRoute ??= history.status;
        return undefined;
      }
      if (this.missingRoute === undefined) this.routeFound = true;
      return history.entries.flatMap(sentFire);
    } catch (error) {
      if (error instanceof NotFoundError) {
        this.stopped();
        return 'gone';
      }
      throw error;
    }
  }
}

/** The fire health of every schedule given, in their order (`concurrency` requests at a time). */
export async function readFireHealth(api: LettaApi, schedules: ScheduleFacts[], options: ReadOptions & { concurrency: number }): Promise<HealthReading> {
  const reader = new FireHealthReader(api, options);
  const healths: ScheduleHealth[] = [];
  const gone: string[] = [];
  await forEachInOrder(
    schedules,
    windowFor(options.concurrency),
    (facts) => reader.judge(facts),
    (judged, facts) => {
      if (judged === 'gone') gone.push(facts.id);
      else healths.push(judged);
    },
  );
  return { healths, ...(reader.missingRoute === undefined ? {} : { missingRoute: reader.missingRoute }), gone };
}
