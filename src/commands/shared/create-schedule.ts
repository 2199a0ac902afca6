import { CreateMayHaveLandedError, InterruptedError, type LandingKind } from '../../errors';
import type { CreateScheduleBody, Role, Schedule } from '../../letta/types';
import { fromNow, localAndUtc } from '../../output/when';
import type { Runtime } from '../../runtime';
import { WEEKDAY_SHORT } from '../../time/lexicon';
import type { OnceMeaning, RecurringMeaning } from '../../time/index';
import { wallTime } from '../../time/zone';

export interface CreateInput {
  agent: string;
  message: string;
  role: Role;
  meaning: OnceMeaning | RecurringMeaning;
}

/** Run a changing request; an interrupt while it is out may have let it land, and the edge says how to check. */
export async function unsure<T>(send: () => Promise<T>, agentId: string, kind: LandingKind): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof InterruptedError) throw new CreateMayHaveLandedError(error, agentId, kind);
    throw error;
  }
}

/** Create a one-time or recurring schedule and confirm it: id on stdout, what and when on stderr. */
export async function createSchedule(rt: Runtime, { agent, message, role, meaning }: CreateInput): Promise<void> {
  const schedule: Schedule =
    meaning.type === 'one-time' ? { type: 'one-time', scheduled_at: meaning.scheduled_at } : { type: 'recurring', cron_expression: meaning.cron_expression };
  const body: CreateScheduleBody = { schedule, messages: [{ role, content: message }] };
  const warnings = meaning.type === 'recurring' ? meaning.warnings : [];
  const agentId = await rt.agentId(agent);
  const { createRecorded } = await import('./record-create');
  const { created, keepExact } = await createRecorded(rt, agentId, body, meaning);

  const { input: _input, type: _type, is_now: _isNow, ...timing } = meaning as Partial<OnceMeaning> & Partial<RecurringMeaning>;
  const out = rt.out;
  if (out.json) {
    out.document({ ...created, agent_id: agentId, schedule, message: { messages: body.messages }, ...timing });
  } else if (out.quiet) {
    out.line(created.id);
  } else {
    const zone = meaning.timezone;
    const when = (ms: number) => {
      const { local, utc } = localAndUtc(zone, ms, 'next_scheduled_at');
      // On a terminal, also how far away it is (as gh says it).
      return `${WEEKDAY_SHORT[wallTime(zone, ms).weekday]} ${local} (${utc}${rt.io.stderrIsTTY ? `, ${fromNow(ms, rt.now())}` : ''})`;
    };
    out.success(meaning.type === 'one-time' ? 'Scheduled a one-time message' : 'Created a recurring schedule');
    // The id is the data (stdout): alone in a pipe, labelled like the lines around it on a terminal.
    out.line(rt.io.stdoutIsTTY ? `  ID       ${out.paint.bold(created.id)}` : created.id);
    out.info(`  Agent    ${agent === agentId ? agentId : `${agent} (${agentId})`}`);
    out.info(`  Message  ${preview(message)}`);
    if (meaning.type === 'one-time') {
      out.info(`  Runs at  ${when(meaning.scheduled_at)}`);
    } else {
      // In UTC the local cron is the UTC cron: say it once.
      const local = meaning.local_cron && meaning.timezone !== 'UTC' ? `; ${meaning.local_cron} in ${meaning.timezone}` : '';
      out.info(`  Cron     ${meaning.cron_expression} (UTC${local})`);
      out.info(`  Means    ${meaning.description}`);
      const ours = Date.parse(meaning.next_runs[0] ?? '');
      const theirs = typeof created.next_scheduled_at === 'string' ? Date.parse(created.next_scheduled_at) : NaN;
      const next = Number.isFinite(theirs) ? theirs : ours;
      if (Number.isFinite(next)) out.info(`  Next     ${when(next)}`);
      // Letta counts from its own clock, so the two are comparable only when --now did not move ours.
      if (rt.globals.now === undefined && Number.isFinite(theirs) && Number.isFinite(ours) && Math.abs(theirs - ours) >= 60_000) {
        out.warn(`Letta says the next run is ${new Date(theirs).toISOString()}, but ${meaning.cron_expression} next fires at ${new Date(ours).toISOString()}. Check the schedule with: letta-switchboard recurring get ${created.id}`);
      }
    }
  }
  out.readingNotes(meaning.notes);
  for (const warning of warnings) out.warn(warning);
  if (keepExact && !out.json && !out.quiet) out.info(keepExact);
}

export function preview(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
