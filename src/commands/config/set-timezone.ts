import type { Command } from '@commander-js/extra-typings';
import { checkZone } from '../../time/zone';
import { defineCommand } from '../command';
import { updateConfig } from '../shared/config-file';

export default defineCommand({
  path: ['config', 'set-timezone'],
  description: 'Store the time zone for phrases and times shown',
  examples: ['letta-switchboard config set-timezone Europe/London'],
  globals: ['dryRun'],
  declare: (command: Command) => command.argument('<zone>', 'IANA zone, e.g. America/New_York'),
  async run(rt, _options, value) {
    const zone = checkZone(value);
    updateConfig(
      rt,
      (file) => {
        file.timezone = zone;
      },
      `Time zone ${zone} saved to ${rt.configPath}`,
    );
  },
});
