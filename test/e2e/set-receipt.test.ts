import { beforeEach, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { NOW, useFakeLetta } from '../helpers/suite';

/** A set's receipt: its next fire is the set's, said with the set's rows, not under the last schedule as if that one's. */

const suite = useFakeLetta({ defaultAgent: true });
let env: Record<string, string>;
beforeEach(() => ({ env } = suite));

it.each([
  ['every 90 minutes', '2026-11-22T16:30:00.000Z'],
  ['every day at 9:30am and 5pm', '2026-11-22T17:00:00.000Z'],
])('%s: Next comes before the first schedule, and is the first fire of any of them', async (phrase, first) => {
  const r = await runCli(['recurring', 'create', '--message', 'Stretch', '--cron', phrase, '--now', NOW, '--tz', 'UTC'], { env: { ...env, NO_COLOR: '1' } });
  expect(r.code, r.stderr).toBe(0);
  const lines = r.stderr.split('\n');
  const next = lines.findIndex((line) => /^ {2}Next +/.test(line));
  const firstCron = lines.findIndex((line) => /^ {2}Cron +/.test(line));
  expect(lines.filter((line) => /^ {2}Cron +/.test(line)).length).toBeGreaterThan(1);
  expect(next).toBeGreaterThan(lines.findIndex((line) => /^ {2}Message +/.test(line)));
  expect(next).toBeLessThan(firstCron);
  expect(lines[next]).toContain(`(${first})`);
});
