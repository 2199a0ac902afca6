import { describe, expect, it } from 'vitest';
import { pastOneTimes } from '../../src/health/past-one-times';
import { emptyState, type Intent, type Series } from '../../src/state/records';

const AGENT = 'agent-1';
const from = Date.parse('2026-12-01T00:00:00Z');
const now = Date.parse('2026-12-07T15:00:00Z');

const oneTime = (id: string, instant: string, status: Intent['status'], statusAt?: string): Intent => ({
  schedule_id: id,
  agent_id: AGENT,
  kind: 'one-time',
  phrase: instant,
  zone: 'UTC',
  local_rule: instant,
  instants: [instant],
  created_at: '2026-11-30T00:00:00Z',
  replaces: [],
  status,
  ...(statusAt ? { status_at: statusAt } : {}),
});

const series = (members: Series['members'], status: Series['status'] = 'active', statusAt?: string): Series => ({
  series_id: 'series-1',
  agent_id: AGENT,
  phrase: 'every other day at 9am',
  zone: 'UTC',
  rule: 'every other day at 09:00',
  horizon: '2027-01-01T00:00:00Z',
  template: { messages: [{ role: 'user', content: 'Standup' }] },
  members,
  status,
  created_at: '2026-11-30T00:00:00Z',
  ...(statusAt ? { status_at: statusAt } : {}),
});

const ids = (state: ReturnType<typeof emptyState>) => pastOneTimes(state, new Set([AGENT]), from, now).map(({ facts }) => facts.id);

describe('the one-time schedules made here whose time came, as status and agenda --since judge them', () => {
  it('a schedule of its own: standing or found gone after its time, not one found gone before it (deleted elsewhere)', () => {
    const state = emptyState();
    state.intents.push(
      oneTime('standing', '2026-12-05T09:00:00Z', 'active'),
      oneTime('gone-after', '2026-12-05T09:00:00Z', 'gone', '2026-12-06T00:00:00Z'),
      oneTime('gone-before', '2026-12-05T09:00:00Z', 'gone', '2026-12-04T00:00:00Z'),
      oneTime('deleted', '2026-12-05T09:00:00Z', 'deleted', '2026-12-04T00:00:00Z'),
      oneTime('ahead', '2026-12-09T09:00:00Z', 'active'),
      oneTime('before-the-window', '2026-11-29T09:00:00Z', 'active'),
    );
    expect(ids(state)).toEqual(['standing', 'gone-after']);
  });

  it("series members: not one its series' pause took off Letta before its time, nor one due after the series was found gone", () => {
    const state = emptyState();
    state.series.push(
      series(
        [
          { schedule_id: 'fired', instant: '2026-12-02T09:00:00Z' },
          { schedule_id: 'paused', instant: '2026-12-04T09:00:00Z', paused: true },
          { schedule_id: 'after-gone', instant: '2026-12-06T09:00:00Z' },
        ],
        'gone',
        '2026-12-05T00:00:00Z',
      ),
    );
    const found = pastOneTimes(state, new Set([AGENT]), from, now);
    expect(found.map(({ facts }) => facts.id)).toEqual(['fired']);
    expect(found[0]!.made).toEqual({ messages: [{ role: 'user', content: 'Standup' }] });
  });
});
