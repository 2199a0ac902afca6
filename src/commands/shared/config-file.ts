import type { Context } from '../../context';
import { maskKey } from '../../output/secrets';
import { writeConfigFile, type ConfigFile } from '../../config/store';

/** Change the config file atomically (or, with --dry-run, show what would be written). */
export function updateConfig(ctx: Context, change: (file: ConfigFile) => void): void {
  const file = { ...ctx.configFile() };
  change(file);
  if (ctx.dryRun) {
    const shown = { ...file, ...(file.api_key ? { api_key: maskKey(file.api_key) } : {}) };
    ctx.out.line(`Would write ${ctx.configPath}:`);
    ctx.out.line(JSON.stringify(shown, null, 2));
    return;
  }
  writeConfigFile(ctx.configPath, file);
}
