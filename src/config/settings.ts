import type { ConfigFile } from './store';

export type Source = 'flag' | 'env' | 'file' | 'legacy file' | 'default' | 'system';

export interface Setting {
  value: string | undefined;
  source: Source | undefined;
}

export interface Settings {
  apiKey: Setting;
  baseUrl: Setting & { value: string };
  agentId: Setting;
  timezone: Setting & { value: string };
}

export const DEFAULT_BASE_URL = 'https://api.letta.com';

export interface SettingInputs {
  flags: { apiKey?: string; baseUrl?: string; agentId?: string; tz?: string };
  env: Record<string, string | undefined>;
  file: ConfigFile;
  legacyApiKey?: string;
  /** Called only when nothing else names a zone (finding it can cost start-up time). */
  systemZone: () => string;
}

function pick(...candidates: Array<[string | undefined, Source]>): Setting {
  for (const [value, source] of candidates) {
    if (value !== undefined && value !== '') return { value, source };
  }
  return { value: undefined, source: undefined };
}

/** Flag, then environment, then config file, then default (for the zone: flag, config file, TZ, system); each value remembers where it came from. */
export function resolveSettings({ flags, env, file, legacyApiKey, systemZone }: SettingInputs): Settings {
  const baseUrl = pick([flags.baseUrl, 'flag'], [env.LETTA_BASE_URL, 'env'], [file.base_url, 'file'], [DEFAULT_BASE_URL, 'default']);
  // TZ=:/etc/localtime (a file, as Docker images often set) means the system zone.
  const envZone = env.TZ?.replace(/^:/, '');
  // A zone set on purpose (config set-timezone) beats TZ, which containers and CI set to UTC for everything.
  const chosen = pick([flags.tz, 'flag'], [file.timezone, 'file'], [envZone?.startsWith('/') ? undefined : envZone, 'env']);
  const timezone = chosen.value === undefined ? { value: systemZone(), source: 'system' as const } : chosen;
  return {
    apiKey: pick([flags.apiKey, 'flag'], [env.LETTA_API_KEY, 'env'], [file.api_key, 'file'], [legacyApiKey, 'legacy file']),
    baseUrl: { value: baseUrl.value!, source: baseUrl.source },
    agentId: pick([flags.agentId, 'flag'], [env.LETTA_AGENT_ID, 'env'], [file.agent_id, 'file']),
    timezone: { value: timezone.value!, source: timezone.source },
  };
}
