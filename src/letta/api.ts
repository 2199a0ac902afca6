import { DEFAULT_CONCURRENCY, mapLimited, type Limiter } from '../concurrency';
import {
  AmbiguousAgentError,
  ApiError,
  CreateMayHaveLandedError,
  EndlessListError,
  ListCutShortError,
  MalformedResponseError,
  NotFoundError,
  RouteMissingError,
  UsageError,
  WrongKindError,
  type LandingKind,
} from '../errors';
import { checkRecord, expectIdentified, expectList, expectShape, flawsOf, isArray, isDateString, isInstantMs, isId, isObject, isString, oneOf, orNull, type Checked, type RecordRules } from './checks';
import type { LettaClient, RequestOptions } from './client';
import { scheduleKind } from './types';
import type { Agent, CreatedSchedule, CreateScheduleBody, FireRecord, HistoryPage, LettaMessage, LettaResponse, MessageCreate, Run, ScheduledMessage, ScheduleKind, ScheduleListPage } from './types';

export const PAGE_SIZE = 100;
/** Pages read of one list before deciding it will never end (a million items at PAGE_SIZE). */
export const MAX_PAGES = 10_000;
/** Items read of one list before deciding it will never end: far more schedules than anyone keeps, far less than fills memory. */
export const MAX_ITEMS = 100_000;
/** Time spent reading one list before deciding it will never end. */
export const MAX_LIST_MS = 5 * 60_000;
/** Most items handed on at once, however large a page the server sends (so no caller holds or spreads a huge batch). */
export const MAX_BATCH = 1_000;

/** A path segment from user input: escaped, and never a dot segment that could climb to another route. */
export function segment(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new UsageError(`The ${what} is empty`);
  if (/^\.+$/.test(trimmed)) throw new UsageError(`'${value}' is not a valid ${what}`);
  return encodeURIComponent(trimmed);
}

/** The schedule routes: /v1/agents/{agent_id}/schedule[/{id}]. */
export function schedulePath(agentId: string, id?: string): string {
  const base = `/v1/agents/${segment(agentId, 'agent id')}/schedule`;
  return id === undefined ? base : `${base}/${segment(id, 'schedule id')}`;
}

/** The message routes: /v1/agents/{agent_id}/messages[/async]. */
export function messagesPath(agentId: string, async = false): string {
  return `/v1/agents/${segment(agentId, 'agent id')}/messages${async ? '/async' : ''}`;
}

/** Letta's agent ids are `agent-` and a UUID; anything else (`agent-smith`) is a name. */
export function looksLikeAgentId(value: string): boolean {
  return /^agent-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value.trim().toLowerCase());
}

/** A message as the CLI shows it: an object with a role and text (or a list of parts). */
function readableMessage(value: unknown): boolean {
  if (isObject(value) !== undefined) return false;
  const { role, content } = value as MessageCreate;
  return typeof role === 'string' && (typeof content === 'string' || Array.isArray(content));
}

/** Each message of a schedule must be readable, or the list of them is set aside. */
const isMessageList = (value: unknown) => {
  const problem = isArray(value);
  if (problem) return problem;
  const bad = (value as unknown[]).findIndex((message) => !readableMessage(message));
  return bad < 0 ? undefined : `has an unreadable message at position ${bad + 1}`;
};

const SCHEDULE_RULES: RecordRules = {
  id: isId,
  agent_id: isString,
  schedule: isObject,
  'schedule.type': oneOf('one-time', 'recurring'),
  'schedule.scheduled_at': isInstantMs,
  'schedule.cron_expression': isString,
  message: isObject,
  'message.messages': isMessageList,
  next_scheduled_time: orNull(isDateString),
};
const SCHEDULE_REQUIRED = { id: '', schedule: {} };

const RUN_RULES: RecordRules = {
  id: isId,
  status: isString,
  agent_id: isString,
  created_at: isDateString,
  completed_at: orNull(isDateString),
  stop_reason: orNull(isString),
};

const FIRE_RULES: RecordRules = {
  id: isString,
  scheduled_message_id: isString,
  status: isId,
  run_id: orNull(isId),
  sent_at: isDateString,
};
const FIRE_REQUIRED = { id: '', status: '', sent_at: '' };

/** Entries asked for per page of a schedule's fire history. */
export const HISTORY_PAGE_SIZE = 100;

