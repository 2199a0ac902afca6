import { contentSummary, scheduleKind, type ScheduledMessage } from '../letta/types';
import { recurringStuckSince } from '../health/fires';
import type { AgendaSchedule } from './fires';

/** What the agenda needs to know about a schedule besides Letta's copy of it. */
export interface ScheduleContext {
  agentName?: string;
  seriesId?: string;
  /** The set it belongs to (one phrase, several crons). */
  setId?: string;
  /** ISO instant: the schedule is paused and this is the saved copy. */
  pausedSince?: string;
  /** The record's zone whose clock it keeps; null for an interval on no clock; undefined when unrecorded. */
  keptZone?: string | null;
  /** The record's local rule on that clock. */
  keptRule?: string;
  /** Now (Unix ms), to tell a recurring schedule Letta holds whose next run time is long past (stuck). */
  now?: number;
}

/** Every message of a schedule as text, one after another. */
export function scheduleText(item: Pick<ScheduledMessage, 'message'>): string {
  return (item.message?.messages ?? []).map((message) => contentSummary(message.content)).join('\n');
}

/** A schedule as Letta returns it (or as `pause` saved it), seen by the agenda. */
export function agendaSchedule(item: ScheduledMessage, context: ScheduleContext = {}): AgendaSchedule {
  const kind = scheduleKind(item);
  // As status judges it: a paused copy is not on Letta, so it cannot be stuck.
  const next = typeof item.next_scheduled_time === 'string' ? Date.parse(item.next_scheduled_time) : NaN;
  const stuckSince = kind === 'recurring' && context.now !== undefined && context.pausedSince === undefined && Number.isFinite(next) ? recurringStuckSince(next, context.now) : undefined;
  return {
    id: item.id,
    agentId: item.agent_id,
    agentName: context.agentName ?? item.agent_id,
    kind,
    ...(kind === 'recurring' ? { cron: item.schedule.cron_expression ?? '' } : { scheduledAt: item.schedule.scheduled_at }),
    text: scheduleText(item),
    ...(context.seriesId === undefined ? {} : { seriesId: context.seriesId }),
    ...(context.setId === undefined ? {} : { setId: context.setId }),
    ...(context.pausedSince === undefined ? {} : { pausedSince: context.pausedSince }),
    ...(context.keptZone === undefined ? {} : { keptZone: context.keptZone }),
    ...(context.keptRule === undefined ? {} : { keptRule: context.keptRule }),
    ...(stuckSince === undefined ? {} : { stuckSince }),
  };
}
