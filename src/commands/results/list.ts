import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { formatLocal } from '../../time/zone';

export interface ResultsListOptions {
  agentId?: string;
  limit?: string;
}

/** Letta runs (the executions behind messages), newest first. */
export async function run(ctx: Context, options: ResultsListOptions): Promise<void> {
  const limit = Number(options.limit ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit '${options.limit}' must be a whole number from 1 to 1000`);
  const agent = ctx.settings(options.agentId).agentId.value;
  const query = { agent_id: agent, limit, order: 'desc' };
  if (ctx.dryRun) return ctx.printRequest('GET', '/v1/runs/', undefined, query);
  const api = await ctx.letta();
  if (agent) query.agent_id = await api.resolveAgent(agent);
  const runs = await api.listRuns(query);
  if (ctx.json) return ctx.out.json(runs);
  if (ctx.quiet) return runs.forEach((r) => ctx.out.line(r.id));
  if (runs.length === 0) return ctx.out.info('No runs.');
  const zone = ctx.zone();
  const when = (iso: unknown): [string, string] => {
    const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
    return Number.isFinite(ms) ? [formatLocal(zone, ms), new Date(ms).toISOString()] : ['-', '-'];
  };
  await ctx.out.table(
    ['ID', 'STATUS', 'STOP REASON', 'CREATED', 'UTC', 'AGENT'],
    runs.map((r) => [r.id, r.status ?? '-', r.stop_reason ?? '-', ...when(r.created_at), r.agent_id ?? '-']),
  );
}
