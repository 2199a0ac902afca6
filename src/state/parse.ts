import { UsageError } from '../errors';
import { parseJsonFile } from '../files/json';
import { isDatabaseZone } from '../time/zone-names';
import { INTENT_STATUSES, SERIES_STATUSES, STATE_VERSION, type SkippedRecord, type State } from './records';

export const LEFT_AS_IT_IS = 'Fix it or move it away; it has been left as it is.';

/** Versions this one reads: 1 (before records named their server) and its own. */
const READABLE = new Set([1, STATE_VERSION]);

/**
 * The state file's text as a State, checked field by field. A file that is
 * not what this version wrote at all is an error naming the file and the
 * field, so nothing is ever written over it. A single record that cannot be
 * understood is set aside in `skipped` (named, never acted on, and written
 * back unchanged); the rest of the record is used.
 */
export function parseState(text: string, path: string): State {
  return checkState(readStateData(text, path), path);
}

/**
 * The state file's text as plain JSON, not yet checked. This tool never writes an empty file (each write is whole,
 * flushed, then renamed into place), so one is damage, not an empty record: read as one, what only it held (the saved
 * copies of paused schedules) would be gone without a word.
 */
export function readStateData(text: string, path: string): unknown {
  if (text.trim() === '') {
    throw new UsageError(`The state file ${path} is empty`, `It has been left as it is. If nothing should be recorded, delete it (rm '${path}'); else restore it from a backup.`);
  }
  return parseJsonFile(text, path, 'state file', LEFT_AS_IT_IS);
}

