import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, cliNow, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** Fire health around the edges: a stuck schedule's coming fires, runs of odd statuses, schedules with nothing yet. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const cli = cliNow(suite);
const at = (iso: string) => Date.parse(iso);
type Json = Record<string, any>;

/** An hourly schedule whose scheduler stopped after the 11:00 fire: next_scheduled_time stuck at 12:00 (NOW is 15:00). */
function stuckHourly() {
  const hourly = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 * * * *' }, 'Hourly check');
  hourly.created_at = '2026-11-22T09:30:00.000Z';
  hourly.next_scheduled_time = '2026-11-22T12:00:00.000Z';
  letta.addFire(hourly.id, at('2026-11-22T10:00:02Z'));
  letta.addFire(hourly.id, at('2026-11-22T11:00:02Z'));
  return hourly;
}

describe('agenda: the coming fires of a schedule status calls stuck', () => {
  it('are flagged stuck, with the overdue next run, in the NOTE and in --json; a healthy one is not', async () => {
    const hourly = stuckHourly();
    const healthy = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 15 * * *' }, 'Daily');
    healthy.next_scheduled_time = '2026-11-22T15:30:00.000Z';
    const status = await cli('status', '--json');
    expect(JSON.parse(status.stdout).fire_health.schedules.find((s: Json) => s.schedule_id === hourly.id).stuck).toBe(true);
    const r = await cli('agenda', '--days', '1', '--json');
    expect(r.code).toBe(0);
    const fires = JSON.parse(r.stdout) as Array<{ schedule_id: string; at: string; flags: Json[] }>;
    const coming = fires.filter((f) => f.schedule_id === hourly.id);
    expect(coming.length).toBeGreaterThanOrEqual(24);
    for (const fire of coming)
      expect(fire.flags).toContainEqual({
        type: 'stuck',
        stuck_since: '2026-11-22T12:00:00.000Z',
        text: "stuck: Letta's next run 2026-11-22 12:00 UTC is long past, so it may not fire (see letta-switchboard status)",
      });
    expect(fires.filter((f) => f.schedule_id === healthy.id).flatMap((f) => f.flags)).toEqual([]);
  });

  it('in a pipe the NOTE column says so', async () => {
    const hourly = stuckHourly();
    const r = await cli('agenda', '--days', '1');
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.filter((row) => row[5] === hourly.id).every((row) => row[6]!.startsWith("stuck: Letta's next run"))).toBe(true);
  });

  it('a next run only minutes past (within the grace time) is not stuck', async () => {
    const hourly = stuckHourly();
    hourly.next_scheduled_time = '2026-11-22T14:55:00.000Z';
    const fires = JSON.parse((await cli('agenda', '--days', '1', '--json')).stdout) as Array<{ flags: Json[] }>;
    expect(fires.flatMap((f) => f.flags).filter((flag) => flag.type === 'stuck')).toEqual([]);
  });
});

/** A daily 14:00 UTC schedule made 2026-11-20, sent on time each day since (the 20th, 21st and 22nd). */
function daily(text = 'Daily') {
  const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, text);
  item.created_at = '2026-11-20T00:00:00.000Z';
  return item;
}
const byId = (stdout: string) => new Map((JSON.parse(stdout).fire_health.schedules as Json[]).map((s) => [s.schedule_id, s]));
const failing = (status: number) => Array.from({ length: 3 }, () => ({ status, headers: { 'content-type': 'application/json', 'retry-after-ms': '10' }, body: '{"detail":"boom"}' }));

