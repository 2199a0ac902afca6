import { AuthError, CliError, InterruptedError, NetworkError, NotFoundError, UsageError } from '../../errors';
import type { Output } from '../../output/output';
import { isShortId, shortMatches } from '../../output/short-id';
import type { Runtime } from '../../runtime';
import { schedulesOf } from './schedule';
import { stateStore } from './state';

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
  return [...new Set(await resolveScheduleIds(rt, ids))];
}

/**
 * The one place a short schedule id (the start of one, as a terminal's
 * tables show them) becomes the full id. Full ids pass as they are. Short
 * ones are looked for among the schedules of the agent given (every agent's
 * when none is) and the record of intent (series, paused schedules), with
 * one listing for all of them: exactly one must match.
 */
export async function resolveScheduleIds(rt: Runtime, ids: string[]): Promise<string[]> {
  if (!ids.some(isShortId)) return ids;
  const candidates = new Set<string>();
  const agent = rt.agentOrNone();
  for await (const page of schedulesOf(rt, agent ? [await rt.agentId(agent)] : undefined)) for (const item of page) candidates.add(item.id);
  for (const id of await recordIds(rt)) candidates.add(id);
  return ids.map((id) => (isShortId(id) ? pickOne(id, [...candidates], 'schedule') : id));
}

/** The one id among `candidates` that `short` starts (or is); none is "not found", several a usage error naming them. */
export function pickOne(short: string, candidates: string[], what: 'schedule' | 'run'): string {
  const matches = candidates.filter((candidate) => candidate === short.trim() || shortMatches(short, candidate));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new NotFoundError(`No ${what} id starts with '${short}'`);
  const shown = matches.slice(0, 5).join(', ');
  throw new UsageError(`'${short}' starts ${matches.length} ${what} ids: ${shown}${matches.length > 5 ? ', ...' : ''}`, 'Give more of the id.');
}

/** Ids only the record of intent knows (series and paused schedules), and those it recorded; none when it cannot be read. */
async function recordIds(rt: Runtime): Promise<string[]> {
  try {
    const state = await (await stateStore(rt)).read();
    return [...state.series.map((s) => s.series_id), ...state.paused.map((p) => p.old_id), ...state.intents.map((i) => i.schedule_id)];
  } catch (error) {
    if (error instanceof CliError) return [];
    throw error;
  }
}

/**
 * Act on each id in turn and collect what happened. With one id its error is
 * the command's error (unless `collectEvery`, by default with --json, whose
 * array holds every id's outcome: one id is then as several). With
 * several, each failure is said and recorded with `failed(id, message, error)`,
 * and the rest go on; a failure that would repeat for every id (auth, network,
 * Ctrl-C) stops the rest, which are recorded as not tried. `act` returns the
 * id's outcome, or nothing to record none; `said` prints each outcome as it
 * comes. `firstError` is the first failure. `stopped` is the failure whose exit
 * code the command ends with, when it is more than the general 1: the one that
 * stopped the rest, or "not found" (3) when no id was found at all.
 */
export async function eachId<T>(
  out: Output,
  ids: string[],
  failed: (id: string, message: string, error?: CliError) => T,
  act: (id: string) => Promise<T | undefined>,
  { said, collectEvery = out.json }: { said?: (outcome: T) => void; collectEvery?: boolean } = {},
): Promise<{ outcomes: T[]; stopped?: CliError; firstError?: CliError }> {
  const outcomes: T[] = [];
  let stopped: CliError | undefined;
  const failures: CliError[] = [];
  for (const id of ids) {
    if (stopped) {
      outcomes.push(failed(id, 'not tried'));
      continue;
    }
    try {
      const outcome = await act(id);
      if (outcome === undefined) continue;
      outcomes.push(outcome);
      said?.(outcome);
    } catch (error) {
      if (!(error instanceof CliError) || (ids.length === 1 && !collectEvery)) throw error;
      outcomes.push(failed(id, error.message, error));
      failures.push(error);
      if (!out.json) out.note(`${out.paintErr.red('Error:')} ${error.message}`);
      if (error instanceof AuthError || error instanceof NetworkError || error instanceof InterruptedError) stopped = error;
    }
  }
  if (!stopped && failures.length === ids.length && failures.every((error) => error instanceof NotFoundError)) stopped = failures[0];
  return { outcomes, stopped, firstError: failures[0] };
}
