import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, UsageError } from '../errors';
import type { Runtime } from '../runtime';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { concurrencyOption, fileOption, strictOption } from './options';
import { findTarget, landingKey, planInWindows, serverKey, unreadFolderNotes, type LockEntries, type PlanWindow, type Target } from '../ascode/load';
import { LockOnDisk } from '../ascode/lock-stream';
import { applyChange, finishedEntry, sharedWrites, startChanges, type ChangeOutcome } from '../ascode/execute';
import type { FileReport } from '../ascode/load';
import { bodyKey, type Change } from '../ascode/planner';
import type { ChangedEntries, SeriesLock } from '../ascode/lock-file';
import { lock } from '../files/lock';
import { lockPathFor } from '../files/private-file';
import { forEachInOrder, limiter, windowFor } from '../concurrency';
import { recordWriter, serverOf, stateStore, whileChanging } from './shared/state';
import {
  endSeries,
  seriesOf,
  findIntent,
  findPaused,
  findSeries,
  isSeriesId,
  markDeleted as recordDeleted,
  markReplaced,
  markDeleteUnanswered,
  recordUnrecorded,
  recordMemberAttempts,
  takePaused,
  topUpSeries,
  type Series,
  type Intent,
  type SeriesMember,
  type State,
} from '../state/records';
import * as render from '../ascode/render';
import { HeldWriter } from '../output/output';
import { counted } from '../output/counted';
import { firstCopies } from '../ascode/first-copies';
import { bodyTwinKey, idsRecordedBy, TWIN_SLACK_MS, twinKey } from '../sync/twins';
import type { ScheduledMessage } from '../letta/types';
import type { EntryWriter } from '../ascode/execute';
import type { LockEntry } from '../ascode/lock-file';

/**
 * `apply`: make Letta match the schedule files, touching only what the lock
 * file owns, a window of files at a time (planInWindows). Every change is
 * create → read back → delete, each step recorded in the lock file's journal
 * as it happens and the journal written into the lock file when it grows large
 * and at the end, so an apply cut off anywhere is finished by the next.
 */
