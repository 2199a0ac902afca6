import type { Context } from '../../context';
import { isCleartextRemote, parseBaseUrl } from '../../letta/url';
import { updateConfig } from '../shared/config-file';

export async function run(ctx: Context, _options: unknown, value: string): Promise<void> {
  const url = parseBaseUrl(value.trim());
  const stored = url.href.replace(/\/+$/, '');
  if (isCleartextRemote(url)) ctx.out.warn(`${url.origin} is plain http: the API key would travel unencrypted.`);
  updateConfig(ctx, (file) => {
    file.base_url = stored;
  });
  if (!ctx.dryRun) ctx.out.success(`Base URL ${stored} saved to ${ctx.configPath}`);
}
