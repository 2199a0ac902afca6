import { NotFoundError, UsageError } from '../../errors';
import type { ScheduledMessage } from '../../letta/types';
import { whyNotOnLetta } from '../../not-on-letta';
import { findSeries, isSeriesId, isSetId, seriesEnded, type Intent, type State } from '../../state/records';

/** A set or series as a filter: the agent it belongs to, and its ids (the group's own, its members'). */
export interface GroupFilter {
  id: string;
  kind: 'set' | 'series';
  agentId: string;
  ids: Set<string>;
  /** Paused whole: its schedules are saved on this machine, not on Letta. */
  paused: boolean;
}

/**
 * The set or series an --id names, from the record of intent of this server; a usage error for any other id (its hint
 * names `noun`'s get), not found for an unknown one.
 */
export function groupFilter(state: State, id: string, noun = 'recurring'): GroupFilter {
  if (isSetId(id)) {
    const members = state.intents.filter((intent) => intent.set_id === id && (intent.status === 'active' || intent.status === 'paused'));
    if (members.length === 0) throw new NotFoundError(`No set '${id}' with schedules standing in the record of intent`, 'List them with: letta-switchboard recurring list');
    const paused = members.every((intent) => intent.status === 'paused');
    return { id, kind: 'set', agentId: members[0]!.agent_id, ids: new Set([id, ...members.map((intent) => intent.schedule_id)]), paused };
  }
  if (isSeriesId(id)) {
    const series = findSeries(state, id);
    if (!series || seriesEnded(series)) throw new NotFoundError(`No series '${id}' in the record of intent`, 'List them with: letta-switchboard recurring list');
    const ids = new Set([id, ...series.members.filter((m) => m.gone !== true).map((m) => m.schedule_id)]);
    return { id, kind: 'series', agentId: series.agent_id, ids, paused: series.status === 'paused' };
  }
  throw new UsageError(`--id takes a set or series id (set-... or series-...), not '${id}'`, `For one schedule: letta-switchboard ${noun} get ${id}`);
}

/** A set as one row of `recurring list`: the phrase that made it, its schedules, and the soonest next run among them. */
export interface SetRow extends ScheduledMessage {
  set_id: string;
  phrase: string;
  timezone: string;
  member_ids: string[];
  cron_expressions: string[];
  /** Schedules of the set the record keeps but the server no longer has (deleted outside this tool): the set fires short of them. */
  missing_ids: string[];
}

/** Members of sets gathered into one row per set, in the order the sets were first met. */
export function setRows(members: ScheduledMessage[], intentOf: (scheduleId: string) => Intent | undefined, record: Pick<State, 'intents'>): SetRow[] {
  const bySet = new Map<string, ScheduledMessage[]>();
  for (const item of members) {
    const setId = intentOf(item.id)?.set_id;
    if (setId) bySet.set(setId, [...(bySet.get(setId) ?? []), item]);
  }
  // An intent still standing (active), or one a sync found deleted outside (gone), is a cron the set was made to fire.
  const standing = new Map<string, string[]>();
  for (const intent of record.intents) {
    if (intent.set_id === undefined || !bySet.has(intent.set_id) || (intent.status !== 'active' && intent.status !== 'gone')) continue;
    standing.set(intent.set_id, [...(standing.get(intent.set_id) ?? []), intent.schedule_id]);
  }
  return [...bySet].map(([setId, items]) => {
    const first = intentOf(items[0]!.id)!;
    const listed = new Set(items.map((item) => item.id));
    const nexts = items.map((item) => Date.parse(item.next_scheduled_time ?? '')).filter(Number.isFinite);
    return {
      id: setId,
      set_id: setId,
      agent_id: first.agent_id,
      phrase: first.phrase,
      timezone: first.zone,
      member_ids: items.map((item) => item.id),
      cron_expressions: items.map((item) => item.schedule.cron_expression ?? ''),
      missing_ids: [...new Set(standing.get(setId))].filter((id) => !listed.has(id)),
      schedule: { type: 'recurring' as const },
      next_scheduled_time: nexts.length === 0 ? null : new Date(Math.min(...nexts)).toISOString(),
      message: items[0]!.message,
    };
  });
}

/** A series or set row's words in the cron column: its rule, and how many schedules stand behind it. */
export function groupLabel(item: ScheduledMessage): string | undefined {
  if (typeof item.series_id === 'string') return `series: ${String(item.phrase)} (${String(item.remaining)} waiting${deletedOutside(item.missing_ids, Number(item.remaining))})`;
  if (typeof item.set_id === 'string' && Array.isArray(item.member_ids)) {
    const count = item.member_ids.length;
    return `set: ${String(item.phrase)} (${count} schedule${count === 1 ? '' : 's'}${deletedOutside(item.missing_ids, count)})`;
  }
  return undefined;
}

/** "; 2 of its 5 not on Letta (deleted outside letta-switchboard, or paused on another machine), not firing", for a set or series whose schedules the server no longer lists. */
function deletedOutside(missingIds: unknown, standing: number): string {
  const missing = Array.isArray(missingIds) ? missingIds.length : 0;
  return missing === 0 ? '' : `; ${missing} of its ${standing + missing} not on Letta (${whyNotOnLetta()}), not firing`;
}
