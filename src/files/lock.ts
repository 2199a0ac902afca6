import { closeSync, lstatSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { CliError, InterruptedError } from '../errors';
import { forgetOnExit, removeOnExit } from './pending';

/** This machine's name, as a lock's holder gives it. node:os is loaded here, when a lock is taken or looked at: loading it cost every command a third of a millisecond at start. */
const hostname = (): string => process.getBuiltinModule('node:os').hostname();

/**
 * A lock file beside what it guards, created with O_EXCL so only one process
 * holds it. It names its holder (pid, host, time): a holder that died is
 * detected and its lock taken over; one that lives keeps it until `staleMs`.
 */
export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  waitMs?: number;
  /** A lock older than this is taken over even if its holder seems alive (a pid reused, another host). */
  staleMs?: number;
  /** What the lock guards, in the user's words ("the config file /x/config.json"). */
  what?: string;
  signal?: AbortSignal;
  /** Told once, when another holder makes this one wait (a long wait should not look like a hang). */
  onWait?: (line: string) => void;
}

export interface HeldLock {
  readonly path: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: number;
  token: string;
  /** The machine's boot id when it had one (Linux): a holder of an earlier boot is gone even if its pid is in use again. */
  boot?: string;
}

let bootIdRead: { id: string | undefined } | undefined;
/** This boot's id (Linux's /proc/sys/kernel/random/boot_id), or undefined where the system has none. */
function bootId(): string | undefined {
  if (!bootIdRead) {
    let id: string | undefined;
    try {
      id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
    } catch {
      id = undefined;
    }
    bootIdRead = { id };
  }
  return bootIdRead.id;
}

/** The tokens of the locks this process made: a lock with its pid and another token was another process's. */
const ownTokens = new Set<string>();

const DEFAULT_WAIT_MS = 30_000;
const DEFAULT_STALE_MS = 60_000;
/** Writing the holder follows creating the file at once: an empty lock file this old was left by a writer that died in between. */
const UNWRITTEN_MS = 1_000;

/** Take the lock now or return undefined: no waiting. */
export function tryLock(path: string, options: LockOptions = {}): HeldLock | undefined {
  const token = create(path) ?? (breakIfStale(path, options.staleMs ?? DEFAULT_STALE_MS) ? create(path) : undefined);
  return token === undefined ? undefined : held(path, token);
}

/** Take the lock, waiting (blocking) with short sleeps up to `waitMs`; for short synchronous critical sections. */
export function lockSync(path: string, options: LockOptions = {}): HeldLock {
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    const lock = tryLock(path, options);
    if (lock) return lock;
    if (Date.now() >= deadline) throw busy(path, options);
    sleepSync(pause(attempt));
  }
}

/** Take the lock, waiting (without blocking the event loop) up to `waitMs`. */
export async function lock(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw new InterruptedError();
    const lock = tryLock(path, options);
    if (lock) return lock;
    if (Date.now() >= deadline) throw busy(path, options);
    if (attempt === 0) options.onWait?.(`Waiting for another letta-switchboard${heldBy(path)} changing ${options.what ?? path} (at most ${waitSeconds(options)} s)`);
    await new Promise((resolve) => setTimeout(resolve, pause(attempt)));
  }
}

