import { ApiError, CliError, CreateMayHaveLandedError, InterruptedError, NotFoundError, UsageError } from '../errors';
import { allSettled, limiter, type Limiter } from '../concurrency';
import type { LettaApi } from '../letta/api';
import type { Schedule, ScheduledMessage } from '../letta/types';
import {
  clearAttempt,
  clearMemberAttempts,
  dropResumeAttempt,
  endSeries,
  markSeriesFound,
  findIntent,
  findSeries,
  finishCreate,
  markFound,
  markGone,
  markDeleted,
  clearDeleteUnanswered,
  markPaused,
  markMemberGone,
  followSeriesCopies,
  markReplaced,
  recordAttempt,
  recordMemberAttempts,
  recordReplacement,
  recordSeries,
  recordUnrecorded,
  resumePaused,
  retimeCreateAttempt,
  successorOf,
  topUpSeries,
  type Intent,
  type Series,
  type State,
} from '../state/records';
import { currentSchedule } from './same-schedule';
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
  /** The replacement's id (replace, finish). */
  new_id?: string;
  /** Members created (top-up). */
  created?: string[];
  /** Members an earlier create made, its answer lost, found and recorded (top-up). */
  found?: string[];
  /** The ids of the schedules involved that exist in Letta after this action. */
  exist: string[];
  /** A create went out and its answer was lost: it may exist; the record holds the attempt, so the next sync finds it. */
  unsure?: boolean;
  /** Letta refused a create outright (a 4xx): sending it again would be refused again. */
  refused?: boolean;
  /** The round's time was up before all of a top-up was made (the next round goes on). */
  more?: boolean;
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
  /** Stop taking new steps after this instant (Date.now() ms), so a lock is not held long; the rest waits for the next round. */
  deadline?: number;
  /** Actions (and a top-up's members) under way at once; one at a time when absent. */
  concurrency?: number;
}

/**
 * Apply a plan, up to `concurrency` actions at once, started in plan order.
 * Every change is create, read back, then delete, and each step is recorded
 * before the next, so a failure leaves the old schedule (or both), never
 * neither, and the record says which. Actions on the same schedule or series
 * wait for each other, in plan order. The outcomes are those of the actions
 * started (a prefix of the plan, when the deadline stopped it), in plan order.
 */
export async function applyPlan(plan: SyncAction[], options: ApplyOptions): Promise<SyncOutcome[]> {
  const slots = limiter(options.concurrency ?? 1);
  // One string for the instant every record this plan changes is stamped with: thousands of records held the same text each.
  const shared = { ...options, records: sharedRecordWrites(options.records), slots, stamp: new Date(options.now).toISOString() };
  const previous = new Map<string, Promise<unknown>>();
  const started: Array<Promise<SyncOutcome>> = [];
  for (const action of plan) {
    const release = await slots.take();
    if (started.length > 0 && options.deadline !== undefined && Date.now() > options.deadline) {
      release();
      break;
    }
    const subject = subjectOf(action);
    const before = previous.get(subject);
    const outcome = (async () => {
      try {
        await before;
        // A top-up's members each take a slot of their own.
        if (action.type === 'top-up') release();
        return await applyOne(action, shared);
      } finally {
        release();
      }
    })();
    // Also keeps a bug's rejection handled until allSettled below reads it.
    previous.set(
      subject,
      outcome.catch(() => undefined),
    );
    started.push(outcome);
  }
  return allSettled(started);
}

/** What an action changes: actions with the same subject are taken one after another. */
function subjectOf(action: SyncAction): string {
  switch (action.type) {
    case 'replace':
    case 'finish':
    case 'finish-create':
    case 'drop-attempt':
    case 'complete-set':
    case 'delete-replaced':
      return `intent ${action.intent_id}`;
    case 'keep-first-copy':
    case 'replaced-elsewhere':
      return `intent ${action.id}`;
    case 'finish-resume':
    case 'drop-resume-attempt':
      return `paused ${action.old_id}`;
    case 'confirm-paused':
      return action.series ? `series ${action.id}` : `paused ${action.id}`;
    case 'found':
    case 'gone':
    case 'problem':
    case 'delete-not-done':
      return `intent ${action.id}`;
    case 'disowned':
      return action.series_id === undefined ? `intent ${action.id}` : `series ${action.series_id}`;
    case 'delete-paused':
      return action.series_id === undefined ? `paused ${action.id}` : `series ${action.series_id}`;
    case 'member-gone':
    case 'series-gone':
    case 'series-made-again':
    case 'series-found':
    case 'finish-series-delete':
    case 'top-up':
      return `series ${action.series_id}`;
    case 'skipped':
      return `agent ${action.agent_id}`;
  }
}

