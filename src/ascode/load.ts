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
  const names = all.filter((name) => isMarkdown(name) && statSync(join(given, name)).isFile()).sort();
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
  lock: LockFile;
  server: string;
  problems: FileReport[];
  changes: Change[];
}

/**
 * Read the files and the lock file, resolve each agent once, list each
 * agent's schedules once, and plan. A file that cannot be read or
 * understood is reported and left out (its lock entry untouched). Agents
 * are resolved and listed `concurrency` at a time.
 */
export async function loadPlan(rt: Runtime, target: Target, lock: LockFile, concurrency = DEFAULT_CONCURRENCY): Promise<Loaded> {
  const now = rt.now();
  const server = serverKey(rt);
  const entries = serverEntries(lock, server);
  const problems: FileReport[] = [];
  const display = (name: string) => join(target.folder, name);
  const failed = new Set<string>();
  const fail = (name: string, line: number, message: string, from?: CliError) => {
    failed.add(name);
    const hint = from === undefined ? undefined : hintFor(from);
    problems.push({ file: display(name), line, message, ...(hint === undefined ? {} : { hint }) });
  };

  const files: Array<{ name: string; file: ScheduleFile } | undefined> = [];
  for (const name of target.names) {
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
  const names = [...new Set(files.map((one) => one!.file.agent))];
  const resolved = new Map<string, string | CliError>();
  await Promise.all(
    mapLimited(names, concurrency, async (agent) => {
      try {
        resolved.set(agent, await api.resolveAgent(agent));
      } catch (error) {
        if (!(error instanceof NotFoundError || error instanceof AmbiguousAgentError)) throw error;
        resolved.set(agent, error);
      }
    }),
  );

  const record = recordOnce(rt);
  const recorded = await recordedSeries(record, Object.entries(entries));
  const zoneSource = rt.settings.timezone.source;
  const context: DesiredContext = { now, zone: rt.zone(), zoneUnset: zoneSource === 'system', meanings: new Map() };
  let desired: Desired[] = [];
  const agentLines = new Map<string, number>();
  // Each file's fields are let go once read into what it wants.
  for (let i = 0; i < files.length; i++) {
    const { name, file } = files[i]!;
    files[i] = undefined;
    agentLines.set(name, file.lines.agent ?? 1);
    const agentId = resolved.get(file.agent)!;
    if (agentId instanceof CliError) {
      fail(name, file.lines.agent ?? 1, `agent: ${agentId.message}`, agentId);
      continue;
    }
    try {
      const entry = withRecordedSkips(entries[name], recorded.get(name), now) ?? (await madeHere(record, file, agentId, file.timezone ?? context.zone, context));
      desired.push(await desiredOf(name, file, agentId, entry, context));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      fail(name, error.line, error.message, error.from);
    }
  }

  const considered = Object.entries(entries).filter(([name]) => target.wholeFolder || target.names.includes(name));
  const agents = [...new Set([...desired.map((d) => d.agent_id), ...considered.flatMap(([, e]) => [e.agent_id, ...(e.retiring ?? []).map((r) => r.agent_id)])])].sort();
  // Each schedule is held as the few fields the plan compares, not as listed.
  let wanted: Map<string, FullScheduleBody> | undefined;
  const letta: Listing = new Map();
  const noAgent = new Map<string, NotFoundError>();
  await Promise.all(
    mapLimited(agents, concurrency, async (agentId) => {
      const all = new Map<string, Listed>();
      try {
        for await (const page of api.schedulePages(agentId)) for (const item of page) all.set(item.id, listedOf(item, (wanted ??= wantedBodies(desired))));
      } catch (error) {
        // An agent that no longer exists has no schedules left to own, and a file naming it cannot have any made.
        if (!(error instanceof NotFoundError)) throw error;
        noAgent.set(agentId, error);
      }
      letta.set(agentId, all);
    }),
  );
  if (noAgent.size > 0) {
    for (const want of desired) if (noAgent.has(want.agent_id)) fail(want.name, agentLines.get(want.name) ?? 1, `agent: ${noAgent.get(want.agent_id)!.message}`, noAgent.get(want.agent_id));
    desired = desired.filter((want) => !noAgent.has(want.agent_id));
  }
  const { successors, paused, pausedKeys } = await replacedOnThisMachine(
    record,
    considered.flatMap(([, e]) => e.ids.filter((id) => !letta.get(e.agent_id)?.has(id))),
  );
  // A series made here is the file's whole: the members a sync made since the export are the file's too, never made twice;
  // so is a member whose create (a sync's or an apply's) went unanswered and landed, found as the record's attempt.
  const ownedByEntries = new Set(Object.values(entries).flatMap((e) => e.ids));
  const ownedByOneTime = new Set(Object.values(entries).flatMap((e) => (e.at === undefined ? [] : e.ids)));
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
    entries: Object.fromEntries((target.wholeFolder ? Object.entries(entries) : considered).map(([name, e]) => [name, owning(name, e)])),
    failed,
    wholeFolder: target.wholeFolder,
    letta,
    wanted,
    successors,
    paused,
    pausedKeys,
  });
  problems.sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
  return { target, lock, server, problems, changes };
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
