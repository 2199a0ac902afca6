import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { syncMinute } from '../../src/sync/schedule-line';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness';
import { AGENT } from '../helpers/suite';

const h = useHarness();
const SCHEDULES = `/v1/agents/${AGENT}/schedule`;

function statePath() {
  return join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
}
function state() {
  return JSON.parse(readFileSync(statePath(), 'utf8')) as { intents: Array<Record<string, unknown>>; series: Array<Record<string, unknown>> };
}
const changing = (requests: Array<{ method: string }>) => requests.filter((r) => r.method !== 'GET');

async function createRecurring(phrase: string, zone: string, now: string) {
  const created = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', phrase, '--tz', zone, '--now', now, '-q']);
  expect(created.stderr).not.toContain('Error');
  expect(created.code).toBe(0);
  return created.stdout.trim();
}

describe('sync keeps local time across DST', () => {
  it.each([
    // zone, phrase, created (before the change), cron then, synced (after the change), cron then
    ['America/New_York', 'every weekday at 9am', '2026-11-23T12:00:00Z', '0 14 * * 1-5', '2027-03-16T00:00:00Z', '0 13 * * 1-5'],
    ['Australia/Sydney', 'every weekday at 9am', '2026-11-23T12:00:00Z', '0 22 * * 0-4', '2027-04-06T00:00:00Z', '0 23 * * 0-4'],
    ['Australia/Adelaide', 'every day at 8:30am', '2026-11-23T12:00:00Z', '0 22 * * *', '2027-04-06T00:00:00Z', '0 23 * * *'],
    // 7pm Monday in New York: Tuesday 00:00 UTC in winter, Monday 23:00 UTC in summer.
    ['America/New_York', 'every monday at 7pm', '2026-11-23T12:00:00Z', '0 0 * * 2', '2027-03-16T00:00:00Z', '0 23 * * 1'],
  ])('%s: %s', async (zone, phrase, createdAt, before, syncAt, after) => {
    const oldId = await createRecurring(phrase, zone, createdAt);
    expect(h.letta.schedules.get(oldId)?.schedule.cron_expression).toBe(before);
    expect(state().intents).toEqual([expect.objectContaining({ schedule_id: oldId, zone, status: 'active', utc_crons: [before], phrase })]);

    const quiet = await h.run(['sync', '--now', createdAt]);
    expect(quiet.code).toBe(0);
    expect(changing(quiet.requests)).toEqual([]);

    const synced = await h.run(['sync', '--now', syncAt]);
    expect(synced.stderr).toBe('');
    expect(synced.code).toBe(0);
    const posts = synced.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ schedule: { type: 'recurring', cron_expression: after }, messages: [{ role: 'user', content: 'Standup' }] });
    const newId = [...h.letta.schedules.keys()].find((id) => id !== oldId)!;
    // Listed again at the end: another machine's copy of the replacement (keepFirstCopies).
    expect(synced.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${SCHEDULES}`, `POST ${SCHEDULES}`, `GET ${SCHEDULES}/${newId}`, `DELETE ${SCHEDULES}/${oldId}`, `GET ${SCHEDULES}`]);
    expect([...h.letta.schedules.keys()]).toEqual([newId]);
    expect(synced.stdout).toContain(`Replaced ${oldId} with ${newId}`);
    expect(synced.stdout).toContain(`UTC    ${before} → ${after}`);
    expect(state().intents).toEqual([
      expect.objectContaining({ schedule_id: oldId, status: 'replaced', replaced_by: newId }),
      expect.objectContaining({ schedule_id: newId, status: 'active', utc_crons: [after], replaces: [oldId], zone, phrase }),
    ]);

    const again = await h.run(['sync', '--now', syncAt]);
    expect(again.code).toBe(0);
    expect(changing(again.requests)).toEqual([]);
    expect(again.stderr).toContain('Nothing to change');
  });

  it('--json gives the same facts, and --dry-run sends nothing that changes and records nothing', async () => {
    const oldId = await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    const before = readFileSync(statePath(), 'utf8');
    const dry = await h.run(['sync', '--now', '2027-03-16T00:00:00Z', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(changing(dry.requests)).toEqual([]);
    expect(dry.stderr).toContain(`Would replace ${oldId}`);
    expect(dry.stdout).toContain('"cron_expression": "0 13 * * 1-5"');
    expect(dry.stdout).toContain(`DELETE ${h.letta.url}${SCHEDULES}/${oldId}`);
    expect(readFileSync(statePath(), 'utf8')).toBe(before);

    const json = await h.run(['sync', '--now', '2027-03-16T00:00:00Z', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        action: 'replace',
        ok: true,
        id: oldId,
        old_cron: '0 14 * * 1-5',
        new_cron: '0 13 * * 1-5',
        old_local_cron: '0 10 * * 1-5',
        local_rule: '0 9 * * 1-5',
        timezone: 'America/New_York',
      }),
    ]);
  });

  it('leaves an adopted schedule whose cron is written another way but fires at the same times', async () => {
    const odd = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '*/7 * * * *' }, 'Every seven minutes');
    expect((await h.run(['recurring', 'adopt', odd.id, '--tz', 'America/New_York'])).code).toBe(0);
    for (const now of ['2026-11-23T12:00:00Z', '2027-03-16T00:00:00Z']) {
      const synced = await h.run(['sync', '--now', now]);
      expect(synced.code).toBe(0);
      expect(changing(synced.requests)).toEqual([]);
      const status = await h.run(['status', '--now', now, '--json']);
      expect(JSON.parse(status.stdout).record.wrong_local_time).toEqual([]);
    }
  });

  it('prints a crontab line with absolute paths that logs into the state folder, and systemd units', async () => {
    const result = await h.run(['sync', '--print-cron']);
    const stateDir = join(h.env.HOME!, '.local', 'state', 'letta-switchboard');
    expect(result.stdout).toMatch(/^\d{1,2} \* \* \* \* (\S+=\S+ )*\/\S+ (\/\S+ )?sync --all-agents >> \S+ 2>&1\n$/);
    // This machine and state folder's minute: another state folder (another machine's, say) runs at its own.
    expect(result.stdout.split(' ')[0]).toBe(String(syncMinute({ host: hostname(), stateDir })));
    expect(result.stdout).toContain(` >> ${join(stateDir, 'sync.log')} 2>&1`);
    // The harness names the server by LETTA_BASE_URL, which the job will not have; its key is not written in either.
    expect(result.stdout).not.toContain('--base-url');
    expect(result.stderr).toContain(`This command's server (${h.letta.url}) came from LETTA_BASE_URL, which the job will not have`);
    expect(result.stderr).toContain(`config set-url ${h.letta.url}`);
    expect((await h.run(['config', 'set-url', h.letta.url])).code).toBe(0);
    const fromFile = await h.run(['sync', '--print-cron'], { env: { LETTA_BASE_URL: undefined } });
    expect(fromFile.stderr).not.toContain("This command's server");
    expect(result.stdout).not.toContain('/dev/null');
    expect(result.requests).toEqual([]);
    const systemd = await h.run(['sync', '--print-systemd', '--tz', 'UTC'], { env: { LETTA_SWITCHBOARD_STATE_DIR: '/srv/with space' } });
    expect(systemd.stdout).toContain('Environment="LETTA_SWITCHBOARD_STATE_DIR=/srv/with space"');
    expect(systemd.stdout).toMatch(/ExecStart=\/\S+ .*sync --all-agents/);
    expect(systemd.stdout).toContain('StandardError=append:/srv/with space/sync.log');
    // cron reads % as a newline, systemd as a specifier: each is escaped its way.
    const percent = { LETTA_SWITCHBOARD_STATE_DIR: '/srv/50%off' };
    const cron = await h.run(['sync', '--print-cron'], { env: percent });
    expect(cron.stdout).toContain('LETTA_SWITCHBOARD_STATE_DIR=/srv/50\\%off ');
    expect(cron.stdout).toContain(' >> /srv/50\\%off/sync.log 2>&1');
    const units = await h.run(['sync', '--print-systemd'], { env: percent });
    expect(units.stdout).toContain('Environment="LETTA_SWITCHBOARD_STATE_DIR=/srv/50%%off"\n');
    expect(units.stdout).toContain('StandardOutput=append:/srv/50%%off/sync.log\n');
    const both = await h.run(['sync', '--print-cron', '--print-systemd']);
    expect([both.code, both.stdout]).toEqual([2, '']);
    expect(both.stderr).toContain('Error: --print-cron and --print-systemd each print a whole job; give one');
  });

  it('the log the printed job appends to is made 0600 beforehand, as every file of the state folder, for cron, systemd and launchd', async () => {
    const stateDir = join(h.env.HOME!, '.local', 'state', 'letta-switchboard');
    const log = join(stateDir, 'sync.log');
    const mode = () => statSync(log).mode & 0o777;
    for (const print of ['--print-cron', '--print-systemd', '--print-launchd']) {
      expect((await h.run(['sync', print])).code, print).toBe(0);
      expect(mode(), print).toBe(0o600);
      // One made by an earlier job's redirection, under a umask of 022, is made private too; what it holds is kept.
      writeFileSync(log, 'an earlier sync said this\n');
      chmodSync(log, 0o644);
    }
    expect((await h.run(['sync', '--print-cron'])).code).toBe(0);
    expect(mode()).toBe(0o600);
    expect(readFileSync(log, 'utf8')).toBe('an earlier sync said this\n');
  });

  it("writes each sync's outcome to the state folder, failures included", async () => {
    await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    const outcomes = () => JSON.parse(readFileSync(join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'last-sync.json'), 'utf8')).servers;
    expect((await h.run(['sync', '--now', '2027-03-16T00:00:00Z'])).code).toBe(0);
    expect(outcomes()[`${h.letta.url}/`]).toMatchObject({ ok: true, exit_code: 0, at: '2027-03-16T00:00:00.000Z', changed: [expect.stringContaining('Replaced')] });
    const revoked = await h.run(['sync', '--now', '2027-03-17T00:00:00Z'], { env: { LETTA_API_KEY: 'sk-let-revoked-0000000000' } });
    expect(revoked.code).toBe(4);
    expect(outcomes()[`${h.letta.url}/`]).toMatchObject({ ok: false, exit_code: 4, errors: [expect.stringContaining('401')] });
  });

  it("a sync of one agent that goes well keeps a failed sync of every agent's outcome; a mistaken agent name or a sync with nothing recorded writes none", async () => {
    const other = 'agent-22222222-2222-2222-2222-222222222222';
    const path = join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'last-sync.json');
    const outcome = () => JSON.parse(readFileSync(path, 'utf8')).servers[`${h.letta.url}/`];
    expect((await h.run(['sync', '--all-agents'])).code).toBe(0);
    expect(existsSync(path)).toBe(false);
    expect((await h.run(['sync', '--agent-id', 'twin'])).code).toBe(2);
    expect(existsSync(path)).toBe(false);
    await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    const made = await h.run(['recurring', 'create', '--agent-id', other, '--message', 'x', '--cron', 'every day at 8am', '--tz', 'America/New_York', '--now', '2026-11-23T12:00:00Z']);
    expect(made.code).toBe(0);
    h.letta.inject(new RegExp(`^GET /v1/agents/${other}/schedule`), { status: 500 }, { status: 500 }, { status: 500 });
    const failed = await h.run(['sync', '--all-agents', '--now', '2026-11-24T00:00:00Z']);
    expect(failed.code).toBe(1);
    expect(outcome()).toMatchObject({ ok: false });
    const one = await h.run(['sync', '--agent-id', AGENT, '--now', '2026-11-24T01:00:00Z']);
    expect(one.code).toBe(0);
    expect(outcome()).toMatchObject({ ok: false, at: '2026-11-24T00:00:00.000Z' });
    const status = await h.run(['status', '--now', '2026-11-24T02:00:00Z']);
    expect(status.code).toBe(6);
    expect(status.stdout + status.stderr).toContain('The last sync (2026-11-24T00:00:00.000Z) failed');
    expect((await h.run(['sync', '--all-agents', '--now', '2026-11-24T03:00:00Z'])).code).toBe(0);
    expect(outcome()).toMatchObject({ ok: true, at: '2026-11-24T03:00:00.000Z' });
    // Another agent's failure is not cleared by this agent's good sync either.
    h.letta.inject(new RegExp(`^GET /v1/agents/${other}/schedule`), { status: 500 }, { status: 500 }, { status: 500 });
    expect((await h.run(['sync', '--agent-id', other, '--now', '2026-11-24T04:00:00Z'])).code).toBe(1);
    expect((await h.run(['sync', '--agent-id', AGENT, '--now', '2026-11-24T05:00:00Z'])).code).toBe(0);
    expect(outcome()).toMatchObject({ ok: false, at: '2026-11-24T04:00:00.000Z' });
  });

  it('--dry-run says a series member deleted elsewhere would be marked gone, and marks nothing', async () => {
    const series = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 9am', '--count', '3', '--tz', 'UTC', '--now', '2026-11-23T12:00:00Z', '-q']);
    expect(series.code).toBe(0);
    const [first] = [...h.letta.schedules.keys()];
    h.letta.schedules.delete(first!);
    const state = join(h.env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json');
    const before = readFileSync(state, 'utf8');
    const dry = await h.run(['sync', '--dry-run', '--now', '2026-11-23T12:05:00Z']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain(`${first} of series ${series.stdout.trim()} was deleted outside letta-switchboard: would be marked gone, not re-created`);
    expect(readFileSync(state, 'utf8')).toBe(before);
  });

  it('the confirmation of a local-time schedule in a DST zone says how to keep it exact', async () => {
    const result = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'x', '--cron', 'every weekday at 9am', '--tz', 'America/New_York']);
    expect(result.stderr).toContain('letta-switchboard sync');
    expect(result.stderr).toContain('letta-switchboard sync --print-cron');
  });
});

