import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, CliError, UsageError } from '../errors';
import type { Runtime } from '../runtime';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { concurrencyOption, fileOption, strictOption } from './options';
import { findTarget, loadPlan } from '../ascode/load';
import { lockJournal, readLock, writeLock } from '../ascode/lock-store';
import { applyChange, finishChanges, sharedWrites, startChanges, type ChangeOutcome } from '../ascode/execute';
import { serverEntries } from '../ascode/lock-file';
import { lock } from '../files/lock';
import { lockPathFor } from '../files/private-file';
import { forEachInOrder, limiter, windowFor } from '../concurrency';
import { recordWriter, stateStore } from './shared/state';
import { findIntent, markGone } from '../state/records';
import * as render from '../ascode/render';

/**
 * `apply`: make Letta match the schedule files, touching only what the lock
 * file owns. Every change is create → read back → delete, each step recorded
 * in the lock file's journal as it happens and the lock file written whole at
 * the end, so an apply cut off anywhere is finished by the next.
 */
export default defineCommand({
  path: ['apply'],
  description: SUMMARIES.apply.description,
  examples: ['letta-switchboard apply', 'letta-switchboard apply --dry-run', 'letta-switchboard apply -f ops/letta-schedules --yes'],
  globals: ['output', 'time', 'api', 'dryRun'],
  declare: (command: Command) => command.addOption(fileOption()).addOption(strictOption()).option('-y, --yes', 'delete the schedules of removed files without asking').addOption(concurrencyOption()),
  async run(rt, options) {
    const out = rt.out;
    const target = findTarget(options.file);
    // One apply at a time per lock file: a second one waits, then plans against what the first left.
    const held = rt.dryRun
      ? undefined
      : await lock(lockPathFor(target.lockPath), { what: `the lock file ${target.lockPath}`, staleMs: 60 * 60_000, waitMs: 10 * 60_000, signal: rt.signal, onWait: (line) => rt.out.note(line) });
    try {
      const { lock: lockFile, base, unfolded } = readLock(target.lockPath);
      // Steps an apply cut off left are written into the lock file first: this apply's journal starts afresh.
      const journal = lockJournal(target.lockPath, !rt.dryRun && unfolded ? writeLock(target.lockPath, lockFile) : base);
      const { changes, problems, server } = await loadPlan(rt, target, lockFile, options.concurrency);
      render.reportProblems(out, problems);
      if (options.strict && problems.length > 0) throw new AlreadyReported(new UsageError(`${problems.length} problem(s) in the schedule files; nothing applied (--strict)`));

      let work = changes.filter((change) => change.kind !== 'unchanged' || change.relock);
      const deletes = work.filter((change) => change.kind === 'delete');
      let refused: string | undefined;
      if (deletes.length > 0 && !options.yes && !rt.dryRun) {
        const what = `${deletes.reduce((n, c) => n + c.delete.length, 0)} schedule(s) of ${deletes.length} removed file(s) (${deletes.map((c) => c.file).join(', ')})`;
        const yes = rt.io.stdinIsTTY && rt.io.stderrIsTTY && /^y(es)?$/i.test((await rt.prompt(`Delete ${what}? [y/N] `)).trim());
        if (!yes) {
          refused = `Not deleted: ${what}`;
          work = work.filter((change) => change.kind !== 'delete');
        }
      }

      const api = await rt.api();
      const entries = sharedWrites(
        () => serverEntries(lockFile, server),
        (changed) => {
          if (!rt.dryRun) return journal.append(server, changed);
        },
      );
      const context = { api, entries, readBack: !rt.dryRun, signal: rt.signal };
      if (work.length > 0) await entries.update(() => startChanges(work));
      // Files changed side by side; under --dry-run one at a time, so the printed requests keep the files' order. A window
      // of them is under way at once, not one waiting task per file.
      const slots = limiter(rt.dryRun ? 1 : options.concurrency);
      const outcomes: ChangeOutcome[] = [];
      await forEachInOrder(
        work,
        windowFor(slots),
        (change) => slots.run(() => applyChange(change, context)),
        (outcome) => void outcomes.push(outcome),
      );
      if (outcomes.length > 0) {
        await entries.update(() => finishChanges(outcomes));
        if (!rt.dryRun) writeLock(target.lockPath, lockFile);
      }

      await markDeleted(
        rt,
        outcomes.flatMap((o) => o.deleted),
      );

      const shown = outcomes.filter((o) => o.change.kind !== 'unchanged');
      if (out.json) {
        out.document({
          applied: shown.map((o) => ({
            file: o.change.file,
            action: o.change.kind,
            ok: o.ok,
            created: o.created,
            adopted: o.change.adopt,
            deleted: o.deleted,
            diff: o.change.diff,
            ...(o.ok ? {} : { exist: o.exist.map((e) => e.id), error: o.error?.message }),
          })),
          errors: problems,
          ...(refused ? { refused } : {}),
        });
      } else if (out.quiet) {
        for (const o of shown) for (const id of o.created) out.line(id);
      } else {
        // Under --dry-run stdout carries the requests not sent; what they would do goes beside them on stderr.
        for (const o of shown.filter((o) => o.ok)) {
          if (rt.dryRun) out.note(render.outcomeLine(o));
          else out.line(render.outcomeLine(o));
        }
      }
      for (const o of outcomes.filter((o) => !o.ok)) {
        out.note(`${out.paintErr.red('Error:')} ${o.change.file}: ${o.error?.message ?? 'stopped'}`);
        const exist = o.exist.map((e) => `${e.id} (${o.created.includes(e.id) ? 'new' : o.change.delete.some((d) => d.id === e.id) ? 'old' : 'unchanged'})`).join(', ');
        out.note(
          `  Exist now: ${exist || 'none'}.${o.mayHaveLanded ? ' A create may have landed (its answer was lost): the next apply looks for it before creating again.' : ''} Run apply again to finish.`,
        );
      }
      if (!out.json && !out.quiet) {
        const done = shown.filter((o) => o.ok).length;
        out.note(shown.length === 0 ? `Nothing to change (${changes.length} file(s) checked).` : `${rt.dryRun ? 'Would change' : 'Changed'} ${done} of ${shown.length} file(s).`);
      }
      if (refused) out.note(`${refused}: pass --yes to delete them${rt.io.stdinIsTTY ? '' : ' (there is no terminal to ask on)'}.`);

      const failed = outcomes.find((o) => !o.ok);
      if (failed) throw new AlreadyReported(failed.error ?? new CliError('A change could not be made'));
      if (refused) throw new AlreadyReported(new UsageError(refused));
      if (problems.length > 0) throw new AlreadyReported(new UsageError(`${problems.length} problem(s) in the schedule files`));
    } finally {
      held?.release();
    }
  },
});

/** The record of intent keeps up: a schedule apply deleted that this machine recorded is gone, so sync leaves it be. */
async function markDeleted(rt: Runtime, ids: string[]): Promise<void> {
  if (ids.length === 0 || rt.dryRun) return;
  const recorded = (state: Parameters<typeof findIntent>[0]) => ids.filter((id) => findIntent(state, id)?.status === 'active');
  const known = await (await stateStore(rt)).read().then(recorded, (error: unknown) => {
    if (error instanceof CliError) return [];
    throw error;
  });
  if (known.length === 0) return;
  const stamp = new Date(rt.now()).toISOString();
  await (
    await recordWriter(rt)
  ).update((state) => {
    for (const id of recorded(state)) markGone(state, id, stamp);
  });
}
