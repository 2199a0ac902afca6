import { AsyncLocalStorage } from 'node:async_hooks';
import { AuthError, CliError, InterruptedError, NetworkError, NotFoundError, UsageError } from '../../errors';
import type { Output } from '../../output/output';
import { isShortId, shortMatches } from '../../output/short-id';
import type { Runtime } from '../../runtime';
import { schedulesOf } from './schedule';
import { serverOf, stateStore } from './state';
import { isSeriesId, isSetId, onServer, recordedIds, seriesEnded } from '../../state/records';
import { limiter } from '../../concurrency';

/** A set or series id given short, after its type word; a full one is the word and a UUID. */
const GROUP_SHORT = /^(set|series)-([0-9a-f][0-9a-f-]{3,})$/i;
const UUID_LENGTH = 36;

/** Ids read from stdin: far more than anyone handles at once, and a bound on memory. */
const MAX_IDS = 100_000;

/** Schedule ids from the arguments, '-' reading more from stdin (one a line or space-separated); each once. */
export async function idsFrom(rt: Runtime, args: string[], command: string, { live = true }: { live?: boolean } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const arg of args) {
    if (arg !== '-') {
      ids.push(arg);
      continue;
    }
    if (rt.io.stdinIsTTY)
      throw new UsageError("'-' reads ids from stdin, but stdin is a terminal", `Pipe ids in, e.g.: letta-switchboard ${command.split(' ')[0]} list -q | letta-switchboard ${command} -`);
    // A '#' starts a comment to the end of its line, as in a file of ids kept by hand.
    for (const id of (await rt.readStdin('The ids', 16 * 1024 * 1024)).replace(/#.*/g, '').split(/\s+/)) {
      // A '-' read from stdin names nothing (a stray dash line).
      if (id === '' || id === '-') continue;
      if (ids.length >= MAX_IDS) throw new UsageError(`More than ${MAX_IDS.toLocaleString('en-US')} ids on stdin`, 'Give them in smaller batches.');
      ids.push(id);
    }
  }
  if (ids.length === 0 && !args.includes('-')) throw new UsageError('No schedule id given', 'Pass one or more ids, or - to read them from stdin.');
  return [...new Set(await resolveScheduleIds(rt, ids, { live }))];
}

/**
 * The one place a schedule id given by the user becomes the full id. Full ids
 * pass as they are. Short ones (the start of one, as a terminal's tables show
 * them) are looked for among the schedules of the agent given (every agent's
 * when none is) and this server's records (series, paused schedules), with one
 * listing for all of them: exactly one must match. An id this machine recorded
 * against another server only is refused (exit 2), naming that server, unless
 * this server holds a schedule of that id itself; `live: false` (the ids of
 * paused schedules, which live only in the record) refuses it all the same.
 */
