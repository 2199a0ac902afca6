import { CliError, CreateMayHaveLandedError, InterruptedError } from '../../errors';
import type { CreateScheduleBody, Role } from '../../letta/types';
import { localAndUtc } from '../../output/when';
import type { Runtime } from '../../runtime';
import { WEEKDAY_SHORT } from '../../time/lexicon';
import type { CronMeaning, RecurringMeaning } from '../../time/index';
import { wallTime } from '../../time/zone';
import { preview } from './create-schedule';

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
  const [{ createRecorded }, { newSetId }] = await Promise.all([import('./record-create'), import('../../state/records')]);
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

  const out = rt.out;
  const { input: _input, type: _type, ...timing } = meaning;
  const first = made[0];
  if (out.json) {
    // When nothing surely exists there is no document, only the report below.
    if (first) out.document({
      id: first.id,
      set_id: setId,
      next_scheduled_at: first.next_scheduled_at,
      agent_id: agentId,
      schedule: { type: 'recurring', cron_expression: first.cron_expression },
      message: { messages },
      ...timing,
      schedules: made,
      ...(failure ? { not_created: meaning.crons.slice(made.length).map((part) => part.cron_expression) } : {}),
    });
  } else if (out.quiet || failure) {
    for (const { id } of made) out.line(id);
  } else {
    const zone = meaning.timezone;
    const when = (ms: number) => {
      const { local, utc } = localAndUtc(zone, ms, 'next_scheduled_at');
      return `${WEEKDAY_SHORT[wallTime(zone, ms).weekday]} ${local} (${utc})`;
    };
    out.success(`${rt.dryRun ? 'Would create' : 'Created'} ${made.length} recurring schedules, one per cron`);
    out.info(`  Set      ${setId} (delete them together with: letta-switchboard recurring delete ${setId})`);
    out.info(`  Agent    ${agent === agentId ? agentId : `${agent} (${agentId})`}`);
    out.info(`  Message  ${preview(message)}`);
    meaning.crons.forEach((part, i) => {
      // The ids are the data (stdout): alone in a pipe, labelled like the lines around them on a terminal.
      out.line(rt.io.stdoutIsTTY ? `  ID       ${out.paint.bold(made[i]!.id)}` : made[i]!.id);
      const local = part.local_cron && part.local_cron !== part.cron_expression ? `; ${part.local_cron} in ${meaning.timezone}` : '';
      out.info(`  Cron     ${part.cron_expression} (UTC${local})`);
      out.info(`  Means    ${part.description}`);
    });
    const next = Date.parse(meaning.next_runs[0] ?? '');
    if (Number.isFinite(next)) out.info(`  Next     ${when(next)}`);
  }

  if (failure) {
    const rest = meaning.crons.slice(made.length).map((part) => part.cron_expression);
    const unsureOne = failure instanceof CreateMayHaveLandedError ? rest.shift() : undefined;
    const existing = made.map(({ id, cron_expression }) => `${id} (${cron_expression})`).join(', ');
    out.note(`Created ${made.length} of ${meaning.crons.length} schedules for '${meaning.input.trim()}'${existing ? `: ${existing}` : ''}.`);
    if (unsureOne !== undefined) out.note(`May have been created (the answer was lost): ${unsureOne}.`);
    if (rest.length > 0) out.note(`Not created: ${rest.join(', ')}.`);
    throw failure;
  }
  out.readingNotes(meaning.notes);
  for (const warning of meaning.warnings) out.warn(warning);
  if (keepExact && !out.json && !out.quiet) out.info(keepExact);
}
