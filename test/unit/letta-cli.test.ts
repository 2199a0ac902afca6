import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';
import { cliEnv, runCli } from '../helpers/run-cli';

/** What a user of the built CLI sees of the HTTP seam's rules. */
const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
let letta: FakeLetta;
let env: Record<string, string>;
const cli = (...args: string[]) => runCli(args, { env });

beforeAll(async () => {
  letta = await new FakeLetta().start();
});
afterAll(() => letta.stop());
beforeEach(() => {
  letta.schedules.clear();
  letta.runs = [];
  letta.received.length = 0;
  env = cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY });
});

describe('the HTTP seam, end to end', () => {
  it('a schedule with an impossible time does not hide the others', async () => {
    const good = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T09:00:00Z') }, 'good');
    const bad = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-02T09:00:00Z') }, 'bad');
    bad.schedule.scheduled_at = 1e20;
    bad.next_scheduled_time = null;
    const r = await cli('onetime', 'list', '--agent-id', AGENT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${good.id}\t${AGENT}\t2026-12-01 09:00 UTC\t2026-12-01T09:00:00.000Z\tgood`);
    expect(r.stdout).toContain(`${bad.id}\t${AGENT}\t-\t-\tbad`);
    const one = await cli('onetime', 'get', bad.id, '--agent-id', AGENT);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(bad.id);
  });

  it('a run whose stop_reason is an object does not hide the others', async () => {
    letta.runs = [
      { id: 'run-1', status: 'completed', agent_id: AGENT, created_at: '2026-11-22T15:00:00Z', stop_reason: { stop_reason: 'end_turn' } },
      { id: 'run-2', status: 'failed', agent_id: AGENT, created_at: '2026-11-22T15:00:00Z', stop_reason: 'error' },
    ];
    const r = await cli('results', 'list', '--agent-id', AGENT);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t').slice(0, 3)),
    ).toEqual([
      ['run-1', 'completed', '-'],
      ['run-2', 'failed', 'error'],
    ]);
  });

  it('results for an agent that does not exist are exit 3; for one with no runs, an empty list', async () => {
    const nope = await cli('results', 'list', '--agent-id', 'agent-nope');
    expect(nope.code).toBe(3);
    expect(nope.stderr).toMatch(/^Error: No agent named 'agent-nope'\n/);
    const unknownId = await cli('results', 'list', '--agent-id', 'agent-99999999-9999-4999-8999-999999999999');
    expect(unknownId.code).toBe(3);
    expect(unknownId.stderr).toMatch(/^Error: No agent 'agent-99999999-9999-4999-8999-999999999999'/);
    const empty = await cli('results', 'list', '--agent-id', AGENT);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe('No runs.\n');
  });

  it('an id-like name is looked up by name', async () => {
    const r = await cli('send', '--agent-id', 'agent-smith', '--message', 'hi');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe("Error: No agent named 'agent-smith'\nList your agents with: letta-switchboard agents list\n");
    expect(letta.requests('GET', /^\/v1\/agents\/$/)[0]!.query.name).toBe('agent-smith');
    expect(letta.requests('POST')).toHaveLength(0);
  });

  it('a base URL ending in /v1 is not sent /v1/v1', async () => {
    env.LETTA_BASE_URL = `${letta.url}/v1/`;
    const r = await cli('agents', 'list', '-q');
    expect(r.code).toBe(0);
    expect(letta.received.map((request) => request.path)).toEqual(['/v1/agents/', '/v1/agents/']);
  });

  it('a base URL with a wrong path (the bare 404 of a route no server has) says so, never that the agent does not exist', async () => {
    env.LETTA_BASE_URL = `${letta.url}/api`;
    const hint = "Every Letta server has this route, so the base URL does not lead to Letta's API. Check it (letta-switchboard config show).";
    for (const args of [
      ['send', '--agent-id', AGENT, '--message', 'hi'],
      ['send', '--agent-id', AGENT, '--message', 'hi', '--async'],
      ['send', '--agent-id', 'support-bot', '--message', 'hi'],
      ['agents', 'list'],
      ['results', 'list'],
      ['onetime', 'list', '-q'],
    ]) {
      const r = await cli(...args);
      expect([r.code, r.stdout, r.stderr]).toEqual([3, '', `Error: Letta answered 404 Not Found: Not Found\n${hint}\n`]);
    }
    // An agent the server does not know is still said to be missing.
    env.LETTA_BASE_URL = letta.url;
    const unknown = await cli('send', '--agent-id', 'agent-99999999-9999-4999-8999-999999999999', '--message', 'hi');
    expect([unknown.code, unknown.stderr]).toEqual([3, "Error: No agent 'agent-99999999-9999-4999-8999-999999999999'\nList your agents with: letta-switchboard agents list\n"]);
  });

  it('the retired service URL is refused, saying where to go instead', async () => {
    env.LETTA_BASE_URL = 'https://letta-switchboard--api.modal.run';
    const r = await cli('agents', 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "Error: https://letta-switchboard--api.modal.run is the retired letta-switchboard service, which is gone\nLetta's own API is at https://api.letta.com: run 'letta-switchboard config set-url https://api.letta.com' (and drop any --base-url or LETTA_BASE_URL pointing at the old service).\n",
    );
    const set = await cli('config', 'set-url', 'https://x.modal.run/v1');
    expect(set.code).toBe(2);
  });

  it('a plain-http address that only starts like a loopback one is warned about', async () => {
    for (const url of ['http://127.0.0.1.example.com', 'http://127.evil.com']) {
      const r = await cli('config', 'set-url', url);
      expect(r.stderr).toContain('plain http');
    }
    const local = await cli('config', 'set-url', 'http://127.0.0.1:8283');
    expect(local.stderr).not.toContain('plain http');
  });
});
