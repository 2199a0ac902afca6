import { writeConfigFile, type ConfigFile } from '../../config/store';
import { maskKey } from '../../output/secrets';
import type { Runtime } from '../../runtime';

/** Change the config file atomically and say so (`confirmation`) (or, with --dry-run, show what would be written). */
export function updateConfig(rt: Runtime, change: (file: ConfigFile) => void, confirmation: string): void {
  const file = { ...rt.configFile() };
  change(file);
  if (rt.dryRun) {
    const shown = { ...file, ...(file.api_key ? { api_key: maskKey(file.api_key) } : {}) };
    rt.out.request(`Would write ${rt.configPath}:\n${JSON.stringify(shown, null, 2)}\n`);
    return;
  }
  writeConfigFile(rt.configPath, file);
  rt.out.success(confirmation);
}
