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
  ok: boolean;
  exit_code: number;
  /** Replacements, top-ups, records marked gone: one line each. */
  changed: string[];
  errors: string[];
  /** Agents this key could not see, and why. */
  skipped: string[];
}

const LABEL: FileLabel = { what: 'sync outcome file', folderHint: 'Point LETTA_SWITCHBOARD_STATE_DIR at a folder of your own, or unset it.' };

export function syncOutcomePath(env: Env, home: string): string {
  return join(stateDir(env, home), 'last-sync.json');
}

/** The last sync's outcome per server (empty when none was written, or the file cannot be read). */
export function readSyncOutcomes(env: Env, home: string): Record<string, SyncOutcomeRecord> {
  const path = syncOutcomePath(env, home);
  try {
    const text = readTextFile(path, LABEL);
    if (text === undefined || text.trim() === '') return {};
    const data = parseJsonFile(text, path, LABEL.what, 'It is rewritten by the next sync.') as { servers?: Record<string, SyncOutcomeRecord> };
    return data && typeof data.servers === 'object' && data.servers !== null ? data.servers : {};
  } catch (error) {
    if (error instanceof UsageError) return {};
    throw error;
  }
}

/** Write one server's outcome, keeping the others'. */
export function writeSyncOutcome(env: Env, home: string, outcome: SyncOutcomeRecord): void {
  const path = syncOutcomePath(env, home);
  withFileLockSync(path, LABEL, () => {
    const servers = { ...readSyncOutcomes(env, home), [outcome.server]: outcome };
    writePrivateFile(path, `${JSON.stringify({ servers }, null, 2)}\n`, LABEL);
  });
}
