import { join } from 'node:path';
import { UsageError } from '../errors';
import { folderFromEnvironment } from './environment';
import { nearest } from '../nearest';
import { parseJsonFile } from '../files/json';
import { readTextFile, withFileLockSync, writePrivateFile, type FileLabel } from '../files/private-file';
import { hasUnreadableLegacyApiKey, parseLegacyApiKey } from './legacy';

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

/** Keys of a hand-edited file that look meant for a setting (`apiKey`, `base-url`, `Timezone`): kept but never read, so worth saying. */
export function misspeltKeys(file: ConfigFile): Array<{ given: string; meant: ConfigKey }> {
  const found: Array<{ given: string; meant: ConfigKey }> = [];
  for (const given of Object.keys(file)) {
    if ((CONFIG_KEYS as readonly string[]).includes(given)) continue;
    const meant = nearest(
      given
        .trim()
        .toLowerCase()
        .replace(/[-\s]+/g, '_'),
      [...CONFIG_KEYS],
    ) as ConfigKey | undefined;
    if (meant) found.push({ given, meant });
  }
  return found;
}

/** $LETTA_SWITCHBOARD_CONFIG_DIR, else $XDG_CONFIG_HOME/letta-switchboard, else ~/.config/letta-switchboard. */
export function configDir(env: Env, home: string | (() => string)): string {
  const named = folderFromEnvironment(env, 'LETTA_SWITCHBOARD_CONFIG_DIR');
  if (named !== undefined) return named;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'letta-switchboard');
  return join(typeof home === 'string' ? home : home(), '.config', 'letta-switchboard');
}

/** `home` may be a function, asked only when no variable names the folder. */
export function configPath(env: Env, home: string | (() => string)): string {
  return join(configDir(env, home), 'config.json');
}

/** The Go CLI's config, read only for its api_key. */
export function legacyConfigPath(home: string): string {
  return join(home, '.letta-switchboard', 'config.yaml');
}

const LABEL: FileLabel = {
  what: 'config file',
  folderHint: 'Point LETTA_SWITCHBOARD_CONFIG_DIR at a folder of your own, or unset it.',
};
const LEFT_AS_IT_IS = 'Fix or remove it; it has been left as it is.';

/** What each config file held when this process last read it, so a write changes only what its caller changed. */
const lastRead = new Map<string, ConfigFile>();

/**
 * Read the config file: {} when there is none; a UsageError naming the file
 * when it is not valid. A byte-order mark is skipped and white space around
 * the settings' values is dropped, so every reader sees the same value.
 */
export function readConfigFile(path: string): ConfigFile {
  const text = readTextFile(path, LABEL);
  const file = text === undefined || text.trim() === '' ? {} : parseConfig(text, path);
  lastRead.set(path, { ...file });
  return file;
}

function parseConfig(text: string, path: string): ConfigFile {
  const data = parseJsonFile(text, path, 'config file', LEFT_AS_IT_IS);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`The config file ${path} must hold a JSON object`, LEFT_AS_IT_IS);
  }
  const file = data as ConfigFile;
  for (const key of CONFIG_KEYS) {
    const value = file[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      throw new UsageError(`The config file ${path} has a ${value === null ? 'null' : typeof value} for '${key}'; it must be a string`, LEFT_AS_IT_IS);
    }
    file[key] = value.trim();
  }
  return file;
}

/**
 * Change the config file under its lock: read what is there now, apply
 * `change`, write it back atomically. Concurrent changes all land.
 */
export function updateConfigFile(path: string, change: (file: ConfigFile) => void): ConfigFile {
  return withFileLockSync(path, LABEL, () => {
    const file = readConfigFile(path);
    change(file);
    checkValues(file);
    writePrivateFile(path, `${JSON.stringify(file, null, 2)}\n`, LABEL);
    lastRead.set(path, { ...file });
    return file;
  });
}

/** A line break in a saved setting would corrupt every request made with it. The value is not shown: it may be the key. */
function checkValues(file: ConfigFile): void {
  for (const key of CONFIG_KEYS) {
    const value = file[key];
    if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value)) {
      throw new UsageError(`The ${key} to save contains a line break or another control character`, 'Give the value on one line, without control characters.');
    }
  }
}

/**
 * Write `data`, a changed copy of what `readConfigFile` returned: the keys it
 * sets or removes are applied, under the lock, to the file as it is now, so a
 * setting saved by another process meanwhile is kept.
 */
export function writeConfigFile(path: string, data: ConfigFile): void {
  const before = lastRead.get(path) ?? {};
  updateConfigFile(path, (file) => {
    for (const key of new Set([...Object.keys(before), ...Object.keys(data)])) {
      if (JSON.stringify(before[key]) === JSON.stringify(data[key])) continue;
      if (data[key] === undefined) delete file[key];
      else file[key] = data[key];
    }
  });
}

/** Whether the Go CLI's YAML config has an api_key this tool cannot read (so "no key" can say where to look). */
export function legacyApiKeyUnreadable(path: string): boolean {
  try {
    const text = readTextFile(path, LABEL);
    return text !== undefined && hasUnreadableLegacyApiKey(text);
  } catch {
    return false;
  }
}

/** The api_key of the Go CLI's YAML config, if any. */
export function readLegacyApiKey(path: string): string | undefined {
  try {
    const text = readTextFile(path, LABEL);
    return text === undefined ? undefined : parseLegacyApiKey(text);
  } catch {
    return undefined;
  }
}
