import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEY, type FakeLetta } from '../helpers/fake-letta';
import { useTwoServers } from '../helpers/two-servers';
import { AGENT, NOW } from '../helpers/suite';
import { cliEnv, runCli } from '../helpers/run-cli';

/** Sets and series across two servers, and a series a folder owns through a pause and a resume. */
const servers = useTwoServers();
let a: FakeLetta;
let b: FakeLetta;
beforeAll(() => ({ a, b } = servers));
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function fresh() {
  a.reset(() => Date.parse(NOW));
  b.reset(() => Date.parse(NOW));
  const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
  const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
  const statePath = join(env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
  return { env, on, statePath };
}

describe('list --id of a set or series recorded against another server', () => {
  it('refuses it naming that server (exit 2), as get, history and agenda --id do, rather than "No series in the record" (exit 3)', async () => {
    const { on } = fresh();
    const series = (await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '-q')).stdout.trim();
    await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 90 minutes');
    const set = (await on(a, 'recurring', 'list', '-q')).stdout.split('\n').find((id) => id.startsWith('set-'))!;
    for (const args of [
      ['onetime', 'list', '--id', series],
      ['recurring', 'list', '--id', series],
      ['recurring', 'list', '--id', set],
    ]) {
      const r = await on(b, ...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(`was recorded on this machine against ${a.url}/`);
    }
  });
});

describe('a series a folder owns, paused and resumed', () => {
  it('stays owned by the folder: plan has nothing to change and apply makes nothing twice', async () => {
    const { on } = fresh();
    const folder = mkdtempSync(join(tmpdir(), 'letta-schedules-test-'));
    folders.push(folder);
    const dir = join(folder, 'letta-schedules');
    const series = (await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'Series', '--cron', 'every day at 9am', '--count', '3', '-q')).stdout.trim();
    expect((await on(a, 'export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    expect((await on(a, 'recurring', 'pause', series)).code).toBe(0);
    expect((await on(a, 'recurring', 'resume', series)).code).toBe(0);
    expect(a.schedules.size).toBe(3);

    const plan = await on(a, 'plan', '-f', dir);
    expect(plan.stdout).not.toContain('create');
    expect(plan.stderr).toContain('0 to create, 0 to replace, 0 to delete, 1 unchanged');
    expect(plan.code).toBe(0);
    a.received.length = 0;
    expect((await on(a, 'apply', '--yes', '-f', dir)).code).toBe(0);
    expect(a.requests('POST')).toHaveLength(0);
    expect(a.schedules.size).toBe(3);
  });
});
