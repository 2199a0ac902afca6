import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, useFakeLetta } from '../helpers/suite';
import { BIN, cliEnv, runCli, runShell } from '../helpers/run-cli';

/**
 * What a new user meets first: usage errors, help, config show and get, and small things that trip people up.
 * Each runs as a user would, against the built CLI, asserting what they would notice.
 */

const suite = useFakeLetta({ defaultAgent: false });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const offline = (...args: string[]) => runCli(args);
const cli = (...args: string[]) => runCli(args, { env });

describe('--all-agents with --agent-id', () => {
  it('is a usage error before any request', async () => {
    const r = await cli('recurring', 'list', '--all-agents', '--agent-id', AGENT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: .*--all-agents.*--agent-id/);
    expect(letta.received).toHaveLength(0);
  });
});

describe('Help', () => {
  it.each([['help'], ['help', 'recurring'], ['help', 'send']])('%s prints help and exits 0', async (...args) => {
    const r = await offline(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: letta-switchboard/);
    expect(r.stderr).not.toMatch(/Error/);
  });

  it('help recurring create shows the subcommand; help nothing is an unknown command', async () => {
    const sub = await offline('help', 'recurring', 'create');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Usage: letta-switchboard recurring create');
    const nothing = await offline('help', 'nothing');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^Error: Unknown command 'nothing'/);
  });
});

describe('Config show and get', () => {
  it('show names the config file; get prints one setting', async () => {
    const e = cliEnv();
    const set = await runCli(['config', 'set-url', 'http://localhost:8283'], { env: e });
    expect(set.code).toBe(0);
    const show = await runCli(['config', 'show'], { env: e });
    expect(show.stdout + show.stderr).toContain(join(e.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'));
    const get = await runCli(['config', 'get', 'base_url'], { env: e });
    expect(get.code).toBe(0);
    expect(get.stdout.trim()).toBe('http://localhost:8283');
  });
});

describe('Small things a new user trips over', () => {
  it('a key passed as an argument warns about shell history', async () => {
    const r = await offline('config', 'set-api-key', 'sk-let-argument-123456');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/shell history/);
  });

  it('config set-agent-id refuses a line break', async () => {
    const r = await offline('config', 'set-agent-id', 'agent-1\nrm');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: /);
  });

  it('the Go YAML file loses its inline comments; a config with a byte-order mark is read', async () => {
    const e = cliEnv();
    mkdirSync(join(e.HOME!, '.letta-switchboard'), { recursive: true });
    writeFileSync(join(e.HOME!, '.letta-switchboard', 'config.yaml'), '\ufeffapi_key: sk-let-yaml-abcdef7890 # my key\n');
    mkdirSync(e.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true });
    writeFileSync(join(e.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), `\ufeff${JSON.stringify({ base_url: letta.url })}`);
    await runCli(['recurring', 'list', '--agent-id', AGENT], { env: e });
    expect(letta.received[0]?.headers.authorization).toBe('Bearer sk-let-yaml-abcdef7890');
  });

  it('a mistyped command leaves no code-cache file behind', async () => {
    const e = cliEnv();
    const r = await runCli(['parsee', 'x'], { env: e });
    expect(r.code).toBe(2);
    const cache = join(e.HOME!, '.cache', 'letta-switchboard');
    let files: string[] = [];
    try {
      files = readdirSync(cache);
    } catch {
      files = [];
    }
    expect(files).toEqual([]);
  });

  it("the README's completion install lines create their folder", async () => {
    const readme = readFileSync(join(BIN, '..', '..', 'README.md'), 'utf8');
    const lines = readme.split('\n').filter((line) => /letta-switchboard completion (bash|fish) >/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const e = cliEnv();
      const r = await runShell(line.replace(/^\s*\$?\s*/, ''), { env: e });
      expect(r.code).toBe(0);
    }
  });
});
