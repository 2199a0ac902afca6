import { EndlessListError } from '../../errors';
import type { ScheduledMessage } from '../../letta/types';
import type { Runtime } from '../../runtime';
import { allSettled, mapLimited } from '../../concurrency';
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
  const readNames = async () => {
    const names = new Map<string, string>();
    for await (const page of api.agentPages()) for (const agent of page) names.set(agent.id, agent.name || agent.id);
    return names;
  };
  const agent = rt.agentOrNone();
  if ((onlyAgent || (agent && !allAgentsFlag)) && concurrency > 1) {
    const agentIds = [onlyAgent ?? (await rt.agentId(agent!))];
    const names = readNames();
    const schedules = schedulesOf(api, agentIds, concurrency);
    // Both end before a failure of either is thrown, so nothing is left under way.
    await allSettled<unknown>([names, schedules]);
    return { schedules: await schedules, names: await names, agentIds };
  }
  const names = await readNames();
  const agentIds = onlyAgent ? [onlyAgent] : allAgentsFlag || !agent ? [...names.keys()] : [await rt.agentId(agent)];
  return { schedules: await schedulesOf(api, agentIds, concurrency), names, agentIds };
}

async function schedulesOf(api: LettaApi, agentIds: string[], concurrency: number): Promise<ScheduledMessage[]> {
  let held = 0;
  const perAgent = mapLimited(agentIds, concurrency, async (agentId) => {
    const items: ScheduledMessage[] = [];
    for await (const page of api.schedulePages(agentId)) {
      held += page.length;
      if (held > MAX_ITEMS) throw new EndlessListError(`the schedules of ${agentIds.length.toLocaleString('en-US')} agents`, 0, 'items', held);
      for (const item of page) items.push({ ...item, agent_id: item.agent_id || agentId });
    }
    return items;
  });
  const schedules: ScheduledMessage[] = [];
  for (const result of perAgent) schedules.push(...(await result));
  return schedules;
}
