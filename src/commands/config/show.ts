import type { Command } from '@commander-js/extra-typings';
import { CliError } from '../../errors';
import type { Setting } from '../../config/settings';
import type { Runtime } from '../../runtime';
import { maskKey, withoutCredentials } from '../../output/secrets';
import { defineCommand } from '../command';
import { agentOption } from '../options';
import { statePath, journalPath } from '../../state/store';
import { printList } from '../../output/list';

/**
 * Each setting by its config.json name, the key and any password in the base URL masked; the zone as the one in use
 * (zoneInUse).
 */
export function settingRows(rt: Runtime): Array<[name: string, setting: Setting]> {
  const { apiKey: key, baseUrl, agentId, timezone } = rt.settings;
  return [
    ['api_key', { value: key.value && maskKey(key.value.trim()), source: key.source }],
    ['base_url', { ...baseUrl, value: baseUrl.value && withoutCredentials(baseUrl.value) }],
    ['agent_id', agentId],
    ['timezone', { ...timezone, value: zoneInUse(rt) ?? timezone.value }],
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

/**
 * The zone every time is read in: 'berlin' is Europe/Berlin, an unknown TZ is UTC, `TZ=UTC+5` five hours behind it
 * (each with its warning). Undefined when the zone a flag or the file gives is none: shown then as given, so it can
 * be looked at and fixed.
 */
function zoneInUse(rt: Runtime): string | undefined {
  try {
    return rt.zone();
  } catch (error) {
    if (error instanceof CliError) return undefined;
    throw error;
  }
}