export default defineCommand({
  path: ['apply'],
  description: SUMMARIES.apply.description,
  examples: ['letta-switchboard apply', 'letta-switchboard apply --dry-run', 'letta-switchboard apply -f ops/letta-schedules --yes'],
  globals: ['output', 'time', 'api', 'dryRun'],
  declare: (command: Command) => command.addOption(fileOption()).addOption(strictOption()).option('-y, --yes', 'delete the schedules of removed files without asking').addOption(concurrencyOption()),
  async run(rt, options) {
    const out = rt.out;
    const began = Date.now();
    const target = findTarget(options.file);
    unreadFolderNotes(target).forEach((note) => out.note(note));
    // One apply at a time per lock file: a second one waits, then plans against what the first left.
    const held = rt.dryRun
      ? undefined
      : await lock(lockPathFor(target.lockPath), { what: `the lock file ${target.lockPath}`, staleMs: 60 * 60_000, waitMs: 10 * 60_000, signal: rt.signal, onWait: (line) => rt.out.note(line) });
    try {
      // Asked before the changes lock is taken, as a person may take their time to answer: other commands wait for it.
      const answers = await askBeforeDeleting(rt, target, options);
      // The changes lock too, as every changing command takes it: an edit, pause or sync of a schedule a file owns waits
      // for this apply (and this apply for it), and the plan is made under it from what is there then.
      await whileChanging(rt, async () => {
        // Steps an apply cut off left are written into the lock file first: this apply's journal starts afresh.
        const lockFile = new LockOnDisk(target.lockPath, serverKey(rt), rt.dryRun);
        if (options.strict) {
          // Nothing is applied while any file has a problem: every file is read (and planned) before the first change.
          const problems = await allProblems(rt, target, lockFile, options.concurrency);
          if (problems.length > 0) {
            render.reportProblems(out, problems);
            // Under --json still one document: nothing applied, and the problems.
            if (out.json) out.document({ applied: [], errors: problems });
            throw new AlreadyReported(new UsageError(`${counted(problems.length, 'problem')} in the schedule files; nothing applied (--strict)`));
          }
        }
        const run: ApplyRun = {
          rt,
          api: await rt.api(),
          lockFile,
          answers,
          yes: options.yes === true,
          slots: limiter(rt.dryRun ? 1 : options.concurrency),
          began,
          report: reporter(rt),
          problems: [],
          checked: 0,
          ended: 0,
          declined: [],
          refused: [],
          wouldAsk: [],
          failures: [],
          released: new Map(),
          landing: new Set(),
        };
        try {
          for await (const window of planInWindows(rt, target, lockFile, { concurrency: options.concurrency, landing: run.landing })) {
            await applyWindow(run, window);
            // Interrupted (Ctrl-C): no more windows are planned, so what this one left is said below, as for one window.
            if (rt.signal.aborted) break;
          }
          if (run.ended > 0) lockFile.fold(true);
        } catch (error) {
          run.report.cutShort(run);
          throw error;
        }
        run.report.end(run);

        for (const o of run.failures) {
          out.note(`${out.paintErr.red('Error:')} ${o.change.file}: ${o.error?.message ?? 'stopped'}`);
          const was = (id: string) =>
            o.created.includes(id) ? 'new' : id === o.mayBeDeleted ? 'old; its delete was sent, so it may be gone' : o.change.delete.some((d) => d.id === id) ? 'old' : 'unchanged';
          const exist = o.exist.map((e) => `${e.id} (${was(e.id)})`).join(', ');
          out.note(
            `  Exist now: ${exist || 'none'}.${o.mayHaveLanded ? ' A create may have landed (its answer was lost): the next apply looks for it before creating again.' : ''} Run apply again to finish.`,
          );
        }
        const { declined, refused } = heldBackText(run);
        // Said once for every window's deletes, as a real run asks once.
        if (run.wouldAsk.length > 0) out.note(`A real run asks before deleting ${deletesText(run.wouldAsk)}.`);
        if (!out.json && !out.quiet) {
          // Deletes held back for --yes are changes still to make: "nothing to change" would say otherwise.
          const checked = counted(run.checked, 'file');
          const none = run.declined.length + run.refused.length === 0 ? `Nothing to change (${checked} checked).` : `Nothing changed but for the deletes held back below (${checked} checked).`;
          out.note(run.report.shown === 0 ? none : `${rt.dryRun ? 'Would change' : 'Changed'} ${run.report.done} of ${counted(run.report.shown, 'file')}.`);
        }
        if (declined) out.note(`Not deleted, as answered: ${declined}. The next apply asks again; restore the files to keep them.`);
        if (refused) out.note(`${out.paintErr.red('Error:')} ${refused}: pass --yes to delete them${rt.io.stdinIsTTY ? '' : ' (there is no terminal to ask on)'}.`);

        const failed = run.failures[0];
        if (failed) throw new AlreadyReported(failed.error ?? new CliError('A change could not be made'));
        if (run.notDeleted) throw new AlreadyReported(run.notDeleted);
        if (refused) throw new AlreadyReported(new UsageError(refused));
        if (run.problems.length > 0) throw new AlreadyReported(new UsageError(`${counted(run.problems.length, 'problem')} in the schedule files`));
      });
    } finally {
      held?.release();
    }
  },
});

