import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openState } from '../../src/state/store';
import type { FakeLetta } from '../helpers/fake-letta';
import { seedKeptSchedules, WINTER } from '../helpers/kept-schedules';
import { runCli } from '../helpers/run-cli';
import { killedAtRequest, nothingLeftAfterKill, syncedAfterKill } from '../helpers/after-kill';
import { useFakeLetta } from '../helpers/suite';

/**
 * kill -9 of delete, pause and resume of several ids with several requests in
 * flight, at every request they send; then sync: the record stands for exactly
 * what the server has, nothing doubled, nothing lost.
 */
const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const COUNT = 4;
const cli = (...args: string[]) => runCli(['--now', WINTER, ...args], { env });

describe('kill -9 with several ids in flight, at every request', () => {
  const scenarios: Array<{ verb: 'delete' | 'pause' | 'resume'; paused?: true }> = [{ verb: 'delete' }, { verb: 'pause' }, { verb: 'resume', paused: true }];
  for (const { verb, paused } of scenarios) {
    it(`recurring ${verb} of ${COUNT} ids, 4 at once`, async () => {
      const prepared = async () => {
        const ids = await seedKeptSchedules(letta, env, { count: COUNT });
        if (paused) expect((await cli('recurring', 'pause', ...ids)).code).toBe(0);
        letta.latencyMs = 20;
        letta.maxInFlight = 0;
        return ids;
      };
      const args = (ids: string[]) => ['--now', WINTER, 'recurring', verb, ...ids, '--concurrency', '4'];
      // How many requests it sends when nothing stops it, and that they overlap.
      const ids0 = await prepared();
      letta.received.length = 0;
      expect((await runCli(args(ids0), { env })).code).toBe(0);
      const requests = letta.received.length;
      expect(letta.maxInFlight).toBe(4);
      for (let k = 1; k <= requests; k++) {
        const at = `killed at request ${k} of ${requests}`;
        letta.reset(() => Date.parse(WINTER));
        env = { ...env, HOME: join(env.HOME!, `${verb}${k}`) };
        const ids = await prepared();
        await killedAtRequest(letta, env, args(ids), k);
        letta.latencyMs = 0;
        const { record, onServer } = await syncedAfterKill(letta, env, WINTER, at);
        // Nothing lost: each schedule on the server or saved as paused (unless deleting it was the point). A pause killed
        // between saving a copy and deleting the schedule leaves both, as one id does; pausing again finishes it.
        // A delete that landed before the kill is this tool's, not one made outside it.
        if (verb === 'delete') expect([record.paused, record.intents.filter((i) => i.status === 'gone').map((i) => i.schedule_id)], at).toEqual([[], []]);
        else if (verb === 'resume') expect(onServer.length + record.paused.length, at).toBe(COUNT);
        else {
          expect(new Set([...onServer, ...record.paused.map((p) => p.old_id)]), at).toEqual(new Set(ids));
          const again = await cli('recurring', 'pause', ...ids);
          expect(again.code, `${at}: ${again.stderr}`).toBe(0);
          expect(letta.schedules.size, at).toBe(0);
          expect((await openState(env, env.HOME!).read()).paused.map((p) => p.old_id).sort(), at).toEqual([...ids].sort());
        }
        await nothingLeftAfterKill(letta, env, WINTER, at);
      }
    }, 300_000);
  }
});

describe('a sync beside a delete of several ids', () => {
  it('waits for the ids under way: every deleted schedule is recorded as deleted, none as gone elsewhere', async () => {
    const ids = await seedKeptSchedules(letta, env, { count: 40 });
    letta.latencyMs = 20;
    const deleting = runCli(['--now', WINTER, 'recurring', 'delete', ...ids, '--json'], { env });
    while (letta.requests('DELETE').length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    const syncing = runCli(['--now', WINTER, 'sync', '--json'], { env });
    const [deleted, synced] = await Promise.all([deleting, syncing]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(synced.code, synced.stderr).toBe(0);
    expect(letta.schedules.size).toBe(0);
    const record = await openState(env, env.HOME!).read();
    expect(record.intents.map((i) => [i.schedule_id, i.status])).toEqual(ids.map((id) => [id, 'deleted']));
  }, 60_000);
});

describe("a person's command beside a long delete of several ids", () => {
  it('waits for at most one hold of the changes lock (about 2 s), not for the whole delete', async () => {
    const ids = await seedKeptSchedules(letta, env, { count: 61 });
    const other = ids.pop()!;
    letta.latencyMs = 100;
    const started = Date.now();
    const deleting = runCli(['--now', WINTER, 'recurring', 'delete', ...ids, '--concurrency', '2'], { env, timeoutMs: 60_000 });
    while (letta.requests('DELETE').length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const asked = Date.now();
    const paused = await runCli(['--now', WINTER, 'recurring', 'pause', other], { env, timeoutMs: 60_000 });
    const waited = Date.now() - asked;
    const deleted = await deleting;
    expect([deleted.code, paused.code]).toEqual([0, 0]);
    const whole = Date.now() - started;
    expect(whole).toBeGreaterThan(5_000);
    expect(waited, `waited ${waited} ms`).toBeLessThan(3_500);
  }, 90_000);
});
