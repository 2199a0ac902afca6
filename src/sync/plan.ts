import { CliError } from '../errors';
import type { ScheduledMessage } from '../letta/types';
import type { Intent, Series } from '../state/records';
import { expectedUtcCron, patternOfCron } from './local-rule';
import { isGoneMember, topUpInstants, type InstantSource } from './series';

/** One change sync would make, with everything needed to make it and to say what it did. */
export type SyncAction =
  | {
      type: 'replace';
      agent_id: string;
      /** The recorded schedule the intent stands on. */
      intent_id: string;
      /** The schedule to replace: the intent's, or the one it replaced if that replacement never appeared. */
      old_id: string;
      old_cron: string;
      new_cron: string;
      local_rule: string;
      zone: string;
      next_fire: number;
      /** A replacement an earlier sync created but could not confirm (its answer was lost): used, not created again. */
      landed_id?: string;
    }
  /** A replaced schedule still exists beside its replacement: delete it. */
  | { type: 'delete-replaced'; agent_id: string; intent_id: string; old_id: string }
  | { type: 'gone'; agent_id: string; id: string; kind: Intent['kind']; fired: boolean }
  | { type: 'member-gone'; agent_id: string; series_id: string; id: string }
  | { type: 'series-gone'; agent_id: string; series_id: string }
  /** `landed`: members an earlier sync created without hearing back, found in Letta: recorded, not created again. */
  | { type: 'top-up'; agent_id: string; series_id: string; zone: string; instants: number[]; landed: Array<{ at: number; id: string }> }
  /** The rule cannot be kept exact any more (e.g. its times now fall on different UTC days). */
  | { type: 'problem'; agent_id: string; id: string; message: string };

export interface SyncInput {
  now: number;
  /** Every recorded intent (replaced ones too: their schedules may still wait to be deleted). */
  intents: Intent[];
  series: Series[];
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
  const recorded = new Set([...intents.map((i) => i.schedule_id), ...series.flatMap((s) => s.members.map((m) => m.schedule_id))]);
  const unrecorded = (schedules: Map<string, ScheduledMessage>) => [...schedules.values()].filter((item) => !recorded.has(item.id));
  const active = intents.filter((i) => i.status === 'active').sort(byAgentThen((i) => i.schedule_id));
  for (const intent of active) {
    const schedules = letta.get(intent.agent_id);
    if (!schedules) continue;
    const replaced = intents.filter((i) => i.status === 'replaced' && i.replaced_by === intent.schedule_id && schedules.has(i.schedule_id));
    actions.push(...planIntent(intent, replaced, schedules, now, unrecorded(schedules)));
  }
  for (const one of [...series].sort(byAgentThen((s) => s.series_id))) {
    const schedules = letta.get(one.agent_id);
    if (one.status !== 'active' || !schedules) continue;
    actions.push(...planSeries(one, schedules, now, instants, unrecorded(schedules)));
  }
  return actions;
}

/** Whether sync keeps this intent on the local clock: its local rule is a cron in a zone. */
export function followsLocalClock(intent: Pick<Intent, 'kind' | 'local_rule'>): boolean {
  return intent.kind === 'recurring' && patternOfCron(intent.local_rule) !== null;
}

function planIntent(intent: Intent, replaced: Intent[], schedules: Map<string, ScheduledMessage>, now: number, unrecorded: ScheduledMessage[]): SyncAction[] {
  const agent_id = intent.agent_id;
  const current = schedules.get(intent.schedule_id);
  // The schedule standing for the intent: its own, or (when a replacement never landed) the one it was to replace.
  const standing = current ?? schedules.get(replaced.at(-1)?.schedule_id ?? '');
  if (!standing) {
    const at = Date.parse(intent.instants?.at(-1) ?? '');
    return [{ type: 'gone', agent_id, id: intent.schedule_id, kind: intent.kind, fired: intent.kind === 'one-time' && at <= now }];
  }
  const actions: SyncAction[] = current ? replaced.map((old) => ({ type: 'delete-replaced', agent_id, intent_id: intent.schedule_id, old_id: old.schedule_id }) as const) : [];
  if (!followsLocalClock(intent)) return actions;

  const cron = standing.schedule.cron_expression ?? intent.utc_crons?.[0] ?? '';
  let expected;
  try {
    expected = expectedUtcCron(intent.local_rule, intent.zone, now);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return [...actions, { type: 'problem', agent_id, id: standing.id, message: error.message }];
  }
  if (expected && (expected.cron !== cron || !current)) {
    const landed = unrecorded.find((item) => item.schedule.cron_expression === expected.cron && sameMessages(item, standing.message?.messages));
    actions.push({
      type: 'replace',
      agent_id,
      intent_id: intent.schedule_id,
      old_id: standing.id,
      old_cron: cron,
      new_cron: expected.cron,
      local_rule: intent.local_rule,
      zone: intent.zone,
      next_fire: expected.nextFire,
      ...(landed ? { landed_id: landed.id } : {}),
    });
  }
  return actions;
}

function planSeries(series: Series, schedules: Map<string, ScheduledMessage>, now: number, instants: InstantSource, unrecorded: ScheduledMessage[]): SyncAction[] {
  const agent_id = series.agent_id;
  const waiting = series.members.filter((m) => !isGoneMember(m) && Date.parse(m.instant) > now);
  const deleted = waiting.filter((m) => !schedules.has(m.schedule_id));
  if (waiting.length > 0 && deleted.length === waiting.length) return [{ type: 'series-gone', agent_id, series_id: series.series_id }];
  const actions: SyncAction[] = deleted.map((m) => ({ type: 'member-gone', agent_id, series_id: series.series_id, id: m.schedule_id }) as const);
  const more = topUpInstants(series, now, instants);
  const landed = more.flatMap((at) => {
    const twin = unrecorded.find((item) => item.schedule.scheduled_at === at && sameMessages(item, series.template.messages));
    return twin ? [{ at, id: twin.id }] : [];
  });
  const missing = more.filter((at) => !landed.some((l) => l.at === at));
  if (more.length > 0) actions.push({ type: 'top-up', agent_id, series_id: series.series_id, zone: series.zone, instants: missing, landed });
  return actions;
}

function byAgentThen<T extends { agent_id: string }>(key: (item: T) => string) {
  return (a: T, b: T) => a.agent_id.localeCompare(b.agent_id) || key(a).localeCompare(key(b));
}

/** A schedule sends these messages (how a create whose answer was lost is recognised). */
function sameMessages(item: ScheduledMessage, messages: unknown): boolean {
  return JSON.stringify(item.message?.messages ?? null) === JSON.stringify(messages ?? null);
}
