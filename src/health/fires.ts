import { utcCron } from '../time/utc-cron';
import { stopReasonVerdict } from '../letta/stop-reasons';

/**
 * Fire health: what should have fired (from the cron or the instant), matched
 * with what the server says was sent, each fire classified. Pure: the caller
 * brings the schedule, the history entries, the runs and the clock.
 */

const MINUTE = 60_000;

/**
 * The tolerances, in one place. A cron names a minute and Letta's scheduler
 * sends within it, so a message sent up to ON_TIME_MS after its due time is on
 * time; EARLY_MS allows for the two machines' clocks disagreeing. Nothing sent
 * GRACE_MS after the due time is a miss (until then the fire is pending), and a
 * schedule whose next_scheduled_time is GRACE_MS in the past is stuck. A send is
 * counted as a late fire until the next fire is due, and at most LATEST_MS late. A run
 * not ended RUN_ENDS_MS after its send (an agent's step takes seconds, a long one
 * minutes) is taken as hung: its fire failed; until then the fire is pending.
 */
export const TOLERANCE = {
  EARLY_MS: 1 * MINUTE,
  ON_TIME_MS: 2 * MINUTE,
  GRACE_MS: 10 * MINUTE,
  LATEST_MS: 24 * 60 * MINUTE,
  RUN_ENDS_MS: 60 * MINUTE,
} as const;

/** Most fires expanded for one schedule in a window (an every-minute cron over a week). */
export const MAX_FIRES = 7 * 24 * 60;

/** ok: sent on time and ran well; late: sent after the tolerance; pending: due, still within the grace time, or its run not ended yet; unknown: no history to tell. */
export type FireClass = 'ok' | 'failed' | 'missed' | 'late' | 'pending' | 'unknown' | 'unexpected';
export const FIRE_CLASSES: FireClass[] = ['ok', 'failed', 'missed', 'late', 'pending', 'unknown', 'unexpected'];

/** The worst thing about a schedule, worst first. */
export type Worst = 'stuck' | 'missed' | 'failed' | 'late' | 'ok' | 'unknown';
const SEVERITY: Worst[] = ['stuck', 'missed', 'failed', 'late'];

/** A message the server's history says it sent. */
export interface SentFire {
  id: string;
  /** Unix ms. */
  sentAt: number;
  /** The history entry's own status ("success" or "failed"). */
  status: string;
  runId?: string;
}

/** What a run says about how it ended. */
export interface RunOutcome {
  status?: string;
  stopReason?: string | null;
  /** Letta kept failing to give the run: how it ended is not known, and its fire is judged on the history's word. */
  readError?: string;
  /** The exit code of that failure (1 Letta failing, 5 no answer). */
  readExit?: number;
}

export interface FireVerdict {
  /** Unix ms; absent for a send no expected fire accounts for (class `unexpected`). */
  due?: number;
  sent?: SentFire;
  run?: RunOutcome;
  class: FireClass;
}

/** A schedule as fire health sees it. */
export interface ScheduleFacts {
  id: string;
  agentId: string;
  kind: 'one-time' | 'recurring';
  cron?: string;
  /** Unix ms (one-time). */
  scheduledAt?: number;
  /** Unix ms, or null/undefined when the server gives none. */
  nextScheduledTime?: number | null;
  /** Unix ms: when the schedule was made, where known (the server's created_at, else the record of intent). */
  createdAt?: number;
  /** Unix ms: nothing was due after this (the schedule was paused then). */
  endedAt?: number;
  /**
   * Unix ms: it ended no later than this, exactly when is not known (deleted
   * elsewhere, found gone then): nothing after its last send is expected of it.
   */
  endedBy?: number;
  /** False when the server no longer holds it (a series member known only from the record): it cannot be stuck. */
  held?: boolean;
}

export interface HealthInput {
  schedule: ScheduleFacts;
  /** Unix ms: the window is [from, now]. */
  from: number;
  now: number;
  /** The history entries; undefined when the server has no history route. */
  sent: SentFire[] | undefined;
  /** Runs by id, for the entries whose run was read. */
  runs?: Map<string, RunOutcome>;
}

