import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** What `--json` documents carry, as cli.md lists them: the API's fields plus the CLI's additions. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, '--tz', 'America/New_York', ...args], { env });

describe('recurring get --json', () => {
  it('gives the zone, local cron, description and next runs that create --json gave', async () => {
    const created = await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--json');
    expect(created.code).toBe(0);
    const made = JSON.parse(created.stdout);

    const r = await cli('recurring', 'get', made.id, '--json');
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got).toMatchObject({ id: made.id, schedule: { type: 'recurring', cron_expression: '0 14 * * 1-5' } });
    expect(got.timezone).toBe('America/New_York');
    expect(got.local_cron).toBe('0 9 * * 1-5');
    expect(got.description).toBe('At 09:00 AM, Monday through Friday (America/New_York)');
    expect(got.next_runs).toEqual(['2026-11-23T14:00:00.000Z', '2026-11-24T14:00:00.000Z', '2026-11-25T14:00:00.000Z', '2026-11-26T14:00:00.000Z', '2026-11-27T14:00:00.000Z']);
    expect(got.next_runs[0]).toBe(made.next_runs[0]);
  });

  it('reads a schedule made elsewhere on the UTC clock Letta runs it on', async () => {
    const item = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 16 * * *' });
    const r = await cli('recurring', 'get', item.id, '--json');
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got).toMatchObject({ timezone: 'UTC', local_cron: null, description: 'At 04:30 PM (UTC)' });
    expect(got.next_runs.slice(0, 2)).toEqual(['2026-11-22T16:30:00.000Z', '2026-11-23T16:30:00.000Z']);
  });

  it('a paused schedule: its rule from the saved copy, and no next runs until resumed', async () => {
    const made = JSON.parse((await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every day at 8am', '--json')).stdout);
    expect((await cli('recurring', 'pause', made.id)).code).toBe(0);
    const got = JSON.parse((await cli('recurring', 'get', made.id, '--json')).stdout);
    expect(got).toMatchObject({ paused: true, timezone: 'America/New_York', local_cron: '0 8 * * *', next_runs: [] });
  });
});

describe('recurring list --json', () => {
  it("gives each schedule's zone and local cron: the record's for one kept on a clock, UTC and null for one made elsewhere", async () => {
    const made = JSON.parse((await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every weekday at 9am', '--json')).stdout);
    const elsewhere = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '30 16 * * *' });
    const r = await cli('recurring', 'list', '--json');
    expect(r.code).toBe(0);
    const byId = new Map((JSON.parse(r.stdout) as Array<{ id: string }>).map((item) => [item.id, item]));
    expect(byId.get(made.id)).toMatchObject({ timezone: 'America/New_York', local_cron: '0 9 * * 1-5', made_by: 'letta-switchboard' });
    expect(byId.get(elsewhere.id)).toMatchObject({ timezone: 'UTC', local_cron: null, made_by: 'elsewhere' });
  });
});
