import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { TEST_KEY, type FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { interruptedAtCreate as interruptedInRun } from '../helpers/interrupted';

/* What a user running the built CLI from a terminal, a script or cron sees when things go wrong or overlap. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env, timeoutMs: 30_000 });

function healthy() {
  const weekly = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 9 * * 1' }, 'Weekly review');
  weekly.created_at = '2026-11-01T00:00:00.000Z';
  weekly.next_scheduled_time = '2026-11-23T09:30:00.000Z';
  letta.addFire(weekly.id, Date.parse('2026-11-16T09:30:04Z'));
}

describe('status --notify', () => {
  it('an all-clear notification that fails is said once, and exits 5', async () => {
    healthy();
    for (const target of [`${letta.url}/notify/hook`, 'http://127.0.0.1:1/notify']) {
      letta.inject(/^POST \/notify\//, { status: 500, body: 'down' }, { status: 500, body: 'down' });
      const r = await cli('status', '--notify', target, '--notify-ok', '-q');
      expect(r.code, target).toBe(5);
      expect(r.stdout, target).toBe('');
      expect(r.stderr.match(/Could not notify/g), `${target}: ${r.stderr}`).toHaveLength(1);
    }
  });
});

describe('status --notify when the check itself fails', () => {
  it("a refused key or Letta out of reach is notified too (cron throws the output away), exit code the error's; bad usage and all well are not", async () => {
    const hook = `${letta.url}/notify/hook`;
    expect((await cli('status', '--notify', hook)).code).toBe(0);
    expect((await cli('status', '--notify', hook, '--since', 'banana')).code).toBe(2);
    expect(letta.notified).toEqual([]);

    const refused = await cli('--api-key', 'sk-revoked-0000000000000000', 'status', '--notify', hook);
    expect(refused.code).toBe(4);
    const unreachable = await runCli(['--now', NOW, '--base-url', 'http://127.0.0.1:1', 'status', '--notify', hook, '--json'], { env });
    expect([unreachable.code, unreachable.stdout]).toEqual([5, '']);
    expect(letta.notified).toHaveLength(2);
    const [key, network] = letta.notified.map((note) => note.body as Record<string, unknown>);
    expect(key).toMatchObject({ needs_attention: true, text: expect.stringMatching(/^letta-switchboard status could not check: Letta answered 401/) });
    expect(network).toMatchObject({ needs_attention: true, problems: [expect.stringContaining('Cannot reach 127.0.0.1:1')] });
    expect(JSON.stringify(letta.notified)).not.toContain('sk-revoked');
    expect(JSON.stringify(letta.notified)).not.toContain(TEST_KEY);
  });
});

describe('status --notify --dry-run beside --json and -q', () => {
  it('stdout keeps one JSON document, or the ids; the notification it would send is on stderr, and nothing is sent', async () => {
    const stuck = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) - 3_600_000 }, 'Held');
    const hook = `${letta.url}/notify/hook`;
    const json = await cli('status', '--notify', hook, '--dry-run', '--json');
    expect(json.code).toBe(6);
    expect(JSON.parse(json.stdout).needs_attention).toBe(true);
    const sent = json.stderr.split('\n').find((line) => line.startsWith('{'));
    expect(JSON.parse(sent!)).toMatchObject({ method: 'POST', url: hook, body: { needs_attention: true } });
    const quiet = await cli('status', '--notify', hook, '--dry-run', '-q');
    expect([quiet.code, quiet.stdout]).toEqual([6, `${stuck.id}\n`]);
    expect(quiet.stderr).toContain(`POST ${hook}\n`);
    expect(letta.notified).toEqual([]);
  });
});

describe('two applies on one folder', () => {
  it('the one that waits says so, then finds nothing left to do', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'letta-schedules-test-')), 'letta-schedules');
    mkdirSync(dir);
    for (const n of [1, 2, 3]) writeFileSync(join(dir, `f${n}.md`), `---\nagent: ${AGENT}\nwhen: "0 ${n} * * *"\n---\nMessage ${n}\n`);
    letta.latencyMs = 300;
    const first = cli('apply', '-f', dir, '--concurrency', '1');
    // The second starts once the first holds the lock (its first request has arrived).
    await new Promise<void>((resolve) => (letta.onRequest = () => resolve()));
    letta.onRequest = undefined;
    const second = await cli('apply', '-f', dir);
    const one = await first;
    expect([one.code, second.code]).toEqual([0, 0]);
    expect(second.stderr).toMatch(/^Waiting for another letta-switchboard \(process \d+\) changing the lock file .*letta-schedules\.lock\.json/m);
    expect(second.stderr).toContain('Nothing to change');
    expect(one.stderr).not.toContain('Waiting');
    expect(letta.requests('POST')).toHaveLength(3);
  }, 60_000);
});

describe('ids from an empty stdin', () => {
  it('delete - and pause - with --json print an empty array, as resume - does, and exit 0', async () => {
    for (const command of [
      ['onetime', 'delete'],
      ['recurring', 'delete'],
      ['recurring', 'pause'],
      ['recurring', 'resume'],
    ]) {
      for (const input of ['', '\n\r\n  \n']) {
        const r = await runCli(['--now', NOW, ...command, '-', '--json'], { env, input });
        expect([r.code, r.stdout, r.stderr], `${command.join(' ')} ${JSON.stringify(input)}`).toEqual([0, '[]\n', '']);
      }
    }
    expect(letta.received.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

/** Run the built CLI and press Ctrl-C (SIGINT) as the server receives its first create, whose answer then never comes. */
const interruptedAtCreate = (args: string[]) => interruptedInRun(letta, env, ['--now', NOW, ...args]);

const messages = () => [...letta.schedules.values()].map((s) => (s.message.messages[0] as { content: string }).content).sort();

describe('Ctrl-C as a change is created, then status and sync', () => {
  it('an edit cut off after its create: status says the change is unfinished (exit 6) until sync finishes it', async () => {
    const made = await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'Europe/Paris', '-q');
    const old = made.stdout.trim();
    const edit = await interruptedAtCreate(['recurring', 'edit', old, '--message', 'Standup, edited']);
    expect(edit.code).toBe(130);
    // Both fire until the edit is finished: the user must be told.
    expect(messages()).toEqual(['Standup', 'Standup, edited']);

    const status = await cli('status', '--json');
    expect(status.code).toBe(6);
    expect(JSON.parse(status.stdout).record.unfinished_creates).toEqual([expect.objectContaining({ agent_id: AGENT, phrase: 'every weekday at 9am', replacing: old })]);
    const human = await cli('status');
    expect(human.code).toBe(6);
    expect(human.stderr).toContain(`Unfinished    a create of 'every weekday at 9am' (replacing ${old})`);

    expect((await cli('sync')).code).toBe(0);
    expect(messages()).toEqual(['Standup, edited']);
    const after = await cli('status', '--json');
    expect([after.code, JSON.parse(after.stdout).record.unfinished_creates]).toEqual([0, []]);
  }, 60_000);

  it('an edit cut off after its create, then the schedule deleted: the edited copy that landed is deleted too', async () => {
    const old = (await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'Europe/Paris', '-q')).stdout.trim();
    expect((await interruptedAtCreate(['recurring', 'edit', old, '--message', 'Standup, edited'])).code).toBe(130);
    expect(messages()).toEqual(['Standup', 'Standup, edited']);

    const copy = [...letta.schedules.values()].find((s) => s.id !== old)!.id;
    const deleted = await cli('recurring', 'delete', old);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout + deleted.stderr).toContain(`Deleted recurring schedule ${old} and ${copy}, the copy an unfinished change of it made`);
    expect(messages()).toEqual([]);
    expect((await cli('status')).code).toBe(0);
  }, 60_000);

  it('an edit cut off after its create, then the schedule paused: the edited copy that landed is deleted too, said; resume brings back the schedule as it was', async () => {
    const old = (await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'Europe/Paris', '-q')).stdout.trim();
    expect((await interruptedAtCreate(['recurring', 'edit', old, '--message', 'Standup, edited'])).code).toBe(130);
    expect(messages()).toEqual(['Standup', 'Standup, edited']);
    const copy = [...letta.schedules.values()].find((s) => s.id !== old)!.id;

    const paused = await cli('recurring', 'pause', old);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stdout + paused.stderr).toContain(`deleted ${copy} too, the copy an unfinished change of it made (resume brings back ${old} as it was before that change)`);
    expect(messages()).toEqual([]);
    expect(
      letta
        .requests('DELETE')
        .map((r) => r.path.split('/').pop())
        .sort(),
    ).toEqual([old, copy].sort());
    const status = await cli('status');
    expect(status.code, status.stderr).toBe(0);

    const resumed = await cli('recurring', 'resume', old);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(messages()).toEqual(['Standup']);
    expect((await cli('sync', '--json')).stdout.trim()).toBe('[]');
    expect(messages()).toEqual(['Standup']);
  }, 60_000);

  it('a resume cut off after its create: status says so (exit 6) until sync finishes it', async () => {
    const made = await cli('recurring', 'create', '--message', 'Ping', '--cron', '0 9 * * *', '-q');
    const old = made.stdout.trim();
    expect((await cli('recurring', 'pause', old)).code).toBe(0);
    const resume = await interruptedAtCreate(['recurring', 'resume', old]);
    expect(resume.code).toBe(130);
    expect(messages()).toEqual(['Ping']);

    const status = await cli('status', '--json');
    expect(status.code).toBe(6);
    expect(JSON.parse(status.stdout).record.unfinished_creates).toEqual([expect.objectContaining({ agent_id: AGENT, resuming: old })]);

    expect((await cli('sync')).code).toBe(0);
    expect(messages()).toEqual(['Ping']);
    const after = await cli('status', '--json');
    expect([after.code, JSON.parse(after.stdout).record.unfinished_creates, JSON.parse(after.stdout).record.paused]).toEqual([0, [], []]);
  }, 60_000);

  it('a series cut off at its first create, then paused: the member that landed stops firing too, and status asks for nothing', async () => {
    const made = await interruptedAtCreate(['recurring', 'create', '--message', 'Weekly', '--cron', 'every monday at 9am', '--count', '3']);
    expect(made.code).toBe(130);
    expect(messages()).toEqual(['Weekly']);
    const series = JSON.parse((await cli('status', '--json')).stdout).record.unfinished_creates[0].series_id as string;

    expect((await cli('recurring', 'pause', series)).code).toBe(0);
    expect(messages()).toEqual([]);
    const paused = await cli('status', '--json');
    expect([paused.code, JSON.parse(paused.stdout).record.unfinished_creates]).toEqual([0, []]);
    // Resumed, it is whole again: each of its three fires once.
    expect((await cli('recurring', 'resume', series)).code).toBe(0);
    expect(messages()).toEqual(['Weekly', 'Weekly', 'Weekly']);
  }, 60_000);

  it('a series cut off at its first create, then deleted: the member that landed is deleted too, and status no longer asks for a sync', async () => {
    const made = await interruptedAtCreate(['recurring', 'create', '--message', 'Weekly', '--cron', 'every monday at 9am', '--count', '3']);
    expect(made.code).toBe(130);
    // Its first member landed, its answer lost.
    expect(messages()).toEqual(['Weekly']);
    const cut = await cli('status', '--json');
    expect(cut.code).toBe(6);
    const series = JSON.parse(cut.stdout).record.unfinished_creates[0].series_id as string;
    expect(series).toMatch(/^series-/);

    expect((await cli('recurring', 'delete', series)).code).toBe(0);
    // Nothing of a deleted series keeps firing.
    expect(messages()).toEqual([]);
    expect((await cli('sync')).code).toBe(0);
    const after = await cli('status', '--json');
    expect([after.code, JSON.parse(after.stdout).record.unfinished_creates]).toEqual([0, []]);
  }, 60_000);
});

