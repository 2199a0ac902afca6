import type { Context } from '../../context';
import { AlreadyReported, NotFoundError, UsageError, type CliError } from '../../errors';
import { schedulePath } from '../../letta/api';
import type { CreateScheduleBody, Role, Schedule, ScheduledMessage, ScheduleKind } from '../../letta/types';
import { contentText, scheduleKind } from '../../letta/types';
import type { OnceMeaning, RecurringMeaning } from '../../time/index';
import { formatLocal } from '../../time/zone';
import { tsvRow } from '../../output/tsv';
import { mapLimited } from './concurrency';

/** `onetime` or `recurring`: the command noun for a kind. */
export const NOUN: Record<ScheduleKind, string> = { 'one-time': 'onetime', recurring: 'recurring' };
const AGENT_CONCURRENCY = 4;

export interface CreateInput {
  agent: string;
  message: string;
  role: Role;
  meaning: OnceMeaning | RecurringMeaning;
}

/** Create a one-time or recurring schedule and confirm it: id on stdout, what and when on stderr. */
export async function createSchedule(ctx: Context, { agent, message, role, meaning }: CreateInput): Promise<void> {
  const schedule: Schedule =
    meaning.type === 'one-time' ? { type: 'one-time', scheduled_at: meaning.scheduled_at } : { type: 'recurring', cron_expression: meaning.cron_expression };
  const body: CreateScheduleBody = { schedule, messages: [{ role, content: message }] };
  const warnings = meaning.type === 'recurring' ? meaning.warnings : [];

  if (ctx.dryRun) {
    ctx.printRequest('POST', schedulePath(agent), body);
    for (const warning of warnings) ctx.out.warn(warning);
    return;
  }
  const api = await ctx.letta();
  const agentId = await api.resolveAgent(agent);
  const created = await api.createSchedule(agentId, body, `letta-switchboard ${NOUN[meaning.type]} list --agent-id ${agentId}`);

  const { input: _input, type: _type, ...timing } = meaning as Partial<OnceMeaning> & Partial<RecurringMeaning>;
  if (ctx.json) {
    ctx.out.json({ ...created, agent_id: agentId, schedule, message: { messages: body.messages }, ...stripNow(timing) });
  } else if (ctx.quiet) {
    ctx.out.line(created.id);
  } else {
    ctx.out.success(meaning.type === 'one-time' ? 'Scheduled a one-time message' : 'Created a recurring schedule');
    ctx.out.line(created.id);
    ctx.out.info(`  Agent    ${agentId}`);
    ctx.out.info(`  Message  ${preview(message)}`);
    if (meaning.type === 'one-time') {
      ctx.out.info(`  Runs at  ${meaning.local} (${meaning.scheduled_at_iso})`);
    } else {
      const local = meaning.local_cron ? `, ${meaning.local_cron} in ${meaning.timezone}` : '';
      ctx.out.info(`  Cron     ${meaning.cron_expression} (UTC${local})`);
      ctx.out.info(`  Means    ${meaning.description}`);
      const next = created.next_scheduled_at ? Date.parse(created.next_scheduled_at) : Date.parse(meaning.next_runs[0] ?? '');
      if (Number.isFinite(next)) ctx.out.info(`  Next     ${formatLocal(meaning.timezone, next)} (${new Date(next).toISOString()})`);
    }
  }
  for (const warning of warnings) ctx.out.warn(warning);
}

function stripNow<T extends { is_now?: boolean }>(timing: T): Omit<T, 'is_now'> {
  const { is_now: _isNow, ...rest } = timing;
  return rest;
}

