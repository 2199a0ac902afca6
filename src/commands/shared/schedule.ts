import { contentSummary, contentText, type ScheduledMessage, type ScheduleKind } from '../../letta/types';
import type { Runtime } from '../../runtime';
import { isSetId, type Intent, type State } from '../../state/records';
import { keptAt } from '../../output/kept-at';
import { cronList } from '../../time/to-utc';
import { offsetMinutes } from '../../time/zone';
import { DEFAULT_CONCURRENCY, limiter, type Limiter } from '../../concurrency';
import { resolveScheduleIds } from './ids';
import { CliError, NotFoundError, WrongKindError } from '../../errors';
import { leftOut, pagesInOrder } from './scope';
import { recordedNotFound } from './recorded-not-found';

/** `onetime` or `recurring`: the command noun for a kind. */
export const NOUN: Record<ScheduleKind, string> = { 'one-time': 'onetime', recurring: 'recurring' };

/** The CLI's additions to a schedule for --json: the instant as ISO for one-time schedules (left out when it is no instant). */
export function withAdditions(item: ScheduledMessage): ScheduledMessage & { scheduled_at_iso?: string } {
  const added = additions(item);
  return added.scheduled_at_iso === undefined ? item : { ...item, ...added };
}

/** withAdditions' fields alone. */
export function additions(item: ScheduledMessage): { scheduled_at_iso?: string } {
  const at = new Date(item.schedule.scheduled_at ?? NaN);
  return Number.isFinite(at.getTime()) ? { scheduled_at_iso: at.toISOString() } : {};
}

/**
 * The clock a recurring schedule runs on, for --json: the zone and local cron the record keeps it at, else UTC and
 * null (Letta's own clock, as for a schedule made elsewhere).
 */
export function clockOf(intent: Intent | undefined): { timezone: string; local_cron: string | null } {
  // A paused schedule keeps its clock for the resume that makes it again.
  const keeps = intent !== undefined && keptAt({ ...intent, status: intent.status === 'paused' ? 'active' : intent.status }) !== undefined;
  return keeps ? { timezone: intent.zone, local_cron: intent.local_rule } : { timezone: 'UTC', local_cron: null };
}

/** letta-code's Wake tool writes its schedules' messages as "Self-scheduled wake: <name>". */
const WAKE = /^\s*Self-scheduled wake:/;

/**
 * Who made a schedule, as far as can be told: this tool on this machine (it is
 * in the record), letta-code's Wake tool, or some other client. Only the
 * first is ever synced, pruned or adopted without being asked.
 */
export function originOf(item: ScheduledMessage, recorded: ReadonlySet<string>): 'letta-switchboard' | 'letta-code wake' | 'elsewhere' {
  if (recorded.has(item.id)) return 'letta-switchboard';
  return (item.message?.messages ?? []).some((m) => WAKE.test(contentText(m.content))) ? 'letta-code wake' : 'elsewhere';
}

export function messageText(item: ScheduledMessage): string {
  return (item.message?.messages ?? []).map((m) => contentSummary(m.content)).join(' / ');
}

/** The instant a schedule runs next: its scheduled_at, else the server's next_scheduled_time. */
export function nextRun(item: ScheduledMessage): { value: unknown; field: string } {
  return item.schedule.scheduled_at !== undefined
    ? { value: item.schedule.scheduled_at, field: 'schedule.scheduled_at' }
    : { value: item.next_scheduled_time ?? undefined, field: 'next_scheduled_time' };
}

/**
 * The schedules of these agents (every agent's when undefined), a page at a time, each with its
 * agent_id: one agent's streamed page by page, several agents' in turn with the first pages of
 * the next ones asked ahead (scheduleStream's reader), `concurrency` requests in flight.
 */
export async function* schedulesOf(rt: Runtime, agentIds: string[] | undefined, concurrency = DEFAULT_CONCURRENCY): AsyncGenerator<ScheduledMessage[]> {
  const api = await rt.api();
  // Every agent's: one deleted since the agent list was read is left out, with a note.
  yield* pagesInOrder(api, agentIds ?? (await api.allAgentIds()), limiter(concurrency), agentIds === undefined ? leftOut(rt) : undefined);
}

/**
 * One schedule of this kind (any kind when undefined), or not found (exit 3), also when the id is a
 * schedule of the other kind. With no agent given anywhere, it is looked for
 * among all of them (`concurrency` agents at a time), as the Go CLI took a bare id.
 */
export async function findSchedule(rt: Runtime, kind: ScheduleKind | undefined, given: string, concurrency: number | Limiter = DEFAULT_CONCURRENCY): Promise<ScheduledMessage> {
  const id = (await resolveScheduleIds(rt, [given]))[0]!;
  // A set is recurring schedules made from one phrase, kept on this machine: no agent has it to ask.
  if (kind === 'one-time' && isSetId(id)) throw new WrongKindError(id, 'recurring', 'one-time');
  const api = await rt.api();
  const agent = rt.agentOrNone();
  const agentId = agent && (await rt.agentId(agent));
  let item: ScheduledMessage;
  try {
    item = agentId ? await onAgentOrAny(rt, agentId, id, kind, concurrency) : await api.locateSchedule(id, kind, concurrency);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { readRecordOrNothing } = await import('./state');
    throw recordedNotFound(await readRecordOrNothing(rt), kind, id, error, rt.now()) ?? error;
  }
  await claimShown(rt, item);
  return item;
}

