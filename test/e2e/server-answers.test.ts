import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { TEST_KEY } from '../helpers/fake-letta';
import { AGENT, useFakeLetta } from '../helpers/suite';
import { cliEnv, runCli } from '../helpers/run-cli';
import { withServer } from '../helpers/throwaway-server';

/**
 * What the built CLI does with answers a server should not send: bodies too large to hold, pages that never end, an agents list that ignores `after`, more results than asked for; and timeouts Node cannot hold.
 * Each runs as a user would, against the built CLI, asserting what they would notice.
 */

const suite = useFakeLetta({ defaultAgent: false });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(args, { env });

describe('Answers too large to hold', () => {
  it('an endless chunked body stops at the cap with exit 1', async () => {
    await withServer(
      (_url, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1 << 20, 32);
        const write = () => {
          while (!res.destroyed && res.write(chunk));
        };
        res.on('drain', write);
        res.on('error', () => undefined);
        write();
      },
      async (url) => {
        const r = await runCli(['recurring', 'list', '--agent-id', AGENT], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }), timeoutMs: 60_000 });
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^Error: .*larger than 64 MiB/);
        expect(r.stderr).not.toMatch(/ERR_STRING_TOO_LONG|    at /);
      },
    );
  }, 70_000);
});

describe('Pages that never end', () => {
  it('a page that brings nothing new under a new cursor ends the list', async () => {
    const item = { id: 'sm-1', agent_id: AGENT, message: { messages: [{ role: 'user', content: 'x' }] }, schedule: { type: 'recurring', cron_expression: '0 9 * * *' }, next_scheduled_time: null };
    let requests = 0;
    await withServer(
      (_url, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ has_next_page: true, scheduled_messages: [item] }));
      },
      async (url) => {
        const r = await runCli(['recurring', 'list', '--agent-id', AGENT], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }) });
        expect(r.code).toBe(0);
        expect(r.stdout.trim().split('\n')).toHaveLength(1);
        expect(requests).toBeLessThan(5);
      },
    );
  });
});

describe('A server that ignores `after` on the agents list', () => {
  const agents = Array.from({ length: 4 }, (_, i) => ({ id: `agent-6f1c000${i}-1111-4111-8111-111111111111`, name: i === 0 ? 'support-bot' : `agent ${i}` }));
  const answer = (url: URL, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (url.pathname === '/v1/agents/') {
      const name = url.searchParams.get('name');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      // Every page is the first page again, and as full as asked, so a client that trusts `after` never stops.
      const matching = agents.filter((a) => !name || a.name === name);
      return res.end(JSON.stringify(Array.from({ length: limit }, (_, i) => matching[i % matching.length])));
    }
    const agentId = url.pathname.split('/')[3]!;
    if (url.pathname.endsWith('/schedule')) {
      return res.end(
        JSON.stringify({
          has_next_page: false,
          scheduled_messages: [
            {
              id: `sm-${agentId}`,
              agent_id: agentId,
              message: { messages: [{ role: 'user', content: 'x' }] },
              schedule: { type: 'recurring', cron_expression: '0 9 * * *' },
              next_scheduled_time: null,
            },
          ],
        }),
      );
    }
    res.end(JSON.stringify({ id: agentId, name: 'x' }));
  };

  it('names resolve to one agent, lists show each agent and schedule once', async () => {
    await withServer(answer, async (url) => {
      const e = cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY });
      const send = await runCli(['send', '--agent-id', 'support-bot', '--message', 'hi', '--dry-run'], { env: e });
      expect(send.code).toBe(0);
      expect(send.stdout).toContain(`/v1/agents/${agents[0]!.id}/messages`);
      const all = await runCli(['recurring', 'list', '--all-agents'], { env: e });
      expect(all.code).toBe(0);
      expect(all.stdout.trim().split('\n').sort()).toEqual(agents.map((a) => expect.stringMatching(new RegExp(`^sm-${a.id}\t`))));
      const list = await runCli(['agents', 'list'], { env: e });
      expect(list.stdout.trim().split('\n')).toHaveLength(4);
    });
  });
});

describe('Timeouts Node cannot hold', () => {
  it('--timeout above the largest timer is exit 2 before any request', async () => {
    const r = await cli('recurring', 'list', '--agent-id', AGENT, '--timeout', '2147483648');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*--timeout/);
    expect(letta.received).toHaveLength(0);
  });
});

describe('Results', () => {
  it('--limit N prints at most N whatever the server sends', async () => {
    letta.runs = Array.from({ length: 5 }, (_, i) => ({ id: `run-${i}`, status: 'completed', agent_id: AGENT, created_at: '2026-11-22T15:00:00Z' }));
    await withServer(
      (_url, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(letta.runs));
      },
      async (url) => {
        const r = await runCli(['results', 'list', '--agent-id', AGENT, '--limit', '2'], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }) });
        expect(r.code).toBe(0);
        expect(r.stdout.trim().split('\n')).toHaveLength(2);
      },
    );
  });
});
