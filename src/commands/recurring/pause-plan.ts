import type { ScheduledMessage } from '../../letta/types';
import { expectedUtcCron } from '../../sync/local-rule';
import { isPausedOne, landingOf } from '../../sync/same-schedule';
import { UsageError } from '../../errors';
import type { RecreateBody } from '../shared/schedule-copy';

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
  /** A copy is saved, and this server holds another schedule under its id (see ResumeStep): the copy is kept, nothing deleted. */
  | { action: 'id-taken' }
  | { action: 'not-found' };

export function planPause(inLetta: boolean, saved: boolean, sameAsSaved = true): PauseStep {
  if (inLetta && saved && !sameAsSaved) return { action: 'id-taken' };
  if (inLetta) return { action: saved ? 'delete-again' : 'save-and-delete' };
  return { action: saved ? 'already-paused' : 'not-found' };
}

export type ResumeStep =
  /** The old schedule is still in Letta (its delete never happened): drop the saved copy, create nothing. */
  | { action: 'still-in-letta' }
  /**
   * This server holds another schedule under the old id (two servers hand out the same ids, and a copy paused
   * before servers were told apart names none): it is not the paused one; keep the copy, create nothing.
   */
  | { action: 'id-taken'; by: ScheduledMessage }
  /** Letta already has this very schedule (an earlier resume created it, then stopped): record it, create nothing. */
  | { action: 'adopt'; id: string }
  /**
   * Made again elsewhere since the pause (a schedules-as-code apply, another machine): the one schedule no record here
   * knows with the timing and messages the resume would send. Followed, not made twice; several are `look-alikes`.
   */
  | { action: 'made-elsewhere'; id: string }
  | { action: 'look-alikes'; ids: string[] }
  | { action: 'create' };

/**
 * What resume must do so it never creates a schedule twice: the old id still
 * there as it was paused (`paused`: the saved copy) means nothing is created; after an earlier attempt that may have
 * landed (sent as `attempted` says), a schedule with the same timing and messages made since is that
 * attempt's (landingOf). Without an attempt, a look-alike is someone else's and is left alone.
 */
export function planResume(
  oldId: string,
  body: RecreateBody,
  agentSchedules: ScheduledMessage[],
  attempted: { at: string; sent_at?: string } | undefined,
  paused: ScheduledMessage,
  /** When it was paused, and the schedules that may have been made again elsewhere (none another resume's attempt may have made). */
  elsewhere?: { pausedAt: string; candidates: ScheduledMessage[] },
): ResumeStep {
  const old = agentSchedules.find((item) => item.id === oldId);
  if (old) return isPausedOne(paused, old) ? { action: 'still-in-letta' } : { action: 'id-taken', by: old };
  const existing = attempted !== undefined ? agentSchedules.find((item) => landingOf({ ...body, ...attempted }, item)) : undefined;
  if (existing) return { action: 'adopt', id: existing.id };
  // Made since the pause, as landingOf judges a copy made since a create was sent; a look-alike from before is someone else's.
  const madeAgain = elsewhere === undefined ? [] : elsewhere.candidates.filter((item) => landingOf({ ...body, at: elsewhere.pausedAt }, item));
  if (madeAgain.length === 1) return { action: 'made-elsewhere', id: madeAgain[0]!.id };
  if (madeAgain.length > 1) return { action: 'look-alikes', ids: madeAgain.map((item) => item.id) };
  return { action: 'create' };
}

/** The refusal of a pause or resume whose id this server gives to another schedule than the one paused. */
export function otherScheduleError(id: string, server: string, live: ScheduledMessage, saved: { schedule: ScheduledMessage; server?: string }): UsageError {
  const timing = (item: ScheduledMessage) => item.schedule.cron_expression ?? new Date(item.schedule.scheduled_at ?? 0).toISOString();
  return new UsageError(
    `${id} on ${server} is another schedule (${timing(live)}) than the one paused on this machine (${timing(saved.schedule)}); the saved copy is kept`,
    saved.server === undefined
      ? 'It was paused before servers were told apart: resume it with --base-url set to the server it was paused on.'
      : 'Nothing was changed. See the saved copy with: letta-switchboard recurring paused --json',
  );
}

/** What the record of intent says a schedule means: its rule on the clock of its zone. */
export interface MadeFrom {
  kind: string;
  zone: string;
  local_rule: string;
}

/**
 * The UTC cron a resumed schedule gets. One whose recorded rule is a cron on
 * a local clock gets the UTC cron right for that rule as of `now` (the rule
 * `sync` keeps), so a pause across a DST change does not shift it by an hour;
 * anything else keeps the cron it had.
 */
export function resumeCron(savedCron: string, madeFrom: MadeFrom | undefined, now: number): string {
  if (!madeFrom || madeFrom.kind !== 'recurring') return savedCron;
  try {
    return expectedUtcCron(madeFrom.local_rule, madeFrom.zone, now)?.cron ?? savedCron;
  } catch {
    // The rule needs several UTC crons today: the cron Letta had is still a working schedule.
    return savedCron;
  }
}
