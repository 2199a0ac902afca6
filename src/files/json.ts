import { UsageError } from '../errors';

/**
 * Parse a file's JSON, or throw a UsageError naming the file and where it
 * breaks. Only the position is taken from the parser's message: its other
 * forms quote the text around the error, which may be a secret.
 */
export function parseJsonFile(text: string, path: string, what: string, hint: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The ${what} ${path} is not valid JSON${whereInvalid(text, (error as Error).message)}`, hint);
  }
}

/** " (line L, column C)", or nothing when the parser did not say. */
function whereInvalid(text: string, parserMessage: string): string {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(parserMessage);
  if (lineColumn) return ` (line ${lineColumn[1]}, column ${lineColumn[2]})`;
  const at = /at position (\d+)/.exec(parserMessage)?.[1] ?? (/end of JSON input/.test(parserMessage) ? text.trimEnd().length : undefined);
  if (at === undefined) return '';
  const before = text.slice(0, Number(at));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

/**
 * The whole lines of a journal (one JSON value a line) that `read` takes, in order, and how many
 * bytes they take. A last line without its newline (a write cut short by a crash) is left out, as
 * is a last line that is not JSON or that `read` refuses (undefined). Such a line with whole lines
 * after it is no crash's (each step is written where the whole lines end, over what a write cut
 * short left): it is `damagedLine` (counted from 1), the lines before it read, for the caller to
 * refuse the file.
 */
export function journalLines<T>(text: string, read: (value: unknown) => T | undefined): { lines: T[]; bytes: number; damagedLine?: number } {
  const lines: T[] = [];
  let bytes = 0;
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    let line: T | undefined;
    try {
      line = read(JSON.parse(text.slice(start, end)));
    } catch {
      line = undefined;
    }
    if (line === undefined) return text.slice(end + 1).trim() === '' ? { lines, bytes } : { lines, bytes, damagedLine: lines.length + 1 };
    lines.push(line);
    bytes += Buffer.byteLength(text.slice(start, end + 1));
    start = end + 1;
  }
  return { lines, bytes };
}

/** A journal with a line that is not a step and steps after it (journalLines' damagedLine): refused, left as it is. */
export function damagedJournal(path: string, line: number, what: string): UsageError {
  return new UsageError(
    `The ${what} ${path} is damaged: line ${line} is not a step, and steps follow it`,
    'It has been left as it is. Mend or remove that line (the steps after it are what this tool did since), or move the file away to go on without them.',
  );
}
