import { describe, expect, it } from 'vitest';
import { emptyState, recordIntent } from '../../src/state/records';
import { staleSyncNotice } from '../../src/status/record';

const SERVER = 'http://127.0.0.1:8283/';
const NOW = Date.parse('2026-12-03T12:00:00Z');

function keptIn(zone: string) {
  const state = emptyState();
  recordIntent(state, {
    schedule_id: 'sm-000001',
    agent_id: 'agent-11111111-1111-1111-1111-111111111111',
    server: SERVER,
    kind: 'recurring',
    phrase: 'every day at 9am',
    zone,
    local_rule: '0 9 * * *',
    utc_crons: ['0 9 * * *'],
    created_at: '2026-12-01T00:00:00.000Z',
    replaces: [],
    status: 'active',
  });
  return state;
}

describe('the notice that sync has not run', () => {
  it('is said for a schedule kept on a clock that changes, never for one kept in UTC, which cannot drift', () => {
    expect(staleSyncNotice(keptIn('America/New_York'), SERVER, undefined, NOW)).toMatch(/^sync has not run yet; local times may drift/);
    expect(staleSyncNotice(keptIn('UTC'), SERVER, undefined, NOW)).toBeUndefined();
    expect(staleSyncNotice(keptIn('Asia/Tokyo'), SERVER, undefined, NOW)).toBeUndefined();
  });
});
