import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { CliError, UsageError } from '../errors';
import { lock, lockHolder, tryLock as tryLockFile, type HeldLock } from '../files/lock';
import { makePrivateFolder, readTextFile, withFileLock, writePrivateFile, type FileLabel } from '../files/private-file';
import { parseState } from './parse';
import { emptyState, serializeState, type State } from './records';

type Env = Record<string, string | undefined>;

/** $LETTA_SWITCHBOARD_STATE_DIR, else $XDG_STATE_HOME/letta-switchboard, else ~/.local/state/letta-switchboard. */
export function stateDir(env: Env, home: string): string {
  if (env.LETTA_SWITCHBOARD_STATE_DIR) return env.LETTA_SWITCHBOARD_STATE_DIR;
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'letta-switchboard');
  return join(home, '.local', 'state', 'letta-switchboard');
}

/** The record of intent's file, for `config path` and `config show` to name. */
export function statePath(env: Env, home: string): string {
  return join(stateDir(env, home), 'state.json');
}

const LABEL: FileLabel = {
  what: 'state file',
  folderHint: 'Point LETTA_SWITCHBOARD_STATE_DIR at a folder of your own, or unset it.',
};

/** A command-wide lock (e.g. `sync`) is held across network calls, so it is taken over only after its holder died or an hour passed. */
const COMMAND_LOCK_STALE_MS = 60 * 60 * 1000;

export interface StateOptions {
  /** How long `update` and `withLock` wait for another process before giving up (default 30 s). */
  waitMs?: number;
  /** Ctrl-C while waiting for a lock. */
  signal?: AbortSignal;
}

export interface StateStore {
  readonly path: string;
  /** The record; empty when there is no file. A file that cannot be understood is a UsageError naming it. */
  read(): Promise<State>;
  /**
   * Lock, read, let `change` mutate the state, write it atomically (flushed),
   * unlock; returns what `change` returned. `change` must be synchronous; if
   * it throws, nothing is written.
   */
  update<T>(change: (state: State) => T): Promise<T>;
  /** Take the named command lock now, or undefined when another process holds it. */
  tryLock(name: string): HeldLock | undefined;
  /**
   * Run `body` holding the named command lock, waiting for it up to `waitMs` (or this call's own wait).
   * Re-entrant: a body that already holds it (in this chain of calls) just runs.
   */
  withLock<T>(name: string, body: () => Promise<T>, waitMs?: number): Promise<T>;
  /** Who holds the named command lock, for messages ("sync is already running (process 123)"). */
  lockHolder(name: string): { pid: number; host: string; since: number } | undefined;
}

/** A command lock that cannot be taken for a reason other than another holder (a read-only folder, say). */
export class LockUnavailableError extends CliError {}

/** The command locks held by the current chain of calls (so a holder can call code that takes the same lock). */
const heldLocks = new AsyncLocalStorage<ReadonlySet<string>>();

export function openState(env: Env, home: string, options: StateOptions = {}): StateStore {
  const dir = stateDir(env, home);
  const path = statePath(env, home);
  const read = (): State => {
    const text = readTextFile(path, LABEL);
    return text === undefined ? emptyState() : parseState(text, path);
  };
  const commandLockPath = (name: string): string => {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`not a lock name: ${name}`);
    return join(dir, `${name}.lock`);
  };
  /** Take a command lock with `take`; a file-system failure becomes a clear error. */
  const commandLock = <T>(name: string, take: (lockPath: string) => T): T => {
    const lockPath = commandLockPath(name);
    const failed = (error: unknown) =>
      error instanceof CliError && !(error instanceof UsageError)
        ? error
        : new LockUnavailableError(`Cannot take the ${name} lock ${lockPath} (${error instanceof CliError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message)})`, LABEL.folderHint);
    try {
      makePrivateFolder(dir, LABEL, lockPath);
      const taken = take(lockPath);
      return taken instanceof Promise ? (taken.catch((error: unknown) => Promise.reject(failed(error))) as T) : taken;
    } catch (error) {
      throw failed(error);
    }
  };
  const lockOptions = (name: string, waitMs = options.waitMs) => ({ what: `the ${name} lock`, staleMs: COMMAND_LOCK_STALE_MS, waitMs, signal: options.signal });

  return {
    path,
    read: async () => read(),
    update: (change) =>
      withFileLock(
        path,
        LABEL,
        () => {
          const state = read();
          const result = change(state);
          if (result instanceof Promise) throw new Error('state changes must be synchronous');
          writePrivateFile(path, serializeState(state), LABEL);
          return result;
        },
        { waitMs: options.waitMs, signal: options.signal },
      ),
    tryLock(name) {
      return commandLock(name, (lockPath) => tryLockFile(lockPath, lockOptions(name)));
    },
    async withLock(name, body, waitMs) {
      const lockPath = commandLockPath(name);
      const holding = heldLocks.getStore();
      if (holding?.has(lockPath)) return body();
      const held = await commandLock(name, (path) => lock(path, lockOptions(name, waitMs)));
      try {
        return await heldLocks.run(new Set([...(holding ?? []), lockPath]), body);
      } finally {
        held.release();
      }
    },
    lockHolder(name) {
      const holder = lockHolder(commandLockPath(name));
      return holder && { pid: holder.pid, host: holder.host, since: holder.since };
    },
  };
}
