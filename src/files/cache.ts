import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseJsonFile } from './json';
import { readTextFile, writePrivateFile, type FileLabel } from './private-file';

type Env = Record<string, string | undefined>;

/** $XDG_CACHE_HOME/letta-switchboard, else ~/.cache/letta-switchboard (where the loader keeps its code caches too). */
export function cacheDir(env: Env, home: string): string {
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'letta-switchboard');
}

/** A file name for what one server told one key: the server and a hash of the key, never the key. */
export function serverCacheName(prefix: string, baseUrl: string, apiKey: string): string {
  return `${prefix}-${createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex').slice(0, 16)}.json`;
}

const LABEL: FileLabel = { what: 'cache file', folderHint: 'Set XDG_CACHE_HOME to a folder of your own.' };

/** What was remembered in `file`, if it is there, readable and younger than `maxAgeMs` at `now`. A cache never fails a command. */
export function readCache<T>(file: string, now: number, maxAgeMs: number): T | undefined {
  try {
    const text = readTextFile(file, LABEL);
    if (text === undefined) return undefined;
    const saved = parseJsonFile(text, file, 'cache file', '') as { saved_at?: unknown; value?: T };
    if (typeof saved.saved_at !== 'number' || now - saved.saved_at > maxAgeMs || now < saved.saved_at) return undefined;
    return saved.value;
  } catch {
    return undefined;
  }
}

/** Remember `value` in `file` (0600, atomic); a failure is ignored, since a cache only saves requests. */
export function writeCache(file: string, value: unknown, now: number): void {
  try {
    writePrivateFile(file, JSON.stringify({ saved_at: now, value }), LABEL);
  } catch {
    // Nothing lost: the next command asks the server.
  }
}
