import { AlreadyReported, CliError, NotFoundError } from '../../errors';
import type { ScheduledMessage } from '../../letta/types';
import type { Limiter } from '../../concurrency';
import type { Runtime } from '../../runtime';
import { recordedIds, findSeries, endSeries, startSeriesDelete, pauseSeries, resumeSeries, emptyState, seriesEnded, clearMemberAttempts, markPaused, type Series } from '../../state/records';
import { stateStore, recordWriter, serverOf } from './state';
import { landingOf } from '../../sync/same-schedule';
import { seriesProgress, isGoneMember, topUpInstants, seriesInstants } from '../../sync/series';
import { createMembers } from '../../sync/execute';

/** A series as one row of a list: its next member's time, how many wait, and the rule in words. */
export interface SeriesRow extends ScheduledMessage {
  series_id: string;
  phrase: string;
  timezone: string;
  remaining: number;
  member_ids: string[];
  /** Members the record keeps waiting that the server no longer lists (deleted outside this tool): the series fires short of them. */
  missing_ids?: string[];
}

/**
 * A series row as the server's list shows it: only the members listed wait, the soonest of them next, the others
 * missing. Undefined when none is listed: every member was deleted elsewhere, and it fires no more (a set with none left
 * is not listed either; sync marks it gone).
 */
export function seriesRowAsListed(row: SeriesRow, listed: ReadonlyMap<string, ScheduledMessage>): SeriesRow | undefined {
  const members = row.member_ids.filter((id) => listed.has(id));
  if (members.length === 0 && row.member_ids.length > 0) return undefined;
  const times = members.map((id) => listed.get(id)!.schedule.scheduled_at).filter((at): at is number => typeof at === 'number');
  const next = times.length === 0 ? undefined : Math.min(...times);
  return {
    ...row,
    remaining: members.length,
    member_ids: members,
    missing_ids: row.member_ids.filter((id) => !listed.has(id)),
    ...(row.schedule.type === 'one-time' && next !== undefined ? { schedule: { type: 'one-time' as const, scheduled_at: next } } : {}),
    next_scheduled_time: next === undefined ? null : new Date(next).toISOString(),
  };
}

/**
 * The active series of these agents (all when undefined), as list rows. The record is optional: unreadable, it adds nothing.
 * `recorded`: the record's series, when the caller has read it already (reading it again copies the whole record).
 * In `onetime list` (`kind` one-time) a row's schedule is its next member's, as the one-time schedules beside it are.
 */
export async function seriesRows(rt: Runtime, agentIds: string[] | undefined, recorded?: Series[], kind: 'one-time' | 'recurring' = 'recurring'): Promise<SeriesRow[]> {
  let series: Series[];
  try {
    series = recorded ?? (await (await stateStore(rt)).read()).series;
  } catch (error) {
    if (error instanceof CliError) return [];
    throw error;
  }
  const now = rt.now();
  return series
    .filter((one) => one.status === 'active' && (agentIds === undefined || agentIds.includes(one.agent_id)))
    .map((one) => {
      const { next, waiting } = seriesProgress(one, now);
      const members = one.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now).map((m) => m.schedule_id);
      return {
        id: one.series_id,
        series_id: one.series_id,
        agent_id: one.agent_id,
        phrase: one.phrase,
        timezone: one.zone,
        remaining: waiting,
        member_ids: members,
        schedule: kind === 'one-time' && next !== undefined ? { type: 'one-time' as const, scheduled_at: next } : { type: 'recurring' as const },
        next_scheduled_time: next === undefined ? null : new Date(next).toISOString(),
        message: one.template as ScheduledMessage['message'],
      };
    });
}

/**
 * Delete every member of a series that is still to fire (each delete holding one of `requests`' slots), then mark the
 * series deleted. `notOnLetta`: members the record holds as standing that Letta no longer lists (paused on another
 * machine, or deleted outside this tool), not sent a delete: Letta answers success for an id it does not hold.
 */