describe('agenda --ics beside --json and -q', () => {
  it('--ics FILE writes the calendar and leaves stdout to --json and -q as without it; --ics - with either is bad usage', async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    const dir = mkdtempSync(join(tmpdir(), 'letta-ics-'));
    const plain = await cli('agenda', '--json');
    const file = join(dir, 'a.ics');
    const json = await cli('agenda', '--ics', file, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(readFileSync(file, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const quiet = await cli('agenda', '--ics', join(dir, 'b.ics'), '-q');
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, (await cli('agenda', '-q')).stdout, '']);
    expect(readFileSync(join(dir, 'b.ics'), 'utf8')).toBe(readFileSync(file, 'utf8'));

    for (const flag of ['--json', '-q']) {
      const both = await cli('agenda', '--ics', '-', flag);
      expect([both.code, both.stdout], flag).toEqual([2, '']);
      expect(both.stderr, flag).toMatch(/^Error: --ics - writes the calendar to stdout/);
    }
  });
});

describe('a phrase left unquoted', () => {
  it('the hint names the flag after the command that took one word, never a global option before the command', async () => {
    const before = await runCli(['--tz', 'Europe/Paris', '--now', NOW, 'parse', 'tomorrow', 'at', '9am'], { env });
    expect(before.code).toBe(2);
    expect(before.stderr).not.toContain('Quote a phrase');
    const after = await runCli(['--tz', 'Europe/Paris', 'send', '--agent-id', AGENT, '--message', 'hello', 'there'], { env });
    expect(after.code).toBe(2);
    expect(after.stderr).toContain('Quote a phrase with spaces: --message "hello there"\n');
    expect(letta.received).toEqual([]);
  });
});

