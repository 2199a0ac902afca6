import { journalLines } from '../files/json';
import { readable } from './parse';
import { onServer, serverNamed, type State } from './records';

/**
 * The record's journal: each step (one `update`) as one line of JSON, appended
 * beside the state file, so recording a step costs what the step changed, not
 * the whole record. Pure: what a change amounts to (tracked through a view of
 * the state) and how lines apply to the file's data; src/state/store.ts does
 * the reading, appending and folding.
 */

export type ListName = 'intents' | 'series' | 'paused';
export const LISTS: readonly ListName[] = ['intents', 'series', 'paused'];
const KEY: Record<ListName, string> = { intents: 'schedule_id', series: 'series_id', paused: 'old_id' };

/** Whether a stored record is one of `server`'s (onServer, with the server the record names and those it is not on). */
export function inScope(list: ListName, record: unknown, server: string): boolean {
  const notOn = list === 'paused' ? undefined : (record as { not_on?: unknown } | null)?.not_on;
  return onServer({ server: serverNamed(list, record), not_on: Array.isArray(notOn) ? notOn : undefined }, server);
}

/**
 * A state with only the records of `server` (see inScope): what a command talking to that server
 * sees, so two servers that hand out the same ids never mix their records. Its lists are new
 * arrays of the same records, as are the records set aside as unreadable (those it names); its
 * other fields are the state's. When every record is the server's (one server, the usual case),
 * the state itself: a step made on it is made on the whole record, with nothing to apply again.
 */
export function scopedState(state: State, server: string): State {
  const ours = <T>(list: ListName, records: T[]) => records.filter((record) => inScope(list, record, server));
  const skipped = state.skipped?.filter((record) => inScope(record.list, record.raw, server));
  const part = {
    ...state,
    intents: ours('intents', state.intents),
    series: ours('series', state.series),
    paused: ours('paused', state.paused),
    ...(skipped === undefined ? {} : { skipped }),
  };
  const whole = LISTS.every((list) => part[list].length === state[list].length) && part.skipped?.length === state.skipped?.length;
  return whole ? state : part;
}

/** Whether a step made on `server`'s part of the record left a record in it that is not the server's (a record disowned, say). */
export function leftScope(ops: JournalOp[], server: string): boolean {
  return ops.some((op) => (op.op === 'put' && !inScope(op.list, op.record, server)) || (op.op === 'list' && op.records.some((record) => !inScope(op.list, record, server))));
}

export type JournalOp =
  /** The record now: in place of the one keyed `key` (else of the one with its own key), else added at the end. */
  | { op: 'put'; list: ListName; key?: string; record: unknown }
  | { op: 'del'; list: ListName; key: string }
  /** The whole list (a change that reordered it); with `server`, the whole of that server's part of it (see inScope). */
  | { op: 'list'; list: ListName; server?: string; records: unknown[] }
  /** The top-level fields besides the lists. */
  | { op: 'top'; fields: Record<string, unknown> };

/** Whether a step's op is one this version writes: a known op on a known list, with what it needs. */
export function isJournalOp(value: unknown): value is JournalOp {
  const op = value as Partial<Record<string, unknown>> | null;
  if (typeof op !== 'object' || op === null) return false;
  if (op.op === 'top') return typeof op.fields === 'object' && op.fields !== null;
  if (!(LISTS as readonly string[]).includes(op.list as string)) return false;
  return (op.op === 'put' && 'record' in op) || (op.op === 'del' && 'key' in op) || (op.op === 'list' && Array.isArray(op.records));
}

/**
 * One step. `g`: the state file's generation it was written against; lines of an older generation are already folded in.
 * `k`: 2 when its keys name the server with the id (keyOf); lines without it (written before) name records by id alone.
 */
export interface JournalLine {
  g: number;
  k?: number;
  ops: JournalOp[];
}

/** How a journal line names a record: its server and its id, so records of two servers with the same id stay apart; the id alone for a record that names no server. */
export function keyOf(list: ListName, record: unknown): string | undefined {
  const id = idOf(list, record);
  const server = serverNamed(list, record);
  return id === undefined || server === undefined ? id : `${server} ${id}`;
}

