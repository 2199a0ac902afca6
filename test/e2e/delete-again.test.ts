import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';

/** A delete run twice (a script re-run after a partial failure): what this tool deleted is already done, not unknown. */

const suite = useFakeLetta({ defaultAgent: false });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
const create = async (...args: string[]) => (await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '-q', ...args)).stdout.trim().split('\n');

describe('deleting again what this tool deleted', () => {
  it('says it was already deleted and exits 0, with or without --agent-id, sending no DELETE', async () => {
    const [id] = await create('--cron', '0 9 * * *');
    expect((await cli('recurring', 'delete', id!)).code).toBe(0);
    for (const extra of [[], ['--agent-id', AGENT]]) {
      const before = letta.received.length;
      const again = await cli('recurring', 'delete', id!, ...extra);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(new RegExp(`${id} was already deleted`));
      expect(letta.received.slice(before).filter((r) => r.method === 'DELETE')).toEqual([]);
    }
  });

  it('--json marks it deleted and already so; -q prints its id', async () => {
    const [id] = await create('--cron', '0 9 * * *');
    await cli('recurring', 'delete', id!);
    const json = await cli('recurring', 'delete', id!, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ id, deleted: true, already_deleted: true })]);
    const quiet = await cli('recurring', 'delete', id!, '-q');
    expect(quiet.stdout).toBe(`${id}\n`);
  });

  it('a set deleted whole, deleted again, is already deleted too', async () => {
    const made = await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 90 minutes', '--json');
    const setId = (JSON.parse(made.stdout) as { set_id: string }).set_id;
    expect((await cli('recurring', 'delete', setId)).code).toBe(0);
    const again = await cli('recurring', 'delete', setId);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`${setId} was already deleted`));
  });

  it('a series deleted, deleted again, is already deleted too', async () => {
    const [seriesId] = await create('--cron', 'every day at 9am', '--count', '3');
    expect(seriesId).toMatch(/^series-/);
    expect((await cli('recurring', 'delete', seriesId!)).code).toBe(0);
    const again = await cli('recurring', 'delete', seriesId!);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`${seriesId} was already deleted`));
  });

  it('beside an id nobody knows: that one is still not found (exit 3), the deleted one is said done; onetime delete of it is exit 3', async () => {
    const [id] = await create('--cron', '0 9 * * *');
    await cli('recurring', 'delete', id!);
    const r = await cli('recurring', 'delete', id!, 'sm-999999');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Not deleted: sm-999999\./);
    expect(r.stderr).toMatch(new RegExp(`Deleted 1 of 2: ${id}`));
    // Only what this tool deleted, of the kind asked: a deleted recurring id is no one-time schedule.
    expect((await cli('onetime', 'delete', id!)).code).toBe(3);
    expect((await cli('recurring', 'delete', 'sm-424242')).code).toBe(3);
  });
});

describe('deleting what the record holds as live but Letta no longer has', () => {
  it('a delete whose answer was lost, run again: no longer on Letta, recorded as deleted, exit 0; sync then says nothing of it', async () => {
    const made = await cli('onetime', 'create', '--agent-id', AGENT, '--message', 'Later', '--execute-at', 'in 2 hours', '-q');
    const id = made.stdout.trim();
    letta.inject(/^DELETE /, { reset: true, land: true }, { reset: true }, { reset: true });
    const first = await cli('onetime', 'delete', id);
    expect(first.code).not.toBe(0);
    expect(letta.schedules.has(id)).toBe(false);
    const again = await cli('onetime', 'delete', id);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(
      `${id} was no longer on Letta (deleted outside letta-switchboard, or edited or deleted on another machine, or a delete of it whose answer was lost); recorded as deleted here, nothing to do`,
    );
    const synced = await cli('sync', '--json');
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toEqual([]);
    // A kind it is not, or an id nobody recorded, is still not found.
    expect((await cli('recurring', 'delete', id)).code).toBe(3);
    expect((await cli('onetime', 'delete', 'sm-424242')).code).toBe(3);
  });

  it('a schedule on an agent this key cannot see is not found (exit 3), and its record is left live', async () => {
    const made = await cli('onetime', 'create', '--agent-id', AGENT, '--message', 'Later', '--execute-at', 'in 2 hours', '-q');
    const id = made.stdout.trim();
    letta.agents = letta.agents.filter((agent) => agent.id !== AGENT);
    const r = await cli('onetime', 'delete', id, '--json');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id, deleted: false })]);
    expect(letta.schedules.has(id)).toBe(true);
  });

  it('a set one of whose schedules was deleted elsewhere: the rest deleted, the whole set recorded deleted, exit 0', async () => {
    const made = await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 90 minutes', '--json');
    const { set_id: setId, schedules } = JSON.parse(made.stdout) as { set_id: string; schedules: Array<{ id: string }> };
    letta.schedules.delete(schedules[1]!.id);
    const r = await cli('recurring', 'delete', setId, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id: setId, deleted: true })]);
    expect(letta.schedules.size).toBe(0);
    const again = await cli('recurring', 'delete', setId);
    expect([again.code, again.stderr]).toEqual([0, expect.stringContaining(`${setId} was already deleted`)]);
  });
});