/** What an apply keeps from one window of files to the next: what it was told, its report, and what it must say at the end. */
interface ApplyRun {
  rt: Runtime;
  api: Awaited<ReturnType<Runtime['api']>>;
  lockFile: LockOnDisk;
  /** The person's answer for each removed file they were asked about (see askBeforeDeleting). */
  answers: Map<string, boolean> | undefined;
  yes: boolean;
  slots: ReturnType<typeof limiter>;
  began: number;
  report: ReturnType<typeof reporter>;
  problems: FileReport[];
  /** Files planned, changed or not. */
  checked: number;
  /** Files whose change ended (done or failed). */
  ended: number;
  /** Removed files whose deletes are held back: as the person answered, or because no one was asked (refused). */
  declined: HeldBack[];
  refused: HeldBack[];
  /** Under --dry-run on a terminal: the removed files whose deletes a real run would ask about. */
  wouldAsk: HeldBack[];
  failures: ChangeOutcome[];
  /** The creates whose answer was lost (landingKey): the windows after do not take what they may have made. */
  landing: Set<string>;
  /** The first delete of a copy of ours that failed (keepFirstCopies). */
  notDeleted?: CliError;
  /** Removed files' entries as recorded less the schedules files took from them (see releasedBy). */
  released: Map<string, LockEntry>;
}

/** A removed file whose schedules were not deleted, with how many. */
interface HeldBack {
  file: string;
  schedules: number;
}

function heldBackText(run: ApplyRun): { declined?: string; refused?: string } {
  return {
    ...(run.declined.length > 0 ? { declined: deletesText(run.declined) } : {}),
    ...(run.refused.length > 0 ? { refused: `Not deleted: ${deletesText(run.refused)}` } : {}),
  };
}

/** Every problem in the schedule files, each window planned and let go (--strict applies nothing while there is one). */
async function allProblems(rt: Runtime, target: Target, entries: LockEntries, concurrency: number): Promise<FileReport[]> {
  const problems: FileReport[] = [];
  for await (const window of planInWindows(rt, target, entries, { concurrency })) problems.push(...window.problems);
  return problems;
}

/**
 * One window of files: its deletes held back or let through, each file changed (create → read back → delete, every step
 * recorded in the lock file's journal as it happens), the copies another client made first kept, the record of intent
 * kept up; then its lock entries let go.
 */
