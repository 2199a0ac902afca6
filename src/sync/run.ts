import type { LettaApi } from '../letta/api';
import type { ScheduledMessage } from '../letta/types';
import { applyPlan, type RecordWriter, type SyncOutcome, type SyncRecords } from './execute';
import { planSync, type SyncAction } from './plan';
import { seriesInstants } from './series';

/** The record store as sync uses it: read, change under its lock, and one sync at a time. */
export interface SyncStore extends RecordWriter {
  read(): Promise<SyncRecords>;
  /** Run `work` while no other sync runs (a second one waits for the first). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export interface SyncRequest {
  api: Pick<LettaApi, 'createSchedule' | 'getSchedule' | 'deleteSchedule' | 'schedulePages'>;
  store: SyncStore;
  now: number;
  /** Only this agent's records; all recorded agents when absent. */
  agentId?: string;
  /** Nothing is sent (the client prints changing requests) and nothing recorded. */
  dryRun: boolean;
}

export interface SyncResult {
  /** How many recorded schedules and series were checked. */
  checked: number;
  plan: SyncAction[];
  /** One per action. */
  outcomes: SyncOutcome[];
}

/**
 * Compare the record with what Letta has now and make Letta match it. The
 * record and Letta's lists are read inside the lock, so a sync that waited for
 * another plans against what that one left and has nothing left to repeat.
 */
export function syncSchedules({ api, store, now, agentId, dryRun }: SyncRequest): Promise<SyncResult> {
  return store.exclusive(async () => {
    const records = await store.read();
    const intents = records.intents.filter((i) => i.status === 'active' && (agentId === undefined || i.agent_id === agentId));
    const series = records.series.filter((s) => s.status === 'active' && (agentId === undefined || s.agent_id === agentId));
    const agents = [...new Set([...intents.map((i) => i.agent_id), ...series.map((s) => s.agent_id)])].sort();
    const letta = new Map<string, Map<string, ScheduledMessage>>();
    for (const agent of agents) letta.set(agent, await listAll(api, agent));
    const plan = planSync({ now, intents, series, letta, instants: seriesInstants });
    // A dry run goes through every step against a copy of the record: the client prints the changing requests instead of sending them.
    const scratch = structuredClone(records);
    const writer = dryRun ? { update: async (change: (r: SyncRecords) => void) => change(scratch) } : store;
    const outcomes = await applyPlan(plan, { api, records: writer, letta, readBack: !dryRun });
    return { checked: intents.length + series.length, plan, outcomes };
  });
}

/** Every schedule of one agent, all pages. */
async function listAll(api: SyncRequest['api'], agentId: string): Promise<Map<string, ScheduledMessage>> {
  const all = new Map<string, ScheduledMessage>();
  for await (const page of api.schedulePages(agentId)) for (const item of page) all.set(item.id, item);
  return all;
}
