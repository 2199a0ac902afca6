import {
  chmodSync,
  close,
  closeSync,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  open,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, join } from 'node:path';
import { CliError, UsageError } from '../errors';
import { lock, lockSync, processAlive, type HeldLock, type LockOptions } from './lock';
import { forgetOnExit, removeOnExit } from './pending';

/**
 * Private files (the config, the record of intent): read with or without a
 * byte-order mark; written whole (temp file, fsync, rename) at 0600, under a
 * lock, into a folder that is 0700 when this tool made it. A folder that was
 * already there is never chmodded; a symlinked file is written through only to
 * a target the user owns and nobody else can change.
 */
export interface FileLabel {
  /** The file in the user's words: "config file", "state file". */
  what: string;
  /** One line telling how to point the tool elsewhere (shown under folder errors). */
  folderHint: string;
}

/** A file that is not UTF-8 text: read as such, its bad bytes would be replacement characters (sent on, in a message). */
export class NotUtf8Error extends UsageError {
  constructor(
    readonly path: string,
    readonly line: number,
    what: string,
  ) {
    super(`The ${what} ${path} is not UTF-8 text (line ${line})`, 'Save it as UTF-8.');
  }
}

/** The file's text without a byte-order mark, or undefined when there is no file; a NotUtf8Error when it is not UTF-8. */
export function readTextFile(path: string, label: FileLabel): string | undefined {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (!isUtf8(bytes)) throw new NotUtf8Error(path, firstBadLine(bytes), label.what);
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof NotUtf8Error) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new UsageError(`The ${label.what} ${path} is a folder, not a regular file`, 'Move it away.');
    throw new UsageError(`Cannot read the ${label.what} ${path} (${code ?? (error as Error).message})`, `Check that you can read it. ${label.folderHint}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The line (1-based) of the first byte that is not UTF-8, in bytes that are not all UTF-8. */
function firstBadLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return line;
    }
    if (bytes[i] === 0x0a) line++;
  }
  return line;
}

/** Run `body` holding the file's lock (blocking while waiting): for short read-change-write steps. */
export function withFileLockSync<T>(path: string, label: FileLabel, body: () => T, options: LockOptions = {}): T {
  makePrivateFolder(dirname(path), label, path);
  let held: HeldLock;
  try {
    held = lockSync(lockPathFor(path), { what: `the ${label.what} ${path}`, ...options });
  } catch (error) {
    throw cannotWrite(path, label, error);
  }
  try {
    return body();
  } finally {
    held.release();
  }
}

/** Run `body` holding the file's lock, waiting without blocking the event loop. */
export async function withFileLock<T>(path: string, label: FileLabel, body: () => T, options: LockOptions = {}): Promise<T> {
  makePrivateFolder(dirname(path), label, path);
  let held: HeldLock;
  try {
    held = await lock(lockPathFor(path), { what: `the ${label.what} ${path}`, ...options });
  } catch (error) {
    throw cannotWrite(path, label, error);
  }
  try {
    return body();
  } finally {
    held.release();
  }
}

/** What tells one version of a file from another (inode, size, times); '' when there is none. */
export function fileIdentity(path: string): string {
  try {
    return statsIdentity(statSync(path));
  } catch {
    return '';
  }
}

/** fileIdentity of a file already open (its fstat): the version being read, whatever takes its path meanwhile. */
export function statsIdentity(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** `.config.json.lock` beside `config.json`. */
export function lockPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

/**
 * Replace the file's contents atomically, flushed to disk, at mode 0600. The
 * caller holds the file's lock. Temp files left by writers that died are
 * removed first.
 */
export function writePrivateFile(path: string, text: string, label: FileLabel): void {
  writePrivateFileInPieces(path, label, (put) => put(text));
}

/**
 * writePrivateFile with the text handed over in pieces (`write` calls `put` with each, in order), so a
 * large file is written in the memory of a piece. `write` returning false leaves the file as it was.
 * Returns whether the file was written.
 */
export function writePrivateFileInPieces(path: string, label: FileLabel, write: (put: (text: string) => void) => boolean | void): boolean {
  makePrivateFolder(dirname(path), label, path);
  const target = writeTarget(path, label);
  const dir = dirname(target);
  removeOrphanTempFiles(dir, basename(target));
  const temp = join(dir, `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  removeOnExit(temp);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    let written: boolean;
    try {
      written = write((text) => writeFileSync(fd, text)) !== false;
      if (written) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!written) {
      rmSync(temp, { force: true });
      return false;
    }
    // The umask may have taken bits from the mode given to open; the file must be exactly 0600.
    chmodSync(temp, 0o600);
    renameSync(temp, target);
    syncFolder(dir);
    return true;
  } catch (error) {
    rmSync(temp, { force: true });
    throw cannotWrite(path, label, error);
  } finally {
    forgetOnExit(temp);
  }
}

