import { beforeEach, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** A repeating rule with its own end given where one instant belongs: refused as a rule, as one without an end is. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

it.each(['every day at 9am until friday', 'every day at 9am until dec 20', 'every weekday at 10am until christmas', 'every day at 9am 3 times'])(
  "send --execute-at '%s' says it is a recurring schedule and how to make it; nothing is sent",
  async (phrase) => {
    const r = await runCli(['--now', NOW, '--tz', 'America/New_York', 'send', '--message', 'Standup', '--execute-at', phrase], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Error: '${phrase}' is a recurring schedule, not one time\nCreate a recurring schedule instead: letta-switchboard recurring create --cron '${phrase}'\n`);
    expect(letta.requests('POST')).toEqual([]);
  },
);

it('the recurring create it points to makes that series', async () => {
  const r = await runCli(['--now', NOW, '--tz', 'America/New_York', 'recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am until friday', '-q'], { env });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^series-/);
});

it.each([
  ['three fridays from now', '2026-12-25'],
  ['two mondays from now', '2026-12-21'],
])("send --execute-at '%s' is one time (its count of days is no end of a rule): sent for %s", async (phrase, day) => {
  const r = await runCli(['--now', '2026-12-07T10:00:00', '--tz', 'America/New_York', 'send', '--message', 'Standup', '--execute-at', phrase, '--json'], { env });
  expect(r.code, r.stderr).toBe(0);
  const [at] = letta.requests('POST').map((r) => (r.body as { schedule: { scheduled_at: number } }).schedule.scheduled_at);
  expect(new Date(at!).toISOString().slice(0, 10)).toBe(day);
});