describe('sync faults', () => {
  it('a failed create keeps the old schedule and says so', async () => {
    const oldId = await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    h.letta.inject(/^POST .*\/schedule$/, { status: 400, body: JSON.stringify({ detail: 'Invalid cron expression' }) });
    const result = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${oldId} is kept unchanged; no new schedule exists`);
    expect(result.stderr).toMatch(/^Error: Could not replace /m);
    expect([...h.letta.schedules.keys()]).toEqual([oldId]);
    expect(state().intents).toEqual([expect.objectContaining({ schedule_id: oldId, status: 'active' })]);
    // Under --json the failure is in the document and, as every error, on stderr.
    h.letta.inject(/^POST .*\/schedule$/, { status: 400, body: JSON.stringify({ detail: 'Invalid cron expression' }) });
    const json = await h.run(['sync', '--now', '2027-03-16T00:00:00Z', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ action: 'replace', ok: false })]);
    expect(json.stderr).toMatch(/^Error: Could not replace /m);
  });

  it('a failed delete keeps both, says so, and the next sync deletes the old one', async () => {
    const oldId = await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    h.letta.inject(/^DELETE /, { status: 500 }, { status: 500 }, { status: 500 });
    const result = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(result.code).toBe(1);
    const newId = [...h.letta.schedules.keys()].find((id) => id !== oldId)!;
    expect(result.stderr).toContain(`Both exist: ${oldId}`);
    expect(result.stderr).toContain(newId);
    expect([...h.letta.schedules.keys()].sort()).toEqual([oldId, newId].sort());

    const retry = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(retry.code).toBe(0);
    expect(retry.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${SCHEDULES}`, `DELETE ${SCHEDULES}/${oldId}`]);
    expect([...h.letta.schedules.keys()]).toEqual([newId]);
    const third = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(changing(third.requests)).toEqual([]);
  });

  describe('an agent the key may not read (403) or cannot see (404)', () => {
    const OTHER = 'agent-22222222-2222-2222-2222-222222222222';
    const refuse = (agent: string, status: 403 | 404) =>
      h.letta.inject(new RegExp(`^GET /v1/agents/${agent}/schedule$`), { status, body: JSON.stringify({ detail: status === 403 ? 'Forbidden' : `Agent not found: ${agent}` }) });
    const DST = '2027-03-16T00:00:00Z';
    async function twoAgents() {
      const mine = await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
      const created = await h.run([
        'recurring',
        'create',
        '--agent-id',
        OTHER,
        '--message',
        'Other',
        '--cron',
        'every weekday at 9am',
        '--tz',
        'America/New_York',
        '--now',
        '2026-11-23T12:00:00Z',
        '-q',
      ]);
      return { mine, other: created.stdout.trim() };
    }
    const needsAction = async (now: string) => JSON.parse((await h.run(['status', '--json', '--now', now])).stdout).record.needs_action as string[];

    it('the agent named, refused: exit 4 with where the key came from, the record kept, and status says the sync failed', async () => {
      const { other } = await twoAgents();
      // A day with nothing to change: before this, the sync said "skipped" and exited 0, and status found nothing to do.
      const quiet = '2026-11-24T12:00:00Z';
      expect((await h.run(['sync', '--now', quiet])).code).toBe(0);
      expect(await needsAction(quiet)).toEqual([]);
      refuse(OTHER, 403);
      const result = await h.run(['sync', '--agent-id', OTHER, '--now', quiet]);
      expect(result.code).toBe(4);
      expect(result.stderr).toContain(`Agent ${OTHER}: this key may not read the agent (403)`);
      expect(result.stderr).toContain('The key came from LETTA_API_KEY');
      expect(changing(result.requests)).toEqual([]);
      expect(state().intents).toContainEqual(expect.objectContaining({ schedule_id: other, status: 'active' }));
      expect(await needsAction(quiet)).toEqual([expect.stringContaining(`failed: Agent ${OTHER}: this key may not read the agent (403)`)]);
    });

    it('one refused among several: the others are synced, then exit 4', async () => {
      const { mine } = await twoAgents();
      refuse(OTHER, 403);
      const result = await h.run(['sync', '--now', DST, '--json']);
      expect(result.code).toBe(4);
      const reports = JSON.parse(result.stdout) as Array<{ action: string; agent_id: string; ok: boolean; id?: string }>;
      expect(reports).toContainEqual(expect.objectContaining({ action: 'replace', agent_id: AGENT, ok: true, id: mine }));
      expect(reports).toContainEqual(expect.objectContaining({ action: 'skipped', agent_id: OTHER, ok: false }));
      expect(h.letta.schedules.has(mine)).toBe(false);
    });

    it('not found: an error (exit 3) for the agent named; among several it is skipped, said, and the rest synced (exit 0)', async () => {
      await twoAgents();
      refuse(OTHER, 404);
      const named = await h.run(['sync', '--agent-id', OTHER, '--now', DST]);
      expect(named.code).toBe(3);
      expect(named.stderr).toContain(`Agent ${OTHER}: this key cannot see the agent (404)`);
      refuse(OTHER, 404);
      const all = await h.run(['sync', '--now', DST]);
      expect(all.code).toBe(0);
      expect(all.stdout).toContain(`Agent ${OTHER}: this key cannot see the agent (404)`);
      expect(all.stdout).toContain('Replaced');
    });
  });

  it('a schedule deleted elsewhere is marked gone, not re-created', async () => {
    const oldId = await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    h.letta.schedules.delete(oldId);
    const result = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(result.code).toBe(0);
    expect(changing(result.requests)).toEqual([]);
    expect(result.stdout).toContain(`${oldId} was deleted outside letta-switchboard`);
    expect(state().intents).toEqual([expect.objectContaining({ schedule_id: oldId, status: 'gone' })]);
    // Confirmed by a GET of its own before it was marked gone.
    expect(result.requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET ${SCHEDULES}/${oldId}`);
    // A gone record is looked at again (the list is read), never re-created.
    const again = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(changing(again.requests)).toEqual([]);
    expect(again.stdout).toBe('');
  });

  it('a corrupt record is an error naming the file, left untouched', async () => {
    await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    writeFileSync(statePath(), '{"version": 1, "intents": [');
    const result = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(statePath());
    expect(changing(result.requests)).toEqual([]);
    expect(readFileSync(statePath(), 'utf8')).toBe('{"version": 1, "intents": [');
  });

  it('twenty syncs at once create one replacement', async () => {
    const oldId = await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    const results = await Promise.all(Array.from({ length: 20 }, () => h.run(['sync', '--now', '2027-03-16T00:00:00Z'])));
    expect(results.map((r) => r.code)).toEqual(Array(20).fill(0));
    expect(h.letta.requests('POST')).toHaveLength(2); // the create, and one replacement
    expect(h.letta.requests('DELETE')).toHaveLength(1);
    expect(h.letta.schedules.size).toBe(1);
    expect(h.letta.schedules.has(oldId)).toBe(false);
  });
});

describe('what the record means, shown', () => {
  it('get shows the local rule and zone a schedule is kept at beside the UTC cron', async () => {
    const id = await createRecurring('every weekday at 8am', 'Europe/London', '2026-11-23T12:00:00Z');
    const shown = await h.run(['recurring', 'get', id, '--tz', 'America/New_York']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Kept at\s+08:00 on weekdays, Europe\/London \(sync keeps it there across DST\)\n/);
    const json = await h.run(['recurring', 'get', id, '--json']);
    expect(JSON.parse(json.stdout).schedule.cron_expression).toBe('0 8 * * 1-5');
  });

  it('list shows no series recorded against another server', async () => {
    const made = await h.run(['recurring', 'create', '--agent-id', AGENT, '--message', 'x', '--cron', 'every day at 9am', '--count', '2', '--now', '2026-11-23T12:00:00Z', '-q']);
    expect(made.code).toBe(0);
    const saved = JSON.parse(readFileSync(statePath(), 'utf8'));
    saved.series[0].server = 'https://elsewhere.example/';
    writeFileSync(statePath(), JSON.stringify(saved));
    const list = await h.run(['recurring', 'list', '--agent-id', AGENT, '--json', '--now', '2026-11-23T12:00:00Z']);
    expect(JSON.parse(list.stdout).some((row: { id: string }) => row.id === made.stdout.trim())).toBe(false);
  });
});

describe('agenda and the record', () => {
  it("does not flag a move sync will not fix: a schedule kept in another zone, seen across this zone's DST change", async () => {
    const kept = await createRecurring('every weekday at 8am', 'Europe/London', '2027-03-10T12:00:00Z');
    const unrecorded = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 8 * * 1-5' }, 'Elsewhere');
    const agenda = await h.run(['agenda', '--agent-id', AGENT, '--days', '7', '--tz', 'America/New_York', '--now', '2027-03-12T00:00:00Z']);
    expect(agenda.code).toBe(0);
    const rows = agenda.stdout.split('\n').filter(Boolean);
    const after = (id: string) => rows.filter((row) => row.includes(id) && row.includes('EDT'));
    expect(after(kept).length).toBeGreaterThan(0);
    for (const row of after(kept)) expect(row).not.toContain('DST moved it');
    expect(after(unrecorded.id).some((row) => row.includes('DST moved it'))).toBe(true);
  });

  it('says that sync puts a schedule recorded on this clock back at its local time, where one made elsewhere stays moved', async () => {
    const kept = await createRecurring('every weekday at 9am', 'America/New_York', '2027-03-10T12:00:00Z');
    const unrecorded = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 14 * * 1-5' }, 'Elsewhere');
    const args = ['agenda', '--agent-id', AGENT, '--days', '7', '--tz', 'America/New_York', '--now', '2027-03-12T00:00:00Z'];
    const agenda = await h.run(args);
    expect(agenda.code).toBe(0);
    const monday = (id: string) => agenda.stdout.split('\n').find((row) => row.includes(id) && row.includes('2027-03-15'))!;
    expect(monday(kept)).toContain('DST moved it: 10:00, was 09:00; sync puts it back at 09:00');
    expect(monday(unrecorded.id)).toMatch(/DST moved it: 10:30, was 09:30$/);
    expect(agenda.stderr).toContain(`(${[kept, unrecorded.id].sort().join(', ')})`);
    expect(agenda.stderr).toContain(`until sync replaces ${kept} to keep its local time`);
    const json = JSON.parse((await h.run([...args, '--json'])).stdout) as Array<{ schedule_id: string; flags: Array<{ type: string; kept_by_sync?: boolean }> }>;
    const flags = (id: string) => json.filter((fire) => fire.schedule_id === id).flatMap((fire) => fire.flags.filter((flag) => flag.type === 'dst-shift'));
    expect(flags(kept).length).toBeGreaterThan(0);
    expect(flags(kept).every((flag) => flag.kept_by_sync === true)).toBe(true);
    expect(flags(unrecorded.id).every((flag) => flag.kept_by_sync === false)).toBe(true);
  });
});

describe('agenda of a schedule left off its local time (no sync since the last change)', () => {
  it('the next change brings it back onto its clock: the move is flagged, with no word that sync puts it back', async () => {
    // Made at 9am in the autumn (13:00 UTC); with no sync since November it fires at 08:00 EST, and the spring change puts it at 09:00 again.
    const kept = await createRecurring('every weekday at 9am', 'America/New_York', '2026-10-20T12:00:00Z');
    const synced = await createRecurring('every weekday at 9am', 'America/New_York', '2027-03-10T12:00:00Z');
    const args = ['agenda', '--agent-id', AGENT, '--days', '7', '--tz', 'America/New_York', '--now', '2027-03-12T00:00:00Z'];
    const agenda = await h.run(args);
    expect(agenda.code, agenda.stderr).toBe(0);
    const monday = (id: string) => agenda.stdout.split('\n').find((row) => row.includes(id) && row.includes('2027-03-15'))!;
    expect(monday(kept)).toMatch(/Mon 2027-03-15 09:00 EDT.*DST moved it: 09:00, was 08:00$/);
    expect(monday(synced)).toContain('DST moved it: 10:00, was 09:00; sync puts it back at 09:00');
    expect(agenda.stderr).toContain(`until sync replaces ${synced} to keep its local time`);
    const json = JSON.parse((await h.run([...args, '--json'])).stdout) as Array<{ schedule_id: string; flags: Array<{ type: string; kept_by_sync?: boolean }> }>;
    const flags = (id: string) => json.filter((fire) => fire.schedule_id === id).flatMap((fire) => fire.flags.filter((flag) => flag.type === 'dst-shift'));
    expect(flags(kept).length).toBeGreaterThan(0);
    expect(flags(kept).every((flag) => flag.kept_by_sync === false)).toBe(true);
  });
});

describe('agenda of a schedule at the wrong local time all winter (made in summer, no sync since November)', () => {
  it('flags each fire off its clock, with the time it was made for and sync, in the words status uses', async () => {
    const kept = await createRecurring('every weekday at 9am', 'America/New_York', '2026-07-01T12:00:00Z');
    const synced = await createRecurring('every weekday at 10am', 'America/New_York', '2026-12-01T12:00:00Z');
    const args = ['agenda', '--agent-id', AGENT, '--days', '7', '--tz', 'America/New_York', '--now', '2026-12-07T00:00:00Z'];
    // Letta's clock there too: its next run times have moved on with it.
    h.letta.now = () => Date.parse('2026-12-07T00:00:00Z');
    const agenda = await h.run(args);
    expect(agenda.code, agenda.stderr).toBe(0);
    const rows = (id: string) => agenda.stdout.split('\n').filter((row) => row.includes(id));
    expect(rows(kept)).toHaveLength(5);
    for (const row of rows(kept)) expect(row).toMatch(/ 08:00 EST\t.*\twrong local time: 08:00, made for 09:00 \(run letta-switchboard sync\)$/);
    expect(rows(synced)).toHaveLength(5);
    for (const row of rows(synced)) expect(row).toMatch(/ 10:00 EST\t.*\t$/);
    expect(agenda.stderr).toContain(`Note: ${kept} fires at the wrong local time (0 13 * * 1-5 UTC; 0 14 * * 1-5 keeps 0 9 * * 1-5 in America/New_York): run letta-switchboard sync\n`);
    expect(agenda.stderr).not.toContain(synced);
    const status = await h.run(['status', '--agent-id', AGENT, '--now', '2026-12-07T00:00:00Z']);
    expect(status.stderr).toContain(`${kept} fires at the wrong local time now (0 13 * * 1-5 UTC; 0 14 * * 1-5 keeps 0 9 * * 1-5 in America/New_York)`);
    const json = JSON.parse((await h.run([...args, '--json'])).stdout) as Array<{ schedule_id: string; flags: Array<Record<string, unknown>> }>;
    const flags = json.filter((fire) => fire.schedule_id === kept).map((fire) => fire.flags);
    expect(flags).toHaveLength(5);
    for (const one of flags)
      expect(one).toEqual([
        {
          type: 'wrong-local-time',
          zone: 'America/New_York',
          local_rule: '0 9 * * 1-5',
          expected_cron: '0 14 * * 1-5',
          text: 'wrong local time: 08:00, made for 09:00 (run letta-switchboard sync)',
        },
      ]);
    expect(json.filter((fire) => fire.schedule_id === synced).every((fire) => fire.flags.length === 0)).toBe(true);
  });

  it('across the spring change that puts it back on its clock, flags only the fires before it', async () => {
    const kept = await createRecurring('every weekday at 9am', 'America/New_York', '2026-10-20T12:00:00Z');
    h.letta.now = () => Date.parse('2027-03-11T00:00:00Z');
    const agenda = await h.run(['agenda', '--agent-id', AGENT, '--days', '7', '--tz', 'America/New_York', '--now', '2027-03-11T00:00:00Z']);
    expect(agenda.code, agenda.stderr).toBe(0);
    const notes = agenda.stdout
      .split('\n')
      .filter((row) => row.includes(kept))
      .map((row) => [row.slice(0, 20), row.split('\t').at(-1)]);
    expect(notes).toEqual([
      ['Thu 2027-03-11 08:00', 'wrong local time: 08:00, made for 09:00 (run letta-switchboard sync)'],
      ['Fri 2027-03-12 08:00', 'wrong local time: 08:00, made for 09:00 (run letta-switchboard sync)'],
      ['Mon 2027-03-15 09:00', 'DST moved it: 09:00, was 08:00'],
      ['Tue 2027-03-16 09:00', 'DST moved it: 09:00, was 08:00'],
      ['Wed 2027-03-17 09:00', 'DST moved it: 09:00, was 08:00'],
    ]);
  });

  it('seen from another zone, names the zone whose clock it keeps', async () => {
    const kept = await createRecurring('every day at 9am', 'America/New_York', '2026-07-01T12:00:00Z');
    const agenda = await h.run(['agenda', '--agent-id', AGENT, '--days', '1', '--tz', 'Europe/London', '--now', '2026-12-07T00:00:00Z']);
    expect(agenda.code, agenda.stderr).toBe(0);
    expect(agenda.stdout.split('\n').find((row) => row.includes(kept))).toMatch(/13:00 GMT\t.*wrong local time: 08:00 in America\/New_York, made for 09:00 \(run letta-switchboard sync\)$/);
  });
});

describe('schedules made by others', () => {
  it('are listed and labelled (letta-code wake, elsewhere), and sync leaves them alone', async () => {
    const mine = await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    const wake = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Self-scheduled wake: morning check');
    const other = h.letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Standup');
    const list = await h.run(['recurring', 'list', '--agent-id', AGENT, '--json']);
    const madeBy = Object.fromEntries((JSON.parse(list.stdout) as Array<{ id: string; made_by: string }>).map((row) => [row.id, row.made_by]));
    expect(madeBy).toEqual({ [mine]: 'letta-switchboard', [wake.id]: 'letta-code wake', [other.id]: 'elsewhere' });
    const text = await h.run(['recurring', 'list', '--agent-id', AGENT]);
    expect(text.stdout).toContain('[letta-code wake] Self-scheduled wake: morning check');
    const synced = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(synced.code).toBe(0);
    expect(h.letta.schedules.get(wake.id)?.schedule.cron_expression).toBe('0 14 * * 1-5');
    expect(h.letta.schedules.get(other.id)?.schedule.cron_expression).toBe('0 14 * * 1-5');
  });
});

describe('sync names a record set aside', () => {
  it('once on stderr, reading the record a record at a time, and syncs the rest', async () => {
    const id = await createRecurring('every weekday at 9am', 'America/New_York', '2026-11-23T12:00:00Z');
    const file = state() as { intents: Array<Record<string, unknown>> };
    file.intents.push({ ...file.intents[0]!, schedule_id: 'sm-broken', zone: 'Mars/Olympus' });
    writeFileSync(statePath(), JSON.stringify(file));
    const synced = await h.run(['sync', '--now', '2027-03-16T00:00:00Z']);
    expect(synced.code).toBe(0);
    expect(synced.stderr.match(/A record in the state file is set aside.*intents\[1\]\.zone/g)).toHaveLength(1);
    expect(state().intents.find((i) => i.schedule_id === id)?.status).toBe('replaced');
    expect(state().intents.find((i) => i.schedule_id === 'sm-broken')?.zone).toBe('Mars/Olympus');
  });
});
