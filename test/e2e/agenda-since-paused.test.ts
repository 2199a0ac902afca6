import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, cliAt, useFakeLetta } from '../helpers/suite';

/** agenda --since with a schedule paused inside the window: its past is what it did before the pause, as status judges it. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const at = (iso: string) => Date.parse(iso);
const cli = cliAt(suite);

type Row = { schedule_id: string; at: string; paused: boolean; flags: Array<{ type: string; text: string }> };

/** A daily 14:00 UTC schedule made on the 17th, sent on the 17th and 19th (nothing on the 18th), paused on the 20th. */
async function pausedDaily(): Promise<string> {
  const daily = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 14 * * *' }, 'Daily digest');
  daily.created_at = '2026-11-17T00:00:00.000Z';
  daily.next_scheduled_time = '2026-11-20T14:00:00.000Z';
  letta.addFire(daily.id, at('2026-11-17T14:00:10Z'));
  letta.addFire(daily.id, at('2026-11-19T14:00:07Z'), { stopReason: 'max_steps' });
  expect((await cli('2026-11-20T00:00:00Z', 'recurring', 'pause', daily.id)).code).toBe(0);
  return daily.id;
}

describe('agenda --since: a paused schedule', () => {
  it('shows its fires before the pause with their outcomes, none from before it was made or while it is paused, and what is still ahead flagged paused', async () => {
    const id = await pausedDaily();
    const r = await cli(NOW, 'agenda', '--since', '7d', '--days', '1', '--json');
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as Row[]).map((f) => [f.at, f.flags.map((flag) => flag.text).join('; ')]);
    expect(rows).toEqual([
      ['2026-11-17T14:00:00.000Z', 'ok (sent +10s, end_turn)'],
      ['2026-11-18T14:00:00.000Z', 'missed: nothing sent'],
      ['2026-11-19T14:00:00.000Z', 'failed (sent +7s, max_steps)'],
      ['2026-11-23T14:00:00.000Z', 'paused since 2026-11-20'],
    ]);
    // Its history was read (Letta keeps it after the delete), and what status says of it agrees.
    expect(letta.received.some((q) => q.path.endsWith(`/schedule/${id}/history`))).toBe(true);
    const status = await cli(NOW, 'status', '--json');
    const [judged] = JSON.parse(status.stdout).fire_health.schedules as Array<{ counts: Record<string, number> }>;
    expect(judged!.counts).toMatchObject({ ok: 1, missed: 1, failed: 1 });
  });

  it('in a pipe, the past rows carry the outcome in the NOTE column', async () => {
    const id = await pausedDaily();
    const r = await cli(NOW, 'agenda', '--since', '4d', '--days', '1');
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t').slice(5)),
    ).toEqual([
      [id, 'failed (sent +7s, max_steps)'],
      [id, 'paused since 2026-11-20'],
    ]);
  });

  it('paused before the window opened: nothing of it in the past, no history asked for', async () => {
    const id = await pausedDaily();
    const before = letta.received.length;
    const r = await cli(NOW, 'agenda', '--since', '1d', '--days', '1', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Row[]).map((f) => [f.schedule_id, f.at])).toEqual([[id, '2026-11-23T14:00:00.000Z']]);
    expect(letta.received.slice(before).filter((q) => q.path.endsWith('/history'))).toEqual([]);
    expect(r.stderr).toBe('');
  });
});