async function applyWindow(run: ApplyRun, { changes, problems, entries: windowEntries, released }: PlanWindow): Promise<void> {
  const { rt } = run;
  const out = rt.out;
  render.reportProblems(out, problems);
  run.problems.push(...problems);
  run.checked += changes.length;
  const deletes = changes.filter((change) => change.kind === 'delete');
  // The deletes held back: all of them without --yes, but for those the person said yes to. Those they said no to are
  // their answer, not an error; those not asked about (none to ask, or a plan made since the question has more) are refused.
  const declined = run.yes ? [] : deletes.filter((change) => run.answers?.get(change.file) === false);
  const unasked = run.yes ? [] : deletes.filter((change) => run.answers?.get(change.file) === undefined);
  const heldBack = new Set(declined);
  if (unasked.length > 0) {
    // A dry run shows what the real run would do: without a terminal to ask on, it too holds the deletes back.
    if (rt.dryRun && isTerminal(rt)) run.wouldAsk.push(...unasked.map(heldBackOf));
    else for (const change of unasked) heldBack.add(change);
  }
  run.declined.push(...declined.map(heldBackOf));
  run.refused.push(...unasked.filter((change) => heldBack.has(change)).map(heldBackOf));
  const toDo = (change: Change) => (change.kind !== 'unchanged' || change.relock) && !heldBack.has(change);

  const entries = sharedWrites(
    () => windowEntries,
    (changed) => run.lockFile.record(changed),
  );
  const context = { api: run.api, entries, readBack: !rt.dryRun, signal: rt.signal, beforeDelete: await deleteMarker(rt, changes.filter(toDo)) };
  // A file that takes a removed file's schedules is recorded with that file's entry less them, in one step.
  const withReleased = (changed: ChangedEntries): ChangedEntries => {
    const step = { ...changed };
    for (const { file, entry, id } of Object.keys(changed).flatMap((taker) => released.get(taker) ?? [])) {
      const was = run.released.get(file) ?? entry;
      step[file] = { ...was, ids: was.ids.filter((one) => one !== id) };
      run.released.set(file, step[file]);
    }
    return step;
  };
  const started = startChanges(changes.filter(toDo));
  if (changes.some(toDo)) await entries.update(() => withReleased(started));
  await recordAttempts(rt, changes.filter(toDo));
  // Files changed side by side; under --dry-run one at a time, so the printed requests keep the files' order. A window
  // of them is under way at once, not one waiting task per file, and each is reported and let go as it ends: what is
  // held for the window is each file's lock entry, the names of those finished and the ids deleted.
  const finished: string[] = [];
  const deleted: string[] = [];
  const replacedBy = new Map<string, Replacement>();
  const fileSteps: FileStep[] = [];
  const unpaused: string[] = [];
  const made: Made[] = [];
  let ended = 0;
  await forEachInOrder(
    releasing(changes, toDo),
    windowFor(run.slots),
    (change) => run.slots.run(() => applyChange(change, context)),
    (outcome) => {
      ended++;
      deleted.push(...outcome.deleted);
      for (const [old, next] of replacements(outcome)) replacedBy.set(old, next);
      if (outcome.ok && outcome.change.kind === 'delete') unpaused.push(...(outcome.change.paused ?? []));
      const step = outcome.ok ? fileStep(outcome) : undefined;
      if (step) fileSteps.push(step);
      if (outcome.ok && outcome.created.length > 0) {
        const { file, agent_id, create } = outcome.change;
        made.push({ file, agent_id, ids: outcome.created, keys: create.map(bodyTwinKey) });
      }
      if (outcome.ok) {
        // Recorded in one step with the others below; meanwhile the entry under way is let go.
        const entry = finishedEntry(outcome);
        if (entry) windowEntries[outcome.change.file] = entry;
        else delete windowEntries[outcome.change.file];
        finished.push(outcome.change.file);
      } else {
        run.failures.push(outcome);
        const sent = outcome.mayHaveLanded ? outcome.change.create[outcome.created.length] : undefined;
        if (sent) run.landing.add(landingKey(outcome.change.agent_id, bodyKey(sent)));
      }
      run.report.add(outcome);
    },
  );
  run.ended += ended;
  // Recorded before the copies are looked for: the lock file's pass then knows what this window's files own.
  if (ended > 0) await entries.update(() => withReleased(Object.fromEntries(finished.map((file) => [file, windowEntries[file] ?? null]))));
  if (!rt.dryRun && !run.failures.some((o) => o.mayHaveLanded)) {
    const since = Math.min(run.began, rt.now()) - TWIN_SLACK_MS;
    const kept = await keepFirstCopies(run, made, entries, since);
    for (const copy of kept.copies) {
      for (const replacement of replacedBy.values()) if (replacement.next === copy.ours) replacement.next = copy.kept;
    }
    run.notDeleted ??= kept.error;
  }
  await keepRecordUp(rt, deleted, fileSteps, replacedBy);
  await dropPausedCopies(rt, unpaused);
  run.lockFile.fold(false);
}

function heldBackOf(change: Change): HeldBack {
  return { file: change.file, schedules: change.delete.length + (change.paused?.length ?? 0) };
}

/** Whether there is a person to ask: stdin and stderr on a terminal. */
function isTerminal(rt: Runtime): boolean {
  return rt.io.stdinIsTTY && rt.io.stderrIsTTY;
}

function deletesText(deletes: HeldBack[]): string {
  return `${counted(
    deletes.reduce((n, one) => n + one.schedules, 0),
    'schedule',
  )} of ${counted(deletes.length, 'removed file')} (${deletes.map((one) => one.file).join(', ')})`;
}

/**
 * The person's answer for each removed file they were asked about (true: delete its schedules), asked on a terminal of a
 * plan made before the changes lock is taken; undefined when there is no one to ask (or no need: --yes, --dry-run, no deletes).
 */
async function askBeforeDeleting(rt: Runtime, target: ReturnType<typeof findTarget>, options: { yes?: boolean; concurrency: number }): Promise<Map<string, boolean> | undefined> {
  if (options.yes || rt.dryRun || !isTerminal(rt)) return undefined;
  const deletes: HeldBack[] = [];
  const entries = new LockOnDisk(target.lockPath, serverKey(rt), true);
  for await (const window of planInWindows(rt, target, entries, { concurrency: options.concurrency })) deletes.push(...window.changes.filter((change) => change.kind === 'delete').map(heldBackOf));
  if (deletes.length === 0) return undefined;
  const yes = /^y(es)?$/i.test((await rt.prompt(`Delete ${deletesText(deletes)}? [y/N] `)).trim());
  return new Map(deletes.map((change) => [change.file, yes]));
}

