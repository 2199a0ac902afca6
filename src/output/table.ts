import { displayWidth, truncate } from './text';
import { oneLine, tsvRow } from './tsv';

export interface TableOptions {
  isTTY: boolean;
  /** Terminal width, when known. */
  columns?: number;
  /** The column that gives up width when the table does not fit (usually the message). */
  flexible?: number;
}

/**
 * Rows for people or for pipes. On a terminal: a borderless cli-table3 table
 * with no styling codes of its own, the flexible column truncated by display
 * width. Anywhere else: tab-separated rows, no header, nothing truncated.
 */
export async function renderTable(headers: string[], rows: string[][], options: TableOptions): Promise<string> {
  if (!options.isTTY) return rows.map(tsvRow).join('\n');
  const clean = rows.map((row) => row.map(oneLine));

  const { default: Table } = await import('cli-table3');
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...clean.map((row) => displayWidth(row[i] ?? ''))));
  const flexible = options.flexible;
  if (flexible !== undefined && options.columns) {
    const gaps = 2 * (headers.length - 1);
    const others = widths.reduce((sum, w, i) => (i === flexible ? sum : sum + w), 0);
    const room = Math.max(12, options.columns - others - gaps - 1);
    widths[flexible] = Math.min(widths[flexible]!, room);
    for (const row of clean) row[flexible] = truncate(row[flexible] ?? '', room);
  }
  const table = new Table({
    head: headers,
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    wordWrap: false,
  });
  table.push(...clean);
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
}
