import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors';

/** What the config file may hold. Unknown keys are kept as they are. */
export interface ConfigFile {
  api_key?: string;
  base_url?: string;
  agent_id?: string;
  timezone?: string;
  [other: string]: unknown;
}

export const CONFIG_KEYS = ['api_key', 'base_url', 'agent_id', 'timezone'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

type Env = Record<string, string | undefined>;

/** $LETTA_SWITCHBOARD_CONFIG_DIR, else $XDG_CONFIG_HOME/letta-switchboard, else ~/.config/letta-switchboard. */
export function configDir(env: Env, home: string): string {
  if (env.LETTA_SWITCHBOARD_CONFIG_DIR) return env.LETTA_SWITCHBOARD_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'letta-switchboard');
  return join(home, '.config', 'letta-switchboard');
}

export function configPath(env: Env, home: string): string {
  return join(configDir(env, home), 'config.json');
}

/** The Go CLI's config, read only for its api_key. */
export function legacyConfigPath(home: string): string {
  return join(home, '.letta-switchboard', 'config.yaml');
}

/** Read the config file: {} when there is none; a UsageError naming the file when it is not valid. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    throw new UsageError(`Cannot read the config file ${path}: ${(error as Error).message}`);
  }
  if (text.trim() === '') return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `The config file ${path} is not valid JSON (${(error as Error).message})`,
      'Fix or remove it; it has been left as it is.',
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`The config file ${path} must hold a JSON object`, 'Fix or remove it; it has been left as it is.');
  }
  for (const key of CONFIG_KEYS) {
    const value = (data as Record<string, unknown>)[key];
    if (value !== undefined && typeof value !== 'string') {
      throw new UsageError(`The config file ${path} has a ${typeof value} for '${key}'; it must be a string`, 'Fix or remove it; it has been left as it is.');
    }
  }
  return data as ConfigFile;
}

/** The api_key line of the Go CLI's YAML config, if any. */
export function readLegacyApiKey(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const m = /^api_key:[ \t]*(.*?)[ \t]*$/m.exec(text);
  if (!m) return undefined;
  const value = m[1]!.replace(/^(["'])(.*)\1$/, '$2');
  return value || undefined;
}

/**
 * Write the config atomically: a private temp file beside it, flushed, then
 * renamed over it, so concurrent writers and crashes never leave a torn file.
 * The folder is 0700 and the file 0600, whatever they were before.
 */
export function writeConfigFile(path: string, data: ConfigFile): void {
  const dir = dirname(path);
  const temp = join(dir, `.config.json.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    makeDir(dir);
    if ((statSync(dir).mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(data, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temp file was never made.
    }
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(
      `Cannot write the config file ${path} (${reason})`,
      'Check that the folder is writable, or point LETTA_SWITCHBOARD_CONFIG_DIR at one that is.',
    );
  }
}

/** mkdir -p, one level at a time (Node's recursive mkdir never returns on some virtual file systems, such as /proc). */
function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw error;
    makeDir(dirname(dir));
    mkdirSync(dir, { mode: 0o700 });
  }
}
