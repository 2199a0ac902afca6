import type { Output } from './output';
import { inert } from './inert';
import { BadField } from './when';

/** A label and its value; the value may be computed, and a BadField in it is shown as "?" with the field named. */
export type DetailRow = [label: string, value: string | (() => string)];

/**
 * The one detail printer: labelled lines on stdout, labels aligned and bold on
 * a terminal, values from the server made inert (no terminal control sequence
 * is obeyed). A field that cannot be shown is "?", named on stderr.
 */
export function printDetail(out: Output, rows: DetailRow[]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  const problems: string[] = [];
  for (const [label, value] of rows) {
    let text: string;
    try {
      text = typeof value === 'function' ? value() : value;
    } catch (error) {
      if (!(error instanceof BadField)) throw error;
      problems.push(error.message);
      text = '?';
    }
    out.line(`${out.paint.bold(label.padEnd(width))}  ${inert(text).replace(/\n/g, `\n${' '.repeat(width + 2)}`)}`);
  }
  for (const problem of problems) out.warn(`${inert(problem)}; shown as '?'`);
}

/** What a command that shows one thing says about it, in every output mode. */
export interface Detail {
  /** --json: the one document on stdout. */
  document: unknown;
  /** -q: these lines (ids, instants, crons); without them -q shows the rows. */
  quiet?: string[];
  /** The labelled lines, or how to find them (only run when they are shown). */
  rows: DetailRow[] | (() => DetailRow[] | Promise<DetailRow[]>);
}

/** The one detail form: --json the document, -q its lines, else the labelled rows. */
export async function printDetailOf(out: Output, { document, quiet, rows }: Detail): Promise<void> {
  if (out.json) return out.document(document);
  if (out.quiet && quiet) return quiet.forEach((line) => out.line(line));
  printDetail(out, typeof rows === 'function' ? await rows() : rows);
}
