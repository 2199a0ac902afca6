import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { CliError, NotFoundError, UsageError } from '../../errors';
import { parseBaseUrl } from '../../letta/url';
import type { Runtime } from '../../runtime';
import { currentId, emptyState, findIntent, findPaused, findSeries, isSetId, recordedIds, setMembers, type CreateAttempt, type Intent, type State } from '../../state/records';
import { landingOf } from '../../sync/same-schedule';
import type { ScheduledMessage } from '../../letta/types';
import type { Limiter } from '../../concurrency';
import { CHANGES_LOCK, letIn, ROUND_BUDGET_MS } from '../../state/changes-lock';
import { LockUnavailableError, openState, stateDir, type StateStore } from '../../state/store';
import { sharedRecordWrites, type RecordWriter } from '../../sync/execute';
import { staleSyncNotice } from '../../status/record';
import { readSyncOutcomes } from '../../state/sync-outcome';
import { readTextFile, writePrivateFile } from '../../files/private-file';

/**
 * The record of intent for this run: the records of the server it talks to (serverOf), so two
 * servers that hand out the same ids never mix theirs. `everyServer`: every record, for what
 * tells servers apart (ids recorded elsewhere, status of other servers).
 */
export async function stateStore(rt: Runtime, { everyServer = false } = {}): Promise<StateStore> {
  return openState(rt.env, rt.home, { signal: rt.signal, journal: true, ...(everyServer ? {} : { server: serverOf(rt) }) });
}

/**
 * This agent's schedules on Letta that the record names nowhere, each page's request taking one of `requests`' slots:
 * where a create whose answer was lost left its copy.
 */
export async function* unrecordedSchedules(rt: Runtime, agentId: string, requests: Limiter): AsyncGenerator<ScheduledMessage> {
  const recorded = recordedIds(await (await stateStore(rt)).read(), serverOf(rt)).here;
  for await (const page of (await rt.api()).schedulePages(agentId, { slots: requests })) for (const item of page) if (!recorded.has(item.id)) yield item;
}

/**
 * The copy an unfinished change of a schedule made (an edit or sync replacement whose create's answer was lost: the
 * intent's recorded attempt) if it landed, deleted: a command that deletes or pauses the schedule would otherwise leave
 * it firing with nothing naming it. Its id, or undefined when none landed.
 */
export async function deleteUnfinishedCopy(rt: Runtime, agentId: string, attempt: CreateAttempt | undefined, requests: Limiter): Promise<string | undefined> {
  if (!attempt) return undefined;
  for await (const copy of unrecordedSchedules(rt, agentId, requests)) {
    if (!landingOf(attempt, copy)) continue;
    await requests.run(async () => (await rt.api()).deleteSchedule(agentId, copy.id));
    return copy.id;
  }
  return undefined;
}

/** The server this run talks to, as records name it: the normalised base URL. */
export function serverOf(rt: Runtime): string {
  return parseBaseUrl(rt.settings.baseUrl.value).href;
}

/**
 * Run one read-plan-act step holding the changes lock, so no other command
 * changes the same schedules or record meanwhile. The record is never
 * required: when the lock cannot be made at all (a read-only folder) the step
 * runs without it, with one warning; a lock another process holds is waited
 * for. Under --dry-run nothing changes, so no lock is taken. Re-entrant: a step
 * within a step that holds it (a set's creates, within the set's) just runs.
 */
export async function whileChanging<T>(rt: Runtime, body: () => Promise<T>): Promise<T> {
  if (rt.dryRun || holdingChanges.getStore()) return body();
  // Within one process, changes wait for each other here rather than on the lock file.
  const turn = changesTurn.then(() => underLock(rt, () => holdingChanges.run(true, body)));
  changesTurn = turn.catch(() => undefined);
  return turn;
}

let changesTurn: Promise<unknown> = Promise.resolve();
/** Set within a chain of calls that holds the changes lock (whileChanging's body). */
const holdingChanges = new AsyncLocalStorage<true>();