function idOf(list: ListName, record: unknown): string | undefined {
  const key = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[KEY[list]] : undefined;
  return typeof key === 'string' ? key : undefined;
}

/** Whether keyOf(list, record) is `wanted`, found without making the key. */
function hasKey(list: ListName, record: unknown, wanted: string): boolean {
  const id = idOf(list, record);
  // Every key ends with its id: most records are passed over here.
  if (id === undefined || !wanted.endsWith(id)) return false;
  const server = serverNamed(list, record);
  if (server === undefined) return id === wanted;
  return wanted.length === server.length + 1 + id.length && wanted.startsWith(server) && wanted.charCodeAt(server.length) === 32;
}

/**
 * The complete lines of a journal's text, in order, and how many bytes they take. A last line
 * without its newline (a write cut short by a crash) is left out, as is a last line that is not
 * a journal line; one with lines after it is `damagedLine` (journalLines).
 */
export function readJournal(text: string): { lines: JournalLine[]; bytes: number; damagedLine?: number } {
  return journalLines(text, (value) => (isLine(value) ? value : undefined));
}

function isLine(value: unknown): value is JournalLine {
  const line = value as JournalLine;
  return typeof value === 'object' && value !== null && typeof line.g === 'number' && Array.isArray(line.ops);
}

/**
 * How a step names records: a record's key (`keyOf`), and whether it is `wanted` (`is`). A search asks `is`
 * of every record it passes, so it answers without making each record's key.
 */
export interface Naming {
  keyOf(list: ListName, record: unknown): string | undefined;
  is(list: ListName, record: unknown, wanted: string): boolean;
}

const BY_SERVER_AND_ID: Naming = { keyOf, is: hasKey };
const BY_ID: Naming = { keyOf: idOf, is: (list, record, wanted) => idOf(list, record) === wanted };

/**
 * Apply a step to the state file's data (plain JSON, before it is checked), in place. Applying it twice gives the same data.
 * `keys`: how the step names records (JournalLine's `k`); or, to apply a step to the record in memory it was made on (whose
 * records it already changed in place), the key each record had when the step began (Tracked's naming), so the step
 * finds the records it finds in the file; and `partBefore`, the records of each list the step's part held when the
 * step began (Tracked's `before`): a list op puts its records in place of those, as in the file, even of those the step
 * since wrote out of the part (a record disowned in place and moved).
 */
export function applyOps(data: Record<string, unknown>, ops: JournalOp[], keys: 'server and id' | 'id' | Naming = 'server and id', partBefore?: (list: ListName) => ReadonlySet<unknown>): void {
  const inMemory = typeof keys === 'object';
  const naming = keys === 'id' ? BY_ID : keys === 'server and id' ? BY_SERVER_AND_ID : keys;
  // A record the step has put in the record in memory is named as it is now, as in the file.
  const placed = new Set<unknown>();
  const namingOf = (record: unknown) => (inMemory && placed.has(record) ? BY_SERVER_AND_ID : naming);
  for (const op of ops) {
    if (op.op === 'top') {
      // `skipped` is the checked record's, never the file's (a step applied to the record in memory keeps it).
      for (const field of Object.keys(data)) if (!(LISTS as readonly string[]).includes(field) && field !== 'skipped' && !(field in op.fields)) delete data[field];
      Object.assign(data, op.fields);
      continue;
    }
    if (!(LISTS as readonly string[]).includes(op.list)) continue;
    if (op.op === 'list') {
      const { list, server } = op;
      // The list the step saw had no record set aside as unreadable: those stay (the record in memory keeps them apart, in `skipped`).
      const part = partBefore?.(list);
      const kept = (record: unknown) => (part ? !part.has(record) : (server !== undefined && !inScope(list, record, server)) || !readable(list, record));
      const others = Array.isArray(data[list]) ? (data[list] as unknown[]).filter(kept) : [];
      data[list] = [...others, ...op.records];
      for (const record of op.records) placed.add(record);
      continue;
    }
    const list = Array.isArray(data[op.list]) ? (data[op.list] as unknown[]) : (data[op.list] = []);
    // A key of a line that is not a string (a damaged journal) names no record.
    const at = (wanted: unknown) => (typeof wanted !== 'string' ? -1 : list.findIndex((record) => namingOf(record).is(op.list, record, wanted)));
    if (op.op === 'del') {
      const index = at(op.key);
      if (index >= 0) list.splice(index, 1);
      continue;
    }
    // A record the step wrote in place, applied to the record in memory it was made on, is there already: nothing to look
    // for (a search by key could also take another record of the same key, one from before servers were told apart).
    if (inMemory && list.includes(op.record)) {
      placed.add(op.record);
      continue;
    }
    const keyed = at(op.key);
    const index = keyed >= 0 ? keyed : at(namingOf(op.record).keyOf(op.list, op.record));
    if (index >= 0) list[index] = op.record;
    else list.push(op.record);
    placed.add(op.record);
  }
}

