import type { Command } from '@commander-js/extra-typings';
import { AuthError, CliError, InterruptedError } from '../../errors';
import { legacyConfigPath } from '../../config/store';
import type { Source } from '../../config/settings';
import { printDetailOf, type DetailRow } from '../../output/detail';
import { maskKey } from '../../output/secrets';
import type { Runtime } from '../../runtime';
import { defineCommand } from '../command';

/** Where a setting came from, as a person can find it again. */
export function sourceText(rt: Runtime, source: Source | undefined, variable: string, flag: string): string {
  switch (source) {
    case 'flag':
      return flag;
    case 'env':
      return variable;
    case 'file':
      return rt.configPath;
    case 'legacy file':
      return legacyConfigPath(rt.home);
    case 'default':
      return 'the default';
    default:
      return 'the system';
  }
}

/** Is the key accepted, by which server, how many agents it sees, and where the key and URL came from. */
export default defineCommand({
  path: ['config', 'check'],
  description: 'Check the key with the server: accepted or not, which server, how many agents, where key and URL came from',
  examples: ['letta-switchboard config check', 'letta-switchboard config check --json'],
  globals: ['output', 'api'],
  declare: (command: Command) => command,
  async run(rt) {
    const { apiKey, baseUrl } = rt.settings;
    const facts = {
      server: baseUrl.value,
      server_from: sourceText(rt, baseUrl.source, 'LETTA_BASE_URL', '--base-url'),
      api_key: apiKey.value ? maskKey(apiKey.value.trim()) : null,
      api_key_from: apiKey.value ? sourceText(rt, apiKey.source, 'LETTA_API_KEY', '--api-key') : null,
    };
    const server: DetailRow = ['Server', `${facts.server} (from ${facts.server_from})`];
    let agents: number;
    try {
      agents = (await (await rt.api()).allAgents()).length;
    } catch (error) {
      // Interrupted is no answer about the key or the server: nothing to report but that.
      if (!(error instanceof CliError) || error instanceof InterruptedError) throw error;
      // Only a refusal says anything of the key; a server out of reach or answering otherwise leaves it unknown.
      const refused = error instanceof AuthError;
      const key = facts.api_key ? `${facts.api_key} (from ${facts.api_key_from}): ${refused ? 'not accepted' : 'not checked'}` : 'none set';
      await printDetailOf(rt.out, {
        document: { ...facts, ok: false, accepted: refused ? false : null, error: error.message },
        rows: [['Key', key], server],
      });
      throw error;
    }
    await printDetailOf(rt.out, {
      document: { ...facts, ok: true, accepted: true, agents },
      rows: [['Key', `${facts.api_key} (from ${facts.api_key_from}): accepted`], server, ['Agents', String(agents)]],
    });
  },
});