export interface ScheduleHealth {
  schedule: ScheduleFacts;
  /** Unix ms: the start of the window actually judged (the creation time when later than the window's start). */
  from: number;
  /** Newest first. */
  fires: FireVerdict[];
  counts: Record<FireClass, number>;
  /** The schedule itself has not moved on: since when (Unix ms). */
  stuckSince?: number;
  worst: Worst;
  /** False when the server has no history route and only the schedule itself could be judged. */
  historyKnown: boolean;
  /** More fires were due in the window than MAX_FIRES: only the first are judged. */
  truncated: boolean;
  /** Why the schedule's rule could not be expanded, if it could not. */
  unreadable?: string;
  /** Why its fires could not be read (the history or a run kept failing): they are unknown, not judged. */
  readError?: string;
  /** The exit code of that failure (1 Letta failing, 5 no answer). */
  readExit?: number;
  /** Fires judged ok or late whose run was not read (only the newest sends' runs are): how they ended is the history's word alone. */
  runsNotRead?: number;
}

/** A run Letta still has as created or running: it has not ended. */
export function runUnended(run: RunOutcome | undefined): boolean {
  return run?.status === 'created' || run?.status === 'running';
}

/** A run that failed, was cancelled, or stopped for a reason that is an error. An unknown reason is not taken as one. */
export function runFailed(run: RunOutcome | undefined): boolean {
  if (!run) return false;
  if (run.status === 'failed' || run.status === 'cancelled') return true;
  return stopReasonVerdict(run.stopReason) === 'failed';
}

/** The due times of a schedule in [from, to], oldest first, at most MAX_FIRES. */
export function expectedFires(schedule: ScheduleFacts, from: number, to: number): { due: number[]; truncated: boolean } {
  if (schedule.kind === 'one-time') {
    const at = schedule.scheduledAt;
    return { due: at !== undefined && at >= from && at <= to ? [at] : [], truncated: false };
  }
  const { instants, hasMore } = utcCron(schedule.cron ?? '').firesIn(from, to, MAX_FIRES);
  return { due: instants, truncated: hasMore };
}

/**
 * Pair due times with sends, oldest first: a send belongs to a fire when it
 * came no more than EARLY_MS before it (half the time since the fire before,
 * when that is less), before the next fire's own window opens, and at most LATEST_MS after it. A send no fire accounts for (a
 * second send, a manual run) is `unexpected`.
 */
export function matchFires(due: number[], sent: SentFire[]): Array<{ due?: number; sent?: SentFire }> {
  const sends = [...sent].sort((a, b) => a.sentAt - b.sentAt);
  const pairs: Array<{ due?: number; sent?: SentFire }> = [];
  let next = 0;
  // A fire's window opens EARLY_MS before it, or halfway from the fire before when they are closer (an every-minute cron):
  // else each window would close as its own fire is due, and every send on time would count for the next.
  const opensAt = (i: number) => due[i]! - (i === 0 ? TOLERANCE.EARLY_MS : Math.min(TOLERANCE.EARLY_MS, (due[i]! - due[i - 1]!) / 2));
  due.forEach((at, i) => {
    const opens = opensAt(i);
    const closes = Math.min(at + TOLERANCE.LATEST_MS, i + 1 < due.length ? opensAt(i + 1) : Infinity);
    while (next < sends.length && sends[next]!.sentAt < opens) pairs.push({ sent: sends[next++]! });
    if (next < sends.length && sends[next]!.sentAt < closes) pairs.push({ due: at, sent: sends[next++]! });
    else pairs.push({ due: at });
  });
  while (next < sends.length) pairs.push({ sent: sends[next++]! });
  return pairs;
}