/** A change of a batch threw: the batch is made again one change at a time, so it fails alone. */
class BatchChangeFailed extends Error {}

/**
 * A RecordWriter whose changes asked for meanwhile are made in one update of
 * the record (one read, one flushed write): each caller still waits until its
 * own change is on disk, but steps under way side by side do not each pay for
 * a write of the whole record. Batches are written one after another.
 */
export function sharedRecordWrites(records: RecordWriter): RecordWriter {
  type Waiting = { change: (state: State) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  let batch: Waiting[] = [];
  let writing: Promise<void> = Promise.resolve();
  const write = async (changes: Waiting[]) => {
    try {
      const results = await records.update((state) =>
        changes.map(({ change }) => {
          try {
            return change(state);
          } catch (error) {
            throw changes.length > 1 ? new BatchChangeFailed() : error;
          }
        }),
      );
      // A writer that cannot record (the record unreadable: recordWriter) answers the batch with nothing, as each change.
      changes.forEach((one, i) => one.resolve(results?.[i]));
    } catch (error) {
      if (!(error instanceof BatchChangeFailed)) return changes.forEach((one) => one.reject(error));
      for (const one of changes) await records.update(one.change).then(one.resolve, one.reject);
    }
  };
  return {
    update<T>(change: (state: State) => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        batch.push({ change, resolve: resolve as (value: unknown) => void, reject });
        if (batch.length > 1) return;
        // Everything asked for until this batch's turn (one event-loop turn at least) shares its write.
        writing = writing.then(
          () =>
            new Promise<void>((turn) =>
              setImmediate(() => {
                const changes = batch;
                batch = [];
                void write(changes).then(turn);
              }),
            ),
        );
      });
    },
  };
}

