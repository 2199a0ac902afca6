import type { LettaApi } from '../letta/api';
import type { ScheduledMessage } from '../letta/types';
import type { State } from '../state/records';
import { applyPlan, type RecordWriter, type SyncOutcome } from './execute';
import { planSync, type SyncAction } from './plan';
import { seriesInstants } from './series';

/** The record store as sync uses it: read, change under its lock, and one sync at a time. */
export interface SyncStore extends RecordWriter {
  read(): Promise<State>;
  /** Run `body` holding the named command lock (a second sync waits for the first). */
  withLock<T>(name: string, body: () => Promise<T>): Promise<T>;
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
  return store.withLock('sync', async () => {
    const state = await store.read();
    const mine = <T extends { agent_id: string; status: string }>(items: T[]) => items.filter((item) => agentId === undefined || item.agent_id === agentId);
    const intents = mine(state.intents);
    const series = mine(state.series);
    const active = [...intents, ...series].filter((item) => item.status === 'active');
    const agents = [...new Set(active.map((item) => item.agent_id))].sort();
    const letta = new Map<string, Map<string, ScheduledMessage>>();
    for (const agent of agents) letta.set(agent, await listAll(api, agent));
    const plan = planSync({ now, intents, series, letta, instants: seriesInstants });
    // A dry run takes every step against a copy of the record, and the client prints the changing requests instead of sending them.
    const scratch = structuredClone(state);
    const writer: RecordWriter = dryRun ? { update: async (change) => change(scratch) } : store;
    const outcomes = await applyPlan(plan, { api, records: writer, letta, now, readBack: !dryRun });
    return { checked: active.length, plan, outcomes };
  });
}

/** Every schedule of one agent, all pages. */
async function listAll(api: SyncRequest['api'], agentId: string): Promise<Map<string, ScheduledMessage>> {
  const all = new Map<string, ScheduledMessage>();
  for await (const page of api.schedulePages(agentId)) for (const item of page) all.set(item.id, item);
  return all;
}