/** The top-level fields a 'top' op carries: everything but the lists and what is not written as such. */
function topFields(state: State): Record<string, unknown> {
  const { intents: _i, series: _s, paused: _p, skipped: _k, ...rest } = state;
  return rest;
}

export interface Tracked {
  /** The state to hand to a change: every write through it, at any depth, is noted. */
  view: State;
  /** What the change amounted to, as journal ops (none when it changed nothing). */
  ops(): JournalOp[];
  /** A value read through the view, made plain (no views left in it) and detached from the state. */
  detach<T>(value: T): T;
  /** The step is over: a write through the view, or anything reached through it, is refused from now on (it would go unrecorded). */
  close(): void;
  /** Records by their keys when the step began (a write may since have changed a server): how the step's ops name them. */
  naming: Naming;
  /** Whether the step added, removed or moved records of `list` (else it only wrote to records in place). */
  reshaped(list: ListName): boolean;
  /** The records of `list` when the step began. */
  before(list: ListName): readonly unknown[];
}

/**
 * Watch a change to `state` (made in place through `view`): which records it
 * wrote to, and which it added, removed or put in another's place. Costs what
 * the change touches, plus a copy of the references of each list it reshapes.
 * `server`: the state is that server's part of the record (scopedState).
 */
export function track(state: State, server?: string): Tracked {
  /** Each list as it was, kept when the step first reshapes it (the step's other writes cost nothing per record). */
  const before: Partial<Record<ListName, unknown[]>> = {};
  /** About to add, remove or move records of `list`'s array `target`: keep the list as it was first. */
  const reshaping = (list: ListName, target: unknown[]) => {
    writable();
    if (target === state[list]) before[list] ??= [...target];
    // An array the step already put another in place of is what `before` holds: it stays as it was.
    else if (before[list] === target) before[list] = [...target];
  };
  const topBefore = JSON.stringify(topFields(state));
  /** Records written to (their key when first written), per list. */
  const dirty = Object.fromEntries(LISTS.map((list) => [list, new Map<object, string | undefined>()])) as Record<ListName, Map<object, string | undefined>>;
  let topWritten = false;
  const targets = new WeakMap<object, object>();
  const views = new WeakMap<object, object>();
  /** Once the step is recorded, a write through a view kept from it would go unrecorded: it is refused. */
  let closed = false;
  const writable = () => {
    if (closed) throw new Error('The record was changed outside a step (through a view kept from an earlier one)');
  };

  const unwrap = (value: unknown, seen?: Set<unknown>): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const target = targets.get(value);
    if (target) return target;
    seen ??= new Set();
    if (seen.has(value)) return value;
    seen.add(value);
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      value.forEach((item, i) => {
        const plain = unwrap(item, seen);
        if (plain !== item) (copy ??= [...value])[i] = plain;
      });
      return copy ?? value;
    }
    let copy: Record<string, unknown> | undefined;
    for (const [field, item] of Object.entries(value)) {
      const plain = unwrap(item, seen);
      if (plain !== item) (copy ??= { ...(value as Record<string, unknown>) })[field] = plain;
    }
    return copy ?? value;
  };
  const wrap = (target: object, handler: ProxyHandler<object>): object => {
    const known = views.get(target);
    if (known) return known;
    const proxy = new Proxy(target, handler);
    targets.set(proxy, target);
    views.set(target, proxy);
    return proxy;
  };
  /** Writes anywhere inside a record mark the record. */
  const within = (list: ListName | 'top', record: object): ProxyHandler<object> => {
    const mark = () => {
      if (list === 'top') topWritten = true;
      else if (!dirty[list].has(record)) dirty[list].set(record, keyOf(list, record));
    };
    const handler: ProxyHandler<object> = {
      get(target, field) {
        const value = Reflect.get(target, field);
        return value !== null && typeof value === 'object' ? wrap(value, handler) : value;
      },
      set(target, field, value) {
        writable();
        mark();
        return Reflect.set(target, field, unwrap(value));
      },
      deleteProperty(target, field) {
        writable();
        mark();
        return Reflect.deleteProperty(target, field);
      },
      defineProperty(target, field, descriptor) {
        writable();
        mark();
        return Reflect.defineProperty(target, field, 'value' in descriptor ? { ...descriptor, value: unwrap(descriptor.value) } : descriptor);
      },
    };
    return handler;
  };
  const listHandler = (list: ListName): ProxyHandler<object> => ({
    get(target, field) {
      // Searches look at the records as they are (a view each would cost more than the search): what they find is a view.
      const search = SEARCHES[field as string];
      const view = (record: unknown) => (record !== null && typeof record === 'object' ? (views.get(record) ?? wrap(record, within(list, record))) : record);
      if (search) return search(target as unknown[], view, unwrap);
      return view(Reflect.get(target, field));
    },
    set(target, field, value) {
      reshaping(list, target as unknown[]);
      return Reflect.set(target, field, unwrap(value));
    },
    deleteProperty(target, field) {
      reshaping(list, target as unknown[]);
      return Reflect.deleteProperty(target, field);
    },
  });
  const top: ProxyHandler<object> = {
    get(target, field) {
      const value = Reflect.get(target, field);
      if ((LISTS as readonly PropertyKey[]).includes(field) && Array.isArray(value)) return wrap(value, listHandler(field as ListName));
      return value !== null && typeof value === 'object' && field !== 'skipped' ? wrap(value, within('top', value)) : value;
    },
    set(target, field, value) {
      writable();
      if ((LISTS as readonly PropertyKey[]).includes(field)) {
        // The list put aside is left as it was: it needs no copy.
        before[field as ListName] ??= state[field as ListName];
      } else topWritten = true;
      return Reflect.set(target, field, unwrap(value));
    },
    deleteProperty(target, field) {
      writable();
      topWritten = true;
      return Reflect.deleteProperty(target, field);
    },
  };

  return {
    view: wrap(state, top) as State,
    ops() {
      const ops: JournalOp[] = [];
      for (const list of LISTS) ops.push(...listOps(list, before[list], state[list], dirty[list], server));
      if (topWritten && JSON.stringify(topFields(state)) !== topBefore) ops.push({ op: 'top', fields: topFields(state) });
      return ops;
    },
    detach: <T>(value: T): T => {
      const plain = unwrap(value);
      return plain !== null && typeof plain === 'object' ? structuredClone(plain as T) : (plain as T);
    },
    close: () => {
      closed = true;
    },
    naming: {
      keyOf: (list, record) => keyWas(list, record, dirty[list]),
      is: (list, record, wanted) => (dirty[list].has(record as object) ? dirty[list].get(record as object) === wanted : hasKey(list, record, wanted)),
    },
    reshaped: (list) => before[list] !== undefined,
    before: (list) => before[list] ?? state[list],
  };
}

