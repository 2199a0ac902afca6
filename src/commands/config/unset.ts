import type { Command } from '@commander-js/extra-typings';
import { defineCommand } from '../command';
import { updateConfig } from '../shared/config-file';
import { configKey, SETTING_NAMES } from './keys';

export default defineCommand({
  path: ['config', 'unset'],
  description: 'Remove a stored setting',
  examples: ['letta-switchboard config unset agent-id'],
  globals: ['dryRun'],
  declare: (command: Command) => command.argument('<name>', SETTING_NAMES),
  async run(rt, _options, name) {
    const key = configKey(name);
    const had = rt.configFile()[key] !== undefined;
    updateConfig(
      rt,
      (file) => {
        delete file[key];
      },
      had ? `Removed ${key} from ${rt.configPath}` : `${key} was not set in ${rt.configPath}`,
    );
  },
});
