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

  it('answers a scalar as it is', () => {
    expect(shareRepeatedStrings('text')).toBe('text');
    expect(shareRepeatedStrings(null)).toBe(null);
    expect(shareRepeatedStrings(3)).toBe(3);
  });
});
