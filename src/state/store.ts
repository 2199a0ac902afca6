import { AsyncLocalStorage } from 'node:async_hooks';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, UsageError } from '../errors';
import { folderFromEnvironment } from '../config/environment';
import { lock, liveHolder, tryLock as tryLockFile, type HeldLock } from '../files/lock';
import {
  appendPrivateFile,
  fileIdentity,
  flushFile,
  makePrivateFolder,
  readTextFile,
  removePrivateFile,
  withFileLock,
  withFileLockSync,
  writePrivateFile,
  type FileLabel,
} from '../files/private-file';
import { applyOps, inScope, isJournalOp, keyOf, leftScope, LISTS, readJournal, scopedState, track, type JournalOp, type ListName, type Tracked } from './journal';
import { foldInPieces, streamRecords, type RecordFiles } from './record-stream';
import { foldAtEnd } from './journal-end';
import { damagedJournal } from '../files/json';
import { checkState, readStateData, recordProblem } from './parse';
import { shareRepeatedStrings } from '../shared-strings';
import { emptyState, serializeState, STATE_VERSION, type SkippedRecord, type State } from './records';

type Env = Record<string, string | undefined>;

/** $LETTA_SWITCHBOARD_STATE_DIR, else $XDG_STATE_HOME/letta-switchboard, else ~/.local/state/letta-switchboard. */
export function stateDir(env: Env, home: string): string {
  const named = folderFromEnvironment(env, 'LETTA_SWITCHBOARD_STATE_DIR');
  if (named !== undefined) return named;
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'letta-switchboard');
  return join(home, '.local', 'state', 'letta-switchboard');
}

/** The record of intent's file, for `config path` and `config show` to name. */
export function statePath(env: Env, home: string): string {
  return join(stateDir(env, home), 'state.json');
}

/** The record's journal beside it: each step appended, folded into the state file at the end of a command or when large. */
export function journalPath(env: Env, home: string): string {
  return join(stateDir(env, home), 'state.journal');
}

const LABEL: FileLabel = {
  what: 'state file',
  folderHint: 'Point LETTA_SWITCHBOARD_STATE_DIR at a folder of your own, or unset it.',
};
const JOURNAL_LABEL: FileLabel = { ...LABEL, what: 'state journal' };

/** A journal is folded in once it outgrows the state file (or this, for a small one): folding then costs no more than the steps did. */
const FOLD_AT_LEAST = 64 * 1024;

/** What a command lock guards, as a person waiting for it reads it ("Waiting for another letta-switchboard ... changing ..."). */
const LOCK_WHAT: Readonly<Record<string, string>> = { changes: 'schedules and the record of intent' };

/** A command-wide lock (e.g. `sync`) is held across network calls, so it is taken over only after its holder died or an hour passed. */
const COMMAND_LOCK_STALE_MS = 60 * 60 * 1000;

export interface StateOptions {
  /** How long `update` and `withLock` wait for another process before giving up (default 30 s). */
  waitMs?: number;
  /**
   * Record each step by appending it to the journal (flushed), folded into the state file when
   * the journal grows large and when the command ends (`foldJournals`), instead of rewriting the
   * whole file at each step. Commands use it; without it every step rewrites the file.
   */
  journal?: boolean;
  /** Ctrl-C while waiting for a lock. */
  signal?: AbortSignal;
  /**
   * Only the records of this server (the normalised base URL) are read and changed (scopedState):
   * two servers that hand out the same ids never mix their records. Without it, every record.
   */
  server?: string;
}

