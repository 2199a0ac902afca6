import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AmbiguousAgentError, CliError, NotFoundError, UsageError } from '../errors';
import { NotUtf8Error, readTextFile } from '../files/private-file';
import { parseBaseUrl } from '../letta/url';
import { hintFor } from '../hints';
import { DEFAULT_CONCURRENCY, mapLimited } from '../concurrency';
import type { Runtime } from '../runtime';
import type { FullScheduleBody } from '../sync/carry';
import { desiredOf, FileError, meaningInRun, type Desired, type DesiredContext } from './desired';
import { readScheduleFile, type ScheduleFile } from './file-format';
import { LOCK_FILE_NAME, serverEntries, type LockEntry, type LockFile } from './lock-file';
import { bodyKey, listedOf, pausedKey, planChanges, wantedBodies, type Change, type Listed, type Listing } from './planner';
import { compareText } from '../text-order';
import { sameMessages } from '../sync/same-schedule';
import type { Series, State } from '../state/records';

export const DEFAULT_FOLDER = 'letta-schedules';

/** A file that stays out of the plan, and why. */
export interface FileReport {
  file: string;
  line: number;
  message: string;
  /** What works instead, where the refusal says it (a zone's near name, phrases to try). */
  hint?: string;
}

/** Where the files are: a folder of them, or one file (then the lock file is beside it and nothing else is planned). */
export interface Target {
  folder: string;
  /** The Markdown files to read, by name inside the folder. */
  names: string[];
  wholeFolder: boolean;
  lockPath: string;
  /** Folders inside the folder that hold Markdown files: never read, and said, so files moved there are not taken for removed unseen. */
  unreadFolders: string[];
}

export function findTarget(path: string | undefined): Target {
  const given = path ?? DEFAULT_FOLDER;
  let isFolder: boolean;
  try {
    isFolder = statSync(given).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UsageError(
        path === undefined ? `No folder ./${DEFAULT_FOLDER} here` : `No file or folder ${given}`,
        path === undefined ? `Run in the folder that holds ${DEFAULT_FOLDER}/, give it with -f PATH, or write it with: letta-switchboard export` : undefined,
      );
    }
    throw new UsageError(`Cannot read ${given} (${code ?? (error as Error).message})`);
  }
  if (!isFolder) return { folder: dirname(given), names: [basename(given)], wholeFolder: false, lockPath: join(dirname(given), LOCK_FILE_NAME), unreadFolders: [] };
  const all = readdirSync(given).filter((name) => !name.startsWith('.'));
  const names = all.filter((name) => isMarkdown(name) && statSync(join(given, name)).isFile()).sort(nameOrder);
  const unreadFolders = all
    .filter((name) => holdsMarkdown(join(given, name)))
    .sort()
    .map((name) => join(given, name));
  return { folder: given, names, wholeFolder: true, lockPath: join(given, LOCK_FILE_NAME), unreadFolders };
}

/**
 * What plan and apply say of the folders they do not read: on every run, as a file moved there later is deleted by the
 * apply that follows. A folder kept on purpose is hidden by a leading dot, which is how it stops being said.
 */
export function unreadFolderNotes(target: Target): string[] {
  return target.unreadFolders.map(
    (folder) =>
      `Note: ${folder}/ holds .md files that are not read: schedule files go directly in ${target.folder}/ (or give that folder with -f ${folder}); to keep it unread and unsaid, name it .${basename(folder)}/`,
  );
}

function isMarkdown(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !name.startsWith('.') && !isReadme(name);
}

function holdsMarkdown(path: string): boolean {
  try {
    return statSync(path).isDirectory() && readdirSync(path).some(isMarkdown);
  } catch {
    return false;
  }
}

/** A folder's README.md says what the folder is for: it is no schedule (export never names a file so). */
function isReadme(name: string): boolean {
  return name.toLowerCase() === 'readme.md';
}

/** The server the lock file's entries belong to: the base URL, normalised. */
export function serverKey(rt: Runtime): string {
  return parseBaseUrl(rt.settings.baseUrl.value).href.replace(/\/+$/, '');
}

export interface Loaded {
  target: Target;
  server: string;
  problems: FileReport[];
  changes: Change[];
}

