import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { NOW, useFakeLetta } from '../helpers/suite';
import { spawn } from 'node:child_process';
import { BIN, runCli } from '../helpers/run-cli';

/**
 * design.md: GET and DELETE are retried on 5xx, honouring retry-after-ms; Ctrl-C aborts the wait.
 * A command that waits to retry many times says nothing about it but what it does: no Node
 * warning about listeners piling up on its signal (one per wait, never let go).
 */
const suite = useFakeLetta({ defaultAgent: false });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

describe('a command that retries many requests', () => {
  it('lists 16 agents whose first list each answered 503: every schedule listed, and stderr holds no warning', async () => {
    const agents = Array.from({ length: 16 }, (_, i) => ({ id: `agent-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, name: `retry-${i}` }));
    letta.agents.push(...agents);
    for (const agent of agents)
      letta.schedules.set(`sm-${agent.name}`, {
        id: `sm-${agent.name}`,
        agent_id: agent.id,
        schedule: { type: 'recurring', cron_expression: '0 9 * * *' },
        message: { messages: [{ role: 'user', content: 'hi' }] },
      } as never);
    for (const agent of agents) letta.inject(new RegExp(`^GET /v1/agents/${agent.id}/schedule`), { status: 503, headers: { 'retry-after-ms': '1' }, body: '' });
    const r = await runCli(['--now', NOW, 'recurring', 'list', '--all-agents', '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual(agents.map((a) => `sm-${a.name}`).sort());
    expect(r.stderr).not.toMatch(/MaxListenersExceededWarning|memory leak/);
  });
});

describe('Ctrl-C while waiting to retry', () => {
  it('ends the wait at once: exit 130, no second request', async () => {
    const agent = { id: 'agent-99999999-0000-4000-8000-000000000000', name: 'waiting' };
    letta.agents.push(agent);
    letta.inject(/^GET \/v1\/agents\/[^/]+\/schedule/, { status: 503, headers: { 'retry-after-ms': '20000' }, body: '' });
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, '--now', NOW, 'recurring', 'list', '--agent-id', agent.id], { env, stdio: 'ignore' });
      letta.onRequest = () => setTimeout(() => child.kill('SIGINT'), 200);
      child.on('close', (exit) => resolve(exit));
    });
    letta.onRequest = undefined;
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(letta.requests('GET', /\/schedule/)).toHaveLength(1);
  });
});

describe('Ctrl-C while many requests are in flight', () => {
  it('ends them all at once: exit 130, and no warning about listeners', async () => {
    const agents = Array.from({ length: 24 }, (_, i) => ({ id: `agent-${String(i).padStart(8, '0')}-1111-4000-8000-000000000000`, name: `flying-${i}` }));
    letta.agents.push(...agents);
    letta.inject(/^GET \/v1\/agents\/[^/]+\/schedule/, ...agents.map(() => ({ hang: true as const })));
    let seen = 0;
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, '--now', NOW, 'recurring', 'list', '--all-agents', '--concurrency', '16'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      letta.onRequest = (request) => {
        if (/\/schedule/.test(request.path) && ++seen === 16) setTimeout(() => child.kill('SIGINT'), 100);
      };
      child.on('close', (exit) => resolve(exit));
    });
    letta.onRequest = undefined;
    expect(code, stderr).toBe(130);
    expect(seen).toBe(16);
    expect(stderr).not.toMatch(/MaxListenersExceededWarning|memory leak/);
  });
});
