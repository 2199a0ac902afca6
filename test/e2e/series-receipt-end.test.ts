import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { NOW, useFakeLetta } from '../helpers/suite';

const suite = useFakeLetta({ defaultAgent: true });
let env: Record<string, string>;
beforeEach(() => ({ env } = suite));

const create = (...args: string[]) => runCli(['--now', NOW, 'recurring', 'create', '--message', 'Check in', ...args], { env });

describe("a new series' receipt says where it ends on your clock, as its first and last runs are said", () => {
  it('--until a date: the end of that day in the zone, then UTC (not the next day in UTC alone)', async () => {
    const made = await create('--cron', 'every monday at 9am', '--until', 'dec 31 2026', '--tz', 'America/New_York');
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('  Last    2026-12-28 09:00 EST (2026-12-28T14:00:00.000Z)\n');
    expect(made.stderr).toContain('  That is every run up to 2026-12-31 23:59 EST (2027-01-01T04:59:59.999Z).\n');
  });

  it("an end the phrase gives ('for 3 days'), in a zone east of UTC", async () => {
    const made = await create('--cron', 'every day at 9am for 3 days', '--tz', 'Asia/Tokyo');
    expect(made.code).toBe(0);
    // 15:00 UTC is midnight in Tokyo: three days from then.
    expect(made.stderr).toContain('  That is every run up to 2026-11-26 00:00 JST (2026-11-25T15:00:00.000Z).\n');
  });
});
