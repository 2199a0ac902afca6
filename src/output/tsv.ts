/** One line for a table cell: control characters shown, never obeyed. */
export function oneLine(text: string): string {
  return text.replace(/\r?\n|\r|\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** One tab-separated row: cells on one line, control characters shown as \xNN. */
export function tsvRow(cells: string[]): string {
  return cells.map(oneLine).join('\t');
}
