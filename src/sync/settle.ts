import { NotFoundError } from '../errors';
import type { LettaApi } from '../letta/api';
import type { ScheduledMessage } from '../letta/types';
import { landingOf } from './same-schedule';
import { clearAttempt, currentId, findIntent, markDeleted, type CreateAttempt, type State } from '../state/records';
import { replaceSchedule, type RecordWriter } from './execute';

export interface SettleOptions {
  api: Pick<LettaApi, 'createSchedule' | 'getSchedule' | 'deleteSchedule' | 'schedulePages'>;
  records: RecordWriter & { read(): Promise<State> };
  now: number;
  readBack: boolean;
}

/** The unrecorded schedule of an agent that is the copy of a recorded attempt, if one landed (landingOf). */
export function landedCopy(attempt: Pick<CreateAttempt, 'at' | 'sent_at' | 'schedule' | 'messages'>, schedules: Iterable<ScheduledMessage>, state: State): ScheduledMessage | undefined {
  const recorded = new Set([...state.intents.map((i) => i.schedule_id), ...state.series.flatMap((s) => s.members.map((m) => m.schedule_id))]);
  for (const item of schedules) if (!recorded.has(item.id) && landingOf(attempt, item)) return item;
  return undefined;
}

/**
 * Before changing schedule `id`, finish what an earlier change of it left
 * (killed, interrupted, or failed late): a create recorded as attempted that
 * landed becomes the successor, and an old schedule already replaced is
 * deleted. Returns the id that stands for `id` now, and what was done.
 */
export async function settleEarlierChange({ api, records, now, readBack }: SettleOptions, id: string): Promise<{ id: string; notes: string[] }> {
  const notes: string[] = [];
  let state = await records.read();
  const intent = findIntent(state, id);
  if (intent?.attempt) {
    const attempt = intent.attempt;
    const listed = new Map<string, ScheduledMessage>();
    for await (const page of api.schedulePages(intent.agent_id, { whole: true })) for (const item of page) listed.set(item.id, item);
    const landed = landedCopy(attempt, listed.values(), state);
    if (landed) {
      const step = await replaceSchedule(
        { api, records, readBack, now },
        {
          agentId: intent.agent_id,
          oldId: id,
          holderId: id,
          body: { schedule: attempt.schedule, messages: attempt.messages as never },
          landedId: landed.id,
          oldExists: listed.has(id),
          successor: (s) => findIntent(s, id)?.attempt?.successor,
        },
      );
      if (step.error) throw step.error;
      notes.push(`${id}: the create of an earlier change had landed as ${landed.id} (its answer was lost); it takes ${id}'s place.`);
    } else {
      await records.update((s) => clearAttempt(s, id));
    }
    state = await records.read();
  }
  const current = currentId(state, id);
  if (current === id) return { id, notes };
  const agentId = findIntent(state, id)?.agent_id;
  if (agentId !== undefined) {
    try {
      await api.getSchedule(agentId, id);
      await api.deleteSchedule(agentId, id);
      notes.push(`${id} was already replaced by ${current} (an earlier change stopped before deleting it); deleted ${id}.`);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    await records.update((s) => {
      const old = findIntent(s, id);
      if (old && old.status !== 'replaced') markDeleted(s, id, new Date(now).toISOString());
    });
  }
  if (notes.length === 0) notes.push(`${id} was replaced by ${current}; acting on ${current}.`);
  return { id: current, notes };
}
