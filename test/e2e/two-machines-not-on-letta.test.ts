import { describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, useFakeLetta } from '../helpers/suite';
import { laptopAndServer } from '../helpers/two-machines';

/** Two machines (two state folders) sharing one record of intent: one changes a schedule, the other acts on its id. */
const suite = useFakeLetta({ defaultAgent: false });
const WHY = 'is recorded on this machine but not on Letta (deleted outside letta-switchboard, or paused on another machine)';
const ONCE_WHY = 'is recorded on this machine but not on Letta (deleted outside letta-switchboard, or edited or deleted on another machine)';

const writes = (letta: FakeLetta) => letta.requests().filter((r) => r.method !== 'GET');

describe('acting on a schedule this machine records but Letta no longer has', () => {
  it('recurring edit and pause of one paused on another machine: exit 3, said as get says it, nothing sent or recorded', async () => {
    const { letta } = suite;
    const { laptop, server, share, serverRecord } = laptopAndServer(letta);
    const id = (await laptop('recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q')).stdout.trim();
    share();
    expect((await laptop('recurring', 'pause', id)).code).toBe(0);
    const before = serverRecord();
    letta.received.length = 0;
    const get = await server('recurring', 'get', id);
    for (const args of [
      ['recurring', 'edit', id, '--message', 'Standup, now'],
      ['recurring', 'edit', id, '--cron', 'every day at 10am'],
      ['recurring', 'pause', id],
    ]) {
      const run = await server(...args);
      expect(run.code, args.join(' ')).toBe(3);
      expect(run.stderr).toContain(`Error: Schedule '${id}' ${WHY}`);
      expect(run.stderr).toContain(`Paused on another machine, it fires again once resumed there (sync here follows it). Its past fires: letta-switchboard history ${id}`);
      expect(run.stderr).not.toContain('for any of your');
      // The same two lines as recurring get.
      expect(run.stderr.split('\n').filter((line) => line.startsWith('Error:') || line.includes('history'))).toEqual(
        get.stderr.split('\n').filter((line) => line.startsWith('Error:') || line.includes('history')),
      );
    }
    expect(writes(letta)).toEqual([]);
    expect(serverRecord()).toBe(before);
    // Deleted here, it is not on Letta to delete: said so, with how it comes back, and recorded as deleted here.
    const del = await server('recurring', 'delete', id);
    expect(del.code).toBe(0);
    expect(del.stderr).toContain(
      `${id} was no longer on Letta (deleted outside letta-switchboard, or paused on another machine, whose resume would make it again, or a delete of it whose answer was lost); recorded as deleted here, nothing to do`,
    );
    expect(writes(letta)).toEqual([]);
    // An id no record holds is still unknown.
    expect((await server('recurring', 'edit', 'sm-999999', '--message', 'x')).stderr).toContain("Error: No schedule 'sm-999999' for any of your");
  });

  it("onetime edit and get of one deleted on another machine: exit 3, with a one-time schedule's reasons", async () => {
    const { letta } = suite;
    const { laptop, server, share, serverRecord } = laptopAndServer(letta);
    const id = (await laptop('onetime', 'create', '--agent-id', AGENT, '--message', 'Ping', '--execute-at', 'tomorrow at 9am', '--tz', 'America/New_York', '-q')).stdout.trim();
    share();
    expect((await laptop('onetime', 'delete', id)).code).toBe(0);
    const before = serverRecord();
    letta.received.length = 0;
    for (const args of [
      ['onetime', 'edit', id, '--message', 'Pong'],
      ['onetime', 'get', id],
    ]) {
      const run = await server(...args);
      expect(run.code, args.join(' ')).toBe(3);
      expect(run.stderr).toContain(`Error: Schedule '${id}' ${ONCE_WHY}`);
      expect(run.stderr).toContain(`letta-switchboard sync records it gone here. Its past fires: letta-switchboard history ${id}`);
    }
    expect(writes(letta)).toEqual([]);
    expect(serverRecord()).toBe(before);
  });

  it('an id the record follows to another (a resume there, followed by sync here): a dry-run edit names the id to use', async () => {
    const { letta } = suite;
    const { laptop, server, share } = laptopAndServer(letta);
    const id = (await laptop('recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q')).stdout.trim();
    share();
    expect((await laptop('recurring', 'pause', id)).code).toBe(0);
    const resumed = (await laptop('recurring', 'resume', id, '-q')).stdout.trim();
    expect((await server('sync')).stdout).toContain(`${id} was made again elsewhere as ${resumed}`);
    letta.received.length = 0;
    const edit = await server('recurring', 'edit', id, '--message', 'Standup, now', '--dry-run');
    expect(edit.code).toBe(3);
    expect(edit.stderr).toContain(`Error: Schedule '${id}' is recorded on this machine but not on Letta: the record follows it to ${resumed}`);
    expect(edit.stderr).toContain(`Act on ${resumed} instead (see it with: letta-switchboard recurring get ${resumed})`);
    expect(writes(letta)).toEqual([]);
  });
});