export interface StateStore {
  readonly path: string;
  /** The record; empty when there is no file. A file that cannot be understood is a UsageError naming it. */
  read(): Promise<State>;
  /**
   * The record as `read` reads it, without the copy: for a caller that only reads it, and not
   * across its own `update`s, which change this very record in place.
   */
  readShared(): Promise<State>;
  /**
   * What `look` finds in the record, read as `read` reads it but without copying all of it: only
   * what `look` returns is copied. `look` must be synchronous and only read what it is given.
   */
  look<T>(look: (state: State) => T): Promise<T>;
  /**
   * Lock, read, let `change` mutate the state, record it (flushed: the whole
   * file written atomically, or with `journal` the step appended), unlock;
   * returns what `change` returned, detached from the record. `change` must be
   * synchronous; if it throws, nothing is written.
   */
  update<T>(change: (state: State) => T): Promise<T>;
  /**
   * How many times this process has read the record from disk: the same number again means no
   * other process changed it meanwhile (this process's own steps do not count).
   */
  readsFromDisk(): number;
  /** Take the named command lock now, or undefined when another process holds it. */
  tryLock(name: string): HeldLock | undefined;
  /**
   * Run `body` holding the named command lock, waiting for it up to `waitMs` (or this call's own wait).
   * Re-entrant: a body that already holds it (in this chain of calls) just runs.
   */
  withLock<T>(name: string, body: () => Promise<T>, waitMs?: number, onWait?: (line: string) => void): Promise<T>;
  /** Who holds the named command lock, for messages ("sync is already running (process 123)"); none when its holder is known dead. */
  lockHolder(name: string): { pid: number; host: string; since: number } | undefined;
  /**
   * The records `pick` keeps, of this store's server, read a record at a time (streamRecords), never the
   * whole record: a command that works through the record a window at a time holds one window. Its steps
   * are appended to the journal as puts and dels of the records they changed, and the journal is folded
   * into the state file a record at a time once it passes a bound. `pick` must keep a record's window the
   * same across steps (a step's new records must be picked by the window that made them). Under `dryRun`
   * its steps change the window in memory only.
   */
  window(pick: (list: ListName, record: unknown) => boolean, options?: { dryRun?: boolean }): RecordWindow;
  /** Every record of this store's server as stored, a record at a time; `problem`: why a whole read would set it aside, when it would. */
  scan(visit: (list: ListName, record: unknown, problem: string | undefined) => void): Promise<void>;
}

/** Part of the record, read and changed as StateStore.window says. */
export interface RecordWindow {
  /** The window's records (a copy), with the record's top-level fields. */
  read(): Promise<State>;
  /** The same without the copy (see StateStore.readShared). */
  readShared(): Promise<State>;
  /** How many times the window was read from disk: the same number again means no other process changed the record since. */
  readsFromDisk(): number;
  /** See StateStore.update; `change` sees the window's records only. */
  update<T>(change: (state: State) => T): Promise<T>;
}

/** A window's journal is folded into the state file once it is this large: what a window's reading lays over the file stays bounded. */
const WINDOW_FOLD_AT = 256 * 1024;

/** A command lock that cannot be taken for a reason other than another holder (a read-only folder, say). */
export class LockUnavailableError extends CliError {}

/** The record as this process last read it (state file and journal), per state file, while neither has changed on disk. */
interface Loaded {
  state: State;
  /** The state file's generation: journal lines written against an older one are already in it. */
  generation: number;
  /** The state file's identity when read (inode, size, mtime, ctime); '' when there was none. */
  stateKey: string;
  /** The journal's size when read (or last appended to), and how much of it is complete lines. */
  journalSize: number;
  journalValid: number;
  /** One server's part of `state` (scopedState), kept while it matches: its lists change with the state's through the steps made on it. */
  scoped?: { server: string; state: State };
}
const loaded = new Map<string, Loaded>();
/** How many times each state file was read from disk by this process: one more means someone else changed it (or a step failed). */
const loads = new Map<string, number>();

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The state file with its journal's steps applied, checked. */
function load(path: string, journal: string): Loaded {
  const stateKey = fileIdentity(path);
  const text = readTextFile(path, LABEL);
  const data = text === undefined ? emptyState() : readStateData(text, path);
  const journalText = readTextFile(journal, JOURNAL_LABEL) ?? '';
  const { lines, bytes, damagedLine } = readJournal(journalText);
  if (damagedLine !== undefined) throw damagedJournal(journal, damagedLine, 'state journal');
  const newer = lines.find((line) => line.k !== undefined && line.k !== 2);
  // A step this version does not know would be applied as a record of nothing ("null" in a list, kept for good).
  const unknown = lines.flatMap((line) => line.ops).find((op) => !isJournalOp(op));
  if (newer || unknown)
    throw new UsageError(
      `The state journal ${journal} was written by a newer letta-switchboard (${newer ? `lines of kind ${JSON.stringify(newer.k)}` : `a step ${JSON.stringify(unknown)}`})`,
      'Upgrade letta-switchboard; the files have been left as they are.',
    );
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const generation = typeof record?.generation === 'number' ? record.generation : 0;
  if (record) for (const line of lines) if (line.g >= generation) applyOps(record, line.ops, line.k === 2 ? 'server and id' : 'id');
  return { state: checkState(shareRepeatedStrings(data), path), generation, stateKey, journalSize: Buffer.byteLength(journalText), journalValid: bytes };
}

/** The record as it is on disk now: as last read when neither file changed since, else read again. */
function current(path: string, journal: string): Loaded {
  const known = loaded.get(path);
  if (known && known.stateKey === fileIdentity(path) && known.journalSize === sizeOf(journal)) return known;
  loaded.delete(path);
  const fresh = load(path, journal);
  loaded.set(path, fresh);
  loads.set(path, (loads.get(path) ?? 0) + 1);
  return fresh;
}