/**
 * What a file's change did to schedules this machine may have recorded (found by the ids the change started from): it
 * made a series' next members (a top-up), ended a series (its file removed, or replaced by new members), or kept some
 * of a set while it replaced the others (those kept now stand for the file's `when`).
 */
interface FileStep {
  owned: string[];
  made: SeriesMember[];
  ended: boolean;
  keptAs?: string;
  /** The file's series as the lock file now has it: its end (`until:`, `count:`) is the recorded series' too. */
  series?: SeriesLock;
}

function fileStep(outcome: ChangeOutcome): FileStep | undefined {
  const step = madeOrEnded(outcome);
  const series = outcome.change.kind === 'delete' ? undefined : outcome.change.entry?.series;
  if (!series || step?.ended) return step;
  return { ...(step ?? { owned: [...outcome.change.keep, ...outcome.change.adopt], made: [], ended: false }), series };
}

function madeOrEnded({ change, created, deleted }: ChangeOutcome): FileStep | undefined {
  // A new file may take a series' members found on Letta (and make its next ones): the series is topped up all the same.
  if ((change.kind === 'top-up' || change.kind === 'create') && created.length > 0) {
    const made = created.flatMap((id, i) => {
      const schedule = change.create[i]!.schedule;
      return schedule.type === 'one-time' ? [{ schedule_id: id, instant: new Date(schedule.scheduled_at).toISOString() }] : [];
    });
    return { owned: [...change.keep, ...change.adopt], made, ended: false };
  }
  if (deleted.length === 0) return undefined;
  // A replace that only deleted members (its file's count lowered) leaves the series as it was, less those.
  const ended = change.kind === 'delete' || (change.kind === 'replace' && created.length > 0);
  if (change.kind === 'replace' && change.keep.length > 0 && change.entry) return { owned: change.keep, made: [], ended, keptAs: change.entry.when };
  return ended ? { owned: deleted, made: [], ended } : undefined;
}

/**
 * The record of intent keeps up, so sync neither makes again nor calls deleted outside this tool what apply did: a
 * schedule (or series member) apply deleted that this machine recorded is recorded deleted with this tool; a recorded
 * series a file tops up takes in the new members, and one whose file was removed or replaced is recorded deleted; a
 * set's schedules a file kept take its phrase.
 */
async function keepRecordUp(rt: Runtime, ids: string[], steps: FileStep[], replacedBy: ReadonlyMap<string, Replacement>): Promise<void> {
  if ((ids.length === 0 && steps.length === 0) || rt.dryRun) return;
  const recorded = (state: State) => ids.filter((id) => findIntent(state, id)?.status === 'active' || seriesOf(state, id)?.members.some((m) => m.schedule_id === id && m.gone !== true));
  const unrecorded = (state: State) => [...replacedBy.keys()].filter((id) => findIntent(state, id) === undefined && seriesOf(state, id) === undefined);
  const seriesOfStep = (state: State, step: FileStep) => step.owned.map((id) => seriesOf(state, id)).find((series) => series?.status === 'active');
  const keptOfSet = (state: State, step: FileStep) =>
    step.keptAs === undefined ? [] : step.owned.flatMap((id) => findIntent(state, id) ?? []).filter((intent) => intent.status === 'active' && intent.set_id !== undefined);
  const stamp = new Date(rt.now()).toISOString();
  await updateRecordWhere(
    rt,
    (state) => unrecorded(state).length > 0 || recorded(state).length > 0 || steps.some((step) => seriesOfStep(state, step) || keptOfSet(state, step).length > 0),
    (state) => {
      // Replaced one for one, a schedule the record never knew (made elsewhere, owned through the lock file alone) is
      // recorded as replaced too, as an edit records one: get, pause and run of its id follow to the new one.
      for (const id of unrecorded(state)) recordUnrecorded(state, id, { ...replacedBy.get(id)!.like, server: serverOf(rt), created_at: stamp, replaces: [], status: 'active' });
      for (const id of recorded(state)) {
        const next = replacedBy.get(id)?.next;
        // Replaced, it is said so (get, pause, run of the old id name the new one), as after an edit or a sync.
        if (next !== undefined && findIntent(state, id)?.status === 'active') markReplaced(state, id, next, stamp);
        else recordDeleted(state, id, stamp);
      }
      for (const step of steps) {
        const series = seriesOfStep(state, step);
        if (series && step.ended) endSeries(state, series.series_id, 'deleted', stamp);
        else if (series) {
          topUpSeries(state, series.series_id, step.made);
          if (step.series) endAsFile(series, step.series);
        }
        for (const intent of keptOfSet(state, step)) intent.phrase = step.keptAs!;
      }
    },
  );
}

