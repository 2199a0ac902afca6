import type { Command } from '@commander-js/extra-typings';
import { CliError } from '../../errors';
import { isCleartextRemote, parseBaseUrl } from '../../letta/url';
import { defineCommand } from '../command';
import { updateConfig } from '../shared/config-file';
import { stateStore } from '../shared/state';
import { schedulesByServer, serverCountsText } from '../../state/records';
import type { Runtime } from '../../runtime';

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
    await warnRecordedElsewhere(rt, url.href);
  },
});

/**
 * Records belong to their server as its URL was written: a URL the record holds nothing for, beside one it holds
 * schedules for (`localhost` where they were made through `127.0.0.1`), leaves sync and edits blind to them. Said
 * now, while the person can still write it the same way. The record is never required: one that cannot be read says nothing.
 */
async function warnRecordedElsewhere(rt: Runtime, server: string): Promise<void> {
  let counts: Map<string, number>;
  try {
    counts = await (await stateStore(rt, { everyServer: true })).look((state) => schedulesByServer(state));
  } catch (error) {
    if (error instanceof CliError) return;
    throw error;
  }
  if (counts.size === 0 || counts.has(server)) return;
  const { text: others, first } = serverCountsText(counts);
  rt.out.warn(
    `This machine's record of intent holds ${others}, and none for ${server}: each record belongs to its server as its URL was written, so sync, edit and pause will not keep them through this one. If it is the same server, write it as before: letta-switchboard config set-url ${first.replace(/\/+$/, '')}`,
  );
}
