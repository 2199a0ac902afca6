import type { Output } from './output';
import { inert } from './inert';

/** One line of a receipt: what it is, and, for a change, what it was and what it is now. */
export type ReceiptRow = [label: string, value: string] | [label: string, before: string, after: string];

/**
 * The receipt of a change, on stderr under its success line: labels aligned,
 * a change shown as "before → after", values made inert. Nothing with --json
 * or -q (their data is on stdout).
 */
export function printReceipt(out: Output, title: string, rows: ReceiptRow[]): void {
  if (out.json || out.quiet) return;
  out.success(title);
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  for (const [label, ...values] of rows) out.info(`  ${label.padEnd(width)}  ${values.map((value) => inert(value)).join(' → ')}`);
}