/** A schedule's fire history, or the fact that this server has no history route (404 or 405 on it). */
export type FireHistory = { available: true; entries: Array<Checked<FireRecord>>; /** false when reading stopped at `maxEntries`. */ complete: boolean } | { available: false; status: number };

export interface HistoryQuery {
  /** Unix ms: stop paging once a whole page was sent before this. */
  since?: number;
  /** Stop after this many entries. */
  maxEntries?: number;
}

const AGENT_RULES: RecordRules = { id: isId, name: isString };
const ID_REQUIRED = { id: '' };

/** Fields besides `messages` that the message routes accept (callback_url on the async route only). */
export interface MessageOptions {
  max_steps?: number;
  include_return_message_types?: string[];
  callback_url?: string;
}

export interface ApiOptions {
  /** Pages read of one list before giving up (MAX_PAGES unless a test says otherwise). */
  maxPages?: number;
  /** Items read of one list before giving up (MAX_ITEMS unless a test says otherwise). */
  maxItems?: number;
  /** Milliseconds spent reading one list before giving up (MAX_LIST_MS unless a test says otherwise). */
  maxListMs?: number;
  /** Told once per record of a list that had a field set aside, e.g. to print a warning. */
  warn?: (line: string) => void;
}

/**
 * Letta's routes as this CLI uses them; each answer checked before it is
 * trusted. Records in lists are checked one by one: a bad field is set aside
 * and named (flawsOf), the rest of the record and of the list is kept.
 */
export class LettaApi {
  private agents: Promise<Agent[]> | undefined;
  private readonly maxPages: number;
  private readonly maxItems: number;
  private readonly maxListMs: number;
  private readonly warn: ((line: string) => void) | undefined;

  constructor(
    readonly client: LettaClient,
    options: ApiOptions = {},
  ) {
    this.maxPages = options.maxPages ?? MAX_PAGES;
    this.maxItems = options.maxItems ?? MAX_ITEMS;
    this.maxListMs = options.maxListMs ?? MAX_LIST_MS;
    this.warn = options.warn;
  }

  /** Every agent (id and name), each once (fetched once per command). */
  allAgents(): Promise<Agent[]> {
    this.agents ??= (async () => {
      const agents: Agent[] = [];
      for await (const page of this.agentPages()) {
        for (const agent of page) if (agent.id !== '') agents.push(agent);
      }
      return agents;
    })();
    return this.agents;
  }

  /** Every agent's id, each once (fetched once per command). */
  async allAgentIds(): Promise<string[]> {
    return (await this.allAgents()).map((agent) => agent.id);
  }

  /**
   * Create a schedule; an answer lost or unreadable after the request went out may mean it exists.
   * @param _checkCommand no longer used (the edge writes that hint); kept until callers drop it.
   */
  async createSchedule(agentId: string, body: CreateScheduleBody, _checkCommand?: string): Promise<CreatedSchedule> {
    const mayLand = { agentId, kind: body.schedule.type };
    const answer = await onAgent(agentId, this.client.request('POST', schedulePath(agentId), { body, feature: 'schedules', mayLand }));
    return landedAnyway(mayLand, () => expectIdentified(checkRecord<CreatedSchedule>(answer, { id: isId, next_scheduled_at: isDateString }, ID_REQUIRED), 'the new schedule'));
  }

  /**
   * An agent's schedules a batch at a time (so a huge list never sits in memory), each schedule once.
   * `whole`: a list the pager had to stop early (a page repeated while the server said there was more) is an error.
   * `slots`: each page's request takes one (a command that counts every request it has in flight).
   */
  schedulePages(agentId: string, { whole = false, slots }: { whole?: boolean; slots?: Limiter } = {}): AsyncGenerator<Array<Checked<ScheduledMessage>>> {
    return this.pages('the schedule list', whole, slots, async (after) => {
      const answer = await onAgent(agentId, this.client.request('GET', schedulePath(agentId), { query: { limit: PAGE_SIZE, after }, feature: 'schedules' }));
      const page = expectShape<ScheduleListPage>(answer, 'the schedule list', { scheduled_messages: 'array', has_next_page: 'boolean?' });
      return { items: page.scheduled_messages.map((item) => this.told(checkSchedule(item), 'Schedule')), more: page.has_next_page === true };
    });
  }

