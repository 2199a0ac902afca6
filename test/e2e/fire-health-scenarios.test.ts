import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** Fire health around the edges: a stuck schedule's coming fires, runs of odd statuses, schedules with nothing yet. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });
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