describe('status: fire health at the edges', () => {
  it('a run with a status and stop reason Letta may add later is not taken as a failure', async () => {
    const item = daily();
    for (const day of ['20', '21', '22']) letta.addFire(item.id, at(`2026-11-${day}T14:00:05Z`), { runStatus: 'archived', stopReason: 'some_new_reason' });
    const r = await cli('status', '--json');
    expect(r.code).toBe(0);
    expect(byId(r.stdout).get(item.id)).toMatchObject({ worst: 'ok', counts: { ok: 3, failed: 0 } });
  });

  it('a schedule made minutes ago with nothing due yet is ok, nothing was due; exit 0', async () => {
    const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * 1' }, 'Weekly');
    item.created_at = '2026-11-22T14:55:00.000Z';
    const r = await cli('status');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\t').slice(8)).toEqual(['ok', 'nothing was due\n']);
  });

  it('a 5xx on the second page of a history leaves that schedule unknown and the other judged (exit 1)', async () => {
    const [a, b] = [daily('A'), daily('B')];
    for (const item of [a, b]) for (const day of ['20', '21', '22']) for (const second of ['05', '06']) letta.addFire(item.id, at(`2026-11-${day}T14:00:${second}Z`));
    letta.maxHistoryPage = 2;
    letta.inject(new RegExp(`/schedule/${a.id}/history$`), { pass: true }, ...failing(503));
    const r = await cli('status', '--json');
    expect(r.code).toBe(1);
    expect(byId(r.stdout).get(a.id)).toMatchObject({ worst: 'unknown', error: expect.stringMatching(/503/) });
    expect(byId(r.stdout).get(b.id)).toMatchObject({ worst: 'ok', counts: { ok: 3, unexpected: 3 } });
  });

  it('a run still running two hours after its send is failed (hung); one minutes old is pending', async () => {
    const item = daily();
    letta.addFire(item.id, at('2026-11-20T14:00:05Z'));
    letta.addFire(item.id, at('2026-11-21T14:00:05Z'), { runStatus: 'running', stopReason: null });
    letta.addFire(item.id, at('2026-11-22T14:59:00Z'), { runStatus: 'running', stopReason: null });
    const r = await cli('status', '--json');
    expect(r.code).toBe(6);
    expect(byId(r.stdout).get(item.id)).toMatchObject({ worst: 'failed', counts: { ok: 1, failed: 1, late: 0, pending: 1 } });
  });

  it('a send the history says failed, with no run, is failed', async () => {
    const item = daily();
    letta.addFire(item.id, at('2026-11-20T14:00:05Z'), { status: 'failed', noRun: true });
    letta.addFire(item.id, at('2026-11-21T14:00:05Z'));
    letta.addFire(item.id, at('2026-11-22T14:00:05Z'));
    const r = await cli('status', '--json');
    expect(r.code).toBe(6);
    expect(byId(r.stdout).get(item.id)).toMatchObject({ worst: 'failed', counts: { ok: 2, failed: 1 } });
  });

  it('a run read answered 429 once is tried again and read: no unread run', async () => {
    const item = daily();
    for (const day of ['20', '21', '22']) letta.addFire(item.id, at(`2026-11-${day}T14:00:05Z`));
    letta.inject(new RegExp(`^GET /v1/runs/${letta.history.get(item.id)![2]!.run_id}$`), { status: 429, headers: { 'content-type': 'application/json', 'retry-after-ms': '10' }, body: '{}' });
    const r = await cli('status', '--json');
    expect(r.code).toBe(0);
    expect(byId(r.stdout).get(item.id)).toMatchObject({ worst: 'ok', run_errors: 0 });
  });

  it('a one-time schedule made here that Letta let go once it fired is judged from the record', async () => {
    letta.now = () => at('2026-11-21T00:00:00Z');
    const made = await runCli(['--now', '2026-11-21T00:00:00Z', 'onetime', 'create', '--message', 'Once', '--execute-at', '2026-11-21T15:00:00Z', '-q'], { env: suite.env });
    letta.now = () => at(NOW);
    expect(made.code).toBe(0);
    const id = made.stdout.trim();
    letta.addFire(id, at('2026-11-21T15:00:03Z'));
    letta.schedules.delete(id);
    const r = await cli('status', '--json');
    expect(r.code).toBe(0);
    expect(byId(r.stdout).get(id)).toMatchObject({ kind: 'one-time', worst: 'ok', counts: { ok: 1 }, stuck: false });
  });

  it('many schedules over several list pages are all checked, each once', async () => {
    letta.maxPage = 20;
    const items = Array.from({ length: 45 }, (_, i) => daily(`Daily ${i}`));
    for (const item of items) letta.addFire(item.id, at('2026-11-22T14:00:05Z'));
    const r = await cli('status', '--since', '1d', '--json');
    const schedules = JSON.parse(r.stdout).fire_health.schedules as Json[];
    expect(new Set(schedules.map((s) => s.schedule_id)).size).toBe(45);
    expect(schedules).toHaveLength(45);
    expect(r.code).toBe(0);
  });
});
