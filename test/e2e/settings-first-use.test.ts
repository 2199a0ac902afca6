import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { cliEnv, runCli } from '../helpers/run-cli';
import { useFakeLetta } from '../helpers/suite';

/** Settings as a new user and a script meet them: what each refusal teaches, and nothing saved that is never used. */

const suite = useFakeLetta({ defaultAgent: false });

describe('config get of a key set nowhere', () => {
  it('teaches the stdin form every other command teaches, never the key as an argument', async () => {
    const r = await runCli(['config', 'get', 'api-key']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [error, hint] = r.stderr.trim().split('\n');
    expect(error).toBe('Error: api_key is not set');
    expect(hint).toContain("config set-api-key -'");
    expect(hint).toContain('LETTA_API_KEY');
    expect(hint).not.toContain('VALUE');
  });

  it('an agent set nowhere still names its own setter', async () => {
    const r = await runCli(['config', 'get', 'agent-id']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('config set-agent-id VALUE');
  });
});

describe('a base URL with a query or fragment, which no request would carry', () => {
  it.each([
    ['https://proxy.example/letta?token=QUERYSECRET', 'a query', 'https://proxy.example/letta'],
    ['https://proxy.example/letta/?a=1&b=2', 'a query', 'https://proxy.example/letta'],
    ['https://proxy.example/#QUERYSECRET', 'a fragment', 'https://proxy.example'],
  ])('config set-url %s is refused (exit 2), nothing saved, the hint gives the address alone', async (given, what, alone) => {
    const env = cliEnv();
    const r = await runCli(['config', 'set-url', given], { env });
    expect(r.code).toBe(2);
    const [error, hint] = r.stderr.trim().split('\n');
    expect(error).toBe(`Error: The base URL has ${what} (${what === 'a query' ? '?' : '#'}...), which no request would carry`);
    expect(hint).toBe(`Give the address alone: ${alone}`);
    expect(r.stderr).not.toContain('QUERYSECRET');
    expect(existsSync(join(env.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'))).toBe(false);
    // The address the hint gives is taken.
    expect((await runCli(['config', 'set-url', alone], { env })).code).toBe(0);
  });

  it('from LETTA_BASE_URL too: refused before any request, the query not shown', async () => {
    const letta: FakeLetta = suite.letta;
    const r = await runCli(['agents', 'list'], { env: { ...suite.env, LETTA_BASE_URL: `${letta.url}/?token=QUERYSECRET` } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: The base URL has a query/);
    expect(r.stderr).not.toContain('QUERYSECRET');
    expect(letta.received).toHaveLength(0);
  });
});
