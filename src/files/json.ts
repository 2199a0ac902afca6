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
