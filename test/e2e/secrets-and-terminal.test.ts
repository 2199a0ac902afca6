import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, useFakeLetta } from '../helpers/suite';
import { cliEnv, runCli } from '../helpers/run-cli';
import { withServer } from '../helpers/throwaway-server';

/**
 * Secrets and the terminal: keys masked in every form they are sent, in commander's own errors too, and terminal escapes from the server shown, never obeyed.
 * Each runs as a user would, against the built CLI, asserting what they would notice.
 */

const suite = useFakeLetta({ defaultAgent: false });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(args, { env });

describe('Keys are masked in every form they are sent', () => {
  it('a key with surrounding white space, echoed by the server, never shows', async () => {
    const key = 'sk-let-echo-0123456789-SECRET';
    await withServer(
      (url, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ detail: `Invalid key Bearer ${key} for ${url.pathname}` }));
      },
      async (url) => {
        const r = await runCli(['recurring', 'list', '--agent-id', AGENT, '--verbose'], { env: cliEnv({ LETTA_BASE_URL: url, LETTA_API_KEY: `  ${key}\n` }) });
        expect(r.code).toBe(4);
        expect(r.stdout + r.stderr).not.toContain('0123456789-SECRET');
      },
    );
  });

  it('a short key is masked too', async () => {
    const r = await runCli(['recurring', 'create', '--agent-id', AGENT, '--message', 'hi', '--cron', '0 9 * * *', '--dry-run', '--api-key', 'k3y9q'], { env });
    expect(r.stdout + r.stderr).not.toContain('k3y9q');
  });

  it('a config syntax error does not echo part of the key', async () => {
    const e = cliEnv();
    mkdirSync(e.LETTA_SWITCHBOARD_CONFIG_DIR!, { recursive: true });
    writeFileSync(join(e.LETTA_SWITCHBOARD_CONFIG_DIR!, 'config.json'), '{"api_key": "sk-let-partial-9f8e7d6c5b4a" x}');
    const r = await runCli(['config', 'show'], { env: e });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/9f8e|partial/);
  });
});

describe("Commander's own errors", () => {
  it('LETTA_API_KEY=sk-x L sk-x does not print the key', async () => {
    const r = await runCli(['sk-x'], { env: cliEnv({ LETTA_API_KEY: 'sk-x' }) });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('sk-x');
  });
});

describe('Terminal escapes from the server are shown, never obeyed', () => {
  const ESC = '\u001b]0;owned\u0007\u001b[2J';
  it('in get, in send replies and in error bodies', async () => {
    const item = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-12-01T09:00:00Z') }, `hello ${ESC}`);
    const get = await cli('onetime', 'get', item.id, '--agent-id', AGENT);
    expect(get.code).toBe(0);
    expect(get.stdout).not.toContain('\u001b');

    const send = await cli('send', '--agent-id', AGENT, '--message', `hi ${ESC}`);
    expect(send.code).toBe(0);
    expect(send.stdout).toContain('Echo: hi');
    expect(send.stdout).not.toContain('\u001b');

    letta.inject(/^GET /, { status: 400, body: JSON.stringify({ detail: `bad ${ESC}` }) });
    const error = await cli('recurring', 'list', '--agent-id', AGENT);
    expect(error.code).toBe(1);
    expect(error.stderr).not.toContain('\u001b');
  });
});
