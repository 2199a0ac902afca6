import type { Context } from '../../context';
import { looksLikeAgentId, schedulePath } from '../../letta/api';
import type { CreateScheduleBody, Role, Schedule } from '../../letta/types';
import type { OnceMeaning, RecurringMeaning } from '../../time/index';
import { formatLocal } from '../../time/zone';
import { NOUN } from './schedule-view';

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
    if (!looksLikeAgentId(agent)) ctx.out.info(`(The agent name '${agent}' would first be looked up: GET /v1/agents/?name=...)`);
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
    // The id is the data (stdout): alone in a pipe, labelled like the lines around it on a terminal.
    ctx.out.line(ctx.io.stdoutIsTTY ? `  ID       ${ctx.out.paint.bold(created.id)}` : created.id);
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
