import type { Command } from '@commander-js/extra-typings';
import { AuthError } from '../../errors';
import { legacyConfigPath } from '../../config/store';
import type { Source } from '../../config/settings';
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
    const out = rt.out;
    let agents: number;
    try {
      agents = (await (await rt.api()).allAgents()).length;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (out.json) out.document({ ...facts, accepted: false, error: error.message });
      else {
        const { printDetail } = await import('../../output/detail');
        printDetail(out, [
          ['Key', facts.api_key ? `${facts.api_key} (from ${facts.api_key_from}): not accepted` : 'none set'],
          ['Server', `${facts.server} (from ${facts.server_from})`],
        ]);
      }
      throw error;
    }
    if (out.json) return out.document({ ...facts, accepted: true, agents });
    const { printDetail } = await import('../../output/detail');
    printDetail(out, [
      ['Key', `${facts.api_key} (from ${facts.api_key_from}): accepted`],
      ['Server', `${facts.server} (from ${facts.server_from})`],
      ['Agents', String(agents)],
    ]);
  },
});
