import type { Intent } from '../../src/state/records';

/** A recorded weekday-at-9am schedule kept in New York, as the record of intent stores it. */
export function weekdayIntent(id: string, extra: Partial<Intent> = {}): Intent {
  return {
    schedule_id: id,
    agent_id: 'agent-1',
    kind: 'recurring',
    phrase: 'every weekday at 9am',
    zone: 'America/New_York',
    local_rule: '0 9 * * 1-5',
    utc_crons: ['0 14 * * 1-5'],
    created_at: '2026-11-20T15:00:00.000Z',
    replaces: [],
    status: 'active',
    ...extra,
  };
}
