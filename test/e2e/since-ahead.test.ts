import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { NOW, useFakeLetta } from '../helpers/suite';
import { runCli } from '../helpers/run-cli';

/** --since reaches back from now: a time ahead of it is said to be in the future, with what works instead; nothing is asked of Letta. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, '--tz', 'America/New_York', ...args], { env });

describe('--since a time ahead of now', () => {
  const ahead = ['tomorrow', 'tomorrow at 9am', 'tonight', 'next monday', 'next week', 'the coming friday', 'in 3 days', 'in an hour', '2 hours from now', 'the day after tomorrow'];
  const commands = [['status'], ['agenda'], ['history', 'sm-000001']];

  it.each(commands)('%s says the time is in the future and what works, exit 2, no request', async (...command) => {
    for (const since of ahead) {
      const r = await cli(...command, '--since', since);
      expect([r.code, r.stdout], since).toEqual([2, '']);
      expect(r.stderr, since).toContain(`Error: --since '${since}' is in the future: --since reaches back from now`);
      expect(r.stderr, since).toContain("Use a span back from now ('30m', '12h'");
      expect(r.stderr, since).toContain('For fires still to come, use agenda --days N or --until WHEN.');
    }
    expect(letta.requests()).toEqual([]);
  });

  it('a word that says no time at all is still not a span or a date; a time back from now still works', async () => {
    const r = await cli('status', '--since', 'nextish');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Error: --since 'nextish' is not a span or a date");
    expect((await cli('status', '--since', 'last monday')).code).not.toBe(2);
  });

  it('a date ahead of now says it is not in the past, and points to agenda', async () => {
    const r = await cli('agenda', '--since', '2026-12-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Error: --since '2026-12-01' is not in the past");
    expect(r.stderr).toContain('For fires still to come, use agenda --days N or --until WHEN.');
  });
});
