import { allSettled, mapLimited } from '../concurrency';
import { AuthError, CliError, NotFoundError } from '../errors';
import type { LettaApi } from '../letta/api';
import type { ScheduledMessage } from '../letta/types';
import { CHANGES_LOCK, letIn, ROUND_BUDGET_MS } from '../state/changes-lock';
import { findIntent, recordReplacement, settleForServer, successorOf, type Intent, type Series, type SeriesMember, type State } from '../state/records';
import { applyPlan, type RecordWriter, type ScheduleApi, type SyncOutcome } from './execute';
import { copyCronsOf, expectedCrons, followsLocalClock, planSync, type SyncAction } from './plan';
import { awaitsLostMember, isGoneMember, seriesInstants } from './series';
import { recordsShown, seriesShown, timedAsRecorded } from './same-schedule';
import { listingEntries, type ListingEntry } from './listing-entry';
import { firstCopiesOf, idsRecordedBy, recordedScheduleIds, TWIN_SLACK_MS, twinKey } from './twins';
import type { ListName } from '../state/journal';
import type { RecordWindow } from '../state/store';

/** The record store as sync uses it: read, change under its lock, and one sync at a time. */
export interface SyncStore extends RecordWriter {
  read(): Promise<State>;
  /** See StateStore.readShared; without it, each round reads a copy. */
  readShared?(): Promise<State>;
  /** See StateStore.readsFromDisk; without it, every round lists the agent's schedules afresh. */
  readsFromDisk?(): number;
  /** Run `body` holding the named command lock (re-entrant; a second holder waits up to `waitMs`). */
  withLock<T>(name: string, body: () => Promise<T>, waitMs?: number, onWait?: (line: string) => void): Promise<T>;
  /** See StateStore.window and scan: with them, the record is never read whole; each agent's records are synced a window at a time. */
  window?(pick: (list: ListName, record: unknown) => boolean, options?: { dryRun?: boolean }): RecordWindow;
  scan?(visit: (list: ListName, record: unknown, problem: string | undefined) => void): Promise<void>;
  /**
   * Of `ids`, those a record of the agent outside this window names (one of its other windows'): a schedule of
   * theirs is never one no record names. Absent when the window holds every record of the agent.
   */
  namedElsewhere?(agentId: string, ids: ReadonlySet<string>): Promise<Set<string>>;
}

export interface SyncRequest {
  api: Pick<LettaApi, 'createSchedule' | 'getSchedule' | 'deleteSchedule' | 'schedulePages'>;
  store: SyncStore;
  now: number;
  /** The server talked to (normalised base URL): only its records are acted on. */
  server?: string;
  /** Only this agent's records; all recorded agents when absent. */
  agentId?: string;
  /** Nothing is sent (the client prints changing requests) and nothing recorded. */
  dryRun: boolean;
  /** Independent schedules changed at once (requests in flight); one at a time when absent, and under a dry run so its printed requests keep the plan's order. */
  concurrency?: number;
  /**
   * Each round's outcomes as the round ends, for the caller to report then. When given, the result's
   * `plan` and `outcomes` stay empty: a long sync holds one round's at a time.
   */
  onRound?: (outcomes: SyncOutcome[]) => void;
  /** Said once, the first time a round waits for another command's changes (an apply, an edit) to end. */
  onWait?: (line: string) => void;
  /** The most records of one agent a window holds (see SyncStore.window). */
  windowSize?: number;
}

/**
 * How many of an agent's records one window of a sync holds, at most. At about 0.5 KiB a record and a
 * schedule listed, a window holds a few hundred KiB; an agent with more records is listed once a window.
 */
export const SYNC_WINDOW = 500;

export interface SyncResult {
  /** How many recorded schedules and series were checked. */
  checked: number;
  plan: SyncAction[];
  /** One per action (none when they went to `onRound`). */
  outcomes: SyncOutcome[];
}

/** Sync runs unattended: it waits longer than a person's command for the changes lock. */
const SYNC_WAIT_MS = 5 * 60_000;

