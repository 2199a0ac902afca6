import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEY, type FakeLetta } from '../helpers/fake-letta';
import { useTwoServers } from '../helpers/two-servers';
import { AGENT, NOW } from '../helpers/suite';
import { cliEnv, runCli } from '../helpers/run-cli';

/**
 * cli.md: "Each record belongs to the server it was made on (the normalised base URL); a command acts
 * only on the records of the server it talks to." Two servers that hand out the same schedule ids
 * (two fakes here; in life a restored copy of a server, or one server reached by two base URLs).
 */
const servers = useTwoServers();
let a: FakeLetta;
let b: FakeLetta;
beforeAll(() => ({ a, b } = servers));

describe('records of intent of two servers whose ids collide', () => {
  it("an edit on one server leaves the other server's record, and its schedule, alone", async () => {
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    expect((await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on A', '--cron', 'every day at 9am', '--tz', 'Europe/Paris', '-q')).stdout.trim()).toBe('sm-000001');
    expect((await on(b, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on B', '--cron', 'every day at 9am', '--tz', 'Asia/Tokyo', '-q')).stdout.trim()).toBe('sm-000001');

    // Each server's get says its own kept time.
    expect((await on(a, 'recurring', 'get', 'sm-000001')).stdout).toContain('Europe/Paris');
    expect((await on(b, 'recurring', 'get', 'sm-000001')).stdout).toContain('Asia/Tokyo');

    expect((await on(b, 'recurring', 'edit', 'sm-000001', '--message', 'B edited')).code).toBe(0);
    const sync = await on(a, 'sync', '--json');
    expect(sync.code).toBe(0);
    // A's schedule was never touched by anything run against A: sync must not delete it.
    expect(a.requests('DELETE')).toHaveLength(0);
    expect(a.schedules.has('sm-000001')).toBe(true);
    expect((await on(a, 'recurring', 'get', 'sm-000001')).stdout).toContain('Europe/Paris');
  });

  it('pausing the same id on two servers keeps both saved copies, each resumed on its own server as it was', async () => {
    a.reset(() => Date.parse(NOW));
    b.reset(() => Date.parse(NOW));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on A', '--cron', '0 9 * * *');
    await on(b, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on B', '--cron', '0 10 * * *');
    expect((await on(a, 'recurring', 'pause', 'sm-000001')).code).toBe(0);
    expect((await on(b, 'recurring', 'pause', 'sm-000001')).code).toBe(0);
    expect((await on(a, 'recurring', 'paused', '-q')).stdout.trim()).toBe('sm-000001');
    expect((await on(a, 'recurring', 'resume', 'sm-000001')).code).toBe(0);
    expect((await on(b, 'recurring', 'resume', 'sm-000001')).code).toBe(0);
    const only = (server: FakeLetta) => [...server.schedules.values()].map((s) => [s.schedule.cron_expression, (s.message.messages[0] as { content: string }).content]);
    expect(only(a)).toEqual([['0 9 * * *', 'on A']]);
    expect(only(b)).toEqual([['0 10 * * *', 'on B']]);
  });

  it('a schedule this server holds is its own, though another server recorded the same id: every command acts on it here', async () => {
    a.reset(() => Date.parse(NOW));
    b.reset(() => Date.parse(NOW));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    expect((await on(b, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on B', '--cron', '0 10 * * *', '-q')).stdout.trim()).toBe('sm-000001');
    // A's own sm-000001, made elsewhere (the Letta app): this machine never recorded it against A.
    a.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'on A');

    const get = await on(a, 'recurring', 'get', 'sm-000001');
    expect(get.stderr).not.toContain('recorded on this machine against');
    expect(get.code).toBe(0);
    expect(get.stdout).toContain('on A');
    expect((await on(a, 'history', 'sm-000001')).code).toBe(0);
    const run = await on(a, 'run', 'sm-000001');
    expect(run.code).toBe(0);
    expect(a.requests('POST', /\/messages$/).map((r) => (r.body as { messages: Array<{ content: string }> }).messages[0]!.content)).toEqual(['on A']);
    expect((await on(a, 'recurring', 'adopt', 'sm-000001', '--tz', 'Europe/Paris')).code).toBe(0);
    expect((await on(a, 'recurring', 'pause', 'sm-000001')).code).toBe(0);
    expect((await on(a, 'recurring', 'resume', 'sm-000001', '-q')).stdout.trim()).toBe('sm-000002');
    expect((await on(a, 'recurring', 'delete', 'sm-000002')).code).toBe(0);
    expect(a.schedules.size).toBe(0);
    // B's schedule and record were never touched; an id B recorded that A does not hold is still refused on A.
    expect([...b.schedules.values()].map((s) => s.schedule.cron_expression)).toEqual(['0 10 * * *']);
    expect(b.requests().filter((r) => r.method !== 'GET' && r.method !== 'POST')).toEqual([]);
    expect((await on(b, 'recurring', 'get', 'sm-000001')).stdout).toContain('on B');
    await on(b, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on B too', '--cron', '0 11 * * *');
    expect((await on(b, 'recurring', 'create', '--agent-id', AGENT, '--message', 'only on B', '--cron', '0 12 * * *', '-q')).stdout.trim()).toBe('sm-000003');
    const refused = await on(a, 'recurring', 'get', 'sm-000003');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`sm-000003 was recorded on this machine against ${b.url}/`);
  });

  it('resume of an id paused only on another server is refused there, though this server holds a live schedule of that id', async () => {
    a.reset(() => Date.parse(NOW));
    b.reset(() => Date.parse(NOW));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    await on(b, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on B', '--cron', '0 10 * * *');
    expect((await on(b, 'recurring', 'pause', 'sm-000001')).code).toBe(0);
    a.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'on A');
    const resumed = await on(a, 'recurring', 'resume', 'sm-000001');
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(`sm-000001 was recorded on this machine against ${b.url}/`);
    expect(a.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect((await on(b, 'recurring', 'resume', 'sm-000001')).code).toBe(0);
    expect(b.schedules.size).toBe(1);
  });

  it('resume of an id paused only on another server is refused there, though this server recorded a schedule of that id itself', async () => {
    a.reset(() => Date.parse(NOW));
    b.reset(() => Date.parse(NOW));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    await on(b, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on B', '--cron', '0 10 * * *');
    expect((await on(b, 'recurring', 'pause', 'sm-000001')).code).toBe(0);
    expect((await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on A', '--cron', '0 9 * * *', '-q')).stdout.trim()).toBe('sm-000001');
    a.received.length = 0;
    const resumed = await on(a, 'recurring', 'resume', 'sm-000001');
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(`sm-000001 was recorded on this machine against ${b.url}/`);
    expect(a.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a record from before servers were told apart is not claimed by a server whose schedule of that id is another one: sync there leaves it alone', async () => {
    a.reset(() => Date.parse(NOW));
    b.reset(() => Date.parse(NOW));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const at = (now: string, server: FakeLetta, ...args: string[]) => runCli(['--now', now, '--base-url', server.url, ...args], { env });
    expect((await at(NOW, a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on A', '--cron', 'every day at 9am', '--tz', 'Europe/Paris', '-q')).stdout.trim()).toBe('sm-000001');
    const statePath = join(env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    for (const intent of state.intents) delete intent.server;
    writeFileSync(statePath, JSON.stringify(state));
    // B's sm-000001 is another schedule altogether: another time, another message.
    b.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 6 * * *' }, 'B unrelated');

    for (const now of [NOW, '2027-04-01T00:00:00Z']) {
      const sync = await at(now, b, 'sync');
      expect(sync.code).toBe(0);
      // The first sync there says it leaves the record to the server it was made on; the next has nothing to say.
      expect(sync.stdout).toBe(
        now === NOW
          ? `The record of sm-000001 ('every day at 9am', Europe/Paris) is from before records named their server, and this server's sm-000001 is another schedule: left to the server it was made on, not synced here (agent ${AGENT})\n`
          : '',
      );
    }
    expect(b.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect([...b.schedules.values()].map((s) => s.schedule.cron_expression)).toEqual(['30 6 * * *']);
    // The record is still A's to claim: A's sync keeps A's schedule on Paris time after the change.
    const spring = await at('2027-04-01T00:00:00Z', a, 'sync');
    expect(spring.stdout).toContain('Replaced sm-000001');
    expect([...a.schedules.values()].map((s) => s.schedule.cron_expression)).toEqual(['0 7 * * *']);
  });

  it('a copy paused before servers were told apart is never dropped or overwritten by a resume or pause on a server whose schedule of that id is another one', async () => {
    a.reset(() => Date.parse(NOW));
    b.reset(() => Date.parse(NOW));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on A', '--cron', '0 9 * * *');
    expect((await on(a, 'recurring', 'pause', 'sm-000001')).code).toBe(0);
    const statePath = join(env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    for (const list of ['intents', 'paused']) for (const record of state[list]) delete record.server;
    for (const record of state.paused) if (record.intent) delete record.intent.server;
    writeFileSync(statePath, JSON.stringify(state));
    b.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 6 * * *' }, 'B unrelated');

    // A pause of B's own sm-000001 would save B's schedule over the copy.
    const paused = await on(b, 'recurring', 'pause', 'sm-000001');
    expect(paused.code).toBe(2);
    expect(paused.stderr).toContain(`sm-000001 on ${b.url}/ is another schedule (30 6 * * *) than the one paused on this machine (0 9 * * *); the saved copy is kept`);
    const onB = await on(b, 'recurring', 'resume', 'sm-000001');
    expect(onB.code).toBe(2);
    expect(onB.stderr).toContain(`sm-000001 on ${b.url}/ is another schedule (30 6 * * *) than the one paused on this machine (0 9 * * *); the saved copy is kept`);
    expect(b.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    // The copy is still there, and resumes on A as it was.
    expect((await on(a, 'recurring', 'resume', 'sm-000001')).code).toBe(0);
    expect([...a.schedules.values()].map((s) => [s.schedule.cron_expression, (s.message.messages[0] as { content: string }).content])).toEqual([['0 9 * * *', 'on A']]);
  });

  it("a record from before servers were told apart is claimed by the first server whose command shows it: an edit there never makes the other server's own schedule of that id its to delete", async () => {
    a.reset(() => Date.parse(NOW));
    b.reset(() => Date.parse(NOW));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    const statePath = join(env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
    expect((await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on A', '--cron', 'every day at 9am', '--tz', 'Europe/Paris', '-q')).stdout.trim()).toBe('sm-000001');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    for (const intent of state.intents) delete intent.server;
    writeFileSync(statePath, JSON.stringify(state));
    // B holds a schedule of that id with the recorded cron (a restored copy of A, say): it shows the record first.
    b.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 8 * * *' }, 'on B');

    const edited = await on(b, 'recurring', 'edit', 'sm-000001', '--message', 'B edited');
    expect(edited.code).toBe(0);
    const after = JSON.parse(readFileSync(statePath, 'utf8')).intents as Array<{ schedule_id: string; server?: string; status: string }>;
    expect(after.map((i) => [i.schedule_id, i.status, i.server])).toEqual([
      ['sm-000001', 'replaced', `${b.url}/`],
      ['sm-000002', 'active', `${b.url}/`],
    ]);

    // A's own sm-000001 is A's to edit: the edit changes it and deletes nothing else (it followed B's lineage and deleted it).
    const onA = await on(a, 'recurring', 'edit', 'sm-000001', '--message', 'A edited');
    expect(onA.stderr).not.toContain('already replaced');
    expect(onA.code).toBe(0);
    expect([...a.schedules.values()].map((s) => (s.message.messages[0] as { content: string }).content)).toEqual(['A edited']);
  });
});

describe('sync of a server the record holds nothing for', () => {
  it('names the servers the record holds schedules for, as a base URL written another way finds nothing of its own', async () => {
    a.reset(() => Date.parse(NOW));
    b.reset(() => Date.parse(NOW));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    expect((await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on A', '--cron', 'every day at 9am', '--tz', 'Europe/Paris')).code).toBe(0);
    const sync = await on(b, 'sync');
    expect(sync.code).toBe(0);
    expect(sync.stderr).toContain(`Nothing is recorded for ${b.url}/, the server in use; this machine's record of intent holds 1 schedule for ${a.url}/.`);
    expect(sync.stderr).toContain(`letta-switchboard sync --base-url ${a.url}/`);
    // The server synced has nothing recorded: it says nothing of the others.
    const own = await on(a, 'sync');
    expect(own.stderr).not.toContain('Nothing is recorded');

    // Storing the URL the record holds nothing for says so when it is stored.
    const setB = await runCli(['config', 'set-url', b.url], { env });
    expect(setB.code).toBe(0);
    expect(setB.stderr).toContain(`record of intent holds 1 schedule for ${a.url}/, and none for ${b.url}/`);
    expect(setB.stderr).toContain(`letta-switchboard config set-url ${a.url}`);
    const setA = await runCli(['config', 'set-url', a.url], { env });
    expect(setA.stderr).not.toContain('record of intent');
  });
});