/** The state file's data (with its journal's steps applied) as a State, checked as `parseState` says. */
export function checkState(data: unknown, path: string): State {
  const bad = (where: string, what: string) => new UsageError(`The state file ${path} is not valid: ${where} ${what}`, LEFT_AS_IT_IS);
  if (!isObject(data)) throw bad('it', 'must hold a JSON object');
  if (typeof data.version === 'number' && data.version > STATE_VERSION) {
    throw new UsageError(`The state file ${path} was written by a newer letta-switchboard (version ${data.version})`, 'Upgrade letta-switchboard; the file has been left as it is.');
  }
  if (!READABLE.has(data.version as number)) throw bad('version', `must be ${STATE_VERSION}`);
  const skipped: SkippedRecord[] = [];
  const lists = {} as Record<SkippedRecord['list'], unknown[]>;
  for (const list of ['intents', 'series', 'paused'] as const) {
    const value = data[list];
    if (value !== undefined && !Array.isArray(value)) throw bad(list, 'must be a list');
    lists[list] = [];
    (value ?? []).forEach((item: unknown, index: number) => {
      const where = `${list}[${index}]`;
      const problem = recordProblem(list, item, where);
      if (problem === undefined) lists[list].push(item);
      else skipped.push({ where, problem, list, raw: item });
    });
  }
  return { ...data, version: STATE_VERSION, ...lists, ...(skipped.length > 0 ? { skipped } : {}) } as State;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a stored record can be understood (one that cannot is set aside in `skipped`). */
export function readable(list: SkippedRecord['list'], item: unknown): boolean {
  return recordProblem(list, item, list) === undefined;
}

/** What is wrong with one record, or undefined when it is sound. */
export function recordProblem(list: SkippedRecord['list'], item: unknown, where: string): string | undefined {
  try {
    if (!isObject(item)) throw new Flaw(where, 'must be an object');
    if (list === 'intents') checkIntent(item, where);
    else if (list === 'series') checkSeries(item, where);
    else checkPaused(item, where);
    return undefined;
  } catch (error) {
    if (error instanceof Flaw) return error.message;
    throw error;
  }
}

class Flaw extends Error {
  constructor(where: string, what: string) {
    super(`${where} ${what}`);
  }
}

function strings(item: Json, where: string, keys: string[]): void {
  for (const key of keys) if (typeof item[key] !== 'string') throw new Flaw(`${where}.${key}`, 'must be a string');
}

/** Which zones the time zone database knows, as records name them (memo: a record names a few). */
const knownZones = new Map<string, boolean>();

/**
 * A record's zone must be one the database knows by that name (a zone, or an old name such as `EST` or `US/Eastern`
 * that earlier versions may have written): an unknown one would be read as UTC (the clock arithmetic sets TZ to it),
 * and a sync would move the schedule to that clock.
 */
function zone(item: Json, where: string, key = 'zone'): void {
  const name = item[key];
  if (typeof name !== 'string') throw new Flaw(`${where}.${key}`, 'must be a string');
  let known = knownZones.get(name);
  if (known === undefined) {
    known = isDatabaseZone(name);
    knownZones.set(name, known);
  }
  if (!known) throw new Flaw(`${where}.${key}`, `must be a time zone (${JSON.stringify(name)} is none)`);
}

function optionalStrings(item: Json, where: string, keys: string[]): void {
  for (const key of keys) if (item[key] !== undefined && typeof item[key] !== 'string') throw new Flaw(`${where}.${key}`, 'must be a string');
}

function stringList(item: Json, where: string, key: string, required: boolean): void {
  const value = item[key];
  if (value === undefined && !required) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new Flaw(`${where}.${key}`, 'must be a list of strings');
}

function oneOf(item: Json, where: string, key: string, allowed: readonly string[]): void {
  if (!allowed.includes(item[key] as string)) throw new Flaw(`${where}.${key}`, `must be one of ${allowed.join(', ')}`);
}

function object(item: Json, where: string, key: string, required: boolean): Json | undefined {
  const value = item[key];
  if (value === undefined && !required) return undefined;
  if (!isObject(value)) throw new Flaw(`${where}.${key}`, 'must be an object');
  return value;
}

function messages(item: Json, where: string): void {
  const value = item.messages;
  if (!Array.isArray(value) || value.length === 0) throw new Flaw(`${where}.messages`, 'must be a list of messages');
  value.forEach((message, i) => {
    if (!isObject(message)) throw new Flaw(`${where}.messages[${i}]`, 'must be an object');
    if (typeof message.role !== 'string') throw new Flaw(`${where}.messages[${i}].role`, 'must be a string');
    if (typeof message.content !== 'string' && !Array.isArray(message.content)) throw new Flaw(`${where}.messages[${i}].content`, 'must be text or a list of parts');
  });
}

function timing(item: Json, where: string): void {
  const schedule = object(item, where, 'schedule', true)!;
  if (schedule.cron_expression !== undefined && typeof schedule.cron_expression !== 'string') throw new Flaw(`${where}.schedule.cron_expression`, 'must be a string');
  if (schedule.scheduled_at !== undefined && typeof schedule.scheduled_at !== 'number') throw new Flaw(`${where}.schedule.scheduled_at`, 'must be a number');
  if (schedule.cron_expression === undefined && schedule.scheduled_at === undefined) throw new Flaw(`${where}.schedule`, 'must have a cron_expression or a scheduled_at');
}

function checkIntent(intent: Json, where: string): void {
  strings(intent, where, ['schedule_id', 'agent_id', 'phrase', 'local_rule', 'created_at']);
  zone(intent, where);
  optionalStrings(intent, where, ['replaced_by', 'status_at', 'server', 'set_id', 'adopted_at', 'paused_at']);
  oneOf(intent, where, 'kind', ['one-time', 'recurring']);
  oneOf(intent, where, 'status', INTENT_STATUSES);
  stringList(intent, where, 'replaces', true);
  stringList(intent, where, 'utc_crons', false);
  stringList(intent, where, 'instants', false);
  stringList(intent, where, 'not_on', false);
  if (intent.kind === 'recurring') cronRule(intent.local_rule as string, `${where}.local_rule`);
  const attempt = object(intent, where, 'attempt', false);
  if (attempt) {
    const at = `${where}.attempt`;
    strings(attempt, at, ['at']);
    timing(attempt, at);
    messages(attempt, at);
    const successor = object(attempt, at, 'successor', true)!;
    strings(successor, `${at}.successor`, ['agent_id', 'phrase', 'local_rule']);
    zone(successor, `${at}.successor`);
    oneOf(successor, `${at}.successor`, 'kind', ['one-time', 'recurring']);
  }
}

/** The ranges of a cron's five fields (a day of the week may be 7, Sunday). */
const CRON_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/**
 * A recurring record's rule that is five fields of numbers is a cron, and each number must be within its field's range:
 * else sync would take it for a rule it does not keep on the local clock (a phrase, "every 90 minutes") and pass over
 * it unseen. Only the ranges are checked here (cheaply, for every record read); names and the rest are cron-parser's.
 */
function cronRule(rule: string, where: string): void {
  const fields = rule.trim().split(/\s+/);
  if (fields.length !== 5 || !fields.every((field) => /^[\d*,/-]+$/.test(field))) return;
  fields.forEach((field, i) => {
    const [min, max] = CRON_RANGES[i]!;
    for (const part of field.split(',')) {
      const [range = '', step, ...extra] = part.split('/');
      const bounds = range === '*' ? [] : range.split('-');
      const fine =
        extra.length === 0 &&
        (range === '*' || (bounds.length <= 2 && bounds.every((n) => /^\d+$/.test(n) && Number(n) >= min && Number(n) <= max))) &&
        (step === undefined || (/^\d+$/.test(step) && Number(step) >= 1));
      if (!fine) throw new Flaw(where, `is not a cron: '${part}' in its ${['minute', 'hour', 'day of the month', 'month', 'day of the week'][i]} field (${min}-${max})`);
    }
  });
}

function checkSeries(one: Json, where: string): void {
  strings(one, where, ['series_id', 'agent_id', 'phrase', 'rule', 'horizon', 'created_at']);
  zone(one, where);
  optionalStrings(one, where, ['until', 'server', 'status_at', 'paused_at']);
  stringList(one, where, 'not_on', false);
  if (one.count !== undefined && !(Number.isInteger(one.count) && (one.count as number) > 0)) throw new Flaw(`${where}.count`, 'must be a positive whole number');
  oneOf(one, where, 'status', SERIES_STATUSES);
  const template = object(one, where, 'template', true)!;
  messages(template, `${where}.template`);
  const rule = object(one, where, 'series_rule', false);
  if (rule && typeof rule.kind !== 'string') throw new Flaw(`${where}.series_rule.kind`, 'must be a string');
  stringList(one, where, 'attempted', false);
  if (!Array.isArray(one.members)) throw new Flaw(`${where}.members`, 'must be a list');
  one.members.forEach((member: unknown, i: number) => {
    const at = `${where}.members[${i}]`;
    if (!isObject(member)) throw new Flaw(at, 'must be an object');
    strings(member, at, ['schedule_id', 'instant']);
    for (const flag of ['gone', 'paused']) if (member[flag] !== undefined && typeof member[flag] !== 'boolean') throw new Flaw(`${at}.${flag}`, 'must be true or false');
  });
}

function checkPaused(one: Json, where: string): void {
  strings(one, where, ['old_id', 'paused_at']);
  optionalStrings(one, where, ['server', 'resume_attempted_at']);
  const attempt = object(one, where, 'resume_attempt', false);
  if (attempt) {
    timing(attempt, `${where}.resume_attempt`);
    messages(attempt, `${where}.resume_attempt`);
  }
  const schedule = object(one, where, 'schedule', true)!;
  const at = `${where}.schedule`;
  strings(schedule, at, ['id', 'agent_id']);
  timing(schedule, at);
  messages(object(schedule, at, 'message', true)!, `${at}.message`);
  if (one.intent !== undefined) {
    if (!isObject(one.intent)) throw new Flaw(`${where}.intent`, 'must be an object');
    checkIntent(one.intent, `${where}.intent`);
  }
}