/**
 * Compare the record with what Letta has now and make Letta match it, one
 * agent at a time. Each round holds the changes lock across reading the
 * record, listing the agent, planning and acting, so no other command changes
 * the same schedules meanwhile; a round ends after ROUND_BUDGET_MS and the
 * next one reads the record again (and lists the agent again only when the
 * listing the round before kept may be short: see AgentRounds).
 */
export function syncSchedules({ api, store, now, server, agentId, dryRun, concurrency = 1, onRound, onWait, windowSize = SYNC_WINDOW }: SyncRequest): Promise<SyncResult> {
  let waited = false;
  const waiting = (line: string) => {
    if (!waited) onWait?.(line);
    waited = true;
  };
  // A dry run changes nothing, so it takes no lock (whose file would be the first thing it wrote).
  const locked = <T>(body: () => Promise<T>) => (dryRun ? body() : store.withLock('sync', body));
  if (store.window && store.scan) return locked(() => syncInWindows({ api, store, now, server, agentId, dryRun, concurrency, onRound, windowSize }, waiting));
  return locked(async () => {
    // The store holds the records of the server synced (openState's `server`), so only the agent is picked here.
    const mine = <T extends { agent_id: string }>(items: T[]) => items.filter((item) => agentId === undefined || item.agent_id === agentId);
    // A dry run works on a copy of its own (below); a sync only reads this to name the agents.
    const first = dryRun ? await store.read() : await (store.readShared?.() ?? store.read());
    const followed = (state: State) => [...mine(state.intents).filter(isFollowed), ...mine(state.series).filter(isFollowed)];
    // A paused schedule is looked at too: its pause may have stopped before its delete, or its resume sent a create.
    const paused = (state: State) => state.paused.filter((p) => agentId === undefined || p.schedule.agent_id === agentId);
    const agents = [...new Set([...followed(first).map((item) => item.agent_id), ...paused(first).map((p) => p.schedule.agent_id)])].sort();
    const plan: SyncAction[] = [];
    const outcomes: SyncOutcome[] = [];
    // A dry run takes every step against a copy of the record, and the client prints the changing requests instead of sending them.
    const scratch = dryRun ? first : undefined;
    const writer: SyncStore = scratch ? { read: async () => scratch, update: async (change) => change(scratch), withLock: (_name, body) => body() } : store;
    let checked = 0;
    const take = takeRound(plan, outcomes, onRound);
    for (const agent of agents) checked += (await syncAgent(api, writer, agent, { now, server, named: agentId !== undefined, dryRun, concurrency, waiting, mine, take })).checked;
    return { checked, plan, outcomes };
  });
}

/** Each round's outcomes to `onRound` as it ends; without it, kept for the result. */
function takeRound(plan: SyncAction[], outcomes: SyncOutcome[], onRound: SyncRequest['onRound']): (round: { plan: SyncAction[]; outcomes: SyncOutcome[] }) => void {
  return (round) => {
    if (onRound) onRound(round.outcomes);
    else {
      plan.push(...round.plan);
      outcomes.push(...round.outcomes);
    }
  };
}

/** One agent's rounds against `writer`: what its first round checked, and whether this key cannot read the agent. */
async function syncAgent(
  api: SyncRequest['api'],
  writer: SyncStore,
  agent: string,
  context: {
    now: number;
    server: string | undefined;
    named: boolean;
    dryRun: boolean;
    concurrency: number;
    waiting: (line: string) => void;
    mine: <T extends { agent_id: string }>(items: T[]) => T[];
    take: (round: { plan: SyncAction[]; outcomes: SyncOutcome[] }) => void;
  },
): Promise<{ checked: number; skipped: boolean }> {
  const { now, server, named, dryRun, concurrency, waiting, mine, take } = context;
  const rounds: AgentRounds = { agentId: agent, named, failedBefore: new Set(), replaced: [] };
  let checked = 0;
  for (let round = 0; ; round++) {
    const result = await writer.withLock(CHANGES_LOCK, () => syncRound(api, writer, rounds, now, server, { readBack: !dryRun, concurrency: dryRun ? 1 : concurrency }, mine), SYNC_WAIT_MS, waiting);
    if (round === 0) checked = result.checked;
    take(result);
    if (!result.more) break;
    if (!dryRun) await letIn();
  }
  return { checked, skipped: rounds.skipped === true };
}

