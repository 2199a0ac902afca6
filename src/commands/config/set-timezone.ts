import type { Context } from '../../context';
import { checkZone } from '../../time/zone';
import { updateConfig } from '../shared/config-file';

export async function run(ctx: Context, _options: unknown, value: string): Promise<void> {
  const zone = checkZone(value);
  updateConfig(ctx, (file) => {
    file.timezone = zone;
  });
  if (!ctx.dryRun) ctx.out.success(`Time zone ${zone} saved to ${ctx.configPath}`);
}
