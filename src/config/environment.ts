import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../errors';

type Env = Record<string, string | undefined>;

/**
 * The environment as settings read it: a blank value (`LETTA_BASE_URL="  "`, as an unset
 * variable quoted with spaces leaves it) counts as unset, as an empty one does, and an
 * XDG folder variable that is not an absolute path is ignored, as the XDG spec says.
 */
export function usableEnvironment(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([name, value]) => value !== undefined && value.trim() !== '' && !(/^XDG_\w+_HOME$/.test(name) && !isAbsolute(value))));
}

/**
 * The folder a variable such as LETTA_SWITCHBOARD_CONFIG_DIR names, if set. A relative path is
 * refused: it would name another folder from wherever a command runs (a cron job's folder is not
 * the person's), so the key and the record would seem to vanish.
 */
export function folderFromEnvironment(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (isAbsolute(value)) return value;
  const suggestion = /^~(\/|$)/.test(value) ? `"$HOME${value.slice(1)}" (a quoted ~ is not expanded by the shell)` : resolve(value);
  throw new UsageError(`${name} is '${value}', a relative path, which would mean another folder wherever a command runs`, `Set it to an absolute path, such as ${name}=${suggestion}`);
}
