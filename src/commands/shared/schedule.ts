import { contentText, type ScheduledMessage, type ScheduleKind } from '../../letta/types';
import type { Runtime } from '../../runtime';

/** `onetime` or `recurring`: the command noun for a kind. */
export const NOUN: Record<ScheduleKind, string> = { 'one-time': 'onetime', recurring: 'recurring' };

/** The CLI's additions to a schedule for --json: the instant as ISO for one-time schedules (left out when it is no instant). */
export function withAdditions(item: ScheduledMessage): ScheduledMessage & { scheduled_at_iso?: string } {
  const at = new Date(item.schedule.scheduled_at ?? NaN);
  return Number.isFinite(at.getTime()) ? { ...item, scheduled_at_iso: at.toISOString() } : item;
}

export function messageText(item: ScheduledMessage): string {
  return (item.message?.messages ?? []).map((m) => contentText(m.content)).join(' / ');
}

/** The instant a schedule runs next: its scheduled_at, else the server's next_scheduled_time. */
export function nextRun(item: ScheduledMessage): { value: unknown; field: string } {
  return item.schedule.scheduled_at !== undefined
    ? { value: item.schedule.scheduled_at, field: 'schedule.scheduled_at' }
    : { value: item.next_scheduled_time ?? undefined, field: 'next_scheduled_time' };
}

/**
 * One schedule of this kind (any kind when undefined), or not found (exit 3), also when the id is a
 * schedule of the other kind. With no agent given anywhere, it is looked for
 * among all of them, as the Go CLI took a bare id.
 */
export async function findSchedule(rt: Runtime, kind: ScheduleKind | undefined, id: string): Promise<ScheduledMessage> {
  const api = await rt.api();
  const agent = rt.agentOrNone();
  if (!agent) return api.locateSchedule(id, kind);
  const agentId = await rt.agentId(agent);
  return { ...(await api.getSchedule(agentId, id, kind)), agent_id: agentId };
}
