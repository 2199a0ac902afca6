import { UsageError } from '../../errors';
import type { Runtime } from '../../runtime';

/** Ids read from stdin: far more than anyone handles at once, and a bound on memory. */
const MAX_IDS = 100_000;

/** Schedule ids from the arguments, '-' reading more from stdin (one a line or space-separated); each once. */
export async function idsFrom(rt: Runtime, args: string[], command: string): Promise<string[]> {
  const ids: string[] = [];
  for (const arg of args) {
    if (arg !== '-') {
      ids.push(arg);
      continue;
    }
    if (rt.io.stdinIsTTY) throw new UsageError("'-' reads ids from stdin, but stdin is a terminal", `Pipe ids in, e.g.: letta-switchboard ${command.split(' ')[0]} list -q | letta-switchboard ${command} -`);
    for (const id of (await rt.readStdin('The ids', 16 * 1024 * 1024)).split(/\s+/)) {
      if (id === '') continue;
      if (ids.length >= MAX_IDS) throw new UsageError(`More than ${MAX_IDS.toLocaleString('en-US')} ids on stdin`, 'Give them in smaller batches.');
      ids.push(id);
    }
  }
  if (ids.length === 0 && !args.includes('-')) throw new UsageError('No schedule id given', 'Pass one or more ids, or - to read them from stdin.');
  return [...new Set(ids)];
}