/** Write the whole record to the state file (a newer generation, so the journal's lines count as in it), then remove the journal. The caller holds the lock. */
function fold(path: string, journal: string, record: Loaded): void {
  const bump = record.journalSize > 0;
  if (bump) record.state.generation = record.generation + 1;
  try {
    writePrivateFile(path, serializeState(record.state), LABEL);
    if (bump) removePrivateFile(journal, JOURNAL_LABEL);
  } catch (error) {
    loaded.delete(path);
    throw error;
  }
  if (bump) record.generation += 1;
  // Its top-level fields were copied from the state's before the generation moved on.
  record.scoped = undefined;
  record.stateKey = fileIdentity(path);
  record.journalSize = record.journalValid = 0;
}

/** What a store opened for `server` reads and changes: that server's part of the record, or all of it. */
function scopeOf(record: Loaded, server: string | undefined): State {
  if (server === undefined) return record.state;
  if (record.scoped?.server !== server) record.scoped = { server, state: scopedState(record.state, server) };
  return record.scoped.state;
}

/** The command locks held by the current chain of calls (so a holder can call code that takes the same lock). */
const heldLocks = new AsyncLocalStorage<ReadonlySet<string>>();

export function openState(env: Env, home: string, options: StateOptions = {}): StateStore {
  const dir = stateDir(env, home);
  const path = statePath(env, home);
  const journal = journalPath(env, home);
  const { server } = options;
  const fileLockOptions = { waitMs: options.waitMs, signal: options.signal };
  const foldNow = () =>
    withFileLock(
      path,
      LABEL,
      () => {
        // A record this process holds is folded from memory; else a record at a time, without reading it whole.
        const known = loaded.get(path);
        if (known && known.stateKey === fileIdentity(path) && known.journalSize === sizeOf(journal)) {
          if (known.journalSize > 0) fold(path, journal, known);
        } else if (sizeOf(journal) > 0 && !foldInPieces(path, journal, LABEL, JOURNAL_LABEL)) {
          const record = current(path, journal);
          if (record.journalSize > 0) fold(path, journal, record);
        }
      },
      fileLockOptions,
    );
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
        : new LockUnavailableError(
            `Cannot take the ${name} lock ${lockPath} (${error instanceof CliError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message)})`,
            LABEL.folderHint,
          );
    try {
      makePrivateFolder(dir, LABEL, lockPath);
      const taken = take(lockPath);
      return taken instanceof Promise ? (taken.catch((error: unknown) => Promise.reject(failed(error))) as T) : taken;
    } catch (error) {
      throw failed(error);
    }
  };
  const lockOptions = (name: string, waitMs = options.waitMs) => ({ what: LOCK_WHAT[name] ?? `the ${name} lock`, staleMs: COMMAND_LOCK_STALE_MS, waitMs, signal: options.signal });

  return {
    path,
    read: async () => structuredClone(scopeOf(current(path, journal), server)),
    readShared: async () => scopeOf(current(path, journal), server),
    readsFromDisk: () => loads.get(path) ?? 0,
    look: async (look) => {
      const found = look(scopeOf(current(path, journal), server));
      return found !== null && typeof found === 'object' ? structuredClone(found) : found;
    },
    update: async (change) => {
      // A step appended to the journal is flushed to disk once the record's lock is let go, before the step is done.
      let appended = false;
      const result = await withFileLock(
        path,
        LABEL,
        () => {
          const record = current(path, journal);
          const part = scopeOf(record, server);
          const { result, ops } = trackedStep(
            part,
            server,
            change,
            (ops, tracked) => {
              if (server === undefined) record.scoped = undefined;
              else {
                // A record the step took out of this server's part (settleForServer's disowned) is no longer in it.
                if (leftScope(ops, server)) record.scoped = undefined;
                // The step changed this server's part of the record: unless that part is the whole record (scopedState), the
                // whole record takes the same step. Records written in place are the whole record's own (the part holds the
                // same records): only what reshaped a list, a list written whole (it may move them among other servers'), and
                // the top-level fields are applied, so a step costs what it reshaped, not the whole record.
                if (part !== record.state)
                  applyOps(
                    record.state,
                    ops.filter((op) => op.op === 'top' || op.op === 'list' || tracked.reshaped(op.list)),
                    tracked.naming,
                    (list) => new Set(tracked.before(list)),
                  );
              }
              return ops;
            },
            // The change may have got part-way through the record as read: read it again next time.
            () => loaded.delete(path),
          );
          if (!options.journal) {
            fold(path, journal, record);
            return result;
          }
          if (ops.length === 0) return result;
          try {
            record.journalSize = record.journalValid = appendPrivateFile(journal, `${JSON.stringify({ g: record.generation, k: 2, ops })}\n`, JOURNAL_LABEL, record.journalValid, 'later');
            appended = true;
          } catch (error) {
            loaded.delete(path);
            throw error;
          }
          if (record.journalSize > Math.max(FOLD_AT_LEAST, sizeOf(path))) fold(path, journal, record);
          else foldAtEnd(path, foldNow);
          return result;
        },
        fileLockOptions,
      );
      if (appended) await flushFile(journal, JOURNAL_LABEL);
      return result;
    },
    tryLock(name) {
      return commandLock(name, (lockPath) => tryLockFile(lockPath, lockOptions(name)));
    },
    async withLock(name, body, waitMs, onWait) {
      const lockPath = commandLockPath(name);
      const holding = heldLocks.getStore();
      if (holding?.has(lockPath)) return body();
      const held = await commandLock(name, (path) => lock(path, { ...lockOptions(name, waitMs), onWait }));
      // A command that changes things folds the journal when it ends, a leftover of one cut short (kill -9) too,
      // even when it changes nothing itself: the state file then says it all again.
      foldAtEnd(path, foldNow);
      try {
        return await heldLocks.run(new Set([...(holding ?? []), lockPath]), body);
      } finally {
        held.release();
      }
    },
    lockHolder(name) {
      const holder = liveHolder(commandLockPath(name));
      return holder && { pid: holder.pid, host: holder.host, since: holder.since };
    },
    window: (pick, { dryRun = false } = {}) => recordWindow(path, journal, server, pick, dryRun, fileLockOptions, foldNow),
    async scan(visit) {
      // Read only: a scan may be a dry run's.
      eachRecord(path, journal, 'never', (list, index, record) => {
        if (server === undefined || inScope(list, record, server)) visit(list, record, recordProblem(list, record, `${list}[${index}]`));
      });
    },
  };
}