export async function deleteSeries(rt: Runtime, seriesId: string, requests: Limiter): Promise<{ agent_id: string; deleted: string[]; notOnLetta: string[] }> {
  const store = await stateStore(rt);
  const series = findSeries(await store.read(), seriesId);
  // A delete cut short is finished by deleting the series again.
  const unfinished = series?.delete_unfinished === true;
  if (!series || (seriesEnded(series) && !unfinished)) throw new NotFoundError(`No series '${seriesId}' in the record of intent`, 'List them with: letta-switchboard recurring list');
  const now = rt.now();
  const at = unfinished && series.status_at !== undefined ? series.status_at : new Date(now).toISOString();
  const api = await rt.api();
  const deleted: string[] = [];
  // A paused series' members are gone from Letta already (unless its pause was cut short), and so may some of one whose
  // delete was; what was just listed may fire or go meanwhile.
  const ahead = series.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now).map((m) => ({ schedule_id: m.schedule_id, mayBeGone: m.paused === true || unfinished }));
  const passed = passedMembers(series, now);
  const listed = ahead.some((m) => !m.mayBeGone) || passed.size > 0 || (series.attempted ?? []).length > 0 ? await agentSchedules(rt, series.agent_id, requests) : [];
  const listedIds = new Set(listed.map((item) => item.id));
  const notOnLetta = ahead.filter((m) => !m.mayBeGone && !listedIds.has(m.schedule_id)).map((m) => m.schedule_id);
  const waiting: Array<{ schedule_id: string; mayBeGone: boolean }> = [
    ...ahead.filter((m) => !notOnLetta.includes(m.schedule_id)),
    // A member whose time passed that Letta still holds would fire late, after the series was deleted.
    ...(await heldBesideWaiting(rt, series, listed, passed)).map((schedule_id) => ({ schedule_id, mayBeGone: true })),
  ];
  if (!rt.dryRun && !unfinished) await store.update((state) => startSeriesDelete(state, seriesId, at));
  for (const member of waiting) {
    try {
      if (member.mayBeGone) await requests.run(() => deleteIfThere(rt, series.agent_id, member.schedule_id));
      else await requests.run(() => api.deleteSchedule(series.agent_id, member.schedule_id));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const left = waiting.slice(deleted.length).map((m) => m.schedule_id);
      rt.out.note(`${rt.out.paintErr.red('Error:')} ${error.message}`);
      rt.out.note(
        `Deleted ${deleted.length} of ${waiting.length} schedules of ${seriesId}; still there: ${left.join(', ')}. Delete the series again to finish: letta-switchboard recurring delete ${seriesId}`,
      );
      throw new AlreadyReported(error);
    }
    deleted.push(member.schedule_id);
  }
  if (!rt.dryRun) await store.update((state) => endSeries(state, seriesId, 'deleted', at));
  return { agent_id: series.agent_id, deleted, notOnLetta };
}

/** Every schedule of the agent, one list (its pages each holding one of `requests`' slots). */
async function agentSchedules(rt: Runtime, agentId: string, requests: Limiter): Promise<ScheduledMessage[]> {
  const items: ScheduledMessage[] = [];
  for await (const page of (await rt.api()).schedulePages(agentId, { slots: requests })) items.push(...page);
  return items;
}

/**
 * What Letta holds of a series beside its members still to come, found in the agent's schedules as `listed`: the
 * `passed` members (their time has passed) that it still lists (a fire late or stuck), and members
 * whose create's answer was lost that landed (on Letta, recorded nowhere), each found by its instant and messages, once.
 * Sync, which would record those, looks at no series deleted or paused, so those take them too.
 */
async function heldBesideWaiting(rt: Runtime, series: Series, listed: ScheduledMessage[], passed: ReadonlySet<string>): Promise<string[]> {
  const attempted = new Set((series.attempted ?? []).map((instant) => Date.parse(instant)));
  if (passed.size === 0 && attempted.size === 0) return [];
  // Only a landed attempt needs telling from what the record holds: without any, the record is not read (nor copied).
  const recorded = attempted.size === 0 ? new Set<string>() : recordedIds(await (await stateStore(rt)).readShared(), serverOf(rt)).here;
  const held: string[] = [];
  for (const item of listed) {
    if (passed.has(item.id)) {
      held.push(item.id);
      continue;
    }
    const at = item.schedule.scheduled_at;
    if (recorded.has(item.id) || at === undefined || !attempted.has(at)) continue;
    if (!landingOf({ at: series.created_at, schedule: { type: 'one-time', scheduled_at: at }, messages: series.template.messages }, item)) continue;
    attempted.delete(at);
    held.push(item.id);
  }
  return held;
}

/** The ids of a series' members whose time has passed, neither gone nor paused. */
function passedMembers(series: Series, now: number): Set<string> {
  return new Set(series.members.filter((m) => !isGoneMember(m) && m.paused !== true && Date.parse(m.instant) <= now).map((m) => m.schedule_id));
}