/**
 * The schedule on the agent given; when that agent is a default (LETTA_AGENT_ID, the config file) rather than the
 * flag, a schedule it lacks is looked for among every agent, as with no agent given: an id listed with --all-agents
 * and piped on finds its schedule. Not found anywhere, the error is the default agent's, naming the default.
 */
async function onAgentOrAny(rt: Runtime, agentId: string, id: string, kind: ScheduleKind | undefined, concurrency: number | Limiter): Promise<ScheduledMessage> {
  const api = await rt.api();
  try {
    return { ...(await api.getSchedule(agentId, id, kind)), agent_id: agentId };
  } catch (error) {
    const source = rt.settings.agentId.source;
    if (source === 'flag' || !(error instanceof NotFoundError) || error instanceof WrongKindError || error.missing?.what !== 'schedule') throw error;
    try {
      return await api.locateSchedule(id, kind, concurrency);
    } catch (anywhere) {
      if (!(anywhere instanceof NotFoundError) || anywhere instanceof WrongKindError) throw anywhere;
      const named = source === 'env' ? 'LETTA_AGENT_ID' : 'the config file';
      throw new NotFoundError(`No schedule '${id}' for agent ${agentId} (the default agent, from ${named}) nor any other of your agents`, anywhere.hint, anywhere.missing);
    }
  }
}

/**
 * A record from before servers were told apart (it names no server) that this schedule shows, by its id with the
 * cron or instant recorded for it, is this server's from now on, as sync claims what a listing shows: the first
 * server to show it claims it, and another server that hands out the same id no longer takes it for its own. One
 * whose id this schedule has with another timing is another schedule's record: none of this server's from now on,
 * so a get here does not show its kept time nor a delete here mark it deleted.
 * The record is never required: one that cannot be read or written claims nothing.
 */
async function claimShown(rt: Runtime, item: ScheduledMessage): Promise<void> {
  if (rt.dryRun) return;
  const [{ stateStore, serverOf }, { settleForServer, onServer }, { recordsShown }] = await Promise.all([import('./state'), import('../../state/records'), import('../../sync/same-schedule')]);
  const server = serverOf(rt);
  // Only the agent's: Letta gives one id to one schedule, so another agent's record of this id is another server's.
  const unclaimed = (record: { agent_id: string; server?: string; not_on?: string[] }) => record.agent_id === item.agent_id && record.server === undefined && onServer(record, server);
  const settled = (state: State) => recordsShown({ intents: state.intents.filter(unclaimed), series: state.series.filter(unclaimed) }, (id) => (id === item.id ? item : undefined));
  try {
    // Every server's records: a step that takes a record out of this server's part is one on the whole record.
    const store = await stateStore(rt, { everyServer: true });
    const any = await store.look((state) => {
      const { claimed, disowned } = settled(state);
      return claimed.length + disowned.length > 0;
    });
    if (any) await store.update((state) => settleForServer(server, settled(state)));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
  }
}

/**
 * A UTC cron as the user's clock reads it at `at` (for display): minute and
 * hours shifted by the zone's offset, weekdays moved when the day changes.
 * Null when the cron is not that simple (steps, ranges of hours, days of the
 * month): then only the UTC cron is shown.
 */
export function cronInZone(cron: string, zone: string, at: number): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  const offset = offsetMinutes(zone, at);
  if (offset === 0) return fields.join(' ');
  if (!/^\d+$/.test(minute) || !/^\d+(,\d+)*$/.test(hour) || dayOfMonth !== '*' || month !== '*') return null;
  const shifted = hour.split(',').map((h) => Number(h) * 60 + Number(minute) + offset);
  const dayShifts = new Set(shifted.map((total) => Math.floor(total / 1440)));
  if (dayShifts.size !== 1) return null;
  const [dayShift] = [...dayShifts] as [number];
  const localMinute = ((shifted[0]! % 60) + 60) % 60;
  const localHours = [...new Set(shifted.map((total) => Math.floor((((total % 1440) + 1440) % 1440) / 60)))].sort((a, b) => a - b);
  const days = weekdays(dayOfWeek);
  if (days === undefined) return null;
  const localDays = days === null ? '*' : cronList(days.map((d) => (((d + dayShift) % 7) + 7) % 7));
  return `${localMinute} ${localHours.join(',')} * * ${localDays}`;
}

/** "1-5,0" -> [1,2,3,4,5,0]; "*" -> null; anything else (steps, names) -> undefined. */
function weekdays(field: string): number[] | null | undefined {
  if (field === '*') return null;
  const days: number[] = [];
  for (const part of field.split(',')) {
    const range = /^(\d)(?:-(\d))?$/.exec(part);
    if (!range) return undefined;
    for (let d = Number(range[1]); d <= Number(range[2] ?? range[1]); d++) days.push(d % 7);
  }
  return days;
}