/**
 * syncSchedules over a store that reads the record a window at a time: one pass counts each agent's records; they
 * are then synced in windows of at most `windowSize` records (windowsOf), each agent of a window in rounds as
 * before, so the sync holds a window of the record and of an agent's list, never all of either.
 */
async function syncInWindows({ api, store, now, server, agentId, dryRun, concurrency = 1, onRound, windowSize = SYNC_WINDOW }: SyncRequest, waiting: (line: string) => void): Promise<SyncResult> {
  const counts = new Map<string, { records: number; followed: boolean }>();
  await store.scan!((list, record, problem) => {
    if (problem !== undefined) return;
    const agent = agentOf(list, record);
    if (typeof agent !== 'string' || (agentId !== undefined && agent !== agentId)) return;
    const count = counts.get(agent) ?? { records: 0, followed: false };
    count.records++;
    count.followed ||= list === 'paused' || isFollowed(record as Intent | Series);
    counts.set(agent, count);
  });
  const agents = [...counts]
    .filter(([, count]) => count.followed)
    .map(([agent]) => agent)
    .sort();
  const mine = <T extends { agent_id: string }>(items: T[]) => items.filter((item) => agentId === undefined || item.agent_id === agentId);
  const plan: SyncAction[] = [];
  const outcomes: SyncOutcome[] = [];
  let checked = 0;
  const skipped = new Set<string>();
  const take = takeRound(plan, outcomes, onRound);
  for (const { agents: ofWindow, part, parts } of windowsOf(agents, (agent) => counts.get(agent)!.records, windowSize)) {
    const picked = new Set<unknown>(ofWindow);
    const inWindow = (list: ListName, record: unknown) => picked.has(agentOf(list, record)) && (parts === 1 || groupHash(groupOf(list, record)) % parts === part);
    const window = store.window!(inWindow, { dryRun });
    const writer: SyncStore = {
      read: () => window.read(),
      readShared: () => window.readShared(),
      readsFromDisk: () => window.readsFromDisk(),
      update: (change) => window.update(change),
      withLock: (name, body, waitMs, onWait) => (dryRun ? body() : store.withLock(name, body, waitMs, onWait)),
      scan: (visit) => store.scan!(visit),
      ...(parts === 1 ? {} : { namedElsewhere: (agent, ids) => namedOutside(store, agent, ids, inWindow) }),
    };
    for (const agent of ofWindow) {
      if (skipped.has(agent)) continue;
      const done = await syncAgent(api, writer, agent, { now, server, named: agentId !== undefined, dryRun, concurrency, waiting, mine, take });
      checked += done.checked;
      // An agent this key cannot see is said once, not once a window of its records.
      if (done.skipped) skipped.add(agent);
    }
  }
  return { checked, plan, outcomes };
}

/**
 * The windows of a sync, in the agents' order: agents with few records share one (up to `size` records), so a record of
 * many small agents is not read once an agent; an agent with more than `size` has `parts` windows of its own, its
 * records spread over them by group (groupOf).
 */
export function windowsOf(agents: readonly string[], records: (agent: string) => number, size: number): Array<{ agents: string[]; part: number; parts: number }> {
  const windows: Array<{ agents: string[]; part: number; parts: number }> = [];
  let shared: string[] = [];
  let held = 0;
  const close = () => {
    if (shared.length > 0) windows.push({ agents: shared, part: 0, parts: 1 });
    shared = [];
    held = 0;
  };
  for (const agent of agents) {
    const count = records(agent);
    if (count > size) {
      close();
      const parts = Math.ceil(count / size);
      for (let part = 0; part < parts; part++) windows.push({ agents: [agent], part, parts });
      continue;
    }
    if (held + count > size) close();
    shared.push(agent);
    held += count;
  }
  close();
  return windows;
}

/** Of `ids`, those a readable record of `agent` that `inWindow` does not pick names (idsRecordedBy). */
async function namedOutside(store: SyncStore, agent: string, ids: ReadonlySet<string>, inWindow: (list: ListName, record: unknown) => boolean): Promise<Set<string>> {
  const found = new Set<string>();
  await store.scan!((list, record, problem) => {
    if (problem !== undefined || agentOf(list, record) !== agent || inWindow(list, record)) return;
    for (const id of idsRecordedBy(list, record as Intent)) if (ids.has(id)) found.add(id);
  });
  return found;
}