describe('a series paused on another machine, deleted here', () => {
  async function pausedThere(letta: FakeLetta) {
    const machines = laptopAndServer(letta);
    const made = await machines.laptop('recurring', 'create', '--agent-id', AGENT, '--message', 'Water the plants', '--cron', 'every day at 9am', '--count', '3', '--tz', 'America/New_York', '--json');
    const seriesId = (JSON.parse(made.stdout) as { series_id: string }).series_id;
    const got = JSON.parse((await machines.laptop('recurring', 'get', seriesId, '--json')).stdout) as { members: Array<{ id: string }> };
    machines.share();
    return { ...machines, seriesId, members: got.members.map((one) => one.id) };
  }

  it('says none of its schedules was on Letta and that a resume there makes them again; exit 0, no delete sent, recorded as deleted here', async () => {
    const { letta } = suite;
    const { laptop, server, seriesId, members } = await pausedThere(letta);
    expect(members).toHaveLength(3);
    expect((await laptop('recurring', 'pause', seriesId)).code).toBe(0);
    letta.received.length = 0;
    const del = await server('recurring', 'delete', seriesId);
    expect(del.code).toBe(0);
    expect(del.stdout + del.stderr).not.toContain('Deleted series');
    expect(del.stderr).toContain(
      `Series ${seriesId}: none of its 3 one-time schedules was on Letta (deleted outside letta-switchboard, or paused on another machine, whose resume would make them again); nothing deleted there, recorded as deleted here`,
    );
    expect(writes(letta)).toEqual([]);
    const get = await server('recurring', 'get', seriesId);
    expect(get.code).toBe(3);
    expect(get.stderr).toContain(`Error: Series '${seriesId}' was deleted`);
    // As said: the machine that paused it still holds it, and its resume makes it again.
    expect((await laptop('recurring', 'resume', seriesId)).code).toBe(0);
    expect(letta.schedules.size).toBe(3);
  });

  it('one of its schedules deleted outside: the others are deleted and that one is named, not counted as deleted', async () => {
    const { letta } = suite;
    const { server, seriesId, members } = await pausedThere(letta);
    const [first, ...rest] = members as [string, ...string[]];
    letta.schedules.delete(first);
    // Asked first with --dry-run: a DELETE for each of the others only.
    const dry = await server('recurring', 'delete', seriesId, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.match(/DELETE \S+/g)?.map((line) => line.split('/').at(-1))).toEqual(rest);
    letta.received.length = 0;
    const del = await server('recurring', 'delete', seriesId);
    expect(del.code).toBe(0);
    expect(del.stderr).toContain(
      `Deleted series ${seriesId} (2 one-time schedules; 1 more not on Letta (deleted outside letta-switchboard, or paused on another machine, whose resume would make it again): ${first})`,
    );
    expect(writes(letta).map((r) => r.path.split('/').at(-1))).toEqual(rest);
    expect(letta.schedules.size).toBe(0);
  });
});
