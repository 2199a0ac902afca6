import type { State } from '../state/records';
import { neverDue } from '../sync/series';
import type { ScheduleFacts } from './fires';

/** A one-time schedule made here whose time has come: Letta lets it go once due, so its fire is judged from the record. */
export interface PastOneTime {
  facts: ScheduleFacts;
  /** The message it was made with, for a list to show: a series member's is its series' template; another's is empty (the record keeps none). */
  made: Record<string, unknown>;
}

/**
 * The one-time schedules made here due in [from, now], as `status` and `agenda --since` judge them: series members ever due
 * (not deleted or paused before their time, nor due after their series was found gone), and one-time schedules of their own,
 * standing or found gone only after their time (one found gone before it was deleted elsewhere: nothing was due of it).
 */
export function pastOneTimes(state: State, agentIds: ReadonlySet<string>, from: number, now: number): PastOneTime[] {
  const found: PastOneTime[] = [];
  const add = (id: string, agentId: string, at: number, createdAt: string, made: Record<string, unknown>) => {
    if (!(at >= from && at <= now)) return;
    const created = Date.parse(createdAt);
    found.push({ facts: { id, agentId, kind: 'one-time', scheduledAt: at, held: false, ...(Number.isFinite(created) ? { createdAt: created } : {}) }, made });
  };
  for (const series of state.series) {
    if (!agentIds.has(series.agent_id)) continue;
    const ended = series.status === 'gone' ? Date.parse(String(series.status_at ?? '')) : NaN;
    for (const member of series.members) {
      const at = Date.parse(member.instant);
      if (!neverDue(member) && member.paused !== true && !(at > ended)) add(member.schedule_id, series.agent_id, at, series.created_at, series.template);
    }
  }
  for (const intent of state.intents) {
    if (intent.kind !== 'one-time' || !agentIds.has(intent.agent_id)) continue;
    const at = Date.parse(intent.instants?.[0] ?? '');
    const goneBefore = intent.status === 'gone' && Date.parse(intent.status_at ?? '') < at;
    if (intent.status === 'active' || (intent.status === 'gone' && !goneBefore)) add(intent.schedule_id, intent.agent_id, at, intent.created_at, { messages: [] });
  }
  return found;
}
