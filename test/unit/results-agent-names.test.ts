import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

/** results list names each run's agent on a terminal, as the schedule lists do; a pipe keeps the ids a script reads. */

const h = useHarness();
const OTHER = 'agent-22222222-2222-2222-2222-222222222222';

describe('results list, agent column', () => {
  it('shows agent names on a terminal, ids in a pipe and in --json', async () => {
    h.letta.runs = [
      { id: 'run-1', status: 'completed', agent_id: AGENT, created_at: '2026-11-22T14:00:00Z' },
      { id: 'run-2', status: 'failed', agent_id: OTHER, created_at: '2026-11-22T13:00:00Z' },
    ];
    const table = await h.run(['results', 'list'], { terminal: 120 });
    expect(table.code).toBe(0);
    const lines = table.stdout
      .replace(/\u001b\[[0-9;]*m/g, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/AGENT$/);
    expect(lines[1]).toMatch(/\bsupport-bot$/);
    expect(lines[2]).toMatch(/\btwin$/);

    const piped = await h.run(['results', 'list']);
    expect(piped.stdout.split('\n')[0]!.split('\t').at(-1)).toBe(AGENT);
    const json = await h.run(['results', 'list', '--json']);
    expect((JSON.parse(json.stdout) as Array<{ agent_id: string }>).map((run) => run.agent_id)).toEqual([AGENT, OTHER]);
  });

  it('leaves the column out on a terminal when --agent-id names the one agent', async () => {
    h.letta.runs = [{ id: 'run-1', status: 'completed', agent_id: AGENT, created_at: '2026-11-22T14:00:00Z' }];
    const table = await h.run(['results', 'list', '--agent-id', AGENT], { terminal: 120 });
    expect(table.code).toBe(0);
    expect(table.stdout).not.toContain('AGENT');
    expect(table.stdout).not.toContain(AGENT);
  });
});
