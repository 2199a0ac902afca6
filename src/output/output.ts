import { colourEnabled, painter, type Paint } from './colour';
import { inert, inertJson } from './inert';
import { JsonWriter, writeJson } from './json-stream';
import type { Secrets } from './secrets';
import { compactJson } from './with-fields';

export interface Sink {
  write(chunk: string): unknown;
}

/** The process's streams and terminal facts, injected so commands can run in-process in tests. */
export interface Io {
  stdout: Sink;
  stderr: Sink;
  stdin: NodeJS.ReadableStream;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  columns?: number;
  /** Told when the command starts talking to Letta, so may run for seconds (the real process then tends its heap: heap.ts). */
  runsLong?: () => void;
}

/** A writer that masks every known secret in every chunk, whoever writes it. */
export function maskingSink(sink: Sink, secrets: Secrets): Sink {
  return { write: (chunk: string) => sink.write(secrets.redact(chunk)) };
}

export interface OutputMode {
  /** false when --no-color was given. */
  colour: boolean;
  env: Record<string, string | undefined>;
  json: boolean;
  quiet: boolean;
}

const ESC = '\u001b';

/**
 * Everything the CLI prints goes through here: data to stdout, the rest to
 * stderr, both through writers that mask secrets and make text inert. Server
 * text reaches the terminal only as characters: every control character bar
 * newline and tab is shown as \xNN, never obeyed (a title set, a screen
 * cleared), whoever writes it; the only escape codes written are this tool's
 * own colours.
 */
export class Output {
  /** Colours for stdout and stderr, each off unless that stream is a colour terminal. */
  readonly paint: Paint;
  readonly paintErr: Paint;
  readonly stdout: Sink;
  readonly stderr: Sink;
  /** Stands for ESC in this tool's own colours until written; a server cannot send it, since it never sees it. */
  private readonly mark = `\ue000${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}\ue001`;
  /**
   * --dry-run printed a request instead of sending it: from then on stdout
   * carries only such requests, and a command's own data and its report of
   * what happened (nothing did: the answers were placeholders) are dropped.
   * Warnings and notes stay. A command that changes nothing prints as usual.
   */
  private unsent = false;
  /** While set, every write is offered to it first, and it may keep the write to make later (work run side by side writes in its own order). */
  private keep?: (write: () => void) => boolean;

  constructor(
    readonly io: Io,
    readonly mode: OutputMode,
    readonly secrets: Secrets,
  ) {
    this.paint = painter(colourEnabled({ isTTY: io.stdoutIsTTY, env: mode.env, flag: mode.colour }), this.mark);
    this.paintErr = painter(colourEnabled({ isTTY: io.stderrIsTTY, env: mode.env, flag: mode.colour }), this.mark);
    this.stdout = this.inertSink({ write: (text: string) => this.unsent || io.stdout.write(text) });
    this.stderr = this.inertSink(io.stderr);
  }

  /** Offer every write to `keep` until the returned function is called (see `keep`). */
  keepWrites(keep: (write: () => void) => boolean): () => void {
    this.keep = keep;
    return () => (this.keep = undefined);
  }

  /** Secrets masked, control characters shown, then this tool's own colours restored. */
  private inertSink(sink: Sink): Sink {
    const write = (chunk: string) => sink.write(inert(this.secrets.redact(chunk)).replaceAll(this.mark, ESC));
    return { write: (chunk: string) => this.keep?.(() => write(chunk)) || write(chunk) };
  }

  get json(): boolean {
    return this.mode.json;
  }

  get quiet(): boolean {
    return this.mode.quiet;
  }

  /** Never print this string; show it masked instead. */
  hideSecret(secret: string | undefined): void {
    this.secrets.add(secret);
  }

  /** A line of data on stdout. */
  line(text: string): void {
    this.stdout.write(`${text}\n`);
  }

  /** Raw data on stdout, no newline added (for streamed documents). */
  raw(text: string): void {
    this.stdout.write(text);
  }

  /**
   * Data held in memory up to `limit` characters, then streamed: a list that
   * fails on an early page prints nothing, and a huge one never sits in memory.
   */
  held(limit = 256 * 1024): HeldWriter {
    return new HeldWriter((text) => this.raw(text), limit);
  }

  /** A JSON array written into `data` an item at a time, as document() prints one whole. */
  jsonArray(data: HeldWriter): JsonArrayWriter {
    return new JsonArrayWriter(data, this.io.stdoutIsTTY);
  }

  /** A JSON document written into `data` a member at a time, as document() prints one whole. */
  jsonDocument(data: HeldWriter): JsonWriter {
    return new JsonWriter(this.io.stdoutIsTTY, (text) => data.add(inertJson(text)));
  }