async function applyOne(action: SyncAction, options: ApplyOptions & { slots: Limiter; stamp: string }): Promise<SyncOutcome> {
  const { api, records, letta, stamp } = options;
  switch (action.type) {
    case 'replace': {
      const old = letta.get(action.agent_id)?.get(action.old_id);
      if (!old) return { action, ok: false, exist: [], error: new CliError(`Schedule ${action.old_id} was not in the list just read`) };
      const body = replacementBody(carriedBody(old), { type: 'recurring', cron_expression: action.new_cron });
      const step = await replaceSchedule(options, {
        agentId: action.agent_id,
        oldId: action.old_id,
        holderId: action.intent_id,
        body,
        successor: (state) => {
          const intent = findIntent(state, action.intent_id);
          return intent && { ...successorOf(intent, '', stamp, { utc_crons: [action.new_cron] }), replaces: action.intent_id === action.old_id ? [] : [action.intent_id, ...intent.replaces] };
        },
        // The intent's own schedule never appeared: it too is replaced by the new one.
        settle: (state, newId) => {
          const intent = findIntent(state, action.intent_id);
          if (intent && action.intent_id !== action.old_id) markReplaced(state, action.intent_id, newId, stamp);
        },
      });
      return { action, ok: step.ok, new_id: step.newId, exist: step.exist, unsure: step.unsure, error: step.error };
    }
    case 'finish': {
      const old = letta.get(action.agent_id)?.get(action.old_id);
      const landed = letta.get(action.agent_id)?.get(action.landed_id);
      if (!landed) return { action, ok: false, exist: [action.old_id], error: new CliError(`Schedule ${action.landed_id} was not in the list just read`) };
      const body = replacementBody(carriedBody(landed), currentSchedule(landed));
      const step = await replaceSchedule(options, {
        agentId: action.agent_id,
        oldId: action.old_id,
        holderId: action.intent_id,
        body,
        landedId: action.landed_id,
        oldExists: old !== undefined,
        successor: (state) => findIntent(state, action.intent_id)?.attempt?.successor,
      });
      return { action, ok: step.ok, new_id: step.newId, exist: step.exist, error: step.error };
    }
    case 'finish-create':
      await records.update((state) => finishCreate(state, action.intent_id, action.landed_id));
      return { action, ok: true, exist: [action.landed_id] };
    case 'finish-resume':
      await records.update((state) => resumePaused(state, action.old_id, action.landed_id, action.cron, stamp));
      return { action, ok: true, exist: [action.landed_id] };
    case 'drop-resume-attempt':
      await records.update((state) => dropResumeAttempt(state, action.old_id));
      return { action, ok: true, exist: [] };
    case 'drop-attempt':
      await records.update((state) => clearAttempt(state, action.intent_id));
      return { action, ok: true, exist: [] };
    case 'confirm-paused':
      await records.update((state) => markPaused(state, action.id, stamp));
      return { action, ok: true, exist: [] };
    case 'complete-set': {
      const attempt = await records.update((state) => retimeCreateAttempt(state, action.intent_id, action.cron));
      if (!attempt) return { action, ok: true, exist: [] };
      try {
        const { id } = await api.createSchedule(action.agent_id, { schedule: attempt.schedule, messages: attempt.messages as never });
        await records.update((state) => finishCreate(state, action.intent_id, id));
        return { action, ok: true, new_id: id, exist: [id] };
      } catch (error) {
        const failure = asCliError(error);
        const unsure = mayHaveLanded(failure);
        // Refused outright (a 4xx but 408 and 429: the same create would be refused again): the attempt is dropped, and the
        // report says the set is short. Otherwise it stays recorded: the next sync looks for its copy, or sends it again.
        const refused = failure instanceof ApiError && failure.status >= 400 && failure.status < 500 && failure.status !== 408 && failure.status !== 429;
        if (refused) await records.update((state) => clearAttempt(state, action.intent_id));
        return { action, ok: false, exist: [], unsure, error: failure, ...(refused ? { refused } : {}) };
      }
    }
    case 'found':
      await records.update((state) => markFound(state, action.id, stamp));
      return { action, ok: true, exist: [action.id] };
    case 'delete-not-done':
      await records.update((state) => clearDeleteUnanswered(state, action.id));
      return { action, ok: true, exist: [action.id] };
    case 'skipped':
    case 'disowned':
      return { action, ok: true, exist: [] };
    case 'replaced-elsewhere':
      await records.update((state) => {
        const intent = findIntent(state, action.id);
        // A copy made again elsewhere follows a record marked gone too (paused there, found missing here before its resume).
        if (intent?.status === 'active' || (action.again === true && intent?.status === 'gone')) {
          recordReplacement(state, action.id, successorOf(intent, action.new_id, action.made_at, { utc_crons: [action.cron] }), stamp);
        }
      });
      return { action, ok: true, exist: [action.new_id] };
    case 'keep-first-copy':
      // Taken when found (syncRound), never planned.
      return { action, ok: true, exist: [action.kept_id] };
    case 'delete-replaced':
      try {
        await api.deleteSchedule(action.agent_id, action.old_id);
      } catch (error) {
        return { action, ok: false, exist: [action.intent_id, action.old_id], error: asCliError(error) };
      }
      return { action, ok: true, exist: [action.intent_id] };
    case 'delete-paused':
      try {
        await api.deleteSchedule(action.agent_id, action.id);
      } catch (error) {
        return { action, ok: false, exist: [action.id], error: asCliError(error) };
      }
      // As the pause would have, once its delete was done.
      if (action.series_id === undefined) await records.update((state) => markPaused(state, action.id, stamp));
      return { action, ok: true, exist: [] };
    case 'gone':
      // A delete of ours whose answer was lost was done when it was sent.
      await records.update((state) => (action.deleteSent === undefined ? markGone(state, action.id, stamp) : markDeleted(state, action.id, action.deleteSent)));
      return { action, ok: true, exist: [] };
    case 'member-gone':
      await records.update((state) => markMemberGone(state, action.series_id, action.id));
      return { action, ok: true, exist: [] };
    case 'series-gone':
      await records.update((state) => endSeries(state, action.series_id, 'gone', stamp));
      return { action, ok: true, exist: [] };
    case 'series-made-again':
      await records.update((state) => followSeriesCopies(state, action.series_id, action.members, action.gone, stamp));
      return { action, ok: true, exist: action.members.map((m) => m.new_id) };
    case 'finish-series-delete':
      for (const [k, id] of action.ids.entries()) {
        try {
          await api.deleteSchedule(action.agent_id, id);
        } catch (error) {
          if (!(error instanceof NotFoundError)) return { action, ok: false, exist: action.ids.slice(k), error: asCliError(error) };
        }
      }
      await records.update((state) => endSeries(state, action.series_id, 'deleted', action.at ?? stamp));
      return { action, ok: true, exist: [] };
    case 'series-found':
      await records.update((state) => markSeriesFound(state, action.series_id, stamp));
      return { action, ok: true, exist: [] };
    case 'top-up': {
      const template = await records.update((state) => findSeries(state, action.series_id)?.template);
      if (!template) return { action, ok: false, exist: [], error: new CliError(`Series ${action.series_id} is no longer recorded`) };
      if (action.landed.length > 0) {
        await records.update((state) =>
          topUpSeries(
            state,
            action.series_id,
            action.landed.map(({ at, id }) => ({ schedule_id: id, instant: new Date(at).toISOString() })),
          ),
        );
      }
      const result = await createMembers(options, action.agent_id, action.series_id, template as unknown as MemberBody, action.instants);
      const found = action.landed.map((l) => l.id);
      return { action, ok: !result.error, created: result.created, found, exist: [...found, ...result.created], unsure: result.unsure, more: result.more, error: result.error };
    }
    case 'problem':
      return { action, ok: false, exist: [action.id] };
  }
}

