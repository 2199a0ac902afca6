import { describe, expect, it } from 'vitest';
import { TEST_KEY, type FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, runCli } from '../helpers/run-cli';
import { journalPath, stateDir, statePath } from '../../src/state/store';
import { laptopAndServer, machineOn } from '../helpers/two-machines';

/** Two machines (two state folders) that both record one schedule: one pauses and resumes it, the other syncs. */
const suite = useFakeLetta({ defaultAgent: false });
const CRON = '0 14 * * *';
const LATER = '2026-12-07T13:00:00Z';

async function bothAdopt(letta: FakeLetta) {
  const old = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
  const { at: laptop } = machineOn(letta);
  const { at: server } = machineOn(letta);
  for (const one of [laptop, server]) expect((await one(NOW, 'recurring', 'adopt', old.id, '--tz', 'America/New_York')).code).toBe(0);
  letta.now = () => Date.now();
  return { old, laptop, server };
}

const writes = (letta: FakeLetta) => letta.requests().filter((r) => r.method !== 'GET');
const ids = (letta: FakeLetta) => [...letta.schedules.keys()];

describe('a schedule paused and resumed on another machine', () => {
  it('is said to be paused there perhaps, and its resumed copy is followed, never made again', async () => {
    const { letta } = suite;
    const { old, laptop, server } = await bothAdopt(letta);
    expect((await laptop(NOW, 'recurring', 'pause', old.id)).code).toBe(0);
    letta.received.length = 0;
    const paused = await server(NOW, 'sync');
    expect(paused.code).toBe(0);
    expect(paused.stdout).toContain(`${old.id} was deleted outside letta-switchboard, or paused on another machine`);
    expect(writes(letta)).toEqual([]);

    const resumed = (await laptop(LATER, 'recurring', 'resume', old.id, '-q')).stdout.trim();
    expect(ids(letta)).toEqual([resumed]);
    letta.received.length = 0;
    const follow = await server(LATER, 'sync');
    expect(follow.code).toBe(0);
    expect(follow.stdout).toContain(`${old.id} was made again elsewhere as ${resumed}`);
    expect(writes(letta)).toEqual([]);
    expect(ids(letta)).toEqual([resumed]);
    expect((await server(LATER, 'recurring', 'get', resumed)).stdout).toContain('America/New_York');
    // Followed: the next sync has nothing to say of either.
    const again = await server(LATER, 'sync');
    expect(again.stdout).not.toContain(old.id);
    expect(writes(letta)).toEqual([]);
  });

  it('paused and resumed between two syncs: the copy is followed, not the schedule marked gone', async () => {
    const { letta } = suite;
    const { old, laptop, server } = await bothAdopt(letta);
    expect((await laptop(NOW, 'recurring', 'pause', old.id)).code).toBe(0);
    const resumed = (await laptop(LATER, 'recurring', 'resume', old.id, '-q')).stdout.trim();
    letta.received.length = 0;
    const sync = await server(LATER, 'sync');
    expect(sync.stdout).toContain(`${old.id} was made again elsewhere as ${resumed}`);
    expect(sync.stdout).not.toContain('marked gone');
    expect(writes(letta)).toEqual([]);
  });

  it('marked gone here, then resumed there after a DST change (its new UTC cron): the copy is followed', async () => {
    const { letta } = suite;
    const { old, laptop, server } = await bothAdopt(letta);
    expect((await laptop(NOW, 'recurring', 'pause', old.id)).code).toBe(0);
    expect((await server(NOW, 'sync')).stdout).toContain(`${old.id} was deleted outside letta-switchboard, or paused on another machine: marked gone`);
    // New York is on EDT from 2027-03-14: 9am there is 13:00 UTC, not 14:00.
    const summer = '2027-03-20T12:00:00Z';
    const resumed = (await laptop(summer, 'recurring', 'resume', old.id, '-q')).stdout.trim();
    expect(letta.schedules.get(resumed)?.schedule.cron_expression).toBe('0 13 * * *');
    letta.received.length = 0;
    const follow = await server(summer, 'sync');
    expect(follow.code).toBe(0);
    expect(follow.stdout).toContain(`${old.id} was made again elsewhere as ${resumed}`);
    expect(writes(letta)).toEqual([]);
    expect(ids(letta)).toEqual([resumed]);
    expect((await server(summer, 'recurring', 'get', resumed)).stdout).toContain('America/New_York');
  });

  it('a schedule at that time with other messages, or two copies, is not followed', async () => {
    const { letta } = suite;
    const { old, laptop, server } = await bothAdopt(letta);
    expect((await laptop(NOW, 'recurring', 'pause', old.id)).code).toBe(0);
    const lunch = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'lunch');
    const other = await server(LATER, 'sync');
    expect(other.stdout).toContain(`${old.id} was deleted outside letta-switchboard`);
    expect(other.stdout).not.toContain(lunch.id);
    const first = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
    const second = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: CRON }, 'standup');
    const two = await server(LATER, 'sync');
    expect(two.stdout).not.toContain('made again elsewhere');
    expect(two.stdout + two.stderr).not.toContain(first.id);
    expect(ids(letta).sort()).toEqual([lunch.id, first.id, second.id].sort());
  });
});

