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

/**
 * The zone of a POSIX TZ rule without daylight saving (`UTC+5`, `GMT-3`, `JST-9`, `<+07>-7`), read as
 * the C library and Node's own clock read it: the offset counts hours west of Greenwich, so `UTC+5`
 * is five hours behind UTC, as `date` shows. Undefined for any other TZ; null for such a rule no
 * zone of the database is (minutes, or beyond the Etc/GMT zones), which must not be read another way.
 */
export function posixTzZone(tz: string): string | null | undefined {
  const match = /^(?:[A-Za-z]{3,}|<[+-]?[A-Za-z0-9]+>)([+-]?)(\d{1,2})(:\d{2}(?::\d{2})?)?$/.exec(tz.trim());
  if (!match) return undefined;
  const hours = Number(match[2]);
  const west = match[1] !== '-';
  if (match[3] !== undefined && !/^(:00)+$/.test(match[3])) return null;
  if (hours === 0) return 'UTC';
  // Etc/GMT+N is N hours west (behind) of UTC, the sign POSIX writes; the database has +1..+12 and -1..-14.
  return hours > (west ? 12 : 14) ? null : `Etc/GMT${west ? '+' : '-'}${hours}`;
}
