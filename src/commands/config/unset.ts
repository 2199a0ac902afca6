import type { Context } from '../../context';
import type { ConfigKey } from '../../config/store';
import { UsageError } from '../../errors';
import { updateConfig } from '../shared/config-file';

const NAMES: Record<string, ConfigKey> = {
  'api-key': 'api_key',
  api_key: 'api_key',
  url: 'base_url',
  'base-url': 'base_url',
  base_url: 'base_url',
  agent: 'agent_id',
  'agent-id': 'agent_id',
  agent_id: 'agent_id',
  timezone: 'timezone',
  tz: 'timezone',
};

export async function run(ctx: Context, _options: unknown, name: string): Promise<void> {
  const key = NAMES[name.trim().toLowerCase()];
  if (!key) throw new UsageError(`'${name}' is not a setting`, 'Use one of: api-key, base-url, agent-id, timezone.');
  const had = ctx.configFile()[key] !== undefined;
  updateConfig(ctx, (file) => {
    delete file[key];
  });
  if (!ctx.dryRun) ctx.out.success(had ? `Removed ${key} from ${ctx.configPath}` : `${key} was not set in ${ctx.configPath}`);
}
