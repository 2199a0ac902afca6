import { join } from 'node:path';
import { UsageError } from '../errors';
import { parseJsonFile } from '../files/json';
import { readTextFile, withFileLockSync, writePrivateFile, type FileLabel } from '../files/private-file';
import { stateDir } from './store';

type Env = Record<string, string | undefined>;

/** What the last sync against one server did: `status` and the stale-sync notice read it. */
export interface SyncOutcomeRecord {
  /** ISO 8601. */
  at: string;
  server: string;
  /** The one agent a sync was kept to (--agent-id, or the default agent); absent for a sync of every agent. */
  agent_id?: string;
  ok: boolean;
  exit_code: number;
  /** Replacements, top-ups, records marked gone: one line each. */
  changed: string[];
  errors: string[];
  /** Agents this key could not see, and why. */
  skipped: string[];
  /** How many lines of each kind the sync said: more than the lists keep after a large sync (absent in files from before). */
  counts?: { changed: number; errors: number; skipped: number };
}

/**
 * The lines of each kind an outcome keeps: `status` shows them and counts the rest. A sync of
 * thousands of replacements would otherwise hold every line to the end, and write them all.
 */
export const LINES_KEPT = 20;

/** The lines of an outcome, as OutcomeLines gives them. */
export type OutcomeLineFields = Pick<SyncOutcomeRecord, 'changed' | 'errors' | 'skipped' | 'counts'>;

/** A sync's lines as it says them: the first LINES_KEPT of each kind, and how many there were. */
export class OutcomeLines {
  readonly changed: string[] = [];
  readonly errors: string[] = [];
  readonly skipped: string[] = [];
  readonly counts = { changed: 0, errors: 0, skipped: 0 };

  add(kind: 'changed' | 'errors' | 'skipped', line: string): void {
    this.counts[kind]++;
    if (this[kind].length < LINES_KEPT) this[kind].push(line);
  }

  /** The outcome's fields, with `stoppedBy` (the error that ended the sync) kept whatever the count. */
  fields(stoppedBy?: string): OutcomeLineFields {
    const errors = stoppedBy === undefined ? this.errors : [...this.errors, stoppedBy];
    const counts = { ...this.counts, errors: this.counts.errors + (stoppedBy === undefined ? 0 : 1) };
    return { changed: this.changed, errors, skipped: this.skipped, counts };
  }
}

const LABEL: FileLabel = { what: 'sync outcome file', folderHint: 'Point LETTA_SWITCHBOARD_STATE_DIR at a folder of your own, or unset it.' };

export function syncOutcomePath(env: Env, home: string): string {
  return join(stateDir(env, home), 'last-sync.json');
}

/** The last sync's outcome per server (empty when none was written, or the file cannot be read: then `damaged` is told why). */
export function readSyncOutcomes(env: Env, home: string, damaged?: (why: string) => void): Record<string, SyncOutcomeRecord> {
  const path = syncOutcomePath(env, home);
  try {
    const text = readTextFile(path, LABEL);
    if (text === undefined || text.trim() === '') return {};
    const data = parseJsonFile(text, path, LABEL.what, 'It is rewritten by the next sync.') as { servers?: Record<string, SyncOutcomeRecord> };
    return data && typeof data.servers === 'object' && data.servers !== null ? data.servers : {};
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    damaged?.(error.message);
    return {};
  }
}

/**
 * Write one server's outcome, keeping the others' (with `replaceOnly`, only over one already there). A sync of one agent
 * that went well does not stand for a failed sync of every agent or of another agent: the failure is kept until a sync
 * covering it goes well, so `status` still says it.
 */
export function writeSyncOutcome(env: Env, home: string, outcome: SyncOutcomeRecord, { replaceOnly = false } = {}): void {
  const path = syncOutcomePath(env, home);
  withFileLockSync(path, LABEL, () => {
    const before = readSyncOutcomes(env, home);
    const kept = before[outcome.server];
    if (replaceOnly && kept === undefined) return;
    if (outcome.ok && outcome.agent_id !== undefined && kept && !kept.ok && kept.agent_id !== outcome.agent_id) return;
    const servers = { ...before, [outcome.server]: outcome };
    writePrivateFile(path, `${JSON.stringify({ servers }, null, 2)}\n`, LABEL);
  });
}
