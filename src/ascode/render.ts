import { counted } from '../output/counted';
import type { Output } from '../output/output';
import type { ChangeOutcome } from './execute';
import type { FileReport } from './load';
import type { Change, ChangeKind, FieldChange } from './planner';

const MARK: Record<ChangeKind, string> = { create: '+', replace: '~', 'top-up': '+', delete: '-', unchanged: '=' };

/** The plan as a person reads it: one block per file that changes, each changed field old → new. */
export function planLines(changes: Change[]): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    // A removed file's paused schedules are its delete's (below), not left as they are.
    if (change.paused?.length && change.kind === 'unchanged') {
      const ids = change.paused.join(' ');
      lines.push(`= paused    ${change.file}  (${ids} paused on this machine: left as it is until 'letta-switchboard recurring resume ${ids}')`);
    }
    if (change.kind === 'unchanged') continue;
    const ids = (list: string[]) => list.join(', ');
    const head = `${MARK[change.kind]} ${change.kind.padEnd(9)} ${change.file}`;
    switch (change.kind) {
      case 'create':
      case 'top-up':
        lines.push(
          `${head}  (${change.create.length} schedule${change.create.length === 1 ? '' : 's'}${change.adopt.length > 0 ? `; ${change.adopt.length} found on Letta, taken and not made again: ${ids(change.adopt)}` : ''})`,
        );
        if (change.entry) lines.push(`    when ${change.entry.when} (${change.entry.timezone})`);
        for (const body of change.create.slice(0, 5)) lines.push(`    ${scheduleText(body.schedule)}`);
        if (change.create.length > 5) lines.push(`    … and ${change.create.length - 5} more`);
        lines.push(...noteLines(change));
        break;
      case 'replace':
        // A set missing a member is made whole with nothing to replace.
        lines.push(
          `${head}  (${[
            change.delete.length > 0 ? `replaces ${ids(change.delete.map((d) => d.id))}` : change.create.length > 0 ? `${change.create.length} missing, made again` : '',
            // The new schedules an apply cut short made (its answer lost): taken, not made again.
            change.adopt.length > 0 ? `by ${ids(change.adopt)}, found on Letta and taken, not made again` : '',
          ]
            .filter(Boolean)
            .join('; ')})`,
        );
        for (const field of change.diff) lines.push(`    ${fieldLine(field)}`);
        lines.push(...noteLines(change));
        break;
      case 'delete': {
        const saved = change.paused?.length ? `${change.paused.join(', ')} paused here: its saved copy dropped` : '';
        lines.push(`${head}  (${[change.delete.length > 0 ? ids(change.delete.map((d) => d.id)) : '', saved].filter(Boolean).join('; ')})`);
        break;
      }
    }
  }
  return lines;
}

export function summaryLine(changes: Change[], problems: FileReport[]): string {
  // A file whose schedules are all found on Letta creates nothing: it takes them. A removed file with nothing left to delete is no file to count.
  const takes = (c: Change) => c.kind === 'create' && c.create.length === 0 && c.adopt.length > 0;
  const count = (kind: ChangeKind) => changes.filter((c) => c.kind === kind && !takes(c) && !(c.removed && kind === 'unchanged')).length;
  const parts = [`${count('create')} to create`, `${count('replace')} to replace`, `${count('delete')} to delete`];
  const taken = changes.filter(takes).length;
  if (taken > 0) parts.push(`${taken} to take as found on Letta`);
  if (count('top-up') > 0) parts.push(`${count('top-up')} to top up`);
  parts.push(`${count('unchanged')} unchanged`);
  if (problems.length > 0) parts.push(`${counted(new Set(problems.map((p) => p.file)).size, 'file')} left out`);
  return `Plan: ${parts.join(', ')}.`;
}

/** The plan for scripts (`--json`). */
export function planDocument(changes: Change[], problems: FileReport[]) {
  return {
    changes: changes
      .filter((c) => c.kind !== 'unchanged')
      .map((c) => ({
        file: c.file,
        action: c.kind,
        agent_id: c.agent_id,
        create: c.create,
        adopt: c.adopt,
        delete: c.delete.map((d) => d.id),
        keep: c.keep,
        diff: c.diff,
        ...(c.paused?.length ? { paused: c.paused } : {}),
        ...(c.notes.length > 0 ? { notes: c.notes } : {}),
      })),
    unchanged: changes.filter((c) => c.kind === 'unchanged' && !c.removed).map((c) => c.file),
    paused: changes.filter((c) => c.kind === 'unchanged' && c.paused?.length).map((c) => ({ file: c.file, ids: c.paused })),
    errors: problems,
  };
}

export function reportProblems(out: Output, problems: FileReport[]): void {
  for (const problem of problems) {
    out.note(`${out.paintErr.red('Error:')} ${problem.file}:${problem.line}: ${problem.message}`);
    if (problem.hint !== undefined) out.note(`  ${problem.hint}`);
  }
}

/** What apply did for one file, one line (the new ids are the data); under --dry-run what it would do (no ids are made). */
export function outcomeLine(outcome: ChangeOutcome, dryRun = false): string {
  const { change, created, deleted } = outcome;
  const did = [
    created.length > 0 ? (dryRun ? `would create ${created.length}` : `created ${created.join(', ')}`) : '',
    change.adopt.length > 0 ? `found ${change.adopt.join(', ')}` : '',
    deleted.length > 0 ? `${dryRun ? 'would delete' : 'deleted'} ${deleted.join(', ')}` : '',
    outcome.ok && change.kind === 'delete' && change.paused?.length ? `dropped the saved copy of paused ${change.paused.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `${MARK[change.kind]} ${change.file}: ${did || 'recorded'}`;
}

/** The guesses made reading the file's `when` (am or pm, which week), under its block: what it will be applied as. */
function noteLines(change: Change): string[] {
  return change.notes.map((note) => `    note: ${note}`);
}

function fieldLine(field: FieldChange): string {
  const show = (value: string | null) => (value === null ? '(none)' : field.field === 'message' ? JSON.stringify(value) : value);
  const local = field.field === 'cron' ? ` (UTC); on the clock: ${field.from_local ?? '(none)'} → ${field.to_local ?? '(none)'}` : '';
  return `${field.field}: ${show(field.from)} → ${show(field.to)}${local}`;
}

function scheduleText(schedule: Change['create'][number]['schedule']): string {
  return schedule.type === 'recurring' ? `cron ${schedule.cron_expression} (UTC)` : `at ${new Date(schedule.scheduled_at).toISOString()}`;
}