/**
 * The old id a file's replacement deleted, with the new schedule standing for it: only one for one. A file of several
 * crons gives no pairs (nothing says which new cron stands for which old one), and its old ids are recorded deleted.
 */
function replacements({ change, created, deleted }: ChangeOutcome): Array<[string, Replacement]> {
  if (change.kind !== 'replace' || created.length !== 1 || deleted.length !== 1 || !change.entry) return [];
  const { when, timezone } = change.entry;
  const like = { schedule_id: deleted[0]!, agent_id: change.agent_id, kind: change.create[0]!.schedule.type, phrase: when, zone: timezone, local_rule: when };
  return [[deleted[0]!, { next: created[0]!, like }]];
}

/** The schedule that stands for an old one from now on, and what the old one stood for (its file's `when`), should the record not know it. */
interface Replacement {
  next: string;
  like: Pick<Intent, 'schedule_id' | 'agent_id' | 'kind' | 'phrase' | 'zone' | 'local_rule'>;
}

/**
 * For the deletes of schedules the record of intent follows: each marked, before it is sent, as a delete that may land
 * unanswered, so a sync after an apply cut off (killed, or the answer lost) records it deleted here, not deleted outside.
 */
async function deleteMarker(rt: Runtime, changes: Change[]): Promise<((old: { id: string }) => Promise<void>) | undefined> {
  const ids = changes.flatMap((change) => change.delete.map((old) => old.id));
  if (ids.length === 0 || rt.dryRun) return undefined;
  const state = await (await stateStore(rt)).read().catch((error: unknown) => {
    if (error instanceof CliError) return undefined;
    throw error;
  });
  const followed = new Set(ids.filter((id) => state !== undefined && findIntent(state, id)?.status === 'active'));
  if (followed.size === 0) return undefined;
  const writer = await recordWriter(rt);
  return async (old) => {
    if (followed.has(old.id)) await writer.update((state) => markDeleteUnanswered(state, old.id, new Date(rt.now()).toISOString()));
  };
}

/**
 * Before a recorded series' next members are sent, their instants are recorded as attempted, as sync records its own: a
 * create whose answer is lost (apply cut off) is then found by the next sync or apply, not made again beside it.
 */
async function recordAttempts(rt: Runtime, changes: Change[]): Promise<void> {
  const tops = changes.filter((change) => (change.kind === 'top-up' || change.kind === 'create') && change.create.some((body) => body.schedule.type === 'one-time'));
  if (tops.length === 0 || rt.dryRun) return;
  const seriesOfChange = (state: State, change: Change) => [...change.keep, ...change.adopt].map((id) => seriesOf(state, id)).find((series) => series?.status === 'active');
  const instants = (change: Change) => change.create.flatMap((body) => (body.schedule.type === 'one-time' ? [new Date(body.schedule.scheduled_at).toISOString()] : []));
  await updateRecordWhere(
    rt,
    (state) => tops.some((change) => seriesOfChange(state, change)),
    (state) => {
      for (const change of tops) {
        const series = seriesOfChange(state, change);
        if (series) recordMemberAttempts(state, series.series_id, instants(change));
      }
    },
  );
}

