import { mapLimited } from '../concurrency';
import { NotFoundError, UsageError } from '../errors';
import { expectArray, expectShape } from './checks';
import type { LettaClient, RequestOptions } from './client';
import type { Agent, CreatedSchedule, CreateScheduleBody, LettaResponse, MessageCreate, Run, ScheduledMessage, ScheduleListPage } from './types';

export const PAGE_SIZE = 100;
/** How many agents are asked at once when a command fans out over all of them. */
export const AGENT_CONCURRENCY = 4;

/** A path segment from user input: escaped, and never a dot segment that could climb to another route. */
export function segment(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new UsageError(`The ${what} is empty`);
  if (/^\.+$/.test(trimmed)) throw new UsageError(`'${value}' is not a valid ${what}`);
  return encodeURIComponent(trimmed);
}

const checkScheduled = (value: unknown) =>
  expectShape<ScheduledMessage>(value, 'a scheduled message', { id: 'string', schedule: 'object', message: 'object?' });

/** The schedule routes: /v1/agents/{agent_id}/schedule[/{id}]. */
export function schedulePath(agentId: string, id?: string): string {
  const base = `/v1/agents/${segment(agentId, 'agent id')}/schedule`;
  return id === undefined ? base : `${base}/${segment(id, 'schedule id')}`;
}

/** The message routes: /v1/agents/{agent_id}/messages[/async]. */
export function messagesPath(agentId: string, async = false): string {
  return `/v1/agents/${segment(agentId, 'agent id')}/messages${async ? '/async' : ''}`;
}

/** Schedules live on Letta Cloud only; a server without the routes is most likely self-hosted. */
const SCHEDULES_ROUTE_MISSING = 'Schedules are a Letta Cloud feature: self-hosted servers do not have these routes. Check the base URL (letta-switchboard config show).';

/** Letta's routes as this CLI uses them; each answer checked before it is trusted. */
export class LettaApi {
  private agentIds: Promise<string[]> | undefined;

  constructor(readonly client: LettaClient) {}

  /** Every agent's id (fetched once per command). */
  allAgentIds(): Promise<string[]> {
    this.agentIds ??= (async () => {
      const ids: string[] = [];
      for await (const page of this.agentPages()) ids.push(...page.map((agent) => agent.id));
      return ids;
    })();
    return this.agentIds;
  }

  async createSchedule(agentId: string, body: CreateScheduleBody, listCommand: string): Promise<CreatedSchedule> {
    const answer = await this.client.request('POST', schedulePath(agentId), {
      body,
      ifNoRoute: SCHEDULES_ROUTE_MISSING,
      ifUnsure: { effect: 'The schedule may have been created.', check: listCommand },
    });
    return expectShape<CreatedSchedule>(answer, 'the new schedule', { id: 'string', next_scheduled_at: 'string?' });
  }

