import type { ScheduledMessage } from '../../letta/types';
import type { Runtime } from '../../runtime';

/** The schedules of one agent or of all of them (`concurrency` agents at a time, each agent's pages in order), and the agents' names. */
export async function schedulesInScope(rt: Runtime, allAgentsFlag: boolean, concurrency: number): Promise<{ schedules: ScheduledMessage[]; names: Map<string, string>; agentIds: string[] }> {
  const api = await rt.api();
  const { mapLimited } = await import('../../concurrency');
  const names = new Map<string, string>();
  for await (const page of api.agentPages()) for (const agent of page) names.set(agent.id, agent.name || agent.id);
  const agent = rt.agentOrNone();
  const agentIds = allAgentsFlag || !agent ? [...names.keys()] : [await rt.agentId(agent)];
  const perAgent = mapLimited(agentIds, concurrency, async (agentId) => {
    const items: ScheduledMessage[] = [];
    for await (const page of api.schedulePages(agentId)) for (const item of page) items.push({ ...item, agent_id: item.agent_id || agentId });
    return items;
  });
  const schedules: ScheduledMessage[] = [];
  for (const result of perAgent) schedules.push(...(await result));
  return { schedules, names, agentIds };
}
