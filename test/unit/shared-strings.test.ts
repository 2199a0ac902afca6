import { describe, expect, it } from 'vitest';
import { shareRepeatedStrings } from '../../src/shared-strings';

describe('shareRepeatedStrings', () => {
  it('leaves parsed JSON as it was: every value, key and nesting, arrays included', () => {
    const text = JSON.stringify({
      version: 2,
      intents: [
        { schedule_id: 'sm-1', agent_id: 'agent-a', zone: 'America/New_York', utc_crons: ['0 14 * * 1-5', '0 14 * * 1-5'], replaces: [], note: null, n: 3 },
        { schedule_id: 'sm-2', agent_id: 'agent-a', zone: 'America/New_York', utc_crons: ['0 13 * * 1-5'], replaces: ['sm-1'], flag: true },
      ],
      paused: [[['agent-a', 'x']], ''],
    });
    const shared = shareRepeatedStrings(JSON.parse(text));
    expect(JSON.stringify(shared)).toBe(text);
  });

  it('keeps its table across parses when given one (strings past 10 characters: JSON.parse shares shorter ones), and scalars as they are', () => {
    const seen = new Map<string, string>();
    const agent = 'agent-11111111-1111';
    const pages = [JSON.parse(`[{"id":"sm-000000001","agent":"${agent}","kind":"recurring"}]`), JSON.parse(`[{"id":"sm-000000002","agent":"${agent}"}]`)].map((page) =>
      shareRepeatedStrings(page, seen),
    );
    expect(pages).toEqual([[{ id: 'sm-000000001', agent, kind: 'recurring' }], [{ id: 'sm-000000002', agent }]]);
    expect([...seen.keys()].sort()).toEqual([agent, 'sm-000000001', 'sm-000000002']);
    expect(shareRepeatedStrings('text')).toBe('text');
    expect(shareRepeatedStrings(null)).toBe(null);
  });
});
