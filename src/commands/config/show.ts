import type { Context } from '../../context';
import { maskKey } from '../../output/secrets';

/** Effective settings and where each came from; the key masked. */
export async function run(ctx: Context, options: { agentId?: string }): Promise<void> {
  const settings = ctx.settings(options.agentId);
  const rows: Array<[string, string | undefined, string | undefined]> = [
    ['api_key', settings.apiKey.value && maskKey(settings.apiKey.value), settings.apiKey.source],
    ['base_url', settings.baseUrl.value, settings.baseUrl.source],
    ['agent_id', settings.agentId.value, settings.agentId.source],
    ['timezone', settings.timezone.value, settings.timezone.source],
  ];
  if (ctx.json) {
    const entries = rows.map(([name, value, source]) => [name, { value: value ?? null, source: source ?? null }]);
    return ctx.out.json({ config_file: ctx.configPath, ...Object.fromEntries(entries) });
  }
  await ctx.out.table(['SETTING', 'VALUE', 'SOURCE'], rows.map(([name, value, source]) => [name, value ?? '(not set)', source ?? '-']));
  if (ctx.io.stdoutIsTTY) ctx.out.info(`Config file: ${ctx.configPath}`);
}
