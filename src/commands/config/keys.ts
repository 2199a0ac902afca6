import type { ConfigKey } from '../../config/store';
import { UsageError } from '../../errors';

/** Every spelling a user may give for a setting, to its key in config.json. */
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

/** The settings' names as help and completion offer them. */
export const SETTINGS = ['api-key', 'base-url', 'agent-id', 'timezone'] as const;
export const SETTING_NAMES = `${SETTINGS.slice(0, -1).join(', ')} or ${SETTINGS.at(-1)}`;

export function configKey(name: string): ConfigKey {
  const key = NAMES[name.trim().toLowerCase()];
  if (!key) throw new UsageError(`'${name}' is not a setting`, `Use one of: ${SETTING_NAMES}.`);
  return key;
}