/** A record's key before the step: when first written to, if it was. */
function keyWas(list: ListName, record: unknown, dirty: Map<object, string | undefined>): string | undefined {
  return dirty.has(record as object) ? dirty.get(record as object) : keyOf(list, record);
}

type Search = (records: unknown[], view: (record: unknown) => unknown, unwrap: (value: unknown) => unknown) => unknown;
/**
 * Array searches on a tracked list, run over the records themselves: their predicates only read
 * (every predicate over the record does), and only what they return is handed out as a view.
 */
const SEARCHES: Record<string, Search> = {
  find: (records, view) => (predicate: (record: unknown, index: number) => boolean) => view(records.find((record, i) => predicate(record, i))),
  findLast: (records, view) => (predicate: (record: unknown, index: number) => boolean) => view(records.findLast((record, i) => predicate(record, i))),
  findIndex: (records) => (predicate: (record: unknown, index: number) => boolean) => records.findIndex((record, i) => predicate(record, i)),
  some: (records) => (predicate: (record: unknown, index: number) => boolean) => records.some((record, i) => predicate(record, i)),
  every: (records) => (predicate: (record: unknown, index: number) => boolean) => records.every((record, i) => predicate(record, i)),
  filter: (records, view) => (predicate: (record: unknown, index: number) => boolean) => records.filter((record, i) => predicate(record, i)).map(view),
  indexOf: (records, _view, unwrap) => (record: unknown) => records.indexOf(unwrap(record)),
  includes: (records, _view, unwrap) => (record: unknown) => records.includes(unwrap(record)),
};

