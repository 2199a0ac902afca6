import { describe, expect, it } from 'vitest';
import { useHarness, useSecondServer, type RunOptions } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

/** Two servers at once: the harness's (A) and a second one (B) whose ids never look like A's. */
const h = useHarness();
const b = useSecondServer(h);

const onA = (args: string[], options?: RunOptions) => h.run(args, options);
const onB = (args: string[], options?: RunOptions) => h.run(args, { ...options, env: { LETTA_BASE_URL: b.url, ...options?.env } });
const serverA = () => `${h.letta.url}/`;

const recurring = async (cron: string, ...extra: string[]) =>
  (await onA(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', cron, '--tz', 'Europe/London', '-q', ...extra])).stdout.trim().split('\n');
const onetime = async () => (await onA(['onetime', 'create', '--agent-id', AGENT, '--message', 'Ping', '--execute-at', 'tomorrow at 9am', '--tz', 'Europe/London', '-q'])).stdout.trim();

/** Refused on B: exit 2, the message names A and how to act there, and B was asked nothing that changes anything. */
async function refusedOnB(args: string[]): Promise<void> {
  const before = b.received.length;
  const r = await onB(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(`recorded on this machine against ${serverA()}, not ${b.url}/`);
  expect(r.stderr).toContain(`--base-url ${serverA()}`);
  expect(r.stderr).toContain('LETTA_BASE_URL');
  expect(b.received.slice(before).filter((req) => req.method !== 'GET')).toEqual([]);
  expect(r.stdout).toBe('');
}

describe('records tied to the server they were made on', () => {
  it('every command given a schedule id recorded against another server refuses it, naming that server', async () => {
    const [id] = await recurring('every weekday at 8am');
    for (const args of [
      ['recurring', 'get', id!],
      ['recurring', 'edit', id!, '--message', 'Other'],
      ['recurring', 'delete', id!],
      ['recurring', 'pause', id!],
      ['recurring', 'adopt', id!, '--tz', 'UTC'],
      ['run', id!],
      ['history', id!],
    ])
      await refusedOnB(args);
    expect(h.letta.schedules.has(id!)).toBe(true);
    expect(b.schedules.size).toBe(0);
  });

  it('one-time schedules, sets, series, paused ids and short prefixes are refused the same way', async () => {
    const once = await onetime();
    await refusedOnB(['onetime', 'get', once]);
    await refusedOnB(['onetime', 'edit', once, '--message', 'Other']);
    await refusedOnB(['onetime', 'delete', once]);
    await refusedOnB(['run', once]);

    const set = await recurring('every 90 minutes');
    expect(set).toHaveLength(2);
    const recordedSet = /set-[0-9a-f-]+/.exec((await onA(['recurring', 'get', set[0]!])).stdout)![0];
    for (const verb of ['get', 'delete', 'pause', 'resume', 'edit']) await refusedOnB(['recurring', verb, recordedSet]);
    await refusedOnB(['run', recordedSet]);

    const series = (await onA(['recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'Europe/London', '-q'])).stdout.trim();
    expect(series).toMatch(/^series-/);
    for (const verb of ['get', 'delete', 'pause', 'resume']) await refusedOnB(['recurring', verb, series]);
    await refusedOnB(['run', series]);

    const [toPause] = await recurring('every day at 7am');
    expect((await onA(['recurring', 'pause', toPause!])).code).toBe(0);
    await refusedOnB(['recurring', 'resume', toPause!]);
    await refusedOnB(['recurring', 'get', toPause!]);
    await refusedOnB(['run', toPause!]);

    // A short prefix of an id only A's record holds (B's ids start "sb-b", so none of them match it).
    const short = toPause!.replace(/^sm-/, '').slice(0, 6);
    await refusedOnB(['recurring', 'get', short]);
    await refusedOnB(['recurring', 'resume', short]);
    expect(h.letta.schedules.size).toBe(1 + 2 + 3);
  });

  it("another server's records never show in this server's lists, and its own ids still work", async () => {
    await recurring('every weekday at 8am');
    await recurring('every 90 minutes');
    await onetime();
    await onA(['recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'Europe/London']);
    const [paused] = await recurring('every day at 7am');
    await onA(['recurring', 'pause', paused!]);
    const mine = (await onB(['recurring', 'create', '--agent-id', AGENT, '--message', 'On B', '--cron', 'every day at 10am', '--tz', 'UTC', '-q'])).stdout.trim();
    expect(mine).toMatch(/^sb-/);
    for (const args of [
      ['recurring', 'list', '--json'],
      ['onetime', 'list', '--json'],
      ['recurring', 'paused', '--json'],
      ['agenda', '--agent-id', AGENT, '--json'],
    ]) {
      const r = await onB(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/sm-0|series-|set-/);
    }
    expect((await onB(['recurring', 'list', '-q'])).stdout.trim()).toBe(mine);
    // Shell completion offers only this server's ids.
    expect((await onB(['completion', '--candidates', 'schedules'])).stdout.trim()).toBe(mine);
    expect((await onA(['completion', '--candidates', 'schedules'])).stdout).toMatch(/series-/);
    expect((await onB(['recurring', 'get', mine, '-q'])).stdout.trim()).toBe(mine);
    const deleted = await onB(['recurring', 'delete', mine]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(b.schedules.size).toBe(0);
    // A still lists its own.
    expect((await onA(['recurring', 'list', '-q'])).stdout.trim().split('\n').length).toBeGreaterThanOrEqual(2);
  });

  it('agenda --id of a set or series recorded against another server refuses it naming that server (it said none was in the record, exit 3)', async () => {
    const series = (await onA(['recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'Europe/London', '-q'])).stdout.trim();
    await recurring('every 90 minutes');
    const set = (await onA(['recurring', 'list', '-q'])).stdout.split('\n').find((id) => id.startsWith('set-'))!;
    for (const id of [series, set]) await refusedOnB(['agenda', '--id', id]);
    expect((await onA(['agenda', '--id', series, '-q'])).stdout.trim().split('\n')).toHaveLength(3);
  });

  it('the once-a-day notice that sync has not run is said once a day for each server, not once for all', async () => {
    await recurring('every weekday at 8am');
    await onB(['recurring', 'create', '--agent-id', AGENT, '--message', 'On B', '--cron', 'every day at 10am', '--tz', 'Europe/London']);
    const notice = 'sync has not run yet; local times may drift';
    const said = async (on: typeof onA) => (await on(['recurring', 'list'])).stderr.includes(notice);
    expect([await said(onA), await said(onB), await said(onA), await said(onB)]).toEqual([true, true, false, false]);
  });

  it("recurring paused with nothing paused here names the other servers' paused copies this machine keeps, and how to see them", async () => {
    const [paused] = await recurring('every day at 7am');
    await onA(['recurring', 'pause', paused!]);
    const series = (await onA(['recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'Europe/London', '-q'])).stdout.trim();
    await onA(['recurring', 'pause', series]);
    const r = await onB(['recurring', 'paused']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Nothing is paused on this machine for ${b.url}/. Paused for other servers: 2 for ${serverA()} (see them with --base-url ${serverA()}).`);
    expect((await onB(['recurring', 'paused', '--json'])).stdout.trim()).toBe('[]');
    expect((await onA(['recurring', 'paused', '-q'])).stdout.trim().split('\n').sort()).toEqual([paused!, series].sort());
  });
});

describe('a step that keeps what it read', () => {
  it('adopting a recorded schedule again says what it was kept at before', async () => {
    const [id] = await recurring('every weekday at 8am');
    const adopted = await onA(['recurring', 'adopt', id!, '--tz', 'America/New_York']);
    expect(adopted.code, adopted.stderr).toBe(0);
    expect(adopted.stderr).toContain('Local cron  0 8 * * 1-5 in Europe/London → 0 3 * * 1-5 in America/New_York');
  });
});
