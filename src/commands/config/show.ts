import type { Command } from '@commander-js/extra-typings';
import type { Setting } from '../../config/settings';
import type { Runtime } from '../../runtime';
import { maskKey, withoutCredentials } from '../../output/secrets';
import { defineCommand } from '../command';
import { agentOption } from '../options';
import { statePath, journalPath } from '../../state/store';
import { printList } from '../../output/list';

/**
 * Each setting by its config.json name, the key and any password in the base URL masked. A zone from
 * TZ or the system is the one in use (`TZ=Foo/Bar` is UTC, `TZ=UTC+5` five hours behind it, each with
 * its warning); one from a flag or the file is shown as given, so a bad one can still be looked at.
 */
export function settingRows(rt: Runtime): Array<[name: string, setting: Setting]> {
  const { apiKey: key, baseUrl, agentId, timezone } = rt.settings;
  const zoneInUse = timezone.source === 'env' || timezone.source === 'system' ? { ...timezone, value: rt.zone() } : timezone;
  return [
    ['api_key', { value: key.value && maskKey(key.value.trim()), source: key.source }],
    ['base_url', { ...baseUrl, value: baseUrl.value && withoutCredentials(baseUrl.value) }],
    ['agent_id', agentId],
    ['timezone', zoneInUse],
  ];
}

/** Effective settings and where each came from; the key masked; the files named. */
export default defineCommand({
  path: ['config', 'show'],
  description: 'Effective settings and where each came from (key masked)',
  examples: ['letta-switchboard config show', 'letta-switchboard config show --json'],
  globals: ['output', 'api', 'time'],
  declare: (command: Command) => command.addOption(agentOption()),
  async run(rt) {
    const rows = settingRows(rt);
    const out = rt.out;
    rt.warnIfKeyFileReadable();
    const state = statePath(rt.env, rt.home);
    const journal = journalPath(rt.env, rt.home);
    if (out.json) {
      const entries = rows.map(([name, { value, source }]) => [name, { value: value ?? null, source: source ?? null }]);
      return out.document({ config_file: rt.configPath, state_file: state, journal_file: journal, ...Object.fromEntries(entries) });
    }
    await printList(
      out,
      {
        columns: [
          { header: 'SETTING', cell: ([name]: [string, Setting]) => name },
          { header: 'VALUE', cell: ([, setting]: [string, Setting]) => setting.value ?? '(not set)' },
          { header: 'SOURCE', cell: ([, setting]: [string, Setting]) => setting.source ?? '-' },
        ],
        id: ([name]) => name,
        json: ([name, setting]) => ({ name, ...setting }),
        empty: '',
      },
      [rows],
    );
    out.note(`Config file: ${rt.configPath}`);
    out.note(`State file:  ${state}`);
    out.note(`Journal:     ${journal} (steps not yet folded into the state file)`);
  },
});