  /** One schedule; with `kind`, one of that kind (else WrongKindError, which names the kind it is). */
  async getSchedule(agentId: string, id: string, kind?: ScheduleKind): Promise<Checked<ScheduledMessage>> {
    let answer: unknown;
    try {
      answer = await this.client.request('GET', schedulePath(agentId, id), { feature: 'schedules' });
    } catch (error) {
      // Said in the user's terms; the server's own words stay as the hint.
      if (error instanceof NotFoundError) throw new NotFoundError(`No schedule '${id}' for agent ${agentId}`, error.message, { what: 'schedule', id, agentId });
      throw error;
    }
    const item = expectIdentified(checkSchedule(answer), 'the scheduled message');
    return withKind(item, id, kind, agentId);
  }

  /** A schedule by id alone: asked of every agent, `concurrency` at a time (Letta keeps schedules per agent). */
  async locateSchedule(id: string, kind?: ScheduleKind, concurrency: number | Limiter = DEFAULT_CONCURRENCY): Promise<Checked<ScheduledMessage>> {
    const agents = await this.allAgentIds();
    const lookups = mapLimited(agents, concurrency, (agentId) =>
      this.getSchedule(agentId, id).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }),
    );
    for (const [index, lookup] of lookups.entries()) {
      const item = await lookup;
      if (item) return withKind(item.agent_id ? item : { ...item, agent_id: agents[index]! }, id, kind);
    }
    throw new NotFoundError(`No schedule '${id}' for any of your ${agents.length} agents`, undefined, { what: 'schedule', id, agentsSearched: agents.length });
  }

  /** Delete a schedule; an answer that says it was not deleted (`"success": false`) is an error, not a deletion. */
  async deleteSchedule(agentId: string, id: string): Promise<void> {
    const answer = await this.client.request('DELETE', schedulePath(agentId, id), { feature: 'schedules' });
    if ((answer as { success?: unknown } | null)?.success === false) throw new ApiError(`Letta did not delete ${id}: it answered "success": false`, 200);
  }

  /** `options`: the other fields the route accepts (max_steps, include_return_message_types, ...), sent as given. */
  async sendMessage(agentId: string, messages: MessageCreate[], options: MessageOptions = {}): Promise<LettaResponse> {
    const mayLand = { agentId, kind: 'message' } as const;
    const answer = await onAgent(agentId, this.client.request('POST', messagesPath(agentId), { body: { messages, ...options }, mayLand, feature: 'letta' }));
    const reply = landedAnyway(mayLand, () => expectShape<LettaResponse>(answer, 'the agent reply', { messages: 'array' }));
    return { ...reply, messages: reply.messages.map((message) => checkRecord<LettaMessage>(message, { message_type: isString }, { message_type: '' })) };
  }

  async sendMessageAsync(agentId: string, messages: MessageCreate[], options: MessageOptions = {}): Promise<Run> {
    const mayLand = { agentId, kind: 'async message' } as const;
    const answer = await onAgent(agentId, this.client.request('POST', messagesPath(agentId, true), { body: { messages, ...options }, mayLand, feature: 'letta' }));
    return landedAnyway(mayLand, () => expectIdentified(checkRecord<Run>(answer, RUN_RULES, ID_REQUIRED), 'the new run'));
  }

  /**
   * Recent runs, at most `limit` whatever the server sends. An agent with no
   * runs is checked to exist, since Letta answers an unknown agent_id with an empty list.
   */
  async listRuns(query: NonNullable<RequestOptions['query']>): Promise<Array<Checked<Run>>> {
    const answer = await this.client.request('GET', '/v1/runs/', { query, feature: 'letta' });
    const list = expectList(answer, 'the run list');
    const limit = typeof query.limit === 'number' ? query.limit : Number(query.limit ?? Infinity);
    const runs: Array<Checked<Run>> = [];
    for (const item of list) {
      if (runs.length >= limit) break;
      runs.push(this.told(checkRecord<Run>(item, RUN_RULES, ID_REQUIRED), 'Run'));
    }
    if (runs.length === 0 && typeof query.agent_id === 'string') await this.getAgent(query.agent_id);
    return runs;
  }

  async getRun(id: string): Promise<Checked<Run>> {
    let answer: unknown;
    try {
      answer = await this.client.request('GET', `/v1/runs/${segment(id, 'run id')}`);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(`No run '${id}'`, error.message, { what: 'run', id });
      throw error;
    }
    return expectIdentified(checkRecord<Run>(answer, RUN_RULES, ID_REQUIRED), 'the run');
  }

  /**
   * The fires of a schedule, newest first as the server pages them (offset
   * paging). The route is Letta Cloud's own and not in the published spec: a
   * server without it answers 404 "Not Found" or 405, which is a fact here,
   * not an error. Entries with a field that cannot be used are kept and named.
   */
  async fireHistory(agentId: string, scheduleId: string, query: HistoryQuery = {}): Promise<FireHistory> {
    const entries: Array<Checked<FireRecord>> = [];
    const seen = new Set<string>();
    let offset = 0;
    for (let page = 1; ; page++) {
      let answer: unknown;
      try {
        const path = `${schedulePath(agentId, scheduleId)}/history`;
        answer = await this.client.request('GET', path, { query: { limit: HISTORY_PAGE_SIZE, offset: offset > 0 ? offset : undefined }, feature: 'history' });
      } catch (error) {
        if (error instanceof RouteMissingError) return { available: false, status: error.status };
        if (error instanceof NotFoundError) throw new NotFoundError(`No schedule '${scheduleId}' for agent ${agentId}`, error.message, { what: 'schedule', id: scheduleId, agentId });
        throw error;
      }
      const body = expectShape<HistoryPage>(answer, 'the fire history', { history: 'array', has_next_page: 'boolean?', next_offset: 'number?' });
      let allBefore = body.history.length > 0;
      for (const item of body.history) {
        const entry = this.told(checkRecord<FireRecord>(item, FIRE_RULES, FIRE_REQUIRED), 'Fire');
        if (entry.id !== '' && seen.has(entry.id)) continue;
        if (entry.id !== '') seen.add(entry.id);
        if (!(query.since !== undefined && Date.parse(entry.sent_at) < query.since)) allBefore = false;
        entries.push(entry);
        if (query.maxEntries !== undefined && entries.length >= query.maxEntries) return { available: true, entries, complete: false };
      }
      const next = typeof body.next_offset === 'number' ? body.next_offset : offset + body.history.length;
      if (body.has_next_page !== true || body.history.length === 0 || next <= offset || (query.since !== undefined && allBefore)) return { available: true, entries, complete: true };
      if (page >= this.maxPages) throw new EndlessListError('the fire history', page);
      offset = next;
    }
  }

  /** One agent by id (NotFoundError naming it when there is none). */
  async getAgent(id: string): Promise<Checked<Agent>> {
    let answer: unknown;
    try {
      answer = await this.client.request('GET', `/v1/agents/${segment(id, 'agent id')}`, { feature: 'letta' });
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(`No agent '${id}'`, error.message, { what: 'agent', id });
      throw error;
    }
    return expectIdentified(checkRecord<Agent>(answer, AGENT_RULES, ID_REQUIRED), 'the agent');
  }

  /** Every page of agents (optionally those with this exact name), each agent once. */
  agentPages(name?: string, { slots }: { slots?: Limiter } = {}): AsyncGenerator<Array<Checked<Agent>>> {
    return this.pages('the agent list', false, slots, async (after) => {
      const answer = await this.client.request('GET', '/v1/agents/', { query: { name, limit: PAGE_SIZE, after }, feature: 'letta' });
      const items = expectList(answer, 'the agent list').map((agent) => this.told(checkRecord<Agent>(agent, AGENT_RULES, ID_REQUIRED), 'Agent'));
      // The list has no has_next_page, and a server may cap pages below PAGE_SIZE: only an empty page ends it,
      // except for a name, where one agent on the first page is the answer (no server caps a page at one).
      return { items, more: name === undefined ? items.length > 0 : items.length > 1 };
    });
  }

  /** An agent id from an id or a name: a name must match exactly one agent. */
  async resolveAgent(idOrName: string): Promise<string> {
    const value = idOrName.trim();
    if (looksLikeAgentId(value)) return value;
    const ids: string[] = [];
    for await (const page of this.agentPages(value)) {
      for (const agent of page) if (agent.name === value && agent.id !== '') ids.push(agent.id);
    }
    if (ids.length === 0) throw new NotFoundError(`No agent named '${value}'`, undefined, { what: 'agent', name: value });
    if (ids.length > 1) throw new AmbiguousAgentError(value, ids);
    return ids[0]!;
  }

  /**
   * Follow a cursor-paged list (`after` = the last id of the page before),
   * yielding only items not seen on an earlier page. Ends when the server says
   * so, when a page repeats a cursor or brings nothing new (a server that
   * ignores `after`), and fails after maxPages pages, maxItems items or
   * maxListMs of reading, whichever comes first: an endless pager ends in
   * bounded time and memory. The next page is asked for as soon as its cursor
   * is known, so the server works on it while the caller handles this one (one
   * request in flight, as before; one page more in memory at most).
   */
  private async *pages<T extends { id: string }>(
    what: string,
    whole: boolean,
    slots: Limiter | undefined,
    readPage: (after: string | undefined) => Promise<{ items: T[]; more: boolean }>,
  ): AsyncGenerator<T[]> {
    const read = slots ? (after: string | undefined) => slots.run(() => readPage(after)) : readPage;
    const seen = new Set<string>();
    const cursors = new Set<string>();
    const started = Date.now();
    let count = 0;
    let ahead: Promise<{ items: T[]; more: boolean }> | undefined = read(undefined);
    for (let page = 1; ahead; page++) {
      const { items, more } = await ahead;
      ahead = undefined;
      const fresh: T[] = [];
      let last: string | undefined;
      for (const item of items) {
        // A record without a usable id is kept (flagged) but cannot be told apart or paged after.
        if (item.id === '') {
          fresh.push(item);
          continue;
        }
        last = item.id;
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        fresh.push(item);
      }
      const anythingNew = fresh.some((item) => item.id !== '');
      count += fresh.length;
      const spent = Date.now() - started;
      // Why the list ends after this page, if it does: thrown once the page is handed over.
      let failure: Error | undefined;
      if (!more) {
        // The server said this was the last page.
      } else if (!anythingNew || last === undefined || cursors.has(last)) {
        if (whole) failure = new ListCutShortError(what, page);
      } else if (page >= this.maxPages) {
        failure = new EndlessListError(what, page);
      } else if (count >= this.maxItems) {
        failure = new EndlessListError(what, page, 'items', count);
      } else if (spent >= this.maxListMs) {
        failure = new EndlessListError(what, page, 'time', count, spent);
      } else {
        cursors.add(last);
        ahead = read(last);
        // Awaited on the next turn; a caller that stops before then leaves it unread, and its failure unreported.
        ahead.catch(() => undefined);
      }
      for (let start = 0; start < fresh.length; start += MAX_BATCH) yield fresh.slice(start, start + MAX_BATCH);
      if (failure) throw failure;
    }
  }

  /** A record of a list, after saying what was set aside from it. */
  private told<T extends { id: string }>(record: Checked<T>, noun: string): Checked<T> {
    const flaws = flawsOf(record);
    if (flaws.length > 0 && this.warn) {
      const which = record.id === '' ? `${noun} without an id` : `${noun} ${record.id}`;
      this.warn(`${which}: ${flaws.map((flaw) => (flaw.field === '(record)' ? flaw.problem : `the field '${flaw.field}' ${flaw.problem}`)).join('; ')}; showing the rest.`);
    }
    return record;
  }
}

/** Reading the success answer of a POST that went through: one that is not what Letta promises still means it landed (or may have). */
function landedAnyway<T>(mayLand: { agentId: string; kind: LandingKind }, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MalformedResponseError) throw new CreateMayHaveLandedError(error, mayLand.agentId, mayLand.kind);
    throw error;
  }
}

/** A request on an agent's own routes (list, create, send): there, "not found" can only mean the agent. */
async function onAgent<T>(agentId: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof NotFoundError && !error.missing) throw new NotFoundError(`No agent '${agentId}'`, error.message, { what: 'agent', id: agentId });
    throw error;
  }
}

function checkSchedule(value: unknown): Checked<ScheduledMessage> {
  return checkRecord<ScheduledMessage>(value, SCHEDULE_RULES, SCHEDULE_REQUIRED);
}

function withKind(item: Checked<ScheduledMessage>, id: string, kind: ScheduleKind | undefined, agentId?: string): Checked<ScheduledMessage> {
  const actual = scheduleKind(item);
  if (kind !== undefined && actual !== kind) throw new WrongKindError(id, actual, kind, agentId ?? item.agent_id);
  return item;
}
