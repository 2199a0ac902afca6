/* No imports here: every command that prints a JSON document loads this. */

/**
 * A JSON document written as it is made: objects and arrays opened and closed
 * in turn, each value in them stringified whole. The text is the same as
 * `JSON.stringify(document, null, indented ? 2 : undefined)` of the whole
 * document, so a command can write a long list an item at a time (status over
 * thousands of schedules) without holding it. No JSON string is ever cut
 * between two writes (so a secret in one is masked whole).
 */
export class JsonWriter {
  /** For each open object or array: how many members it has so far. */
  private readonly open: number[] = [];

  constructor(
    private readonly indented: boolean,
    private readonly write: (text: string) => void,
  ) {}

  /** Open an object or an array: the document itself, a field of the open object (`key`), or an item of the open array. */
  begin(bracket: '{' | '[', key?: string): void {
    this.write(`${this.member(key)}${bracket}`);
    this.open.push(0);
  }

  /** A field of the open object (`key`) or an item of the open array, whole. A field JSON leaves out (undefined, a function) is left out. */
  value(value: unknown, key?: string): void {
    const text = this.indented ? JSON.stringify(value, null, 2) : JSON.stringify(value);
    if (text === undefined && key !== undefined) return;
    this.write(`${this.member(key)}${this.indented ? (text ?? 'null').replaceAll('\n', this.newline(this.open.length)) : (text ?? 'null')}`);
  }

  /** Close the open object or array (`{}` or `[]` when nothing went in). */
  end(bracket: '}' | ']'): void {
    const members = this.open.pop();
    this.write(`${members ? this.newline(this.open.length) : ''}${bracket}`);
  }

  private member(key: string | undefined): string {
    const depth = this.open.length;
    if (depth === 0) return '';
    const before = this.open[depth - 1]! > 0 ? ',' : '';
    this.open[depth - 1]!++;
    const name = key === undefined ? '' : `${JSON.stringify(key)}:${this.indented ? ' ' : ''}`;
    return `${before}${this.newline(depth)}${name}`;
  }

  private newline(depth: number): string {
    return this.indented ? `\n${'  '.repeat(depth)}` : '';
  }
}

/** About how much text is gathered before a write. */
const CHUNK = 64 * 1024;

/**
 * `value` written as `JSON.stringify(value, null, indented ? 2 : undefined)` writes it, in pieces
 * of about 64 KiB (`after`, a newline, with the last): a long document is never one string. Plain
 * objects are walked a field at a time, arrays an item at a time (each item whole).
 */
export function writeJson(value: unknown, indented: boolean, write: (text: string) => void, after = ''): void {
  let pending = '';
  const json = new JsonWriter(indented, (text) => {
    pending += text;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  });
  const walk = (item: unknown, key?: string): void => {
    if (Array.isArray(item) && item.length > 0) {
      json.begin('[', key);
      for (const one of item) json.value(one);
      json.end(']');
    } else if (isPlainObject(item)) {
      json.begin('{', key);
      for (const [name, field] of Object.entries(item)) walk(field, name);
      json.end('}');
    } else {
      json.value(item, key);
    }
  };
  walk(value);
  write(pending + after);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