/** The agent a stored record (unchecked) is of. */
function agentOf(list: ListName, record: unknown): unknown {
  const fields = record as { agent_id?: unknown; schedule?: { agent_id?: unknown } } | null;
  return list === 'paused' ? fields?.schedule?.agent_id : fields?.agent_id;
}

/**
 * What keeps records in one window: a set's schedules, a schedule with those it replaced (its lineage ends with the
 * first), a series, a paused schedule with its intent. A step's new records are of the group of the record they
 * come from, so the window that made them holds them.
 */
function groupOf(list: ListName, record: unknown): string {
  const fields = (record ?? {}) as { set_id?: unknown; replaces?: unknown; schedule_id?: unknown; series_id?: unknown; old_id?: unknown; intent?: unknown };
  if (list === 'series') return String(fields.series_id);
  if (list === 'paused') return fields.intent !== null && typeof fields.intent === 'object' ? groupOf('intents', fields.intent) : String(fields.old_id);
  if (typeof fields.set_id === 'string') return fields.set_id;
  const first = Array.isArray(fields.replaces) ? fields.replaces.at(-1) : undefined;
  return typeof first === 'string' ? first : String(fields.schedule_id);
}

/** FNV-1a: the same group lands in the same window on every machine and every run. */
function groupHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** What one agent's rounds pass on to the next. */
interface AgentRounds {
  agentId: string;
  /** The one agent the sync was asked about (--agent-id, or the configured agent), not one of every agent recorded. */
  named: boolean;
  /** Actions that failed: not tried again in this sync. */
  failedBefore: Set<string>;
  /**
   * The agent's schedules (those its records name) as the last round left them, kept only while every change this sync made
   * is in it and no other process has changed the record since it was listed: the next round then
   * need not list them all again (at 2,000 schedules, a second of every two-second round).
   */
  listing?: { schedules: Map<string, ScheduledMessage>; readsFromDisk: number };
  /** The schedules this sync replaced, over all its rounds (see keepFirstCopies), with what a copy of each shares with it (twinKey). */
  replaced: Array<{ old_id: string; new_id: string; key?: string }>;
  /** Copies made since (ms) may be another machine's replacements: the first round's start, less TWIN_SLACK_MS. */
  since?: number;
  /** The agent cannot be read with this key: said once, in the first window. */
  skipped?: boolean;
}

