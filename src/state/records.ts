import type { Schedule, ScheduledMessage } from '../letta/types';
import type { ListName } from './journal';
import { messagesKey } from '../letta/message-text';

/**
 * The record of intent: what the user meant by each schedule this tool made,
 * so Letta's UTC-only schedules can be kept matching it. Everything here is
 * pure; src/state/store.ts reads and writes it.
 *
 * Field names are the file's (snake_case, like the config file and Letta's
 * own JSON). Unknown fields are kept as they are when the file is rewritten.
 */
export const STATE_VERSION = 2;

/** node:crypto is loaded when an id is first made, not by every command that reads the record: loading it costs a few ms at start. */
const randomUUID = () => process.getBuiltinModule('node:crypto').randomUUID();

export type IntentKind = 'one-time' | 'recurring';
/**
 * `replaced`: an edit, resume or sync made a successor; `gone`: the server, asked, has it no more
 * (deleted elsewhere, or fired); `deleted`: deleted with this tool; `paused`: deleted by `recurring
 * pause`, its copy kept in `paused`; `creating`: a placeholder (id `creating-…`) for a new
 * schedule whose create is out, its attempt holding what was sent.
 */
export type IntentStatus = 'active' | 'gone' | 'replaced' | 'deleted' | 'paused' | 'creating';
export const INTENT_STATUSES: IntentStatus[] = ['active', 'gone', 'replaced', 'deleted', 'paused', 'creating'];

/**
 * A create sent (or about to be) whose answer is not known yet: recorded before
 * the request leaves, so a retry or a sync finds a copy that landed instead of
 * making another, and never takes a look-alike it did not send for its own.
 */
export interface CreateAttempt {
  /** ISO 8601. */
  at: string;
  /** ISO 8601, by this machine's clock when it was sent (`at` is the command's, which --now moves): a copy made well before is no landing of it. */
  sent_at?: string;
  /** The create's timing and messages, as sent. */
  schedule: Schedule;
  messages: unknown[];
  /** What the new schedule stands for once found (its id filled in then). */
  successor: Omit<Intent, 'schedule_id'>;
}

/** What a command knows when it records a new schedule. */
export interface IntentFields {
  schedule_id: string;
  agent_id: string;
  /** The server it was made on (the normalised base URL); absent in records written before servers were told apart. */
  server?: string;
  /** Without `server`: the servers that showed another schedule under its id, so it is none of theirs (onServer). */
  not_on?: string[];
  /** The set it belongs to: one phrase, several crons. */
  set_id?: string;
  kind: IntentKind;
  /** What the user gave: the phrase, or a raw cron or instant. */
  phrase: string;
  /** The IANA zone the phrase was read in. */
  zone: string;
  /** The rule in local time: a local cron ("0 9 * * 1-5") or the rule's text. */
  local_rule: string;
  /** Recurring: the UTC cron(s) sent to Letta. */
  utc_crons?: string[];
  /** One-time: the instants sent (ISO 8601, UTC). */
  instants?: string[];
  /**
   * The messages sent (or found, when adopted) as a fingerprint (messagesKey): what tells its copy made on another
   * machine (a resume there) from another schedule at its time.
   */
  messages_key?: string;
}

export interface Intent extends IntentFields {
  /** ISO 8601. */
  created_at: string;
  /** The ids this schedule replaced, the most recent first (its lineage). */
  replaces: string[];
  /** The successor, once `status` is `replaced`. */
  replaced_by?: string;
  status: IntentStatus;
  /** ISO 8601: when the status last changed. */
  status_at?: string;
  /** A create of its successor whose answer is not known yet. */
  attempt?: CreateAttempt;
  /** ISO 8601: when `recurring adopt` took it in. */
  adopted_at?: string;
  /** ISO 8601: when it was paused, on a schedule replaced by its resume (nothing was due from then on). */
  paused_at?: string;
  /**
   * ISO 8601: when a delete of it with this tool began (marked before it is sent; taken back when it surely did not land):
   * cut short (killed, its answer lost), a sync that finds it gone records it deleted, not deleted outside, and one that
   * finds it still listed says the delete was not done.
   */
  delete_unanswered_at?: string;
  [other: string]: unknown;
}

/**
 * `gone`: every member still to fire vanished from the server; `deleted`: deleted with this tool;
 * `paused`: its waiting members deleted by `recurring pause`, kept here (flagged `paused`) until resumed.
 */
