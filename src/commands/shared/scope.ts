import { EndlessListError } from '../../errors';
import type { ScheduledMessage } from '../../letta/types';
import type { Runtime } from '../../runtime';
import { mapLimited } from '../../concurrency';
import { MAX_ITEMS } from '../../letta/api';

/**
 * The schedules of one agent or of all of them (`concurrency` agents at a time, each agent's pages in order), and the agents' names.
 * All of them are held at once, so at most MAX_ITEMS in all, as for one list.
 */
export async function schedulesInScope(
  rt: Runtime,
  allAgentsFlag: boolean,
  concurrency: number,
  /** The agent to read instead of the one given (the agent a set or series belongs to). */
  onlyAgent?: string,
): Promise<{ schedules: ScheduledMessage[]; names: Map<string, string>; agentIds: string[] }> {
  const api = await rt.api();
  let held = 0;
  const names = new Map<string, string>();
  for await (const page of api.agentPages()) for (const agent of page) names.set(agent.id, agent.name || agent.id);
  const agent = rt.agentOrNone();
  const agentIds = onlyAgent ? [onlyAgent] : allAgentsFlag || !agent ? [...names.keys()] : [await rt.agentId(agent)];
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
  return { schedules, names, agentIds };
}
