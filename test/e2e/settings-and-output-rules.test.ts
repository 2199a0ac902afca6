import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli, tempHome } from '../helpers/run-cli';
import { withServer } from '../helpers/throwaway-server';
import { TEST_KEY } from '../helpers/fake-letta';

/** An address on this machine that nothing listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('config check --json when the check cannot be made', () => {
  it('a server out of reach: the document with ok false, the key not judged, the error; exit 5', async () => {
    const url = await closedPort();
    const r = await runCli(['config', 'check', '--json'], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }) });
    expect(r.code).toBe(5);
    const document = JSON.parse(r.stdout);
    expect(document).toMatchObject({ server: url, server_from: 'LETTA_BASE_URL', api_key: 'sk-...CRET', api_key_from: 'LETTA_API_KEY', ok: false, accepted: null });
    expect(document.error).toMatch(/^Cannot reach 127\.0\.0\.1:\d+/);
    expect(r.stderr).toMatch(/^Error: Cannot reach/);
    expect(r.stdout + r.stderr).not.toContain(TEST_KEY);
  });

  it('a server answering 404 (not Letta, or a wrong path): the document and the exit code of not found', async () => {
    await withServer(
      (_, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}'),
      async (url) => {
        const r = await runCli(['config', 'check', '--json'], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }) });
        expect(r.code).toBe(3);
        const document = JSON.parse(r.stdout);
        expect(document).toMatchObject({ server: url, ok: false, accepted: null });
        expect(typeof document.error).toBe('string');
        expect(r.stderr).toContain(`Error: ${document.error}`);
        const text = await runCli(['config', 'check'], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }) });
        expect(text.code).toBe(3);
        expect(text.stdout).toMatch(/^Key\s+sk-\.\.\.CRET \(from LETTA_API_KEY\): not checked$/m);
      },
    );
  });

  it('a key refused is still ok false, accepted false, exit 4', async () => {
    await withServer(
      (_, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"detail":"Unauthorized"}'),
      async (url) => {
        const r = await runCli(['config', 'check', '--json'], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: TEST_KEY }) });
        expect(r.code).toBe(4);
        expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, accepted: false });
      },
    );
  });
});

describe('a blank environment variable counts as unset', () => {
  it.each([' ', '   ', '\t'])('%j for the key, the URL, the agent and TZ: the defaults, said as such, no warning', async (blank) => {
    const r = await runCli(['config', 'show', '--json'], { env: cliEnv({ LETTA_BASE_URL: blank, LETTA_API_KEY: blank, LETTA_AGENT_ID: blank, TZ: blank }) });
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout);
    expect(shown.base_url).toEqual({ value: 'https://api.letta.com', source: 'default' });
    expect(shown.api_key).toEqual({ value: null, source: null });
    expect(shown.agent_id).toEqual({ value: null, source: null });
    expect(shown.timezone.source).toBe('system');
    expect(r.stderr).toBe('');
  });

  it('a blank agent is no agent: the usage error that says how to give one', async () => {
    const r = await runCli(['send', '--message', 'hi'], { env: cliEnv({ LETTA_AGENT_ID: '  ', LETTA_API_KEY: TEST_KEY, LETTA_BASE_URL: await closedPort() }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: No agent given\n/);
  });

  it('a blank config folder variable is the default folder under HOME', async () => {
    const { home } = tempHome();
    const r = await runCli(['config', 'path', '--json'], { env: cliEnv({ HOME: home, LETTA_SWITCHBOARD_CONFIG_DIR: '  ', LETTA_SWITCHBOARD_STATE_DIR: ' ' }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      config_file: join(home, '.config', 'letta-switchboard', 'config.json'),
      state_file: join(home, '.local', 'state', 'letta-switchboard', 'state.json'),
    });
  });
});

describe('a relative config or state folder is refused', () => {
  it.each([
    ['LETTA_SWITCHBOARD_CONFIG_DIR', ['config', 'path']],
    ['LETTA_SWITCHBOARD_STATE_DIR', ['config', 'path']],
    ['LETTA_SWITCHBOARD_CONFIG_DIR', ['parse', 'tomorrow at 9am']],
  ])('%s with %j: exit 2, the absolute path to use, nothing on stdout', async (name, args) => {
    const { home } = tempHome();
    const cwd = mkdtempSync(join(home, 'work-'));
    const r = await runCli(args, { cwd, env: cliEnv({ HOME: home, [name]: 'switchboard/here' }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Error: ${name} is 'switchboard/here', a relative path, which would mean another folder wherever a command runs\nSet it to an absolute path, such as ${name}=${join(cwd, 'switchboard/here')}\n`,
    );
  });

  it('a quoted ~ is named as such, with $HOME in its place', async () => {
    const r = await runCli(['config', 'path'], { env: cliEnv({ LETTA_SWITCHBOARD_STATE_DIR: '~/state' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('LETTA_SWITCHBOARD_STATE_DIR="$HOME/state" (a quoted ~ is not expanded by the shell)');
  });

  it('an absolute folder is used as given', async () => {
    const { home } = tempHome();
    const r = await runCli(['config', 'path', '--json'], { env: cliEnv({ LETTA_SWITCHBOARD_CONFIG_DIR: join(home, 'cfg') }) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).config_file).toBe(join(home, 'cfg', 'config.json'));
  });
});

describe('a mistyped subcommand is offered the commands it begins', () => {
  it.each([
    ['config', 'sett', "'config set-api-key', 'config set-url', 'config set-agent-id' or 'config set-timezone'"],
    ['config', 'set', "'config set-api-key', 'config set-url', 'config set-agent-id' or 'config set-timezone'"],
    ['config', 'se', "'config set-api-key', 'config set-url', 'config set-agent-id' or 'config set-timezone'"],
    ['recurring', 'pausd', "'recurring pause' or 'recurring paused'"],
    ['recurring', 'delet', "'recurring delete'"],
    ['config', 'shwo', "'config show'"],
  ])('%s %s: exit 2, Did you mean %s?', async (group, word, meant) => {
    const r = await runCli([group, word]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Error: Unknown command '${word}' for '${group}'\nDid you mean ${meant}?\n`);
  });
});

describe('--json with -q', () => {
  it.each([
    ['-q', '--json', 'parse', 'tomorrow at 9am'],
    ['parse', 'tomorrow at 9am', '--json', '--quiet'],
    ['recurring', 'list', '--agent-id', 'agent-1', '-q', '--json'],
  ])('%s %s %s ...: refused as conflicting, exit 2, nothing on stdout', async (...args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Error: --json and -q/--quiet cannot be used together\nGive --json for one JSON document, or -q for only the ids, one a line.\n');
  });
});

describe('the help flag before the command', () => {
  it.each([
    [
      ['--help', 'send'],
      ['send', '--help'],
    ],
    [
      ['-h', 'recurring', 'create'],
      ['recurring', 'create', '--help'],
    ],
    [
      ['--tz', 'UTC', '--help', 'config'],
      ['config', '--help'],
    ],
    [
      ['--help', 'parse', '--', '-2 days'],
      ['parse', '--help'],
    ],
  ])('%j shows the same help as %j', async (before, after) => {
    const asked = await runCli(before);
    const usual = await runCli(after);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toBe(usual.stdout);
    expect(asked.stdout).toMatch(new RegExp(`^Usage: letta-switchboard ${after.slice(0, -1).join(' ')} `));
  });

  it('a mistyped command after it is named, with the nearest', async () => {
    const r = await runCli(['--help', 'sned']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Error: Unknown command 'sned'");
    expect(r.stderr).toContain("Did you mean 'send'?");
  });
});
