import { UsageError } from '../errors';
import { journalLines, parseJsonFile } from '../files/json';
import { mergeConflictLine } from './merge-conflict';

/**
 * `letta-schedules.lock.json`: which schedules each file owns, per server
 * (normalised base URL). Only what is owned here is ever replaced or deleted
 * by `apply`. Pure: text in, text out.
 */
export const LOCK_FILE_NAME = 'letta-schedules.lock.json';
export const LOCK_VERSION = 1;

/** How a series keeps its place: its rule as first read, and when it started (so `count` counts from there). */
export interface SeriesLock {
  /** A local cron, a UTC cron (zone UTC), or the phrase of a rule no cron says (then `series_rule` holds it). */
  rule: string;
  zone: string;
  series_rule?: unknown;
  /** Unix ms: the series' instants are the rule's after this one. */
  started: number;
  until?: number;
  count?: number;
  /** Unix ms: instants of the series deleted on purpose (`onetime delete` of a member, or gone from Letta): never made again. */
  skip?: number[];
  /** The file's `until:` and `count:` lines as they were when the series was read: while they (and `when`) stay, so do its end and start. */
  lines?: { until?: string; count?: number };
}

export interface LockEntry {
  agent_id: string;
  /** The schedules this file owns on the server. */
  ids: string[];
  /** The `when` and zone as last applied: a one-time or series file keeps its instants while they stay the same. */
  when: string;
  timezone: string;
  /** One-time: the instant `when` meant when it was first read ("tomorrow at 9am" does not move each day). */
  at?: number;
  series?: SeriesLock;
  /** Schedules the file owned before a change, to delete once their replacements are read back (on the agent they are on). */
  retiring?: Array<{ agent_id: string; id: string }>;
  /** A create was sent and its answer may not have been recorded: the next run looks for it before creating again. */
  pending?: boolean;
}

export interface LockFile {
  version: typeof LOCK_VERSION;
  /** Server base URL → file name (relative to the folder) → what it owns there. */
  servers: Record<string, Record<string, LockEntry>>;
}

export function emptyLock(): LockFile {
  return { version: LOCK_VERSION, servers: {} };
}

const HINT = 'Fix it, or restore it from version control; it has been left as it is.';

export function parseLock(text: string, path: string): LockFile {
  if (text.trim() === '') return emptyLock();
  const conflict = mergeConflictLine(text.split(/\r?\n/));
  if (conflict !== undefined)
    throw new UsageError(
      `The lock file ${path} holds a git merge conflict that is not resolved (line ${conflict})`,
      'Keep the side the last apply wrote (it names the schedules on Letta) and remove the marker lines, or restore it from version control; it has been left as it is.',
    );
  const data = parseJsonFile(text, path, 'lock file', HINT) as Record<string, unknown>;
  const bad = (where: string, what: string) => new UsageError(`The lock file ${path} is not valid: ${where} ${what}`, HINT);
  if (!isObject(data)) throw bad('it', 'must hold a JSON object');
  if (data.version !== LOCK_VERSION) throw bad('version', `must be ${LOCK_VERSION}`);
  if (!isObject(data.servers)) throw bad('servers', 'must be an object');
  for (const [server, files] of Object.entries(data.servers)) {
    if (!isObject(files)) throw bad(`servers["${server}"]`, 'must be an object');
    const owners = new Map<string, string>();
    for (const [name, entry] of Object.entries(files)) {
      const problem = lockEntryProblem(entry);
      if (problem) throw bad(`servers["${server}"]["${name}"]${problem.field}`, problem.what);
      // Two files owning one schedule would each replace or delete it under the other (a merge gone wrong, a hand edit).
      for (const id of (entry as { ids: string[] }).ids) {
        const owner = owners.get(id);
        if (owner !== undefined && owner !== name) throw bad(`servers["${server}"]`, `gives ${id} to two files, "${owner}" and "${name}"; each schedule belongs to one file`);
        owners.set(id, name);
      }
    }
  }
  return data as unknown as LockFile;
}

