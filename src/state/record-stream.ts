import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isJournalOp, keyOf, LISTS, readJournal, type JournalOp, type ListName } from './journal';
import { StateScanner } from './state-scanner';
import { fileIdentity, removePrivateFile, writePrivateFileInPieces, type FileLabel } from '../files/private-file';
import { STATE_VERSION } from './records';

/**
 * The record of intent read a record at a time: the state file scanned in pieces (StateScanner) and
 * its journal's steps laid over each record as it passes, so a command that works through the record
 * in windows (sync) holds a window, never the whole record. Gives up (undefined) on anything a whole
 * read would answer otherwise or refuse: a step this reading cannot place (a whole list written, a
 * record put under another's key, a line from before keys named servers), a file not of the shape
 * this version writes. The caller then reads the record whole.
 */

export interface StreamedRecord {
  list: ListName;
  /** Its place in its list (after the journal's steps): where a whole read would set it aside, if it is unreadable. */
  index: number;
  /** As stored (plain JSON, not yet checked). */
  record: unknown;
}

export interface RecordFiles {
  /** Top-level fields besides the lists, after the journal's steps. */
  top: Record<string, unknown>;
  /** The state file's generation (before the steps): what a step appended now is written against. */
  generation: number;
  /** Bytes of the journal read, and how many of them are complete lines. */
  journalSize: number;
  journalValid: number;
}

const CHUNK = 64 * 1024;

/** Visit every record of the state file at `path` with the journal at `journal` laid over it. */
export function streamRecords(path: string, journal: string, visit: (record: StreamedRecord) => void): RecordFiles | undefined {
  const head = topFields(path);
  if (head === undefined) return undefined;
  const generation = typeof head.generation === 'number' ? head.generation : 0;
  const steps = journalSteps(journal, generation);
  if (steps === undefined) return undefined;
  const overlay = new Overlay();
  for (const op of steps.ops) if (!overlay.apply(op)) return undefined;
  const counts: Record<ListName, number> = { intents: 0, series: 0, paused: 0 };
  const emit = (list: ListName, record: unknown) => visit({ list, index: counts[list]++, record });
  let current: ListName | undefined;
  const ended = new Set<ListName>();
  const endList = () => {
    if (current === undefined) return;
    for (const record of overlay.appended(current)) emit(current, record);
    ended.add(current);
    current = undefined;
  };
  const scanned = scan(path, {
    top: () => undefined,
    list: (list) => {
      endList();
      current = list;
    },
    record: (list, value) => {
      const laid = overlay.over(list, value);
      if (laid !== GONE) emit(list, laid);
    },
  });
  if (!scanned || overlay.doubled) return undefined;
  endList();
  for (const list of LISTS) {
    if (ended.has(list)) continue;
    for (const record of overlay.appended(list)) emit(list, record);
  }
  return { top: overlay.top ?? head, generation, journalSize: steps.size, journalValid: steps.valid };
}

/** Text is written to the file once this much of it is waiting. */
const PIECE = 64 * 1024;

/**
 * Fold the journal into the state file a record at a time, as the store's fold does whole: the records
 * with the steps laid over them written to a new file (a newer generation, so the journal's lines count
 * as in it), which takes the old one's place; then the journal is removed. The caller holds the file's
 * lock. False, with nothing changed, when streamRecords cannot read them: the caller folds them whole.
 */
