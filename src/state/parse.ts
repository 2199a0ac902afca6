import { UsageError } from '../errors';
import { parseJsonFile } from '../files/json';
import { emptyState, STATE_VERSION, type State } from './records';

export const LEFT_AS_IT_IS = 'Fix it or move it away; it has been left as it is (commands work without it).';

/**
 * The state file's text as a State, checked field by field: a file that is
 * not what this version wrote is an error naming the file and the field, so
 * nothing is ever written over a record that could not be understood.
 */
export function parseState(text: string, path: string): State {
  if (text.trim() === '') return emptyState();
  const data = parseJsonFile(text, path, 'state file', LEFT_AS_IT_IS);
  const bad = (where: string, what: string) => new UsageError(`The state file ${path} is not valid: ${where} ${what}`, LEFT_AS_IT_IS);
  if (!isObject(data)) throw bad('it', 'must hold a JSON object');
  if (typeof data.version === 'number' && data.version > STATE_VERSION) {
    throw new UsageError(
      `The state file ${path} was written by a newer letta-switchboard (version ${data.version})`,
      'Upgrade letta-switchboard; the file has been left as it is.',
    );
  }
  if (data.version !== STATE_VERSION) throw bad('version', `must be ${STATE_VERSION}`);
  const check = new Checker(bad);
  const intents = check.list(data, 'intents', (intent, where) => check.intent(intent, where));
  const series = check.list(data, 'series', (one, where) => {
    check.strings(one, where, ['series_id', 'agent_id', 'phrase', 'zone', 'rule', 'horizon', 'created_at']);
    check.optionalStrings(one, where, ['until']);
    if (one.count !== undefined && !(Number.isInteger(one.count) && (one.count as number) > 0)) throw bad(`${where}.count`, 'must be a positive whole number');
    check.oneOf(one, where, 'status', ['active', 'complete', 'gone']);
    if (!isObject(one.template)) throw bad(`${where}.template`, 'must be an object');
    check.list(one, 'members', (member, at) => check.strings(member, at, ['schedule_id', 'instant']), where);
  });
  const paused = check.list(data, 'paused', (one, where) => {
    check.strings(one, where, ['old_id', 'paused_at']);
    if (!isObject(one.schedule) || typeof one.schedule.id !== 'string') throw bad(`${where}.schedule`, 'must be a schedule with an id');
    if (one.intent !== undefined) {
      if (!isObject(one.intent)) throw bad(`${where}.intent`, 'must be an object');
      check.intent(one.intent, `${where}.intent`);
    }
  });
  return { ...data, version: STATE_VERSION, intents, series, paused } as State;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  constructor(private readonly bad: (where: string, what: string) => UsageError) {}

  /** `owner[key]`: absent is an empty list; otherwise a list of objects, each checked. */
  list<T>(owner: Json, key: string, each: (item: Json, where: string) => void, prefix?: string): T[] {
    const where = prefix ? `${prefix}.${key}` : key;
    const value = owner[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw this.bad(where, 'must be a list');
    value.forEach((item, index) => {
      if (!isObject(item)) throw this.bad(`${where}[${index}]`, 'must be an object');
      each(item, `${where}[${index}]`);
    });
    return value as T[];
  }

  strings(item: Json, where: string, keys: string[]): void {
    for (const key of keys) if (typeof item[key] !== 'string') throw this.bad(`${where}.${key}`, 'must be a string');
  }

  optionalStrings(item: Json, where: string, keys: string[]): void {
    for (const key of keys) if (item[key] !== undefined && typeof item[key] !== 'string') throw this.bad(`${where}.${key}`, 'must be a string');
  }

  stringList(item: Json, where: string, key: string, required: boolean): void {
    const value = item[key];
    if (value === undefined && !required) return;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw this.bad(`${where}.${key}`, 'must be a list of strings');
  }

  oneOf(item: Json, where: string, key: string, allowed: string[]): void {
    if (!allowed.includes(item[key] as string)) throw this.bad(`${where}.${key}`, `must be one of ${allowed.join(', ')}`);
  }

  intent(intent: Json, where: string): void {
    this.strings(intent, where, ['schedule_id', 'agent_id', 'phrase', 'zone', 'local_rule', 'created_at']);
    this.optionalStrings(intent, where, ['replaced_by', 'status_at']);
    this.oneOf(intent, where, 'kind', ['one-time', 'recurring']);
    this.oneOf(intent, where, 'status', ['active', 'gone', 'replaced']);
    this.stringList(intent, where, 'replaces', true);
    this.stringList(intent, where, 'utc_crons', false);
    this.stringList(intent, where, 'instants', false);
  }
}
