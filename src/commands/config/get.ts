import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, NO_KEY_HINT } from '../../errors';
import { defineCommand } from '../command';
import { configKey, SETTING_NAMES } from './keys';
import { settingRows } from './show';

/** One effective setting's value (the key masked), for scripts; not set anywhere is exit 1, with --json too. */
export default defineCommand({
  path: ['config', 'get'],
  description: 'Print one effective setting (flag, environment, file or default)',
  examples: ['letta-switchboard config get timezone', 'letta-switchboard config get base-url --json'],
  globals: ['output', 'api', 'time'],
  declare: (command: Command) => command.argument('<name>', SETTING_NAMES),
  async run(rt, _options, name) {
    const key = configKey(name);
    const [, setting] = settingRows(rt).find(([row]) => row === key)!;
    // A key is never given as an argument (shell history keeps it): the hint every command gives without one.
    const setIt = key === 'api_key' ? NO_KEY_HINT : `Set it with: letta-switchboard config set-${key === 'base_url' ? 'url' : key.replace('_', '-')} VALUE`;
    const notSet = new CliError(`${key} is not set`, setIt);
    if (rt.out.json) {
      rt.out.document({ name: key, value: setting.value ?? null, source: setting.source ?? null });
      // One rule in both modes: not set anywhere is exit 1 (the document still says so, for jq).
      if (setting.value === undefined) throw new AlreadyReported(notSet);
      return;
    }
    if (setting.value === undefined) throw notSet;
    rt.out.line(setting.value);
  },
});
