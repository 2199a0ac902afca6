import type { Output } from './output';
import { oneLine } from './inert';
import { shortIds } from './short-id';
import { BadField, fromNow } from './when';

/**
 * The order a narrow terminal gives columns up: UTC first, then how far away a
 * time is, then the agent, then the id; a column without one is never given up.
 */
export const GIVE_UP = { utc: 1, relative: 2, agent: 3, id: 4 } as const;

/** The header of the column that says how far a time is from now ("in 2 days", "3 h ago"), on a terminal only. */
export const RELATIVE_HEADER = 'WHEN';

/** A time (Unix ms) as a terminal's table says how far away it is; '' for none. */
export function relativeCell(ms: number | undefined, now: number): string {
  return ms === undefined || !Number.isFinite(ms) ? '' : fromNow(ms, now, { short: true });
}

export interface Column<T> {
  header: string;
  /** The cell in a pipe, with --wide, and on a terminal unless `shown` says otherwise. */
  cell: (item: T) => string;
  /** The cell in a terminal's fitted table, when a person reads it better (an agent's name for its id). */
  shown?: (item: T) => string;
  /** false: only in tab-separated rows (a pipe), not in the table on a terminal. */
  onTerminal?: boolean;
  /** The column that gives up width when the table does not fit (the message). */
  flexible?: boolean;
  /** When a narrow terminal leaves this column out (GIVE_UP); never when unset. */
  giveUp?: number;
  /** Ids: in a terminal's fitted table, each is the shortest unique start of it (as git's), which every command takes back. */
  shortIds?: boolean;
  /** A time column's instant: on a terminal, a column after it says how far away it is (with ListSpec.now). */
  relative?: (item: T) => number | undefined;
}

export interface ListSpec<T> {
  columns: Array<Column<T>>;
  id: (item: T) => string;
  /** The record as --json prints it (a WithFields adds fields to it without a copy). */
  json: (item: T) => unknown;
  /** Said on stderr when there is nothing to list. */
  empty: string;
  /** A terminal's table is sorted by this (soonest first, none last); pipes and --json keep the server's order, streamed. */
  sortKey?: (item: T) => number | undefined;
  /** --wide: on a terminal, every column and full values (ids, agent ids), not fitted to the width. */
  wide?: boolean;
  /** "now", which a terminal's relative times are counted from. */
  now?: number;
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
  const fitted = table && !spec.wide;
  const columns = table
    ? withRelative(
        spec.columns.filter((c) => c.onTerminal !== false),
        spec.now,
      )
    : spec.columns;
  const data = out.held();
  const array = out.json ? out.jsonArray(data) : undefined;
  const items: T[] = [];
  const problems: string[] = [];
  const cells = (item: T) =>
    columns.map((column) => {
      try {
        return oneLine((fitted && column.shown ? column.shown : column.cell)(item));
      } catch (error) {
        if (!(error instanceof BadField)) throw error;
        problems.push(`${oneLine(spec.id(item))}: ${oneLine(error.message)}`);
        return '?';
      }
    });
  let count = 0;
  for await (const page of pages) {
    for (const item of page) {
      if (array) {
        array.add(spec.json(item));
      } else if (out.quiet) {
        data.add(`${oneLine(spec.id(item))}\n`);
      } else if (table) {
        items.push(item);
      } else {
        data.add(`${cells(item).join('\t')}\n`);
      }
      count++;
    }
    data.pageDone();
  }
  array?.end();
  data.flush();
  if (table && count > 0) {
    if (spec.sortKey) items.sort(bySoonest(spec.sortKey));
    const rows = items.map(cells);
    if (fitted) {
      columns.forEach((column, i) => {
        if (!column.shortIds) return;
        const short = shortIds(rows.map((row) => row[i]!));
        for (const row of rows) row[i] = short.get(row[i]!) ?? row[i]!;
      });
    }
    const { renderTable } = await import('./table');
    const [head, ...body] = renderTable(columns, rows, fitted ? out.io.columns : undefined);
    out.line([out.paint.bold(head ?? ''), ...body].join('\n'));
  }
  for (const problem of problems) out.warn(`${problem}; shown as '?'`);
  if (count === 0 && spec.empty !== '' && !out.json && !out.quiet) out.info(spec.empty);
  return count;
}

/** After each time column, one saying how far away it is (never into a pipe or --json: only a terminal's table has it). */
function withRelative<T>(columns: Array<Column<T>>, now: number | undefined): Array<Column<T>> {
  if (now === undefined) return columns;
  return columns.flatMap((column) => {
    const at = column.relative;
    if (!at) return [column];
    const cell = (item: T) => {
      try {
        return relativeCell(at(item), now);
      } catch {
        // The time column itself names a field that cannot be shown.
        return '';
      }
    };
    return [column, { header: RELATIVE_HEADER, cell, giveUp: GIVE_UP.relative }];
  });
}

/** Soonest first; items without a time last, in the order they came. */
function bySoonest<T>(key: (item: T) => number | undefined): (a: T, b: T) => number {
  const at = (item: T) => {
    try {
      const value = key(item);
      return value === undefined || !Number.isFinite(value) ? Infinity : value;
    } catch {
      return Infinity;
    }
  };
  return (a, b) => {
    const [x, y] = [at(a), at(b)];
    return x === y ? 0 : x < y ? -1 : 1;
  };
}
