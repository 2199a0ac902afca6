import { CliError, CreateMayHaveLandedError, InterruptedError } from '../../errors';
import type { CreateScheduleBody, Role } from '../../letta/types';
import { printReceiptOf, type ReceiptRow } from '../../output/receipt';
import type { Runtime } from '../../runtime';
import type { CronMeaning, RecurringMeaning } from '../../time/index';
import { preview, withWeekday } from './create-schedule';
import { createRecorded } from './record-create';
import { newSetId } from '../../state/records';

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
 * cron, in order, each recorded on its own so sync keeps it. A create that
 * fails part-way stops there (a create that may have landed is never sent
 * again) and says which schedules exist and which crons were not created.
 */
export async function createScheduleSet(rt: Runtime, { agent, message, role, meaning }: SetInput): Promise<void> {
  const messages = [{ role, content: message }];
  const agentId = await rt.agentId(agent);
  const setId = newSetId();
  const made: Made[] = [];
  let keepExact: string | undefined;
  let failure: CliError | undefined;
  for (const part of meaning.crons) {
    const body: CreateScheduleBody = { schedule: { type: 'recurring', cron_expression: part.cron_expression }, messages };
    try {
      // Interrupted between creates: the next one was never sent, so it is not created (not "may have been").
      if (rt.signal.aborted) throw new InterruptedError();
      const { created, keepExact: keep } = await createRecorded(rt, agentId, body, meaning, { part, setId });
      made.push({ id: created.id, cron_expression: part.cron_expression, next_scheduled_at: created.next_scheduled_at ?? null });
      keepExact = keep ?? keepExact;
    } catch (error) {
      // Nothing exists and nothing may: the plain error says it all.
      if (!(error instanceof CliError) || (made.length === 0 && !(error instanceof CreateMayHaveLandedError))) throw error;
      failure = error;
      break;
    }
  }

  const { input: _input, type: _type, ...timing } = meaning;
  const first = made[0];
  const rows: ReceiptRow[] = [
    ['Set', `${setId} (delete them together with: letta-switchboard recurring delete ${setId})`],
    ['Agent', agent === agentId ? agentId : `${agent} (${agentId})`],
    ['Message', preview(message)],
  ];
  made.forEach(({ id }, i) => {
    const part = meaning.crons[i]!;
    const local = part.local_cron && part.local_cron !== part.cron_expression ? `; ${part.local_cron} in ${meaning.timezone}` : '';
    rows.push({ id }, ['Cron', `${part.cron_expression} (UTC${local})`], ['Means', part.description]);
  });
  const next = Date.parse(meaning.next_runs[0] ?? '');
  if (Number.isFinite(next)) rows.push(['Next', withWeekday(meaning.timezone, next)]);
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
          ...(failure ? { not_created: meaning.crons.slice(made.length).map((part) => part.cron_expression) } : {}),
        },
        title: `${rt.dryRun ? 'Would create' : 'Created'} ${made.length} recurring schedules, one per cron`,
        rows,
        ...(failure ? {} : { notes: meaning.notes, warnings: meaning.warnings, footer: [keepExact] }),
      },
      { idsOnly: failure !== undefined },
    );
  }

  if (failure) {
    const out = rt.out;
    const rest = meaning.crons.slice(made.length).map((part) => part.cron_expression);
    const unsureOne = failure instanceof CreateMayHaveLandedError ? rest.shift() : undefined;
    const existing = made.map(({ id, cron_expression }) => `${id} (${cron_expression})`).join(', ');
    out.note(`Created ${made.length} of ${meaning.crons.length} schedules for '${meaning.input.trim()}'${existing ? `: ${existing}` : ''}.`);
    if (unsureOne !== undefined) out.note(`May have been created (the answer was lost): ${unsureOne}.`);
    if (rest.length > 0) out.note(`Not created: ${rest.join(', ')}.`);
    throw failure;
  }
}
