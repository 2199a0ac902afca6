import Table from 'cli-table3';
import { displayWidth, truncate } from './text';

/* Loaded only when a table is printed on a terminal (pipes and --json never load cli-table3). */

/** How a column of a table behaves when the terminal is narrow. */
export interface TableColumn {
  header: string;
  flexible?: boolean;
  giveUp?: number;
}

/** The least room the flexible column is given before columns are given up. */
const FLEXIBLE_MIN = 16;
const GAP = 2;

/**
 * A borderless table (drawn by cli-table3), columns two spaces apart, padded
 * by display width. With a terminal width, the widths are chosen so no line
 * wraps: columns with no value in any row are left out; while the flexible
 * column would get less than FLEXIBLE_MIN, columns are given up in their
 * `giveUp` order; then the flexible column, and after it the widest, is cut
 * with "…". Without a width (--wide), nothing is left out or cut.
 */
export function renderTable(columns: TableColumn[], rows: string[][], width: number | undefined): string[] {
  const { widths, keep } = fitColumns(columns, rows, width);
  const table = new Table({
    head: keep.map((i) => truncate(columns[i]!.header, widths[i]!)),
    colWidths: keep.map((i) => widths[i]!),
    chars: BORDERLESS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    wordWrap: false,
  });
  for (const row of rows) table.push(keep.map((i) => truncate(row[i] ?? '', widths[i]!)));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
}

const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' '.repeat(GAP),
};

/** The columns kept and each one's width, so the table is at most `width - 1` wide (a line never touches the last column). */
export function fitColumns(columns: TableColumn[], rows: string[][], width: number | undefined): { widths: number[]; keep: number[] } {
  const natural = columns.map((column, i) => Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const headerWidth = columns.map((column) => displayWidth(column.header));
  const widths = [...natural];
  let keep = columns.map((_, i) => i).filter((i) => width === undefined || rows.some((row) => (row[i] ?? '') !== ''));
  if (width === undefined) return { widths, keep };
  const limit = width - 1;
  const total = (kept: number[]) => kept.reduce((sum, i) => sum + widths[i]!, 0) + GAP * (kept.length - 1);
  const flex = columns.findIndex((column) => column.flexible);
  const flexMin = flex >= 0 ? Math.min(FLEXIBLE_MIN, natural[flex]!) : 0;
  const withFlexAtMin = (kept: number[]) => total(kept) - (kept.includes(flex) ? widths[flex]! - flexMin : 0);
  const givenUp = keep.filter((i) => columns[i]!.giveUp !== undefined).sort((a, b) => columns[a]!.giveUp! - columns[b]!.giveUp! || a - b);
  for (const drop of givenUp) {
    if (withFlexAtMin(keep) <= limit) break;
    keep = keep.filter((i) => i !== drop);
  }
  if (flex >= 0 && keep.includes(flex) && total(keep) > limit) widths[flex] = Math.max(headerWidth[flex]!, flexMin, widths[flex]! - (total(keep) - limit));
  // Still too wide (every column that may go has gone): the widest column gives a column at a time, the flexible one too once it is the widest.
  while (total(keep) > limit) {
    const widest = keep.reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
    if (widths[widest]! <= 1) break;
    widths[widest]!--;
  }
  return { widths, keep };
}
