import { legacyConfigPath, readLegacyApiKey, writeConfigFile, type ConfigFile, type ConfigKey } from '../../config/store';
import type { Settings } from '../../config/settings';
import { maskKey } from '../../output/secrets';
import type { Runtime } from '../../runtime';

/** The settings an environment variable names ahead of the config file, with that variable. */
const OVERRIDDEN_BY: Partial<Record<ConfigKey, { setting: keyof Settings; variable: string }>> = {
  api_key: { setting: 'apiKey', variable: 'LETTA_API_KEY' },
  base_url: { setting: 'baseUrl', variable: 'LETTA_BASE_URL' },
  agent_id: { setting: 'agentId', variable: 'LETTA_AGENT_ID' },
};

/** Change the config file atomically and say so (`confirmation`) (or, with --dry-run, show what would be written). */
export function updateConfig(rt: Runtime, change: (file: ConfigFile) => void, confirmation: string): void {
  const file = { ...rt.configFile() };
  // The keys `change` sets or removes: said under --json, and checked against the environment.
  const set = new Set<string>();
  change(
    new Proxy(file, {
      set: (target, key, value) => (set.add(String(key)), Reflect.set(target, key, value)),
      deleteProperty: (target, key) => (set.add(String(key)), Reflect.deleteProperty(target, key)),
    }),
  );
  if (rt.dryRun) {
    const shown = { ...file, ...(file.api_key ? { api_key: maskKey(file.api_key) } : {}) };
    rt.out.request(`Would write ${rt.configPath}:\n${JSON.stringify(shown, null, 2)}\n`);
    return;
  }
  writeConfigFile(rt.configPath, file);
  rt.out.success(confirmation);
  for (const name of set) {
    const value = file[name];
    // --json: the setting as saved (null once removed), shaped as `config get` answers it, the key masked.
    if (rt.out.json) rt.out.document({ name, value: typeof value !== 'string' ? null : name === 'api_key' ? maskKey(value) : value, config_file: rt.configPath });
    // Saved or removed, but not what commands use while the variable is set (flag, then environment, then file).
    const over = OVERRIDDEN_BY[name as ConfigKey];
    if (over && rt.settings[over.setting].source === 'env') {
      rt.out.note(
        value !== undefined
          ? `${over.variable} is set in this shell and comes before the config file: unset it to use the saved value.`
          : `${over.variable} is set in this shell, so commands still use its value: unset it too.`,
      );
    } else if (name === 'api_key' && value === undefined && readLegacyApiKey(legacyConfigPath(rt.home)) !== undefined) {
      // Read only when the new file has no key: removing it brings the Go CLI's old one back into use.
      rt.out.note(`~/.letta-switchboard/config.yaml (the Go CLI's config) has an api_key, which commands use now: remove that line too to stop it.`);
    }
  }
}
