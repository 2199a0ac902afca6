import { CliError } from '../errors';
import type { LettaApi } from '../letta/api';
import type { Schedule, ScheduledMessage } from '../letta/types';
import { carriedBody, replacementBody } from './carry';
import type { SyncAction } from './plan';
import type { MemberBody, ScheduleIntent, SeriesRecord } from './records';

export interface SyncRecords {
  intents: ScheduleIntent[];
  series: SeriesRecord[];
}

/** Where each step is written before the next one is taken. */
export interface RecordWriter {
  update(change: (records: SyncRecords) => void): Promise<void>;
}

export type ScheduleApi = Pick<LettaApi, 'createSchedule' | 'getSchedule' | 'deleteSchedule'>;

/** What became of one action: which ids exist now, and the error if it stopped part-way. */
export interface SyncOutcome {
  action: SyncAction;
  ok: boolean;
  /** The replacement's id (replace). */
  new_id?: string;
  /** Members created (top-up). */
  created?: string[];
  /** The ids of the schedules involved that exist in Letta after this action. */
  exist: string[];
  error?: CliError;
}

export interface ApplyOptions {
  api: ScheduleApi;
  records: RecordWriter;
  /** The schedules as listed before planning, by agent and id (a replacement carries the old one's fields). */
  letta: Map<string, Map<string, ScheduledMessage>>;
  /** Under --dry-run nothing was created, so there is nothing to read back. */
  readBack: boolean;
}

/**
 * Apply a plan in order. Every change is create, read back, then delete, and
 * each step is recorded before the next, so a failure leaves the old schedule
 * (or both), never neither, and the record says which.
 */
export async function applyPlan(plan: SyncAction[], options: ApplyOptions): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (const action of plan) outcomes.push(await applyOne(action, options));
  return outcomes;
}

async function applyOne(action: SyncAction, { api, records, letta, readBack }: ApplyOptions): Promise<SyncOutcome> {
  switch (action.type) {
    case 'replace': {
      const old = letta.get(action.agent_id)?.get(action.old_id);
      if (!old) return { action, ok: false, exist: [], error: new CliError(`Schedule ${action.old_id} was not in the list just read`) };
      const body = replacementBody(carriedBody(old), { type: 'recurring', cron_expression: action.new_cron });
      const step = await replaceSchedule({ api, records, readBack }, action.agent_id, action.old_id, body, ({ intents }, newId) => {
        const intent = intents.find((i) => i.id === action.intent_id);
        if (!intent) return;
        if (intent.id !== action.old_id && !intent.replaces.includes(intent.id)) intent.replaces.push(intent.id);
        intent.id = newId;
        intent.cron = action.new_cron;
      });
      return { action, ok: step.ok, new_id: step.newId, exist: step.exist, error: step.error };
    }
    case 'delete-replaced':
      try {
        await api.deleteSchedule(action.agent_id, action.old_id);
      } catch (error) {
        return { action, ok: false, exist: [action.intent_id, action.old_id], error: asCliError(error) };
      }
      await records.update(({ intents }) => {
        const intent = intents.find((i) => i.id === action.intent_id);
        if (intent) intent.pending_delete = intent.pending_delete.filter((id) => id !== action.old_id);
      });
      return { action, ok: true, exist: [action.intent_id] };
    case 'forget-replaced':
      await records.update(({ intents }) => {
        const intent = intents.find((i) => i.id === action.intent_id);
        if (intent) intent.pending_delete = intent.pending_delete.filter((id) => id !== action.old_id);
      });
      return { action, ok: true, exist: [action.intent_id] };
    case 'gone':
      await records.update(({ intents }) => {
        const intent = intents.find((i) => i.id === action.id && i.agent_id === action.agent_id);
        if (intent) intent.status = 'gone';
      });
      return { action, ok: true, exist: [] };
    case 'member-gone':
      await records.update(({ series }) => {
        const member = series.find((s) => s.series_id === action.series_id)?.members.find((m) => m.id === action.id);
        if (member) member.status = 'gone';
      });
      return { action, ok: true, exist: [] };
    case 'series-gone':
      await records.update(({ series }) => {
        const one = series.find((s) => s.series_id === action.series_id);
        if (one) one.status = 'gone';
      });
      return { action, ok: true, exist: [] };
    case 'top-up': {
      let body: MemberBody | undefined;
      await records.update(({ series }) => {
        body = series.find((s) => s.series_id === action.series_id)?.body;
      });
      if (!body) return { action, ok: false, exist: [], error: new CliError(`Series ${action.series_id} is no longer recorded`) };
      const result = await createMembers(api, records, action.agent_id, action.series_id, body, action.instants);
      return { action, ok: !result.error, created: result.created, exist: result.created, error: result.error };
    }
    case 'problem':
      return { action, ok: false, exist: [action.id] };
  }
}

