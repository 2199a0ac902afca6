/** What a JsonScanner hands out as it passes; any handler returning false stops the scan (push and end then return false). */
export interface JsonParts {
  /** A container walked into (not handed out whole) begins; `depth`: how many containers hold it (0: the text's own value). */
  open(depth: number, array: boolean): boolean;
  /** The container at `depth` ends. */
  close(depth: number): boolean;
  /** An object's field name; the value that follows is at `depth`. */
  key(depth: number, name: string): boolean;
  /** A value handed out whole, parsed: a container at a depth `whole` names, or any value that is not a container. */
  value(depth: number, value: unknown): boolean;
}

type Expect = 'key' | 'colon' | 'value' | 'comma';

/**
 * JSON text read a piece at a time: the containers down to a chosen depth walked (their names
 * handed out), and each value below handed out whole, parsed on its own; so text of any size is
 * read in the memory of its largest such value. Strings are passed over to their next quote or
 * backslash. Every character is either checked here (structure, whitespace) or in a piece that
 * JSON.parse reads, so text JSON.parse refuses makes `push` or `end` return false.
 */
export class JsonScanner {
  /** The containers walked into, innermost last. */
  private readonly frames: Array<{ array: boolean; expect: Expect; empty: boolean }> = [];
  private started = false;
  private inString = false;
  private escaped = false;
  /** What is being gathered: a field name, or a value (a string, a container, a number or word). */
  private collecting: 'key' | 'string' | 'container' | 'scalar' | undefined;
  /** Within a container being gathered: how many containers are open. */
  private nest = 0;
  /** The text being gathered: pieces of earlier chunks, and where it began in this one. */
  private pieces: string[] = [];
  private from = 0;
  private failed = false;

  /** `whole(depth)`: whether a container at that depth is handed out whole rather than walked. */
  constructor(
    private readonly parts: JsonParts,
    private readonly whole: (depth: number) => boolean,
  ) {}

  /** Whether nothing but whitespace has been read. */
  get blank(): boolean {
    return !this.started;
  }

  push(chunk: string): boolean {
    if (this.failed) return false;
    this.from = 0;
    // Where the chunk's next backslash is: most of the text is within strings, passed over to their next quote or backslash.
    let slash = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c !== 34 /* " */) {
          if (slash < i) slash = chunk.indexOf('\\', i) >>> 0;
          const quote = chunk.indexOf('"', i) >>> 0;
          // Not found is -1, read as the largest number: the string goes on past this chunk.
          i = Math.min(quote, slash, chunk.length) - 1;
        } else {
          this.inString = false;
          if (this.collecting === 'key' && !this.named(this.take(chunk, i + 1))) return this.fail();
          if (this.collecting === 'string' && !this.deliver(this.take(chunk, i + 1))) return this.fail();
        }
        continue;
      }
      if (this.collecting === 'container') {
        if (c === 34) this.inString = true;
        else if (c === 123 /* { */ || c === 91 /* [ */) this.nest++;
        else if ((c === 125 /* } */ || c === 93) /* ] */ && --this.nest === 0 && !this.deliver(this.take(chunk, i + 1))) return this.fail();
        continue;
      }
      const space = c === 32 || c === 10 || c === 13 || c === 9;
      if (this.collecting === 'scalar') {
        // A number or a word ends at whitespace or at what may follow a value; JSON.parse judges it.
        if (!space && c !== 44 /* , */ && c !== 125 && c !== 93) continue;
        if (!this.deliver(this.take(chunk, i))) return this.fail();
      }
      if (space) continue;
      if (!this.step(i, c)) return this.fail();
    }
    if (this.collecting !== undefined) this.pieces.push(chunk.slice(this.from));
    return true;
  }

  /** Whether the text was one whole JSON value (or only whitespace: see `blank`). */
  end(): boolean {
    if (this.failed || this.inString) return false;
    if (this.collecting === 'scalar' && !this.deliver(this.take('', 0))) return this.fail();
    return this.collecting === undefined && this.frames.length === 0;
  }

  private fail(): false {
    this.failed = true;
    return false;
  }

  /** A character of the structure: a container's start or end, a name, a colon, a comma, a value's start. */
  private step(i: number, c: number): boolean {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) {
      if (this.started) return false;
      this.started = true;
      return this.startValue(i, c);
    }
    switch (frame.expect) {
      case 'key':
        if (c === 125 && frame.empty) return this.closeFrame();
        if (c !== 34) return false;
        this.begin('key', i);
        this.inString = true;
        return true;
      case 'colon':
        if (c !== 58 /* : */) return false;
        frame.expect = 'value';
        return true;
      case 'value':
        if (c === 93 && frame.array && frame.empty) return this.closeFrame();
        frame.expect = 'comma';
        frame.empty = false;
        return this.startValue(i, c);
      case 'comma':
        if (c === 44) {
          frame.expect = frame.array ? 'value' : 'key';
          return true;
        }
        return c === (frame.array ? 93 : 125) && this.closeFrame();
    }
  }

  private startValue(i: number, c: number): boolean {
    const depth = this.frames.length;
    if (c === 123 || c === 91) {
      if (this.whole(depth)) {
        this.begin('container', i);
        this.nest = 1;
        return true;
      }
      this.frames.push({ array: c === 91, expect: c === 91 ? 'value' : 'key', empty: true });
      return this.parts.open(depth, c === 91);
    }
    this.begin(c === 34 ? 'string' : 'scalar', i);
    if (c === 34) this.inString = true;
    return true;
  }

  private closeFrame(): boolean {
    this.frames.pop();
    return this.parts.close(this.frames.length);
  }

  private named(name: unknown): boolean {
    const frame = this.frames[this.frames.length - 1]!;
    if (typeof name !== 'string') return false;
    frame.expect = 'colon';
    frame.empty = false;
    return this.parts.key(this.frames.length, name);
  }

  private deliver(value: unknown): boolean {
    return value !== NOT_JSON && this.parts.value(this.frames.length, value);
  }

  private begin(what: NonNullable<JsonScanner['collecting']>, i: number): void {
    this.collecting = what;
    this.from = i;
    this.pieces = [];
  }

  /** The text gathered since `begin`, up to `end` in this chunk, parsed. */
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
}

const NOT_JSON = Symbol('not JSON');
