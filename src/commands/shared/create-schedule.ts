import { ApiError, CreateMayHaveLandedError, InterruptedError, UsageError, type LandingKind } from '../../errors';
import type { CreateScheduleBody, Role, Schedule } from '../../letta/types';
import { printReceiptOf, type ReceiptRow } from '../../output/receipt';
import { fromNow, localAndUtc } from '../../output/when';
import type { Runtime } from '../../runtime';
import { WEEKDAY_SHORT } from '../../time/names';
import type { OnceMeaning, RecurringMeaning } from '../../time/index';
import { wallTime } from '../../time/zone';
import { createRecorded } from './record-create';

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
  const schedule: Schedule = meaning.type === 'one-time' ? { type: 'one-time', scheduled_at: meaning.scheduled_at } : { type: 'recurring', cron_expression: meaning.cron_expression };
  const body: CreateScheduleBody = { schedule, messages: [{ role, content: message }] };
  const agentId = await rt.agentId(agent);
  const { created, keepExact } = await createRecorded(rt, agentId, body, meaning).catch((error: unknown) => {
    // Ahead of --now, yet past by the clock, and refused for it: the time is the mistake (exit 2), as a time in the past is.
    const aboutTheTime = error instanceof ApiError && error.status === 400 && /past|future/i.test(error.message);
    if (aboutTheTime && meaning.type === 'one-time' && meaning.scheduled_at <= Date.now() && rt.globals.now !== undefined) {
      throw new UsageError(
        `${new Date(meaning.scheduled_at).toISOString()} is already past on this machine's clock: ${error.message}`,
        `--now ${rt.globals.now} put it there; give a time still to come, or leave --now out.`,
      );
    }
    throw error;
  });

  const { input: _input, type: _type, is_now: _isNow, ...timing } = meaning as Partial<OnceMeaning> & Partial<RecurringMeaning>;
  // Times are shown on the user's clock, also for a cron that is UTC.
  const zone = rt.zone();
  // On a terminal, a time also says how far away it is (as gh says it).
  const now = rt.io.stderrIsTTY ? rt.now() : undefined;
  const rows: ReceiptRow[] = [{ id: created.id }, ['Agent', agent === agentId ? agentId : `${agent} (${agentId})`], ['Message', preview(message)]];
  const warnings = [...(meaning.type === 'recurring' ? meaning.warnings : [])];
  if (meaning.type === 'one-time') {
    rows.push(['Runs at', withWeekday(zone, meaning.scheduled_at, now)]);
  } else {
    // In UTC the local cron is the UTC cron: say it once.
    const local = meaning.local_cron && meaning.timezone !== 'UTC' ? `; ${meaning.local_cron} in ${meaning.timezone}` : '';
    rows.push(['Cron', `${meaning.cron_expression} (UTC${local})`], ['Means', meaning.description]);
    const ours = Date.parse(meaning.next_runs[0] ?? '');
    const theirs = typeof created.next_scheduled_at === 'string' ? Date.parse(created.next_scheduled_at) : NaN;
    const next = Number.isFinite(theirs) ? theirs : ours;
    if (Number.isFinite(next)) rows.push(['Next', withWeekday(zone, next, now)]);
    // Letta counts from its own clock, so the two are comparable only when --now did not move ours.
    if (rt.globals.now === undefined && Number.isFinite(theirs) && Number.isFinite(ours) && Math.abs(theirs - ours) >= 60_000) {
      warnings.unshift(
        `Letta says the next run is ${new Date(theirs).toISOString()}, but ${meaning.cron_expression} next fires at ${new Date(ours).toISOString()}. Check the schedule with: letta-switchboard recurring get ${created.id}`,
      );
    }
  }
  printReceiptOf(rt.out, {
    document: { ...created, agent_id: agentId, schedule, message: { messages: body.messages }, ...timing },
    title: meaning.type === 'one-time' ? 'Scheduled a one-time message' : 'Created a recurring schedule',
    would: meaning.type === 'one-time' ? 'Would schedule a one-time message' : 'Would create a recurring schedule',
    rows,
    notes: meaning.notes,
    warnings,
    footer: [keepExact],
  });
}

/** "Mon 2026-11-23 09:00 EST (2026-11-23T14:00:00.000Z)", and with `now`, how far away: "(…, in 23 hours)". */
export function withWeekday(zone: string, ms: number, now?: number): string {
  const { local, utc } = localAndUtc(zone, ms, 'next_scheduled_at');
  return `${WEEKDAY_SHORT[wallTime(zone, ms).weekday]} ${local} (${utc}${now === undefined ? '' : `, ${fromNow(ms, now)}`})`;
}

export function preview(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
