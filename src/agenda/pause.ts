import type { ScheduledMessage } from '../letta/types';
import { sameSchedule, type RecreateBody } from './schedule-copy';

/** More ids than this in one `pause` asks first on a terminal. */
export const CONFIRM_ABOVE = 5;

/** Whether a pause of `count` ids must be confirmed: only a person at a terminal is asked, and --yes skips it. */
export function needsConfirmation(count: number, { interactive, yes }: { interactive: boolean; yes: boolean }): boolean {
  return count > CONFIRM_ABOVE && interactive && !yes;
}

export type PauseStep =
  /** Save the copy, then delete it from Letta. */
  | { action: 'save-and-delete' }
  /** A copy is saved but Letta still has the schedule (an earlier delete failed): save the current copy again and delete. */
  | { action: 'delete-again' }
  /** Saved and gone from Letta: nothing to do. */
  | { action: 'already-paused' }
  | { action: 'not-found' };

export function planPause(inLetta: boolean, saved: boolean): PauseStep {
  if (inLetta) return { action: saved ? 'delete-again' : 'save-and-delete' };
  return { action: saved ? 'already-paused' : 'not-found' };
}

export type ResumeStep =
  /** The old schedule is still in Letta (its delete never happened): drop the saved copy, create nothing. */
  | { action: 'still-in-letta' }
  /** Letta already has this very schedule (an earlier resume created it, then stopped): record it, create nothing. */
  | { action: 'adopt'; id: string }
  | { action: 'create' };

/**
 * What resume must do so it never creates a schedule twice: the old id still
 * there means nothing is created; after an earlier attempt that may have
 * landed (`attempted`), a schedule with the same timing and messages is that
 * attempt's. Without an attempt, a look-alike is someone else's and is left alone.
 */
export function planResume(oldId: string, body: RecreateBody, agentSchedules: ScheduledMessage[], attempted: boolean): ResumeStep {
  if (agentSchedules.some((item) => item.id === oldId)) return { action: 'still-in-letta' };
  const existing = attempted ? agentSchedules.find((item) => sameSchedule(body, item)) : undefined;
  return existing ? { action: 'adopt', id: existing.id } : { action: 'create' };
}

/** What the record of intent says a schedule was made from. */
export interface MadeFrom {
  kind: string;
  phrase: string;
  zone: string;
  utc_crons?: string[];
}

/**
 * The UTC cron a resumed schedule gets. One made from a local-time phrase is
 * read again as of `now`, so it fires at the same local time under today's
 * offset (a pause across a DST change would otherwise shift it by an hour);
 * anything else keeps the cron it had.
 */
export async function resumeCron(savedCron: string, madeFrom: MadeFrom | undefined, now: number): Promise<string> {
  // A phrase that needed several crons cannot say which of them this schedule is: keep its own.
  if (!madeFrom || madeFrom.kind !== 'recurring' || (madeFrom.utc_crons?.length ?? 1) !== 1) return savedCron;
  const { meaningOfRecurring } = await import('../time/index');
  try {
    return (await meaningOfRecurring(madeFrom.phrase, { now, zone: madeFrom.zone })).cron_expression;
  } catch {
    // A phrase this version no longer reads: the cron Letta had is still a working schedule.
    return savedCron;
  }
}
