import { CliError, CreateMayHaveLandedError, InterruptedError } from '../../errors';
import type { CreateScheduleBody, Role } from '../../letta/types';
import { printReceiptOf, type ReceiptRow } from '../../output/receipt';
import type { Runtime } from '../../runtime';
import type { CronMeaning, RecurringMeaning } from '../../time/index';
import { preview, withWeekday } from './create-schedule';
import { createRecorded, forgetAttempts, recordSetAttempts } from './record-create';
import { markDeleted, newSetId } from '../../state/records';
import { readableRecord, recordWriter, whileChanging } from './state';

export interface SetInput {
  agent: string;
  message: string;
  role: Role;
  /** A phrase that needs several crons: `crons` holds each. */
  meaning: RecurringMeaning & { crons: CronMeaning[] };
}

interface Made {
  id: string;
  cron_expression: string;
  next_scheduled_at: unknown;
}

/**
 * A phrase that is exact only as a set of crons: one recurring schedule per
 * cron, in order, each recorded so sync keeps it (all of them as attempted
 * before the first is sent, so a set cut off between two is made whole by
 * sync). A create that fails part-way stops there (a create that may have
 * landed is never sent again). When it surely did not land, the schedules made
 * are deleted again, so no half of the set keeps firing and running the command
 * again makes it whole; otherwise (its answer lost, or Ctrl-C) it says which
 * schedules exist and which crons were not created.
 */
