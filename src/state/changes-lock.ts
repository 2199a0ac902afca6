import { collectGarbage } from '../heap';

/**
 * The one lock every command that changes schedules or the record holds across
 * reading, planning and acting (sync: one round of one agent; several ids: a
 * batch), and how long a hold may last.
 */
export const CHANGES_LOCK = 'changes';

/** A hold takes no new step after this long, so a person's command waits at most this plus one step. */
export const ROUND_BUDGET_MS = 2_000;

/**
 * After a hold that spent its budget, the changes lock is left free this long before it is taken
 * again: longer than the longest pause between another waiter's tries (src/files/lock.ts), so that
 * waiter gets its turn.
 */
export const LET_IN_MS = 100;

/** Between two holds: the changes lock left free for LET_IN_MS, and the garbage of the hold before collected meanwhile. */
export async function letIn(): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, LET_IN_MS));
}