/**
 * Append `text` to the file (made 0600 if new), flushed to disk, or with `flush: 'later'` left for
 * the caller to flush with flushFile once it lets the file's lock go. The caller holds the file's
 * lock. Bytes past `keep` (a write a crash cut short) are cut off first, so the text starts on a line
 * of its own. Returns the file's size after.
 */
export function appendPrivateFile(path: string, text: string, label: FileLabel, keep?: number, flush: 'now' | 'later' = 'now'): number {
  makePrivateFolder(dirname(path), label, path);
  const target = writeTarget(path, label);
  try {
    const fd = openSync(target, 'a', 0o600);
    try {
      const size = fstatSync(fd).size;
      if (keep !== undefined && size > keep) ftruncateSync(fd, keep);
      writeFileSync(fd, text);
      if (flush === 'now') fsyncSync(fd);
      return fstatSync(fd).size;
    } finally {
      closeSync(fd);
      // The umask may have taken bits from the mode given to open.
      chmodSync(target, 0o600);
    }
  } catch (error) {
    throw cannotWrite(path, label, error);
  }
}

/** Per file, the flush under way and the one that waits for it (see flushFile). */
const flushes = new Map<string, { running?: Promise<void>; next?: Promise<void> }>();

/**
 * Flush what was written to the file to disk, off the event loop: a sync of a thousand steps waited
 * a millisecond or more for each step's flush with every request it had in flight held up meanwhile.
 * The flush waited for starts after the caller's write; callers that come while one is under way
 * share the next. A file gone meanwhile (a journal folded into its state file) has nothing to flush.
 */
export function flushFile(path: string, label: FileLabel): Promise<void> {
  const entry = flushes.get(path) ?? {};
  flushes.set(path, entry);
  if (entry.next) return entry.next;
  const start = (): Promise<void> => {
    const running = syncFile(path, label).finally(() => {
      if (entry.running === running) entry.running = undefined;
      if (entry.running === undefined && entry.next === undefined) flushes.delete(path);
    });
    entry.running = running;
    return running;
  };
  if (entry.running === undefined) return start();
  // The flush under way may have begun before this caller's write.
  entry.next = entry.running
    .catch(() => undefined)
    .then(() => {
      entry.next = undefined;
      return start();
    });
  return entry.next;
}

/** fsync by path, on the thread pool (node:fs's callbacks: node:fs/promises loads node:os on Node 24, which start-up does without). */
function syncFile(path: string, label: FileLabel): Promise<void> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (opening, fd) => {
      if (opening) return opening.code === 'ENOENT' ? resolve() : reject(cannotWrite(path, label, opening));
      fsync(fd, (syncing) => close(fd, () => (syncing ? reject(cannotWrite(path, label, syncing)) : resolve())));
    });
  });
}

/** Remove the file if it is there (the caller holds its lock). */
export function removePrivateFile(path: string, label: FileLabel): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    throw cannotWrite(path, label, error);
  }
}

