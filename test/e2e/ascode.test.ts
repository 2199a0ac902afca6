import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { spawn } from 'node:child_process';
import { BIN, runCli, runShell } from '../helpers/run-cli';
import { useSchedulesFolder } from '../helpers/schedules-folder';
import { AGENT, NOW } from '../helpers/suite';

const TWIN_A = 'agent-22222222-2222-2222-2222-222222222222';
const suite = useSchedulesFolder();
let letta: FakeLetta;
let env: Record<string, string>;
let dir: string;
beforeEach(() => ({ letta, env, dir } = suite));

const cli = suite.cli;
const at = (now: string, ...args: string[]) => runCli(['--now', now, ...args], { env });

function file(name: string, front: Record<string, string | number>, message: string): void {
  const lines = Object.entries(front).map(([key, value]) => `${key}: ${typeof value === 'string' && /[:*#]/.test(value) ? JSON.stringify(value) : value}`);
  writeFileSync(join(dir, name), `---\n${lines.join('\n')}\n---\n${message}\n`);
}

const lockFile = () => JSON.parse(readFileSync(join(dir, 'letta-schedules.lock.json'), 'utf8')) as { servers: Record<string, Record<string, { ids: string[] }>> };
const owned = (name: string) => lockFile().servers[letta.url]![name]!.ids;
/** What the server holds, in a form that ignores ids and order. */
const sorted = (_key: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value;
const snapshot = () => [...letta.schedules.values()].map((s) => JSON.stringify([s.agent_id, s.schedule, s.message], sorted)).sort();
const changing = () => letta.received.filter((r) => r.method === 'POST' || r.method === 'DELETE');

describe('export → apply', () => {
  it('recreates the same schedules on an empty server, then has nothing left to do', async () => {
    expect((await cli('recurring', 'create', '--agent-id', 'support-bot', '--message', 'Check the support queue', '--cron', 'every weekday at 9am', '--tz', 'America/New_York')).code).toBe(0);
    expect((await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Ping', '--cron', '*/15 * * * *')).code).toBe(0);
    expect((await cli('onetime', 'create', '--agent-id', AGENT, '--message', 'Reminder', '--execute-at', 'tomorrow at 9am', '--tz', 'America/New_York')).code).toBe(0);
    expect((await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Every ninety', '--cron', 'every 90 minutes')).code).toBe(0);
    expect((await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Thrice', '--cron', 'every day at 8am', '--count', '3', '--tz', 'Europe/London')).code).toBe(0);
    // Made elsewhere, with fields a create command has no flag for.
    const other = letta.addSchedule(TWIN_A, { type: 'recurring', cron_expression: '30 6 * * 1' }, 'Weekly digest');
    Object.assign(other.message, { max_steps: 5, callback_url: 'https://example.test/hook', include_return_message_types: ['assistant_message'] });

    const exported = await cli('export', '--all-agents', '-f', dir);
    expect(exported.code).toBe(0);
    expect(
      exported.stdout
        .trim()
        .split('\n')
        .map((line) => line.slice(dir.length + 1)),
    ).toEqual(['check-the-support-queue.md', 'every-ninety.md', 'ping.md', 'reminder.md', 'thrice.md', 'weekly-digest.md']);
    expect(readFileSync(join(dir, 'check-the-support-queue.md'), 'utf8')).toBe('---\nagent: support-bot\nwhen: every weekday at 9am\ntimezone: America/New_York\n---\nCheck the support queue\n');
    // An agent whose name is shared is named by its id; a schedule with no recorded phrase keeps its UTC cron.
    expect(readFileSync(join(dir, 'weekly-digest.md'), 'utf8')).toBe(
      `---\nagent: ${TWIN_A}\nwhen: 30 6 * * 1\ntimezone: UTC\nmax_steps: 5\ncallback_url: "https://example.test/hook"\ninclude_return_message_types: [assistant_message]\n---\nWeekly digest\n`,
    );
    expect((await cli('plan', '-f', dir)).code).toBe(0);
    // Exported again: the files already as written are left as they are, and said so.
    const written = statSync(join(dir, 'ping.md')).mtimeMs;
    const reexported = await cli('export', '--all-agents', '-f', dir);
    expect(reexported.code).toBe(0);
    expect(reexported.stderr).toContain('Wrote 0 files (6 already as written, left as they are) and');
    expect(statSync(join(dir, 'ping.md')).mtimeMs).toBe(written);

    const before = snapshot();
    letta.schedules.clear();
    letta.received.length = 0;
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stderr).toContain('Plan: 6 to create, 0 to replace, 0 to delete, 0 unchanged.');
    // One list per agent, no request per file.
    expect(
      letta
        .requests('GET', /\/schedule$/)
        .map((r) => r.path)
        .sort(),
    ).toEqual([`/v1/agents/${AGENT}/schedule`, `/v1/agents/${TWIN_A}/schedule`]);

    const applied = await cli('apply', '-f', dir);
    expect(applied.code).toBe(0);
    expect(snapshot()).toEqual(before);

    letta.received.length = 0;
    const again = await cli('apply', '-f', dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Nothing to change');
    expect(changing()).toEqual([]);
  });

  it('a schedule sync replaced on this machine stays owned through its successor, and is never made twice', async () => {
    expect((await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York')).code).toBe(0);
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    const spring = '2027-03-15T12:00:00Z';
    expect((await at(spring, 'sync', '--agent-id', AGENT)).code).toBe(0);
    const [successor, ...others] = [...letta.schedules.values()];
    expect(others).toEqual([]);
    expect(successor!.schedule.cron_expression).toBe('0 13 * * 1-5');
    letta.received.length = 0;
    const applied = await at(spring, 'apply', '-f', dir);
    expect(applied.code).toBe(0);
    expect(changing()).toEqual([]);
    expect(owned('standup.md')).toEqual([successor!.id]);
    // Deleting the file deletes it, and the record of intent hears of it: sync has nothing left to keep.
    rmSync(join(dir, 'standup.md'));
    expect((await at(spring, 'apply', '-f', dir, '--yes')).code).toBe(0);
    expect(letta.schedules.size).toBe(0);
    const state = JSON.parse(readFileSync(join(env.HOME!, '.local', 'state', 'letta-switchboard', 'state.json'), 'utf8')) as { intents: Array<{ schedule_id: string; status: string }> };
    expect(state.intents.find((i) => i.schedule_id === successor!.id)?.status).toBe('deleted');
    letta.received.length = 0;
    expect((await at(spring, 'sync', '--agent-id', AGENT)).code).toBe(0);
    expect(letta.received.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('exported again after an edit here, a schedule keeps its file: the edit follows the record, and nothing is made twice', async () => {
    expect((await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Std', '--cron', 'every weekday at 9am', '--tz', 'America/New_York')).code).toBe(0);
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    const files = readdirSync(dir).sort();
    const [old] = [...letta.schedules.keys()];
    expect((await cli('recurring', 'edit', old!, '--message', 'Std2')).code).toBe(0);
    const again = await cli('export', '--agent-id', AGENT, '-f', dir, '--force');
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(files);
    const plan = await cli('plan', '-f', dir);
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('a series member deleted here stays deleted: export then plan changes nothing, and apply makes it no more than sync does', async () => {
    const series = (await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Water', '--cron', 'every day at 10am', '--count', '4', '--tz', 'America/New_York', '-q')).stdout.trim();
    const [first] = (await cli('onetime', 'list', '--id', series, '-q')).stdout.trim().split('\n');
    expect((await cli('onetime', 'delete', first!)).code).toBe(0);
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    const plan = await cli('plan', '-f', dir);
    expect(plan.code, plan.stdout).toBe(0);
    letta.received.length = 0;
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    expect(changing()).toEqual([]);
    expect(letta.schedules.size).toBe(3);
  });

  it('an adopted schedule is exported on the clock sync keeps it on, so plan and sync agree across DST', async () => {
    const made = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * 1-5' }, 'Made in the app');
    expect((await cli('recurring', 'adopt', made.id, '--tz', 'America/New_York')).code).toBe(0);
    // A raw cron given in UTC stays the cron it was given.
    expect((await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Raw cron', '--cron', '0 9 * * 1-5', '--tz', 'UTC')).code).toBe(0);
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'raw-cron.md'), 'utf8')).toContain('when: 0 9 * * 1-5\ntimezone: UTC');
    const text = readFileSync(join(dir, 'made-in-the-app.md'), 'utf8');
    expect(text).toContain('timezone: America/New_York');
    expect(text).not.toContain('when: 0 14 * * 1-5');
    // After the March change the file wants what sync makes: plan and sync each replace it, once, the same way.
    const spring = '2027-03-15T12:00:00Z';
    const planned = await at(spring, 'plan', '-f', dir);
    expect(planned.code).toBe(6);
    expect(planned.stdout).toContain('0 14 * * 1-5 → 0 13 * * 1-5');
    expect((await at(spring, 'sync', '--agent-id', AGENT)).code).toBe(0);
    expect([...letta.schedules.values()].map((s) => s.schedule.cron_expression).sort()).toEqual(['0 13 * * 1-5', '0 9 * * 1-5']);
    const after = await at(spring, 'plan', '-f', dir);
    expect(after.code, after.stdout).toBe(0);
  });

  it('exports the schedules of a folder as the files that made them', async () => {
    const files: Record<string, string> = {
      'check.md': '---\nagent: support-bot\nwhen: every monday at 9am\ntimezone: Asia/Kolkata\nrole: system\n---\nCheck\n',
      'month.md': '---\nagent: support-bot\nwhen: first monday of the month at 9am\ntimezone: Europe/Paris\n---\nMonthly\n',
      'stretch.md': '---\nagent: support-bot\nwhen: every 90 minutes\ntimezone: UTC\n---\nStretch\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const lock = readFileSync(join(dir, 'letta-schedules.lock.json'), 'utf8');
    const r = await cli('export', '--agent-id', 'support-bot', '-f', dir);
    expect(r.code, r.stderr).toBe(0);
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
    expect(readFileSync(join(dir, 'letta-schedules.lock.json'), 'utf8')).toBe(lock);
  });

  it('refuses to overwrite a file that differs unless --force', async () => {
    letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Daily report');
    writeFileSync(join(dir, 'daily-report.md'), 'my own notes\n');
    const refused = await cli('export', '--agent-id', AGENT, '-f', dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('daily-report.md');
    expect(readFileSync(join(dir, 'daily-report.md'), 'utf8')).toBe('my own notes\n');
    expect(existsSync(join(dir, 'letta-schedules.lock.json'))).toBe(false);
    expect((await cli('export', '--agent-id', AGENT, '-f', dir, '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'daily-report.md'), 'utf8')).toContain('when: 0 9 * * *');
  });
});

describe('plan and apply', () => {
  async function threeFiles() {
    file('standup.md', { agent: 'support-bot', when: 'every weekday at 9am', timezone: 'America/New_York' }, 'Standup time');
    file('digest.md', { agent: AGENT, when: '0 18 * * 5', role: 'system' }, 'Weekly digest');
    file('reminder.md', { agent: AGENT, when: '2026-12-01 10:00', timezone: 'Europe/London' }, 'Renew the certificate');
    const r = await cli('apply', '-f', dir);
    expect(r.code).toBe(0);
    letta.received.length = 0;
  }

  it('a changed message is exactly that diff, and apply replaces exactly that schedule', async () => {
    await threeFiles();
    const [old] = owned('standup.md');
    file('standup.md', { agent: 'support-bot', when: 'every weekday at 9am', timezone: 'America/New_York' }, 'Standup in five minutes');
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toBe(`~ replace   standup.md  (replaces ${old})\n    message: "Standup time" → "Standup in five minutes"\n`);
    const json = JSON.parse((await cli('plan', '-f', dir, '--json')).stdout);
    expect(json.changes).toEqual([
      expect.objectContaining({ file: 'standup.md', action: 'replace', delete: [old], diff: [{ field: 'message', from: 'Standup time', to: 'Standup in five minutes' }] }),
    ]);
    expect(json.unchanged).toEqual(['digest.md', 'reminder.md']);

    letta.received.length = 0;
    const applied = await cli('apply', '-f', dir);
    expect(applied.code).toBe(0);
    const [post, ...morePosts] = letta.requests('POST');
    expect(morePosts).toEqual([]);
    expect(post!.body).toEqual({ schedule: { type: 'recurring', cron_expression: '0 14 * * 1-5' }, messages: [{ role: 'user', content: 'Standup in five minutes' }] });
    const [fresh] = owned('standup.md');
    // Create, read back, then delete the old one: never delete first.
    expect(letta.received.filter((r) => r.method !== 'GET' || r.path.includes(fresh!)).map((r) => `${r.method} ${r.path.split('/').at(-1)}`)).toEqual([
      'POST schedule',
      `GET ${fresh}`,
      `DELETE ${old}`,
    ]);
    expect(applied.stdout).toBe(`~ standup.md: created ${fresh}; deleted ${old}\n`);
  });

  it('a changed phrase or zone shows the cron in UTC and on the clock', async () => {
    await threeFiles();
    file('standup.md', { agent: 'support-bot', when: 'every weekday at 9am', timezone: 'Europe/London' }, 'Standup time');
    file('digest.md', { agent: AGENT, when: 'every friday at 5pm', timezone: 'UTC', role: 'system' }, 'Weekly digest');
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain('    cron: 0 18 * * 5 → 0 17 * * 5 (UTC); on the clock: 0 18 * * 5 in UTC → 0 17 * * 5 in UTC\n');
    expect(plan.stdout).toContain('    cron: 0 14 * * 1-5 → 0 9 * * 1-5 (UTC); on the clock: 0 9 * * 1-5 in America/New_York → 0 9 * * 1-5 in Europe/London\n');
    expect(plan.stdout).not.toContain('reminder.md');
    const applied = await cli('apply', '-f', dir);
    expect(applied.code).toBe(0);
    expect(letta.requests('POST').map((r) => (r.body as { schedule: unknown }).schedule)).toEqual([
      { type: 'recurring', cron_expression: '0 17 * * 5' },
      { type: 'recurring', cron_expression: '0 9 * * 1-5' },
    ]);
    expect(letta.requests('DELETE')).toHaveLength(2);
  });

  it("a cron no local cron says is shown on UTC clock, not as the zone's", async () => {
    file('stretch.md', { agent: AGENT, when: 'every 90 minutes', timezone: 'America/New_York' }, 'Stretch');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    file('stretch.md', { agent: AGENT, when: 'every day at 9:00 and 17:30', timezone: 'America/New_York' }, 'Stretch');
    const plan = await cli('plan', '-f', dir);
    expect(plan.stdout).toContain('on the clock: 0 */3 * * * (UTC), 30 1-22/3 * * * (UTC) in America/New_York → 0 9 * * *, 30 17 * * * in America/New_York\n');
  });

  it('a count added or taken away shows the series in short, however many members it has', async () => {
    file('water.md', { agent: AGENT, when: 'every day at 10am', timezone: 'UTC', count: 40 }, 'Water the plants');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    file('water.md', { agent: AGENT, when: 'every day at 10am', timezone: 'UTC' }, 'Water the plants');
    const toCron = await cli('plan', '-f', dir);
    expect(toCron.code).toBe(6);
    expect(toCron.stdout.split('\n')[1]).toBe('    cron: 40 waiting from 2026-11-23T10:00:00.000Z → 0 10 * * * (UTC); on the clock: 40 waiting from 2026-11-23T10:00:00.000Z → 0 10 * * * in UTC');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    file('water.md', { agent: AGENT, when: 'every day at 10am', timezone: 'UTC', count: 3 }, 'Water the plants');
    const toSeries = await cli('plan', '-f', dir);
    expect(toSeries.stdout.split('\n')[1]).toBe('    schedules: 0 10 * * * → 3 waiting from 2026-11-23T10:00:00.000Z');
  });

  it('a one-time schedule deleted outside the folder before it fired: plan and apply say it is made again, as for a recurring one', async () => {
    file('reminder.md', { agent: AGENT, when: '2026-12-01 10:00', timezone: 'Europe/London' }, 'Renew the certificate');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const [id] = owned('reminder.md');
    expect((await cli('onetime', 'delete', id!, '--agent-id', AGENT)).code).toBe(0);
    const said = `its schedule ${id} is no longer on Letta (deleted outside this folder): apply makes it again; remove the file to keep it deleted`;
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain(`    note: ${said}\n`);
    letta.received.length = 0;
    const applied = await cli('apply', '-f', dir);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain(`Note: reminder.md: ${said}`);
    expect(letta.requests('POST').map((r) => r.body)).toEqual([
      { schedule: { type: 'one-time', scheduled_at: Date.parse('2026-12-01T10:00:00Z') }, messages: [{ role: 'user', content: 'Renew the certificate' }] },
    ]);
  });

  it('a file moved into a folder inside the folder is not read, and plan and apply say so beside the delete that follows', async () => {
    file('standup.md', { agent: AGENT, when: '0 9 * * 1-5' }, 'Standup');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    mkdirSync(join(dir, 'team-a'));
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'notes.txt'), 'not a schedule\n');
    writeFileSync(join(dir, 'team-a', 'standup.md'), readFileSync(join(dir, 'standup.md')));
    rmSync(join(dir, 'standup.md'));
    const said = `Note: ${dir}/team-a/ holds .md files that are not read: schedule files go directly in ${dir}/ (or give that folder with -f ${dir}/team-a); to keep it unread and unsaid, name it .team-a/`;
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain('- delete    standup.md');
    expect(plan.stderr.split('\n').filter((line) => line.startsWith('Note:'))).toEqual([said]);
    const applied = await cli('apply', '-f', dir);
    expect(applied.code).toBe(2);
    expect(applied.stderr).toContain(said);
  });

  it('a deleted file deletes its schedule (asking first), and never touches schedules the lock file does not own', async () => {
    await threeFiles();
    const stranger = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 18 * * 5' }, 'Weekly digest');
    const [digest] = owned('digest.md');
    rmSync(join(dir, 'digest.md'));
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toBe(`- delete    digest.md  (${digest})\n`);

    // In a pipe, with no --yes, nothing is deleted and it says how.
    const refused = await runShell(`letta-switchboard --now ${NOW} apply -f '${dir}' </dev/null | cat`, { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Not deleted: 1 schedule of 1 removed file (digest.md): pass --yes to delete them`);
    expect(letta.requests('DELETE')).toEqual([]);

    const applied = await cli('apply', '-f', dir, '--yes');
    expect(applied.code).toBe(0);
    expect(letta.requests('DELETE').map((r) => r.path)).toEqual([`/v1/agents/${AGENT}/schedule/${digest}`]);
    expect(letta.schedules.has(stranger.id)).toBe(true);
    expect(Object.keys(lockFile().servers[letta.url]!)).toEqual(['reminder.md', 'standup.md']);
  });

  it('a failure midway leaves the old schedule (or old and new), says which, and the next apply finishes', async () => {
    await threeFiles();
    const [old] = owned('standup.md');
    file('standup.md', { agent: 'support-bot', when: 'every weekday at 9am', timezone: 'America/New_York' }, 'Standup moved');
    letta.inject(/^POST /, { status: 400, body: '{"detail":"refused"}' });
    const refused = await cli('apply', '-f', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Exist now: ${old} (old). Run apply again to finish.`);
    expect(letta.requests('DELETE')).toEqual([]);
    expect(letta.schedules.has(old!)).toBe(true);

    letta.inject(/^DELETE /, { status: 400, body: '{"detail":"refused"}' });
    const both = await cli('apply', '-f', dir);
    expect(both.code).toBe(1);
    // The fake hands out ids in order: the newest schedule is the one just created.
    const fresh = [...letta.schedules.keys()].at(-1)!;
    expect(both.stderr).toContain(`Exist now: ${fresh} (new), ${old} (old).`);
    expect(letta.schedules.has(old!)).toBe(true);

    letta.received.length = 0;
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    expect(letta.requests('POST')).toEqual([]);
    expect(letta.requests('DELETE').map((r) => r.path.split('/').at(-1))).toEqual([old]);
    expect(owned('standup.md')).toEqual([fresh]);
  });

  it('a delete whose answer was lost is said to have maybe gone, not to exist, and the next apply finishes', async () => {
    await threeFiles();
    for (const [message, json] of [
      ['Standup moved', false],
      ['Standup moved again', true],
    ] as const) {
      const [old] = owned('standup.md');
      file('standup.md', { agent: 'support-bot', when: 'every weekday at 9am', timezone: 'America/New_York' }, message);
      // The first delete is done and its answer lost; the retries' answers are lost too.
      letta.inject(/^DELETE /, { reset: true, land: true }, { reset: true }, { reset: true });
      const lost = await cli('apply', '-f', dir, ...(json ? ['--json'] : []));
      expect(lost.code).toBe(5);
      const fresh = [...letta.schedules.keys()].at(-1)!;
      expect(letta.schedules.has(old!)).toBe(false);
      if (json) {
        expect(JSON.parse(lost.stdout)).toMatchObject({ applied: [{ file: 'standup.md', ok: false, created: [fresh], may_have_been_deleted: [old] }] });
      } else {
        expect(lost.stderr).toContain(`Exist now: ${fresh} (new), ${old} (old; its delete was sent, so it may be gone).`);
      }
      letta.received.length = 0;
      expect((await cli('apply', '-f', dir)).code).toBe(0);
      expect(letta.requests('POST')).toEqual([]);
      expect(owned('standup.md')).toEqual([fresh]);
    }
  });

  it('--dry-run prints the requests and sends and writes nothing', async () => {
    file('standup.md', { agent: AGENT, when: '0 9 * * 1-5' }, 'Standup');
    const r = await cli('apply', '-f', dir, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`POST ${letta.url}/v1/agents/${AGENT}/schedule`);
    expect(r.stdout).toContain('"cron_expression": "0 9 * * 1-5"');
    expect(changing()).toEqual([]);
    expect(existsSync(join(dir, 'letta-schedules.lock.json'))).toBe(false);
  });

  it('a lost lock file: the schedules already on Letta are taken, never made again; two alike files take one each', async () => {
    file('standup.md', { agent: AGENT, when: '0 9 * * 1-5' }, 'Standup');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const [made] = [...letta.schedules.keys()];
    rmSync(join(dir, 'letta-schedules.lock.json'));
    file('twin.md', { agent: AGENT, when: '0 9 * * 1-5' }, 'Standup');
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain(`+ create    standup.md  (0 schedules; 1 found on Letta, taken and not made again: ${made})`);
    expect(plan.stdout).toContain('+ create    twin.md  (1 schedule)');
    letta.received.length = 0;
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    expect(letta.requests('POST')).toHaveLength(1);
    expect(owned('standup.md')).toEqual([made]);
    expect(owned('twin.md')).toHaveLength(1);
    expect(owned('twin.md')).not.toEqual([made]);
    expect((await cli('plan', '-f', dir)).code).toBe(0);
  });

  it('--dry-run without --yes and without a terminal holds the deletes of removed files back, as the real run does; with --yes it shows them', async () => {
    file('standup.md', { agent: AGENT, when: '0 9 * * 1-5' }, 'Standup');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    rmSync(join(dir, 'standup.md'));
    letta.received.length = 0;
    const dry = await cli('apply', '-f', dir, '--dry-run');
    expect(dry.code).toBe(2);
    expect(dry.stdout).not.toContain('DELETE');
    expect(dry.stderr).toContain('Not deleted: 1 schedule of 1 removed file (standup.md): pass --yes to delete them');
    const real = await cli('apply', '-f', dir);
    expect(real.code).toBe(2);
    const shown = await cli('apply', '-f', dir, '--dry-run', '--yes');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`DELETE ${letta.url}/v1/agents/${AGENT}/schedule/`);
    expect(changing()).toEqual([]);
  });

  it('keeps local time across DST: --now past the change replaces, and a second apply sends nothing', async () => {
    await threeFiles();
    const spring = '2027-03-15T12:00:00Z';
    const plan = await at(spring, 'plan', '-f', dir);
    expect(plan.code).toBe(6);
    expect(plan.stdout).toContain('~ replace   standup.md');
    expect(plan.stdout).toContain('    cron: 0 14 * * 1-5 → 0 13 * * 1-5 (UTC); on the clock: 0 10 * * 1-5 in America/New_York → 0 9 * * 1-5 in America/New_York\n');
    expect(plan.stdout).not.toContain('digest.md');
    const applied = await at(spring, 'apply', '-f', dir);
    expect(applied.code).toBe(0);
    expect(letta.requests('POST').map((r) => (r.body as { schedule: unknown }).schedule)).toEqual([{ type: 'recurring', cron_expression: '0 13 * * 1-5' }]);
    letta.received.length = 0;
    expect((await at(spring, 'apply', '-f', dir)).stderr).toContain('Nothing to change');
    expect(changing()).toEqual([]);
  });

  it('tops a series up as time passes', async () => {
    file('daily.md', { agent: AGENT, when: 'every day at 9am', timezone: 'UTC', until: '2027-03-31' }, 'Daily check');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    // At most 50 waiting at once: 23 Nov to 11 Jan.
    expect(letta.requests('POST')).toHaveLength(50);
    letta.received.length = 0;
    const later = '2026-12-02T15:00:00Z';
    const plan = await at(later, 'plan', '-f', dir);
    expect(plan.stdout).toMatch(/^\+ top-up {4}daily\.md {2}\(10 schedules\)/);
    expect((await at(later, 'apply', '-f', dir)).code).toBe(0);
    expect(letta.requests('POST').map((r) => (r.body as { schedule: { scheduled_at: number } }).schedule.scheduled_at)[0]).toBe(Date.parse('2027-01-12T09:00:00Z'));
    expect(letta.requests('DELETE')).toEqual([]);
    letta.received.length = 0;
    expect((await at(later, 'apply', '-f', dir)).code).toBe(0);
    expect(changing()).toEqual([]);
  });
});

describe('bad files', () => {
  it('names each bad file and line, applies the rest, and --strict applies nothing', async () => {
    file('good.md', { agent: AGENT, when: 'every monday at 9am', timezone: 'UTC' }, 'Good one');
    writeFileSync(join(dir, 'yaml.md'), `---\nagent: ${AGENT}\nwhen: [every day\n---\nBroken\n`);
    file('key.md', { agent: AGENT, when: 'daily at 9am', timezone: 'UTC', colour: 'blue' }, 'Unknown key');
    file('agent.md', { agent: 'nobody-bot', when: 'daily at 9am', timezone: 'UTC' }, 'Unknown agent');
    file('phrase.md', { agent: AGENT, when: 'whenever the moon is full', timezone: 'UTC' }, 'Not understood');
    file('past.md', { agent: AGENT, when: '2025-01-01 09:00', timezone: 'UTC' }, 'Past date');

    const strict = await cli('apply', '-f', dir, '--strict');
    expect(strict.code).toBe(2);
    expect(changing()).toEqual([]);
    // Under --json, still one document a script can read: nothing applied or planned, and each problem.
    for (const command of ['apply', 'plan']) {
      const json = await cli(command, '-f', dir, '--strict', '--json');
      expect(json.code).toBe(2);
      const document = JSON.parse(json.stdout) as Record<string, unknown[]>;
      expect(document[command === 'apply' ? 'applied' : 'changes']).toEqual([]);
      expect(document.errors).toHaveLength(5);
    }
    expect(changing()).toEqual([]);

    const r = await cli('apply', '-f', dir);
    expect(r.code).toBe(2);
    const errors = r.stderr.split('\n').filter((line) => line.startsWith('Error:'));
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`^Error: ${dir}/agent\\.md:2: agent: No agent named 'nobody-bot'`)),
      `Error: ${dir}/key.md:5: unknown key 'colour'; known keys: agent, when, timezone, role, until, count, max_steps, callback_url, include_return_message_types`,
      expect.stringMatching(new RegExp(`^Error: ${dir}/past\\.md:3: when: '2025-01-01 09:00' is in the past`)),
      expect.stringMatching(new RegExp(`^Error: ${dir}/phrase\\.md:3: when: `)),
      expect.stringMatching(new RegExp(`^Error: ${dir}/yaml\\.md:\\d+: not valid YAML`)),
    ]);
    expect(letta.requests('POST')).toHaveLength(1);
    expect(r.stdout).toMatch(/^\+ good\.md: created sm-\d+\n$/);
    expect(Object.keys(lockFile().servers[letta.url]!)).toEqual(['good.md']);

    // Nothing to change but files left out: bad input (exit 2, as apply's), not changes (6).
    const plan = await cli('plan', '-f', dir);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('0 to create, 0 to replace, 0 to delete, 1 unchanged, 5 files left out');
  });

  it('a file that breaks later keeps its schedules: its lock entry is never read as a deletion', async () => {
    file('keep.md', { agent: AGENT, when: '0 9 * * *' }, 'Keep me');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    writeFileSync(join(dir, 'keep.md'), '---\nagent: x\nwhen: 0 9 * * *\nbogus: 1\n---\nKeep me\n');
    letta.received.length = 0;
    const r = await cli('apply', '-f', dir, '--yes');
    expect(r.code).toBe(2);
    expect(changing()).toEqual([]);
    expect(owned('keep.md')).toHaveLength(1);
  });

  it('a git merge left unresolved is never sent: a file with conflict markers is left out, a lock file with them stops everything', async () => {
    file('merged.md', { agent: AGENT, when: '0 9 * * *' }, 'Before the merge');
    file('other.md', { agent: AGENT, when: '0 10 * * *' }, 'Other');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const ids = owned('merged.md');
    writeFileSync(join(dir, 'merged.md'), `---\nagent: ${AGENT}\nwhen: 0 9 * * *\n---\n<<<<<<< HEAD\nOurs\n=======\nTheirs\n>>>>>>> feature\n`);
    writeFileSync(join(dir, 'new.md'), `---\nagent: ${AGENT}\n<<<<<<< HEAD\nwhen: 0 11 * * *\n=======\nwhen: 0 12 * * *\n>>>>>>> feature\n---\nNew\n`);
    letta.received.length = 0;
    const r = await cli('apply', '-f', dir, '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((line) => line.startsWith('Error:'))).toEqual([
      `Error: ${dir}/merged.md:5: a git merge conflict is not resolved ('<<<<<<<' to '>>>>>>>'): keep the side you want and remove the marker lines`,
      `Error: ${dir}/new.md:3: a git merge conflict is not resolved ('<<<<<<<' to '>>>>>>>'): keep the side you want and remove the marker lines`,
    ]);
    expect(changing()).toEqual([]);
    expect(owned('merged.md')).toEqual(ids);

    const lockPath = join(dir, 'letta-schedules.lock.json');
    const lines = readFileSync(lockPath, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes('"ids"'));
    const conflicted = [...lines.slice(0, at), '<<<<<<< HEAD', ...lines.slice(at, at + 3), '=======', ...lines.slice(at, at + 3), '>>>>>>> feature', ...lines.slice(at + 3)].join('\n');
    writeFileSync(lockPath, conflicted);
    for (const args of [['plan'], ['apply', '--yes'], ['export', '--all-agents']]) {
      const run = await cli(...args, '-f', dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Error: The lock file ${lockPath} holds a git merge conflict that is not resolved (line ${at + 1})`);
    }
    expect(changing()).toEqual([]);
    expect(readFileSync(lockPath, 'utf8')).toBe(conflicted);
  });
});

describe('interrupted and concurrent applies', () => {
  it('finds a create an interrupted apply sent but never recorded, and finishes a replacement cut off before its delete', async () => {
    file('a.md', { agent: AGENT, when: '0 9 * * *' }, 'A');
    file('b.md', { agent: AGENT, when: '0 10 * * *' }, 'B');
    // A.md: the create landed, then the process died before writing its id. b.md: replaced, old not yet deleted.
    const landed = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'A');
    const bOld = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 11 * * *' }, 'B');
    const bNew = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 10 * * *' }, 'B');
    const entry = (when: string, ids: string[], extra = {}) => ({ agent_id: AGENT, when, timezone: 'UTC', ids, ...extra });
    writeFileSync(
      join(dir, 'letta-schedules.lock.json'),
      JSON.stringify({
        version: 1,
        servers: { [letta.url]: { 'a.md': entry('0 9 * * *', [], { pending: true }), 'b.md': entry('0 10 * * *', [bNew.id], { retiring: [{ agent_id: AGENT, id: bOld.id }] }) } },
      }),
    );
    const r = await cli('apply', '-f', dir);
    expect(r.code).toBe(0);
    expect(letta.requests('POST')).toEqual([]);
    expect(letta.requests('DELETE').map((d) => d.path.split('/').at(-1))).toEqual([bOld.id]);
    expect(owned('a.md')).toEqual([landed.id]);
    expect(owned('b.md')).toEqual([bNew.id]);
  });

  // A CI runner killed takes the journal with it: the next apply, on a fresh checkout, has the lock file as committed before.
  it.each([
    ['its journal kept', true],
    ['its journal lost with the machine it ran on (a CI runner)', false],
  ])(
    'killed (kill -9) at any request, %s, the next apply finishes with nothing lost or doubled',
    async (_, journalKept) => {
      const stranger = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 12 * * *' }, 'Not ours');
      const before = () => {
        for (const name of readdirSync(dir)) rmSync(join(dir, name));
        file('change.md', { agent: AGENT, when: '0 9 * * *' }, 'Old text');
        file('remove.md', { agent: AGENT, when: '0 10 * * *' }, 'Remove me');
        file('set.md', { agent: AGENT, when: 'every 90 minutes', timezone: 'UTC' }, 'Stretch');
      };
      const after = () => {
        file('change.md', { agent: AGENT, when: '0 9 * * *' }, 'New text');
        rmSync(join(dir, 'remove.md'));
        file('new.md', { agent: AGENT, when: '0 11 * * *' }, 'Brand new');
      };
      const want = ['0 */3 * * * Stretch', '0 11 * * * Brand new', '0 12 * * * Not ours', '0 9 * * * New text', '30 1-22/3 * * * Stretch'];
      const server = () => [...letta.schedules.values()].map((s) => `${s.schedule.cron_expression} ${(s.message.messages[0] as { content: string }).content}`).sort();
      const killedAt = (k: number) =>
        new Promise<void>((resolve) => {
          const child = spawn(process.execPath, [BIN, '--now', NOW, 'apply', '-f', dir, '--yes'], { env, stdio: 'ignore' });
          let seen = 0;
          letta.onRequest = () => {
            if (++seen === k) child.kill('SIGKILL');
          };
          child.on('close', () => resolve());
        });

      const setUp = async () => {
        for (const [id] of [...letta.schedules].filter(([id]) => id !== stranger.id)) letta.schedules.delete(id);
        before();
        expect((await cli('apply', '-f', dir)).code).toBe(0);
        after();
        letta.received.length = 0;
      };
      // How many requests an apply of these changes sends when nothing stops it.
      await setUp();
      expect((await cli('apply', '-f', dir, '--yes')).code).toBe(0);
      const requests = letta.received.length;
      for (let k = 1; k <= requests; k++) {
        await setUp();
        await killedAt(k);
        letta.onRequest = undefined;
        if (!journalKept) rmSync(join(dir, 'letta-schedules.lock.journal'), { force: true });
        const finished = await cli('apply', '-f', dir, '--yes');
        expect(finished.code, `killed at request ${k}: ${finished.stderr}`).toBe(0);
        expect(server(), `killed at request ${k}`).toEqual(want);
        letta.received.length = 0;
        expect((await cli('apply', '-f', dir, '--yes')).code).toBe(0);
        expect(changing(), `killed at request ${k}`).toEqual([]);
      }
      // A list, then create → read back → delete for the changed file, create → read back for the new one, delete for the removed one.
      expect(requests).toBeGreaterThanOrEqual(7);
    },
    300_000,
  );

  it('records each step in a journal beside the lock file, which plan and the next apply read, and writes the lock file once, at the end', async () => {
    const journal = join(dir, 'letta-schedules.lock.journal');
    const write = (text: string) => {
      for (let n = 0; n < 6; n++) file(`f${n}.md`, { agent: AGENT, when: `0 ${n} * * *` }, `${text} ${n}`);
    };
    write('First');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'letta-schedules.lock.json'), 'utf8');
    expect(existsSync(journal)).toBe(false);

    write('Second');
    // One file at a time: killed as the third create arrives, the first two files are replaced.
    const killedAt = (posts: number) =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [BIN, '--now', NOW, 'apply', '-f', dir, '--concurrency', '1'], { env, stdio: 'ignore' });
        let seen = 0;
        letta.onRequest = (request) => {
          if (request.method === 'POST' && ++seen === posts) child.kill('SIGKILL');
        };
        child.on('close', () => resolve());
      });
    await killedAt(3);
    letta.onRequest = undefined;
    expect(readFileSync(join(dir, 'letta-schedules.lock.json'), 'utf8')).toBe(before);
    const planned = await cli('plan', '-f', dir, '--json');
    expect(planned.stderr).toContain(`Note: an apply under way or cut off has not written ${join(dir, 'letta-schedules.lock.json')} yet; what it did is read from ${journal}`);
    const plan = JSON.parse(planned.stdout);
    expect(plan.unchanged).toEqual(['f0.md', 'f1.md']);
    expect(plan.changes.map((change: { file: string }) => change.file)).toEqual(['f2.md', 'f3.md', 'f4.md', 'f5.md']);

    // A step cut short by the kill: the next apply starts its own steps on a line of their own.
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}{"server":"${letta.url}","entries":{"f2.md":{"agent_`);
    await killedAt(1);
    letta.onRequest = undefined;
    const lines = readFileSync(journal, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();

    const finished = await cli('apply', '-f', dir);
    expect(finished.code, finished.stderr).toBe(0);
    expect(existsSync(journal)).toBe(false);
    expect(readdirSync(dir).filter((name) => !name.endsWith('.md'))).toEqual(['letta-schedules.lock.json']);
    const messages = [...letta.schedules.values()].map((s) => (s.message.messages[0] as { content: string }).content).sort();
    expect(messages).toEqual(Array.from({ length: 6 }, (_, n) => `Second ${n}`));
    expect(Object.values(lockFile().servers[letta.url]!).map((entry) => entry.ids.length)).toEqual([1, 1, 1, 1, 1, 1]);
    letta.received.length = 0;
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    expect(changing()).toEqual([]);
  }, 60_000);

  it('changes --concurrency files at once (default 8), each created, read back, then its old schedule deleted', async () => {
    letta.latencyMs = 20;
    const write = (text: string) => {
      for (let n = 0; n < 12; n++) file(`f${n}.md`, { agent: AGENT, when: `0 ${n} * * *` }, `${text} ${n}`);
    };
    write('First');
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    expect(letta.maxInFlight).toBe(8);
    const first = new Map(Object.entries(lockFile().servers[letta.url]!).map(([name, entry]) => [name, entry.ids[0]!]));

    write('Second');
    letta.received.length = 0;
    letta.maxInFlight = 0;
    const applied = await cli('apply', '-f', dir, '--concurrency', '3');
    expect(applied.code).toBe(0);
    expect(letta.maxInFlight).toBe(3);
    const at = (match: (r: (typeof letta.received)[number]) => boolean) => letta.received.findIndex(match);
    for (const [name, oldId] of first) {
      const newId = owned(name)[0]!;
      const create = at((r) => r.method === 'POST' && r.created === newId);
      const readBack = at((r) => r.method === 'GET' && r.path.endsWith(`/schedule/${newId}`));
      const deleted = at((r) => r.method === 'DELETE' && r.path.endsWith(`/schedule/${oldId}`));
      expect(create, name).toBeGreaterThanOrEqual(0);
      expect(readBack, name).toBeGreaterThan(create);
      expect(deleted, name).toBeGreaterThan(readBack);
    }
    expect(snapshot()).toHaveLength(12);
    letta.received.length = 0;
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    expect(changing()).toEqual([]);
  }, 60_000);

  it('an apply beside an edit of a schedule a file owns waits for the edit, then follows it: never both', async () => {
    expect((await cli('recurring', 'create', '--agent-id', AGENT, '--message', 'Standup', '--cron', 'every weekday at 9am', '--tz', 'America/New_York')).code).toBe(0);
    expect((await cli('export', '--agent-id', AGENT, '-f', dir)).code).toBe(0);
    const [old] = [...letta.schedules.keys()];
    const [name] = readdirSync(dir).filter((f) => f.endsWith('.md'));
    writeFileSync(join(dir, name!), readFileSync(join(dir, name!), 'utf8').replace('Standup', 'Standup, v2'));
    letta.received.length = 0;
    letta.latencyMs = 400;
    // The edit holds the changes lock from before its create to after its delete; the apply starts once its create is out.
    const editing = cli('recurring', 'edit', old!, '--cron', 'every weekday at 10am', '--tz', 'America/New_York');
    while (letta.requests('POST').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const applying = cli('apply', '-f', dir);
    const [edited, applied] = await Promise.all([editing, applying]);
    letta.latencyMs = 0;
    expect(edited.code, edited.stderr).toBe(0);
    expect(applied.code, applied.stderr).toBe(0);
    // One schedule stands, as the file says: the apply replaced the edit's (owned through the record's lineage).
    expect([...letta.schedules.values()].map((s) => [s.schedule.cron_expression, s.message.messages])).toEqual([['0 14 * * 1-5', [{ role: 'user', content: 'Standup, v2' }]]]);
    expect(owned(name!)).toEqual([...letta.schedules.keys()]);
  }, 60_000);

  it('an export beside an apply waits for it, then writes what the apply left: no file for a schedule it deleted', async () => {
    for (const n of [1, 2]) file(`f${n}.md`, { agent: AGENT, when: `0 ${n} * * *` }, `Message ${n}`);
    expect((await cli('apply', '-f', dir)).code).toBe(0);
    for (const n of [1, 2]) file(`f${n}.md`, { agent: AGENT, when: `0 ${n} * * *` }, `Message ${n}, v2`);
    letta.received.length = 0;
    letta.latencyMs = 300;
    const applying = cli('apply', '-f', dir);
    while (letta.requests('POST').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const exporting = cli('export', '--agent-id', AGENT, '-f', dir, '--force');
    const [applied, exported] = await Promise.all([applying, exporting]);
    letta.latencyMs = 0;
    expect(applied.code, applied.stderr).toBe(0);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['f1.md', 'f2.md', 'letta-schedules.lock.json']);
    const plan = await cli('plan', '-f', dir);
    expect(plan.code, plan.stdout).toBe(0);
  }, 60_000);

  it('twenty applies at once make one set of changes', async () => {
    for (const n of [1, 2, 3]) file(`f${n}.md`, { agent: AGENT, when: `0 ${n} * * *` }, `Message ${n}`);
    const runs = await Promise.all(Array.from({ length: 20 }, () => runCli(['--now', NOW, 'apply', '-f', dir], { env, timeoutMs: 60_000 })));
    expect(runs.map((r) => r.code)).toEqual(Array(20).fill(0));
    expect(letta.requests('POST')).toHaveLength(3);
    expect(letta.schedules.size).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['f1.md', 'f2.md', 'f3.md', 'letta-schedules.lock.json']);
  }, 120_000);
});
