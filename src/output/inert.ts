/* No imports here: main and every command use these, so they must cost nothing at start-up (unlike text widths). */

/** Text from a server, safe to print on a terminal: control sequences shown as \xNN, never obeyed. Newlines and tabs kept. */
export function inert(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** One line for a table cell: control characters shown, never obeyed. */
export function oneLine(text: string): string {
  return inert(text.replace(/\r?\n|\r|\t/g, ' '));
}

/**
 * JSON text safe to print: JSON.stringify leaves DEL and the C1 controls
 * (U+007F-U+009F, where some terminals read U+009B as an escape) as they
 * are; written as \u00XX they parse to the same value.
 */
export function inertJson(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