export async function resolveScheduleIds(rt: Runtime, ids: string[], { live = true }: { live?: boolean } = {}): Promise<string[]> {
  // Only the commands that take several ids (idsFrom) read them from stdin.
  if (ids.includes('-')) throw new UsageError("'-' (ids from stdin) is taken by delete, pause and resume only", 'Give the id itself; for several, run the command once for each (xargs -n1).');
  const record = await recordIds(rt);
  const full = async (id: string) => {
    const elsewhere = record.elsewhere.get(id);
    if (elsewhere !== undefined && !(live && (await heldHere(rt, id)))) throw otherServer(rt, id, elsewhere);
    // One id: the command is about it, so the agent said is checked; among several, each is acted on as its record says.
    if (ids.length === 1) await checkGroupAgent(rt, id, record.groupAgents.get(id));
    return id;
  };
  const fullIds = async (given: string[]) => {
    const resolved: string[] = [];
    for (const id of given) resolved.push(await full(id));
    return resolved;
  };
  // "set-0fa9ad06", "series-3c1e": a set's or series' id shortened after its type word, found among the record's alone.
  ids = ids.map((id) => {
    const group = GROUP_SHORT.exec(id.trim());
    if (!group || group[2]!.length >= UUID_LENGTH) return id;
    const kindOf = group[1]!.toLowerCase();
    const ofKind = [...record.here].filter((candidate) => candidate.startsWith(`${kindOf}-`));
    if (!ofKind.some((candidate) => shortMatches(group[2]!, candidate)))
      throw new NotFoundError(`No ${kindOf} id starts with '${id.trim()}' in the record of intent`, 'List them with: letta-switchboard recurring list');
    return pickOne(group[2]!, ofKind, 'schedule', (candidate) => !record.ended.has(candidate));
  });
  if (!ids.some(isShortId)) return fullIds(ids);
  const candidates = new Set<string>(record.here);
  const listed = new Set<string>();
  const agent = rt.agentOrNone();
  for await (const page of schedulesOf(rt, agent ? [await rt.agentId(agent)] : undefined))
    for (const item of page) {
      candidates.add(item.id);
      listed.add(item.id);
    }
  // Among several it starts, an id whose record has ended and that the server no longer lists is passed over for the live ones.
  const usable = (id: string) => listed.has(id) || !record.ended.has(id);
  return fullIds(
    ids.map((id) => {
      if (!isShortId(id)) return id;
      try {
        return pickOne(id, [...candidates], 'schedule', usable);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        // Not here; if it is one recorded against another server, say which.
        return pickOne(id, [...record.elsewhere.keys()], 'schedule');
      }
    }),
  );
}

/**
 * Whether the server this command talks to holds a schedule `id` after all: two servers may hand out
 * the same ids, and one recorded against another server may be this one's own schedule, made
 * elsewhere. Asked only for such ids (a set or series id is never a schedule on Letta).
 */
