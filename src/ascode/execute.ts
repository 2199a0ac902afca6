import { CliError, CreateMayHaveLandedError, InterruptedError } from '../errors';
import type { ScheduleApi } from '../sync/execute';
import type { LockEntry } from './lock-file';
import type { Change, OwnedId } from './planner';

/** The lock file's entries for this server, changed and written (atomically, flushed) before the promise settles. */
export interface EntryWriter {
  update(change: (entries: Record<string, LockEntry>) => void): Promise<void>;
}

/**
 * An EntryWriter whose changes made in the same turn of the event loop share
 * one write: each caller still waits until its change is on disk, but files
 * applied side by side do not each pay for a flushed write of the whole file.
 */
export function sharedWrites(entries: () => Record<string, LockEntry>, save: () => void): EntryWriter {
  let waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  return {
    update(change) {
      change(entries());
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (waiting.length > 1) return;
        setImmediate(() => {
          const batch = waiting;
          waiting = [];
          try {
            save();
            for (const one of batch) one.resolve();
          } catch (error) {
            for (const one of batch) one.reject(error);
          }
        });
      });
    },
  };
}

export interface ApplyContext {
  api: ScheduleApi;
  entries: EntryWriter;
  /** Under --dry-run nothing was created, so there is nothing to read back. */
  readBack: boolean;
  signal: AbortSignal;
}

/** What became of one file's change: what it made, what it deleted, and, if it stopped, what exists and why. */
export interface ChangeOutcome {
  change: Change;
  ok: boolean;
  created: string[];
  deleted: string[];
  /** After a failure: the ids of the file's schedules that exist now (old and new). */
  exist: OwnedId[];
  error?: CliError;
  /** After a failure: a create was sent whose answer was lost (the next apply looks for it first). */
  mayHaveLanded?: boolean;
}

/**
 * Carry out one file's change with the safety of edit and sync: create (each
 * id recorded as soon as it is known), read every new schedule back, and only
 * then delete what it replaces. A failure stops the file there, so it leaves
 * the old schedules (or old and new), never neither, and the outcome says which.
 */
export async function applyChange(change: Change, { api, entries, readBack, signal }: ApplyContext): Promise<ChangeOutcome> {
  const created: string[] = [];
  const deleted: string[] = [];
  const file = change.file;
  const mine = (id: string): OwnedId => ({ agent_id: change.agent_id, id });
  const left = () => change.delete.filter((old) => !deleted.includes(old.id));
  const stop = (error: unknown, extra: Partial<ChangeOutcome> = {}): ChangeOutcome => {
    if (!(error instanceof CliError)) throw error;
    const exist = [...[...change.keep, ...change.adopt, ...created].map(mine), ...left()];
    return { change, ok: false, created, deleted, exist, error, ...extra };
  };
  const record = (fields: Partial<LockEntry>) =>
    entries.update((all) => {
      const retiring = left();
      all[file] = { ...change.entry!, ids: [...change.keep, ...change.adopt, ...created], ...(retiring.length > 0 ? { retiring } : {}), ...fields };
    });

  /** Delete what the change retires, one by one, recording each as it goes; an outcome when it stops. */
  const retire = async (recordEach: () => Promise<void>): Promise<ChangeOutcome | undefined> => {
    for (const old of change.delete) {
      if (signal.aborted) return stop(new InterruptedError());
      try {
        await api.deleteSchedule(old.agent_id, old.id);
      } catch (error) {
        return stop(error);
      }
      deleted.push(old.id);
      await recordEach();
    }
    return undefined;
  };

  if (change.entry === undefined) {
    // The file is gone: delete what it owned, forgetting each id as it goes, then the file.
    const forget = () =>
      entries.update((all) => {
        const entry = all[file];
        if (entry) all[file] = { ...entry, ids: entry.ids.filter((id) => !deleted.includes(id)), retiring: entry.retiring?.filter((r) => !deleted.includes(r.id)) };
      });
    const stopped = await retire(forget);
    if (stopped) return stopped;
    await entries.update((all) => {
      delete all[file];
    });
    return { change, ok: true, created, deleted, exist: [] };
  }

  if (change.create.length > 0) await record({ pending: true });
  for (const body of change.create) {
    if (signal.aborted) return stop(new InterruptedError());
    try {
      created.push((await api.createSchedule(change.agent_id, body)).id);
    } catch (error) {
      return stop(error, { mayHaveLanded: error instanceof CreateMayHaveLandedError || error instanceof InterruptedError });
    }
    await record({ pending: true });
  }
  if (readBack) {
    for (const [i, id] of created.entries()) {
      try {
        const read = await api.getSchedule(change.agent_id, id);
        const sent = change.create[i]!.schedule;
        const same = sent.type === 'recurring' ? (read.schedule.cron_expression ?? sent.cron_expression) === sent.cron_expression : (read.schedule.scheduled_at ?? sent.scheduled_at) === sent.scheduled_at;
        if (!same) return stop(new CliError(`Schedule ${id} reads back as ${JSON.stringify(read.schedule)}, not ${JSON.stringify(sent)}`));
      } catch (error) {
        return stop(error);
      }
    }
  }
  await record({});
  const stopped = await retire(() => record({}));
  if (stopped) return stopped;
  return { change, ok: true, created, deleted, exist: [] };
}
