import type { Output } from './output';
import { inert } from './inert';

/**
 * One line of a receipt: what it is, and, for a change, what it was and what
 * it is now; or an id the command made, which is its data (stdout).
 */
export type ReceiptRow = [label: string, value: string] | [label: string, before: string, after: string] | ReceiptId;

/** An id a command made or changed: alone on stdout in a pipe (and with -q), a row labelled `label` (default "ID") on a terminal. */
export interface ReceiptId {
  id: string;
  label?: string;
}

/** What a command that created or changed something says about it, in every output mode. */
export interface Receipt {
  /** --json: the one document on stdout. */
  document: unknown;
  /** The success line ("Created a recurring schedule"). */
  title: string;
  /**
   * Said instead of the title when --dry-run held the change back ("Would
   * create a recurring schedule"), with the rows but not the ids, which would
   * be placeholders. Without it such a receipt says nothing but its notes.
   */
  would?: string;
  rows: ReceiptRow[];
  /** What the phrase's reading chose (stderr in every mode; --json carries them in the document too). */
  notes?: readonly string[];
  warnings?: readonly string[];
  /** Lines for the person after everything else: what to do next. */
  footer?: ReadonlyArray<string | undefined>;
}

/**
 * The one receipt form. --json: the document. -q: the ids, one a line.
 * Otherwise the success line and the rows on stderr, labels aligned, a change
 * as "before → after", server text made inert; each id on stdout where its row
 * falls (labelled on a terminal, bare in a pipe). Notes and warnings follow in
 * every mode, then the footer for the person. With `idsOnly` (a change that
 * stopped part-way, which the caller explains), only the ids that exist.
 * After --dry-run held the change back, `would` and the rows, on stderr.
 */
export function printReceiptOf(out: Output, receipt: Receipt, { idsOnly = false } = {}): void {
  const ids = receipt.rows.filter(isId).map((row) => row.id);
  if (out.heldBack) {
    if (receipt.would !== undefined && !idsOnly) printWould(out, receipt.would, receipt.rows);
  } else if (out.json) out.document(receipt.document);
  else if (out.quiet || idsOnly) for (const id of ids) out.line(id);
  else printRows(out, receipt.title, receipt.rows);
  out.readingNotes(receipt.notes);
  for (const warning of receipt.warnings ?? []) out.warn(warning);
  if (out.json || out.quiet || idsOnly) return;
  for (const line of receipt.footer ?? []) if (line !== undefined) out.info(line);
}

function printRows(out: Output, title: string, rows: ReceiptRow[]): void {
  out.success(title);
  const width = labelWidth(rows);
  for (const row of rows) {
    if (isId(row)) out.line(out.io.stdoutIsTTY ? `  ${labelOf(row).padEnd(width)}  ${out.paint.bold(row.id)}` : row.id);
    else out.info(rowText(row, width));
  }
}

/** A dry run's receipt: what would be done and the rows, without the ids (placeholders: nothing was made). */
function printWould(out: Output, would: string, rows: ReceiptRow[]): void {
  const shown = rows.filter((row): row is Exclude<ReceiptRow, ReceiptId> => !isId(row));
  out.would(would);
  const width = labelWidth(shown);
  for (const row of shown) out.would(rowText(row, width));
}

function labelOf(row: ReceiptRow): string {
  return isId(row) ? (row.label ?? 'ID') : row[0];
}

function labelWidth(rows: ReceiptRow[]): number {
  return Math.max(0, ...rows.map((row) => labelOf(row).length));
}

/** "  Label  value", a change as "before → after", server text made inert. */
function rowText(row: Exclude<ReceiptRow, ReceiptId>, width: number): string {
  return `  ${row[0].padEnd(width)}  ${row
    .slice(1)
    .map((value) => inert(value))
    .join(' → ')}`;
}

function isId(row: ReceiptRow): row is ReceiptId {
  return !Array.isArray(row);
}
