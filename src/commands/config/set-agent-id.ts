import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { updateConfig } from '../shared/config-file';

export async function run(ctx: Context, _options: unknown, value: string): Promise<void> {
  const agent = value.trim();
  if (agent === '') throw new UsageError('The agent is empty', 'Give an agent id (agent-...) or name.');
  updateConfig(ctx, (file) => {
    file.agent_id = agent;
  });
  if (!ctx.dryRun) ctx.out.success(`Default agent ${agent} saved to ${ctx.configPath}`);
}