  /** Every page of an agent's schedules, one page at a time (so a huge list never sits in memory). */
  async *schedulePages(agentId: string): AsyncGenerator<ScheduledMessage[]> {
    let after: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const answer = await this.client.request('GET', schedulePath(agentId), { query: { limit: PAGE_SIZE, after }, ifNoRoute: SCHEDULES_ROUTE_MISSING });
      const page = expectShape<ScheduleListPage>(answer, 'the schedule list', { scheduled_messages: 'array', has_next_page: 'boolean?' });
      const items = expectArray(page.scheduled_messages, 'the schedule list', checkScheduled);
      yield items;
      const last = items.at(-1)?.id;
      if (!page.has_next_page || last === undefined || seen.has(last)) return;
      seen.add(last);
      after = last;
    }
  }

  async getSchedule(agentId: string, id: string): Promise<ScheduledMessage> {
    try {
      return checkScheduled(await this.client.request('GET', schedulePath(agentId, id), { ifNoRoute: SCHEDULES_ROUTE_MISSING }));
    } catch (error) {
      // A missing route keeps its own hint; a missing schedule is said in the user's terms.
      if (error instanceof NotFoundError && !error.hint) throw new NotFoundError(`No schedule '${id}' for agent ${agentId}`, error.message);
      throw error;
    }
  }

  /** A schedule by id alone: asked of every agent, a few at a time (Letta keeps schedules per agent). */
  async locateSchedule(id: string): Promise<ScheduledMessage> {
    const agents = await this.allAgentIds();
    const lookups = mapLimited(agents, AGENT_CONCURRENCY, (agentId) =>
      this.getSchedule(agentId, id).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }),
    );
    for (const [index, lookup] of lookups.entries()) {
      const item = await lookup;
      if (item) return { ...item, agent_id: item.agent_id ?? agents[index]! };
    }
    throw new NotFoundError(`No schedule '${id}' for any of your ${agents.length} agents`, 'Check the id with: letta-switchboard onetime list (or recurring list)');
  }

  async deleteSchedule(agentId: string, id: string): Promise<void> {
    await this.client.request('DELETE', schedulePath(agentId, id), { ifNoRoute: SCHEDULES_ROUTE_MISSING });
  }

  async sendMessage(agentId: string, messages: MessageCreate[]): Promise<LettaResponse> {
    const answer = await this.client.request('POST', messagesPath(agentId), {
      body: { messages },
      ifUnsure: { effect: 'The message may have been delivered.', check: `letta-switchboard results list --agent-id ${agentId}` },
    });
    return expectShape<LettaResponse>(answer, 'the agent reply', { messages: 'array' });
  }

  async sendMessageAsync(agentId: string, messages: MessageCreate[]): Promise<Run> {
    const answer = await this.client.request('POST', messagesPath(agentId, true), {
      body: { messages },
      ifUnsure: { effect: 'The message may have been queued.', check: `letta-switchboard results list --agent-id ${agentId}` },
    });
    return expectShape<Run>(answer, 'the new run', { id: 'string' });
  }

  async listRuns(query: RequestOptions['query']): Promise<Run[]> {
    const answer = await this.client.request('GET', '/v1/runs/', { query });
    return expectArray(answer, 'the run list', (run) => expectShape<Run>(run, 'a run', { id: 'string' }));
  }

  async getRun(id: string): Promise<Run> {
    try {
      return expectShape<Run>(await this.client.request('GET', `/v1/runs/${segment(id, 'run id')}`), 'the run', { id: 'string' });
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(`No run '${id}'`, error.message);
      throw error;
    }
  }

  /** Every page of agents (optionally those with this exact name). */
  async *agentPages(name?: string): AsyncGenerator<Agent[]> {
    let after: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const answer = await this.client.request('GET', '/v1/agents/', { query: { name, limit: PAGE_SIZE, after } });
      const agents = expectArray(answer, 'the agent list', (agent) => expectShape<Agent>(agent, 'an agent', { id: 'string', name: 'string?' }));
      yield agents;
      // The list has no has_next_page, and a server may cap pages below PAGE_SIZE: stop at an empty page.
      const last = agents.at(-1)?.id;
      if (last === undefined || seen.has(last)) return;
      seen.add(last);
      after = last;
    }
  }

  /** An agent id from an id or a name: a name must match exactly one agent. */
  async resolveAgent(idOrName: string): Promise<string> {
    const value = idOrName.trim();
    if (looksLikeAgentId(value)) return value;
    const matches: Agent[] = [];
    for await (const page of this.agentPages(value)) matches.push(...page.filter((agent) => agent.name === value));
    if (matches.length === 0) {
      throw new NotFoundError(`No agent named '${value}'`, 'List your agents with: letta-switchboard agents list');
    }
    if (matches.length > 1) {
      throw new UsageError(
        `${matches.length} agents are named '${value}': ${matches.map((agent) => agent.id).join(', ')}`,
        'Pass one of these ids with --agent-id.',
      );
    }
    return matches[0]!.id;
  }
}

export function looksLikeAgentId(value: string): boolean {
  return /^agent-[\w-]+$/i.test(value.trim());
}