export interface ReplaceStep {
  ok: boolean;
  newId?: string;
  exist: string[];
  /** The create's answer was lost: the new schedule may exist (its attempt is recorded). */
  unsure?: boolean;
  error?: CliError;
  /** Asked with `confirmOld`: the old schedule was gone before its delete (another client deleted or replaced it meanwhile); nothing was deleted. */
  oldGone?: true;
}

export interface ReplaceRequest {
  agentId: string;
  oldId: string;
  body: FullScheduleBody;
  /** The record the attempt is written on: the intent the old schedule stands for. */
  holderId: string;
  /** The holder's record when it has none yet (a schedule made elsewhere). */
  holder?: Intent;
  /** A create that landed earlier (found by its recorded attempt): used, not sent again. */
  landedId?: string;
  /**
   * Whether the old schedule is still there, asked before its delete: Letta answers a delete of an unknown id with
   * success, so only a read tells that another client deleted or replaced it while this change ran (see ReplaceStep's
   * `oldGone`).
   */
  confirmOld?: () => Promise<boolean>;
  /** False when the old schedule is already gone from Letta (nothing left to delete). */
  oldExists?: boolean;
  /** What the new schedule stands for, from the record as it is when the attempt is written. */
  successor: (state: State) => Omit<Intent, 'schedule_id'> | undefined;
  /** Any further record change once the new id is known. */
  settle?: (state: State, newId: string) => void;
}

/**
 * Replace one schedule: record the attempt, create (unless an earlier
 * attempt's copy landed), record the new one as the successor, read it back,
 * then delete the old. A create whose answer is lost stays recorded as
 * attempted, so a retry or a sync finds the copy instead of making another.
 */
export async function replaceSchedule(
  { api, records, readBack, now, stamp }: Pick<ApplyOptions, 'api' | 'records' | 'readBack' | 'now'> & { stamp?: string },
  request: ReplaceRequest,
): Promise<ReplaceStep> {
  const { agentId, oldId, body, holderId, landedId } = request;
  // A plan's replacements share its stamp (see applyPlan).
  const at = stamp ?? new Date(now).toISOString();
  let newId: string;
  if (landedId !== undefined) {
    newId = landedId;
  } else {
    await records.update((state) => {
      const successor = request.successor(state);
      if (!successor) return;
      const holder = findIntent(state, holderId) ?? request.holder;
      if (holder) recordAttempt(state, holder, { at, sent_at: new Date().toISOString(), schedule: body.schedule, messages: body.messages, successor });
    });
    try {
      newId = (await api.createSchedule(agentId, body)).id;
    } catch (error) {
      const failure = asCliError(error);
      const unsure = mayHaveLanded(failure);
      if (!unsure) await records.update((state) => clearAttempt(state, holderId));
      return { ok: false, exist: [oldId], unsure, error: failure };
    }
  }
  // The read back goes out while the new schedule is recorded: only the delete must wait for the record.
  const reading = readBack ? api.getSchedule(agentId, newId) : Promise.resolve(undefined);
  reading.catch(() => undefined);
  await records.update((state) => {
    const successor = findIntent(state, holderId)?.attempt?.successor ?? request.successor(state);
    if (!successor) return;
    const next = { ...successor, schedule_id: newId } as Intent;
    // An old schedule never recorded (made elsewhere) is recorded as replaced, so a delete that fails is retried by sync.
    recordUnrecorded(state, oldId, request.holder ?? next);
    recordReplacement(state, oldId, next, at);
    request.settle?.(state, newId);
  });
  const both = { ok: false, newId, exist: request.oldExists === false ? [newId] : [oldId, newId] };
  try {
    const read = await reading;
    if (read && !sameTiming(read.schedule, body.schedule)) {
      return { ...both, error: new CliError(`Schedule ${newId} reads back as ${JSON.stringify(read.schedule)}, not ${JSON.stringify(body.schedule)}`) };
    }
    if (request.confirmOld && request.oldExists !== false && !(await request.confirmOld())) return { ok: true, newId, exist: [newId], oldGone: true };
    if (request.oldExists !== false) await api.deleteSchedule(agentId, oldId);
  } catch (error) {
    return { ...both, error: asCliError(error) };
  }
  return { ok: true, newId, exist: [newId] };
}

