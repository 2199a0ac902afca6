import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY } from '../../src/concurrency';
import { useHarness } from '../helpers/harness';
import { NOW } from '../helpers/suite';

/** Commands that look for something among every agent ask them a bounded number at a time: --concurrency where the command has it, else the default. */
const h = useHarness({ defaultAgent: false });

/** Twenty agents besides the fake's own, the schedule looked for on the last of them. */
function manyAgents(): string {
  const extra = Array.from({ length: 20 }, (_, i) => ({ id: `agent-fan-${String(i).padStart(2, '0')}`, name: `fan-${i}` }));
  h.letta.agents = [...h.letta.agents, ...extra];
  const item = h.letta.addSchedule(extra[19]!.id, { type: 'one-time', scheduled_at: Date.parse(NOW) + 3_600_000 }, 'far away');
  h.letta.latencyMs = 40;
  h.letta.maxInFlight = 0;
  return item.id;
}

describe('an id given with no agent is looked for among every agent', () => {
  it(`get asks ${DEFAULT_CONCURRENCY} agents at a time (it has no --concurrency)`, async () => {
    const id = manyAgents();
    const r = await h.run(['onetime', 'get', id, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe(id);
    expect(h.letta.maxInFlight).toBe(DEFAULT_CONCURRENCY);
  });

  it('history asks --concurrency agents at a time', async () => {
    const id = manyAgents();
    const r = await h.run(['history', id, '--concurrency', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(h.letta.maxInFlight).toBe(3);
  });

  it('an id no agent has is not found after every agent was asked (exit 3)', async () => {
    manyAgents();
    const r = await h.run(['onetime', 'get', 'sm-nowhere']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`for any of your ${h.letta.agents.length} agents`);
    expect(h.letta.requests('GET', /\/schedule\/sm-nowhere$/)).toHaveLength(h.letta.agents.length);
  });
});
