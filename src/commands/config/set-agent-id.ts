import type { Command } from '@commander-js/extra-typings';
import { UsageError } from '../../errors';
import { defineCommand } from '../command';
import { updateConfig } from '../shared/config-file';

export default defineCommand({
  path: ['config', 'set-agent-id'],
  description: 'Store the default agent',
  examples: ['letta-switchboard config set-agent-id agent-123', 'letta-switchboard config set-agent-id support-bot'],
  globals: ['dryRun'],
  declare: (command: Command) => command.argument('<agent>', 'agent id or name'),
  async run(rt, _options, value) {
    const agent = value.trim();
    if (agent === '') throw new UsageError('The agent is empty', 'Give an agent id (agent-...) or name.');
    if (/[\u0000-\u001f\u007f]/.test(agent)) throw new UsageError('The agent contains a line break or another control character', 'Give one agent id (agent-...) or name, on one line.');
    updateConfig(rt, (file) => {
      file.agent_id = agent;
    }, `Default agent ${agent} saved to ${rt.configPath}`);
  },
});
