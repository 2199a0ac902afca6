import { openState } from '../../src/state/store';
import { emptyState, recordIntent } from '../../src/state/records';
import type { FakeLetta } from './fake-letta';

/** New York, before and after the March change: 9am on weekdays is 14:00 UTC in winter, 13:00 in summer. */
export const WINTER = '2026-11-23T12:00:00Z';
export const SUMMER = '2027-03-16T00:00:00Z';
export const WINTER_CRON = '0 14 * * 1-5';
export const SUMMER_CRON = '0 13 * * 1-5';

/**
 * `count` schedules kept at 9am on weekdays in New York, as `recurring create`
 * leaves them (on the server at their winter cron, and in the record of intent
 * under `env`'s state folder), spread over `agents`. With `sameMessage`, every
 * one says the same thing (creates sent side by side are then alike); with
 * `fresh`, the record holds nothing else.
 */
export async function seedKeptSchedules(
  letta: FakeLetta,
  env: Record<string, string | undefined>,
  { count, agents = [letta.agents[0]!.id], sameMessage = false, fresh = false }: { count: number; agents?: string[]; sameMessage?: boolean; fresh?: boolean },
): Promise<string[]> {
  const made = Array.from({ length: count }, (_, i) => letta.addSchedule(agents[i % agents.length]!, { type: 'recurring', cron_expression: WINTER_CRON }, sameMessage ? 'Standup' : `Standup ${i}`));
  await openState(env, env.HOME!).update((state) => {
    if (fresh) Object.assign(state, emptyState());
    for (const schedule of made) {
      recordIntent(state, {
        schedule_id: schedule.id,
        agent_id: schedule.agent_id,
        server: `${letta.url}/`,
        kind: 'recurring',
        phrase: 'every weekday at 9am',
        zone: 'America/New_York',
        local_rule: '0 9 * * 1-5',
        utc_crons: [WINTER_CRON],
        created_at: WINTER,
        replaces: [],
        status: 'active',
      });
    }
  });
  return made.map((schedule) => schedule.id);
}
