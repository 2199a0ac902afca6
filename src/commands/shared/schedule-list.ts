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
 * List one kind of schedule, following every page. JSON, ids and tab-separated
 * rows are held until 256 KiB, then streamed page by page, so memory stays
 * bounded however long the list; only the terminal table waits for all of it.
 */
export async function listSchedules(ctx: Context, kind: ScheduleKind, options: ListOptions): Promise<void> {
  const zone = ctx.zone();
  const api = await ctx.letta();
  const tableRows: string[][] = [];
  const tty = ctx.io.stdoutIsTTY && !ctx.json && !ctx.quiet;
  const data = ctx.out.held();
  let count = 0;
  const emit = (items: ScheduledMessage[], agentColumn: boolean) => {
    for (const item of items) {
      if (scheduleKind(item) !== kind) continue;
      if (ctx.json) {
        const text = ctx.io.stdoutIsTTY ? JSON.stringify(withAdditions(item), null, 2).replace(/^/gm, '  ') : JSON.stringify(withAdditions(item));
        data.add(`${count === 0 ? '[' : ','}${ctx.io.stdoutIsTTY ? '\n' : ''}${text}`);
      } else if (ctx.quiet) {
        data.add(`${item.id}\n`);
      } else {
        const [local, utc] = whenLocal(item, zone);
        const when = kind === 'one-time' ? [local, utc] : [item.schedule.cron_expression ?? '-', local, utc];
        const row = [item.id, ...(agentColumn ? [item.agent_id ?? ''] : []), ...when, messageText(item)];
        if (tty) tableRows.push(row);
        else data.add(`${tsvRow(row)}\n`);
      }
      count++;
    }
  };

  // With no agent given anywhere, list them all, as the Go CLI's `list` did.
  const agent = ctx.settings(options.agentId).agentId.value;
  const allAgents = options.allAgents || !agent;
  if (allAgents) {
    const results = mapLimited(await api.allAgentIds(), AGENT_CONCURRENCY, async (agentId) => {
      const items: ScheduledMessage[] = [];
      for await (const page of api.schedulePages(agentId)) items.push(...page);
      return items;
    });
    for (const result of results) emit(await result, true);
  } else {
    const agentId = await api.resolveAgent(agent!);
    for await (const page of api.schedulePages(agentId)) emit(page, false);
  }

  if (ctx.json) data.add(count === 0 ? '[]\n' : `${ctx.io.stdoutIsTTY ? '\n' : ''}]\n`);
  data.flush();
  if (tty && count > 0) {
    const headers = kind === 'one-time' ? ['ID', 'RUNS AT', 'UTC', 'MESSAGE'] : ['ID', 'CRON (UTC)', 'NEXT RUN', 'UTC', 'MESSAGE'];
    if (allAgents) headers.splice(1, 0, 'AGENT');
    await ctx.out.table(headers, tableRows, headers.length - 1);
  }
  if (count === 0 && !ctx.json && !ctx.quiet) ctx.out.info(`No ${kind} schedules.`);
}