/**
 * The lock file's entries for one server as a reader passes over them, each with the steps recorded so far laid over
 * it: a plan of thousands of files asks it for the entries of one window of files at a time, never holding them all.
 */
export interface LockEntries {
  each(visit: (name: string, entry: LockEntry) => void): void;
}

/** A lock file already read (plan, export): its entries for `server`. */
export function entriesOf(lock: LockFile, server: string): LockEntries {
  return {
    each(visit) {
      for (const [name, entry] of Object.entries(serverEntries(lock, server))) visit(name, entry);
    },
  };
}

/** How many files are planned at once: their files read, their agents listed, their changes made, before the next are read. */
export const planWindowSize = { files: 500 };

/** One window of the plan: the changes of some files (in name order), the problems of those files, and their lock entries. */
export interface PlanWindow {
  changes: Change[];
  problems: FileReport[];
  /** The lock entries of the window's files, as planned from: apply records its steps in them. */
  entries: Record<string, LockEntry>;
  /** By file, the schedules it takes from removed files (releasedBy). */
  released: Map<string, Released[]>;
}

/** Read the whole folder and plan it: every window's changes and problems in one list (plan and export hold the whole plan). */
export async function loadPlan(rt: Runtime, target: Target, lock: LockEntries, concurrency = DEFAULT_CONCURRENCY): Promise<Loaded> {
  const changes: Change[] = [];
  const problems: FileReport[] = [];
  for await (const window of planInWindows(rt, target, lock, { concurrency })) {
    changes.push(...window.changes);
    problems.push(...window.problems);
  }
  return { target, server: serverKey(rt), problems, changes };
}

/**
 * Read the files and the lock file, resolve each agent once, list the agents' schedules and plan, `size` files at a
 * time in name order; then the lock entries whose files are gone, as many at a time. A file that cannot be read or
 * understood is reported and left out (its lock entry untouched). Agents are resolved and listed `concurrency` at a
 * time. What a window needs to know of the files outside it (whether a schedule it sees is owned by one of them, which
 * schedules it made alike) is asked of the lock file in a pass, or kept as a name and a fingerprint, so the memory a plan
 * holds does not grow with the folder. Each window is planned after the one before it is done with (apply records its
 * changes before asking for the next).
 */
export async function* planInWindows(
  rt: Runtime,
  target: Target,
  lock: LockEntries,
  { concurrency = DEFAULT_CONCURRENCY, size = planWindowSize.files, landing = new Set<string>() }: { concurrency?: number; size?: number; landing?: ReadonlySet<string> } = {},
): AsyncGenerator<PlanWindow> {
  const run: PlanRun = {
    rt,
    target,
    lock,
    concurrency,
    landing,
    now: rt.now(),
    resolved: new Map(),
    record: recordOnce(rt),
    context: { now: rt.now(), zone: rt.zone(), zoneUnset: rt.settings.timezone.source === 'system', meanings: new Map() },
    taken: new Set(),
    makers: new Map(),
    agentNumbers: new Map(),
    pausedLeaving: [],
    pausedKeys: new Map(),
    pausedBy: new Map(),
  };
  const removed: string[] = [];
  if (target.wholeFolder) lock.each((name) => !inFolder(target, name) && removed.push(name));
  removed.sort(compareText);
  if (removed.length > 0) await removedWhilePaused(run, new Set(removed));
  for (let i = 0; i < target.names.length; i += size) yield await planWindow(run, target.names.slice(i, i + size), []);
  for (let i = 0; i < removed.length; i += size) yield await planWindow(run, [], removed.slice(i, i + size));
}

/** What a plan keeps from one window to the next. */
interface PlanRun {
  rt: Runtime;
  target: Target;
  lock: LockEntries;
  concurrency: number;
  /** As `landingKey` gives them, the creates of earlier windows whose answer was lost (apply adds to it as they end). */
  landing: ReadonlySet<string>;
  now: number;
  /** Each agent a file names, resolved once: its id, or why it cannot be. */
  resolved: Map<string, string | CliError>;
  record: () => Promise<State | undefined>;
  context: DesiredContext;
  /** Schedules a file took (found on Letta, or a removed file's it says exactly): no other file's to take, nor to delete. */
  taken: Set<string>;
  /**
   * By a short fingerprint of agent and schedule (48 bits of the body's, a few bytes a file: a false match among millions
   * of schedules is unlikely), the first file that wants it: a file of a later window making it again is told.
   */
  makers: Map<string, string>;
  /** A number for each agent, for the fingerprints above. */
  agentNumbers: Map<string, number>;
  /** Removed files whose schedules are all paused here, with those schedules' fingerprints: a new file saying exactly them is the file renamed. */
  pausedLeaving: Array<[string, LockEntry]>;
  pausedKeys: Map<string, string>;
  /** Their ids, each with the id `recurring resume` takes for it. */
  pausedBy: Map<string, string>;
}

