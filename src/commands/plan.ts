import { counted } from '../output/counted';
import type { Command } from '@commander-js/extra-typings';
import { AlreadyReported, NeedsAttention, UsageError } from '../errors';
import { defineCommand } from './command';
import { SUMMARIES } from './summaries';
import { concurrencyOption, fileOption, strictOption } from './options';
import { entriesOf, findTarget, loadPlan, serverKey, unreadFolderNotes } from '../ascode/load';
import { readLock } from '../ascode/lock-store';
import { lockJournalPath } from '../ascode/lock-file';
import { planLines, summaryLine, planDocument, reportProblems } from '../ascode/render';

/** `plan`: what `apply` would change to make Letta match the schedule files; exit 6 when something would change, 2 when a file is left out. */
export default defineCommand({
  path: ['plan'],
  description: SUMMARIES.plan.description,
  examples: ['letta-switchboard plan', 'letta-switchboard plan -f ops/letta-schedules --json', 'letta-switchboard plan --now 2027-03-15T12:00:00Z'],
  globals: ['output', 'time', 'api'],
  declare: (command: Command) => command.addOption(fileOption()).addOption(strictOption()).addOption(concurrencyOption()),
  async run(rt, options) {
    const target = findTarget(options.file);
    const { lock, unfolded } = readLock(target.lockPath);
    const { changes, problems } = await loadPlan(rt, target, entriesOf(lock, serverKey(rt)), options.concurrency);
    const out = rt.out;
    unreadFolderNotes(target).forEach((note) => out.note(note));
    if (unfolded) {
      out.note(`Note: an apply under way or cut off has not written ${target.lockPath} yet; what it did is read from ${lockJournalPath(target.lockPath)} (the next apply finishes it).`);
    }
    reportProblems(out, problems);
    // A file left out is bad input (exit 2, as apply's), whatever else would change; --strict shows no plan then (under
    // --json, a document with the problems and no changes, so a script reading stdout still reads one).
    const leftOut = new AlreadyReported(new UsageError(`${counted(problems.length, 'problem')} in the schedule files`));
    if (options.strict && problems.length > 0) {
      if (out.json) out.document(planDocument([], problems));
      throw leftOut;
    }
    if (out.json) out.document(planDocument(changes, problems));
    else if (out.quiet) changes.filter((change) => change.kind !== 'unchanged').forEach((change) => out.line(change.file));
    else planLines(changes).forEach((line) => out.line(line));
    if (!out.json && !out.quiet) out.note(summaryLine(changes, problems));
    if (problems.length > 0) throw leftOut;
    const pending = changes.filter((change) => change.kind !== 'unchanged').length;
    if (pending > 0) throw new AlreadyReported(new NeedsAttention(`${counted(pending, 'change')} to apply`));
  },
});