interface ReplaceStep {
  ok: boolean;
  newId?: string;
  exist: string[];
  error?: CliError;
}

/**
 * Create the replacement, record it, read it back, delete the old one, record
 * that. `record` points the record at the new id (it runs inside the store's
 * update); the lineage and the pending delete of the old id are added here.
 */
export async function replaceSchedule(
  { api, records, readBack }: Pick<ApplyOptions, 'api' | 'records' | 'readBack'>,
  agentId: string,
  oldId: string,
  body: ReturnType<typeof replacementBody>,
  record: (records: SyncRecords, newId: string) => void,
): Promise<ReplaceStep> {
  let newId: string;
  try {
    newId = (await api.createSchedule(agentId, body, `letta-switchboard recurring list --agent-id ${agentId}`)).id;
  } catch (error) {
    return { ok: false, exist: [oldId], error: asCliError(error) };
  }
  const step: ReplaceStep = { ok: false, newId, exist: [oldId, newId] };
  await records.update((state) => {
    record(state, newId);
    const intent = state.intents.find((i) => i.id === newId);
    if (!intent) return;
    if (!intent.replaces.includes(oldId)) intent.replaces.push(oldId);
    if (!intent.pending_delete.includes(oldId)) intent.pending_delete.push(oldId);
  });
  try {
    const read = readBack ? await api.getSchedule(agentId, newId) : undefined;
    if (read && !sameSchedule(read.schedule, body.schedule)) {
      return { ...step, error: new CliError(`Schedule ${newId} reads back as ${JSON.stringify(read.schedule)}, not ${JSON.stringify(body.schedule)}; ${oldId} was kept`) };
    }
  } catch (error) {
    return { ...step, error: asCliError(error) };
  }
  try {
    await api.deleteSchedule(agentId, oldId);
  } catch (error) {
    return { ...step, error: asCliError(error) };
  }
  await records.update(({ intents }) => {
    const intent = intents.find((i) => i.id === newId);
    if (intent) intent.pending_delete = intent.pending_delete.filter((id) => id !== oldId);
  });
  return { ok: true, newId, exist: [newId] };
}

/** Create one-time members one by one, recording each before the next; stop at the first failure. */
export async function createMembers(
  api: ScheduleApi,
  records: RecordWriter,
  agentId: string,
  seriesId: string,
  body: MemberBody,
  instants: number[],
): Promise<{ created: string[]; error?: CliError }> {
  const created: string[] = [];
  for (const at of instants) {
    let id: string;
    try {
      id = (await api.createSchedule(agentId, replacementBody(body, { type: 'one-time', scheduled_at: at }), `letta-switchboard onetime list --agent-id ${agentId}`)).id;
    } catch (error) {
      return { created, error: asCliError(error) };
    }
    created.push(id);
    await records.update(({ series }) => {
      const one = series.find((s) => s.series_id === seriesId);
      if (one && !one.members.some((m) => m.id === id)) one.members.push({ id, at, status: 'pending' });
      if (one) one.members.sort((a, b) => a.at - b.at);
    });
  }
  return { created };
}

function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  throw error;
}

function sameSchedule(read: ScheduledMessage['schedule'], sent: Schedule): boolean {
  return sent.type === 'recurring' ? read.cron_expression === undefined || read.cron_expression === sent.cron_expression : read.scheduled_at === undefined || read.scheduled_at === sent.scheduled_at;
}