async function heldHere(rt: Runtime, id: string): Promise<boolean> {
  if (isSetId(id) || isSeriesId(id)) return false;
  const api = await rt.api();
  const agent = rt.agentOrNone();
  try {
    if (agent) await api.getSchedule(await rt.agentId(agent), id);
    else await api.locateSchedule(id);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/**
 * A set or series is acted on where its record says (its agent); `--agent-id` naming another agent is
 * refused rather than passed over: the user meant a group that agent does not have.
 */
async function checkGroupAgent(rt: Runtime, id: string, recordedAgent: string | undefined): Promise<void> {
  const { value, source } = rt.settings.agentId;
  // Under --dry-run without a key a name cannot be looked up to compare.
  if (recordedAgent === undefined || source !== 'flag' || !value || (rt.dryRun && !rt.settings.apiKey.value)) return;
  const given = await rt.agentId(value);
  if (given === recordedAgent) return;
  const what = isSetId(id) ? 'set' : 'series';
  throw new NotFoundError(
    `No ${what} '${id}' for agent ${given}: it is recorded for agent ${recordedAgent}`,
    `Leave out --agent-id (the record names the ${what}'s agent), or pass --agent-id ${recordedAgent}.`,
  );
}

/** The refusal of an id recorded against another server: where it belongs and how to act on it there. */
export function otherServer(rt: Runtime, id: string, server: string): UsageError {
  return new UsageError(`${id} was recorded on this machine against ${server}, not ${serverOf(rt)}`, `Act on it there: pass --base-url ${server} (or set LETTA_BASE_URL=${server}).`);
}

/**
 * The one id among `candidates` that `short` starts (or is); none is "not found", several a usage error naming them.
 * Among several, those `usable` says are the ones that count when any is (the others would be named for nothing).
 */
export function pickOne(short: string, candidates: string[], what: 'schedule' | 'run', usable?: (id: string) => boolean): string {
  const all = candidates.filter((candidate) => candidate === short.trim() || shortMatches(short, candidate));
  const inUse = usable && all.length > 1 ? all.filter(usable) : all;
  const matches = inUse.length > 0 ? inUse : all;
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new NotFoundError(`No ${what} id starts with '${short}'`);
  const shown = matches.slice(0, 5).join(', ');
  throw new UsageError(`'${short}' starts ${matches.length} ${what} ids: ${shown}${matches.length > 5 ? ', ...' : ''}`, 'Give more of the id.');
}

/**
 * The ids the record of intent holds (schedules, sets, series and their
 * members, paused schedules): those of this server, and those recorded against
 * another server only, with that server. None when the record cannot be read.
 * Read once per command: ids are resolved against the record as it was when
 * the command began (so several ids do not each read and index the whole record).
 */
function recordIds(rt: Runtime): Promise<RecordIds> {
  let ids = indexed.get(rt);
  if (!ids) indexed.set(rt, (ids = indexRecord(rt)));
  return ids;
}
/** `groupAgents`: the agent of each set and series this server's records hold; `ended`: ids whose every record has ended (deleted, replaced, gone). */
type RecordIds = { here: Set<string>; elsewhere: Map<string, string>; groupAgents: Map<string, string>; ended: Set<string> };
const indexed = new WeakMap<Runtime, Promise<RecordIds>>();

async function indexRecord(rt: Runtime): Promise<RecordIds> {
  try {
    const state = await (await stateStore(rt, { everyServer: true })).readShared();
    const server = serverOf(rt);
    const groupAgents = new Map<string, string>();
    for (const intent of state.intents) if (intent.set_id !== undefined && onServer(intent, server)) groupAgents.set(intent.set_id, intent.agent_id);
    for (const series of state.series) if (onServer(series, server)) groupAgents.set(series.series_id, series.agent_id);
    const ended = new Set<string>();
    const standing = new Set<string>();
    for (const intent of state.intents) (['deleted', 'replaced', 'gone'].includes(intent.status) ? ended : standing).add(intent.schedule_id);
    for (const series of state.series) {
      // One whose delete was cut short is still to be deleted (again), so its id is in use.
      const over = seriesEnded(series) && series.delete_unfinished !== true;
      (over ? ended : standing).add(series.series_id);
      for (const member of series.members) (over || member.gone === true ? ended : standing).add(member.schedule_id);
    }
    for (const id of standing) ended.delete(id);
    return { ...recordedIds(state, server), groupAgents, ended };
  } catch (error) {
    if (error instanceof CliError) return { here: new Set(), elsewhere: new Map(), groupAgents: new Map(), ended: new Set() };
    throw error;
  }
}

/** What `act` on an id came to, kept until its turn to be said: its outcome or error, and what it wrote meanwhile. */
type Settled<T> = { outcome?: T; error?: unknown; notTried?: true; kept: Kept };

/** Writes kept for an id's turn; once it has come (`said`), anything it still writes goes straight out. */
type Kept = { writes: Array<() => void>; said: boolean };

/** A failure that would repeat for every id: the ids not yet started are not tried. */
const stopsTheRest = (error: unknown) => error instanceof AuthError || error instanceof NetworkError || error instanceof InterruptedError;

/** The output each id's act writes while others run beside it, kept to be written in the ids' order. */
const keptWrites = new AsyncLocalStorage<Kept>();

/**
 * Act on each id and collect what happened, up to `concurrency` ids at once
 * (started in order; what each writes, and its outcome, are said in the
 * order of `ids` whichever ends first). Ids whose `subjects` share one (two
 * ids of one schedule, a set and one of its members) are acted on one after
 * the other, in order. With one id its error is the command's error (unless
 * `collectEvery`, by default with --json, whose array holds every id's
 * outcome: one id is then as several). With several, each failure is said and
 * recorded with `failed(id, message, error)`, and the rest go on; a failure
 * that would repeat for every id (auth, network, Ctrl-C) stops the ids not yet
 * started, which are recorded as not tried. `act` returns the id's outcome, or
 * nothing to record none; `said` prints each outcome in its turn.
 * `firstError` is the first failure. `stopped` is the failure whose exit code
 * the command ends with, when it is more than the general 1: the first that
 * stopped the rest, or "not found" (3) when no id was found at all.
 */
export async function eachId<T>(
  out: Output,
  ids: string[],
  failed: (id: string, message: string, error?: CliError) => T,
  act: (id: string) => Promise<T | undefined>,
  { said, collectEvery = out.json, concurrency = 1, subjects }: { said?: (outcome: T) => void; collectEvery?: boolean; concurrency?: number; subjects?: (id: string) => string[] } = {},
): Promise<{ outcomes: T[]; stopped?: CliError; firstError?: CliError }> {
  const sideBySide = concurrency > 1 && ids.length > 1;
  const slots = limiter(concurrency);
  const previous = new Map<string, Promise<unknown>>();
  let stopping = false;
  const settle = async (id: string, before: Array<Promise<unknown>>, release: () => void): Promise<Settled<T>> => {
    const kept: Kept = { writes: [], said: false };
    try {
      await Promise.all(before);
      if (stopping) return { notTried: true, kept };
      return { outcome: sideBySide ? await keptWrites.run(kept, () => act(id)) : await act(id), kept };
    } catch (error) {
      if (!(error instanceof CliError) || stopsTheRest(error)) stopping = true;
      return { error, kept };
    } finally {
      release();
    }
  };
  // Started in order as slots free up; each kept until the ids before it are said.
  const started: Array<Promise<Settled<T>> | undefined> = [];
  let startedOne: (() => void) | undefined;
  let cannotStart: { error: unknown } | undefined;
  const starting = (async () => {
    for (const id of ids) {
      const release = await slots.take();
      const keys = subjects?.(id) ?? [];
      const one = settle(
        id,
        keys.flatMap((key) => previous.get(key) ?? []),
        release,
      );
      for (const key of keys) previous.set(key, one);
      void one.then(() => keys.forEach((key) => previous.get(key) === one && previous.delete(key)));
      started.push(one);
      startedOne?.();
    }
  })().catch((error: unknown) => {
    cannotStart = { error };
    startedOne?.();
  });
  const stopKeeping = sideBySide
    ? out.keepWrites((write) => {
        const kept = keptWrites.getStore();
        if (!kept || kept.said) return false;
        kept.writes.push(write);
        return true;
      })
    : () => undefined;
  const outcomes: T[] = [];
  let stopped: CliError | undefined;
  const failures: CliError[] = [];
  try {
    for (const [index, id] of ids.entries()) {
      while (started.length <= index) {
        if (cannotStart) throw cannotStart.error;
        await new Promise<void>((resolve) => (startedOne = resolve));
      }
      const { outcome, error, notTried, kept } = (await started[index])!;
      started[index] = undefined;
      for (const write of kept.writes) write();
      kept.said = true;
      if (notTried) {
        outcomes.push(failed(id, 'not tried'));
        continue;
      }
      if (error !== undefined) {
        if (!(error instanceof CliError) || (ids.length === 1 && !collectEvery)) throw error;
        outcomes.push(failed(id, error.message, error));
        failures.push(error);
        // Under --json too: the array says it for a script, stderr for the person watching.
        out.note(`${out.paintErr.red('Error:')} ${error.message}`);
        if (stopsTheRest(error)) stopped ??= error;
        continue;
      }
      if (outcome === undefined) continue;
      outcomes.push(outcome);
      said?.(outcome);
    }
  } catch (error) {
    // Nothing is left under way when the command gives up.
    stopping = true;
    await starting;
    await Promise.allSettled(started);
    throw error;
  } finally {
    stopKeeping();
  }
  if (!stopped && failures.length === ids.length && failures.every((error) => error instanceof NotFoundError)) stopped = failures[0];
  return { outcomes, stopped, firstError: failures[0] };
}
