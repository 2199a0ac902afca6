import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/**
 * sync makes a set whole: a cron of a set whose create did not land is sent again. The set keeps
 * its local times across DST like any of its schedules (cli.md; design.md: "planning against the
 * result of applying a plan gives an empty one").
 */
const CREATE = new RegExp(`^POST /v1/agents/${AGENT}/schedule$`);
const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const SUMMER = '2027-04-06T12:00:00Z';
const crons = () => [...letta.schedules.values()].map((s) => s.schedule.cron_expression).sort();

describe('a set on local time whose second create did not land, made whole after a DST change', () => {
  it("the missing cron is sent at the set's local time as it is now, and the next sync changes nothing", async () => {
    letta.inject(CREATE, { pass: true }, { status: 500, body: '{"detail":"boom"}' });
    const made = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Twice', '--cron', 'every day at 9am and 5:30pm', '--tz', 'Europe/Paris'], { env });
    expect(made.code).toBe(1);
    expect(crons()).toEqual(['0 8 * * *']);

    letta.now = () => Date.parse(SUMMER);
    const synced = await runCli(['--now', SUMMER, 'sync'], { env });
    expect(synced.code, synced.stderr).toBe(0);
    // 09:00 and 17:30 in Paris in summer (UTC+2).
    expect(crons()).toEqual(['0 7 * * *', '30 15 * * *']);
    const again = await runCli(['--now', SUMMER, 'sync', '--json'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual([]);
  });
});

describe('a set of three crons whose second create went unanswered and did not land', () => {
  it('sync makes the whole set: the unanswered cron and the one never sent; the next sync changes nothing', async () => {
    letta.inject(CREATE, { pass: true }, { status: 500, body: '{"detail":"boom"}' });
    const made = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Thrice', '--cron', 'every day at 9am, 12:15pm and 5:30pm', '--tz', 'UTC', '--json'], { env });
    expect(made.code).toBe(1);
    const setId = JSON.parse(made.stdout).set_id as string;
    expect(made.stderr).toContain('Not created: 30 17 * * *.');
    expect(made.stderr).toContain("'letta-switchboard sync' creates what is missing of the set");
    expect(crons()).toEqual(['0 9 * * *']);

    const synced = await runCli(['--now', NOW, 'sync', '--json'], { env });
    expect(synced.code, synced.stderr).toBe(0);
    expect(crons()).toEqual(['0 9 * * *', '15 12 * * *', '30 17 * * *']);
    // Scripts get the facts the lines say: which set, which cron, the new schedule.
    const rows = (JSON.parse(synced.stdout) as Array<Record<string, unknown>>).map(({ action, set_id, new_cron, new_id }) => ({
      action,
      set_id,
      new_cron,
      made: letta.schedules.get(new_id as string)?.schedule.cron_expression,
    }));
    expect(rows.sort((a, b) => String(a.new_cron).localeCompare(String(b.new_cron)))).toEqual([
      { action: 'complete-set', set_id: setId, new_cron: '15 12 * * *', made: '15 12 * * *' },
      { action: 'complete-set', set_id: setId, new_cron: '30 17 * * *', made: '30 17 * * *' },
    ]);
    const again = await runCli(['--now', NOW, 'sync', '--json'], { env });
    expect(JSON.parse(again.stdout)).toEqual([]);
  });
});

describe('a set whose first create went unanswered', () => {
  it('it landed: sync records it and creates the crons never sent, the next sync changes nothing', async () => {
    letta.inject(CREATE, { status: 502, body: '', land: true });
    const made = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Thrice', '--cron', 'every day at 9am, 12:15pm and 5:30pm', '--tz', 'UTC'], { env });
    expect(made.code).toBe(1);
    expect(crons()).toEqual(['0 9 * * *']);
    const synced = await runCli(['--now', NOW, 'sync'], { env });
    expect(synced.code, synced.stderr).toBe(0);
    expect(crons()).toEqual(['0 9 * * *', '15 12 * * *', '30 17 * * *']);
    const again = await runCli(['--now', NOW, 'sync', '--json'], { env });
    expect(JSON.parse(again.stdout)).toEqual([]);
  });

  it('it did not land: sync creates nothing and forgets the set, so the command can be run again', async () => {
    letta.inject(CREATE, { status: 502, body: '' });
    const made = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Thrice', '--cron', 'every day at 9am, 12:15pm and 5:30pm', '--tz', 'UTC'], { env });
    expect(made.code).toBe(1);
    const synced = await runCli(['--now', NOW, 'sync'], { env });
    expect(synced.code, synced.stderr).toBe(0);
    expect(letta.schedules.size).toBe(0);
    expect(letta.requests('POST')).toHaveLength(1);
    const again = await runCli(['--now', NOW, 'sync', '--json'], { env });
    expect(JSON.parse(again.stdout)).toEqual([]);
  });
});

describe('a set whose second create went unanswered, before sync', () => {
  it('history of the set speaks of its schedules only, not of the creates still to settle', async () => {
    letta.inject(CREATE, { pass: true }, { status: 500, body: '{"detail":"boom"}' });
    const made = await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Thrice', '--cron', 'every day at 9am, 12:15pm and 5:30pm', '--tz', 'UTC', '--json'], { env });
    const setId = JSON.parse(made.stdout).set_id as string;
    const history = await runCli(['--now', NOW, 'history', setId], { env });
    expect(history.code, history.stderr).toBe(0);
    expect(history.stdout + history.stderr).not.toContain('creating-');
  });
});

describe('a set whose missing cron Letta refuses (a 4xx) when sync sends it again', () => {
  it('sync says the set is short and how to make it whole, exit 1, and the next sync does not send it again', async () => {
    letta.inject(CREATE, { pass: true }, { status: 500, body: '{"detail":"boom"}' });
    expect((await runCli(['--now', NOW, 'recurring', 'create', '--message', 'Ninety', '--cron', 'every 90 minutes', '--tz', 'UTC'], { env })).code).toBe(1);
    letta.inject(CREATE, { status: 400, body: '{"detail":"Too many schedules"}' });
    const synced = await runCli(['--now', NOW, 'sync'], { env });
    expect(synced.code).toBe(1);
    expect(synced.stdout + synced.stderr).toMatch(/Could not create the 30 1-22\/3 \* \* \* schedule of set (set-\S+).*Too many schedules/s);
    expect(synced.stdout + synced.stderr).toMatch(/The set is short of it; to make it whole, delete the set \(letta-switchboard recurring delete set-\S+\) and create it again\./);
    const posts = letta.requests('POST').length;
    const again = await runCli(['--now', NOW, 'sync'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(letta.requests('POST')).toHaveLength(posts);
    expect(crons()).toEqual(['0 */3 * * *']);
  });
});
