import { MalformedResponseError } from '../errors';

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function malformed(what: string, problem: string, field?: string): MalformedResponseError {
  return new MalformedResponseError(`Unexpected answer from Letta for ${what}: ${problem}`, what, field);
}

/**
 * Check that an answer has the fields the CLI relies on, naming the first that
 * does not. Extra fields are fine: newer servers add them.
 */
export function expectShape<T>(value: unknown, what: string, fields: Record<string, Kind | `${Kind}?`>): T {
  if (kindOf(value) !== 'object') throw malformed(what, `expected an object, got ${kindOf(value)}`);
  const record = value as Record<string, unknown>;
  for (const [field, spec] of Object.entries(fields)) {
    const optional = spec.endsWith('?');
    const kind = spec.replace('?', '');
    const actual = record[field];
    if (actual === undefined || (optional && actual === null)) {
      if (optional) continue;
      throw malformed(what, `the field '${field}' is missing`, field);
    }
    if (kindOf(actual) !== kind) throw malformed(what, `the field '${field}' is ${kindOf(actual)}, expected ${kind}`, field);
  }
  return value as T;
}

/** A list, or an error naming what was read. */
export function expectList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw malformed(what, `expected a list, got ${kindOf(value)}`);
  return value;
}

/** One field of a record that could not be used, and why; the record is kept without it. */
export interface Flaw {
  /** Path of the field, e.g. "schedule.scheduled_at". */
  field: string;
  problem: string;
}

/** Where a checked record keeps its flaws: a symbol, so JSON output of the record stays the server's. */
export const FLAWS = Symbol('flaws');

export type Checked<T> = T & { [FLAWS]?: Flaw[] };

/** The fields of a record from a list that were set aside as unusable (empty when all were fine). */
export function flawsOf(record: object): Flaw[] {
  return (record as { [FLAWS]?: Flaw[] })[FLAWS] ?? [];
}

/** A check of one field's value: undefined when fine, else what is wrong. */
export type FieldCheck = (value: unknown) => string | undefined;

/** Fields to check, each optional unless listed in `required`; nested records by a path "a.b". */
export type RecordRules = Record<string, FieldCheck>;

/**
 * Check one record of a list field by field. A field that fails is removed
 * from a copy of the record and named in its flaws, so one bad value shows as
 * a gap rather than hiding the whole list. `required` fields must be present
 * (a missing one is a flaw too); their fallback keeps the record's type.
 */
export function checkRecord<T>(value: unknown, rules: RecordRules, required: Record<string, unknown> = {}): Checked<T> {
  if (kindOf(value) !== 'object') {
    return { ...structuredClone(required), [FLAWS]: [{ field: '(record)', problem: `expected an object, got ${kindOf(value)}` }] } as Checked<T>;
  }
  // Most records are sound: checked as they are, and copied only when a field must be set aside.
  const deepFlaws: Flaw[] = [];
  // One walk of the whole record finds the usual case, nothing too deep, before any field is looked at on its own.
  const shallow = deeperThan(value, MAX_DEPTH + 1) ? withoutDeepFields(value as Record<string, unknown>, deepFlaws, required) : (value as Record<string, unknown>);
  if (deepFlaws.length === 0 && applyRules(shallow, rules, required, false).length === 0) return value as Checked<T>;
  const record = structuredCopy(shallow);
  const flaws = [...deepFlaws, ...applyRules(record, rules, required, true)];
  // Enumerable so a spread copy keeps it; JSON.stringify skips symbols either way.
  (record as Checked<unknown>)[FLAWS] = flaws;
  return record as Checked<T>;
}

/** The record's flaws; with `fix`, each bad field is replaced by its fallback or removed. */
function applyRules(record: Record<string, unknown>, rules: RecordRules, required: Record<string, unknown>, fix: boolean): Flaw[] {
  const flaws: Flaw[] = [];
  for (const { path, parts, key, check } of compiled(rules)) {
    const parent = parentOf(record, parts);
    if (!parent) continue;
    const actual = parent[key];
    if (actual === undefined) {
      if (path in required) {
        flaws.push({ field: path, problem: 'is missing' });
        if (fix) parent[key] = required[path];
      }
      continue;
    }
    const problem = check(actual);
    if (problem === undefined) continue;
    flaws.push({ field: path, problem });
    if (!fix) continue;
    if (path in required) parent[key] = required[path];
    else delete parent[key];
  }
  return flaws;
}

/** Each rule's path split once per set of rules, not once per record checked (a list checks thousands). */
const compiledRules = new WeakMap<RecordRules, Array<{ path: string; parts: string[]; key: string; check: FieldCheck }>>();
function compiled(rules: RecordRules) {
  let list = compiledRules.get(rules);
  if (!list) {
    list = Object.entries(rules).map(([path, check]) => ({ path, parts: path.split('.'), key: path.split('.').at(-1)!, check }));
    compiledRules.set(rules, list);
  }
  return list;
}