  /** One JSON document: indented for a person, compact for a pipe. */
  document(value: unknown): void {
    writeJson(value, this.io.stdoutIsTTY, (text) => this.raw(inertJson(text)), '\n');
  }

  /** One JSON object on one line (for line-per-record output). */
  jsonLine(value: unknown): void {
    this.line(inertJson(JSON.stringify(value)));
  }

  /** A file on stdout (a calendar) whose own format has escaped what it holds, line ends included: only secrets are masked. */
  file(text: string): void {
    if (!this.unsent) this.io.stdout.write(this.secrets.redact(text));
  }

  /** A line for the person (stderr) about what was done: confirmations' details. Dropped under --dry-run. */
  info(text: string): void {
    if (!this.unsent) this.note(text);
  }

  /** Whether --dry-run held a request back: what the command has since are placeholder answers (no ids were made). */
  get heldBack(): boolean {
    return this.unsent;
  }

  /**
   * What a --dry-run would have done, said where the confirmation of the real
   * change goes (stderr), plainly (no ✓: nothing was done). Nothing with --json
   * or -q: their stdout holds the requests, and there is no id to give.
   */
  would(text: string): void {
    if (!this.json && !this.quiet) this.note(text);
  }

  /** A line for the person (stderr), in every mode: progress, notes, per-item errors. */
  note(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  success(text: string): void {
    this.info(`${this.paintErr.green('✓')} ${text}`);
  }

  warn(text: string): void {
    this.note(`${this.paintErr.yellow('Warning:')} ${text}`);
  }

  /** What a time phrase's reading chose where the phrase left a choice (stderr, in every mode; `notes` in --json). */
  readingNotes(notes: readonly string[] | undefined): void {
    for (const text of notes ?? []) this.note(`${this.paintErr.cyan('Note:')} ${text}`);
  }

  /**
   * A line on a terminal's stderr saying what is being waited for, shown
   * after a moment and counting seconds; nothing in a pipe. Returns the
   * function that clears it.
   */
  progress(label: string, afterMs = 1500): () => void {
    if (!this.io.stderrIsTTY) return () => undefined;
    const started = Date.now();
    let shown = false;
    const clearLine = () => this.io.stderr.write(`\r${ESC}[2K`);
    const show = () => {
      shown = true;
      clearLine();
      this.stderr.write(`${label} ${Math.round((Date.now() - started) / 1000)} s (Ctrl-C to stop)`);
    };
    let ticker: ReturnType<typeof setInterval> | undefined;
    const first = setTimeout(() => {
      show();
      ticker = setInterval(show, 1000);
    }, afterMs);
    return () => {
      clearTimeout(first);
      clearInterval(ticker);
      if (shown) clearLine();
    };
  }

  /** A request that --dry-run did not send: the whole of stdout in that mode. */
  request(text: string): void {
    this.unsent = true;
    this.io.stdout.write(inert(inertJson(this.secrets.redact(text))));
  }

  /** A request that --dry-run did not send, beside the command's own data (status's notification): on stderr, so stdout keeps the data. */
  requestAside(text: string): void {
    this.io.stderr.write(inert(inertJson(this.secrets.redact(text))));
  }
}

export class HeldWriter {
  private parts: string[] = [];
  private size = 0;
  private streaming = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly limit: number,
  ) {}

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    // Past the limit it is written, held or streaming: a page of data that is huge is not held whole either.
    if (this.size > this.limit) this.flush();
  }

  /** A page of data is complete: once streaming, it is written now, in one write rather than one per record. */
  pageDone(): void {
    if (this.streaming) this.flush();
  }

  /** Write what is held and stream from now on. */
  flush(): void {
    if (this.parts.length > 0) this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    this.streaming = true;
  }
}

/** One JSON array, an item at a time: indented for a person, compact for a pipe (a WithFields written without a copy). */
export class JsonArrayWriter {
  private count = 0;

  constructor(
    private readonly data: HeldWriter,
    private readonly indented: boolean,
  ) {}

  add(value: unknown): void {
    const text = inertJson(this.indented ? JSON.stringify(value, null, 2).replace(/^/gm, '  ') : compactJson(value));
    this.data.add(`${this.count++ === 0 ? '[' : ','}${this.indented ? '\n' : ''}${text}`);
  }

  /** The closing bracket (the whole of an empty array). */
  end(): void {
    this.data.add(this.count === 0 ? '[]\n' : `${this.indented ? '\n' : ''}]\n`);
  }
}
