import { aboutAgent, EndlessListError, NotFoundError } from '../../errors';
import type { ScheduledMessage } from '../../letta/types';
import type { Runtime } from '../../runtime';
import { allSettled, limiter, type Limiter } from '../../concurrency';
import { MAX_ITEMS, type LettaApi } from '../../letta/api';

/**
 * The schedules of one agent or of all of them (`concurrency` agents at a time, each agent's pages in order), and the agents' names.
 * All of them are held at once, so at most MAX_ITEMS in all, as for one list. For one agent its schedules are read beside
 * the names (when two may be in flight), not after them.
 */
export async function schedulesInScope(
  rt: Runtime,
  allAgentsFlag: boolean,
  concurrency: number,
  /** The agent to read instead of the one given (the agent a set or series belongs to). */
  onlyAgent?: string,
): Promise<{ schedules: ScheduledMessage[]; names: Map<string, string>; agentIds: string[] }> {
  const api = await rt.api();
  const readNames = () => agentNames(api);
  const agent = rt.agentOrNone();
  if ((onlyAgent || (agent && !allAgentsFlag)) && concurrency > 1) {
    const agentIds = [onlyAgent ?? (await rt.agentId(agent!))];
    const names = readNames();
    const schedules = heldSchedulesOf(api, agentIds, concurrency, leftOut(rt));
    // Both end before a failure of either is thrown, so nothing is left under way.
    await allSettled<unknown>([names, schedules]);
    return { schedules: await schedules, names: await names, agentIds };
  }
  const names = await readNames();
  const agentIds = onlyAgent ? [onlyAgent] : allAgentsFlag || !agent ? [...names.keys()] : [await rt.agentId(agent)];
  return { schedules: await heldSchedulesOf(api, agentIds, concurrency, leftOut(rt)), names, agentIds };
}

/**
 * What to do with an agent deleted between the agent list and its schedule list, in a look over several
 * agents: leave it out, said on stderr (it has no schedules left to show).
 */
export function leftOut(rt: Runtime): (agentId: string) => void {
  return (agentId) => rt.out.note(`Note: agent ${agentId} no longer exists (deleted while its schedules were being read); left out.`);
}

/** Every schedule of these agents, held (at most MAX_ITEMS in all): for the agenda, which needs them all at once. */
async function heldSchedulesOf(api: LettaApi, agentIds: string[], concurrency: number, gone: (agentId: string) => void): Promise<ScheduledMessage[]> {
  const schedules: ScheduledMessage[] = [];
  for await (const page of pagesInOrder(api, agentIds, limiter(concurrency), gone)) {
    if (schedules.length + page.length > MAX_ITEMS) throw new EndlessListError(`the schedules of ${agentIds.length.toLocaleString('en-US')} agents`, 0, 'items', schedules.length + page.length);
    schedules.push(...page);
  }
  return schedules;
}

/** Schedules in scope as a stream (status: a page at a time, however many there are). */
export interface ScheduleStream {
  agentIds: string[];
  /** Agent names by id; for one agent, read beside its schedules. */
  names: Promise<Map<string, string>>;
  /** Their schedules a page at a time, agent by agent, each agent's in the server's order. */
  pages: AsyncGenerator<ScheduledMessage[]>;
}

/**
 * The schedules of one agent or of all of them as a stream of pages, every request taking one of
 * `slots` (`concurrency` of them). Nothing is held but the pages not yet worked on.
 */
export async function scheduleStream(rt: Runtime, allAgentsFlag: boolean, slots: Limiter): Promise<ScheduleStream> {
  const api = await rt.api();
  const agent = rt.agentOrNone();
  if (agent && !allAgentsFlag) {
    const agentIds = [await rt.agentId(agent)];
    // Beside the schedules when two requests may be in flight; the reader of the stream awaits it.
    const names = slots.limit > 1 ? agentNames(api, slots) : Promise.resolve(await agentNames(api, slots));
    names.catch(() => undefined);
    return { agentIds, names, pages: pagesInOrder(api, agentIds, slots) };
  }
  const names = await agentNames(api, slots);
  const agentIds = [...names.keys()];
  return { agentIds, names: Promise.resolve(names), pages: pagesInOrder(api, agentIds, slots, leftOut(rt)) };
}

/** Every agent's name by id (its id when it has none). */
async function agentNames(api: LettaApi, slots?: Limiter): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const page of api.agentPages(undefined, { slots })) for (const agent of page) names.set(agent.id, agent.name || agent.id);
  return names;
}

/**
 * Each agent's schedule pages in turn; the first pages of the next agents (as many as there are
 * slots) are asked for while one agent's are worked on, so a stream over many agents is not a
 * round trip per agent. With `gone`, an agent of several that no longer exists is handed to it and
 * skipped; without it (sync, which must not take a vanished agent's schedules as deleted) it fails the stream.
 */
export async function* pagesInOrder(api: LettaApi, agentIds: string[], slots: Limiter, gone?: (agentId: string) => void): AsyncGenerator<ScheduledMessage[]> {
  type Reader = { agentId: string; pages: AsyncGenerator<ScheduledMessage[]>; first: Promise<IteratorResult<ScheduledMessage[]>> };
  const ahead: Reader[] = [];
  let current: Reader | undefined;
  let started = 0;
  try {
    for (let turn = 0; turn < agentIds.length; turn++) {
      for (; started < agentIds.length && started < turn + slots.limit; started++) {
        const agentId = agentIds[started]!;
        const pages = agentSchedulePages(api, agentId, agentIds.length > 1, slots);
        const first = pages.next();
        // Awaited in turn below; one failing before its turn must not crash the process.
        first.catch(() => undefined);
        ahead.push({ agentId, pages, first });
      }
      current = ahead.shift()!;
      const agentId = current.agentId;
      try {
        for (let page = await current.first; !page.done; page = await current.pages.next()) {
          yield page.value.map((item) => (item.agent_id ? item : { ...item, agent_id: agentId }));
        }
      } catch (error) {
        const vanished = error instanceof NotFoundError && error.missing?.what === 'agent' && 'id' in error.missing && error.missing.id === agentId;
        if (!vanished || !gone || agentIds.length < 2) throw error;
        gone(agentId);
      }
      current = undefined;
    }
  } finally {
    // Stopped early (a failure, or a reader that gave up): the pagers still open are closed, their first pages settled.
    await Promise.allSettled(
      [...(current ? [current] : []), ...ahead].map(async ({ pages, first }) => {
        await first.catch(() => undefined);
        await pages.return(undefined);
      }),
    );
  }
}

/** One agent's schedule pages; with `several` agents read, a failure names the agent whose list it was. */
export async function* agentSchedulePages(api: LettaApi, agentId: string, several: boolean, slots?: Limiter): AsyncGenerator<ScheduledMessage[]> {
  try {
    yield* api.schedulePages(agentId, { slots });
  } catch (error) {
    throw several ? aboutAgent(error, agentId) : error;
  }
}