/** Deeper than any real answer, far shallower than what copying, printing or JSON.stringify can follow. */
export const MAX_DEPTH = 64;

/**
 * The record with every field (or field of a field) that nests deeper than
 * MAX_DEPTH set aside and named, as a bad value is: a hostile answer must not
 * end a list with a stack overflow. Copies only the levels it changes.
 */
function withoutDeepFields(record: Record<string, unknown>, flaws: Flaw[], required: Record<string, unknown>): Record<string, unknown> {
  let copy = record;
  const setAside = (parent: Record<string, unknown>, key: string, path: string) => {
    flaws.push({ field: path, problem: `nests deeper than ${MAX_DEPTH} levels` });
    if (path in required) parent[key] = required[path];
    else delete parent[key];
  };
  for (const [key, field] of Object.entries(record)) {
    if (!deeperThan(field, MAX_DEPTH)) continue;
    if (copy === record) copy = { ...record };
    if (kindOf(field) !== 'object') {
      setAside(copy, key, key);
      continue;
    }
    const inner = { ...(field as Record<string, unknown>) };
    copy[key] = inner;
    for (const [innerKey, innerField] of Object.entries(inner)) {
      if (deeperThan(innerField, MAX_DEPTH - 1)) setAside(inner, innerKey, `${key}.${innerKey}`);
    }
  }
  return copy;
}

/**
 * Whether objects and lists nest more than `limit` levels inside `value`. The
 * recursion is as deep as `limit` at most, whatever the value; no array is
 * made per node (a list checks every node of thousands of records).
 */
function deeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (deeperThan(value[i], limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && deeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}

/** The object holding the last part of a path, if every step there is an object. */
function parentOf(record: Record<string, unknown>, parts: string[]): Record<string, unknown> | undefined {
  let node: unknown = record;
  for (let i = 0; i < parts.length - 1; i++) {
    node = (node as Record<string, unknown>)[parts[i]!];
    if (kindOf(node) !== 'object') return undefined;
  }
  return node as Record<string, unknown>;
}

/** A copy deep enough that setting a field aside never changes what the caller holds. */
function structuredCopy(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = kindOf(field) === 'object' ? structuredCopy(field as Record<string, unknown>) : field;
  return copy;
}

/** A single record must at least be an object with an id; its other flaws are left for the caller to show. */
export function expectIdentified<T extends object>(record: Checked<T>, what: string): Checked<T> {
  const fatal = flawsOf(record).find((flaw) => flaw.field === 'id' || flaw.field === '(record)');
  if (fatal) throw malformed(what, fatal.field === '(record)' ? fatal.problem : `the field 'id' ${fatal.problem}`, fatal.field);
  return record;
}

// Field checks, named for what they accept.

export const isString: FieldCheck = (value) => (typeof value === 'string' ? undefined : `is ${describe(value)}, expected a string`);
/** An id goes into paths, calendar UIDs and `-q | xargs` pipes: one word of visible characters, no white space or control character. */
export const isId: FieldCheck = (value) => {
  if (typeof value !== 'string' || value.trim() === '') return `is ${describe(value)}, expected a non-empty string`;
  return /[\s\u0000-\u001f\u007f-\u009f]/.test(value) ? `is ${describe(value)}, which holds white space or control characters` : undefined;
};
export const isObject: FieldCheck = (value) => (kindOf(value) === 'object' ? undefined : `is ${describe(value)}, expected an object`);
export const isArray: FieldCheck = (value) => (Array.isArray(value) ? undefined : `is ${describe(value)}, expected a list`);
export const orNull =
  (check: FieldCheck): FieldCheck =>
  (value) =>
    value === null ? undefined : check(value);
export const oneOf =
  (...values: string[]): FieldCheck =>
  (value) =>
    typeof value === 'string' && values.includes(value) ? undefined : `is ${describe(value)}, expected one of ${values.join(', ')}`;

/** JavaScript dates reach ±8.64e15 ms; anything beyond cannot be shown as a time. */
const MAX_INSTANT_MS = 8.64e15;

export const isInstantMs: FieldCheck = (value) =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_INSTANT_MS ? undefined : `is ${describe(value)}, not a time in Unix milliseconds`;

export const isDateString: FieldCheck = (value) => {
  if (typeof value !== 'string') return `is ${describe(value)}, expected a date`;
  return Number.isFinite(Date.parse(value)) ? undefined : `is ${describe(value)}, not a date`;
};

/** A short, safe rendering of a bad value for a message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}