/**
 * The schedules this window made that another client made first (see firstCopies): each file owns the other's copy from
 * now on, and ours is deleted, kept as the file's to retire first, so a delete that fails is finished by the next apply.
 * Only ours and their look-alikes (twinKey) are kept from each list; which of those the lock file or this machine's
 * record knows is asked of each in a pass. Nothing when a listing cannot be read. Returns the copies kept, and the first
 * failed delete of ours.
 */
async function keepFirstCopies(run: ApplyRun, made: readonly Made[], entries: EntryWriter, since: number): Promise<{ copies: Array<{ ours: string; kept: string }>; error?: CliError }> {
  if (made.length === 0) return { copies: [] };
  const { rt, api } = run;
  const listed = new Map<string, ScheduledMessage[]>();
  try {
    for (const agentId of new Set(made.map((m) => m.agent_id))) {
      const ours = made.filter((m) => m.agent_id === agentId);
      const ids = new Set(ours.flatMap((m) => m.ids));
      const keys = new Set(ours.flatMap((m) => m.keys));
      const alike: ScheduledMessage[] = [];
      for await (const page of api.schedulePages(agentId, { whole: true })) for (const item of page) if (ids.has(item.id) || keys.has(twinKey(item))) alike.push(item);
      listed.set(agentId, alike);
    }
  } catch (error) {
    if (error instanceof CliError) return { copies: [] };
    throw error;
  }
  const seen = new Set([...listed.values()].flatMap((items) => items.map((item) => item.id)));
  const known = new Set<string>();
  await (
    await stateStore(rt)
  )
    .scan((list, record, problem) => {
      if (problem === undefined) for (const id of idsRecordedBy(list, record as Intent)) if (seen.has(id)) known.add(id);
    })
    .catch((error: unknown) => {
      if (!(error instanceof CliError)) throw error;
    });
  run.lockFile.each((_name, entry) => {
    for (const id of [...entry.ids, ...(entry.retiring ?? []).map((r) => r.id)]) if (seen.has(id)) known.add(id);
  });
  const copies = firstCopies(made, listed, known, since);
  let failure: CliError | undefined;
  for (const { file, agent_id, ours, kept } of copies) {
    const retire = (entry: LockEntry, retiring: LockEntry['retiring']): LockEntry => {
      const { retiring: _was, ...rest } = entry;
      return { ...rest, ids: entry.ids.map((id) => (id === ours ? kept : id)), ...(retiring && retiring.length > 0 ? { retiring } : {}) };
    };
    await entries.update((now) => ({ [file]: retire(now[file]!, [...(now[file]!.retiring ?? []), { agent_id, id: ours }]) }));
    rt.out.note(`Note: ${file}: ${kept} is the same schedule, made first by another client (an apply or sync elsewhere): kept in place of ${ours}, which is deleted.`);
    try {
      await api.deleteSchedule(agent_id, ours);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      rt.out.note(`${rt.out.paintErr.red('Error:')} ${file}: ${ours} not deleted (${error.message}); the next apply deletes it.`);
      failure ??= error;
      continue;
    }
    await entries.update((now) => ({
      [file]: retire(
        now[file]!,
        (now[file]!.retiring ?? []).filter((r) => r.id !== ours),
      ),
    }));
  }
  return { copies, error: failure };
}

/** The schedules one file's change made, with what a copy of each would share with it (twinKey). */
interface Made {
  file: string;
  agent_id: string;
  ids: string[];
  keys: string[];
}

/** Change the record of intent only where `concerned` finds this apply's schedules in it (most applies write nothing there); it is optional. */
async function updateRecordWhere(rt: Runtime, concerned: (state: State) => boolean, change: (state: State) => void): Promise<void> {
  const known = await (await stateStore(rt)).read().then(concerned, (error: unknown) => {
    if (error instanceof CliError) return false;
    throw error;
  });
  if (known) await (await recordWriter(rt)).update(change);
}

