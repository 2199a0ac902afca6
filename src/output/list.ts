import type { Output } from './output';
import { inertJson, oneLine } from './inert';
import { displayWidth, truncate } from './text';
import { BadField } from './when';

export interface Column<T> {
  header: string;
  cell: (item: T) => string;
  /** false: only in tab-separated rows (a pipe), not in the table on a terminal. */
  onTerminal?: boolean;
  /** The column that gives up width when the table does not fit (the message). */
  flexible?: boolean;
  /** A column a narrow terminal's table leaves out, so the message keeps some room (e.g. UTC beside local time). */
  optional?: boolean;
}

export interface ListSpec<T> {
  columns: Array<Column<T>>;
  id: (item: T) => string;
  /** The record as --json prints it. */
  json: (item: T) => unknown;
  /** Said on stderr when there is nothing to list. */
  empty: string;
}

/**
 * The one list printer. --json: one JSON array, streamed; -q: ids, one a line;
 * a terminal: a table fitted to its width; a pipe: tab-separated rows with the
 * same columns whatever the options. Pages are printed as they come (held up
 * to 256 KiB first, so a list failing early prints nothing). A record with a
 * field that cannot be shown is listed anyway, that cell as "?", and the field
 * named on stderr. Returns how many were listed.
 */
export async function printList<T>(out: Output, spec: ListSpec<T>, pages: AsyncIterable<T[]> | Iterable<T[]>): Promise<number> {
  const tty = out.io.stdoutIsTTY;
  const table = tty && !out.json && !out.quiet;
  const columns = table ? spec.columns.filter((c) => c.onTerminal !== false) : spec.columns;
  const data = out.held();
  const rows: string[][] = [];
  const problems: string[] = [];
  let count = 0;
  for await (const page of pages) {
    for (const item of page) {
      if (out.json) {
        const text = inertJson(tty ? JSON.stringify(spec.json(item), null, 2).replace(/^/gm, '  ') : JSON.stringify(spec.json(item)));
        data.add(`${count === 0 ? '[' : ','}${tty ? '\n' : ''}${text}`);
      } else if (out.quiet) {
        data.add(`${oneLine(spec.id(item))}\n`);
      } else {
        const row = columns.map((column) => {
          try {
            return oneLine(column.cell(item));
          } catch (error) {
            if (!(error instanceof BadField)) throw error;
            problems.push(`${oneLine(spec.id(item))}: ${oneLine(error.message)}`);
            return '?';
          }
        });
        if (table) rows.push(row);
        else data.add(`${row.join('\t')}\n`);
      }
      count++;
    }
  }
  if (out.json) data.add(count === 0 ? '[]\n' : `${tty ? '\n' : ''}]\n`);
  data.flush();
  if (table && count > 0) {
    const optional = columns.flatMap((c, i) => (c.optional ? [i] : []));
    const text = renderTable(columns.map((c) => c.header), rows, out.io.columns, columns.findIndex((c) => c.flexible), optional);
    const [head, ...body] = text;
    out.line([out.paint.bold(head ?? ''), ...body].join('\n'));
  }
  for (const problem of problems) out.warn(`${problem}; shown as '?'`);
  if (count === 0 && !out.json && !out.quiet) out.info(spec.empty);
  return count;
}

/** The least room the flexible column is given before optional columns are left out. */
const FLEXIBLE_MIN = 16;

/**
 * A borderless table, columns two spaces apart, padded by display width. When
 * it is wider than the terminal, optional columns are left out while the
 * flexible one would get less than FLEXIBLE_MIN, then the flexible column is
 * truncated to fit, so no line wraps.
 */
export function renderTable(headers: string[], rows: string[][], columns: number | undefined, flexible = -1, optional: number[] = []): string[] {
  let keep = headers.map((_, i) => i);
  const widthOf = (i: number) => Math.max(displayWidth(headers[i]!), ...rows.map((row) => displayWidth(row[i] ?? '')));
  const othersWidth = (kept: number[]) => kept.reduce((sum, i) => (i === flexible ? sum : sum + widthOf(i)), 0) + 2 * (kept.length - 1);
  if (flexible >= 0 && columns) {
    for (const drop of optional) {
      if (columns - othersWidth(keep) - 1 >= Math.min(FLEXIBLE_MIN, widthOf(flexible))) break;
      keep = keep.filter((i) => i !== drop);
    }
  }
  const flex = keep.indexOf(flexible);
  const kept = rows.map((row) => keep.map((i) => row[i] ?? ''));
  const head = keep.map((i) => headers[i]!);
  const widths = keep.map(widthOf);
  if (flex >= 0 && columns) {
    const room = Math.max(4, columns - othersWidth(keep) - 1);
    if (widths[flex]! > room) {
      widths[flex] = Math.max(room, displayWidth(head[flex]!));
      for (const row of kept) row[flex] = truncate(row[flex]!, room);
    }
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[i]! - displayWidth(cell)))))
      .join('  ')
      .trimEnd();
  return [line(head), ...kept.map(line)];
}
