import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { NOW, cliAt, useFakeLetta } from '../helpers/suite';

/**
 * agenda --since: the past fires of a schedule a sync (DST) or a resume replaced carry the message the
 * replacement carried over; before an edit the message is not known, so none is shown.
 */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
beforeEach(() => ({ letta } = suite));

const at = (iso: string) => Date.parse(iso);
const cli = cliAt(suite);

type Row = { schedule_id: string; at: string; message: string };
const rows = (stdout: string) => (JSON.parse(stdout) as Row[]).map((f) => [f.schedule_id, f.at.slice(0, 10), f.message]);

describe('agenda --since: the message of a replaced schedule', () => {
  it('a sync at a DST change: the old schedule rows show the message, in --json and in a pipe', async () => {
    const made = await cli('2026-10-29T12:00:00Z', 'recurring', 'create', '--message', 'Morning brief', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q');
    expect(made.code).toBe(0);
    const old = made.stdout.trim();
    for (const day of ['30', '31']) letta.addFire(old, at(`2026-10-${day}T13:00:04Z`));
    letta.addFire(old, at('2026-11-01T13:00:04Z'));
    expect((await cli('2026-11-01T20:00:00Z', 'sync')).code).toBe(0);
    const next = [...letta.schedules.keys()].find((id) => id !== old)!;
    letta.addFire(next, at('2026-11-02T14:00:03Z'));

    const json = await cli('2026-11-02T20:00:00Z', 'agenda', '--since', '3d', '--days', '1', '--json', '--tz', 'America/New_York');
    expect(json.code).toBe(0);
    expect(rows(json.stdout)).toEqual([
      [old, '2026-10-31', 'Morning brief'],
      [old, '2026-11-01', 'Morning brief'],
      [next, '2026-11-02', 'Morning brief'],
      [next, '2026-11-03', 'Morning brief'],
    ]);
    const pipe = await cli('2026-11-02T20:00:00Z', 'agenda', '--since', '3d', '--days', '1', '--tz', 'America/New_York');
    expect(
      pipe.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t').slice(4, 6)),
    ).toEqual([
      ['Morning brief', old],
      ['Morning brief', old],
      ['Morning brief', next],
      ['Morning brief', next],
    ]);
  });

  it('a resume: the paused-then-resumed schedule rows before the pause show the message', async () => {
    const made = await cli('2026-11-18T00:00:00Z', 'recurring', 'create', '--message', 'Standup', '--cron', 'every day at 2pm', '--tz', 'UTC', '-q');
    const old = made.stdout.trim();
    letta.addFire(old, at('2026-11-18T14:00:05Z'));
    expect((await cli('2026-11-19T00:00:00Z', 'recurring', 'pause', old)).code).toBe(0);
    const resumed = await cli('2026-11-21T00:00:00Z', 'recurring', 'resume', old, '-q');
    const next = resumed.stdout.trim();

    const r = await cli(NOW, 'agenda', '--since', '5d', '--days', '1', '--json');
    expect(r.code).toBe(0);
    expect(rows(r.stdout)).toEqual([
      [old, '2026-11-18', 'Standup'],
      [next, '2026-11-21', 'Standup'],
      [next, '2026-11-22', 'Standup'],
      [next, '2026-11-23', 'Standup'],
    ]);
  });

  it('an edit that changed the message: the old rows do not show the new message', async () => {
    const made = await cli('2026-11-19T00:00:00Z', 'recurring', 'create', '--message', 'Digest', '--cron', 'every day at 9am', '--tz', 'UTC', '-q');
    const old = made.stdout.trim();
    letta.addFire(old, at('2026-11-19T09:00:04Z'));
    const edited = await cli('2026-11-20T12:00:00Z', 'recurring', 'edit', old, '--message', 'Digest, shorter', '-q');
    const next = edited.stdout.trim();

    const r = await cli(NOW, 'agenda', '--since', '4d', '--days', '1', '--json');
    expect(rows(r.stdout)).toEqual([
      [old, '2026-11-19', ''],
      [old, '2026-11-20', ''],
      [next, '2026-11-21', 'Digest, shorter'],
      [next, '2026-11-22', 'Digest, shorter'],
      [next, '2026-11-23', 'Digest, shorter'],
    ]);
  });
});
