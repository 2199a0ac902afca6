import { CliError, UsageError } from '../errors';
import type { LettaApi } from '../letta/api';
import type { Schedule, ScheduledMessage } from '../letta/types';
import { addSeriesMembers, findIntent, findSeries, markGone, recordIntent, recordReplacement, recordSeries, type Intent, type Series, type State } from '../state/records';
import { carriedBody, replacementBody, type FullScheduleBody, type MemberBody } from './carry';
import type { SyncAction } from './plan';
import { horizonOf, topUpInstants, type InstantSource } from './series';

/** Where each step is written before the next one is taken (the state store, or a scratch copy under --dry-run). */
export interface RecordWriter {
  update<T>(change: (state: State) => T): Promise<T>;
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
  now: number;
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

async function applyOne(action: SyncAction, options: ApplyOptions): Promise<SyncOutcome> {
  const { api, records, letta, now } = options;
  const stamp = new Date(now).toISOString();
  switch (action.type) {
    case 'replace': {
      const old = letta.get(action.agent_id)?.get(action.old_id);
      if (!old) return { action, ok: false, exist: [], error: new CliError(`Schedule ${action.old_id} was not in the list just read`) };
      const body = replacementBody(carriedBody(old), { type: 'recurring', cron_expression: action.new_cron });
      const step = await replaceSchedule(options, action.agent_id, action.old_id, body, action.landed_id, (state, newId) => {
        const intent = findIntent(state, action.intent_id);
        if (!intent) return undefined;
        // The intent's own schedule never appeared: it too is replaced by the new one.
        const vanished = intent.schedule_id !== action.old_id;
        if (vanished) Object.assign(intent, { status: 'replaced', replaced_by: newId, status_at: stamp });
        const replaces = vanished ? [intent.schedule_id, ...intent.replaces] : intent.replaces;
        return { ...intent, schedule_id: newId, utc_crons: [action.new_cron], replaces, status: 'active', created_at: stamp, replaced_by: undefined, status_at: undefined };
      });
      return { action, ok: step.ok, new_id: step.newId, exist: step.exist, error: step.error };
    }
    case 'delete-replaced':
      try {
        await api.deleteSchedule(action.agent_id, action.old_id);
      } catch (error) {
        return { action, ok: false, exist: [action.intent_id, action.old_id], error: asCliError(error) };
      }
      return { action, ok: true, exist: [action.intent_id] };
    case 'gone':
      await records.update((state) => markGone(state, action.id, stamp));
      return { action, ok: true, exist: [] };
    case 'member-gone':
      await records.update((state) => {
        const member = findSeries(state, action.series_id)?.members.find((m) => m.schedule_id === action.id);
        if (member) member.gone = true;
      });
      return { action, ok: true, exist: [] };
    case 'series-gone':
      await records.update((state) => {
        const series = findSeries(state, action.series_id);
        if (series) Object.assign(series, { status: 'gone', status_at: stamp });
      });
      return { action, ok: true, exist: [] };
    case 'top-up': {
      const template = await records.update((state) => findSeries(state, action.series_id)?.template);
      if (!template) return { action, ok: false, exist: [], error: new CliError(`Series ${action.series_id} is no longer recorded`) };
      if (action.landed.length > 0) {
        await records.update((state) => {
          const series = findSeries(state, action.series_id);
          if (series) addSeriesMembers(series, action.landed.map(({ at, id }) => ({ schedule_id: id, instant: new Date(at).toISOString() })), series.horizon);
        });
      }
      const result = await createMembers(options, action.agent_id, action.series_id, template as unknown as MemberBody, action.instants);
      const created = [...action.landed.map((l) => l.id), ...result.created];
      return { action, ok: !result.error, created, exist: created, error: result.error };
    }
    case 'problem':
      return { action, ok: false, exist: [action.id] };
  }
}

export interface ReplaceStep {
  ok: boolean;
  newId?: string;
  exist: string[];
  error?: CliError;
}

/**
 * Create the replacement (unless an earlier attempt's landed one is given), record it, read it back, then delete the old one.
 * `successor` gives the new schedule's intent (inside the store's update); the
 * old one is marked replaced by it, so a later sync finishes a delete that failed.
 */
export async function replaceSchedule(
  { api, records, readBack, now }: Pick<ApplyOptions, 'api' | 'records' | 'readBack' | 'now'>,
  agentId: string,
  oldId: string,
  body: FullScheduleBody,
  landedId: string | undefined,
  successor: (state: State, newId: string) => Intent | undefined,
): Promise<ReplaceStep> {
  let newId: string;
  try {
    newId = landedId ?? (await api.createSchedule(agentId, body)).id;
  } catch (error) {
    return { ok: false, exist: [oldId], error: asCliError(error) };
  }
  await records.update((state) => {
    const next = successor(state, newId);
    if (!next) return;
    const at = new Date(now).toISOString();
    // An old schedule never recorded (made elsewhere) is recorded as replaced, so a delete that fails is retried by sync.
    if (!findIntent(state, oldId)) recordIntent(state, { ...next, schedule_id: oldId, utc_crons: undefined, instants: undefined, replaces: [], status: 'replaced', replaced_by: newId, status_at: at });
    recordReplacement(state, oldId, next, at);
  });
  const both = { ok: false, newId, exist: [oldId, newId] };
  try {
    const read = readBack ? await api.getSchedule(agentId, newId) : undefined;
    if (read && !sameSchedule(read.schedule, body.schedule)) {
      return { ...both, error: new CliError(`Schedule ${newId} reads back as ${JSON.stringify(read.schedule)}, not ${JSON.stringify(body.schedule)}`) };
    }
    await api.deleteSchedule(agentId, oldId);
  } catch (error) {
    return { ...both, error: asCliError(error) };
  }
  return { ok: true, newId, exist: [newId] };
}

/** Create one-time members one by one, recording each before the next; stop at the first failure. */
export async function createMembers(
  { api, records }: Pick<ApplyOptions, 'api' | 'records'>,
  agentId: string,
  seriesId: string,
  body: MemberBody,
  instants: number[],
): Promise<{ created: string[]; error?: CliError }> {
  const created: string[] = [];
  for (const at of instants) {
    let id: string;
    try {
      id = (await api.createSchedule(agentId, replacementBody(body, { type: 'one-time', scheduled_at: at }))).id;
    } catch (error) {
      return { created, error: asCliError(error) };
    }
    created.push(id);
    const instant = new Date(at).toISOString();
    await records.update((state) => {
      const series = findSeries(state, seriesId);
      if (series) addSeriesMembers(series, [{ schedule_id: id, instant }], instant);
    });
  }
  return { created };
}

function sameSchedule(read: ScheduledMessage['schedule'], sent: Schedule): boolean {
  if (sent.type === 'recurring') return read.cron_expression === undefined || read.cron_expression === sent.cron_expression;
  return read.scheduled_at === undefined || read.scheduled_at === sent.scheduled_at;
}

/** Only this tool's own errors are outcomes; anything else is a bug and propagates. */
function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  throw error;
}

export interface StartSeries {
  series: Series;
  instants: InstantSource;
}

/**
 * Record a new series, then create its members up to the horizon, each
 * recorded as it is created. A failure part-way leaves the series recorded
 * with the members that exist (sync creates the rest).
 */
export async function startSeries(options: Pick<ApplyOptions, 'api' | 'records' | 'now'>, { series, instants }: StartSeries) {
  const planned = topUpInstants(series, options.now, instants);
  if (planned.length === 0) throw new UsageError(`'${series.phrase}' has no run between now and ${new Date(horizonOf(series, options.now)).toISOString()}`, 'Check --until and --count, or the phrase.');
  await options.records.update((state) => recordSeries(state, { ...series, horizon: new Date(horizonOf(series, options.now)).toISOString() }));
  const result = await createMembers(options, series.agent_id, series.series_id, series.template as unknown as MemberBody, planned);
  return { planned, ...result };
}