/**
 * A recorded series takes its file's end, so sync tops it up no further than apply does. The file counts its `count`
 * from when it was read (`started`); the record counts every member made, so those made before that count too.
 */
function endAsFile(series: Series, file: SeriesLock): void {
  if (file.until === undefined) delete series.until;
  else series.until = new Date(file.until).toISOString();
  if (file.count === undefined) delete series.count;
  else series.count = series.members.filter((m) => Date.parse(m.instant) < file.started).length + file.count;
}

/** A removed file's schedules paused here: their saved copies dropped, so `recurring resume` brings none of them back. */
async function dropPausedCopies(rt: Runtime, ids: string[]): Promise<void> {
  if (ids.length === 0 || rt.dryRun) return;
  const stamp = new Date(rt.now()).toISOString();
  await (
    await recordWriter(rt)
  ).update((state) => {
    for (const id of ids) {
      if (isSeriesId(id)) {
        if (findSeries(state, id)?.status === 'paused') endSeries(state, id, 'deleted', stamp);
      } else if (findPaused(state, id)) {
        takePaused(state, id);
        recordDeleted(state, id, stamp);
      }
    }
  });
}

/** The items `wanted` picks, each let go from the list as it is taken. */
function* releasing<T>(list: Array<T | undefined>, wanted: (item: T) => boolean): Generator<T> {
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    list[i] = undefined;
    if (wanted(item)) yield item;
  }
}

/**
 * What apply did, file by file as each ends: held up to a size, then written as it goes (a long apply holds a page of
 * its report, not one per file). Cut short by a failure, what was written is finished so a document stays whole.
 */
function reporter(rt: Runtime) {
  const out = rt.out;
  let written = false;
  const data = new HeldWriter((text) => {
    written = true;
    out.raw(text);
  }, 256 * 1024);
  const json = out.json ? out.jsonDocument(data) : undefined;
  json?.begin('{');
  json?.begin('[', 'applied');
  const said = { shown: 0, done: 0 };
  const end = (run: ApplyRun) => {
    if (json) {
      const { refused, declined } = heldBackText(run);
      json.end(']');
      json.value(run.problems, 'errors');
      if (refused) json.value(refused, 'refused');
      if (declined) json.value(declined, 'declined');
      json.end('}');
      data.add('\n');
    }
    data.flush();
  };
  return {
    get shown() {
      return said.shown;
    },
    get done() {
      return said.done;
    },
    add(o: ChangeOutcome): void {
      if (o.change.kind === 'unchanged') return;
      if (!out.json) for (const note of o.change.notes) out.note(`Note: ${o.change.file}: ${note}`);
      said.shown++;
      if (o.ok) said.done++;
      if (json) {
        json.value({
          file: o.change.file,
          action: o.change.kind,
          ok: o.ok,
          created: o.created,
          adopted: o.change.adopt,
          deleted: o.deleted,
          diff: o.change.diff,
          ...(o.ok && o.change.kind === 'delete' && o.change.paused?.length ? { dropped_paused: o.change.paused } : {}),
          ...(o.ok ? {} : { exist: o.exist.map((e) => e.id), error: o.error?.message }),
          ...(o.mayBeDeleted === undefined ? {} : { may_have_been_deleted: [o.mayBeDeleted] }),
          ...(o.change.notes.length > 0 ? { notes: o.change.notes } : {}),
        });
      } else if (out.quiet) {
        for (const id of o.created) data.add(`${id}\n`);
      } else if (o.ok) {
        // Under --dry-run stdout carries the requests not sent; what they would do goes beside them on stderr.
        if (rt.dryRun) out.note(render.outcomeLine(o, true));
        else data.add(`${render.outcomeLine(o)}\n`);
      }
    },
    end,
    /** Nothing written yet: nothing is (as a failure before the report); else the rest, so the document is whole. */
    cutShort(run: ApplyRun): void {
      if (written) end(run);
    },
  };
}
