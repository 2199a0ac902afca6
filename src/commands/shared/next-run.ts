import type { ScheduledMessage } from '../../letta/types';
import type { Runtime } from '../../runtime';
import { nextRuns } from '../../time/cron';
import { nextRun } from './schedule';

/**
 * The next run to show. Letta counts a recurring schedule's next run from its own clock, so under a
 * --now later than that run it is the cron's first fire after --now; otherwise what nextRun says.
 */
export function shownNextRun(rt: Runtime, item: ScheduledMessage): { value: unknown; field: string } {
  const given = nextRun(item);
  const cron = item.schedule.cron_expression;
  if (rt.globals.now === undefined || item.schedule.scheduled_at !== undefined || typeof cron !== 'string') return given;
  const letta = typeof given.value === 'string' ? Date.parse(given.value) : NaN;
  if (!(letta < rt.now())) return given;
  try {
    const [next] = nextRuns(cron, rt.now(), 1);
    return next === undefined ? given : { value: next, field: 'schedule.cron_expression' };
  } catch {
    return given; // a cron this tool cannot read: Letta's word stands
  }
}