describe('what the other machine says before its sync', () => {
  const WHY = 'not on Letta (deleted outside letta-switchboard, or paused on another machine)';

  it('a schedule paused there: recurring get ID says it is recorded here, not on Letta, and how it comes back, before and after a sync', async () => {
    const { letta } = suite;
    const { old, laptop, server } = await bothAdopt(letta);
    expect((await laptop(NOW, 'recurring', 'pause', old.id)).code).toBe(0);
    for (const synced of [false, true]) {
      if (synced) expect((await server(NOW, 'sync')).stdout).toContain('marked gone');
      const get = await server(NOW, 'recurring', 'get', old.id);
      expect(get.code).toBe(3);
      expect(get.stderr).toContain(`Error: Schedule '${old.id}' is recorded on this machine but ${WHY}`);
      expect(get.stderr).toContain(`Paused on another machine, it fires again once resumed there (sync here follows it). Its past fires: letta-switchboard history ${old.id}`);
    }
    // An id no record holds is still unknown.
    expect((await server(NOW, 'recurring', 'get', 'sm-999999')).stderr).toContain("Error: No schedule 'sm-999999'");
  });

  it('a set schedule paused there: recurring list, get SET_ID and history say it may be paused there, and how it comes back', async () => {
    const { letta } = suite;
    const { laptop, server, share } = laptopAndServer(letta);
    const made = await laptop('recurring', 'create', '--agent-id', AGENT, '--message', 'Stretch', '--cron', 'every 90 minutes', '--tz', 'America/New_York', '--json');
    expect(made.code).toBe(0);
    const { set_id: setId, schedules } = JSON.parse(made.stdout) as { set_id: string; schedules: Array<{ id: string }> };
    const [standing, paused] = schedules.map((one) => one.id) as [string, string];
    // The second machine holds the same record of intent.
    share();
    expect((await laptop('recurring', 'pause', paused)).code).toBe(0);
    expect(ids(letta)).toEqual([standing]);

    const list = await server('recurring', 'list', '--agent-id', AGENT);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`(1 schedule; 1 of its 2 ${WHY}, not firing)`);
    const get = await server('recurring', 'get', setId);
    expect(get.code).toBe(0);
    expect(get.stderr).toContain(
      `1 of its 2 schedules is ${WHY}, not firing: ${paused}. Paused there, it fires again once resumed there (sync here follows it); else, for all of it to fire again, delete ${setId} and create it again.`,
    );
    const history = await server('history', paused);
    expect(history.stderr).toContain(`Note: ${paused} is ${WHY}: nothing after its last send is expected of it.`);
    // A record made before the fingerprint was kept is not followed: only making the set again is said.
    const dir = stateDir(server.env, server.env.HOME!);
    const kept = `${dir}-kept`;
    cpSync(dir, kept, { recursive: true });
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      writeFileSync(join(dir, name), text.replace(/"messages_key": ?"[^"]*",\s*/g, '').replace(/,\s*"messages_key": ?"[^"]*"/g, ''));
    }
    const unprinted = await server('recurring', 'get', setId);
    expect(unprinted.stderr).toContain(`not firing: ${paused}. For all of it to fire again, delete ${setId} and create it again.`);
    cpSync(kept, dir, { recursive: true });
    // As said: resumed there, it is followed here, and the set fires whole again.
    const resumed = (await laptop('recurring', 'resume', paused, '-q')).stdout.trim();
    expect((await server('sync')).stdout).toContain(`${paused} was made again elsewhere as ${resumed}`);
    expect((await server('recurring', 'list', '--agent-id', AGENT)).stdout).toContain('(2 schedules)');
  });
});

describe('what the record keeps of the messages', () => {
  it('a fingerprint, not the text: a long message is not written again into every record of its schedule', async () => {
    const { letta } = suite;
    const text = `Summarise the overnight queue. ${'Keep it short. '.repeat(40)}`;
    const env = cliEnv({ LETTA_BASE_URL: letta.url, LETTA_API_KEY: TEST_KEY });
    const made = await runCli(['--now', NOW, 'recurring', 'create', '--agent-id', AGENT, '--message', text, '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q'], { env });
    expect(made.code).toBe(0);
    const record = [statePath(env, env.HOME!), journalPath(env, env.HOME!)]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    expect(record).toContain(made.stdout.trim());
    expect(record).toMatch(/"messages_key": ?"sha256:[\w-]{43}"/);
    expect(record).not.toContain('Keep it short.');
  });
});