/** One agent, one round: read, list, confirm, plan, act until the budget is spent. */
async function syncRound(
  api: SyncRequest['api'],
  store: SyncStore,
  rounds: AgentRounds,
  now: number,
  server: string | undefined,
  { readBack, concurrency }: { readBack: boolean; concurrency: number },
  mine: <T extends { agent_id: string; server?: string }>(items: T[]) => T[],
): Promise<{ checked: number; plan: SyncAction[]; outcomes: SyncOutcome[]; more: boolean }> {
  const { agentId, failedBefore, listing } = rounds;
  rounds.listing = undefined;
  const began = Date.now();
  const deadline = began + ROUND_BUDGET_MS;
  // Read, not copied: the round plans from it before its first step changes the record (the copy cost a record's worth each round).
  const read = () => store.readShared?.() ?? store.read();
  let state = await read();
  const readsFromDisk = store.readsFromDisk?.();
  // A record from before servers were told apart whose id this server recorded a schedule of itself is another
  // server's (both handed out the id): sync neither claims nor plans it here.
  const recordedHere = new Set(state.intents.flatMap((i) => (server !== undefined && i.server === server && i.agent_id === agentId ? [i.schedule_id] : [])));
  const another = (item: { server?: string; schedule_id?: string }) => item.server === undefined && item.schedule_id !== undefined && recordedHere.has(item.schedule_id);
  const ofAgent = <T extends { agent_id: string; server?: string; schedule_id?: string }>(items: T[]) => mine(items).filter((item) => item.agent_id === agentId && !another(item));
  const recordsOf = (s: State) => [...ofAgent(s.intents), ...ofAgent(s.series)].filter((item) => item.status === 'active' || item.status === 'gone');
  // Every schedule this round lists, confirms or reads back is kept as listingEntries keeps it.
  const entry = listingEntries(agentId);
  let listed: Map<string, ScheduledMessage>;
  const named = namedByRecord(state, agentId, now);
  const listedWhole = named === undefined;
  try {
    listed = listing !== undefined && listing.readsFromDisk === readsFromDisk ? listing.schedules : await listAll(api, agentId, entry, named, copyCrons(state, agentId, now));
  } catch (error) {
    if (!(error instanceof NotFoundError || (error instanceof AuthError && error.facts.status === 403))) throw error;
    const reason = error instanceof NotFoundError ? 'this key cannot see the agent (404)' : 'this key may not read the agent (403)';
    const action: SyncAction = { type: 'skipped', agent_id: agentId, reason, records: recordsOf(state).length };
    // A refused key fails the sync (exit 4, as every command's), after the other agents; an agent not found only
    // when it is the one asked about: one of every agent recorded may have been deleted, and status shows its records.
    const failed = error instanceof AuthError || rounds.named;
    rounds.skipped = true;
    return { checked: 0, plan: [action], outcomes: [failed ? { action, ok: false, exist: [], error } : { action, ok: true, exist: [] }], more: false };
  }

  // Records from before servers were told apart belong to the first server that shows their schedules: the id
  // with the timing recorded for it, since two servers hand out the same ids for schedules that have nothing in common.
  const unclaimed = (item: { server?: string }) => server !== undefined && item.server === undefined;
  const shows = (i: Intent) => {
    const item = listed.get(i.schedule_id);
    return item !== undefined && (!unclaimed(i) || timedAsRecorded(i, item));
  };
  const showsSeries = (s: Series) => seriesShown(s, (id) => listed.get(id));
  const settled = (s: State) => recordsShown<Intent, Series>({ intents: ofAgent(s.intents).filter(unclaimed), series: ofAgent(s.series).filter(unclaimed) }, (id) => listed.get(id));
  // A record marked gone whose schedule is listed again: followed again.
  // Only with the timing recorded for it: another schedule under its id (a server reset) is not it.
  const found = ofAgent(state.intents)
    .filter((i) => i.status === 'gone' && shows(i) && timedAsRecorded(i, listed.get(i.schedule_id)!))
    .map((i) => i.schedule_id);
  const shown = settled(state);
  if (shown.claimed.length + shown.disowned.length > 0) {
    await store.update((s) => settleForServer(server!, settled(s)));
    state = await read();
  }
  // A series marked gone one of whose members still to fire is listed again, at its instant: followed again.
  const listedAt = (member: SeriesMember) => listed.get(member.schedule_id)?.schedule.scheduled_at === Date.parse(member.instant);
  const foundSeries = ofAgent(state.series)
    .filter((s) => s.status === 'gone' && s.members.some((m) => !isGoneMember(m) && Date.parse(m.instant) > now && listedAt(m)))
    .map((s) => s.series_id);
  const foundActions: SyncAction[] = [
    ...found.map((id) => ({ type: 'found', agent_id: agentId, id }) as const),
    ...foundSeries.map((series_id) => ({ type: 'series-found', agent_id: agentId, series_id }) as const),
  ];
  // Only of a record sync would have followed: an ended one (deleted, replaced) is synced on no server.
  const disowned: SyncAction[] = shown.disowned
    .filter(isFollowed)
    .map((record) => ({ type: 'disowned', agent_id: agentId, ...(isSeries(record) ? { series_id: record.series_id } : { id: record.schedule_id }), phrase: record.phrase, zone: record.zone }));

  // Only records this server can own are planned: unclaimed ones it does not show may be another server's.
  const intents = ofAgent(state.intents).filter((i) => !unclaimed(i) || shows(i));
  const series = ofAgent(state.series).filter((s) => !unclaimed(s) || showsSeries(s));

  // A schedule missing from the list is confirmed with a GET before anything is marked gone: one bad list must not forget.
  const expected = [
    ...intents.filter((i) => i.status === 'active').map((i) => i.schedule_id),
    ...series.filter((s) => s.status === 'active').flatMap((s) => s.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now).map((m) => m.schedule_id)),
  ];
  const confirmed = mapLimited(
    expected.filter((id) => !listed.has(id)),
    concurrency,
    async (id) => {
      try {
        return entry(await api.getSchedule(agentId, id), id);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        return undefined;
      }
    },
  );
  for (const schedule of await allSettled(confirmed)) if (schedule) listed.set(schedule.id, schedule);
  // A local-time schedule missing for sure may have been replaced by another machine whose record holds it too: the
  // schedules no record names are listed (once) so the plan can find that replacement (see replacedElsewhere).
  // So may a series whose members still to fire are all missing, or one marked gone: made again on another machine (see seriesMadeAgain).
  const missing =
    intents.some((i) => i.status === 'active' && i.attempt === undefined && (followsLocalClock(i) || hasMessages(i)) && !listed.has(i.schedule_id)) ||
    series.some((s) => (s.status === 'active' || s.status === 'gone') && allWaitingMissing(s, listed, now));
  if (missing && !listedWhole) {
    for (const [id, item] of await listAll(api, agentId, entry, undefined)) if (!listed.has(id)) listed.set(id, item);
  }

  // A window that holds part of the agent's records: a schedule another window's record names is not one no record
  // names (the plan would follow a record of this window to it). Those this window names stay.
  if (store.namedElsewhere && listed !== listing?.schedules) {
    const ours = recordedScheduleIds(state);
    for (const id of await store.namedElsewhere(agentId, new Set(listed.keys()))) if (!ours.has(id)) listed.delete(id);
  }
  const failed = (action: SyncAction) => failedBefore.has(actionKey(action));
  // A dry run takes its whole plan in one round: a next round would list Letta without the steps it only printed.
  const cap = readBack ? roundActions(concurrency) : Infinity;
  const planned = planSync({
    now,
    intents: intents.map((i) => (found.includes(i.schedule_id) ? { ...i, status: 'active' as const } : i)),
    series: series.map((s) => (foundSeries.includes(s.series_id) ? { ...s, status: 'active' as const } : s)),
    paused: state.paused.filter((p) => p.schedule.agent_id === agentId),
    letta: new Map([[agentId, listed]]),
    instants: seriesInstants,
    // One more than the round takes on tells whether there is more for the next round.
    limit: cap + 1,
    skip: failed,
  });
  const todo = [...foundActions.filter((action) => !failed(action)), ...planned];
  const fresh = todo.slice(0, cap);
  const checked = recordsOf(state).filter((item) => item.status === 'active').length;
  const watched = keptInListing(api, agentId, listed, entry);
  const done = await applyPlan(fresh, { api: watched.api, records: store, letta: new Map([[agentId, listed]]), now, readBack, deadline, concurrency });
  for (const outcome of done) if (!outcome.ok) failedBefore.add(actionKey(outcome.action));
  for (const { action, ok, new_id } of done) {
    if (!ok || action.type !== 'replace' || new_id === undefined) continue;
    // What another machine's copy would share with it, while its read back is at hand (see keepFirstCopies).
    const made = listed.get(new_id);
    rounds.replaced.push({ old_id: action.old_id, new_id, ...(made ? { key: twinKey(made) } : {}) });
  }
  rounds.since ??= Math.min(began, now) - TWIN_SLACK_MS;
  // A failure or a create not read back may leave the listing short of what is there: the next round lists again.
  if (readsFromDisk !== undefined && readBack && watched.whole() && done.every((o) => o.ok && !o.unsure)) rounds.listing = { schedules: listed, readsFromDisk };
  const more = done.length < todo.length || done.some((o) => o.more === true);
  // The disowned are said, all of them, whatever the round's budget and cap left undone: they were settled above,
  // and the next round's record no longer holds them.
  const said: SyncOutcome[] = disowned.map((action) => ({ action, ok: true, exist: [] }));
  // Once the agent's last round is done: another machine's copies of this sync's replacements.
  const copies = readBack && !more && !done.some((o) => o.unsure) ? await keepFirstCopies(api, watched.api, store, agentId, entry, rounds.replaced, rounds.since) : [];
  return { checked, plan: [...disowned, ...fresh.slice(0, done.length), ...copies.map((o) => o.action)], outcomes: [...said, ...done, ...copies], more };
}

