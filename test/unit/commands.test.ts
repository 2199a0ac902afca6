import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import type { Io } from '../../src/output/output';
import { FakeLetta, TEST_KEY } from '../helpers/fake-letta';

const AGENT = 'agent-11111111-1111-1111-1111-111111111111';
const NOW = '2026-11-22T15:00:00Z';

/** Run a command in this process, with captured streams and an environment of its own. */
async function run(args: string[], env: Record<string, string> = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
  };
  const home = mkdtempSync(join(tmpdir(), 'letta-switchboard-unit-'));
  const code = await main(['node', 'letta-switchboard', ...args], io, { HOME: home, LETTA_SWITCHBOARD_CONFIG_DIR: home, ...env }, new AbortController().signal);
  return { code, stdout, stderr };
}

describe('commands in-process', () => {
  let letta: FakeLetta;
  let env: Record<string, string>;
  beforeAll(async () => {
    letta = await new FakeLetta().start();
    letta.now = () => Date.parse(NOW);
    env = { LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY };
  });
  afterAll(() => letta.stop());

  it('parse prints one JSON document', async () => {
    const r = await run(['parse', 'every weekday at 9pm', '--tz', 'America/New_York', '--now', NOW, '--json', '--count', '1']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cron_expression: '0 2 * * 2-6', next_runs: ['2026-11-24T02:00:00.000Z'] });
  });

  it('create with --dry-run sends nothing and masks the key', async () => {
    const before = letta.received.length;
    const r = await run(['onetime', 'create', '--agent-id', AGENT, '--message', '-', '--execute-at', 'in 2 hours', '--now', NOW, '--dry-run'], env, 'from stdin\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`POST ${letta.url}/v1/agents/${AGENT}/schedule`);
    expect(r.stdout).toContain('Authorization: Bearer sk-...CRET');
    expect(r.stdout).toContain('"content": "from stdin"');
    expect(r.stdout).toContain('"scheduled_at": 1795366800000');
    expect(letta.received.length).toBe(before);
  });

  it('list writes tab-separated rows to a pipe', async () => {
    const item = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse('2026-11-23T14:00:00Z') }, 'hello');
    const r = await run(['onetime', 'list', '--agent-id', AGENT, '--tz', 'America/New_York'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${item.id}\t2026-11-23 09:00 EST\t2026-11-23T14:00:00.000Z\thello\n`);
  });

  it('maps errors to one message, a hint and an exit code', async () => {
    const r = await run(['recurring', 'create', '--agent-id', AGENT, '--message', 'x', '--cron', 'every 7 minutes'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("Error: 'every 7 minutes' cannot be one cron: 7 does not divide 60, so the gap would jump at the hour boundary\nUse 'every 6 minutes' or 'every 10 minutes'.\n");
  });
});
