import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();
type Json = Record<string, any>;
const state = (): Json => JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8'));
const at = (now: string) => (args: string[]) => h.run([...args, '--now', now]);
const day1 = at('2026-11-22T15:00:00Z');
const day3 = at('2026-11-24T12:00:00Z');
const onServer = () => [...h.letta.schedules.values()].map((s) => new Date(s.schedule.scheduled_at!).toISOString()).sort();
const changing = (requests: Array<{ method: string }>) => requests.filter((r) => r.method !== 'GET');
const INSTANTS = ['2026-11-23T09:00:00.000Z', '2026-11-24T09:00:00.000Z', '2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z', '2026-11-27T09:00:00.000Z'];

async function series(): Promise<string> {
  const made = await day1(['recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '5', '--tz', 'Europe/London']);
  expect(made.code, made.stderr).toBe(0);
  expect(onServer()).toEqual(INSTANTS);
  return made.stdout.trim();
}

describe('recurring pause and resume of a series id', () => {
  it('pause deletes every member still to fire and keeps the series on this machine, listed as one paused row', async () => {
    const id = await series();
    const paused = await day1(['recurring', 'pause', id]);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stderr).toContain(`Paused series ${id}: deleted from Letta, kept on this machine: 5 one-time schedules`);
    expect(h.letta.schedules.size).toBe(0);
    const recorded = state().series[0];
    expect(recorded).toMatchObject({ series_id: id, status: 'paused', paused_at: '2026-11-22T15:00:00.000Z' });
    expect(recorded.members.map((m: Json) => m.paused)).toEqual([true, true, true, true, true]);

    const list = JSON.parse((await day1(['recurring', 'paused', '--json'])).stdout);
    expect(list).toEqual([expect.objectContaining({ id, series_id: id, kind: 'series', phrase: 'every day at 9am', paused_at: '2026-11-22T15:00:00.000Z' })]);
    expect(list[0].members).toHaveLength(5);
    expect((await day1(['recurring', 'paused', '-q'])).stdout.trim()).toBe(id);
    expect((await day1(['recurring', 'list', '-q'])).stdout.trim()).toBe('');
    // While paused, sync neither tops it up nor calls its members deleted elsewhere.
    const synced = await day3(['sync']);
    expect(changing(synced.requests)).toEqual([]);
    expect(synced.stdout).not.toContain('deleted outside');
    const status = JSON.parse((await day1(['status', '--json'])).stdout).record;
    expect(status.paused).toEqual([{ id, agent_id: AGENT, paused_at: '2026-11-22T15:00:00.000Z' }]);
    expect(status.series).toEqual([]);
    // Pausing again deletes nothing new and says so.
    const again = await day1(['recurring', 'pause', id]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('is already paused');
  });

  it('resume creates the members still ahead; those due while paused are skipped and still count', async () => {
    const id = await series();
    await day1(['recurring', 'pause', id]);
    const resumed = await day3(['recurring', 'resume', id]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout.trim()).toBe(id);
    expect(resumed.stderr).toContain(`Resumed series ${id}: created 3 one-time schedules; runs due while it was paused are skipped`);
    expect(onServer()).toEqual(INSTANTS.slice(2));
    const recorded = state().series[0];
    expect(recorded.status).toBe('active');
    expect(recorded.members.map((m: Json) => [m.instant, m.gone === true])).toEqual(INSTANTS.map((instant, i) => [instant, i < 2]));
    expect(recorded.members.every((m: Json) => m.paused === undefined)).toBe(true);
    // Whole again: sync has nothing to add (the count of 5 is reached), and the series lists as one row.
    expect(changing((await day3(['sync'])).requests)).toEqual([]);
    expect((await day3(['recurring', 'list', '-q'])).stdout.trim()).toBe(id);
    // Resumed again (as after one cut short): nothing created, exit 0, and where the rest comes from is said.
    h.letta.received.length = 0;
    const again = await day3(['recurring', 'resume', id]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`Series ${id} was already resumed; nothing created. If that resume was cut short, 'letta-switchboard sync' creates the rest.`);
    expect(changing(again.requests)).toEqual([]);
  });

  it('a pause cut short (a delete failing) is finished by sync, or by resume, and nothing is doubled', async () => {
    for (const finish of ['sync', 'resume'] as const) {
      h.letta.reset(h.letta.now);
      h.env.HOME = join(h.env.HOME!, finish);
      const id = await series();
      const DELETE = /^DELETE \/v1\/agents\/[^/]+\/schedule\/sm-000003$/;
      h.letta.inject(DELETE, ...Array.from({ length: 3 }, () => ({ status: 503, headers: { 'retry-after-ms': '1' }, body: '' })));
      const cut = await day1(['recurring', 'pause', id]);
      expect(cut.code).not.toBe(0);
      expect(onServer()).toEqual(INSTANTS.slice(2));
      expect(state().series[0].status).toBe('paused');
      if (finish === 'sync') {
        const synced = await day1(['sync']);
        expect(synced.code, synced.stderr).toBe(0);
        expect(synced.stdout).toContain('of paused series');
        expect(onServer()).toEqual([]);
      }
      const resumed = await day1(['recurring', 'resume', id]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(onServer(), finish).toEqual(INSTANTS);
      expect(state().series[0].members.filter((m: Json) => !m.gone)).toHaveLength(5);
      expect(changing((await day1(['sync'])).requests)).toEqual([]);
    }
  });

  it('status: a series paused part-way needs action while its members left on Letta fire, and not once sync finished the pause', async () => {
    const id = await series();
    expect((await day1(['sync'])).code).toBe(0);
    expect((await day1(['status'])).code).toBe(0);
    h.letta.inject(/^DELETE \/v1\/agents\/[^/]+\/schedule\/sm-000003$/, ...Array.from({ length: 3 }, () => ({ status: 503, headers: { 'retry-after-ms': '1' }, body: '' })));
    expect((await day1(['recurring', 'pause', id])).code).not.toBe(0);
    const left = [...h.letta.schedules.keys()];
    expect(left).toEqual(['sm-000003', 'sm-000004', 'sm-000005']);

    const status = await day1(['status']);
    expect(status.code).toBe(6);
    expect(status.stdout).toContain(`its series ${id} is paused, yet still on Letta (it fires)`);
    expect(status.stderr).toContain('Fire health: 3 schedules checked');
    expect((await day1(['status', '-q'])).stdout.trim().split('\n')).toEqual(left);
    const json = await day1(['status', '--json']);
    expect(json.code).toBe(6);
    const rows = JSON.parse(json.stdout).fire_health.schedules;
    expect(rows.map((row: Json) => [row.schedule_id, row.series_id, row.still_on_letta, row.needs_attention])).toEqual(left.map((one) => [one, id, true, true]));

    expect((await day1(['sync'])).code).toBe(0);
    expect(h.letta.schedules.size).toBe(0);
    expect((await day1(['status'])).code).toBe(0);
  });

  it('recurring paused says a pause cut short may still fire, until pausing again or sync finishes it', async () => {
    for (const finish of ['pause', 'sync'] as const) {
      h.letta.reset(h.letta.now);
      h.env.HOME = join(h.env.HOME!, finish);
      const id = await series();
      h.letta.inject(/^DELETE \/v1\/agents\/[^/]+\/schedule\/sm-000003$/, ...Array.from({ length: 3 }, () => ({ status: 503, headers: { 'retry-after-ms': '1' }, body: '' })));
      expect((await day1(['recurring', 'pause', id])).code).not.toBe(0);
      const cut = await day1(['recurring', 'paused']);
      expect(cut.code).toBe(0);
      expect(cut.stdout).toContain(id);
      expect(cut.stderr).toContain(`the pause of ${id} was cut short before its delete was seen done: it may still be on Letta, firing`);
      expect(JSON.parse((await day1(['recurring', 'paused', '--json'])).stdout)[0].pause_unfinished).toBe(true);

      const finished = await day1(finish === 'pause' ? ['recurring', 'pause', id] : ['sync']);
      expect(finished.code, finished.stderr).toBe(0);
      expect(h.letta.schedules.size).toBe(0);
      // Sync deletes what was left, and the next sync, finding nothing left, records the pause done.
      if (finish === 'sync') expect((await day1(['sync'])).stdout).toContain(`Recorded series ${id} as wholly paused`);
      const after = await day1(['recurring', 'paused', '--json']);
      expect(after.stderr).not.toContain('cut short');
      expect(JSON.parse(after.stdout)[0].pause_unfinished).toBe(false);
      expect(changing((await day1(['sync'])).requests)).toEqual([]);
      expect((await day1(['sync'])).stdout).not.toContain('Recorded');
    }
  });

  it('a set id pauses and resumes whole: every schedule of it, and only those', async () => {
    const ids = (await day1(['recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'UTC', '-q'])).stdout.trim().split('\n');
    const other = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 12 * * *' }, 'Not in the set');
    const setId = state().intents[0].set_id;
    const paused = await day1(['recurring', 'pause', setId]);
    expect(paused.code, paused.stderr).toBe(0);
    expect([...h.letta.schedules.keys()]).toEqual([other.id]);
    expect((await day1(['recurring', 'paused', '-q'])).stdout.trim().split('\n')).toEqual(ids);
    const resumed = await day1(['recurring', 'resume', setId]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const crons = [...h.letta.schedules.values()].map((s) => s.schedule.cron_expression).sort();
    expect(crons).toEqual(['0 */3 * * *', '0 12 * * *', '30 1-22/3 * * *']);
    const standing = state().intents.filter((i: Json) => i.status === 'active');
    expect(standing).toHaveLength(2);
    expect(new Set(standing.map((i: Json) => i.set_id))).toEqual(new Set([setId]));
    expect((await day1(['recurring', 'list', '-q'])).stdout.trim().split('\n').sort()).toEqual([other.id, setId].sort());
  });
});

describe('a paused series deleted', () => {
  it('is deleted whole, its paused members not asked for again as if they were on Letta', async () => {
    const id = await series();
    await day1(['recurring', 'pause', id]);
    h.letta.inject(/^DELETE /, ...Array.from({ length: 5 }, () => ({ status: 404, body: '{"detail":"Scheduled message not found"}' })));
    const deleted = await day1(['recurring', 'delete', id]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(state().series[0].status).toBe('deleted');
    expect((await day1(['recurring', 'paused', '-q'])).stdout.trim()).toBe('');
  });
});
