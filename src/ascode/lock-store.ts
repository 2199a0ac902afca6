import { createHash } from 'node:crypto';
import { damagedJournal } from '../files/json';
import { appendPrivateFile, flushFile, readTextFile, removePrivateFile, writePrivateFile, type FileLabel } from '../files/private-file';
import { applyLockJournal, formatLock, formatLockStep, lockJournalPath, parseLock, type ChangedEntries, type LockFile } from './lock-file';

/**
 * The lock file on disk: the file people commit, written whole, and while an
 * apply runs its journal beside it (src/ascode/lock-file.ts), one flushed line
 * per step. Whoever writes either holds the lock file's lock.
 */
export const LOCK_LABEL: FileLabel = { what: 'lock file', folderHint: 'Give another folder with -f PATH.' };
export const JOURNAL_LABEL: FileLabel = { ...LOCK_LABEL, what: 'lock file journal' };

export interface ReadLock {
  lock: LockFile;
  /** What the lock file's text hashes to: the journal's steps written over it carry it. */
  base: string;
  /** Steps of an apply under way or cut off were read from the journal: the file alone does not hold them. */
  unfolded: boolean;
}

/** What the lock file's journal steps name as the text they were written over. */
function baseOf(text: string): string {
  return baseHash().update(text).base();
}

export interface BaseHash {
  update(text: string): BaseHash;
  base(): string;
}

/** baseOf, of text handed over in pieces. */
export function baseHash(): BaseHash {
  const hash = createHash('sha256');
  const self: BaseHash = {
    update(text) {
      hash.update(text);
      return self;
    },
    base: () => hash.digest('hex').slice(0, 16),
  };
  return self;
}

/**
 * The lock file as the last apply left it: the file, and the steps of an apply cut off before it
 * wrote the file. The journal is read first, so a reader without the lock file's lock (plan) that
 * an apply overtakes sees the journal's steps as written over the file before (left out) or the
 * file as it was with them, never a mix.
 */
export function readLock(path: string): ReadLock {
  const journal = readTextFile(lockJournalPath(path), JOURNAL_LABEL) ?? '';
  const text = readTextFile(path, LOCK_LABEL) ?? '';
  const lock = parseLock(text, path);
  const base = baseOf(text);
  const { applied, damagedLine } = applyLockJournal(lock, journal, base);
  if (damagedLine !== undefined) throw damagedJournal(lockJournalPath(path), damagedLine, 'lock file journal');
  return { lock, base, unfolded: applied > 0 };
}

/** Write the lock file whole (atomically, flushed), then remove the journal its content now holds. Returns the new text's base. */
export function writeLock(path: string, lock: LockFile): string {
  const text = formatLock(lock);
  writePrivateFile(path, text, LOCK_LABEL);
  removePrivateFile(lockJournalPath(path), JOURNAL_LABEL);
  return baseOf(text);
}

/**
 * The journal of one apply over the lock file as it is now (`base`): each step
 * appended, then flushed off the event loop (done when the promise is).
 * Whatever is there already is cut off at the first step, and after a step cut
 * short (a full disk) at the next, so every step follows a whole line.
 */
export function lockJournal(path: string, base: string): { append(server: string, changed: ChangedEntries): Promise<void> } {
  let whole = 0;
  return {
    append(server, changed) {
      const journal = lockJournalPath(path);
      whole = appendPrivateFile(journal, formatLockStep(base, server, changed), JOURNAL_LABEL, whole, 'later');
      return flushFile(journal, JOURNAL_LABEL);
    },
  };
}
