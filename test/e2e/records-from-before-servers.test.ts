import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEY, type FakeLetta } from '../helpers/fake-letta';
import { useTwoServers } from '../helpers/two-servers';
import { AGENT, NOW } from '../helpers/suite';
import { cliEnv, runCli } from '../helpers/run-cli';

/**
 * cli.md: "Each record belongs to the server it was made on". A record written before records named
 * their server counts for every server until a sync claims it; one whose id the server in use has
 * already recorded as its own is another server's (two servers that hand out the same ids).
 */
const servers = useTwoServers();
let a: FakeLetta;
let b: FakeLetta;
beforeAll(() => ({ a, b } = servers));

/**
 * Both servers reset and a fresh state folder; a schedule made on each server given (every day at 9am in its zone,
 * each sm-000001), then every record made to name no server, as records written before servers were told apart.
 */
async function madeBeforeServers(made: Array<{ server: FakeLetta; message: string; zone: string }>) {
  a.reset(() => Date.parse(NOW));
  b.reset(() => Date.parse(NOW));
  const stateDir = mkdtempSync(join(tmpdir(), 'letta-switchboard-legacy-'));
  const env = cliEnv({ LETTA_API_KEY: TEST_KEY, LETTA_SWITCHBOARD_STATE_DIR: stateDir });
  const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
  for (const { server, message, zone } of made) {
    expect((await on(server, 'recurring', 'create', '--agent-id', AGENT, '--message', message, '--cron', 'every day at 9am', '--tz', zone, '-q')).stdout.trim()).toBe('sm-000001');
  }
  const file = join(stateDir, 'state.json');
  const state = JSON.parse(readFileSync(file, 'utf8'));
  for (const intent of state.intents) delete intent.server;
  writeFileSync(file, JSON.stringify(state));
  return { on, file };
}

describe('a record from before servers were told apart, and a record of the same id made on the server in use', () => {
  it("sync on that server neither claims the old record nor moves the server's schedule to the old record's time", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'letta-switchboard-legacy-'));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY, LETTA_SWITCHBOARD_STATE_DIR: stateDir });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    expect((await on(a, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on A', '--cron', 'every day at 9am', '--tz', 'Europe/Paris', '-q')).stdout.trim()).toBe('sm-000001');
    // As a record written before records named their server.
    const file = join(stateDir, 'state.json');
    const state = JSON.parse(readFileSync(file, 'utf8'));
    for (const intent of state.intents) delete intent.server;
    writeFileSync(file, JSON.stringify(state));
    expect((await on(b, 'recurring', 'create', '--agent-id', AGENT, '--message', 'on B', '--cron', 'every day at 9am', '--tz', 'Asia/Tokyo', '-q')).stdout.trim()).toBe('sm-000001');
    const tokyo = b.schedules.get('sm-000001')!.schedule.cron_expression;

    const synced = await on(b, 'sync', '--json');
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toEqual([]);
    expect(b.requests('DELETE')).toHaveLength(0);
    expect(b.requests('POST')).toHaveLength(1);
    expect([...b.schedules.values()].map((s) => s.schedule.cron_expression)).toEqual([tokyo]);
    const recorded = JSON.parse(readFileSync(file, 'utf8')).intents.map((i: { schedule_id: string; server?: string; zone: string }) => `${i.schedule_id} ${i.server ?? '-'} ${i.zone}`);
    expect(recorded.sort()).toEqual([`sm-000001 - Europe/Paris`, `sm-000001 ${b.url.replace(/\/?$/, '/')} Asia/Tokyo`].sort());
  });
});

describe('a record set aside as unreadable that names another server', () => {
  it('is named by commands on that server only', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'letta-switchboard-skipped-'));
    const env = cliEnv({ LETTA_API_KEY: TEST_KEY, LETTA_SWITCHBOARD_STATE_DIR: stateDir });
    const on = (server: FakeLetta, ...args: string[]) => runCli(['--now', NOW, '--base-url', server.url, ...args], { env });
    const serverOf = (fake: FakeLetta) => new URL(fake.url).href;
    writeFileSync(join(stateDir, 'state.json'), JSON.stringify({ version: 2, intents: [{ schedule_id: 'sm-000009', server: serverOf(b), zone: 42 }], series: [], paused: [] }));
    const onA = await on(a, 'recurring', 'list', '--agent-id', AGENT);
    expect(onA.code, onA.stderr).toBe(0);
    expect(onA.stderr).not.toContain('set aside');
    const onB = await on(b, 'recurring', 'list', '--agent-id', AGENT);
    expect(onB.stderr).toContain('A record in the state file is set aside');
  });
});

