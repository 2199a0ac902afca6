import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { NOW, cliAt, useFakeLetta } from '../helpers/suite';

/** agenda --since: the past fires of a schedule an edit (or sync, or resume) replaced are the listed schedule's past. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const at = (iso: string) => Date.parse(iso);
const cli = cliAt(suite);

describe('agenda --since after an edit replaced a schedule', () => {
  it("shows the replaced schedule's past fires with their outcomes, then the new schedule's", async () => {
    const made = await cli('2026-11-19T00:00:00Z', 'recurring', 'create', '--message', 'Digest', '--cron', 'every day at 9am', '--tz', 'UTC', '-q');
    expect(made.code).toBe(0);
    const old = made.stdout.trim();
    letta.addFire(old, at('2026-11-19T09:00:04Z'));
    letta.addFire(old, at('2026-11-20T09:00:06Z'));
    const edited = await cli('2026-11-21T12:00:00Z', 'recurring', 'edit', old, '--message', 'Digest, shorter', '-q');
    expect(edited.code).toBe(0);
    const next = edited.stdout.trim();
    letta.addFire(next, at('2026-11-22T09:00:02Z'));

    const r = await cli(NOW, 'agenda', '--since', '4d', '--days', '1', '--json');
    expect(r.code).toBe(0);
    const fires = (JSON.parse(r.stdout) as Array<{ schedule_id: string; at: string; flags: Array<{ text: string }> }>).map((f) => [f.schedule_id, f.at, f.flags.map((flag) => flag.text).join('; ')]);
    expect(fires).toEqual([
      [old, '2026-11-19T09:00:00.000Z', 'ok (sent +4s, end_turn)'],
      [old, '2026-11-20T09:00:00.000Z', 'ok (sent +6s, end_turn)'],
      [old, '2026-11-21T09:00:00.000Z', 'missed: nothing sent'],
      [next, '2026-11-22T09:00:00.000Z', 'ok (sent +2s, end_turn)'],
      [next, '2026-11-23T09:00:00.000Z', ''],
    ]);
  });

  it('leaves out a schedule a resume replaced before any fire of it was due: no fire of it, no history asked for, nothing said', async () => {
    const made = await cli('2026-11-22T10:00:00Z', 'recurring', 'create', '--message', 'Evening', '--cron', 'every day at 9pm', '--tz', 'UTC', '-q');
    expect(made.code).toBe(0);
    const old = made.stdout.trim();
    expect((await cli('2026-11-22T11:00:00Z', 'recurring', 'pause', old)).code).toBe(0);
    const resumed = await cli('2026-11-22T12:00:00Z', 'recurring', 'resume', old, '-q');
    expect(resumed.code).toBe(0);
    const next = resumed.stdout.trim();

    const before = letta.received.length;
    const r = await cli(NOW, 'agenda', '--since', '1d', '--days', '1', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ schedule_id: string; at: string }>).map((f) => [f.schedule_id, f.at])).toEqual([[next, '2026-11-22T21:00:00.000Z']]);
    expect(letta.received.slice(before).filter((req) => req.path.includes(old))).toEqual([]);
    expect(r.stderr).toBe('');
  });
});
