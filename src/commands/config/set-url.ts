import type { Command } from '@commander-js/extra-typings';
import { isCleartextRemote, parseBaseUrl } from '../../letta/url';
import { defineCommand } from '../command';
import { updateConfig } from '../shared/config-file';

export default defineCommand({
  path: ['config', 'set-url'],
  description: 'Store the API base URL',
  examples: ['letta-switchboard config set-url https://api.letta.com'],
  globals: ['dryRun'],
  declare: (command: Command) => command.argument('<url>', 'e.g. https://api.letta.com'),
  async run(rt, _options, value) {
    const url = parseBaseUrl(value.trim());
    const stored = url.href.replace(/\/+$/, '');
    if (isCleartextRemote(url)) rt.out.warn(`${url.origin} is plain http: the API key would travel unencrypted.`);
    updateConfig(
      rt,
      (file) => {
        file.base_url = stored;
      },
      `Base URL ${stored} saved to ${rt.configPath}`,
    );
  },
});