/**
 * One list's change as ops: records written to in place, and what was added, removed or replaced; a reorder
 * is the whole list. `before`: the list as it was, when the step reshaped it. Only the part between what the
 * two lists share at their start and at their end is compared as a whole, so a step costs what it changed.
 */
function listOps(list: ListName, before: unknown[] | undefined, after: unknown[], dirty: Map<object, string | undefined>, server: string | undefined): JournalOp[] {
  const whole: JournalOp = { op: 'list', list, ...(server === undefined ? {} : { server }), records: after };
  const put = (record: unknown, key?: string): JournalOp => ({ op: 'put', list, ...(key === undefined ? {} : { key }), record });
  if (before === undefined) {
    const written = [...dirty].map(([record, key]) => put(record, key ?? keyOf(list, record)));
    return keysMeet(list, written) ? [whole] : written;
  }
  const ops: JournalOp[] = [];
  // Removals go first: a record the step added may have the key of one it removed (a put would take its place, a del find the new one).
  const removed: JournalOp[] = [];
  const written = (record: unknown) => {
    if (dirty.has(record as object)) ops.push(put(record, dirty.get(record as object) ?? keyOf(list, record)));
  };
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  for (let k = 0; k < start; k++) written(before[k]);
  const was = new Set(before.slice(start, endBefore));
  const is = new Set(after.slice(start, endAfter));
  let i = start;
  let j = start;
  while (i < endBefore || j < endAfter) {
    const old = before[i];
    const now = after[j];
    if (i < endBefore && j < endAfter && old === now) {
      written(old);
      i++;
      j++;
    } else if (i < endBefore && j < endAfter && !is.has(old) && !was.has(now)) {
      ops.push(put(now, keyWas(list, old, dirty)));
      i++;
      j++;
    } else if (i < endBefore && !is.has(old)) {
      const key = keyWas(list, old, dirty);
      if (key === undefined) return [whole];
      removed.push({ op: 'del', list, key });
      i++;
    } else if (i >= endBefore && endBefore === before.length && !was.has(now)) {
      // Added at the end (a put of a new key appends).
      ops.push(put(now));
      j++;
    } else {
      // Moved, or added in the middle: the list as it is now.
      return [whole];
    }
  }
  for (let k = endBefore; k < before.length; k++) written(before[k]);
  const all = [...removed, ...ops];
  return keysMeet(list, all) ? [whole] : all;
}

/**
 * Whether applying `ops` one after another could take one record for another: keys are unique before and after a
 * step, not between its ops, so a put that names a record by a key it does not end with (a record given another
 * server, one put in another's place) must share neither key with another op. Such a step is written as the whole list.
 */
function keysMeet(list: ListName, ops: JournalOp[]): boolean {
  const moving = new Map<string, JournalOp[]>();
  for (const op of ops) {
    if (op.op !== 'put' || op.key === undefined) continue;
    const ends = keyOf(list, op.record);
    if (ends === op.key) continue;
    for (const key of [op.key, ends]) if (key !== undefined) moving.set(key, [...(moving.get(key) ?? []), op]);
  }
  if (moving.size === 0) return false;
  const named = (op: JournalOp) => (op.op === 'del' ? op.key : op.op === 'put' ? (op.key ?? keyOf(list, op.record)) : undefined);
  return ops.some((op) => {
    const key = named(op);
    return key !== undefined && (moving.get(key) ?? []).some((other) => other !== op);
  });
}
