import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ROLES, type Role } from '../letta/types';
import { nearest } from '../nearest';
import { mergeConflictLine } from './merge-conflict';

/**
 * One schedule file: YAML front matter between `---` lines, then the message.
 * Pure: text in, the fields (each with the line it is on) or the problems
 * out. Every problem names the line, so the caller can name the file.
 */
export interface ScheduleFile {
  agent: string;
  when: string;
  timezone?: string;
  role?: Role;
  until?: string;
  count?: number;
  max_steps?: number;
  callback_url?: string;
  include_return_message_types?: string[];
  message: string;
  /** The line each front-matter key is on (1-based), for errors found later (an unknown agent, a phrase not understood). */
  lines: Partial<Record<FileKey, number>>;
}

export const FILE_KEYS = ['agent', 'when', 'timezone', 'role', 'until', 'count', 'max_steps', 'callback_url', 'include_return_message_types'] as const;
export type FileKey = (typeof FILE_KEYS)[number] | 'message';

/** What Letta accepts in include_return_message_types. */
export const RETURN_MESSAGE_TYPES = [
  'system_message',
  'user_message',
  'assistant_message',
  'reasoning_message',
  'hidden_reasoning_message',
  'tool_call_message',
  'tool_return_message',
  'approval_request_message',
  'approval_response_message',
] as const;

export interface FileProblem {
  line: number;
  message: string;
}

export type ReadFile = { ok: true; file: ScheduleFile } | { ok: false; problems: FileProblem[] };

const FENCE = /^---[ \t]*$/;

export function readScheduleFile(source: string): ReadFile {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split(/\r?\n/);
  const conflict = mergeConflictLine(lines);
  if (conflict !== undefined) return fail(conflict, "a git merge conflict is not resolved ('<<<<<<<' to '>>>>>>>'): keep the side you want and remove the marker lines");
  if (!FENCE.test(lines[0] ?? '')) return fail(1, "the file must start with a '---' line, then the fields (agent, when, ...), then '---' and the message");
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) return fail(1, "the front matter has no closing '---' line");
  const yamlText = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  // Lines inside the front matter start on line 2 of the file.
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line + 1);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const line = lineOf(error.pos[0]);
      // YAML reads a bare leading '*' as an alias: the usual slip in a cron.
      const why = /^[^:]*:\s*\*/.test(lines[line - 1] ?? '') ? `a value that starts with '*' must be quoted, as in when: "*/15 * * * *"` : firstLine(error.message);
      return { line, message: `not valid YAML: ${why}` };
    });
    return { ok: false, problems: problems.filter((p, i) => problems.findIndex((q) => q.line === p.line && q.message === p.message) === i) };
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(root ? lineOf(root.range?.[0]) : 2, 'the front matter must be fields, one a line (agent: ..., when: ...)');

  const problems: FileProblem[] = [];
  const found: Record<string, { node: Node | null; line: number }> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (!(FILE_KEYS as readonly string[]).includes(key)) {
      const near = nearest(key.toLowerCase(), [...FILE_KEYS]);
      const why = /^(?:message|body|text)$/i.test(key) ? ': the message is the text after the closing ---' : near ? ` (did you mean '${near}'?)` : '';
      problems.push({ line, message: `unknown key '${key}'${why}; known keys: ${FILE_KEYS.join(', ')}` });
      continue;
    }
    found[key] = { node: (pair.value as Node | null) ?? null, line };
  }

  const file: Partial<ScheduleFile> & { lines: ScheduleFile['lines'] } = { lines: {} };
  const problem = (key: string, message: string) => problems.push({ line: found[key]!.line, message: `${key}: ${message}` });
  const scalar = (key: string): unknown => {
    const node = found[key]!.node;
    if (node === null || (isScalar(node) && node.value === null)) return undefined;
    return isScalar(node) ? node.value : node;
  };
  for (const [key, { line }] of Object.entries(found)) {
    file.lines[key as FileKey] = line;
    const value = scalar(key);
    if (value === undefined) {
      problem(key, 'has no value');
      continue;
    }
    switch (key) {
      case 'agent':
      case 'when':
      case 'timezone':
      case 'until':
      case 'callback_url': {
        // A bare number or date is read as text ("when: 0 9 * * 1" is text anyway).
        if (typeof value !== 'string' && typeof value !== 'number') {
          problem(key, 'must be text');
          break;
        }
        const textValue = String(value).trim();
        if (textValue === '') problem(key, 'is empty');
        else if (key === 'callback_url' && !isHttpUrl(textValue)) problem(key, `'${textValue}' is not an http(s) URL`);
        else file[key] = own(textValue);
        break;
      }
      case 'role': {
        const role = String(value).trim().toLowerCase();
        if ((ROLES as readonly string[]).includes(role)) file.role = role as Role;
        else problem(key, `'${String(value)}' is not a role; use one of: ${ROLES.join(', ')}`);
        break;
      }
      case 'count':
      case 'max_steps': {
        const n = typeof value === 'number' ? value : Number(String(value).trim());
        if (isFileNumber(n)) file[key] = n;
        else problem(key, `'${String(value)}' must be a whole number from 1 to 10000`);
        break;
      }
      case 'include_return_message_types': {
        const node = found[key]!.node;
        const items = isSeq(node)
          ? node.items.map((item) => (isScalar(item) ? String(item.value) : ''))
          : String(value)
              .split(',')
              .map((s) => s.trim());
        const bad = items.filter((item) => !(RETURN_MESSAGE_TYPES as readonly string[]).includes(item));
        if (bad.length > 0) problem(key, `${bad.map((b) => `'${b}'`).join(', ')} not known; use any of: ${RETURN_MESSAGE_TYPES.join(', ')}`);
        else file.include_return_message_types = items;
        break;
      }
    }
  }
  for (const key of ['agent', 'when'] as const) {
    if (!(key in found)) problems.push({ line: 1, message: `the field '${key}' is missing` });
  }
  const message = lines
    .slice(end + 1)
    .join('\n')
    .trim();
  if (message === '') problems.push({ line: end + 2, message: 'the message (the text after the front matter) is empty' });
  file.message = own(message);
  file.lines.message = end + 2;
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, file: file as ScheduleFile };
}

/** A copy of a value cut from the file's text: the cut would keep the text it was cut from for as long as the value is kept (a plan holds them all). */
function own(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

/** A number a file's `count` or `max_steps` can hold: a whole number from 1 to 10000. */
export function isFileNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 10_000;
}

/** A schedule file's text: the fields given, in the documented order, then the message. */
export function writeScheduleFile(file: Omit<ScheduleFile, 'lines'>): string {
  const lines = ['---'];
  for (const key of FILE_KEYS) {
    const value = file[key];
    if (value === undefined) continue;
    lines.push(`${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : yamlScalar(value)}`);
  }
  lines.push('---', file.message, '');
  return lines.join('\n');
}

/** A value as YAML: plain where that reads back as the same text, else double-quoted. */
function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain = /^[A-Za-z0-9_/][^#:]*$/.test(value) && !/\s$/.test(value) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(value) && Number.isNaN(Number(value));
  return plain ? value : JSON.stringify(value);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function fail(line: number, message: string): ReadFile {
  return { ok: false, problems: [{ line, message }] };
}