/**
 * After an agent's last round, its schedules listed again (once, and only when this sync replaced
 * some): a replacement another machine made of the same schedule first (see firstCopiesOf) is kept
 * instead of ours. The record follows theirs before ours is deleted, so a delete that fails is
 * finished by the next sync (delete-replaced). Skipped while a create of this agent's may have
 * landed unseen (it would look like another's copy), and when the list cannot be read.
 */
async function keepFirstCopies(
  api: SyncRequest['api'],
  changes: ScheduleApi,
  store: SyncStore,
  agentId: string,
  entry: ListingEntry,
  replaced: ReadonlyArray<{ old_id: string; new_id: string; key?: string }>,
  since: number | undefined,
): Promise<SyncOutcome[]> {
  if (replaced.length === 0 || since === undefined) return [];
  const state = await store.read();
  const placeholder = (i: Intent) => i.agent_id === agentId && (i.attempt !== undefined || i.status === 'creating');
  if (state.intents.some(placeholder)) return [];
  // A window of the record keeps only what may be a copy of its replacements: the list's look-alikes of them.
  const keys = store.scan ? new Set(replaced.flatMap((r) => (r.key === undefined ? [] : [r.key]))) : undefined;
  const ourIds = new Set(replaced.map((r) => r.new_id));
  let listed: Map<string, ScheduledMessage>;
  try {
    listed = await listAll(api, agentId, entry, undefined, new Set(), keys && ((item) => ourIds.has(item.id) || keys.has(twinKey(item))));
  } catch (error) {
    if (error instanceof CliError) return [];
    throw error;
  }
  let known: ReadonlySet<string>;
  if (store.scan) {
    // Which of them the record knows, anywhere in it, and whether a create of this agent's may have landed unseen.
    const found = new Set<string>();
    let unsure = false;
    await store.scan((list, record, problem) => {
      if (problem !== undefined) return;
      if (list === 'intents' && placeholder(record as Intent)) unsure = true;
      for (const id of idsRecordedBy(list, record as Intent)) if (listed.has(id)) found.add(id);
    });
    if (unsure) return [];
    known = found;
  } else known = recordedScheduleIds(state);
  const ours = replaced.flatMap(({ new_id }) => listed.get(new_id) ?? []);
  const firsts = firstCopiesOf(ours, listed.values(), known, since);
  const outcomes: SyncOutcome[] = [];
  for (const { old_id, new_id } of replaced) {
    const first = firsts.get(new_id);
    if (!first) continue;
    const action = { type: 'keep-first-copy', agent_id: agentId, old_id, id: new_id, kept_id: first.id } as const;
    const stamp = new Date().toISOString();
    await store.update((s) => {
      const mine = findIntent(s, new_id);
      if (mine?.status === 'active') recordReplacement(s, new_id, successorOf(mine, first.id, stamp), stamp);
    });
    try {
      await changes.deleteSchedule(agentId, new_id);
      outcomes.push({ action, ok: true, exist: [first.id] });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      outcomes.push({ action, ok: false, exist: [first.id, new_id], error });
    }
  }
  return outcomes;
}