/** One fire's class from what was sent and how its run ended. */
export function classify(pair: { due?: number; sent?: SentFire }, run: RunOutcome | undefined, now: number, historyKnown = true): FireClass {
  if (!historyKnown) return 'unknown';
  if (pair.due === undefined) return 'unexpected';
  if (!pair.sent) return now - pair.due < TOLERANCE.GRACE_MS ? 'pending' : 'missed';
  if (pair.sent.status === 'failed' || runFailed(run)) return 'failed';
  if (runUnended(run)) return now - pair.sent.sentAt > TOLERANCE.RUN_ENDS_MS ? 'failed' : 'pending';
  return pair.sent.sentAt - pair.due > TOLERANCE.ON_TIME_MS ? 'late' : 'ok';
}

/** Every fire of one schedule in the window classified, whether the schedule is stuck, and the worst of it. */
export function scheduleHealth({ schedule, from: windowFrom, now, sent, runs }: HealthInput): ScheduleHealth {
  const from = Math.max(windowFrom, schedule.createdAt ?? -Infinity);
  const historyKnown = sent !== undefined;
  let expected: { due: number[]; truncated: boolean } = { due: [], truncated: false };
  let unreadable: string | undefined;
  const lastSend = (sent ?? []).reduce((latest, fire) => (fire.sentAt <= (schedule.endedBy ?? Infinity) ? Math.max(latest, fire.sentAt) : latest), -Infinity);
  const end = Math.min(now, schedule.endedAt ?? Infinity, schedule.endedBy === undefined ? Infinity : Math.max(from, lastSend + TOLERANCE.EARLY_MS));
  try {
    expected = expectedFires(schedule, from, end);
  } catch (error) {
    unreadable = error instanceof Error ? error.message : String(error);
  }
  const inWindow = (sent ?? []).filter((fire) => fire.sentAt >= from - TOLERANCE.EARLY_MS && fire.sentAt <= now);
  const fires: FireVerdict[] = matchFires(expected.due, inWindow).map((pair) => {
    const run = pair.sent?.runId === undefined ? undefined : runs?.get(pair.sent.runId);
    return { ...pair, ...(run ? { run } : {}), class: classify(pair, run, now, historyKnown) };
  });
  fires.sort((a, b) => (b.due ?? b.sent!.sentAt) - (a.due ?? a.sent!.sentAt));

  const counts = Object.fromEntries(FIRE_CLASSES.map((name) => [name, 0])) as Record<FireClass, number>;
  for (const fire of fires) counts[fire.class]++;
  const stuckSince = stuckTime(schedule, fires, now);
  const problems = new Set<Worst>([...(stuckSince === undefined ? [] : (['stuck'] as const)), ...fires.map((fire) => fire.class as Worst)]);
  const worst = SEVERITY.find((level) => problems.has(level)) ?? (historyKnown && unreadable === undefined ? 'ok' : 'unknown');
  return { schedule, from, fires, counts, ...(stuckSince === undefined ? {} : { stuckSince }), worst, historyKnown, truncated: expected.truncated, ...(unreadable ? { unreadable } : {}) };
}

/**
 * When a schedule stopped moving on: a next_scheduled_time older than the
 * grace time, or a one-time schedule still held past its instant with no
 * send for it in the history (a one-time schedule that did fire may linger).
 */
function stuckTime(schedule: ScheduleFacts, fires: FireVerdict[], now: number): number | undefined {
  if (schedule.held === false) return undefined;
  if (schedule.kind === 'one-time') {
    const at = schedule.scheduledAt;
    const sent = fires.some((fire) => fire.due === at && fire.sent);
    return at !== undefined && now - at > TOLERANCE.GRACE_MS && !sent ? at : undefined;
  }
  return recurringStuckSince(schedule.nextScheduledTime, now);
}

/** A recurring schedule Letta holds is stuck when its next_scheduled_time is more than the grace time in the past: since then. */
export function recurringStuckSince(nextScheduledTime: number | null | undefined, now: number): number | undefined {
  return typeof nextScheduledTime === 'number' && now - nextScheduledTime > TOLERANCE.GRACE_MS ? nextScheduledTime : undefined;
}

/** Something a person must act on: a missed or failed fire, or a stuck schedule (late fires are shown, not alarming). */
export function needsAttention(health: ScheduleHealth): boolean {
  return health.stuckSince !== undefined || health.counts.missed > 0 || health.counts.failed > 0;
}