/** One hold of the changes lock shared by the steps that joined it. */
interface Round {
  /** Taken (or, when it cannot be made at all, given up with a warning); rejected when waiting for it failed. */
  held: Promise<void>;
  /** When the lock was taken. */
  since?: number;
  /** Steps that joined and have not ended. */
  joined: number;
  /** No step joins any more: the next one opens another round. */
  closed: boolean;
  /** Closed because it was held ROUND_BUDGET_MS: the next round lets a waiter in first. */
  spent: boolean;
  /** Settles once the lock is let go. */
  ended: Promise<void>;
  leave(): void;
}

/**
 * `whileChanging` for steps run side by side (several ids at once): each step
 * runs holding the changes lock, but the steps under way share one hold of it,
 * as a sync round does. A hold takes no new step after ROUND_BUDGET_MS, and is
 * let go once its steps have ended, so a sync or another command waiting for
 * the lock gets its turn; later steps take it again. A step's own reads of the
 * record are made under the lock, as with `whileChanging`.
 */
export function changingTogether(rt: Runtime): <T>(step: () => Promise<T>) => Promise<T> {
  if (rt.dryRun) return (step) => step();
  let round: Round | undefined;
  return async (step) => {
    if (round && !round.closed && round.since !== undefined && Date.now() - round.since > ROUND_BUDGET_MS) round.closed = round.spent = true;
    if (!round || round.closed) round = openRound(rt, round?.spent ? round.ended : undefined);
    const mine = round;
    mine.joined++;
    try {
      await mine.held;
      return await step();
    } finally {
      mine.leave();
    }
  };
}

/** A round of steps holding the changes lock, taken once `after` (the round before) has let it go and another command had its turn (letIn). */
function openRound(rt: Runtime, after?: Promise<void>): Round {
  let taken!: () => void;
  let failed!: (error: unknown) => void;
  let idle: (() => void) | undefined;
  const round: Round = {
    held: new Promise<void>((resolve, reject) => ((taken = resolve), (failed = reject))),
    joined: 0,
    closed: false,
    spent: false,
    ended: Promise.resolve(),
    leave: () => {
      if (--round.joined === 0) idle?.();
    },
  };
  round.held.catch(() => undefined);
  const hold = () =>
    whileChanging(rt, async () => {
      round.since = Date.now();
      taken();
      // Let go once no step is under way, after one turn of the event loop in which the next step may join.
      for (;;) {
        if (round.joined > 0) await new Promise<void>((resolve) => (idle = resolve));
        await new Promise((resolve) => setImmediate(resolve));
        if (round.joined === 0) break;
      }
      round.closed = true;
    });
  const turn = after?.then(letIn);
  round.ended = (turn ? turn.then(hold) : hold()).catch((error: unknown) => {
    round.closed = true;
    failed(error);
  });
  return round;
}

async function underLock<T>(rt: Runtime, body: () => Promise<T>): Promise<T> {
  const store = await stateStore(rt);
  let started = false;
  try {
    // A person's command waiting behind a long sync round or an apply says so, not to look hung.
    return await store.withLock(
      CHANGES_LOCK,
      () => {
        started = true;
        return body();
      },
      undefined,
      (line) => rt.out.note(line),
    );
  } catch (error) {
    if (!(error instanceof LockUnavailableError) || started) throw error;
    rt.out.warn(`${error.message}; working without it, so another letta-switchboard running now could change the same schedules.`);
  }
  return body();
}

/**
 * Read the record; records that could not be understood are named once on
 * stderr (they are left in the file, untouched, and not acted on).
 */
export async function readRecord(rt: Runtime, store?: StateStore, { shared = false } = {}): Promise<State> {
  const from = store ?? (await stateStore(rt));
  const state = await (shared ? from.readShared() : from.read());
  warnSetAside(rt, state);
  await noticeStaleSync(rt, state);
  return state;
}

/** Each record set aside, named once on stderr. */
function warnSetAside(rt: Runtime, state: State): void {
  for (const skipped of state.skipped ?? []) warnSkipped(rt, skipped.problem);
}