/**
 * The most actions one round takes on: the rest wait for the next round, planned again from the record
 * as it is then. Against a quick server a round's budget covers thousands, and each held its plan's
 * action and request promises to the end of the round; at 50 ms a request a round takes about 100.
 */
function roundActions(concurrency: number): number {
  return 64 * concurrency;
}

/** The records sync looks at: `creating`, a create whose answer was lost; a paused series, for members its pause left on Letta. */
function isFollowed(record: Intent | Series): boolean {
  return isSeries(record)
    ? record.status === 'active' || record.status === 'gone' || record.status === 'paused' || record.delete_unfinished === true
    : record.status === 'active' || record.status === 'gone' || record.status === 'creating';
}

function isSeries(record: Intent | Series): record is Series {
  return Array.isArray((record as Series).members);
}

function actionKey(action: SyncAction): string {
  return JSON.stringify(action);
}

/**
 * The schedule requests of a round, each change they make also made to `listed`: a schedule read
 * back goes in, a deleted one comes out. `whole()`: every schedule this round created was read back.
 */
function keptInListing(api: SyncRequest['api'], agentId: string, listed: Map<string, ScheduledMessage>, entry: ListingEntry): { api: ScheduleApi; whole: () => boolean } {
  const unread = new Set<string>();
  const ofAgent = (agent: string) => agent === agentId;
  return {
    api: {
      async createSchedule(agent, body, checkCommand) {
        const made = await api.createSchedule(agent, body, checkCommand);
        if (ofAgent(agent)) unread.add(made.id);
        return made;
      },
      async getSchedule(agent, id, kind) {
        const found = await api.getSchedule(agent, id, kind);
        if (ofAgent(agent)) {
          listed.set(id, entry(found, id));
          unread.delete(id);
        }
        return found;
      },
      async deleteSchedule(agent, id) {
        await api.deleteSchedule(agent, id);
        if (ofAgent(agent)) listed.delete(id);
      },
    },
    whole: () => unread.size === 0,
  };
}