/**
 * Visit every record (as stored, with the journal's steps laid over it), a record at a time: streamRecords. When it
 * cannot (a step it cannot place), the record is read whole once (a file a whole read refuses is refused so); with
 * `writes` (the caller may write: 'locked' when it holds the file's lock) the journal is then folded into the file, so the
 * next reading streams again. `reset` is called before each visit of all of them again.
 */
function eachRecord(path: string, journal: string, writes: 'locked' | 'unlocked' | 'never', visit: (list: ListName, index: number, record: unknown) => void, reset = () => {}): RecordFiles {
  const streamed = streamRecords(path, journal, ({ list, index, record }) => visit(list, index, record));
  if (streamed) return streamed;
  reset();
  const whole = () => {
    const record = load(path, journal);
    if (writes !== 'never' && record.journalSize > 0) fold(path, journal, record);
    return record;
  };
  const record = writes === 'unlocked' ? withFileLockSync(path, LABEL, whole) : whole();
  for (const list of LISTS) {
    record.state[list].forEach((item, index) => visit(list, index, item));
    for (const skipped of record.state.skipped ?? []) if (skipped.list === list) visit(list, Number(/\[(\d+)\]$/.exec(skipped.where)?.[1] ?? -1), skipped.raw);
  }
  const { intents: _i, series: _s, paused: _p, skipped: _k, ...top } = record.state;
  return { top, generation: record.generation, journalSize: record.journalSize, journalValid: record.journalValid };
}

/** A window as last read: its records, and the files' identity then (see Loaded). */
interface WindowRead {
  state: State;
  generation: number;
  stateKey: string;
  journalSize: number;
  journalValid: number;
}