/** A create whose answer was lost after it went out (timeout, reset, 5xx, Ctrl-C): it may exist. */
export function mayHaveLanded(error: CliError): boolean {
  return error instanceof CreateMayHaveLandedError || error instanceof InterruptedError;
}

/**
 * Create one-time members, each recorded as attempted before it is sent and
 * as a member once it exists; one at a time, or as `slots` allow. Nothing new
 * is started after the first failure (or once the round's time is up: `more`).
 * An instant that is already a member (another command made it meanwhile) is
 * skipped. `created` is in the order of `instants`.
 */
export async function createMembers(
  { api, records, deadline, slots = limiter(1) }: Pick<ApplyOptions, 'api' | 'records' | 'deadline'> & { slots?: Limiter },
  agentId: string,
  seriesId: string,
  body: MemberBody,
  instants: number[],
  step: <T>(body: () => Promise<T>) => Promise<T> = (body) => body(),
): Promise<{ created: string[]; error?: CliError; unsure?: boolean; more?: boolean }> {
  type Made = { id?: string; error?: CliError; unsure?: boolean };
  const createOne = (at: number) =>
    step(async (): Promise<Made> => {
      const instant = new Date(at).toISOString();
      const wanted = await records.update((state) => {
        const series = findSeries(state, seriesId);
        if (!series || series.status !== 'active' || series.members.some((m) => Date.parse(m.instant) === at)) return false;
        recordMemberAttempts(state, seriesId, [instant]);
        return true;
      });
      if (wanted === false) return {};
      let id: string;
      try {
        id = (await api.createSchedule(agentId, replacementBody(body, { type: 'one-time', scheduled_at: at }))).id;
      } catch (error) {
        const failure = asCliError(error);
        const unsure = mayHaveLanded(failure);
        if (!unsure) await records.update((state) => clearMemberAttempts(state, seriesId, [instant]));
        return { error: failure, unsure };
      }
      await records.update((state) => topUpSeries(state, seriesId, [{ schedule_id: id, instant }]));
      return { id };
    });
  const started: Array<Promise<Made>> = [];
  let failed = false;
  let more = false;
  for (const at of instants) {
    const release = await slots.take();
    if (failed || (started.length > 0 && deadline !== undefined && Date.now() > deadline)) {
      release();
      more = !failed;
      break;
    }
    // `failed` is set before the slot is given back, so the next one taken sees it.
    const made = createOne(at)
      .then(
        (result) => {
          failed ||= result.error !== undefined;
          return result;
        },
        (error: unknown) => {
          failed = true;
          throw error;
        },
      )
      .finally(release);
    made.catch(() => undefined);
    started.push(made);
  }
  const results = await allSettled(started);
  const created = results.flatMap((result) => (result.id ? [result.id] : []));
  const failure = results.find((result) => result.error);
  if (failure) return { created, error: failure.error, unsure: failure.unsure };
  return more ? { created, more } : { created };
}

function sameTiming(read: ScheduledMessage['schedule'], sent: Schedule): boolean {
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
export async function startSeries(options: Pick<ApplyOptions, 'api' | 'records' | 'now'>, { series, instants }: StartSeries, step?: <T>(body: () => Promise<T>) => Promise<T>) {
  const planned = topUpInstants(series, options.now, instants);
  if (planned.length === 0)
    throw new UsageError(`'${series.phrase}' has no run between now and ${new Date(horizonOf(series, options.now)).toISOString()}`, 'Check --until and --count, or the phrase.');
  await options.records.update((state) => recordSeries(state, { ...series, horizon: new Date(horizonOf(series, options.now)).toISOString() }));
  const result = await createMembers(options, series.agent_id, series.series_id, series.template as unknown as MemberBody, planned, step);
  return { planned, ...result };
}
