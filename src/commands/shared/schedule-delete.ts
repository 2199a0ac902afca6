import type { Context } from '../../context';
import { AlreadyReported, NotFoundError, UsageError, type CliError } from '../../errors';
import { schedulePath } from '../../letta/api';
import type { ScheduleKind } from '../../letta/types';
import { getSchedule } from './schedule-view';

/** Delete ids (from arguments, or stdin for "-"): each checked first, since Letta's delete says success for unknown ids. */
export async function deleteSchedules(ctx: Context, kind: ScheduleKind, agentFlag: string | undefined, args: string[]): Promise<void> {
  const ids = await idsFrom(ctx, args);
  const agent = ctx.settings(agentFlag).agentId.value;
  if (ctx.dryRun) {
    if (!agent) throw new UsageError('--dry-run needs the agent to show the exact request', 'Pass --agent-id AGENT.');
    for (const id of ids) ctx.printRequest('DELETE', schedulePath(agent, id));
    return;
  }
  const api = await ctx.letta();
  const resolved = agent ? await api.resolveAgent(agent) : undefined;
  const deleted: Array<{ id: string; agent_id: string; deleted: true }> = [];
  let firstError: CliError | undefined;
  for (const id of ids) {
    try {
      const item = await getSchedule(ctx, kind, resolved, id);
      const agentId = resolved ?? item.agent_id;
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