function recordWindow(
  path: string,
  journal: string,
  server: string | undefined,
  pick: (list: ListName, record: unknown) => boolean,
  dryRun: boolean,
  lockOptions: { waitMs?: number; signal?: AbortSignal },
  foldNow: () => Promise<void>,
): RecordWindow {
  let known: WindowRead | undefined;
  let reads = 0;
  const read = (locked: boolean): WindowRead => {
    if (known && (dryRun || (known.stateKey === fileIdentity(path) && known.journalSize === sizeOf(journal)))) return known;
    known = undefined;
    // What is laid over the file is held while it passes: a journal another command left large is folded first (best
    // effort: a folder this process cannot write to is read as it is; a dry run writes nothing).
    if (!dryRun && sizeOf(journal) > WINDOW_FOLD_AT) {
      try {
        const foldLarge = () => sizeOf(journal) > WINDOW_FOLD_AT && foldInPieces(path, journal, LABEL, JOURNAL_LABEL);
        if (locked) foldLarge();
        else withFileLockSync(path, LABEL, foldLarge);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
      }
    }
    const stateKey = fileIdentity(path);
    const lists: Record<ListName, unknown[]> = { intents: [], series: [], paused: [] };
    let skipped: SkippedRecord[] = [];
    const files = eachRecord(
      path,
      journal,
      dryRun ? 'never' : locked ? 'locked' : 'unlocked',
      (list, index, record) => {
        if ((server !== undefined && !inScope(list, record, server)) || !pick(list, record)) return;
        const where = `${list}[${index}]`;
        const problem = recordProblem(list, record, where);
        if (problem === undefined) lists[list].push(record);
        else skipped.push({ where, problem, list, raw: record });
      },
      () => {
        for (const list of LISTS) lists[list] = [];
        skipped = [];
      },
    );
    const state = shareRepeatedStrings({ ...files.top, version: STATE_VERSION, ...lists, ...(skipped.length > 0 ? { skipped } : {}) } as State);
    reads++;
    known = { state, generation: files.generation, stateKey, journalSize: files.journalSize, journalValid: files.journalValid };
    return known;
  };
  return {
    read: async () => structuredClone(read(false).state),
    readShared: async () => read(false).state,
    readsFromDisk: () => reads,
    async update(change) {
      if (dryRun) return change(read(false).state);
      let appended = false;
      const result = await withFileLock(
        path,
        LABEL,
        () => {
          const window = read(true);
          const { result, ops } = trackedStep(
            window.state,
            server,
            change,
            (ops, tracked) => ops.flatMap((op) => (op.op === 'list' ? recordByRecord(op.list, tracked, window.state[op.list]) : [op])),
            () => (known = undefined),
          );
          if (ops.length === 0) return result;
          try {
            window.journalSize = window.journalValid = appendPrivateFile(journal, `${JSON.stringify({ g: window.generation, k: 2, ops })}\n`, JOURNAL_LABEL, window.journalValid, 'later');
            appended = true;
            // A record put under another key (its server given) is placed only by a whole read: folded whole now, once.
            const renamed = ops.some((op) => op.op === 'put' && op.key !== undefined && op.key !== keyOf(op.list, op.record));
            if (renamed) {
              const record = current(path, journal);
              fold(path, journal, record);
              loaded.delete(path);
              Object.assign(window, { generation: record.generation, stateKey: fileIdentity(path), journalSize: 0, journalValid: 0 });
            } else if (window.journalSize > WINDOW_FOLD_AT && foldInPieces(path, journal, LABEL, JOURNAL_LABEL)) {
              Object.assign(window, { generation: window.generation + 1, stateKey: fileIdentity(path), journalSize: 0, journalValid: 0 });
            } else foldAtEnd(path, foldNow);
          } catch (error) {
            known = undefined;
            throw error;
          }
          return result;
        },
        lockOptions,
      );
      if (appended) await flushFile(journal, JOURNAL_LABEL);
      return result;
    },
  };
}

/**
 * Run a step's `change` on `state` through a tracked view: what it returned (detached from the record) and the ops it
 * amounts to, as `settle` makes them (it may also carry them elsewhere); `failed` runs when either throws, and nothing
 * of the step is recorded.
 */
function trackedStep<T>(
  state: State,
  server: string | undefined,
  change: (state: State) => T,
  settle: (ops: JournalOp[], tracked: Tracked) => JournalOp[],
  failed: () => void,
): { result: T; ops: JournalOp[] } {
  const tracked = track(state, server);
  try {
    const result = change(tracked.view);
    if (result instanceof Promise) throw new Error('state changes must be synchronous');
    return { result: tracked.detach(result), ops: settle(tracked.ops(), tracked) };
  } catch (error) {
    failed();
    throw error;
  } finally {
    tracked.close();
  }
}

/** A step that reshaped a window's list, as puts and dels of the records it removed, added or kept: never the whole list, of which the window holds a part. */
function recordByRecord(list: ListName, tracked: Tracked, after: readonly unknown[]): JournalOp[] {
  const before = tracked.before(list);
  const was = new Set(before);
  const is = new Set(after);
  const ops: JournalOp[] = [];
  for (const record of before) {
    const key = tracked.naming.keyOf(list, record);
    if (!is.has(record) && key !== undefined) ops.push({ op: 'del', list, key });
  }
  for (const record of after) {
    const key = was.has(record) ? tracked.naming.keyOf(list, record) : undefined;
    ops.push({ op: 'put', list, ...(key === undefined ? {} : { key }), record });
  }
  return ops;
}
