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
