import type { Context } from '../../context';

export async function run(ctx: Context): Promise<void> {
  if (ctx.json) return ctx.out.json({ config_file: ctx.configPath });
  ctx.out.line(ctx.configPath);
}