function preview(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** The CLI's additions to a schedule for --json: the instant as ISO for one-time schedules. */
export function withAdditions(item: ScheduledMessage): ScheduledMessage & { scheduled_at_iso?: string } {
  const at = item.schedule.scheduled_at;
  return typeof at === 'number' ? { ...item, scheduled_at_iso: new Date(at).toISOString() } : item;
}

export function messageText(item: ScheduledMessage): string {
  return (item.message?.messages ?? []).map((m) => contentText(m.content)).join(' / ');
}

function whenLocal(item: ScheduledMessage, zone: string): [string, string] {
  const at = item.schedule.scheduled_at ?? (item.next_scheduled_time ? Date.parse(item.next_scheduled_time) : NaN);
  if (typeof at !== 'number' || !Number.isFinite(at)) return ['-', '-'];
  return [formatLocal(zone, at), new Date(at).toISOString()];
}

export interface ListOptions {
  agentId?: string;
  allAgents?: boolean;
}

/**
 * List one kind of schedule, following every page. Data is written page by
 * page (JSON array, ids or tab-separated rows), so memory stays bounded by a
 * page; only the terminal table waits for the whole list.
 */
export async function listSchedules(ctx: Context, kind: ScheduleKind, options: ListOptions): Promise<void> {
  const zone = ctx.zone();
  const api = await ctx.letta();
  const tableRows: string[][] = [];
  const tty = ctx.io.stdoutIsTTY && !ctx.json && !ctx.quiet;
  let count = 0;
  const emit = (items: ScheduledMessage[], agentColumn: boolean) => {
    for (const item of items) {
      if (scheduleKind(item) !== kind) continue;
      if (ctx.json) {
        const text = ctx.io.stdoutIsTTY ? JSON.stringify(withAdditions(item), null, 2).replace(/^/gm, '  ') : JSON.stringify(withAdditions(item));
        ctx.out.raw(`${count === 0 ? '[' : ','}${ctx.io.stdoutIsTTY ? '\n' : ''}${text}`);
      } else if (ctx.quiet) {
        ctx.out.line(item.id);
      } else {
        const [local, utc] = whenLocal(item, zone);
        const when = kind === 'one-time' ? [local, utc] : [item.schedule.cron_expression ?? '-', local];
        const row = [item.id, ...(agentColumn ? [item.agent_id ?? ''] : []), ...when, messageText(item)];
        if (tty) tableRows.push(row);
        else ctx.out.line(tsvRow(row));
      }
      count++;
    }
  };

  if (options.allAgents) {
    const agents: string[] = [];
    for await (const page of api.agentPages()) agents.push(...page.map((agent) => agent.id));
    const results = mapLimited(agents, AGENT_CONCURRENCY, async (agentId) => {
      const items: ScheduledMessage[] = [];
      for await (const page of api.schedulePages(agentId)) items.push(...page);
      return items;
    });
    for (const result of results) emit(await result, true);
  } else {
    const agentId = await api.resolveAgent(ctx.agentFlagOrDefault(options.agentId));
    for await (const page of api.schedulePages(agentId)) emit(page, false);
  }

  if (ctx.json) ctx.out.raw(count === 0 ? '[]\n' : `${ctx.io.stdoutIsTTY ? '\n' : ''}]\n`);
  if (tty && count > 0) {
    const headers = kind === 'one-time' ? ['ID', 'RUNS AT', 'UTC', 'MESSAGE'] : ['ID', 'CRON (UTC)', 'NEXT RUN', 'MESSAGE'];
    if (options.allAgents) headers.splice(1, 0, 'AGENT');
    await ctx.out.table(headers, tableRows, headers.length - 1);
  }
  if (count === 0 && !ctx.json && !ctx.quiet) ctx.out.info(`No ${kind} schedules.`);
}

/** One schedule of this kind, or not found (exit 3), also when the id is a schedule of the other kind. */
export async function getSchedule(ctx: Context, kind: ScheduleKind, agent: string, id: string): Promise<ScheduledMessage> {
  const api = await ctx.letta();
  const agentId = await api.resolveAgent(agent);
  const item = await api.getSchedule(agentId, id);
  const actual = scheduleKind(item);
  if (actual !== kind) {
    throw new NotFoundError(`'${id}' is a ${actual} schedule, not a ${kind} one`, `Use: letta-switchboard ${NOUN[actual]} get ${id}`);
  }
  return item;
}

export async function showSchedule(ctx: Context, kind: ScheduleKind, agent: string, id: string): Promise<void> {
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

/** Delete ids (from arguments, or stdin for "-"): each checked first, since Letta's delete says success for unknown ids. */
export async function deleteSchedules(ctx: Context, kind: ScheduleKind, agentFlag: string | undefined, args: string[]): Promise<void> {
  const ids = await idsFrom(ctx, args);
  const agent = ctx.agentFlagOrDefault(agentFlag);
  if (ctx.dryRun) {
    for (const id of ids) ctx.printRequest('DELETE', schedulePath(agent, id));
    return;
  }
  const api = await ctx.letta();
  const agentId = await api.resolveAgent(agent);
  const deleted: Array<{ id: string; agent_id: string; deleted: true }> = [];
  let firstError: CliError | undefined;
  for (const id of ids) {
    try {
      await getSchedule(ctx, kind, agentId, id);
      await api.deleteSchedule(agentId, id);
      deleted.push({ id, agent_id: agentId, deleted: true });
      if (ctx.quiet) ctx.out.line(id);
      else if (!ctx.json) ctx.out.success(`Deleted ${kind} schedule ${id}`);
    } catch (error) {
      if (!(error instanceof NotFoundError) || ids.length === 1) throw error;
      firstError ??= error;
      ctx.out.info(`${ctx.out.paintErr.red('Error:')} ${error.message}`);
    }
  }
  if (ctx.json) ctx.out.json(deleted);
  if (firstError) throw new AlreadyReported(firstError);
}

async function idsFrom(ctx: Context, args: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      if (ctx.io.stdinIsTTY) throw new UsageError("'-' reads ids from stdin, but stdin is a terminal", 'Pipe ids in, e.g.: letta-switchboard onetime list -q | letta-switchboard onetime delete -');
      ids.push(...(await ctx.readStdin('The ids')).split(/\s+/).filter(Boolean));
    } else {
      ids.push(arg);
    }
  }
  if (ids.length === 0) {
    if (args.includes('-')) return [];
    throw new UsageError('No schedule id given', 'Pass one or more ids, or - to read them from stdin.');
  }
  return [...new Set(ids)];
}
