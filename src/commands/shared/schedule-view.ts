import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import type { ScheduledMessage, ScheduleKind } from '../../letta/types';
import { contentText, scheduleKind } from '../../letta/types';
import { formatLocal } from '../../time/zone';

/** `onetime` or `recurring`: the command noun for a kind. */
export const NOUN: Record<ScheduleKind, string> = { 'one-time': 'onetime', recurring: 'recurring' };

/** The CLI's additions to a schedule for --json: the instant as ISO for one-time schedules. */
export function withAdditions(item: ScheduledMessage): ScheduledMessage & { scheduled_at_iso?: string } {
  const at = item.schedule.scheduled_at;
  return typeof at === 'number' ? { ...item, scheduled_at_iso: new Date(at).toISOString() } : item;
}

export function messageText(item: ScheduledMessage): string {
  return (item.message?.messages ?? []).map((m) => contentText(m.content)).join(' / ');
}

export function whenLocal(item: ScheduledMessage, zone: string): [string, string] {
  const at = item.schedule.scheduled_at ?? (item.next_scheduled_time ? Date.parse(item.next_scheduled_time) : NaN);
  if (typeof at !== 'number' || !Number.isFinite(at)) return ['-', '-'];
  return [formatLocal(zone, at), new Date(at).toISOString()];
}

/** One schedule of this kind, or not found (exit 3), also when the id is a schedule of the other kind. */
export async function getSchedule(ctx: Context, kind: ScheduleKind, agent: string | undefined, id: string): Promise<ScheduledMessage> {
  const api = await ctx.letta();
  // With no agent given anywhere, the schedule is looked for among all of them, as the Go CLI took a bare id.
  const item = agent ? await api.getSchedule(await api.resolveAgent(agent), id) : await api.locateSchedule(id);
  const actual = scheduleKind(item);
  if (actual !== kind) {
    throw new NotFoundError(`'${id}' is a ${actual} schedule, not a ${kind} one`, `Use: letta-switchboard ${NOUN[actual]} get ${id}`);
  }
  return item;
}

export async function showSchedule(ctx: Context, kind: ScheduleKind, agent: string | undefined, id: string): Promise<void> {
  const item = await getSchedule(ctx, kind, agent, id);
  if (ctx.json) return ctx.out.json(withAdditions(item));
  if (ctx.quiet) return ctx.out.line(item.id);
  const zone = ctx.zone();
  const [local, utc] = whenLocal(item, zone);
  const lines: Array<[string, string]> = [
    ['ID', item.id],
    ['Agent', item.agent_id ?? ''],
    ['Type', kind],
  ];
  if (kind === 'one-time') lines.push(['Runs at', `${local} (${utc})`]);
  else {
    const cron = item.schedule.cron_expression ?? '';
    const { describeCron } = await import('../../time/cron');
    lines.push(['Cron', `${cron} (UTC)`], ['Means', `${describeCron(cron)} (UTC)`], ['Next run', `${local} (${utc})`]);
  }
  for (const message of item.message?.messages ?? []) lines.push(['Role', message.role], ['Message', contentText(message.content)]);
  for (const [label, value] of lines) ctx.out.line(`${ctx.out.paint.bold(label.padEnd(9))} ${value}`);
}