describe('a record from before servers were told apart, and an unrelated schedule of the same id on another server', () => {
  /** A schedule recorded on A at 9am Paris, its record made to name no server; B holds a schedule of the same id made elsewhere, at another time. */
  async function setUp() {
    const { on, file } = await madeBeforeServers([{ server: a, message: 'on A', zone: 'Europe/Paris' }]);
    b.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 17 * * 1' }, 'made elsewhere on B');
    const record = () => JSON.parse(readFileSync(file, 'utf8')).intents.find((i: { zone: string }) => i.zone === 'Europe/Paris');
    return { on, record };
  }

  it("get on the other server shows its schedule without the old record's kept time", async () => {
    const { on, record } = await setUp();
    const shown = await on(b, 'recurring', 'get', 'sm-000001', '--agent-id', AGENT);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('30 17 * * 1');
    expect(shown.stdout).not.toContain('Kept at');
    expect(shown.stdout).not.toContain('Europe/Paris');
    // Known now as none of B's, the old record does not make B refuse its own id as recorded elsewhere.
    expect(record().not_on).toEqual([new URL(b.url).href]);
    const deleted = await on(b, 'recurring', 'delete', 'sm-000001', '--agent-id', AGENT);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(record().status).toBe('active');
  });

  it('delete on the other server deletes its schedule and leaves the old record to the server it was made on', async () => {
    const { on, record } = await setUp();
    const deleted = await on(b, 'recurring', 'delete', 'sm-000001', '--agent-id', AGENT);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(b.schedules.has('sm-000001')).toBe(false);
    expect(record().status).toBe('active');
    // A still keeps its schedule: the old record is claimed there and followed.
    const synced = await on(a, 'sync', '--json');
    expect(synced.code, synced.stderr).toBe(0);
    expect(record().server).toBe(new URL(a.url).href);
    expect(record().status).toBe('active');
    const kept = await on(a, 'recurring', 'get', 'sm-000001', '--agent-id', AGENT);
    expect(kept.stdout).toContain('Kept at');
  });

  it('sync on the other server leaves its schedule as it is and the old record to the server it was made on', async () => {
    const { on, record } = await setUp();
    const synced = await on(b, 'sync', '--json');
    expect(synced.code, synced.stderr).toBe(0);
    expect(b.requests('POST').length + b.requests('DELETE').length).toBe(0);
    expect(b.schedules.get('sm-000001')!.schedule.cron_expression).toBe('30 17 * * 1');
    expect(record().not_on).toEqual([new URL(b.url).href]);
    // Said, once: the record drops out of this server's syncs and status.
    expect(JSON.parse(synced.stdout)).toEqual([{ action: 'disowned', agent_id: AGENT, id: 'sm-000001', timezone: 'Europe/Paris', ok: true, exist: [] }]);
    const again = await on(b, 'sync');
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/Nothing to change/);
    const status = await on(b, 'status', '--json');
    expect(status.stdout).not.toContain('Europe/Paris');
    expect((await on(a, 'sync', '--json')).code).toBe(0);
    expect(record().server).toBe(new URL(a.url).href);
  });
});

describe("sync -q on a server that shows another schedule under such a record's id", () => {
  it('prints no id (it changed nothing), says on stderr that the record is left to its server, and status counts nothing changed', async () => {
    const { on } = await madeBeforeServers([{ server: a, message: 'on A', zone: 'Europe/Paris' }]);
    b.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 17 * * 1' }, 'made elsewhere on B');

    const quiet = await on(b, 'sync', '-q');
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toContain('left to the server it was made on');
    const status = JSON.parse((await on(b, 'status', '--json')).stdout);
    expect(status.record.last_sync.changed).toEqual([]);
    expect(status.record.last_sync.skipped).toEqual([expect.stringContaining('left to the server it was made on')]);
  });
});