export type SeriesStatus = 'active' | 'complete' | 'gone' | 'deleted' | 'paused';
export const SERIES_STATUSES: SeriesStatus[] = ['active', 'complete', 'gone', 'deleted', 'paused'];

export interface SeriesMember {
  schedule_id: string;
  /** ISO 8601, UTC. */
  instant: string;
  /** Deleted outside this tool before it fired (or due while its series was paused): never re-created, counted as made. */
  gone?: boolean;
  /** Deleted from Letta by a pause of its series: created again on resume if still ahead. */
  paused?: boolean;
  [other: string]: unknown;
}

/** What a command knows when it starts a series. */
export interface SeriesFields {
  agent_id: string;
  server?: string;
  /** As an intent's: servers that showed another schedule under a member's id. */
  not_on?: string[];
  phrase: string;
  zone: string;
  /** The rule's text in local time. */
  rule: string;
  /** The user's end, if any: an ISO 8601 instant, and/or a number of runs. */
  until?: string;
  count?: number;
  /** ISO 8601: members exist up to this instant; `sync` tops up beyond it. */
  horizon: string;
  /** The fields every member is created with besides its schedule (messages, callback_url, max_steps, ...). */
  template: Record<string, unknown>;
  /** A rule no cron can say, whole (the time language's SeriesRule); its instants come from it. */
  series_rule?: Record<string, unknown>;
}

/** A rule no cron can say (or one with an end), kept as one-time schedules up to a horizon. */
export interface Series extends SeriesFields {
  series_id: string;
  members: SeriesMember[];
  status: SeriesStatus;
  created_at: string;
  status_at?: string;
  /** Instants (ISO 8601) of members whose create was sent and not yet answered. */
  attempted?: string[];
  /** ISO 8601: when `recurring pause` paused it (status `paused`). */
  paused_at?: string;
  /** Members a resume created again under new ids: their old ids and instants (a folder's lock file may own the old ids). */
  resumed_members?: Array<{ schedule_id: string; instant: string }>;
  /** Its delete was cut short: recorded deleted, some members may still be on Letta (deleting it again finishes it). */
  delete_unfinished?: true;
  /** Its pause has not seen every member's delete done: some may still be on Letta (pausing again, or sync, finishes it). */
  pause_unfinished?: true;
  [other: string]: unknown;
}

/** A schedule deleted from Letta to pause it: everything needed to create it again. */
export interface PausedSchedule {
  /** The schedule exactly as Letta returned it, every field. */
  schedule: ScheduledMessage;
  /** Its id on Letta before the pause. */
  old_id: string;
  /** ISO 8601. */
  paused_at: string;
  intent?: Intent;
  server?: string;
  /** The pause saved it and has not seen its delete done: it may still be on Letta (sync finishes the pause). */
  deleting?: boolean;
  /** ISO 8601: a resume sent its create; a copy found later with the same timing and messages is that create's. */
  resume_attempted_at?: string;
  /** What that create sent, so sync can find and finish a resume whose answer was lost. */
  resume_attempt?: { schedule: Schedule; messages: unknown[]; sent_at?: string };
  [other: string]: unknown;
}

/** A stored record that could not be understood: left in the file as it is, named, and not acted on. */
export interface SkippedRecord {
  /** Where it is ("intents[3]"). */
  where: string;
  /** What is wrong ("intents[3].zone must be a string"). */
  problem: string;
  list: 'intents' | 'series' | 'paused';
  raw: unknown;
}

export interface State {
  version: typeof STATE_VERSION;
  intents: Intent[];
  series: Series[];
  paused: PausedSchedule[];
  /** Not written as such: put back into their lists, unchanged, when the file is rewritten. */
  skipped?: SkippedRecord[];
  [other: string]: unknown;
}

export function emptyState(): State {
  return { version: STATE_VERSION, intents: [], series: [], paused: [] };
}

