import { CliError, CreateMayHaveLandedError, DeleteMayHaveLandedError, InterruptedError } from '../errors';
import type { ScheduleApi } from '../sync/execute';
import type { ChangedEntries, LockEntry } from './lock-file';
import type { Change, OwnedId } from './planner';

/** The lock file's entries for this server, changed and recorded (flushed) before the promise settles. */
export interface EntryWriter {
  /** `change` reads the entries as they are and returns the ones it changes. */
  update(change: (entries: Readonly<Record<string, LockEntry>>) => ChangedEntries): Promise<void>;
}

/**
 * An EntryWriter whose changes made in the same turn of the event loop share
 * one record: each caller still waits until its change is on disk, but files
 * applied side by side do not each pay for a flushed write.
 */
export function sharedWrites(entries: () => Record<string, LockEntry>, save: (changed: ChangedEntries) => void | Promise<void>): EntryWriter {
  let waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  let changed: ChangedEntries = {};
  return {
    update(change) {
      const all = entries();
      for (const [name, entry] of Object.entries(change(all))) {
        if (entry === null) delete all[name];
        else all[name] = entry;
        changed[name] = entry;
      }
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (waiting.length > 1) return;
        setImmediate(() => {
          const batch = waiting;
          const step = changed;
          waiting = [];
          changed = {};
          // The step is written at once (steps stay in order); its callers wait for it to be on disk.
          let saved;
          try {
            saved = save(step);
          } catch (error) {
            saved = Promise.reject(error);
          }
          Promise.resolve(saved).then(
            () => batch.forEach((one) => one.resolve()),
            (error: unknown) => batch.forEach((one) => one.reject(error)),
          );
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
  /** Called just before each delete is sent (to record that it may have landed, should the answer never come). */
  beforeDelete?: (old: OwnedId) => Promise<void>;
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
  /** After a failure: the old schedule whose delete was out when it stopped (Ctrl-C, an answer lost): it may be gone. */
  mayBeDeleted?: string;
}

/** The entry a file's change leaves in the lock file while it is under way (`pending`: a create may go out). */
function entryDuring(change: Change, created: string[], deleted: string[]): LockEntry {
  const entry = entryOf(change, created);
  const retiring = change.delete.filter((old) => !deleted.includes(old.id));
  if (retiring.length > 0) entry.retiring = retiring;
  entry.pending = true;
  return entry;
}

/** The file's entry with these ids, its fields copied one at a time: a spread here gave each entry a hidden class of its own. */
function entryOf(change: Change, created: string[]): LockEntry {
  const entry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change.entry!)) entry[key] = value;
  entry.ids = [...change.keep, ...change.adopt, ...created];
  return entry as unknown as LockEntry;
}

/**
 * Before any request: every file about to change is marked in one step, so a
 * create cut off before its id is recorded is looked for by the next apply.
 */
export function startChanges(changes: Change[]): ChangedEntries {
  const changed: ChangedEntries = {};
  for (const change of changes) if (change.entry && (change.create.length > 0 || change.delete.length > 0)) changed[change.file] = entryDuring(change, [], []);
  return changed;
}

/** What a file that finished owns now (null: its file is gone). A file that stopped keeps its entry for the next apply. */
export function finishedEntry({ change, created }: ChangeOutcome): LockEntry | null {
  return change.entry === undefined ? null : entryOf(change, created);
}

/**
 * Carry out one file's change with the safety of edit and sync: create (each
 * id recorded as soon as it is known), read every new schedule back, and only
 * then delete what it replaces, recording each delete. A failure stops the
 * file there, so it leaves the old schedules (or old and new), never neither,
 * and the outcome says which. `startChanges` and `finishedEntry` give the
 * entries before and after.
 */
export async function applyChange(change: Change, { api, entries, readBack, signal, beforeDelete }: ApplyContext): Promise<ChangeOutcome> {
  const created: string[] = [];
  const deleted: string[] = [];
  const file = change.file;
  const mine = (id: string): OwnedId => ({ agent_id: change.agent_id, id });
  const stop = (error: unknown, extra: Partial<ChangeOutcome> = {}): ChangeOutcome => {
    if (!(error instanceof CliError)) throw error;
    const exist = [...[...change.keep, ...change.adopt, ...created].map(mine), ...change.delete.filter((old) => !deleted.includes(old.id))];
    return { change, ok: false, created, deleted, exist, error, ...extra };
  };
  const record = () =>
    entries.update((all): ChangedEntries => {
      const was = all[file];
      if (change.entry) return { [file]: entryDuring(change, created, deleted) };
      if (!was) return {};
      return { [file]: { ...was, ids: was.ids.filter((id) => !deleted.includes(id)), retiring: was.retiring?.filter((r) => !deleted.includes(r.id)) } };
    });

  // Each new id is recorded as soon as it is known; the read backs go out while the last one is written.
  let recorded = Promise.resolve();
  for (const body of change.create) {
    await recorded;
    if (signal.aborted) return stop(new InterruptedError());
    try {
      created.push((await api.createSchedule(change.agent_id, body)).id);
    } catch (error) {
      return stop(error, { mayHaveLanded: error instanceof CreateMayHaveLandedError || error instanceof InterruptedError });
    }
    recorded = record();
    recorded.catch(() => undefined);
  }
  if (readBack) {
    for (const [i, id] of created.entries()) {
      try {
        const read = await api.getSchedule(change.agent_id, id);
        const sent = change.create[i]!.schedule;
        const same =
          sent.type === 'recurring' ? (read.schedule.cron_expression ?? sent.cron_expression) === sent.cron_expression : (read.schedule.scheduled_at ?? sent.scheduled_at) === sent.scheduled_at;
        if (!same) {
          await recorded;
          return stop(new CliError(`Schedule ${id} reads back as ${JSON.stringify(read.schedule)}, not ${JSON.stringify(sent)}`));
        }
      } catch (error) {
        await recorded;
        return stop(error);
      }
    }
  }
  await recorded;
  for (const old of change.delete) {
    if (signal.aborted) return stop(new InterruptedError());
    try {
      await beforeDelete?.(old);
      await api.deleteSchedule(old.agent_id, old.id);
    } catch (error) {
      return stop(error, error instanceof InterruptedError || error instanceof DeleteMayHaveLandedError ? { mayBeDeleted: old.id } : {});
    }
    deleted.push(old.id);
    await record();
  }
  return { change, ok: true, created, deleted, exist: [] };
}
