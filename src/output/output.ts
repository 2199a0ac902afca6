import type { ChalkInstance } from 'chalk';
import { colourEnabled, painter } from './colour';
import type { Secrets } from './secrets';

export interface Sink {
  write(chunk: string): unknown;
}

/** The process's streams, injected so commands can run in-process in tests. */
export interface Io {
  stdout: Sink;
  stderr: Sink;
  stdin: NodeJS.ReadableStream;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  columns?: number;
}

export interface OutputMode {
  /** false when --no-color was given. */
  colour: boolean;
  env: Record<string, string | undefined>;
}

/**
 * Everything the CLI prints goes through here: data to stdout, the rest to
 * stderr. Known secrets are masked in every byte written, whatever the source.
 */
export class Output {
  /** Colours for stdout and stderr, each off unless that stream is a colour terminal. */
  readonly paint: ChalkInstance;
  readonly paintErr: ChalkInstance;
  constructor(
    readonly io: Io,
    mode: OutputMode,
    private readonly secrets: Secrets,
  ) {
    this.paint = painter(colourEnabled({ isTTY: io.stdoutIsTTY, env: mode.env, flag: mode.colour }));
    this.paintErr = painter(colourEnabled({ isTTY: io.stderrIsTTY, env: mode.env, flag: mode.colour }));
  }

  /** Never print this string; show it masked instead. */
  hideSecret(secret: string | undefined): void {
    this.secrets.add(secret);
  }

  redact(text: string): string {
    return this.secrets.redact(text);
  }

  /** A line of data on stdout. */
  line(text: string): void {
    this.io.stdout.write(`${this.redact(text)}\n`);
  }

  /** Raw data on stdout, no newline added (for streamed documents). */
  raw(text: string): void {
    this.io.stdout.write(this.redact(text));
  }

  /**
   * Data held in memory up to `limit` characters, then streamed: a list that
   * fails on an early page prints nothing, and a huge one never sits in memory.
   */
  held(limit = 256 * 1024): HeldWriter {
    return new HeldWriter((text) => this.raw(text), limit);
  }

  /** One JSON document: indented for a person, compact for a pipe. */
  json(value: unknown): void {
    this.line(this.io.stdoutIsTTY ? JSON.stringify(value, null, 2) : JSON.stringify(value));
  }

  /** One JSON object on one line (for line-per-record output). */
  jsonLine(value: unknown): void {
    this.line(JSON.stringify(value));
  }

  /** A line for the person (stderr): confirmations' details, notes, hints. */
  info(text: string): void {
    this.io.stderr.write(`${this.redact(text)}\n`);
  }

  success(text: string): void {
    this.info(`${this.paintErr.green('✓')} ${text}`);
  }

  warn(text: string): void {
    this.info(`${this.paintErr.yellow('Warning:')} ${text}`);
  }

  async table(headers: string[], rows: string[][], flexible?: number): Promise<void> {
    if (rows.length === 0) return;
    // Loaded on demand: width tables and grapheme segmentation cost start-up time for every command otherwise.
    const { renderTable } = await import('./table');
    const text = await renderTable(headers, rows, { isTTY: this.io.stdoutIsTTY, columns: this.io.columns, flexible });
    const [head, ...body] = text.split('\n');
    this.line(this.io.stdoutIsTTY ? [this.paint.bold(head ?? ''), ...body].join('\n') : text);
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
    if (this.streaming) return this.write(text);
    this.parts.push(text);
    this.size += text.length;
    if (this.size > this.limit) this.flush();
  }

  /** Write what is held and stream from now on. */
  flush(): void {
    if (this.parts.length > 0) this.write(this.parts.join(''));
    this.parts = [];
    this.streaming = true;
  }
}
