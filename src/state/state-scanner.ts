import type { ListName } from './journal';

const LIST_NAMES: ReadonlySet<string> = new Set<ListName>(['intents', 'series', 'paused']);

export interface ScannedParts {
  /** A top-level field other than the three lists, with its value. */
  top(field: string, value: unknown): void;
  /** A list of records begins (in the file's order of fields). */
  list(list: ListName): void;
  /** One element of a list, parsed. */
  record(list: ListName, value: unknown): void;
}

/**
 * The state file's JSON read a piece at a time: its top-level fields and each element of its three
 * lists handed out one by one (each parsed on its own), so a file of any size is read in the memory
 * of its largest record. Any text that is not one JSON object of that shape makes `push` or `end`
 * return false: the caller then reads the file whole, as the errors a whole read gives name what is wrong.
 */
export class StateScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** At depth 1, what comes next: a field's name, the colon after it, its value, or the comma after it. */
  private expect: 'open' | 'key' | 'colon' | 'value' | 'comma' | 'end' = 'open';
  private field = '';
  private readonly seen = new Set<string>();
  private list: ListName | undefined;
  /** The text of the value or name being read: pieces of earlier chunks, and where it began in this one. */
  private pieces: string[] = [];
  private from = -1;
  /** The depth a value being read began at: a comma or a close at this depth ends it. */
  private base = 0;
  private collecting: 'key' | 'value' | undefined;
  private failed = false;

  /** `records`: whether the lists' elements are parsed and handed out at all (false: only the top-level fields). */
  constructor(
    private readonly parts: ScannedParts,
    private readonly records = true,
  ) {}

  push(chunk: string): boolean {
    if (this.failed) return false;
    if (this.collecting !== undefined) this.from = 0;
    // Where the chunk's next backslash is: most of the text is within strings, passed over to their next quote or backslash.
    let slash = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c !== 34) {
          if (slash < i) slash = chunk.indexOf('\\', i) >>> 0;
          const quote = chunk.indexOf('"', i) >>> 0;
          // Not found is -1, read as the largest number: the string goes on past this chunk.
          i = Math.min(quote, slash, chunk.length) - 1;
          continue;
        } else {
          // The string's closing quote.
          this.inString = false;
          if (this.collecting === 'key') {
            const name = this.take(chunk, i + 1);
            if (typeof name !== 'string') {
              this.failed = true;
              return false;
            }
            this.field = name;
            this.expect = 'colon';
          }
        }
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (!this.step(chunk, i, c)) {
        this.failed = true;
        return false;
      }
    }
    if (this.collecting !== undefined) this.pieces.push(chunk.slice(this.from));
    return true;
  }

  /** Whether the text was one whole object of that shape. */
  end(): boolean {
    return !this.failed && this.expect === 'end' && !this.inString;
  }

  private step(chunk: string, i: number, c: number): boolean {
    const close = c === 125 /* } */ || c === 93; /* ] */
    // A comma or a close at the depth a value began at ends it.
    if (this.collecting === 'value' && this.depth === this.base && (c === 44 /* , */ || close)) {
      if (!this.deliver(this.take(chunk, i))) return false;
    }
    if (this.depth === 0) {
      if (this.expect !== 'open' || c !== 123 /* { */) return false;
      this.depth = 1;
      this.expect = 'key';
      return true;
    }
    if (this.depth === 1 && this.collecting === undefined) return this.atTop(i, c);
    if (this.depth === 2 && this.list !== undefined && this.collecting === undefined) {
      if (c === 93 /* ] */) {
        this.depth = 1;
        this.list = undefined;
        this.expect = 'comma';
        return true;
      }
      if (c === 44 /* , */) return true;
      if (this.records) this.begin(i, 2);
    }
    if (c === 34 /* " */) this.inString = true;
    else if (c === 123 || c === 91 /* [ */) this.depth++;
    else if (close) this.depth--;
    return true;
  }

  /** Between the top-level fields: a name, a colon, a value's start, a comma, the end. */
  private atTop(i: number, c: number): boolean {
    switch (this.expect) {
      case 'key':
        if (c === 125 /* } */ && this.seen.size === 0) return this.close();
        if (c !== 34) return false;
        this.begin(i, 1, 'key');
        this.inString = true;
        return true;
      case 'colon':
        if (c !== 58 /* : */) return false;
        if (this.seen.has(this.field)) return false;
        this.seen.add(this.field);
        this.expect = 'value';
        return true;
      case 'value':
        if (c === 91 /* [ */ && LIST_NAMES.has(this.field)) {
          this.list = this.field as ListName;
          this.parts.list(this.list);
          this.depth = 2;
          return true;
        }
        this.begin(i, 1);
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) this.depth++;
        return true;
      case 'comma':
        if (c === 44) {
          this.expect = 'key';
          return true;
        }
        return c === 125 && this.close();
      default:
        return false;
    }
  }

  private close(): boolean {
    this.depth = 0;
    this.expect = 'end';
    return true;
  }

  private begin(i: number, base: number, what: 'key' | 'value' = 'value'): void {
    this.collecting = what;
    this.base = base;
    this.from = i;
    this.pieces = [];
  }

  /** The text read since `begin`, up to `end` in this chunk, parsed. */
  private take(chunk: string, end: number): unknown {
    this.pieces.push(chunk.slice(this.from, end));
    const text = this.pieces.join('');
    this.pieces = [];
    this.collecting = undefined;
    try {
      return JSON.parse(text);
    } catch {
      return NOT_JSON;
    }
  }

  private deliver(value: unknown): boolean {
    if (value === NOT_JSON) return false;
    if (this.list !== undefined) this.parts.record(this.list, value);
    else {
      if (LIST_NAMES.has(this.field) && !Array.isArray(value)) return false;
      this.parts.top(this.field, value);
      this.expect = 'comma';
    }
    return true;
  }
}

const NOT_JSON = Symbol('not JSON');
