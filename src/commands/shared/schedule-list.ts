import type { Context } from '../../context';
import type { ScheduledMessage, ScheduleKind } from '../../letta/types';
import { scheduleKind } from '../../letta/types';
import { tsvRow } from '../../output/tsv';
import { mapLimited } from '../../concurrency';
import { AGENT_CONCURRENCY } from '../../letta/api';
import { messageText, whenLocal, withAdditions } from './schedule-view';

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
        const when = kind === 'one-time' ? [local, utc] : [item.schedule.cron_expression ?? '-', local, utc];
        const row = [item.id, ...(agentColumn ? [item.agent_id ?? ''] : []), ...when, messageText(item)];
        if (tty) tableRows.push(row);
        else ctx.out.line(tsvRow(row));
      }
      count++;
    }
  };

  // With no agent given anywhere, list them all, as the Go CLI's `list` did.
  const agent = ctx.settings(options.agentId).agentId.value;
  const allAgents = options.allAgents || !agent;
  if (allAgents) {
    const agents: string[] = [];
    for await (const page of api.agentPages()) agents.push(...page.map((agent) => agent.id));
    const results = mapLimited(agents, AGENT_CONCURRENCY, async (agentId) => {
      const items: ScheduledMessage[] = [];
      for await (const page of api.schedulePages(agentId)) items.push(...page);
      return items;
    });
    for (const result of results) emit(await result, true);
  } else {
    const agentId = await api.resolveAgent(agent!);
    for await (const page of api.schedulePages(agentId)) emit(page, false);
  }

  if (ctx.json) ctx.out.raw(count === 0 ? '[]\n' : `${ctx.io.stdoutIsTTY ? '\n' : ''}]\n`);
  if (tty && count > 0) {
    const headers = kind === 'one-time' ? ['ID', 'RUNS AT', 'UTC', 'MESSAGE'] : ['ID', 'CRON (UTC)', 'NEXT RUN', 'UTC', 'MESSAGE'];
    if (allAgents) headers.splice(1, 0, 'AGENT');
    await ctx.out.table(headers, tableRows, headers.length - 1);
  }
  if (count === 0 && !ctx.json && !ctx.quiet) ctx.out.info(`No ${kind} schedules.`);
}