/**
 * Make the folder (and any missing parents) at 0700. Only folders made here
 * are chmodded; an existing one is used as it is, and a path that is not a
 * folder is an error.
 */
export function makePrivateFolder(dir: string, label: FileLabel, file?: string): void {
  const missing: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const found = statOrUndefined(current, label, file);
    if (found) {
      if (!found.isDirectory()) throw notAFolder(current, label, file);
      break;
    }
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(folder, label, error, file);
      // Made by someone else meanwhile: theirs, so left as it is.
      if (!statOrUndefined(folder, label, file)?.isDirectory()) throw notAFolder(folder, label, file);
      continue;
    }
    chmodSync(folder, 0o700);
  }
}

/** Where a write really goes: the path itself, or a symlink's target when that is safe to write. */
function writeTarget(path: string, label: FileLabel): string {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw cannotWrite(path, label, error);
  }
  if (!link.isSymbolicLink()) {
    if (!link.isFile()) throw new UsageError(`The ${label.what} ${path} is not a regular file`, 'Move it away; this tool writes only regular files.');
    return path;
  }
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    throw new UsageError(`The ${label.what} ${path} is a link to ${readlinkSync(path)}, which does not exist`, 'Create the file it points to, or remove the link.');
  }
  const found = statSync(target);
  const refuse = (why: string, hint: string) => new UsageError(`The ${label.what} ${path} is a link to ${target}, ${why}; not writing through it`, hint);
  if (!found.isFile()) throw refuse('which is not a regular file', 'Point the link at a regular file, or remove the link.');
  if (!ownedByUser(found)) throw refuse('which belongs to another user', 'Point the link at a file of your own, or remove the link.');
  if ((found.mode & 0o022) !== 0) {
    throw refuse(`which others can change (mode ${(found.mode & 0o777).toString(8).padStart(4, '0')})`, `Make it private (chmod 600 ${target}) or remove the link.`);
  }
  // Root owns every system file, so "a file of the user" would let a planted link aim a write anywhere.
  if (process.getuid?.() === 0) throw refuse('and running as root, this tool writes through no link', 'Replace the link with the file itself.');
  return target;
}

function ownedByUser(stats: Stats): boolean {
  return process.getuid === undefined || stats.uid === process.getuid();
}

/** The files whose folder this process has already cleaned of orphans: once is enough, and a folder may hold hundreds of other files. */
const cleaned = new Set<string>();

/** Remove `.name.<pid>.<random>.tmp` files whose writer is no longer running (killed mid-write); once per file and process. */
function removeOrphanTempFiles(dir: string, name: string): void {
  if (cleaned.has(join(dir, name))) return;
  cleaned.add(join(dir, name));
  const prefix = `.${name}.`;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number(/^(\d+)\.[0-9a-z]+\.tmp$/.exec(entry.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    rmSync(join(dir, entry), { force: true });
  }
}

/** Make the rename itself durable; not every platform can open a folder for this, and then it is skipped. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the data itself is already flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function statOrUndefined(path: string, label: FileLabel, file?: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is not a folder; the walk up finds and names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw cannotWrite(path, label, error, file);
  }
}

/** Folder errors name the file the user asked to write (when known), then the folder at fault. */
function notAFolder(path: string, label: FileLabel, file?: string): UsageError {
  return new UsageError(`Cannot write the ${label.what}${file ? ` ${file}` : ''}: ${path} is not a folder`, label.folderHint);
}

/** `file` given: `path` is a folder on the way to it. */
function cannotWrite(path: string, label: FileLabel, error: unknown, file?: string): CliError {
  // Errors already in the user's terms (a busy lock, a refused link, Ctrl-C) pass as they are.
  if (error instanceof CliError) return error;
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const subject = file === undefined ? `the ${label.what} ${path}` : file === path ? `the ${label.what} ${file}` : `the ${label.what} ${file}: the folder ${path}`;
  return new UsageError(`Cannot write ${subject} (${reason})`, `Check that the folder is writable. ${label.folderHint}`);
}
