import type { Command } from '@commander-js/extra-typings';
import { AmbiguousAgentError, CliError, NotFoundError, UsageError } from '../../errors';
import type { Runtime } from '../../runtime';
import { defineCommand } from '../command';
import { updateConfig } from '../shared/config-file';
import { looksLikeAgentId } from '../../letta/api';

/** Saved either way (the server may be out of reach now); a warning when the server says there is no such agent. */
async function warnIfMissing(rt: Runtime, agent: string): Promise<void> {
  if (!rt.settings.apiKey.value) return rt.out.note('(Not checked with the server: no API key set.)');
  try {
    const api = await rt.api();
    if (looksLikeAgentId(agent)) await api.getAgent(agent);
    else await rt.agentId(agent);
  } catch (error) {
    if (error instanceof NotFoundError) rt.out.warn(`${error.message}: commands that use the default agent will fail until it exists.`);
    else if (error instanceof AmbiguousAgentError)
      rt.out.warn(`${error.message}: commands that use the default agent will fail while the name is shared; save one of these ids instead (letta-switchboard config set-agent-id ID).`);
    else if (error instanceof CliError) rt.out.note(`(Not checked with the server: ${error.message}.)`);
    else throw error;
  }
}

export default defineCommand({
  path: ['config', 'set-agent-id'],
  description: 'Store the default agent',
  examples: ['letta-switchboard config set-agent-id agent-123', 'letta-switchboard config set-agent-id support-bot'],
  globals: ['dryRun', 'api'],
  declare: (command: Command) => command.argument('<agent>', 'agent id or name'),
  async run(rt, _options, value) {
    const agent = value.trim();
    if (agent === '') throw new UsageError('The agent is empty', 'Give an agent id (agent-...) or name.');
    if (/[\u0000-\u001f\u007f]/.test(agent)) throw new UsageError('The agent contains a line break or another control character', 'Give one agent id (agent-...) or name, on one line.');
    updateConfig(
      rt,
      (file) => {
        file.agent_id = agent;
      },
      `Default agent ${agent} saved to ${rt.configPath}`,
    );
    await warnIfMissing(rt, agent);
  },
});