/** Who holds the lock at `path`, if anyone (for messages). */
export function lockHolder(path: string): Holder | undefined {
  try {
    return parseHolder(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The holder of a lock that still holds it: not one whose process this machine knows has died (a waiter takes its lock at once). */
export function liveHolder(path: string): Holder | undefined {
  const holder = lockHolder(path);
  return holder && !diedHere(holder) ? holder : undefined;
}

/** Create the lock file; its token, or undefined when someone else holds it. */
function create(path: string): string | undefined {
  // Unique enough to tell this holder from the next one; node:crypto would cost every command start-up time.
  const token = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  ownTokens.add(token);
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  removeOnExit(path);
  try {
    const boot = bootId();
    const holder: Holder = { pid: process.pid, host: hostname(), since: Date.now(), token, ...(boot === undefined ? {} : { boot }) };
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } catch (error) {
    rmSync(path, { force: true });
    forgetOnExit(path);
    throw error;
  } finally {
    closeSync(fd);
  }
  return token;
}

function held(path: string, token: string): HeldLock {
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      // Remove the file only while it is still ours (it may have been judged stale and taken over).
      if (lockHolder(path)?.token === token) rmSync(path, { force: true });
      forgetOnExit(path);
    },
  };
}

/**
 * Remove the lock if its holder is gone. Two waiters may judge it stale at
 * once; the take-over is itself guarded by a short-lived lock so the second
 * cannot remove a lock the first has just made.
 */
function breakIfStale(path: string, staleMs: number): boolean {
  const seen = statOrUndefined(path);
  if (!seen) return true;
  // A link (dangling or not) was never made by a holder: O_EXCL refuses to create through it, so it would block every waiter.
  if (seen.isSymbolicLink()) {
    rmSync(path, { force: true });
    return true;
  }
  if (!isStale(lockHolder(path), seen.mtimeMs, staleMs)) return false;
  const breaker = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A breaker that died mid-take-over: it holds its file for microseconds, so a second is plenty.
    const stuck = statOrUndefined(breaker);
    if (stuck && Date.now() - stuck.mtimeMs > 1_000) rmSync(breaker, { force: true });
    return false;
  }
  closeSync(fd);
  removeOnExit(breaker);
  try {
    const now = statOrUndefined(path);
    if (!now) return true;
    if (now.ino !== seen.ino || now.mtimeMs !== seen.mtimeMs) return false;
    rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(breaker, { force: true });
    forgetOnExit(breaker);
  }
}

function isStale(holder: Holder | undefined, modifiedMs: number, staleMs: number): boolean {
  if (Date.now() - modifiedMs > staleMs) return true;
  // A lock file with no holder yet is being written this very moment; one left empty for longer, its writer was killed between creating and writing it.
  if (!holder) return Date.now() - modifiedMs > UNWRITTEN_MS;
  return diedHere(holder);
}

/**
 * A holder on this machine whose process is gone: its lock is taken over at once. So is one of an earlier boot. A holder with this process's own pid,
 * a token it did not make and a lock taken before it started was an earlier process that had the pid (each run in a
 * container may be process 1). (One started later is a live process of that pid elsewhere: another pid namespace.)
 */
function diedHere(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  // Taken before the machine last started: its pid may belong to another process now.
  if (holder.boot !== undefined && bootId() !== undefined && holder.boot !== bootId()) return true;
  if (holder.pid !== process.pid) return !processAlive(holder.pid);
  return !ownTokens.has(holder.token) && holder.since < Date.now() - process.uptime() * 1000;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const data = JSON.parse(text) as Partial<Holder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string' || typeof data.token !== 'string') return undefined;
    return { pid: data.pid, host: data.host, since: Number(data.since) || 0, token: data.token, ...(typeof data.boot === 'string' ? { boot: data.boot } : {}) };
  } catch {
    return undefined;
  }
}

/** The lock file itself, never what a link there points to. */
function statOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function busy(path: string, options: LockOptions): CliError {
  return new CliError(
    `Another letta-switchboard${heldBy(path)} is changing ${options.what ?? path}; gave up after ${waitSeconds(options)} s`,
    `Try again; if no other letta-switchboard is running, remove ${path}.`,
  );
}

/** " (process 123)", " (process 123 on host)", or nothing when the holder cannot be read. */
function heldBy(path: string): string {
  return holderText(lockHolder(path));
}

/** A lock's holder as a message names it: " (process 123)", " (process 123 on host)", or nothing when unknown. */
export function holderText(holder: { pid: number; host: string } | undefined): string {
  return holder ? ` (process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`})` : '';
}

function waitSeconds(options: LockOptions): number {
  return Math.round((options.waitMs ?? DEFAULT_WAIT_MS) / 100) / 10;
}

/** 5 ms, growing to 50 ms, with jitter so waiters do not wake in step. */
function pause(attempt: number): number {
  return Math.min(50, 5 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random());
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
