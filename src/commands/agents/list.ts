import type { Context } from '../../context';
import type { Agent } from '../../letta/types';

/** Agent ids and names, every page, to find the one to schedule for. */
export async function run(ctx: Context, options: { name?: string }): Promise<void> {
  const api = await ctx.letta();
  const agents: Agent[] = [];
  for await (const page of api.agentPages(options.name)) agents.push(...page);
  if (ctx.json) return ctx.out.json(agents);
  if (ctx.quiet) return agents.forEach((a) => ctx.out.line(a.id));
  if (agents.length === 0) return ctx.out.info('No agents.');
  await ctx.out.table(['ID', 'NAME'], agents.map((a) => [a.id, a.name ?? '']));
}
