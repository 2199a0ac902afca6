import { chmodSync, closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError, UsageError } from '../errors';
import { forgetOnExit, removeOnExit } from './pending';

/** Why a path cannot be written that lies in the path itself. */
const BAD_PATH = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENAMETOOLONG']);

/** A new file's mode: what it holds (schedule messages) is the user's own. */
const NEW_FILE_MODE = 0o600;

/**
 * Replace a file the user named for output (e.g. `agenda --ics FILE`) whole:
 * a temp file beside it, flushed, renamed into place, so a reader never sees
 * half of it. Only a regular file, or a link to a regular file of the user's
 * own (written through, the link kept), is replaced, and it keeps its mode; a
 * new file is 0600. Anything else (a device, a fifo, a folder, a link to a
 * terminal or to /proc/self/fd/1) is refused with `elsewhere`, which says how
 * to write the text to it instead.
 */
export function replaceOutputFile(path: string, text: string, what: string, elsewhere: string, fileName?: string): void {
  const { target, mode } = outputTarget(path, what, elsewhere, fileName);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  removeOnExit(temp);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The umask may have taken bits from the mode given to open.
    chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    // A path the user gave that cannot be written there (no such folder, no permission) is bad input; a full disk is not.
    const Failure = code !== undefined && BAD_PATH.has(code) ? UsageError : CliError;
    throw new Failure(`Cannot write the ${what} ${path} (${code ?? (error as Error).message})`, `Check that the folder exists and is writable, or ${elsewhere}.`);
  } finally {
    forgetOnExit(temp);
  }
}

/** Where the write goes, and the mode the file keeps (or gets). */
function outputTarget(path: string, what: string, elsewhere: string, fileName?: string): { target: string; mode: number } {
  let found: Stats;
  try {
    found = lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { target: path, mode: NEW_FILE_MODE };
    throw new (code !== undefined && BAD_PATH.has(code) ? UsageError : CliError)(`Cannot write the ${what} ${path} (${code})`, `Check the path, or ${elsewhere}.`);
  }
  const refuse = (why: string) => new UsageError(`Not writing the ${what}: ${path} ${why}; only a regular file is replaced`, `To write to it anyway, ${elsewhere}.`);
  if (found.isFile()) return { target: path, mode: found.mode & 0o7777 };
  // Redirecting into a folder fails as well: a file in it is what was meant.
  if (found.isDirectory()) throw new UsageError(`Not writing the ${what}: ${path} is a folder`, inFolder(path, fileName));
  if (!found.isSymbolicLink()) throw refuse(`is ${kindOf(found)}`);
  const to = readlinkSync(path);
  let linked: Stats;
  try {
    linked = statSync(path);
  } catch {
    throw refuse(`is a link to ${to}, which does not exist`);
  }
  if (linked.isDirectory()) throw new UsageError(`Not writing the ${what}: ${path} is a link to the folder ${to}`, inFolder(path, fileName));
  if (!linked.isFile()) throw refuse(`is a link to ${to}, which is ${kindOf(linked)}`);
  if (process.getuid !== undefined && linked.uid !== process.getuid()) throw refuse(`is a link to ${to}, which belongs to another user`);
  const target = realpathSync(path);
  return { target, mode: linked.mode & 0o7777 };
}

/** The hint for a folder given as the file: a file in it. */
function inFolder(path: string, fileName: string | undefined): string {
  return fileName === undefined ? 'Give the path of a file in it.' : `Give the path of a file in it, such as ${join(path, fileName)}.`;
}

function kindOf(found: Stats): string {
  if (found.isCharacterDevice()) return 'a character device';
  if (found.isBlockDevice()) return 'a block device';
  if (found.isFIFO()) return 'a fifo (named pipe)';
  if (found.isSocket()) return 'a socket';
  if (found.isDirectory()) return 'a folder';
  return 'not a regular file';
}