/** The file's text: the records, with those that could not be understood put back as they were. */
export function serializeState(state: State): string {
  const { skipped = [], ...rest } = state;
  const back = (list: SkippedRecord['list']) => skipped.filter((s) => s.list === list).map((s) => s.raw);
  const file = { ...rest, version: STATE_VERSION, intents: [...state.intents, ...back('intents')], series: [...state.series, ...back('series')], paused: [...state.paused, ...back('paused')] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The server a stored record names (a paused copy may name it only on its intent); undefined for one from before servers were told apart. */
export function serverNamed(list: ListName, record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const fields = record as { server?: unknown; intent?: { server?: unknown } };
  const server = list === 'paused' ? (fields.server ?? fields.intent?.server) : fields.server;
  return typeof server === 'string' ? server : undefined;
}

/**
 * Whether a record belongs to `server`: made there, or written before records named their server
 * (any server may claim it but one that showed another schedule under its id: `not_on`).
 */
export function onServer(record: { server?: string; not_on?: readonly string[] }, server: string | undefined): boolean {
  if (server === undefined || record.server === server) return true;
  return record.server === undefined && !record.not_on?.includes(server);
}

/** How many schedules, series and paused schedules the record holds for each server it names (of `agentId`, when given). */
export function schedulesByServer(state: State, agentId?: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of ['intents', 'series', 'paused'] as const) for (const record of state[list]) countByServer(counts, list, record, agentId);
  return counts;
}

/** schedulesByServer, one record at a time: counts `record` in `counts` when it is one it counts. */
export function countByServer(counts: Map<string, number>, list: 'intents' | 'series' | 'paused', record: Intent | Series | PausedSchedule, agentId?: string): void {
  const owner = list === 'paused' ? (record as PausedSchedule).schedule : (record as Intent | Series);
  const server = serverNamed(list, record);
  if (list !== 'paused' && (record as Intent | Series).status !== 'active') return;
  if (server === undefined || (agentId !== undefined && owner.agent_id !== agentId)) return;
  counts.set(server, (counts.get(server) ?? 0) + 1);
}

/** schedulesByServer's counts as said ("2 schedules for http://a/, 1 schedule for http://b/"), and the first server by name, for a hint. */
export function serverCountsText(counts: Map<string, number>): { text: string; first: string } {
  const text = [...counts].map(([server, n]) => `${n} schedule${n === 1 ? '' : 's'} for ${server}`).join(', ');
  return { text, first: [...counts.keys()].sort()[0] ?? '' };
}

/**
 * Every id the record holds (schedules, sets, series and their members, paused schedules), split
 * into those recorded against `server` (or before servers were told apart) and those recorded only
 * against other servers, each with that server. Commands refuse the latter rather than act on them here.
 */
export function recordedIds(state: State, server: string): { here: Set<string>; elsewhere: Map<string, string> } {
  type Where = { server?: string; not_on?: readonly string[] };
  const servers = new Map<string, Where[]>();
  const note = (id: string, where: Where) => servers.set(id, [...(servers.get(id) ?? []), where]);
  for (const intent of state.intents) {
    note(intent.schedule_id, intent);
    if (intent.set_id) note(intent.set_id, intent);
  }
  for (const series of state.series) {
    note(series.series_id, series);
    for (const member of series.members) note(member.schedule_id, series);
  }
  for (const paused of state.paused) note(paused.old_id, { server: serverNamed('paused', paused) });
  const here = new Set<string>();
  const elsewhere = new Map<string, string>();
  for (const [id, where] of servers) {
    const named = where.find((one) => one.server !== undefined)?.server;
    if (where.some((one) => onServer(one, server))) here.add(id);
    // A record naming no server that this one showed another schedule for is no other server's either.
    else if (named !== undefined) elsewhere.set(id, named);
  }
  return { here, elsewhere };
}

export function newSeriesId(): string {
  return `series-${randomUUID()}`;
}

export function isSeriesId(id: string): boolean {
  return id.startsWith('series-');
}

/** A set: one phrase that needed several crons, one schedule each, recorded under one id. */
export function newSetId(): string {
  return `set-${randomUUID()}`;
}

export function isSetId(id: string): boolean {
  return id.startsWith('set-');
}

/** The schedules of a set still standing (active), in the order they were made. */
export function setMembers(state: State, setId: string): Intent[] {
  return state.intents.filter((intent) => intent.set_id === setId && intent.status === 'active');
}

// ---- intents ----

/** A new active intent made at `now` (Unix ms), with no lineage yet. */
export function newIntent(fields: IntentFields, now: number): Intent {
  return { ...fields, created_at: new Date(now).toISOString(), replaces: [], status: 'active' };
}

export function findIntent(state: State, scheduleId: string): Intent | undefined {
  return state.intents.find((intent) => intent.schedule_id === scheduleId);
}

/** Active intents, optionally of one agent. */
export function activeIntents(state: State, agentId?: string): Intent[] {
  return state.intents.filter((intent) => intent.status === 'active' && (agentId === undefined || intent.agent_id === agentId));
}

/** Add an intent, or replace the one with the same schedule id. */
export function recordIntent(state: State, intent: Intent): void {
  const at = state.intents.findIndex((known) => known.schedule_id === intent.schedule_id);
  if (at >= 0) state.intents[at] = intent;
  else state.intents.push(intent);
}

/**
 * `next` replaced the schedule `oldId` (an edit, a resume, or a sync after a DST change):
 * the old one is marked replaced and `next` inherits its lineage.
 */
export function recordReplacement(state: State, oldId: string, next: Intent, at: string): void {
  const old = findIntent(state, oldId);
  const lineage = new Set([oldId, ...(old?.replaces ?? []), ...next.replaces]);
  lineage.delete(next.schedule_id);
  // Spread from the set, the list is as long as the lineage: one made by filter kept room for 17 (184 bytes, not 56, a record).
  recordIntent(state, { ...next, replaces: [...lineage] });
  if (old) setStatus(old, 'replaced', at, { replaced_by: next.schedule_id });
}

/**
 * The record of the schedule that stands for `old` from now on, as schedule `newId`: the same
 * intent with `changes`, a fresh status and no lineage markers of its own (recordReplacement adds the lineage).
 */
export function successorOf(old: Omit<Intent, 'schedule_id'>, newId: string, at: string, changes: Partial<IntentFields> = {}): Intent {
  const { replaced_by: _by, status_at: _at, attempt: _attempt, paused_at: _paused, delete_unanswered_at: _unanswered, ...kept } = old as Intent;
  return { ...kept, ...changes, schedule_id: newId, created_at: at, replaces: [], status: 'active' };
}

function setStatus(intent: Intent, status: IntentStatus, at: string, extra: Partial<Intent> = {}): void {
  if (status !== 'replaced') delete intent.replaced_by;
  delete intent.attempt;
  Object.assign(intent, { status, status_at: at, ...extra });
}

/** The server, asked, has the schedule no more. Returns false when it was not recorded. */
export function markGone(state: State, scheduleId: string, at: string): boolean {
  const intent = findIntent(state, scheduleId);
  if (!intent) return false;
  if (intent.status !== 'gone') setStatus(intent, 'gone', at);
  return true;
}

/** Deleted with this tool (so sync never reports it as deleted elsewhere): a schedule, or one member of a series. */
export function markDeleted(state: State, scheduleId: string, at: string): void {
  const intent = findIntent(state, scheduleId);
  if (intent) setStatus(intent, 'deleted', at);
  // A pause cut short before its delete (the schedule was still there to delete): over, nothing left to resume.
  if (findPaused(state, scheduleId)?.deleting) takePaused(state, scheduleId);
  const member = seriesOf(state, scheduleId)?.members.find((m) => m.schedule_id === scheduleId);
  if (member) Object.assign(member, { gone: true, deleted_at: at });
}

/** A delete begun that did not land (refused, or found by a sync still listed): no longer a delete under way. */
export function clearDeleteUnanswered(state: State, scheduleId: string): void {
  const intent = findIntent(state, scheduleId);
  if (intent) delete intent.delete_unanswered_at;
}

/** A delete about to be sent: until it is known to be done or not (cut short, its answer lost), it may have been done. */
export function markDeleteUnanswered(state: State, scheduleId: string, at: string): void {
  const intent = findIntent(state, scheduleId);
  if (intent?.status === 'active') intent.delete_unanswered_at = at;
}

/** A record marked gone whose schedule the server shows again (a list that lied): followed again. */
export function markFound(state: State, scheduleId: string, at: string): void {
  const intent = findIntent(state, scheduleId);
  if (intent && intent.status === 'gone') setStatus(intent, 'active', at);
}

/** A series marked gone whose members the server shows again (a list that lied): followed again. */
export function markSeriesFound(state: State, seriesId: string, at: string): void {
  const series = findSeries(state, seriesId);
  if (series?.status === 'gone') Object.assign(series, { status: 'active', status_at: at });
}

/** Intent `id` was replaced by `newId` (its own replacement never appeared, and the one after it did). */
export function markReplaced(state: State, id: string, newId: string, at: string): void {
  const intent = findIntent(state, id);
  if (intent) setStatus(intent, 'replaced', at, { replaced_by: newId });
}

/**
 * A schedule never recorded (made elsewhere) that is being replaced: recorded, standing for what
 * `like` stands for, so a delete of it that fails is retried by sync. Nothing when it is recorded.
 */
export function recordUnrecorded(state: State, id: string, like: Intent): void {
  if (findIntent(state, id)) return;
  const { utc_crons: _crons, instants: _instants, attempt: _attempt, replaced_by: _by, status_at: _at, delete_unanswered_at: _unanswered, ...fields } = like;
  recordIntent(state, { ...fields, schedule_id: id, replaces: [], status: 'active' });
}

/**
 * Records from before servers were told apart (they name no server), as `server` showed them (see
 * recordsShown): the ones it showed are its own from now on, the ones whose ids it showed with
 * another timing none of its. The records are the state's own, as a step read them.
 */
export function settleForServer(server: string, { claimed, disowned }: { claimed: Array<{ server?: string }>; disowned: Array<{ server?: string; not_on?: string[] }> }): void {
  for (const record of claimed) if (record.server === undefined) record.server = server;
  for (const record of disowned) if (record.server === undefined && !record.not_on?.includes(server)) record.not_on = [...(record.not_on ?? []), server];
}

/** `fields` with the fingerprint of the messages its schedule is sent with (or keeps), when they are known. */
function withMessagesKey<T extends object>(fields: T, messages: unknown): T {
  const key = messagesKey(messages);
  return key === undefined ? fields : { ...fields, messages_key: key };
}

/** Record, before it is sent, a create that will stand for `intentId` (recording the intent itself when it is new). */
export function recordAttempt(state: State, intent: Intent, attempt: CreateAttempt): void {
  if (!findIntent(state, intent.schedule_id)) recordIntent(state, intent);
  findIntent(state, intent.schedule_id)!.attempt = { ...attempt, successor: withMessagesKey(attempt.successor, attempt.messages) };
}

/** The attempt did not land: forgotten; a new schedule's placeholder goes with it. */
export function clearAttempt(state: State, scheduleId: string): void {
  const intent = findIntent(state, scheduleId);
  if (intent?.status === 'creating') state.intents.splice(state.intents.indexOf(intent), 1);
  else if (intent) delete intent.attempt;
}

/** A new schedule's create is to be sent again at another UTC cron: recorded so before it is sent, so a copy found later is matched by what was sent. Returns the attempt. */
export function retimeCreateAttempt(state: State, placeholderId: string, cron: string): CreateAttempt | undefined {
  const attempt = findIntent(state, placeholderId)?.attempt;
  if (attempt?.schedule.type !== 'recurring' || attempt.schedule.cron_expression === cron) return attempt;
  attempt.schedule = { ...attempt.schedule, cron_expression: cron };
  attempt.successor = { ...attempt.successor, utc_crons: [cron] };
  return attempt;
}

/**
 * Record, before it is sent, the create of a new schedule (`successor` is its record but for its id):
 * a placeholder `creating-…` holds the attempt until the answer comes, so a create whose answer
 * is lost is found by the next sync, never made twice. Returns the placeholder's id.
 */
export function recordCreateAttempt(state: State, successor: Omit<Intent, 'schedule_id'>, sent: Pick<CreateAttempt, 'at' | 'sent_at' | 'schedule' | 'messages'>): string {
  const id = `creating-${randomUUID()}`;
  const { attempt: _attempt, ...fields } = successor as Intent;
  state.intents.push({ ...fields, schedule_id: id, status: 'creating', attempt: { ...sent, successor: withMessagesKey(fields, sent.messages) } });
  return id;
}

/** The create held by placeholder `placeholderId` made (or was found to have made) schedule `newId`: its record takes the placeholder's place. */
export function finishCreate(state: State, placeholderId: string, newId: string): Intent | undefined {
  const placeholder = findIntent(state, placeholderId);
  if (placeholder?.status !== 'creating' || !placeholder.attempt) return undefined;
  const successor = placeholder.attempt.successor;
  const intent = successorOf(successor, newId, typeof successor.created_at === 'string' ? successor.created_at : placeholder.attempt.at);
  state.intents.splice(state.intents.indexOf(placeholder), 1, intent);
  return intent;
}

/**
 * Take in a schedule made elsewhere, kept at a local rule from now on. `made`: when Letta says it was made, so its fires
 * from before the adoption stay its own (history and status count from it, also once an edit or sync replaces it).
 */
export function adoptIntent(state: State, fields: IntentFields, at: string, made?: unknown): Intent {
  const before = findIntent(state, fields.schedule_id);
  const served = instantOf(made) === undefined ? undefined : (made as string);
  const intent: Intent = { ...before, ...fields, created_at: before?.created_at ?? served ?? at, replaces: before?.replaces ?? [], status: 'active', adopted_at: at };
  delete intent.replaced_by;
  delete intent.attempt;
  delete intent.status_at;
  recordIntent(state, intent);
  return intent;
}

/**
 * The member that stands for a series member a resume made again (`resumed_members`): the one at its
 * instant now, if the series has one still standing; undefined for an id no resume replaced.
 */
export function resumedMember(series: Series, oldId: string): string | undefined {
  const old = series.resumed_members?.find((m) => m.schedule_id === oldId);
  return old && series.members.find((m) => m.instant === old.instant && !m.gone)?.schedule_id;
}

/** The id that stands for `scheduleId` now: itself, or its latest successor. */
export function currentId(state: State, scheduleId: string): string {
  const seen = new Set<string>();
  let id = scheduleId;
  for (let intent = findIntent(state, id); intent?.replaced_by && !seen.has(id); intent = findIntent(state, id)) {
    seen.add(id);
    id = intent.replaced_by;
  }
  return id;
}

// ---- series ----

/** A new active series made at `now` (Unix ms); members are added with `addSeriesMembers`. */
export function newSeries(fields: SeriesFields, now: number): Series {
  return { series_id: newSeriesId(), ...fields, members: [], status: 'active', created_at: new Date(now).toISOString() };
}

export function findSeries(state: State, seriesId: string): Series | undefined {
  return state.series.find((series) => series.series_id === seriesId);
}

/** The series a one-time schedule belongs to, if any. */
export function seriesOf(state: State, scheduleId: string): Series | undefined {
  return state.series.find((series) => series.members.some((member) => member.schedule_id === scheduleId));
}

export function activeSeries(state: State, agentId?: string): Series[] {
  return state.series.filter((series) => series.status === 'active' && (agentId === undefined || series.agent_id === agentId));
}

/** Add a series, or replace the one with the same id. */
export function recordSeries(state: State, series: Series): void {
  const at = state.series.findIndex((known) => known.series_id === series.series_id);
  if (at >= 0) state.series[at] = series;
  else state.series.push(series);
}

/** Add members (kept in instant order, no id twice) and move the horizon out to `horizon` if later. */
export function addSeriesMembers(series: Series, members: SeriesMember[], horizon: string): void {
  const known = new Set(series.members.map((member) => member.schedule_id));
  for (const member of members) {
    if (!known.has(member.schedule_id)) series.members.push(member);
    known.add(member.schedule_id);
  }
  series.members.sort((a, b) => Date.parse(a.instant) - Date.parse(b.instant));
  if (Date.parse(horizon) > Date.parse(series.horizon)) series.horizon = horizon;
}

/** Members still to fire after `now` (Unix ms). */
export function upcomingMembers(series: Series, now: number): SeriesMember[] {
  return series.members.filter((member) => Date.parse(member.instant) > now);
}

// ---- paused ----

export function findPaused(state: State, oldId: string): PausedSchedule | undefined {
  return state.paused.find((paused) => paused.old_id === oldId);
}

export function recordPaused(state: State, schedule: ScheduledMessage, at: string, intent?: Intent, server?: string): PausedSchedule {
  // A copy of the record as it is now, not the record itself: marking the record paused must not change the copy
  // (in memory it would, while the journal's steps keep the copy as saved).
  const saved = intent && (JSON.parse(JSON.stringify(intent)) as Intent);
  const paused: PausedSchedule = { schedule, old_id: schedule.id, paused_at: at, ...(saved ? { intent: saved } : {}), ...(server ? { server } : {}), deleting: true };
  const index = state.paused.findIndex((known) => known.old_id === schedule.id);
  if (index >= 0) state.paused[index] = paused;
  else state.paused.push(paused);
  return paused;
}

/** A resume sent the create of paused `oldId` (`sent`): a copy found later with its timing and messages is that create's. */
export function markResumeAttempted(state: State, oldId: string, at: string, sent: NonNullable<PausedSchedule['resume_attempt']>): void {
  const paused = findPaused(state, oldId);
  if (paused) Object.assign(paused, { resume_attempted_at: at, resume_attempt: sent });
}

/** A resume's create that did not land (the agent's list, read under the lock, lacks it): forgotten; the schedule stays paused. */
export function dropResumeAttempt(state: State, oldId: string): void {
  const paused = findPaused(state, oldId);
  if (!paused) return;
  delete paused.resume_attempted_at;
  delete paused.resume_attempt;
}

/** A pause's delete seen done: a schedule's intent is paused and its copy no longer deleting, or a series' pause finished (its id given). */
export function markPaused(state: State, scheduleId: string, at: string): void {
  const intent = findIntent(state, scheduleId);
  if (intent) setStatus(intent, 'paused', at);
  const copy = findPaused(state, scheduleId);
  if (copy) delete copy.deleting;
  const series = findSeries(state, scheduleId);
  if (series) delete series.pause_unfinished;
}

/** Unix ms of a recorded or served time (`created_at`, `status_at`), or undefined when it is missing or broken. */
export function instantOf(iso: unknown): number | undefined {
  const at = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isFinite(at) ? at : undefined;
}

/** A paused schedule was created again as `newId` with `cron`: the copy goes, and its intent (if any) continues as the new one. */
export function resumePaused(state: State, oldId: string, newId: string, cron: string, at: string): void {
  const paused = takePaused(state, oldId);
  const intent = paused?.intent ?? findIntent(state, oldId);
  if (intent) recordReplacement(state, oldId, withMessagesKey(successorOf(intent, newId, at, { utc_crons: [cron] }), paused?.schedule.message?.messages), at);
  else if (paused) {
    // A schedule made elsewhere, kept at its UTC cron: recorded from when the server made it (its fires before the
    // pause are its own), replaced by the copy this tool made, which is recorded as any other it makes.
    const server = serverNamed('paused', paused);
    const was = paused.schedule.schedule.cron_expression ?? cron;
    const made = instantOf(paused.schedule.created_at) === undefined ? paused.paused_at : (paused.schedule.created_at as string);
    const fields = { agent_id: paused.schedule.agent_id, ...(server === undefined ? {} : { server }), kind: 'recurring' as const, zone: 'UTC' };
    recordIntent(state, { schedule_id: oldId, ...fields, phrase: was, local_rule: was, utc_crons: [was], created_at: made, replaces: [], status: 'active' });
    recordReplacement(state, oldId, { schedule_id: newId, ...fields, phrase: cron, local_rule: cron, utc_crons: [cron], created_at: at, replaces: [], status: 'active' }, at);
  }
  const old = findIntent(state, oldId);
  if (old && paused) old.paused_at = paused.paused_at;
}

/** A series deleted with this tool or gone from the server: kept for status's history, found by no command. */
export function seriesEnded(series: Series): boolean {
  return series.status === 'gone' || series.status === 'deleted';
}

/** Mark a series deleted with this tool, or gone from the server. */
export function endSeries(state: State, seriesId: string, status: 'gone' | 'deleted', at: string): void {
  const series = findSeries(state, seriesId);
  if (!series) return;
  Object.assign(series, { status, status_at: at });
  // Deleted, what its unanswered creates left on Letta went too (deleteSeries): none is left for a sync to find.
  if (status === 'deleted') delete series.attempted;
  delete series.delete_unfinished;
}

/**
 * A series about to be deleted, recorded so before its first member's delete is sent: cut short, no sync tops it up
 * again, and deleting it again finishes it (`delete_unfinished`; endSeries settles it).
 */
export function startSeriesDelete(state: State, seriesId: string, at: string): void {
  const series = findSeries(state, seriesId);
  if (series) Object.assign(series, { status: 'deleted', status_at: at, delete_unfinished: true });
}

/** Record, before the creates are sent, the instants (ISO) of members about to be created. */
export function recordMemberAttempts(state: State, seriesId: string, instants: string[]): void {
  const series = findSeries(state, seriesId);
  if (series) series.attempted = [...new Set([...(series.attempted ?? []), ...instants])];
}

/** A member created (or found to have landed): recorded, its attempt settled, the horizon moved out. */
export function topUpSeries(state: State, seriesId: string, members: SeriesMember[]): void {
  const series = findSeries(state, seriesId);
  if (!series) return;
  addSeriesMembers(
    series,
    members,
    members.reduce((latest, m) => (Date.parse(m.instant) > Date.parse(latest) ? m.instant : latest), series.horizon),
  );
  const settled = new Set(members.map((m) => Date.parse(m.instant)));
  series.attempted = (series.attempted ?? []).filter((instant) => !settled.has(Date.parse(instant)));
  if (series.attempted.length === 0) delete series.attempted;
}

/**
 * A series another machine made again (a pause there, then a resume): each member followed to its copy, the old id kept
 * as a resume here keeps it (`resumed_members`); those `gone` were due while paused there. Active again.
 */
export function followSeriesCopies(state: State, seriesId: string, moved: Array<{ old_id: string; new_id: string }>, gone: string[], at: string): void {
  const series = findSeries(state, seriesId);
  if (!series) return;
  for (const { old_id, new_id } of moved) {
    const member = series.members.find((m) => m.schedule_id === old_id);
    if (!member) continue;
    series.resumed_members = [...(series.resumed_members ?? []), { schedule_id: old_id, instant: member.instant }];
    member.schedule_id = new_id;
  }
  for (const member of series.members) if (gone.includes(member.schedule_id)) Object.assign(member, { gone: true, skipped_while_paused: true });
  if (series.status !== 'active') Object.assign(series, { status: 'active', status_at: at });
}

/** A member deleted outside this tool before it fired: never re-created, counted as made. */
export function markMemberGone(state: State, seriesId: string, scheduleId: string): void {
  const member = findSeries(state, seriesId)?.members.find((m) => m.schedule_id === scheduleId);
  if (member) member.gone = true;
}

/** Attempts that did not land (the list, read under the lock, lacks them) are forgotten. */
export function clearMemberAttempts(state: State, seriesId: string, instants: string[]): void {
  const series = findSeries(state, seriesId);
  if (!series?.attempted) return;
  const gone = new Set(instants.map((i) => Date.parse(i)));
  series.attempted = series.attempted.filter((instant) => !gone.has(Date.parse(instant)));
  if (series.attempted.length === 0) delete series.attempted;
}

/**
 * Pause a series: recorded (before its members are deleted from Letta) as paused, each member still
 * to fire after `now` flagged paused, so sync neither tops it up nor marks its members gone. Returns
 * the paused members' ids (to delete from Letta); none when it is not an active or paused series.
 */
export function pauseSeries(state: State, seriesId: string, at: string, now: number): string[] {
  const series = findSeries(state, seriesId);
  if (!series || (series.status !== 'active' && series.status !== 'paused')) return [];
  // Attempts of members still out are kept until the pause has deleted what landed (pauseSeriesWhole); cut short before, the top-up after its resume finds it.
  for (const member of series.members) if (!member.gone && Date.parse(member.instant) > now) member.paused = true;
  if (series.status !== 'paused') Object.assign(series, { status: 'paused', paused_at: at, status_at: at });
  series.pause_unfinished = true;
  return series.members.filter((m) => m.paused === true).map((m) => m.schedule_id);
}

/**
 * Resume a paused series as of `now`: members due while it was paused are kept as gone (never
 * created, counted as made, as a paused schedule's fires are skipped), those still ahead leave the
 * record so the top-up that follows (or the next sync) creates them again, and it is active again.
 * Returns the ids of the members dropped (a pause cut short may have left them on Letta).
 */
export function resumeSeries(state: State, seriesId: string, at: string, now: number): string[] {
  const series = findSeries(state, seriesId);
  if (!series || series.status !== 'paused') return [];
  const ahead = series.members.filter((m) => m.paused === true && Date.parse(m.instant) > now);
  for (const member of series.members) {
    if (member.paused !== true) continue;
    delete member.paused;
    if (!ahead.includes(member)) Object.assign(member, { gone: true, skipped_while_paused: true });
  }
  series.members = series.members.filter((m) => !ahead.includes(m));
  if (ahead.length > 0) series.resumed_members = [...(series.resumed_members ?? []), ...ahead.map((m) => ({ schedule_id: m.schedule_id, instant: m.instant }))];
  Object.assign(series, { status: 'active', status_at: at, resumed_at: at });
  delete series.pause_unfinished;
  return ahead.map((m) => m.schedule_id);
}

/** Remove and return a paused schedule (on resume). */
export function takePaused(state: State, oldId: string): PausedSchedule | undefined {
  const index = state.paused.findIndex((paused) => paused.old_id === oldId);
  return index >= 0 ? state.paused.splice(index, 1)[0] : undefined;
}
