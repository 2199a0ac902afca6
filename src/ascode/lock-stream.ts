import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { UsageError } from '../errors';
import { JsonScanner, type JsonParts } from '../files/json-scanner';
import { fileIdentity, readTextFile, removePrivateFile, statsIdentity, writePrivateFileInPieces } from '../files/private-file';
import { LOCK_VERSION, lockEntryProblem, lockJournalPath, lockJournalSteps, type ChangedEntries, type LockEntry, type LockFile, type LockStep } from './lock-file';
import { baseHash, JOURNAL_LABEL, LOCK_LABEL, lockJournal, readLock, writeLock } from './lock-store';
import type { LockEntries } from './load';

/**
 * The lock file read and folded an entry at a time, for a command that works through it in windows:
 * the file scanned in pieces (JsonScanner), the journal's steps laid over each entry as it passes.
 * The file is read twice over one open descriptor (writers replace it by rename, so both passes see
 * one version): first to check it as parseLock would and hash it (the base says which steps apply),
 * then to hand out its entries; the first is skipped while the file is the one last checked.
 * Anything this does not stream (a shape or an order this tool does not write, an error to report)
 * is read whole by readLock instead, so callers get readLock's answers and errors either way.
 */

export type LockVisit = (server: string, name: string, entry: LockEntry) => void;

const CHUNK = 64 * 1024;

/**
 * Every entry of the lock file, with the lock journal's steps that apply laid over it (readLock's
 * answer), handed out one at a time: servers in order, each server's names in order (the order
 * formatLock writes). Entries the journal deleted are not visited; entries only the journal has are.
 * Holds one entry at a time and the journal's entries (and, while the file is checked, one server's
 * ids), never the whole file.
 * Errors are readLock's, thrown before any entry is visited.
 */
export function eachLockEntry(path: string, visit: LockVisit): void {
  const opened = openLock(path);
  if (opened === undefined) return visitWhole(readLock(path).lock, visit);
  try {
    passEntries(path, opened, visit);
  } finally {
    if (opened.fd !== undefined) closeSync(opened.fd);
  }
}

/**
 * Fold the journal into the lock file: the text written is exactly formatLock(readLock(path).lock),
 * in pieces, atomically (0600, flushed), then the journal is removed. Returns the new text's base,
 * as writeLock does. Nothing to fold (no step of the journal applies): the current base, nothing written.
 * The caller holds the lock file's lock.
 */
export function foldLock(path: string): string {
  const opened = openLock(path);
  if (opened === undefined) {
    const read = readLock(path);
    return read.unfolded ? writeLock(path, read.lock) : read.base;
  }
  const hash = baseHash();
  // Whether the text written gives an id to two files (steps can): then it is checked again when next read.
  let doubled = false;
  try {
    if (opened.steps === 0) return opened.base;
    writePrivateFileInPieces(path, LOCK_LABEL, (put) => {
      let waiting = '';
      const out = (text: string) => {
        waiting += text;
        if (waiting.length < CHUNK) return;
        put(waiting);
        hash.update(waiting);
        waiting = '';
      };
      let server: string | undefined;
      let names = 0;
      let servers = 0;
      let owned = new Set<string>();
      out(`{\n  "version": ${LOCK_VERSION},\n  "servers": {`);
      passEntries(path, opened, (at, name, entry) => {
        if (at !== server) {
          if (server !== undefined) out('\n    }');
          out(`${servers++ === 0 ? '' : ','}\n    ${JSON.stringify(at)}: {`);
          server = at;
          names = 0;
          owned = new Set();
        }
        for (const id of new Set(entry.ids)) {
          if (owned.has(id)) doubled = true;
          owned.add(id);
        }
        out(`${names++ === 0 ? '' : ','}\n      ${JSON.stringify(name)}: ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n      ')}`);
      });
      const last = `${waiting}${server === undefined ? '}\n}\n' : '\n    }\n  }\n}\n'}`;
      put(last);
      hash.update(last);
    });
  } finally {
    if (opened.fd !== undefined) closeSync(opened.fd);
  }
  removePrivateFile(lockJournalPath(path), JOURNAL_LABEL);
  const base = hash.base();
  checked.set(path, { key: fileIdentity(path), base, streams: !doubled });
  return base;
}

/** The lock file's base (what lockJournal(path, base) needs; readLock(path).base), read in pieces or known from the last read of this file. */
export function lockBase(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const known = checkedFile(path, fd);
    if (known.base !== undefined) return known.base;
  } catch {
    // Read whole below: a missing file has the base of no text, and a file that cannot be read gives readTextFile's error.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return baseHash()
    .update(readTextFile(path, LOCK_LABEL) ?? '')
    .base();
}

/** What a check of a version of the lock file (its identity: `key`) found. */
interface Checked {
  key: string;
  /** undefined: the file is not UTF-8 text. */
  base: string | undefined;
  /** Whether its entries can be read a piece at a time: a file this tool writes, and one readLock reads without an error. */
  streams: boolean;
}

