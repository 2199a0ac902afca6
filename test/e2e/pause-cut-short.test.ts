import { spawn } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { BIN, runCli } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env, timeoutMs: 30_000 });

/** `recurring pause ID`, with Ctrl-C pressed as its DELETE reaches the server, which never answers it (nor carries it out). */
function pauseInterruptedAtDelete(id: string): Promise<number | null> {
  letta.inject(/^DELETE /, { hang: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--now', NOW, 'recurring', 'pause', id], { env, stdio: 'ignore' });
    letta.onRequest = (request) => {
      if (request.method === 'DELETE') setTimeout(() => child.kill('SIGINT'), 100);
    };
    child.on('close', (code) => {
      letta.onRequest = undefined;
      resolve(code);
    });
  });
}

describe('a pause cut off before its delete', () => {
  // defect reported to lead: a schedule saved as paused but still on Letta (firing) is not flagged by status, and sync leaves it so
  it.skip('status says the pause is unfinished (exit 6), and sync finishes it: the schedule is deleted, its copy kept paused', async () => {
    const live = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    expect(await pauseInterruptedAtDelete(live.id)).toBe(130);
    expect(letta.schedules.has(live.id)).toBe(true);

    const status = await cli('status');
    expect(status.code).toBe(6);
    expect(status.stderr).toContain(live.id);

    expect((await cli('sync')).code).toBe(0);
    expect(letta.schedules.has(live.id)).toBe(false);
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe(`${live.id}\n`);
    expect((await cli('status')).code).toBe(0);
  }, 60_000);
});