/** What is wrong with a lock entry (the field, from the entry, and what it must be), or undefined. */
export function lockEntryProblem(entry: unknown): { field: string; what: string } | undefined {
  if (!isObject(entry)) return { field: '', what: 'must be an object' };
  for (const field of ['agent_id', 'when', 'timezone'] as const) if (typeof entry[field] !== 'string') return { field: `.${field}`, what: 'must be text' };
  if (!Array.isArray(entry.ids) || !entry.ids.every((id) => typeof id === 'string')) return { field: '.ids', what: 'must be a list of ids' };
  if (entry.at !== undefined && typeof entry.at !== 'number') return { field: '.at', what: 'must be Unix milliseconds' };
  const series = entry.series;
  if (series !== undefined && (!isObject(series) || typeof series.rule !== 'string' || typeof series.zone !== 'string' || typeof series.started !== 'number')) {
    return { field: '.series', what: 'must hold rule, zone and started' };
  }
  if (isObject(series) && series.skip !== undefined && !(Array.isArray(series.skip) && series.skip.every((instant) => typeof instant === 'number'))) {
    return { field: '.series.skip', what: 'must be a list of Unix milliseconds' };
  }
  return undefined;
}

/**
 * The lock file's journal, beside it while an apply runs: each step of the
 * apply appends one line naming the entries it changed, whole (null: the entry
 * is gone), so recording a step costs what the step changed, not the whole
 * file. The apply writes the lock file whole once at its end and removes the
 * journal; one cut off leaves it for the next apply (or plan) to read.
 */
export function lockJournalPath(lockPath: string): string {
  return `${lockPath.replace(/\.json$/, '')}.journal`;
}

/** Entries a step changed, whole; null: the entry is gone. */
export type ChangedEntries = Record<string, LockEntry | null>;

/** One step: the entries of one server it changed, over the lock file whose text hashes to `base`. */
export function formatLockStep(base: string, server: string, changed: ChangedEntries): string {
  return `${JSON.stringify({ base, server, entries: changed })}\n`;
}

/**
 * Apply a journal's steps to the lock file they were written over (its text
 * hashes to `base`), in order. A step written over another text is left out:
 * that text was the lock file before one that holds the step was written in
 * its place (a journal left behind by a crash, a power cut or a commit changes
 * nothing then). A last line without its newline (a write cut short) is left
 * out, as is a last line that is not a step. Returns how many steps were
 * applied, and the line that is not a step with steps after it (damage, not a crash), if any.
 */
export function applyLockJournal(lock: LockFile, text: string, base: string): { applied: number; damagedLine?: number } {
  const { steps, damagedLine } = lockJournalSteps(text, base);
  for (const step of steps) {
    const entries = serverEntries(lock, step.server);
    for (const [name, entry] of Object.entries(step.entries)) {
      if (entry === null) delete entries[name];
      else entries[name] = entry;
    }
  }
  return { applied: steps.length, ...(damagedLine === undefined ? {} : { damagedLine }) };
}

export interface LockStep {
  base: string;
  server: string;
  entries: ChangedEntries;
}

/** The journal's steps written over the text that hashes to `base`, in order, and the damaged line (see applyLockJournal), if any. */
export function lockJournalSteps(text: string, base: string): { steps: LockStep[]; damagedLine?: number } {
  const { lines, damagedLine } = journalLines(text, readStep);
  const steps = lines.filter((step) => step.base === base);
  return damagedLine === undefined ? { steps } : { steps, damagedLine };
}

function readStep(step: unknown): LockStep | undefined {
  if (!isObject(step) || typeof step.base !== 'string' || typeof step.server !== 'string' || !isObject(step.entries)) return undefined;
  if (!Object.values(step.entries).every((entry) => entry === null || lockEntryProblem(entry) === undefined)) return undefined;
  return step as unknown as LockStep;
}

export function formatLock(lock: LockFile): string {
  const servers: LockFile['servers'] = {};
  for (const server of Object.keys(lock.servers).sort()) {
    const files = lock.servers[server]!;
    if (Object.keys(files).length === 0) continue;
    servers[server] = Object.fromEntries(
      Object.keys(files)
        .sort()
        .map((name) => [name, files[name]!]),
    );
  }
  return `${JSON.stringify({ version: LOCK_VERSION, servers }, null, 2)}\n`;
}

/** The entries of one server (made empty when it has none yet). */
export function serverEntries(lock: LockFile, server: string): Record<string, LockEntry> {
  lock.servers[server] ??= {};
  return lock.servers[server];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
