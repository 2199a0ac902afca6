import { existsSync } from 'node:fs';
import { appendPrivateFile, readTextFile, removePrivateFile, writePrivateFile, type FileLabel } from '../files/private-file';
import { applyLockJournal, formatLock, formatLockStep, lockJournalPath, parseLock, type ChangedEntries, type LockFile } from './lock-file';

/**
 * The lock file on disk: the file people commit, written whole, and while an
 * apply runs its journal beside it (src/ascode/lock-file.ts), one flushed line
 * per step. Whoever writes either holds the lock file's lock.
 */
export const LOCK_LABEL: FileLabel = { what: 'lock file', folderHint: 'Give another folder with -f PATH.' };
const JOURNAL_LABEL: FileLabel = { ...LOCK_LABEL, what: 'lock file journal' };

/** The lock file as the last apply left it: the file, and the steps of an apply cut off before it wrote the file. */
export function readLock(path: string): LockFile {
  const lock = parseLock(readTextFile(path, LOCK_LABEL) ?? '', path);
  applyLockJournal(lock, readTextFile(lockJournalPath(path), JOURNAL_LABEL) ?? '');
  return lock;
}

/** Write the lock file whole (atomically, flushed), then remove the journal its content now holds. */
export function writeLock(path: string, lock: LockFile): void {
  writePrivateFile(path, formatLock(lock), LOCK_LABEL);
  removePrivateFile(lockJournalPath(path), JOURNAL_LABEL);
}

/** Whether an apply left steps the lock file does not hold yet (they are read with it; writing it whole folds them in). */
export function hasLockJournal(path: string): boolean {
  return existsSync(lockJournalPath(path));
}

/** Record one step of an apply: the entries it changed, appended to the journal and flushed. */
export function appendLockStep(path: string, server: string, changed: ChangedEntries): void {
  appendPrivateFile(lockJournalPath(path), formatLockStep(server, changed), JOURNAL_LABEL);
}
