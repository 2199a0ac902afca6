import { afterEach, describe, expect, it, vi } from 'vitest';
import { useHarness, type RunResult } from '../helpers/harness';
import { AGENT, NOW } from '../helpers/suite';

const h = useHarness({ defaultAgent: true });
const LIST = new RegExp(`^GET /v1/agents/${AGENT}/schedule$`);

/** Run with fake timers, letting real I/O through between steps, so waits of seconds take none. */
async function withFakeTimers(running: () => Promise<RunResult>): Promise<RunResult> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: Date.parse(NOW) });
  let result: RunResult | undefined;
  const done = running().then((r) => (result = r));
  while (!result) {
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(100);
  }
  await done;
  return result;
}
afterEach(() => vi.useRealTimers());

describe('send', () => {
  it('prints the reply, control sequences shown and not obeyed', async () => {
    const r = await h.run(['send', '--message', 'hi \u001b[31mred']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Echo: hi \\x1b[31mred\n');
    expect(r.requests.map((q) => q.body)).toEqual([{ messages: [{ role: 'user', content: 'hi \u001b[31mred' }] }]);
  });

  it('an error body from the server is shown, never obeyed', async () => {
    h.letta.inject(/^POST .*\/messages$/, { status: 400, body: JSON.stringify({ detail: 'bad \u001b]52;c;payload\u0007' }) });
    const r = await h.run(['send', '--message', 'hi']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0007\u001b]/);
    expect(r.stderr).toContain('\\x1b]52;c;payload\\x07');
  });

  it('--dry-run without a key and without a network prints the request with "(no key set)"', async () => {
    const r = await h.run(['send', '--agent-id', 'support-bot', '--message', 'hi', '--dry-run'], { env: { LETTA_API_KEY: undefined, LETTA_BASE_URL: 'http://127.0.0.1:9' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('POST http://127.0.0.1:9/v1/agents/support-bot/messages');
    expect(r.stdout).toContain('Authorization: Bearer (no key set)');
    expect(r.stderr).toContain("The agent name 'support-bot' would first be looked up");
    // No reply is asked for, so none is said to be missing: what would be sent is said instead.
    expect(r.stderr).not.toMatch(/no reply|no run id/i);
    expect(r.stderr).toContain('Would send the message to support-bot now and wait for the reply\n');
    const quiet = await h.run(['send', '--message', 'hi', '--dry-run', '-q']);
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
  });

  it('--dry-run with a key looks the name up for real and prints the exact request', async () => {
    const r = await h.run(['send', '--agent-id', 'support-bot', '--message', 'hi', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    expect(new Set(r.requests.map((q) => q.method))).toEqual(new Set(['GET']));
    expect(JSON.parse(r.stdout)).toEqual({
      method: 'POST',
      url: `${h.letta.url}/v1/agents/${AGENT}/messages`,
      headers: { authorization: 'Bearer sk-...CRET' },
      body: { messages: [{ role: 'user', content: 'hi' }] },
    });
  });

  it('-q prints the run id, not the reply', async () => {
    const r = await h.run(['send', '--message', 'hi', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('run-sync-1\n');
  });

  it('a slow reply shows progress on a terminal, and nothing in a pipe', async () => {
    h.letta.latencyMs = 4_000;
    const tty = await withFakeTimers(() => h.run(['send', '--message', 'hi'], { terminal: 80, env: { NO_COLOR: '1' } }));
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain("Waiting for agent-11111111-1111-1111-1111-111111111111's reply… 2 s");
    expect(tty.stdout).toBe('Echo: hi\n');
    const piped = await withFakeTimers(() => h.run(['send', '--message', 'hi']));
    expect(piped.stderr).toBe('');
  });
});

describe('retries, on fake timers', () => {
  it('429 with a Retry-After of 30 s: waited for, then the list', async () => {
    h.letta.inject(LIST, { status: 429, headers: { 'retry-after': '30', 'content-type': 'application/json' }, body: '{"detail":"slow down"}' });
    const r = await withFakeTimers(() => h.run(['recurring', 'list', '--json', '--verbose']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/schedule'))).toHaveLength(2);
    expect(r.stderr).toMatch(/retrying GET .* in 30\.0 s \(attempt 2 of 3\)/);
  });

  it('503 three times: gives up after 3 attempts with exit 1', async () => {
    h.letta.inject(LIST, { status: 503, body: '' }, { status: 503, body: '' }, { status: 503, body: '' });
    const r = await withFakeTimers(() => h.run(['recurring', 'list']));
    expect(r.code).toBe(1);
    expect(r.requests).toHaveLength(3);
    expect(r.stderr).toMatch(/^Error: Letta answered 503/);
  });
});
