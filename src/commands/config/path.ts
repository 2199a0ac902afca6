import type { Command } from '@commander-js/extra-typings';
import { defineCommand } from '../command';

export default defineCommand({
  path: ['config', 'path'],
  description: 'Print the config file path',
  examples: ['letta-switchboard config path'],
  globals: ['output'],
  declare: (command: Command) => command,
  async run(rt) {
    if (rt.out.json) return rt.out.document({ config_file: rt.configPath });
    rt.out.line(rt.configPath);
  },
});