const noticed = new WeakSet<Runtime>();
/**
 * One line on stderr, at most once a day per server (a marker in the state
 * folder says for which it was shown today), when the last sync failed or is
 * overdue while DST-kept schedules exist. Never on stdout; best effort.
 */
export async function noticeStaleSync(rt: Runtime, state: State): Promise<void> {
  if (noticed.has(rt) || rt.out.json) return;
  noticed.add(rt);
  const server = serverOf(rt);
  const notice = staleSyncNotice(state, server, readSyncOutcomes(rt.env, rt.home)[server], rt.now());
  if (!notice) return;
  const label = { what: 'notice marker', folderHint: '' };
  const marker = join(stateDir(rt.env, rt.home), 'last-notice');
  // One line per server shown today: one server's notice does not keep another's quiet.
  const shown = `${new Date(rt.now()).toISOString().slice(0, 10)} ${server}`;
  try {
    const today = (readTextFile(marker, label) ?? '').split('\n').filter((line) => line.startsWith(shown.slice(0, 11)));
    if (today.includes(shown)) return;
    // A dry run writes no file: it says the notice without marking it shown.
    if (!rt.dryRun) writePrivateFile(marker, `${[...today, shown].join('\n')}\n`, label);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
  }
  rt.out.warn(notice);
}

/** What `look` finds in the record (in an empty one when it cannot be read), without copying the rest of the record. */
export async function lookInRecord<T>(rt: Runtime, look: (state: State) => T): Promise<T> {
  try {
    return await (await stateStore(rt)).look(look);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    warnUnread(rt, error);
    return look(emptyState());
  }
}

/**
 * The record, or an empty one when it cannot be read (for commands that work without it).
 * `shared`: the record itself rather than a copy (StateStore.readShared), for a command that
 * only reads it: copying a record of 10,000 schedules took `recurring list` 29 ms.
 */
export async function readRecordOrNothing(rt: Runtime, { shared = false } = {}): Promise<State> {
  try {
    return await readRecord(rt, undefined, { shared });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    warnUnread(rt, error);
    return emptyState();
  }
}

const unread = new WeakSet<Runtime>();
/** Once a run: the record could not be read, so what it adds (sets, series, lineage, local times) is left out. */
function warnUnread(rt: Runtime, error: CliError): void {
  if (unread.has(rt)) return;
  unread.add(rt);
  rt.out.warn(`${error.message}; going on without the record of intent (its sets, series and local times are not used)`);
}

const warned = new WeakMap<Runtime, Set<string>>();
/** A record set aside, named once a run on stderr. */
export function warnSkipped(rt: Runtime, problem: string): void {
  const seen = warned.get(rt) ?? new Set<string>();
  warned.set(rt, seen);
  if (seen.has(problem)) return;
  seen.add(problem);
  rt.out.warn(`A record in the state file is set aside (left as it is, not acted on): ${problem}`);
}

/**
 * The id that stands for `id` now: itself, or (when an edit, resume or sync
 * replaced it) its latest successor, said on stderr.
 */
export function followLineage(rt: Runtime, state: State, id: string): string {
  const current = currentId(state, id);
  if (current !== id) rt.out.info(`${id} was replaced by ${current}; acting on ${current}.`);
  return current;
}

/**
 * For an id Letta no longer has: the schedule that replaced it (an edit, a sync or a resume here), its latest successor,
 * said on stderr as `followLineage` says it; undefined when the record knows of none.
 */
export async function successorInRecord(rt: Runtime, id: string): Promise<string | undefined> {
  const state = await readRecordOrNothing(rt);
  return currentId(state, id) === id ? undefined : followLineage(rt, state, id);
}

/**
 * Ids as given, with a set id replaced by its schedules (those standing, or with
 * `paused` those paused), so a command acts on the set whole. A set asked again
 * (paused already, or resumed already) gives the schedules that pause or resume
 * acted on, so each says it is done, as one schedule asked twice does. A series
 * id stays as it is: pause and resume take a series whole themselves.
 */
