import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { TEST_KEY } from '../helpers/fake-letta';

const h = useHarness();

describe('config check', () => {
  it('says the key is accepted, by which server, how many agents, and where key and URL came from', async () => {
    const r = await h.run(['config', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Key\s+sk-\.\.\.CRET \(from LETTA_API_KEY\): accepted$/m);
    expect(r.stdout).toMatch(new RegExp(`^Server\\s+${h.letta.url.replace(/[.]/g, '\\.')} \\(from LETTA_BASE_URL\\)$`, 'm'));
    expect(r.stdout).toMatch(/^Agents\s+3$/m);
    expect(r.stdout + r.stderr).not.toContain(TEST_KEY);
    const json = JSON.parse((await h.run(['config', 'check', '--json'])).stdout);
    expect(json).toEqual({ server: h.letta.url, server_from: 'LETTA_BASE_URL', api_key: 'sk-...CRET', api_key_from: 'LETTA_API_KEY', ok: true, accepted: true, agents: 3 });
  });

  it('a key the server refuses is exit 4, named as not accepted, with where it came from', async () => {
    const r = await h.run(['config', 'check', '--api-key', 'sk-wrong-key-0000000000000']);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^Key\s+sk-\.\.\.0000 \(from --api-key\): not accepted$/m);
  });
});

describe('the default agent', () => {
  it('set-agent-id saves the agent and warns when the server has no such agent', async () => {
    const missing = await h.run(['config', 'set-agent-id', 'nobody']);
    expect(missing.code).toBe(0);
    expect(missing.stderr).toContain("Warning: No agent named 'nobody'");
    const known = await h.run(['config', 'set-agent-id', 'support-bot']);
    expect(known.code).toBe(0);
    expect(known.stderr).not.toContain('Warning');
  });

  it('an error about a default agent says where the default came from', async () => {
    const fromEnv = await h.run(['onetime', 'list'], { env: { LETTA_AGENT_ID: 'nobody' } });
    expect(fromEnv.code).toBe(3);
    expect(fromEnv.stderr).toContain("No agent named 'nobody' (the default agent, from LETTA_AGENT_ID)");
    await h.run(['config', 'set-agent-id', 'ghost']);
    const fromFile = await h.run(['onetime', 'list']);
    expect(fromFile.code).toBe(3);
    expect(fromFile.stderr).toContain("No agent named 'ghost' (the default agent, from the config file");
    const fromFlag = await h.run(['onetime', 'list', '--agent-id', 'ghost']);
    expect(fromFlag.stderr).not.toContain('the default agent');
  });

  it('a default that names several agents says where it came from, and that the default is what to change', async () => {
    const fromEnv = await h.run(['onetime', 'list'], { env: { LETTA_AGENT_ID: 'twin' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/2 agents are named 'twin': .* \(the default agent, from LETTA_AGENT_ID\)\nSet LETTA_AGENT_ID to one of these ids, or pass --agent-id\./);
    const fromFlag = await h.run(['onetime', 'list', '--agent-id', 'twin']);
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.stderr).not.toContain('the default agent');
  });
});

describe('completion candidates', () => {
  it('come from this machine only: agent names remembered from earlier commands, never a request', async () => {
    expect((await h.run(['onetime', 'list', '--agent-id', 'support-bot'])).code).toBe(0);
    const r = await h.run(['completion', '--candidates', 'agents']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toContain('support-bot');
    expect(r.requests).toEqual([]);
    const schedules = await h.run(['completion', '--candidates', 'schedules']);
    expect(schedules.code).toBe(0);
    expect(schedules.requests).toEqual([]);
    expect((await h.run(['completion', '--candidates', 'zones'])).stdout.split('\n')).toContain('America/New_York');
  });
});
