import { describe, expect, it } from 'vitest';
import { runIn, useHarness } from '../helpers/harness';

const BOT = 'agent-11111111-1111-1111-1111-111111111111';
const TWIN = 'agent-22222222-2222-2222-2222-222222222222';

describe('run', () => {
  const suite = useHarness();
  const cli = (...args: string[]) => runIn(suite.letta, args, suite.env);

  function scheduled() {
    const item = suite.letta.addSchedule(TWIN, { type: 'recurring', cron_expression: '0 9 * * 1-5' }, 'unused');
    item.message = {
      messages: [
        { role: 'user', content: 'Summarise the queue', name: 'ops' },
        { role: 'system', content: [{ type: 'text', text: 'You are terse.' }] },
      ],
      max_steps: 3,
      callback_url: 'https://example.com/done',
      include_return_message_types: ['assistant_message'],
    } as typeof item.message;
    return item;
  }

  it("sends exactly the schedule's messages and options to its agent, prints the reply, and leaves the schedule alone", async () => {
    const item = scheduled();
    const before = structuredClone(item);
    const result = await cli('run', item.id);
    expect(result.code).toBe(0);
    const posts = result.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.path, r.body])).toEqual([[`/v1/agents/${TWIN}/messages`, { messages: before.message.messages, max_steps: 3, include_return_message_types: ['assistant_message'] }]]);
    // The reply printed as `send` prints it (the fake agent echoes the first message).
    expect(result.stdout).toBe('Echo: Summarise the queue\n');
    expect(result.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(suite.letta.schedules.get(item.id)).toEqual(before);
  });

  it('--async queues it with the callback the schedule has and prints the run id', async () => {
    const item = scheduled();
    const result = await cli('run', item.id, '--async', '--agent-id', TWIN);
    expect(result.code).toBe(0);
    const [post] = result.requests.filter((r) => r.method === 'POST');
    expect(post!.path).toBe(`/v1/agents/${TWIN}/messages/async`);
    expect(post!.body).toEqual({ ...item.message });
    expect(result.stdout).toMatch(/^run-\d+\n$/);
  });

  it('--dry-run prints the request and sends nothing', async () => {
    const item = scheduled();
    const result = await cli('run', item.id, '--dry-run', '--json');
    expect(result.code).toBe(0);
    expect(result.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(JSON.parse(result.stdout)).toMatchObject({ method: 'POST', url: `${suite.letta.url}/v1/agents/${TWIN}/messages`, body: { messages: item.message.messages, max_steps: 3 } });
  });

  it('--dry-run says what it would send, and nothing of a reply or run it never asked for, in every output mode', async () => {
    const item = scheduled();
    const said = {
      '': `Would send the messages of ${item.id} to ${TWIN} now and wait for the reply\n`,
      '-q': '',
      '--async': `Would send the messages of ${item.id} to ${TWIN} now, without waiting for the reply\n`,
      '--async -q': '',
    };
    for (const [mode, stderr] of Object.entries(said)) {
      const result = await cli('run', item.id, '--dry-run', ...mode.split(' ').filter(Boolean));
      expect([result.code, result.stderr]).toEqual([0, stderr]);
      expect(result.stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/v1\/agents\/agent-[-0-9]+\/messages(\/async)?\n/);
      expect(result.stdout).not.toMatch(/dry-run\)|no run id|no reply/i);
      expect(result.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    }
  });

  it('an unknown id is not found (exit 3); a one-time schedule runs too', async () => {
    const missing = await cli('run', 'sm-nope');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^Error: No schedule 'sm-nope'/);
    const once = suite.letta.addSchedule(BOT, { type: 'one-time', scheduled_at: Date.parse('2030-01-01T00:00:00Z') }, 'Ping once');
    const result = await cli('run', once.id, '--agent-id', 'support-bot');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Echo: Ping once\n');
  });
});
