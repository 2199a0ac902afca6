import { spawn } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { BIN, runCli } from '../helpers/run-cli';

/**
 * Acting on many ids and being interrupted: stdin with 125,000 ids, deleting several when one fails, Ctrl-C or SIGTERM during a create.
 * Each runs as a user would, against the built CLI, asserting what they would notice.
 */

const suite = useFakeLetta({ defaultAgent: false });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(args, { env });

describe('Long inputs never overflow the stack', () => {
  it('125,000 ids on stdin to onetime delete - --dry-run', async () => {
    const ids = Array.from({ length: 125_000 }, (_, i) => String(i + 1)).join('\n');
    const r = await runCli(['onetime', 'delete', '-', '--dry-run', '--agent-id', AGENT], { env, input: ids, timeoutMs: 60_000 });
    expect(r.code).not.toBeNull();
    expect([1, 2, 3]).toContain(r.code);
    expect(r.stderr).toMatch(/^Error: /m);
    expect(r.stderr).not.toMatch(/Maximum call stack|This is a bug|    at /);
    expect(letta.requests('DELETE')).toHaveLength(0);
  }, 70_000);
});

describe('Deleting several ids when one fails', () => {
  it('says which were deleted and which not, in text and JSON, and goes on (exit 1)', async () => {
    const [a, b, c] = [1, 2, 3].map(() => letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T09:00:00Z') }).id) as [string, string, string];
    letta.inject(new RegExp(`^DELETE /v1/agents/${AGENT}/schedule/${b}$`), { status: 400, body: '{"detail":"boom"}' });
    const json = await cli('onetime', 'delete', a, b, c, '--agent-id', AGENT, '--json');
    expect(json.code).toBe(1);
    const outcomes = JSON.parse(json.stdout) as Array<{ id: string; deleted: boolean }>;
    expect(outcomes.map((o) => [o.id, o.deleted])).toEqual([
      [a, true],
      [b, false],
      [c, true],
    ]);
    expect(letta.schedules.has(a)).toBe(false);
    expect(letta.schedules.has(c)).toBe(false);

    const d = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T09:00:00Z') }).id;
    letta.inject(new RegExp(`^DELETE /v1/agents/${AGENT}/schedule/${b}$`), { status: 400, body: '{"detail":"boom"}' });
    const text = await cli('onetime', 'delete', b, d, '--agent-id', AGENT);
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).toContain(d);
    expect(text.stderr).toMatch(new RegExp(`Not deleted: ${b}`));
  });
});

describe('Interrupting a create', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s says the schedule may have been created and how to check', async (signal) => {
    letta.inject(/^POST /, { hang: true });
    const child = spawn(process.execPath, [BIN, 'onetime', 'create', '--agent-id', AGENT, '--message', 'hi', '--execute-at', 'in 1 hour', '--now', NOW], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end();
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    while (letta.requests('POST').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill(signal);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/may have been created/);
    expect(stderr).toContain('onetime list');
  });
});
