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

/** `recurring pause ID`, with Ctrl-C pressed as its DELETE reaches the server, which never answers it (nor carries it out, unless `land`). */
function pauseInterruptedAtDelete(id: string, land = false): Promise<number | null> {
  letta.inject(/^DELETE /, land ? { hang: true, land: true } : { hang: true });
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
  it('status says the pause is unfinished (exit 6), and sync finishes it: the schedule is deleted, its copy kept paused', async () => {
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

  it('a pause whose delete was done though its answer was lost: status says it may be unfinished, and sync records it done without a request', async () => {
    const live = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    expect(await pauseInterruptedAtDelete(live.id, true)).toBe(130);
    expect(letta.schedules.has(live.id)).toBe(false);
    expect((await cli('status')).code).toBe(6);
    letta.received.length = 0;
    const synced = await cli('sync', '--json');
    expect(synced.code, synced.stderr).toBe(0);
    expect(letta.received.filter((request) => request.method !== 'GET')).toEqual([]);
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe(`${live.id}\n`);
    expect((await cli('status')).code).toBe(0);
  }, 60_000);

  it("of a schedule this tool made, whose delete was done: sync records the pause, never that it was 'deleted outside'", async () => {
    const id = (await cli('recurring', 'create', '--message', 'Standup', '--cron', '0 9 * * *', '-q')).stdout.trim();
    expect(await pauseInterruptedAtDelete(id, true)).toBe(130);
    const synced = await cli('sync');
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout + synced.stderr).not.toContain('deleted outside');
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe(`${id}\n`);
    expect((await cli('status')).code).toBe(0);
  }, 60_000);

  it('of a schedule kept at a local time, synced after the clocks change: the pause is finished, nothing is created again', async () => {
    const id = (await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q')).stdout.trim();
    expect(await pauseInterruptedAtDelete(id)).toBe(130);
    const spring = '2027-03-20T15:00:00Z';
    letta.now = () => Date.parse(spring);
    letta.received.length = 0;
    const synced = await runCli(['--now', spring, 'sync'], { env, timeoutMs: 30_000 });
    expect(synced.code, synced.stderr).toBe(0);
    expect(letta.requests('POST')).toEqual([]);
    expect(letta.schedules.size).toBe(0);
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe(`${id}\n`);
  }, 60_000);

  it('then the schedule deleted: its pause is over, not finished by sync into a paused copy that resume would bring back', async () => {
    const id = (await cli('recurring', 'create', '--message', 'Standup', '--cron', '0 9 * * *', '-q')).stdout.trim();
    expect(await pauseInterruptedAtDelete(id)).toBe(130);
    expect((await cli('recurring', 'delete', id)).code).toBe(0);
    expect(letta.schedules.size).toBe(0);
    const status = await cli('status');
    expect(status.code, status.stderr).toBe(0);
    expect((await cli('sync')).code).toBe(0);
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe('');
    const resume = await cli('recurring', 'resume', id);
    expect(resume.code).toBe(3);
    expect(letta.schedules.size).toBe(0);
  }, 60_000);

  it('a pause that finishes leaves nothing for status or sync to finish', async () => {
    const live = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    expect((await cli('recurring', 'pause', live.id)).code).toBe(0);
    expect((await cli('status')).code).toBe(0);
    letta.received.length = 0;
    expect((await cli('sync')).code).toBe(0);
    expect(letta.received.filter((request) => request.method !== 'GET')).toEqual([]);
  }, 60_000);

  it('pausing again after a pause whose delete landed unanswered records it done', async () => {
    const live = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    expect(await pauseInterruptedAtDelete(live.id, true)).toBe(130);
    expect((await cli('status')).code).toBe(6);
    const again = await cli('recurring', 'pause', live.id);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).toContain('already paused');
    expect((await cli('status')).code).toBe(0);
  }, 60_000);
});