describe("a schedule of another agent under such a record's id", () => {
  it('is not taken for the record by a command given it: the record stays for the server it was made on', async () => {
    const { on, file } = await madeBeforeServers([{ server: a, message: 'on A', zone: 'Europe/Paris' }]);
    // B's sm-000001 has the record's very cron, but is another agent's: Letta never gives one id to two schedules.
    const other = b.agents.find((agent) => agent.id !== AGENT)!.id;
    b.addSchedule(other, { type: 'recurring', cron_expression: a.schedules.get('sm-000001')!.schedule.cron_expression! }, 'made elsewhere on B');

    const got = await on(b, 'recurring', 'get', 'sm-000001', '--agent-id', other, '--json');
    expect(got.code, got.stderr).toBe(0);
    const record = () => JSON.parse(readFileSync(file, 'utf8')).intents[0] as { server?: string; not_on?: string[] };
    expect(record().server).toBeUndefined();
    expect((await on(a, 'sync', '--json')).code).toBe(0);
    expect(record().server).toBe(new URL(a.url).href);
  });
});

describe('two records from before servers were told apart with the same id, one made on each server', () => {
  it.each([['sync'], ['get']])('%s on one server takes the record of its own schedule and leaves the other server its own', async (command) => {
    const { on, file } = await madeBeforeServers([
      { server: a, message: 'on A', zone: 'Europe/Paris' },
      { server: b, message: 'on B', zone: 'Asia/Tokyo' },
    ]);
    const paris = a.schedules.get('sm-000001')!.schedule.cron_expression;

    const ran = command === 'sync' ? await on(a, 'sync') : await on(a, 'recurring', 'get', 'sm-000001', '--agent-id', AGENT, '--json');
    expect(ran.code, ran.stderr).toBe(0);
    if (command === 'sync')
      expect(ran.stdout).toBe(
        `The record of sm-000001 ('every day at 9am', Asia/Tokyo) is from before records named their server, and this server's sm-000001 is another schedule: left to the server it was made on, not synced here (agent ${AGENT})\n`,
      );
    const recorded = () =>
      JSON.parse(readFileSync(file, 'utf8'))
        .intents.map((i: { server?: string; not_on?: string[]; zone: string }) => `${i.zone} ${i.server ?? '-'} not on ${(i.not_on ?? []).join(',') || '-'}`)
        .sort();
    const urlOf = (fake: FakeLetta) => new URL(fake.url).href;
    expect(recorded()).toEqual([`Asia/Tokyo - not on ${urlOf(a)}`, `Europe/Paris ${urlOf(a)} not on -`]);
    expect(a.requests('POST')).toHaveLength(1);
    expect(a.schedules.get('sm-000001')!.schedule.cron_expression).toBe(paris);

    // B's sync then takes the other record, and moves nothing on either server.
    const onB = await on(b, 'sync', '--json');
    expect(onB.code, onB.stderr).toBe(0);
    expect(JSON.parse(onB.stdout)).toEqual([]);
    expect(recorded()).toEqual([`Asia/Tokyo ${urlOf(b)} not on ${urlOf(a)}`, `Europe/Paris ${urlOf(a)} not on -`]);
  });
});

describe('a record from before servers were told apart, changed on the server it was made on', () => {
  it.each([
    ['edit', ['--message', 'changed']],
    ['resume', []],
  ] as const)('%s records the new schedule as made on that server', async (how, flags) => {
    const { on, file } = await madeBeforeServers([{ server: a, message: 'on A', zone: 'Europe/Paris' }]);
    if (how === 'resume') {
      const paused = await on(a, 'recurring', 'pause', 'sm-000001');
      expect(paused.code, paused.stderr).toBe(0);
    }
    const ran = how === 'edit' ? await on(a, 'recurring', 'edit', 'sm-000001', '--agent-id', AGENT, ...flags) : await on(a, 'recurring', 'resume', 'sm-000001');
    expect(ran.code, ran.stderr).toBe(0);
    const intents = JSON.parse(readFileSync(file, 'utf8')).intents as Array<{ schedule_id: string; status: string; server?: string }>;
    const standing = intents.filter((i) => i.status === 'active');
    expect(standing.map((i) => [i.schedule_id, i.server])).toEqual([['sm-000002', new URL(a.url).href]]);
  });
});
