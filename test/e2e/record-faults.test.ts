import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { openState } from '../../src/state/store';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { BIN, runCli } from '../helpers/run-cli';
import { killedAtRequest, nothingLeftAfterKill, syncedAfterKill } from '../helpers/after-kill';

const CREATE = new RegExp(`^POST /v1/agents/${AGENT}/schedule$`);
const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
type Json = Record<string, unknown>;
/** The record as any command reads it: the state file with the steps in its journal (a killed command leaves them unfolded). */
const intents = async (): Promise<Json[]> => (await openState(env, env.HOME!).read()).intents as unknown as Json[];

/** Run the CLI and kill -9 it as the server receives its k-th request (counting from 1), or the first matching `when`. */
function killedAt(args: string[], when: (request: { method: string; path: string }, n: number) => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [BIN, '--now', NOW, ...args], { env, stdio: 'ignore' });
    let seen = 0;
    letta.onRequest = (request) => {
      if (when(request, ++seen)) child.kill('SIGKILL');
    };
    child.on('close', () => {
      letta.onRequest = undefined;
      resolve();
    });
  });
}

describe('kill -9 between a create being sent and its answer', () => {
  it('the create landed: sync records it once, and nothing is doubled', async () => {
    // The server stores the schedule and never answers: the process dies with its create out.
    letta.inject(CREATE, { hang: true, land: true });
    await killedAt(['recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York'], (r) => r.method === 'POST');
    expect(letta.schedules.size).toBe(1);
    expect((await intents()).map((i) => i.status)).toEqual(['creating']);

    const synced = await cli('sync');
    expect(synced.code, synced.stderr).toBe(0);
    const [id] = [...letta.schedules.keys()];
    expect(synced.stdout).toContain(`Recorded ${id}`);
    expect(letta.schedules.size).toBe(1);
    expect(await intents()).toEqual([expect.objectContaining({ schedule_id: id, status: 'active', zone: 'America/New_York', local_rule: '0 9 * * 1-5' })]);

    const status = await cli('status', '--json');
    expect(status.stdout).not.toContain('creating-');
    expect((await cli('recurring', 'get', id!)).stdout).toContain('Kept at');
  });

  it('killed before the create landed: sync drops the attempt and creates nothing', async () => {
    letta.inject(CREATE, { hang: true });
    await killedAt(['onetime', 'create', '--message', 'Ping', '--execute-at', 'tomorrow at 9am'], (r) => r.method === 'POST');
    expect(letta.schedules.size).toBe(0);
    expect((await intents()).map((i) => i.status)).toEqual(['creating']);
    const synced = await cli('sync');
    expect(synced.code, synced.stderr).toBe(0);
    expect(letta.requests('POST')).toHaveLength(1);
    expect(await intents()).toEqual([]);
  });

  it('a set killed at each of its requests: after sync every schedule on the server is recorded once, as one of the set', async () => {
    const args = ['recurring', 'create', '--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'UTC'];
    expect((await cli(...args)).code).toBe(0);
    const requests = letta.received.length;
    for (let k = 1; k <= requests; k++) {
      letta.reset(() => Date.parse(NOW));
      env = { ...env, HOME: join(env.HOME!, `k${k}`) };
      await killedAt(args, (_r, n) => n === k);
      expect((await cli('sync')).code, `killed at request ${k}`).toBe(0);
      const recorded = (await intents()).filter((i) => i.status === 'active');
      expect(recorded.map((i) => i.schedule_id).sort(), `killed at request ${k}`).toEqual([...letta.schedules.keys()].sort());
      expect(new Set(recorded.map((i) => i.set_id)).size, `killed at request ${k}`).toBeLessThanOrEqual(1);
      // Whole or not made at all: never one cron of the two firing on its own (every 3 hours, not every 90 minutes).
      expect([0, 2], `killed at request ${k}`).toContain(letta.schedules.size);
      expect(
        (await intents()).filter((i) => i.status === 'creating'),
        `killed at request ${k}`,
      ).toEqual([]);
    }
  }, 120_000);

  it('a cron of a set whose create did not land (its answer lost): sync sends it again, so the set is whole; the next sync changes nothing', async () => {
    letta.inject(CREATE, { pass: true }, { status: 500, body: '{"detail":"boom"}' });
    const made = await cli('recurring', 'create', '--message', 'Ninety', '--cron', 'every 90 minutes', '--tz', 'UTC');
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('May have been created (the answer was lost): 30 1-22/3 * * *.');
    const dry = await cli('sync', '--dry-run');
    expect(dry.stderr).toMatch(/Would create the 30 1-22\/3 \* \* \* schedule of set set-\S+: its create had not landed/);
    expect(letta.schedules.size).toBe(1);
    const synced = await cli('sync');
    expect(synced.code, synced.stderr).toBe(0);
    const crons = [...letta.schedules.values()].map((s) => s.schedule.cron_expression).sort();
    expect(crons).toEqual(['0 */3 * * *', '30 1-22/3 * * *']);
    const [, second] = [...letta.schedules.keys()];
    expect(synced.stdout).toMatch(new RegExp(`Created ${second} as the 30 1-22/3 \\* \\* \\* schedule of set set-\\S+: its create had not landed`));
    const recorded = (await intents()).filter((i) => i.status === 'active');
    expect(recorded.map((i) => i.schedule_id).sort()).toEqual([...letta.schedules.keys()].sort());
    expect(new Set(recorded.map((i) => i.set_id)).size).toBe(1);
    const again = await cli('sync', '--json');
    expect(again.code).toBe(0);
    expect(letta.requests('POST')).toHaveLength(3);
    expect(JSON.parse(again.stdout)).toEqual([]);
  });

  it('a cron of a set that did not land, the rest of the set deleted since: the attempt is dropped, nothing created', async () => {
    letta.inject(CREATE, { pass: true }, { status: 500, body: '{"detail":"boom"}' });
    const made = await cli('recurring', 'create', '--message', 'Ninety', '--cron', 'every 90 minutes', '--tz', 'UTC', '--json');
    expect(made.code).toBe(1);
    const setId = JSON.parse(made.stdout).set_id as string;
    expect((await cli('recurring', 'delete', setId)).code).toBe(0);
    const synced = await cli('sync');
    expect(synced.code, synced.stderr).toBe(0);
    expect(letta.schedules.size).toBe(0);
    expect(letta.requests('POST')).toHaveLength(2);
    expect((await intents()).filter((i) => i.status === 'creating')).toEqual([]);
  });
});

describe('kill -9 at every request of a changing command, then sync and status: nothing lost, nothing doubled', () => {
  const DST = '2027-03-15T12:00:00Z';
  const made = async () => {
    const r = await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York', '-q');
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim();
  };
  const scenarios: Array<{ name: string; args: (id: string) => string[]; now?: string; deleted?: true; paused?: true }> = [
    { name: 'resume', args: (id) => ['recurring', 'resume', id], paused: true },
    { name: 'edit', args: (id) => ['recurring', 'edit', id, '--message', 'Standup moved'] },
    { name: 'pause', args: (id) => ['recurring', 'pause', id] },
    { name: 'delete', args: (id) => ['recurring', 'delete', id], deleted: true },
    { name: 'sync after a DST change', args: () => ['sync'], now: DST },
  ];
  for (const scenario of scenarios) {
    it(
      scenario.name,
      async () => {
        const run = (id: string) => ['--now', scenario.now ?? NOW, ...scenario.args(id)];
        // How many requests it sends when nothing stops it.
        const prepared = async () => {
          const id = await made();
          if (scenario.paused) expect((await cli('recurring', 'pause', id)).code).toBe(0);
          return id;
        };
        const id0 = await prepared();
        letta.received.length = 0;
        expect((await runCli(run(id0), { env })).code).toBe(0);
        const requests = letta.received.length;
        expect(requests).toBeGreaterThan(1);
        for (let k = 1; k <= requests; k++) {
          const at = `killed at request ${k} of ${requests}`;
          letta.reset(() => Date.parse(NOW));
          env = { ...env, HOME: join(env.HOME!, `${scenario.name.split(' ')[0]}${k}`) };
          const id = await prepared();
          // The server's clock is the command's: a lost create's landing is a copy made since it was sent.
          letta.now = () => Date.parse(scenario.now ?? NOW);
          await killedAtRequest(letta, env, run(id), k);
          const { record, onServer } = await syncedAfterKill(letta, env, scenario.now ?? NOW, at);
          // Never doubled, never lost: on the server or saved as paused, once (unless deleting it was the point).
          if (scenario.deleted) expect(record.paused, at).toEqual([]);
          else expect(onServer.length + record.paused.length, at).toBe(1);
          await nothingLeftAfterKill(letta, env, scenario.now ?? NOW, at);
        }
      },
      300_000,
    );
  }
});

describe('twenty syncs at once, each its own process, appending to one journal', () => {
  it('replace each schedule once; the record matches the server', async () => {
    for (const [when, zone] of [
      ['every weekday at 9am', 'America/New_York'],
      ['every day at 8am', 'Europe/London'],
      ['every monday at 7:30am', 'Australia/Sydney'],
    ] as const) {
      expect((await cli('recurring', 'create', '--message', `At ${when}`, '--cron', when, '--tz', zone, '-q')).code).toBe(0);
    }
    const created = letta.requests('POST').length;
    const results = await Promise.all(Array.from({ length: 20 }, () => runCli(['--now', '2027-04-06T12:00:00Z', 'sync'], { env })));
    expect(results.map((r) => r.code)).toEqual(Array(20).fill(0));
    // Each of the three moved by its zone's change is replaced once, by one of the twenty.
    expect(letta.requests('POST').length - created).toBe(3);
    expect(letta.requests('DELETE')).toHaveLength(3);
    const record = await openState(env, env.HOME!).read();
    expect(
      record.intents
        .filter((i) => i.status === 'active')
        .map((i) => i.schedule_id)
        .sort(),
    ).toEqual([...letta.schedules.keys()].sort());
    expect(record.intents.filter((i) => i.status === 'replaced')).toHaveLength(3);
  }, 120_000);
});