export async function createScheduleSet(rt: Runtime, { agent, message, role, meaning }: SetInput): Promise<void> {
  const messages = [{ role, content: message }];
  const agentId = await rt.agentId(agent);
  if (!rt.dryRun) await readableRecord(rt, 'A set');
  const setId = newSetId();
  const made: Made[] = [];
  let keepExact: string | undefined;
  let failure: CliError | undefined;
  let sent = 0;
  let tried = 0;
  let unsentRecorded = false;
  let undoing = false;
  let undone: Made[] = [];
  // The whole set holding the changes lock: a sync meanwhile would find its crons recorded and not made yet, and make them too.
  await whileChanging(rt, async () => {
    const placeholders = await recordSetAttempts(rt, agentId, messages, meaning, meaning.crons, setId);
    for (const [k, part] of meaning.crons.entries()) {
      const body: CreateScheduleBody = { schedule: { type: 'recurring', cron_expression: part.cron_expression }, messages };
      try {
        // Interrupted between creates: the next one was never sent, so it is not created (not "may have been").
        if (rt.signal.aborted) throw new InterruptedError();
        sent++;
        const { created, keepExact: keep } = await createRecorded(rt, agentId, body, meaning, { part, setId, placeholder: placeholders?.[k] });
        made.push({ id: created.id, cron_expression: part.cron_expression, next_scheduled_at: created.next_scheduled_at ?? null });
        keepExact = keep ?? keepExact;
      } catch (error) {
        failure = error instanceof CliError ? error : undefined;
        // Nothing exists and nothing may: the plain error says it all, and what was recorded of the set is forgotten.
        if (!(error instanceof CliError) || (made.length === 0 && !(error instanceof CreateMayHaveLandedError))) {
          await forgetAttempts(rt, placeholders?.slice(sent) ?? []);
          throw error;
        }
        break;
      }
    }
    tried = made.length;
    // The crons after one whose answer was lost, or after Ctrl-C, were never sent: left recorded, so sync makes the set
    // whole (as it does that one). Not after a create that surely failed: the set is deleted again, and nothing is to make.
    const unsent = placeholders?.slice(sent) ?? [];
    const keepUnsent = failure instanceof CreateMayHaveLandedError || failure instanceof InterruptedError;
    if (!keepUnsent) await forgetAttempts(rt, unsent);
    unsentRecorded = keepUnsent && unsent.length > 0;
    undoing = failure !== undefined && made.length > 0 && !rt.dryRun && !(failure instanceof CreateMayHaveLandedError) && !(failure instanceof InterruptedError);
    undone = undoing ? await undo(rt, agentId, made) : [];
  });

  const { input: _input, type: _type, ...timing } = meaning;
  const first = made[0];
  const rows: ReceiptRow[] = [
    // Under --dry-run no set is recorded: its id would name nothing.
    ...(rt.dryRun ? [] : [['Set', `${setId} (delete them together with: letta-switchboard recurring delete ${setId})`] as ReceiptRow]),
    ['Agent', agent === agentId ? agentId : `${agent} (${agentId})`],
    ['Message', preview(message)],
  ];
  // The set's next fire, whichever cron gives it: with the set's rows, not under the last schedule as if its own.
  const next = Date.parse(meaning.next_runs[0] ?? '');
  if (Number.isFinite(next)) rows.push(['Next', withWeekday(meaning.timezone, next)]);
  made.forEach(({ id, cron_expression }) => {
    const part = meaning.crons.find((one) => one.cron_expression === cron_expression)!;
    const local = part.local_cron && part.local_cron !== part.cron_expression ? `; ${part.local_cron} in ${meaning.timezone}` : '';
    rows.push({ id }, ['Cron', `${part.cron_expression} (UTC${local})`], ['Means', part.description]);
  });
  // When nothing surely exists there is no document, only the report below.
  if (first || !rt.out.json) {
    printReceiptOf(
      rt.out,
      {
        document: {
          id: first?.id,
          set_id: setId,
          next_scheduled_at: first?.next_scheduled_at,
          agent_id: agentId,
          schedule: { type: 'recurring', cron_expression: first?.cron_expression },
          message: { messages },
          ...timing,
          schedules: made,
          ...(failure ? notCreated(meaning.crons.slice(tried), failure) : {}),
        },
        title: `Created ${made.length} recurring schedules, one per cron`,
        would: `Would create ${made.length} recurring schedules, one per cron`,
        rows,
        ...(failure ? {} : { notes: meaning.notes, warnings: meaning.warnings, footer: [keepExact] }),
      },
      { idsOnly: failure !== undefined },
    );
  }

  if (failure) {
    const out = rt.out;
    const rest = meaning.crons.slice(tried).map((part) => part.cron_expression);
    const unsureOne = failure instanceof CreateMayHaveLandedError ? rest.shift() : undefined;
    const named = (list: Made[]) => list.map(({ id, cron_expression }) => `${id} (${cron_expression})`).join(', ');
    out.note(`Created ${tried} of ${meaning.crons.length} schedules for '${meaning.input.trim()}'${tried > 0 ? `: ${named([...undone, ...made])}` : ''}.`);
    if (unsureOne !== undefined) {
      out.note(`May have been created (the answer was lost): ${unsureOne}.`);
      // Its attempt is recorded: made again, the set would fire twice (the error's hint says so).
      if (!rt.dryRun && failure instanceof CreateMayHaveLandedError) failure.syncFinishes = true;
    }
    if (rest.length > 0) out.note(`Not created: ${rest.join(', ')}.`);
    if (unsentRecorded) out.note("Recorded as still to make: 'letta-switchboard sync' creates what is missing of the set once a schedule of it stands.");
    if (undoing && made.length === 0) out.note('Deleted again, so no part of the set fires on its own: nothing of it exists. Run the command again to make it whole.');
    if (undoing && made.length > 0)
      out.note(`${undone.length > 0 ? `Deleted again: ${named(undone)}. ` : ''}Could not be deleted again: ${named(made)}; delete with: letta-switchboard recurring delete ${setId}`);
    // Ctrl-C while deleting again ends the command as interrupted.
    throw undoing && rt.signal.aborted ? new InterruptedError() : failure;
  }
}

/** The crons of a set not made when it failed: the first of them, sent, may have been made when its answer was lost. */
function notCreated(rest: Array<{ cron_expression: string }>, failure: CliError): { not_created: string[]; may_have_been_created?: string[] } {
  const crons = rest.map((part) => part.cron_expression);
  if (!(failure instanceof CreateMayHaveLandedError) || crons.length === 0) return { not_created: crons };
  return { not_created: crons.slice(1), may_have_been_created: crons.slice(0, 1) };
}

/** Delete the schedules of a set made part-way, each recorded as deleted; those deleted leave `made` and are returned. */
async function undo(rt: Runtime, agentId: string, made: Made[]): Promise<Made[]> {
  const api = await rt.api();
  const writer = await recordWriter(rt);
  const deleted: Made[] = [];
  for (const one of [...made]) {
    try {
      await whileChanging(rt, async () => {
        await api.deleteSchedule(agentId, one.id);
        await writer.update((state) => markDeleted(state, one.id, new Date(rt.now()).toISOString()));
      });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      if (error instanceof InterruptedError) break;
      continue;
    }
    made.splice(made.indexOf(one), 1);
    deleted.push(one);
  }
  return deleted;
}
