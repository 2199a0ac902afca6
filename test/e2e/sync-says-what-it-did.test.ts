import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
/** Every attempt at the DELETE is carried out by the server, and every answer to it is lost (a 503 after the work). */
const deleteLandsUnanswered = () =>
  letta.inject(
    /^DELETE /,
    ...Array.from({ length: 3 }, () => ({ status: 503, headers: { 'content-type': 'application/json', 'retry-after-ms': '10' }, body: '{"detail":"upstream"}', land: true as const })),
  );

describe('sync finishing a pause whose delete landed unanswered', () => {
  it('says it recorded the pause, in text', async () => {
    const live = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    deleteLandsUnanswered();
    const pause = await cli('recurring', 'pause', live.id);
    expect(pause.code).not.toBe(0);
    expect(letta.schedules.has(live.id)).toBe(false);

    const synced = await cli('sync');
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stderr).not.toMatch(/Nothing to change/);
    expect(synced.stdout).toMatch(new RegExp(`${live.id}.*paused`));
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe(`${live.id}\n`);
  });

  it('and in --json, one entry for it', async () => {
    const live = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    deleteLandsUnanswered();
    await cli('recurring', 'pause', live.id);
    const synced = await cli('sync', '--json');
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toEqual([expect.objectContaining({ action: 'confirm-paused', id: live.id, ok: true })]);
    // Said once: the next sync has nothing left to do.
    const again = await cli('sync', '--json');
    expect(JSON.parse(again.stdout)).toEqual([]);
  });
});

describe('a dry run of sync', () => {
  it('writes nothing, not even the state folder of a home that has none', async () => {
    const stateDir = join(env.HOME!, 'no-state-yet');
    const dry = await runCli(['--now', NOW, 'sync', '--dry-run'], { env: { ...env, LETTA_SWITCHBOARD_STATE_DIR: stateDir } });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toMatch(/Nothing to change/);
    expect(existsSync(stateDir)).toBe(false);
  });
});

describe('sync of an agent nothing is recorded for', () => {
  it('one that does not exist is not found (exit 3), not "Nothing to change"; one that exists has nothing to change', async () => {
    const missing = await runCli(['--now', NOW, 'sync', '--agent-id', 'agent-00000000-0000-0000-0000-000000000000'], { env });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("No agent 'agent-00000000-0000-0000-0000-000000000000'");
    const there = await runCli(['--now', NOW, 'sync', '--agent-id', AGENT], { env });
    expect([there.code, there.stderr]).toEqual([0, expect.stringContaining('Nothing to change')]);
  });
});

describe('sync of a record whose id the server gave to another schedule', () => {
  it('marks the record gone and leaves the other schedule as it is, then changes nothing', async () => {
    const made = await cli('recurring', 'create', '--message', 'mine', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q');
    const id = made.stdout.trim();
    // A server reset hands the id out again, to a schedule someone else made.
    letta.schedules.get(id)!.schedule = { type: 'recurring', cron_expression: '*/5 * * * *' };
    const synced = await runCli(['--now', '2027-03-20T12:00:00Z', 'sync'], { env });
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toContain(`${id} is no longer on Letta: its id is another schedule's now (*/5 * * * * UTC), left alone; marked gone`);
    expect(letta.requests('DELETE')).toEqual([]);
    expect(letta.schedules.get(id)!.schedule).toEqual({ type: 'recurring', cron_expression: '*/5 * * * *' });
    const again = await runCli(['--now', '2027-03-20T12:00:00Z', 'sync'], { env });
    expect(again.stderr).toContain('Nothing to change');
    expect(again.stdout).toBe('');
  });
});

describe('sync of an adopted schedule whose cron Letta holds with other spacing', () => {
  it('is the same schedule: neither marked gone nor left unsynced', async () => {
    const stranger = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0  14 * * 1-5' }, 'Standup');
    const adopted = await cli('recurring', 'adopt', stranger.id, '--tz', 'America/New_York');
    expect(adopted.code, adopted.stderr).toBe(0);
    const synced = await cli('sync');
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).not.toContain('another schedule');
    expect(synced.stdout).not.toContain('gone');
  });
});