/** A Letta delete of a schedule that may already be gone (a pause cut short is finished by running it again). */
async function deleteIfThere(rt: Runtime, agentId: string, id: string): Promise<void> {
  try {
    await (await rt.api()).deleteSchedule(agentId, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}

/** The series `seriesId` of this server's record, or not found (exit 3) when it is not there or is over. */
async function standingSeries(rt: Runtime, seriesId: string): Promise<Series> {
  const series = findSeries(await (await stateStore(rt)).read(), seriesId);
  if (!series || (series.status !== 'active' && series.status !== 'paused'))
    throw new NotFoundError(`No series '${seriesId}' standing in the record of intent`, 'List them with: letta-switchboard recurring list');
  return series;
}

/**
 * Pause a series whole: recorded as paused first (flushed, so sync neither tops it up nor marks its
 * members gone), then each member still to fire deleted from Letta. Killed part-way, pausing it
 * again (or resuming it) deletes what is left. Each delete holds one of `requests`' slots. Returns the members paused.
 */
export async function pauseSeriesWhole(rt: Runtime, seriesId: string, requests: Limiter): Promise<{ agent_id: string; paused_at: string; members: string[]; already: boolean }> {
  const series = await standingSeries(rt, seriesId);
  const now = rt.now();
  const at = series.paused_at ?? new Date(now).toISOString();
  const members = rt.dryRun
    ? series.members.filter((m) => !m.gone && Date.parse(m.instant) > now).map((m) => m.schedule_id)
    : await (await stateStore(rt)).update((state) => pauseSeries(state, seriesId, at, now));
  for (const id of members) await requests.run(() => deleteIfThere(rt, series.agent_id, id));
  // What its unanswered creates left on Letta would fire while it is paused: deleted too, and its resume makes them again.
  const listed = (series.attempted ?? []).length > 0 ? await agentSchedules(rt, series.agent_id, requests) : [];
  const landed = await heldBesideWaiting(rt, series, listed, new Set());
  for (const id of landed) await requests.run(() => deleteIfThere(rt, series.agent_id, id));
  if (!rt.dryRun) {
    const store = await stateStore(rt);
    // Every delete done: the pause is finished (a pause cut short leaves `pause_unfinished` for sync or the next pause).
    await store.update((state) => {
      clearMemberAttempts(state, seriesId, series.attempted ?? []);
      markPaused(state, seriesId, at);
    });
  }
  return { agent_id: series.agent_id, paused_at: at, members: [...members, ...landed], already: series.status === 'paused' };
}

/**
 * Resume a paused series: first any member a pause cut short left on Letta is deleted (so nothing
 * is doubled), then the record says it is active again (members due while paused are skipped,
 * counted as made), then the members still ahead are created again, each recorded as attempted
 * before it is sent. Killed part-way, the next sync creates the rest. `created`: the new members'
 * ids (under --dry-run, the instants they would be created at).
 */
export async function resumeSeriesWhole(rt: Runtime, seriesId: string): Promise<{ agent_id: string; created: string[]; error?: CliError }> {
  const series = await standingSeries(rt, seriesId);
  if (series.status !== 'paused') throw new NotFoundError(`Series '${seriesId}' is not paused`, 'List what is paused with: letta-switchboard recurring paused');
  const api = await rt.api();
  const paused = new Set(series.members.filter((m) => m.paused === true).map((m) => m.schedule_id));
  for await (const page of api.schedulePages(series.agent_id, { whole: true })) {
    for (const item of page) if (paused.has(item.id)) await deleteIfThere(rt, series.agent_id, item.id);
  }
  const now = rt.now();
  const at = new Date(now).toISOString();
  const store = await stateStore(rt);
  if (!rt.dryRun) await store.update((state) => void resumeSeries(state, seriesId, at, now));
  // Under --dry-run nothing is recorded: what the record would say is worked out on a copy.
  const scratch = structuredClone({ ...emptyState(), series: [series] });
  resumeSeries(scratch, seriesId, at, now);
  const resumed = rt.dryRun ? scratch.series[0]! : (findSeries(await store.read(), seriesId) ?? scratch.series[0]!);
  const instants = topUpInstants(resumed, now, seriesInstants);
  if (rt.dryRun) return { agent_id: series.agent_id, created: instants.map((instant) => new Date(instant).toISOString()) };
  const result = await createMembers({ api, records: await recordWriter(rt) }, series.agent_id, seriesId, resumed.template as never, instants);
  return { agent_id: series.agent_id, created: result.created, error: result.error };
}