describe('a record of intent that cannot be read', () => {
  it('a series is refused before anything is created (its id would name nothing), and a plain create still works', async () => {
    const stateDir = join(env.HOME!, 'state');
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, 'state.json'), '{not json');
    const withState = { ...env, LETTA_SWITCHBOARD_STATE_DIR: stateDir };
    const series = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Weekly', '--cron', 'every monday at 9am', '--count', '3', '-q'], { env: withState });
    expect([series.code, series.stdout]).toEqual([2, '']);
    expect(series.stderr).toContain(`Error: A series is kept in the record of intent, which cannot be read: The state file ${join(stateDir, 'state.json')} is not valid JSON`);
    expect(letta.requests('POST')).toEqual([]);
    // A set too: its id would name nothing, and its hint to delete it together would never work.
    const set = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Stretch', '--cron', 'every 90 minutes', '-q'], { env: withState });
    expect([set.code, set.stdout]).toEqual([2, '']);
    expect(set.stderr).toContain('Error: A set is kept in the record of intent, which cannot be read');
    expect(set.stderr).toContain('then create the set again; nothing was created');
    expect(letta.requests('POST')).toEqual([]);
    const plain = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Daily', '--cron', '0 9 * * *', '-q'], { env: withState });
    expect(plain.code).toBe(0);
    expect(letta.schedules.size).toBe(1);
    expect(readFileSync(join(stateDir, 'state.json'), 'utf8')).toBe('{not json');
  });

  it('delete of several ids still deletes, reports each id and exits by the rule, with one warning', async () => {
    const stateDir = join(env.HOME!, 'state');
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, 'state.json'), '{not json');
    const withState = { ...env, LETTA_SWITCHBOARD_STATE_DIR: stateDir };
    const once = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 3_600_000 }, 'Once');
    const other = letta.addSchedule(AGENT, { type: 'one-time', scheduled_at: Date.parse(NOW) + 7_200_000 }, 'Twice');
    const r = await runCli(['--now', NOW, 'onetime', 'delete', once.id, other.id, 'sm-404', '--json'], { env: withState });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: once.id, agent_id: AGENT, deleted: true },
      { id: other.id, agent_id: AGENT, deleted: true },
      { id: 'sm-404', deleted: false, error: expect.stringContaining("No schedule 'sm-404'") },
    ]);
    expect(r.stderr).not.toMatch(/bug|Cannot read properties/);
    expect(r.stderr.match(/Not recorded in the record of intent/g)).toHaveLength(1);
    expect(letta.schedules.size).toBe(0);
    expect(readFileSync(join(stateDir, 'state.json'), 'utf8')).toBe('{not json');
  });
});