export function foldInPieces(path: string, journal: string, label: FileLabel, journalLabel: FileLabel): boolean {
  let files: RecordFiles | undefined;
  let written: Record<string, unknown> | undefined;
  const done = writePrivateFileInPieces(path, label, (put) => {
    let waiting = '';
    const out = (text: string) => {
      waiting += text;
      if (waiting.length >= PIECE) {
        put(waiting);
        waiting = '';
      }
    };
    const indented = (value: unknown, by: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${by}`);
    let fields = 0;
    let open: ListName | undefined;
    let records = 0;
    const done = new Set<ListName>();
    const field = (name: string) => out(`${fields++ === 0 ? '' : ','}\n  ${JSON.stringify(name)}: `);
    const close = () => {
      if (open === undefined) return;
      out(records === 0 ? ']' : '\n  ]');
      done.add(open);
      open = undefined;
    };
    out('{');
    files = streamRecords(path, journal, ({ list, record }) => {
      if (list !== open) {
        close();
        field(list);
        out('[');
        open = list;
        records = 0;
      }
      out(`${records++ === 0 ? '' : ','}\n    ${indented(record, '    ')}`);
    });
    if (files === undefined) return false;
    close();
    for (const list of LISTS) if (!done.has(list)) (field(list), out('[]'));
    const bump = files.journalSize > 0 ? { generation: files.generation + 1 } : {};
    written = Object.fromEntries(Object.entries({ ...files.top, version: STATE_VERSION, ...bump }).filter(([name]) => !(LISTS as readonly string[]).includes(name)));
    for (const [name, value] of Object.entries(written)) {
      field(name);
      out(indented(value, '  '));
    }
    put(`${waiting}\n}\n`);
  });
  if (!done || files === undefined) return false;
  if (written) heads.set(path, { key: fileIdentity(path), top: written });
  if (files.journalSize > 0) removePrivateFile(journal, journalLabel);
  return true;
}

/** The top-level fields of each state file as last scanned (or written), while the file is the same. */
const heads = new Map<string, { key: string; top: Record<string, unknown> }>();

/** The top-level fields of the state file (a scan that parses none of the records); undefined when it cannot be scanned or is not a version this one reads. */
function topFields(path: string): Record<string, unknown> | undefined {
  const key = fileIdentity(path);
  const known = heads.get(path);
  if (known && key !== '' && known.key === key) return known.top;
  const top = scanTop(path);
  if (top && key !== '') heads.set(path, { key, top });
  return top;
}

function scanTop(path: string): Record<string, unknown> | undefined {
  const top: Record<string, unknown> = {};
  const scanned = scan(path, { top: (field, value) => (top[field] = value), list: () => undefined, record: () => undefined }, false);
  if (!scanned) return undefined;
  // A missing file is an empty record; a version this one cannot read is refused by a whole read.
  if (scanned === 'missing') return { version: STATE_VERSION };
  return top.version === 1 || top.version === STATE_VERSION ? top : undefined;
}

/** The journal's steps this reading can lay over the file (those of its generation or later), or undefined. */
function journalSteps(journal: string, generation: number): { ops: JournalOp[]; size: number; valid: number } | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileBytes(journal));
  } catch {
    return undefined;
  }
  const { lines, bytes, damagedLine } = readJournal(text);
  if (damagedLine !== undefined) return undefined;
  const ops: JournalOp[] = [];
  for (const line of lines) {
    if (line.k !== 2 || !line.ops.every(isJournalOp)) return undefined;
    if (line.g >= generation) ops.push(...line.ops);
  }
  return { ops, size: Buffer.byteLength(text), valid: bytes };
}

function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
}

/** Scan the file in chunks; 'missing' when there is none. `records`: whether list elements are parsed at all. */
function scan(path: string, parts: ConstructorParameters<typeof StateScanner>[0], records = true): boolean | 'missing' {
  let fd: number;
  try {
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : false;
  }
  const scanner = new StateScanner(parts, records);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = Buffer.alloc(CHUNK);
  let first = true;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      let text = decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      if (!scanner.push(text)) return false;
      if (read === 0) return scanner.end();
    }
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

const GONE = Symbol('gone');

/** A record the journal's steps wrote: in place of the stored record of its key (when there is one), else at its list's end. */
interface Slot {
  list: ListName;
  key: string | undefined;
  record: unknown;
  /** Takes the place of the stored record of `key`, if there is one (else it was added at the end). */
  inPlace: boolean;
  /** The stored record it took the place of was met. */
  met: boolean;
}

/**
 * The journal's steps as what each leaves of each record (applyOps's meaning, reached without the records):
 * a put takes the place of the record of its key, or is added at the end when there is none; a del
 * removes it. Whether a stored record has that key is known only as the file passes, so each slot
 * waits for it: met, it is in the stored record's place; not met by the end, at the end, in the
 * order the steps added them.
 */
class Overlay {
  top: Record<string, unknown> | undefined;
  private readonly slots: Slot[] = [];
  /** Slots whose record is there now, by list and key. */
  private readonly live = new Map<string, Slot>();
  /** Stored records a slot took (a later put of the same key, after a del, goes at the end). */
  private readonly taken = new Map<string, Slot>();
  /**
   * A second stored record of a key the steps name was met: which of the two each step meant (a whole read takes the
   * first still there, for each step in turn) is not placed here.
   */
  doubled = false;

  apply(op: JournalOp): boolean {
    if (op.op === 'top') {
      this.top = Object.fromEntries(Object.entries(op.fields).filter(([field]) => field !== 'skipped'));
      return true;
    }
    if (op.op === 'list') return false;
    const id = (key: string) => `${op.list}\n${key}`;
    if (op.op === 'del') {
      if (typeof op.key !== 'string') return true;
      const slot = this.live.get(id(op.key));
      if (slot) {
        slot.record = GONE;
        this.live.delete(id(op.key));
      } else if (!this.taken.has(id(op.key))) this.add({ list: op.list, key: op.key, record: GONE, inPlace: true, met: false });
      return true;
    }
    const own = keyOf(op.list, op.record);
    // A record put under another's key: where it lands depends on records this reading has not met.
    if (op.key !== undefined && op.key !== own) return false;
    if (own === undefined) {
      this.add({ list: op.list, key: undefined, record: op.record, inPlace: false, met: false });
      return true;
    }
    const slot = this.live.get(id(own));
    if (slot) slot.record = op.record;
    else this.add({ list: op.list, key: own, record: op.record, inPlace: !this.taken.has(id(own)), met: false });
    return true;
  }

  private add(slot: Slot): void {
    this.slots.push(slot);
    if (slot.key === undefined) return;
    const id = `${slot.list}\n${slot.key}`;
    if (slot.record !== GONE) this.live.set(id, slot);
    if (slot.inPlace) this.taken.set(id, slot);
  }

  /** A stored record as the steps left it (GONE when removed). */
  over(list: ListName, record: unknown): unknown {
    const key = keyOf(list, record);
    if (key === undefined) return record;
    const slot = this.taken.get(`${list}\n${key}`);
    if (slot?.met) this.doubled = true;
    if (!slot || slot.met) return record;
    slot.met = true;
    return slot.record;
  }

  /** The records the steps added at the end of `list`, in the order they were added. */
  appended(list: ListName): unknown[] {
    return this.slots.filter((slot) => slot.list === list && slot.record !== GONE && (!slot.inPlace || !slot.met)).map((slot) => slot.record);
  }
}