/**
 * An agent's schedules, all pages: those `named` names, under the record's id
 * strings, or every one when `named` is undefined (see namedByRecord). A list
 * the pager had to stop early (a page repeated, or the page bound reached) is
 * an error here: a short list would make sync forget what it did not see.
 */
async function listAll(
  api: SyncRequest['api'],
  agentId: string,
  entry: ListingEntry,
  named: Map<string, string> | undefined,
  crons: ReadonlySet<string> = new Set(),
  keep?: (item: ScheduledMessage) => boolean,
): Promise<Map<string, ScheduledMessage>> {
  const all = new Map<string, ScheduledMessage>();
  for await (const page of api.schedulePages(agentId, { whole: true }))
    for (const item of page) {
      const cron = item.schedule?.cron_expression;
      const id = named ? (named.get(item.id) ?? (typeof cron === 'string' && crons.has(spaced(cron)) ? item.id : undefined)) : item.id;
      if (id !== undefined && (keep === undefined || keep(item))) all.set(id, entry(item, id));
    }
  return all;
}

/** Whether a series has members still to fire, none of them listed. */
function allWaitingMissing(series: Series, listed: ReadonlyMap<string, ScheduledMessage>, now: number): boolean {
  const waiting = series.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now);
  return waiting.length > 0 && waiting.every((m) => !listed.has(m.schedule_id));
}

const spaced = (cron: string) => cron.trim().replace(/\s+/g, ' ');
const hasMessages = (intent: Intent) => intent.kind === 'recurring' && intent.messages_key !== undefined;

/**
 * The UTC crons a copy of an agent's records marked gone that hold their messages can have: a schedule at one of them
 * that no record names may be one made again on another machine (a resume there), so the listing keeps it (see
 * madeAgainElsewhere).
 */
function copyCrons(state: State, agentId: string, now: number): Set<string> {
  const expectedOf = expectedCrons(now);
  return new Set(state.intents.filter((i) => i.agent_id === agentId && i.status === 'gone' && hasMessages(i)).flatMap((i) => copyCronsOf(i, expectedOf).map(spaced)));
}

/**
 * Which of an agent's listed schedules a round can need: those its records name, each id as the record
 * holds it (so the list keeps no second copy of it); or every one (undefined) while a create whose answer
 * was lost waits to be found among those no record names. The others, made elsewhere, are not kept: an
 * agent with thousands of them held them all.
 */
export function namedByRecord(state: State, agentId: string, now: number): Map<string, string> | undefined {
  const named = new Map<string, string>();
  const name = (id: string) => named.set(id, id);
  for (const intent of state.intents) {
    if (intent.agent_id !== agentId) continue;
    if (intent.attempt !== undefined || intent.status === 'creating') return undefined;
    name(intent.schedule_id);
  }
  for (const series of state.series) {
    if (series.agent_id !== agentId) continue;
    if (awaitsLostMember(series, now)) return undefined;
    for (const member of [...series.members, ...(series.resumed_members ?? [])]) name(member.schedule_id);
  }
  for (const paused of state.paused) {
    if (paused.schedule.agent_id !== agentId) continue;
    if (paused.resume_attempt !== undefined) return undefined;
    name(paused.old_id);
  }
  return named;
}
