import type { ScheduledMessage } from '../../letta/types';
import type { Runtime } from '../../runtime';

/** The schedules of one agent or of all of them (a few agents at a time, as `list` does), and the agents' names. */
export async function schedulesInScope(rt: Runtime, allAgentsFlag: boolean): Promise<{ schedules: ScheduledMessage[]; names: Map<string, string>; agentIds: string[] }> {
  const api = await rt.api();
  const [{ mapLimited }, { AGENT_CONCURRENCY }] = await Promise.all([import('../../concurrency'), import('../../letta/api')]);
  const names = new Map<string, string>();
  for await (const page of api.agentPages()) for (const agent of page) names.set(agent.id, agent.name || agent.id);
  const agent = rt.agentOrNone();
  const agentIds = allAgentsFlag || !agent ? [...names.keys()] : [await rt.agentId(agent)];
  const perAgent = mapLimited(agentIds, AGENT_CONCURRENCY, async (agentId) => {
    const items: ScheduledMessage[] = [];
    for await (const page of api.schedulePages(agentId)) for (const item of page) items.push({ ...item, agent_id: item.agent_id || agentId });
    return items;
  });
  const schedules: ScheduledMessage[] = [];
  for (const result of perAgent) schedules.push(...(await result));
  return { schedules, names, agentIds };
}
