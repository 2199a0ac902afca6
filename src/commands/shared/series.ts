import { AlreadyReported, CliError, NotFoundError } from '../../errors';
import type { ScheduledMessage } from '../../letta/types';
import type { Runtime } from '../../runtime';
import { onServer, findSeries, endSeries, type Series } from '../../state/records';
import { stateStore, serverOf } from './state';
import { seriesProgress, isGoneMember } from '../../sync/series';

/** A series as one row of `recurring list`: its next member's time, how many wait, and the rule in words. */
export interface SeriesRow extends ScheduledMessage {
  series_id: string;
  phrase: string;
  timezone: string;
  remaining: number;
  member_ids: string[];
}

/** The active series of these agents (all when undefined), as list rows. The record is optional: unreadable, it adds nothing. */
export async function seriesRows(rt: Runtime, agentIds: string[] | undefined): Promise<SeriesRow[]> {
  let series: Series[];
  try {
    series = (await (await stateStore(rt)).read()).series;
  } catch (error) {
    if (error instanceof CliError) return [];
    throw error;
  }
  const now = rt.now();
  return series
    // Only this server's series: a record made against another server is not shown here.
    .filter((one) => one.status === 'active' && onServer(one, serverOf(rt)) && (agentIds === undefined || agentIds.includes(one.agent_id)))
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
        schedule: { type: 'recurring' as const },
        next_scheduled_time: next === undefined ? null : new Date(next).toISOString(),
        message: one.template as ScheduledMessage['message'],
      };
    });
}

/** Delete every member of a series that is still to fire, then mark the series gone. */
export async function deleteSeries(rt: Runtime, seriesId: string): Promise<{ agent_id: string; deleted: string[] }> {
  const store = await stateStore(rt);
  const series = findSeries(await store.read(), seriesId);
  if (!series || series.status === 'gone' || series.status === 'deleted') throw new NotFoundError(`No series '${seriesId}' in the record of intent`, 'List them with: letta-switchboard recurring list');
  const now = rt.now();
  const api = await rt.api();
  const deleted: string[] = [];
  const waiting = series.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now);
  for (const member of waiting) {
    try {
      await api.deleteSchedule(series.agent_id, member.schedule_id);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const left = waiting.slice(deleted.length).map((m) => m.schedule_id);
      rt.out.note(`${rt.out.paintErr.red('Error:')} ${error.message}`);
      rt.out.note(`Deleted ${deleted.length} of ${waiting.length} schedules of ${seriesId}; still there: ${left.join(', ')}.`);
      throw new AlreadyReported(error);
    }
    deleted.push(member.schedule_id);
  }
  if (!rt.dryRun) await store.update((state) => endSeries(state, seriesId, 'deleted', new Date(now).toISOString()));
  return { agent_id: series.agent_id, deleted };
}