export async function expandGroups(rt: Runtime, ids: string[], { paused = false } = {}): Promise<string[]> {
  if (!ids.some((id) => id.startsWith('set-'))) return ids;
  const state = await readRecordOrNothing(rt);
  return ids.flatMap((id) => {
    if (!id.startsWith('set-')) return [id];
    const all = state.intents.filter((i) => i.set_id === id);
    const wanted = all.filter((i) => i.status === (paused ? 'paused' : 'active'));
    const members = (wanted.length > 0 ? wanted : paused ? resumedAlready(state, all) : all.filter((i) => i.status === 'paused')).map((i) => i.schedule_id);
    if (members.length === 0) {
      throw new NotFoundError(all.length > 0 ? `No schedule of set '${id}' is ${paused ? 'paused' : 'standing'} now` : `No set '${id}' in the record of intent`);
    }
    rt.out.info(`${id}: ${members.join(', ')}`);
    return members;
  });
}

/** A set's schedules last paused whose resumed copies stand: one for each standing copy (a set paused and resumed twice has two). */
function resumedAlready(state: State, members: Intent[]): Intent[] {
  const byStanding = new Map<string, Intent>();
  for (const member of members) {
    if (member.paused_at === undefined || member.status !== 'replaced') continue;
    const standing = currentId(state, member.schedule_id);
    if (findIntent(state, standing)?.status === 'active') byStanding.set(standing, member);
  }
  return [...byStanding.values()];
}

/**
 * Where a command that changes Letta records what it did. The record is never
 * required: when it cannot be written (a corrupt file, a read-only folder) the
 * change still happens, and one warning names the problem. Under --dry-run
 * changes go to a scratch copy, so nothing is written.
 */
export async function recordWriter(rt: Runtime, unrecorded = 'sync will not keep this schedule'): Promise<RecordWriter> {
  if (rt.dryRun) {
    const scratch: State = emptyState();
    return { update: async (change) => change(scratch) };
  }
  const store = await stateStore(rt);
  let warned = false;
  return {
    async update(change) {
      try {
        return await store.update(change);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        if (!warned) rt.out.warn(`Not recorded in the record of intent (${error.message}); ${unrecorded}.`);
        warned = true;
        return undefined as never;
      }
    },
  };
}

/**
 * What acting on `id` may change, as the record tells: the schedule it names
 * now (after edits and syncs), a set's or series' members, a paused
 * schedule's look-alikes (a resume that finds an earlier attempt's copy takes
 * the first that looks the same). Ids that share one must not be acted on side
 * by side.
 */
export function subjectsOf(state: State, id: string): string[] {
  const keys = new Set([id, currentId(state, id)]);
  if (isSetId(id)) for (const member of setMembers(state, id)) keys.add(currentId(state, member.schedule_id));
  for (const member of findSeries(state, id)?.members ?? []) keys.add(member.schedule_id);
  for (const key of [...keys]) {
    const paused = findPaused(state, key);
    if (paused) keys.add(`look-alike ${paused.schedule.agent_id} ${JSON.stringify(paused.schedule.message ?? null)}`);
  }
  return [...keys];
}

/**
 * What a command acting on several ids side by side (`eachId` with a `concurrency`) shares: one hold of
 * the changes lock for the steps under way, one write for record changes that finish together, and which
 * ids must wait for each other, read from the record as it was when the command began (`known`).
 */
export function sideBySide(rt: Runtime, writer: RecordWriter, known: State) {
  return { changing: changingTogether(rt), saving: sharedRecordWrites(writer), subjects: (id: string) => subjectsOf(known, id) };
}

/** A series or a set is known by its id only through the record: one that cannot be read makes neither (nothing is created). */
export async function readableRecord(rt: Runtime, what: 'A series' | 'A set'): Promise<void> {
  try {
    await (await stateStore(rt)).read();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    throw new UsageError(
      `${what} is kept in the record of intent, which cannot be read: ${error.message}`,
      `Fix the file or move it away, then create the ${what.slice(2)} again; nothing was created.`,
    );
  }
}
