import type { Context } from '../../context';
import { formatLocal } from '../../time/zone';

export async function run(ctx: Context, _options: unknown, id: string): Promise<void> {
  const api = await ctx.letta();
  const runInfo = await api.getRun(id);
  if (ctx.json) return ctx.out.json(runInfo);
  if (ctx.quiet) return ctx.out.line(runInfo.id);
  const zone = ctx.zone();
  const when = (iso: unknown) => (typeof iso === 'string' && Number.isFinite(Date.parse(iso)) ? `${formatLocal(zone, Date.parse(iso))} (${iso})` : '-');
  const lines: Array<[string, string]> = [
    ['ID', runInfo.id],
    ['Status', runInfo.status ?? '-'],
    ['Stop reason', runInfo.stop_reason ?? '-'],
    ['Agent', runInfo.agent_id ?? '-'],
    ['Created', when(runInfo.created_at)],
    ['Completed', when(runInfo.completed_at)],
  ];
  for (const [label, value] of lines) ctx.out.line(`${ctx.out.paint.bold(label.padEnd(11))} ${value}`);
}