/** Each lock file's last check, while the file is the same. */
const checked = new Map<string, Checked>();

interface Opened {
  /** undefined: there is no lock file. */
  fd: number | undefined;
  base: string;
  /** The journal's entries that apply, by server, servers and names sorted. */
  overlay: Overlay;
  steps: number;
}

type Overlay = Array<[string, Array<[string, LockEntry | null]>]>;

/** The lock file opened, checked and its journal's steps read; undefined when it is to be read whole. */
function openLock(path: string): Opened | undefined {
  // The journal first, as readLock reads it (a reader an apply overtakes sees its steps over the file before, left out).
  const journal = readTextFile(lockJournalPath(path), JOURNAL_LABEL) ?? '';
  let fd: number | undefined;
  let base: string;
  try {
    fd = openSync(path, 'r');
    const known = checkedFile(path, fd);
    if (!known.streams || known.base === undefined) throw WHOLE;
    base = known.base;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
    fd = undefined;
    base = baseHash().update('').base();
  }
  const { steps, damagedLine } = lockJournalSteps(journal, base);
  const overlay = damagedLine === undefined ? overlayOf(steps) : undefined;
  if (overlay === undefined) {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
  return { fd, base, overlay, steps: steps.length };
}

const WHOLE = new Error('read whole');

/** The check of the file open at `fd`: the last one while the file is the same, else a pass over it. */
function checkedFile(path: string, fd: number): Checked {
  const stats = fstatSync(fd);
  if (!stats.isFile()) throw WHOLE;
  const key = statsIdentity(stats);
  const known = checked.get(path);
  if (known?.key === key) return known;
  const hash = baseHash();
  const parts = new LockParts();
  const scanner = new JsonScanner(parts, (depth) => depth >= 3);
  let scanning = true;
  const utf8 = readPieces(fd, (text) => {
    hash.update(text);
    if (scanning) scanning = scanner.push(text);
    return true;
  });
  const streams = utf8 && scanning && scanner.end() && (scanner.blank || parts.complete);
  const found = { key, base: utf8 ? hash.base() : undefined, streams };
  checked.set(path, found);
  return found;
}

/** The second pass: the file's entries, the overlay laid over them. */
function passEntries(path: string, opened: Opened, visit: LockVisit): void {
  const merge = new Merge(opened.overlay, visit);
  if (opened.fd !== undefined) {
    const scanner = new JsonScanner(new LockParts(merge), (depth) => depth >= 3);
    // Only a file changed in place since the first pass (not by this tool, which replaces it) reads otherwise.
    if (!readPieces(opened.fd, (text) => scanner.push(text)) || !scanner.end()) {
      throw new UsageError(`The lock file ${path} changed while it was being read`, 'Run the command again, once nothing else is changing it.');
    }
  }
  merge.finish();
}

/** The file's text from its start, a piece at a time, without a leading byte-order mark (as readTextFile reads it); false when it is not UTF-8 or `each` stops. */
function readPieces(fd: number, each: (text: string) => boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = Buffer.alloc(CHUNK);
  for (let position = 0; ;) {
    const read = readSync(fd, buffer, 0, CHUNK, position);
    position += read;
    let text: string;
    try {
      text = decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
    } catch {
      return false;
    }
    if (!each(text)) return false;
    if (read === 0) return true;
  }
}

/**
 * The lock file's parts as the scanner passes them, checked as parseLock checks them, in the shape
 * formatLock writes (names in order, none a whole read would place or treat otherwise): any other
 * stops the scan. With a Merge, each entry is handed on.
 */
class LockParts implements JsonParts {
  private field = '';
  private readonly fields = new Set<string>();
  private server: string | undefined;
  private name: string | undefined;
  /** The ids of the server being read (parseLock's "two files owning one id"), while checking (no Merge: the first pass). */
  private owned = new Set<string>();

  constructor(private readonly merge?: Merge) {}

  get complete(): boolean {
    return this.fields.size === 2;
  }

  open(depth: number, array: boolean): boolean {
    if (array) return false;
    if (depth === 1) return this.field === 'servers';
    if (depth === 2) {
      this.name = undefined;
      this.owned = new Set();
    }
    return true;
  }

  close(depth: number): boolean {
    if (depth === 2) this.merge?.endServer();
    return true;
  }

  key(depth: number, name: string): boolean {
    if (depth === 1) {
      if ((name !== 'version' && name !== 'servers') || this.fields.has(name)) return false;
      this.fields.add(name);
      this.field = name;
      return true;
    }
    if (!plainKey(name)) return false;
    if (depth === 2) {
      if (this.server !== undefined && !(name > this.server)) return false;
      this.server = name;
      this.merge?.startServer(name);
      return true;
    }
    if (this.name !== undefined && !(name > this.name)) return false;
    this.name = name;
    return true;
  }

  value(depth: number, value: unknown): boolean {
    if (depth === 1) return this.field === 'version' && value === LOCK_VERSION;
    if (depth !== 3 || lockEntryProblem(value) !== undefined) return false;
    const entry = value as LockEntry;
    if (this.merge) {
      this.merge.entry(this.name!, entry);
      return true;
    }
    for (const id of new Set(entry.ids)) {
      if (this.owned.has(id)) return false;
      this.owned.add(id);
    }
    return true;
  }
}

/**
 * A name a whole read keeps where the file has it: not one JavaScript puts first (an array index)
 * or that an object already answers for (`__proto__`, `constructor`: a step naming such a server
 * writes to the prototype, not the lock).
 */
function plainKey(name: string): boolean {
  return !/^(?:0|[1-9]\d*)$/.test(name) && !(name in Object.prototype);
}

/** The steps' entries, the last step's for each name; undefined when a name is not plain. */
function overlayOf(steps: LockStep[]): Overlay | undefined {
  const servers = new Map<string, Map<string, LockEntry | null>>();
  for (const step of steps) {
    if (!plainKey(step.server)) return undefined;
    const entries = servers.get(step.server) ?? new Map<string, LockEntry | null>();
    servers.set(step.server, entries);
    for (const [name, entry] of Object.entries(step.entries)) {
      if (!plainKey(name)) return undefined;
      entries.set(name, entry);
    }
  }
  return [...servers].sort(byName).map(([server, entries]) => [server, [...entries].sort(byName)]);
}

const byName = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The file's entries (in order) and the overlay's (in order) merged: where both have a name, the overlay's. */
class Merge {
  private nextServer = 0;
  private server = '';
  private entries: Array<[string, LockEntry | null]> = [];
  private nextEntry = 0;

  constructor(
    private readonly overlay: Overlay,
    private readonly visit: LockVisit,
  ) {}

  startServer(server: string): void {
    while (this.nextServer < this.overlay.length && this.overlay[this.nextServer]![0] < server) this.onlyJournal();
    this.server = server;
    this.entries = this.overlay[this.nextServer]?.[0] === server ? this.overlay[this.nextServer++]![1] : [];
    this.nextEntry = 0;
  }

  entry(name: string, entry: LockEntry): void {
    while (this.nextEntry < this.entries.length && this.entries[this.nextEntry]![0] < name) this.laid(this.entries[this.nextEntry++]!);
    if (this.entries[this.nextEntry]?.[0] === name) this.laid(this.entries[this.nextEntry++]!);
    else this.visit(this.server, name, entry);
  }

  endServer(): void {
    while (this.nextEntry < this.entries.length) this.laid(this.entries[this.nextEntry++]!);
  }

  finish(): void {
    while (this.nextServer < this.overlay.length) this.onlyJournal();
  }

  /** A server only the journal has. */
  private onlyJournal(): void {
    [this.server, this.entries] = this.overlay[this.nextServer++]!;
    this.nextEntry = 0;
    this.endServer();
  }

  private laid([name, entry]: [string, LockEntry | null]): void {
    if (entry !== null) this.visit(this.server, name, entry);
  }
}

/** A lock read whole, visited in the same order. */
function visitWhole(lock: LockFile, visit: LockVisit): void {
  for (const server of Object.keys(lock.servers).sort()) {
    const entries = lock.servers[server]!;
    for (const name of Object.keys(entries).sort()) visit(server, name, entries[name]!);
  }
}

/** Past this size the journal is written into the lock file between windows: a pass over the file lays it over every entry. */
const FOLD_AT = 256 * 1024;

/**
 * The lock file as an apply works through it a window at a time: each pass reads this server's entries with the steps
 * recorded so far laid over them; the steps go to the journal; the journal is written into the file when it grows
 * large and when the apply ends. A journal an apply cut off left is written into the file first (not under --dry-run,
 * which writes nothing and reads it laid over the file).
 */
export class LockOnDisk implements LockEntries {
  private journal: ReturnType<typeof lockJournal>;

  constructor(
    readonly path: string,
    private readonly server: string,
    private readonly dryRun: boolean,
  ) {
    this.journal = lockJournal(path, dryRun ? lockBase(path) : foldLock(path));
  }

  each(visit: (name: string, entry: LockEntry) => void): void {
    eachLockEntry(this.path, (server, name, entry) => {
      if (server === this.server) visit(name, entry);
    });
  }

  /** Record a step: the entries it changed (null: gone). Nothing is written under --dry-run. */
  record(changed: ChangedEntries): Promise<void> | undefined {
    if (!this.dryRun) return this.journal.append(this.server, changed);
  }

  /** Write the journal into the lock file: `always`, or only once it is large. */
  fold(always: boolean): void {
    if (this.dryRun || !existsSync(lockJournalPath(this.path)) || (!always && statSync(lockJournalPath(this.path)).size <= FOLD_AT)) return;
    this.journal = lockJournal(this.path, foldLock(this.path));
  }
}
