import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

/** The CLI run at `now`, with Letta's clock there too (a schedule's next run moves on with it). */
const at = (now: string, ...args: string[]) => {
  letta.now = () => Date.parse(now);
  return runCli(['--now', now, ...args], { env });
};
const rowsOf = (stdout: string, id: string) => stdout.split('\n').filter((row) => row.includes(id));

describe('agenda of a schedule made or synced for the coming DST change', () => {
  // New York goes forward at 2027-03-14T07:00Z; 9am is 14:00 UTC before it and 13:00 UTC after.
  const beforeChange = '2027-03-13T15:00:00Z';

  it('made after its last fire before the change: at 09:00 from its first fire, no move flagged', async () => {
    const made = await at(beforeChange, 'recurring', 'create', '--message', 'standup', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q');
    expect(made.code, made.stderr).toBe(0);
    const id = made.stdout.trim();
    expect(letta.schedules.get(id)!.schedule).toEqual({ type: 'recurring', cron_expression: '0 13 * * *' });

    const agenda = await at(beforeChange, 'agenda', '--days', '3', '--tz', 'America/New_York');
    expect(agenda.code, agenda.stderr).toBe(0);
    const rows = rowsOf(agenda.stdout, id);
    expect(rows.map((row) => row.split('\t')[0])).toEqual(['Sun 2027-03-14 09:00 EDT', 'Mon 2027-03-15 09:00 EDT', 'Tue 2027-03-16 09:00 EDT']);
    for (const row of rows) expect(row).not.toContain('DST moved it');
    expect(agenda.stderr).toContain('no recurring schedule in this agenda moves with it');

    const json = JSON.parse((await at(beforeChange, 'agenda', '--days', '3', '--tz', 'America/New_York', '--json')).stdout) as Array<{ flags: Array<{ type: string }> }>;
    expect(json.flatMap((fire) => fire.flags.map((flag) => flag.type))).not.toContain('dst-shift');
  });

  it('synced the day before the change: the replacement is not flagged as moved either', async () => {
    const made = await at('2027-03-01T12:00:00Z', 'recurring', 'create', '--message', 'standup', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q');
    expect(made.code, made.stderr).toBe(0);
    const synced = await at(beforeChange, 'sync');
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toContain('UTC    0 14 * * * → 0 13 * * *');
    const [replacement] = [...letta.schedules.keys()];

    const agenda = await at(beforeChange, 'agenda', '--days', '3', '--tz', 'America/New_York');
    expect(agenda.code, agenda.stderr).toBe(0);
    const rows = rowsOf(agenda.stdout, replacement!);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/^\w{3} 2027-03-1\d 09:00 EDT\t/);
    for (const row of rows) expect(row).not.toContain('DST moved it');
  });

  it('one with a fire shown before the change that the change moves off 09:00 is still flagged, with sync to put it back', async () => {
    const made = await at('2027-03-01T12:00:00Z', 'recurring', 'create', '--message', 'standup', '--cron', 'every day at 9am', '--tz', 'America/New_York', '-q');
    const id = made.stdout.trim();
    const agenda = await at('2027-03-13T12:00:00Z', 'agenda', '--days', '2', '--tz', 'America/New_York');
    expect(rowsOf(agenda.stdout, id)[0]).toMatch(/^Sat 2027-03-13 09:00 EST\t.*\t$/);
    expect(rowsOf(agenda.stdout, id)[1]).toMatch(/^Sun 2027-03-14 10:00 EDT\t.*DST moved it: 10:00, was 09:00; sync puts it back at 09:00$/);
  });
});
