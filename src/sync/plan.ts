import { CliError } from '../errors';
import type { ScheduledMessage } from '../letta/types';
import { expectedUtcCron } from './local-rule';
import type { ScheduleIntent, SeriesRecord } from './records';
import { topUpInstants, type InstantSource } from './series';

/** One change sync would make, with everything needed to make it and to say what it did. */
export type SyncAction =
  | {
      type: 'replace';
      agent_id: string;
      /** The id the record holds for the intent. */
      intent_id: string;
      /** The schedule to replace (the intent's, or the one it was replacing if the new one never appeared). */
      old_id: string;
      old_cron: string;
      new_cron: string;
      local_cron: string;
      zone: string;
      next_fire: number;
    }
  /** A replaced schedule still exists beside its replacement: delete it. */
  | { type: 'delete-replaced'; agent_id: string; intent_id: string; old_id: string }
  /** A replaced id is no longer in Letta: forget it. */
  | { type: 'forget-replaced'; agent_id: string; intent_id: string; old_id: string }
  | { type: 'gone'; agent_id: string; id: string; kind: 'recurring' | 'one-time'; fired: boolean }
  | { type: 'member-gone'; agent_id: string; series_id: string; id: string }
  | { type: 'series-gone'; agent_id: string; series_id: string }
  | { type: 'top-up'; agent_id: string; series_id: string; zone: string; instants: number[] }
  /** The rule cannot be kept exact any more (e.g. its times now fall on different UTC days). */
  | { type: 'problem'; agent_id: string; id: string; message: string };

export interface SyncInput {
  now: number;
  intents: ScheduleIntent[];
  series: SeriesRecord[];
  /** Each agent's schedules as Letta lists them now, by id. Agents missing here are not looked at. */
  letta: Map<string, Map<string, ScheduledMessage>>;
  instants: InstantSource;
}

/**
 * What sync has to do to make Letta match the record, in a stable order.
 * Pure: the same input gives the same plan, and planning against the result
 * of applying a plan gives an empty one.
 */
export function planSync({ now, intents, series, letta, instants }: SyncInput): SyncAction[] {
  const actions: SyncAction[] = [];
  for (const intent of [...intents].sort(byAgentThen((i) => i.id))) {
    const schedules = letta.get(intent.agent_id);
    if (intent.status !== 'active' || !schedules) continue;
    actions.push(...planIntent(intent, schedules, now));
  }
  for (const one of [...series].sort(byAgentThen((s) => s.series_id))) {
    const schedules = letta.get(one.agent_id);
    if (one.status !== 'active' || !schedules) continue;
    actions.push(...planSeries(one, schedules, now, instants));
  }
  return actions;
}

function planIntent(intent: ScheduleIntent, schedules: Map<string, ScheduledMessage>, now: number): SyncAction[] {
  const agent_id = intent.agent_id;
  const current = schedules.get(intent.id);
  const leftovers = intent.pending_delete.filter((id) => schedules.has(id));
  const actions: SyncAction[] = intent.pending_delete
    .filter((id) => !schedules.has(id))
    .map((old_id) => ({ type: 'forget-replaced', agent_id, intent_id: intent.id, old_id }) as const);

  // The schedule standing for the intent: the current one, or (when its creation never landed) the one it was replacing.
  const standing = current ?? (leftovers.length > 0 ? schedules.get(leftovers.at(-1)!) : undefined);
  if (!standing) {
    actions.push({ type: 'gone', agent_id, id: intent.id, kind: intent.kind, fired: intent.kind === 'one-time' && (intent.scheduled_at ?? 0) <= now });
    return actions;
  }
  if (current) actions.push(...leftovers.map((old_id) => ({ type: 'delete-replaced', agent_id, intent_id: intent.id, old_id }) as const));

  if (intent.kind !== 'recurring' || intent.local_cron === null) return actions;
  const cron = standing.schedule.cron_expression ?? intent.cron ?? '';
  let expected;
  try {
    expected = expectedUtcCron(intent.local_cron, intent.zone, now);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    actions.push({ type: 'problem', agent_id, id: standing.id, message: error.message });
    return actions;
  }
  if (expected && (expected.cron !== cron || !current)) {
    actions.push({
      type: 'replace',
      agent_id,
      intent_id: intent.id,
      old_id: standing.id,
      old_cron: cron,
      new_cron: expected.cron,
      local_cron: intent.local_cron,
      zone: intent.zone,
      next_fire: expected.nextFire,
    });
  }
  return actions;
}

function planSeries(series: SeriesRecord, schedules: Map<string, ScheduledMessage>, now: number, instants: InstantSource): SyncAction[] {
  const agent_id = series.agent_id;
  const waiting = series.members.filter((m) => m.status === 'pending' && m.at > now);
  const deleted = waiting.filter((m) => !schedules.has(m.id));
  if (waiting.length > 0 && deleted.length === waiting.length) return [{ type: 'series-gone', agent_id, series_id: series.series_id }];
  const actions: SyncAction[] = deleted.map((m) => ({ type: 'member-gone', agent_id, series_id: series.series_id, id: m.id }) as const);
  const more = topUpInstants(series, now, instants);
  if (more.length > 0) actions.push({ type: 'top-up', agent_id, series_id: series.series_id, zone: series.zone, instants: more });
  return actions;
}

function byAgentThen<T extends { agent_id: string }>(key: (item: T) => string) {
  return (a: T, b: T) => a.agent_id.localeCompare(b.agent_id) || key(a).localeCompare(key(b));
}