/**
 * The order of a folder's file names: as people read them (compareText, the order planChanges takes a window's files in,
 * so a file split by windows from its neighbours is still planned after them), and by code point where that finds two
 * equal, so that a name can be looked for by halving.
 */
function nameOrder(a: string, b: string): number {
  return compareText(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Whether a name is one of the folder's files (target.names is in nameOrder). */
function inFolder(target: Target, name: string): boolean {
  let low = 0;
  let high = target.names.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (nameOrder(target.names[mid]!, name) < 0) low = mid + 1;
    else high = mid;
  }
  return target.names[low] === name;
}

async function planWindow(run: PlanRun, names: string[], removedNames: string[]): Promise<PlanWindow> {
  const { rt, target, now, context } = run;
  const display = (name: string) => join(target.folder, name);
  const problems: FileReport[] = [];
  const failed = new Set<string>();
  const fail = (name: string, line: number, message: string, from?: CliError) => {
    failed.add(name);
    const hint = from === undefined ? undefined : hintFor(from);
    problems.push({ file: display(name), line, message, ...(hint === undefined ? {} : { hint }) });
  };
  const inWindow = new Set([...names, ...removedNames]);
  const entries: Record<string, LockEntry> = {};
  run.lock.each((name, entry) => {
    if (inWindow.has(name)) entries[name] = entry;
  });

  const files: Array<{ name: string; file: ScheduleFile } | undefined> = [];
  for (const name of names) {
    let text: string | undefined;
    try {
      text = readTextFile(join(target.folder, name), { what: 'schedule file', folderHint: '' });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      if (error instanceof NotUtf8Error) fail(name, error.line, 'not UTF-8 text; save it as UTF-8');
      else fail(name, 1, error.message);
      continue;
    }
    if (text === undefined) {
      fail(name, 1, 'no such file');
      continue;
    }
    const read = readScheduleFile(text);
    if (read.ok) files.push({ name, file: read.file });
    else for (const problem of read.problems) fail(name, problem.line, problem.message);
  }

  const api = await rt.api();
  const unresolved = [...new Set(files.map((one) => one!.file.agent))].filter((agent) => !run.resolved.has(agent));
  await Promise.all(
    mapLimited(unresolved, run.concurrency, async (agent) => {
      try {
        run.resolved.set(agent, await api.resolveAgent(agent));
      } catch (error) {
        if (!(error instanceof NotFoundError || error instanceof AmbiguousAgentError)) throw error;
        run.resolved.set(agent, error);
      }
    }),
  );

  const recorded = await recordedSeries(run.record, Object.entries(entries));
  let desired: Desired[] = [];
  const agentLines = new Map<string, number>();
  // Each file's fields are let go once read into what it wants.
  for (let i = 0; i < files.length; i++) {
    const { name, file } = files[i]!;
    files[i] = undefined;
    agentLines.set(name, file.lines.agent ?? 1);
    const agentId = run.resolved.get(file.agent)!;
    if (agentId instanceof CliError) {
      fail(name, file.lines.agent ?? 1, `agent: ${agentId.message}`, agentId);
      continue;
    }
    try {
      const entry = withRecordedSkips(entries[name], recorded.get(name), now) ?? (await madeHere(run.record, file, agentId, file.timezone ?? context.zone, context));
      desired.push(await desiredOf(name, file, agentId, entry, context));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      fail(name, error.line, error.message, error.from);
    }
  }

  const own = Object.values(entries);
  const agents = [...new Set([...desired.map((d) => d.agent_id), ...own.flatMap((e) => [e.agent_id, ...(e.retiring ?? []).map((r) => r.agent_id)])])].sort();
  // What the record of intent says of the window's owned ids (replaced or paused here): kept for those not on Letta.
  const here = await replacedOnThisMachine(
    run.record,
    own.flatMap((e) => e.ids),
  );
  // Of each agent's schedules, only those this window may plan with: its files' own (or their successors, or a recorded
  // series' members), and those alike a schedule its files want (to take rather than make again). Each is held as the
  // few fields the plan compares, not as listed.
  const wanted = wantedBodies(desired);
  const mine = new Set([
    ...own.flatMap((e) => [...e.ids, ...(e.retiring ?? []).map((r) => r.id)]),
    ...here.successors.values(),
    ...[...recorded.values()].flatMap((series) => series.members.map((m) => m.schedule_id)),
  ]);
  const letta: Listing = new Map();
  const noAgent = new Map<string, NotFoundError>();
  // The timings of the schedules files that Letta has seen before want, and of those the timings some other schedule has.
  const timesBefore = new Set(desired.filter((want) => entries[want.name]).flatMap((want) => want.bodies.map((body) => scheduleKey(body.schedule))));
  const timesSeen = new Set<string>();
  const list = (agentIds: string[], keep: (item: Listed) => boolean) =>
    Promise.all(
      mapLimited(agentIds, run.concurrency, async (agentId) => {
        const kept = letta.get(agentId) ?? new Map<string, Listed>();
        letta.set(agentId, kept);
        try {
          for await (const page of api.schedulePages(agentId))
            for (const item of page) {
              const listed = listedOf(item, wanted);
              if (mine.has(item.id) || listed.body === undefined || keep(listed)) kept.set(item.id, listed);
              else if (timesBefore.has(scheduleKey(listed.body.schedule))) timesSeen.add(scheduleKey(listed.body.schedule));
            }
        } catch (error) {
          // An agent that no longer exists has no schedules left to own, and a file naming it cannot have any made.
          if (!(error instanceof NotFoundError)) throw error;
          noAgent.set(agentId, error);
        }
      }),
    );
  await list(agents, () => false);
  // A file whose schedule is gone from Letta (deleted or changed outside the folder) is told of one that runs at the same
  // time with other fields: when there is one, its agent is listed again for those (a list keeps no such schedule otherwise).
  const standing = (agentId: string, id: string) => letta.get(agentId)?.has(id) || letta.get(agentId)?.has(here.successors.get(id) ?? '');
  const lost = desired.filter((want) => entries[want.name]?.ids.some((id) => !standing(entries[want.name]!.agent_id, id)) && want.bodies.some((body) => timesSeen.has(scheduleKey(body.schedule))));
  if (lost.length > 0) {
    const times = new Set(lost.flatMap((want) => want.bodies.map((body) => scheduleKey(body.schedule))));
    await list(
      [...new Set(lost.map((want) => want.agent_id))].filter((agentId) => !noAgent.has(agentId)),
      (item) => times.has(scheduleKey(item.body!.schedule)),
    );
  }
  if (noAgent.size > 0) {
    for (const want of desired) if (noAgent.has(want.agent_id)) fail(want.name, agentLines.get(want.name) ?? 1, `agent: ${noAgent.get(want.agent_id)!.message}`, noAgent.get(want.agent_id));
    desired = desired.filter((want) => !noAgent.has(want.agent_id));
  }
  const listedAnywhere = (id: string) => [...letta.values()].some((listed) => listed.has(id));
  for (const map of [here.successors, here.paused, here.pausedKeys]) for (const id of [...map.keys()]) if (listedAnywhere(id)) map.delete(id);

  // Which of the listed schedules the lock file gives to files outside this window: a removed file's are free to take.
  const ownIds = new Set(own.flatMap((e) => [...e.ids, ...(e.retiring ?? []).map((r) => r.id)]));
  const outside = ownersOutside(run, inWindow, new Set([...letta.values()].flatMap((listed) => [...listed.keys()].filter((id) => !ownIds.has(id)))));
  // A schedule an earlier window's create made though its answer was lost is that file's, found for it by the next apply:
  // no file of this window takes it (planned with the whole folder, none could have: it was not there yet).
  const landed = [...letta].flatMap(([agentId, listed]) => [...listed.values()].filter((item) => !ownIds.has(item.id) && run.landing.has(landingKey(agentId, item.key))).map((item) => item.id));
  const ownedOutside = new Set([...[...outside].filter(([, owner]) => owner.present).map(([id]) => id), ...landed]);
  // A series made here is the file's whole: the members a sync made since the export are the file's too, never made twice;
  // so is a member whose create (a sync's or an apply's) went unanswered and landed, found as the record's attempt.
  const ownedByEntries = new Set([...own.flatMap((e) => e.ids), ...outside.keys()]);
  const ownedByOneTime = new Set([...Object.values(entries).flatMap((e) => (e.at === undefined ? [] : e.ids)), ...[...outside].filter(([, owner]) => owner.oneTime).map(([id]) => id)]);
  const owning = (name: string, entry: LockEntry) => {
    const listed = letta.get(entry.agent_id);
    const series = recorded.get(name);
    // A member a one-time file owns (fired, and written as a file of its own by an earlier export) stays that file's.
    const more = (series?.members ?? [])
      .filter((m) => m.gone !== true && listed?.has(m.schedule_id) && !entry.ids.includes(m.schedule_id) && !ownedByOneTime.has(m.schedule_id))
      .map((m) => m.schedule_id);
    const recordedIds = new Set(series?.members.map((m) => m.schedule_id));
    const want = series?.attempted === undefined ? undefined : desired.find((d) => d.name === name);
    for (const at of (series?.attempted ?? []).map((instant) => Date.parse(instant))) {
      const body = want?.bodies.find((b) => b.schedule.type === 'one-time' && b.schedule.scheduled_at === at);
      const key = body && bodyKey(body);
      const twin = [...(listed?.values() ?? [])].find((item) => item.key === key && !ownedByEntries.has(item.id) && !recordedIds.has(item.id) && !more.includes(item.id));
      if (twin) more.push(twin.id);
    }
    return more.length === 0 ? entry : { ...entry, ids: [...entry.ids, ...more] };
  };
  const changes = planChanges({
    now,
    desired,
    entries: Object.fromEntries(Object.entries(entries).map(([name, e]) => [name, owning(name, e)])),
    failed,
    wholeFolder: target.wholeFolder,
    letta,
    wanted,
    successors: here.successors,
    paused: new Map([...here.paused, ...run.pausedBy]),
    pausedKeys: new Map([...here.pausedKeys, ...run.pausedKeys]),
    ownedOutside,
    taken: run.taken,
    pausedLeaving: run.pausedLeaving,
  });
  madeInEarlierWindows(run, changes, desired);
  problems.sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
  return { changes, problems, entries, released: releasedBy(run, changes, outside) };
}

/** The file outside a window that the lock file gives a schedule to; of a removed file, its entry too. */
interface Owner {
  name: string;
  present: boolean;
  oneTime: boolean;
  entry?: LockEntry;
}

/**
 * The schedules this window's files take from removed files (a rename, or a copy found), by the file that takes them,
 * with the removed file's entry as read: apply records that entry less them in the step that records the file taking
 * them, so the lock file never gives one schedule to two files (as a journal written into it between windows would, or
 * one an apply cut off left).
 */
function releasedBy(run: PlanRun, changes: Change[], outside: ReadonlyMap<string, Owner>): Map<string, Released[]> {
  const released = new Map<string, Released[]>();
  for (const change of changes) {
    for (const id of [...change.adopt, ...change.keep]) {
      const renamed = run.pausedLeaving.find(([, entry]) => entry.ids.includes(id));
      const owner = outside.get(id) ?? (renamed && { name: renamed[0], present: false, entry: renamed[1] });
      if (!owner || owner.present) continue;
      released.set(change.file, [...(released.get(change.file) ?? []), { file: owner.name, entry: owner.entry!, id }]);
    }
  }
  return released;
}

/** A schedule a file takes from a removed file, with that file's entry as read. */
export interface Released {
  file: string;
  entry: LockEntry;
  id: string;
}

/** How a create whose answer was lost is told to the windows after it: its agent and its body's fingerprint (bodyKey). */
export function landingKey(agentId: string, key: string): string {
  return `${agentId} ${key}`;
}

/** A schedule's timing alone, to find one that runs when a file's would with other fields. */
function scheduleKey(schedule: FullScheduleBody['schedule']): string {
  return schedule.type === 'recurring' ? `cron ${schedule.cron_expression.trim().split(/\s+/).join(' ')}` : `at ${schedule.scheduled_at}`;
}

/**
 * Of `ids`, those the lock file gives to a file outside the window: whether that file is still in the folder (a removed
 * file's schedules are free for a new file to take), and whether it is a one-time file. One pass over the lock file.
 */
function ownersOutside(run: PlanRun, inWindow: ReadonlySet<string>, ids: ReadonlySet<string>): Map<string, Owner> {
  const found = new Map<string, Owner>();
  if (ids.size === 0) return found;
  run.lock.each((name, entry) => {
    if (inWindow.has(name)) return;
    const present = !run.target.wholeFolder || inFolder(run.target, name);
    const owner = { name, present, oneTime: entry.at !== undefined, ...(present ? {} : { entry }) };
    for (const id of [...entry.ids, ...(entry.retiring ?? []).map((r) => r.id)]) if (ids.has(id)) found.set(id, owner);
  });
  return found;
}

/**
 * A file that makes a schedule a file of an earlier window wants (the same agent, message and time: a file copied under
 * a new name, far from it in name order) is told so, as nameTwins tells files of one window; then this window's
 * schedules are kept, as a fingerprint and the first file's name, for the windows after.
 */
function madeInEarlierWindows(run: PlanRun, changes: Change[], desired: Desired[]): void {
  const key = (agentId: string, body: FullScheduleBody) => {
    if (!run.agentNumbers.has(agentId)) run.agentNumbers.set(agentId, run.agentNumbers.size);
    return `${run.agentNumbers.get(agentId)} ${bodyKey(body).slice(0, 8)}`;
  };
  for (const change of changes) {
    const earlier = [...new Set(change.create.flatMap((body) => run.makers.get(key(change.agent_id, body)) ?? []))].filter((name) => name !== change.file);
    if (earlier.length > 0) change.notes = [...change.notes, `makes the same schedule as ${earlier.join(', ')}: both would run; remove the files not meant`];
  }
  for (const want of desired) for (const body of want.bodies) if (!run.makers.has(key(want.agent_id, body))) run.makers.set(key(want.agent_id, body), want.name);
}

/**
 * Removed files whose schedules are all paused here: a new file that says exactly them is the file renamed, which takes
 * them still paused. Kept with the fingerprints of their saved copies (few: a removed file paused whole).
 */
async function removedWhilePaused(run: PlanRun, removed: ReadonlySet<string>): Promise<void> {
  const candidates: Array<[string, LockEntry]> = [];
  const state = await run.record();
  if (!state || (state.paused.length === 0 && !state.series.some((s) => s.status === 'paused'))) return;
  run.lock.each((name, entry) => {
    if (removed.has(name) && entry.ids.length > 0) candidates.push([name, entry]);
  });
  for (const [name, entry] of candidates) {
    const { paused, pausedKeys } = await replacedOnThisMachine(run.record, entry.ids);
    if (entry.ids.every((id) => pausedKeys.has(id))) {
      run.pausedLeaving.push([name, entry]);
      for (const id of entry.ids) {
        run.pausedKeys.set(id, pausedKeys.get(id)!);
        run.pausedBy.set(id, paused.get(id)!);
      }
    }
  }
}

/** The record of intent, read once and only when first asked for; undefined when there is none to read (it is optional). */
function recordOnce(rt: Runtime): () => Promise<State | undefined> {
  let read: Promise<State | undefined> | undefined;
  return () =>
    (read ??= import('../commands/shared/state').then(async ({ stateStore }) => {
      try {
        return await (await stateStore(rt)).read();
      } catch (error) {
        if (error instanceof CliError) return undefined;
        throw error;
      }
    }));
}

/** By file, the series made here that a series file's entry stands for: its members as exported, or those a pause and resume since made again. */
async function recordedSeries(record: () => Promise<State | undefined>, entries: Array<[string, LockEntry]>): Promise<Map<string, Series>> {
  const found = new Map<string, Series>();
  const seriesEntries = entries.filter(([, entry]) => entry.series !== undefined);
  const state = seriesEntries.length === 0 ? undefined : await record();
  if (!state) return found;
  const { seriesOf } = await import('../state/records');
  for (const [name, entry] of seriesEntries) {
    const series =
      entry.ids.map((id) => seriesOf(state, id)).find((one) => one?.status === 'active') ??
      state.series.find((one) => one.status === 'active' && one.resumed_members?.some((m) => entry.ids.includes(m.schedule_id)));
    if (series) found.set(name, series);
  }
  return found;
}

/**
 * A new file (no lock entry) that says a series made here, with no end of its own in `until:`/`count:`: that series'
 * start and end, as export would have written them, so an end said relative to a day (`for 3 weeks`) is the series'
 * own, not read again from the day the file is first applied.
 */
async function madeHere(record: () => Promise<State | undefined>, file: ScheduleFile, agentId: string, zone: string, context: DesiredContext): Promise<LockEntry | undefined> {
  if (file.until !== undefined || file.count !== undefined) return undefined;
  // Only a `when` read as a series, or not read today (`until friday` on a Friday afternoon), may be a series made here.
  // A `when` that cannot be read is reported by desiredOf, which reads it again.
  const meaning = await meaningInRun(file.when, zone, context).catch((error: unknown) => {
    if (error instanceof CliError) return undefined;
    throw error;
  });
  if (meaning !== undefined && meaning.type !== 'series') return undefined;
  const state = await record();
  const sent = [{ role: file.role ?? 'user', content: file.message }];
  const series = state?.series.find((one) => one.status === 'active' && one.agent_id === agentId && one.phrase === file.when && one.zone === zone && sameMessages(sent, one.template.messages));
  if (!series) return undefined;
  const { seriesEntry } = await import('./export-files');
  const entry = seriesEntry(series, context.now);
  return { ...entry, agent_id: agentId, series: { ...entry.series!, lines: {} }, ids: [] };
}

/** A series' members deleted since its export (`onetime delete`, or gone from Letta), as the record has them: never made again, as sync would not. */
function withRecordedSkips(entry: LockEntry | undefined, series: Series | undefined, now: number): LockEntry | undefined {
  if (!entry?.series || !series) return entry;
  const gone = series.members.filter((m) => m.gone === true && Date.parse(m.instant) > now).map((m) => Date.parse(m.instant));
  const skip = [...new Set([...(entry.series.skip ?? []), ...gone])].sort((a, b) => a - b);
  return skip.length === (entry.series.skip ?? []).length ? entry : { ...entry, series: { ...entry.series, skip } };
}

/**
 * Owned ids missing from the server that the record of intent accounts for: replaced (by sync or edit here), each
 * with its latest successor, or paused here (`recurring pause`: saved on this machine, not to be made again by apply),
 * each with the id that resumes it.
 */
async function replacedOnThisMachine(
  record: () => Promise<State | undefined>,
  missing: string[],
): Promise<{ successors: Map<string, string>; paused: Map<string, string>; pausedKeys: Map<string, string> }> {
  const found = { successors: new Map<string, string>(), paused: new Map<string, string>(), pausedKeys: new Map<string, string>() };
  const state = missing.length === 0 ? undefined : await record();
  if (!state) return found;
  const { currentId, resumedMember } = await import('../state/records');
  // Each paused id, with the id `recurring resume` takes for it (a series is resumed whole).
  const pausedHere = new Map<string, string>([
    ...state.paused.map((p) => [p.old_id, p.old_id] as const),
    ...state.series.filter((s) => s.status === 'paused').flatMap((s) => s.members.filter((m) => m.paused === true).map((m) => [m.schedule_id, s.series_id] as const)),
  ]);
  const saved = new Map(state.paused.map((p) => [p.old_id, p.schedule] as const));
  for (const id of missing) {
    // A schedule resumed, then paused again, is paused as its latest successor.
    const latest = currentId(state, id);
    const resume = pausedHere.get(id) ?? pausedHere.get(latest);
    if (resume !== undefined) found.paused.set(id, resume);
    const copy = saved.get(id) ?? saved.get(latest);
    if (copy !== undefined) found.pausedKeys.set(id, pausedKey(copy));
    // A series member a resume made again is owned through the member at its instant now.
    const resumed = latest === id ? state.series.map((s) => resumedMember(s, id)).find((one) => one !== undefined) : undefined;
    if (latest !== id || resumed !== undefined) found.successors.set(id, resumed ?? latest);
  }
  return found;
}