describe('a record of intent that cannot be read, to a command that only reads', () => {
  it('list still lists what Letta has, and says once, on stderr, that it goes on without the record', async () => {
    const stateDir = join(env.HOME!, 'state');
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, 'state.json'), '{not json');
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Daily');
    const r = await runCli(['--now', NOW, 'recurring', 'list'], { env: { ...env, LETTA_SWITCHBOARD_STATE_DIR: stateDir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('0 9 * * *');
    expect(r.stderr.match(/going on without the record of intent/g)).toHaveLength(1);
    expect(r.stderr).toContain(`The state file ${join(stateDir, 'state.json')} is not valid JSON`);
  });
});

describe('two syncs at once', () => {
  it('the second says it waits for the first, then has nothing left to change; each schedule replaced once', async () => {
    const early = (...args: string[]) => runCli(['--now', '2026-11-22T15:00:00Z', ...args], { env, timeoutMs: 60_000 });
    for (const n of [1, 2, 3, 4]) expect((await early('recurring', 'create', '--message', `m${n}`, '--cron', 'every day at 9am', '--tz', 'America/New_York')).code).toBe(0);
    // After the spring DST change every one needs replacing.
    const later = (...args: string[]) => runCli(['--now', '2027-03-20T15:00:00Z', ...args], { env, timeoutMs: 60_000 });
    letta.now = () => Date.parse('2027-03-20T15:00:00Z');
    letta.latencyMs = 150;
    const first = later('sync', '--concurrency', '1');
    // Its first replacement under way: it holds the sync lock.
    await new Promise<void>((resolve) => (letta.onRequest = (request) => request.method === 'POST' && resolve()));
    letta.onRequest = undefined;
    const second = await later('sync');
    const one = await first;
    expect([one.code, second.code]).toEqual([0, 0]);
    expect(second.stderr).toMatch(/^Waiting for another sync \(process \d+\) to finish$/m);
    expect(second.stderr).toContain('Nothing to change');
    expect(one.stderr).not.toContain('Waiting');
    expect(letta.requests('DELETE')).toHaveLength(4);
    expect([...letta.schedules.values()].map((s) => s.schedule.cron_expression)).toEqual(Array(4).fill('0 13 * * *'));
  }, 60_000);
});

describe('a sync after one that was killed', () => {
  it('takes over the lock its dead process left without saying it waits for it', async () => {
    const stateDir = join(env.HOME!, 'state');
    mkdirSync(stateDir, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(stateDir, 'sync.lock'), `${JSON.stringify({ pid: dead, host: hostname(), since: Date.parse(NOW), token: `${dead}-killed` })}\n`);
    const r = await runCli(['--now', NOW, 'sync'], { env: { ...env, LETTA_SWITCHBOARD_STATE_DIR: stateDir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('Waiting');
  });
});

describe('config set-agent-id of a name two agents share', () => {
  it('saves it and warns that it stays ambiguous, saying to save an id (not "until it exists")', async () => {
    const r = await cli('config', 'set-agent-id', 'twin');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Warning: 2 agents are named 'twin'");
    expect(r.stderr).toContain('fail while the name is shared; save one of these ids instead (letta-switchboard config set-agent-id ID).');
    expect(r.stderr).not.toContain('until it exists');
  });
});
