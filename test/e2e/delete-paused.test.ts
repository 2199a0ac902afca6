import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeLetta } from '../helpers/fake-letta';
import { runCli } from '../helpers/run-cli';
import { AGENT, NOW, useFakeLetta } from '../helpers/suite';

/** A paused schedule no longer wanted: `get` and `paused` show it, so `delete` must be able to end it. */

const suite = useFakeLetta({ defaultAgent: true });
let letta: FakeLetta;
let env: Record<string, string>;
beforeEach(() => ({ letta, env } = suite));

const cli = (...args: string[]) => runCli(['--now', NOW, ...args], { env });

describe('deleting a paused schedule', () => {
  it('under --dry-run says it would, and keeps the saved copy', async () => {
    const id = (await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', '-q')).stdout.trim();
    expect((await cli('recurring', 'pause', id)).code).toBe(0);
    const dry = await cli('recurring', 'delete', id, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain(`Would delete paused schedule ${id}`);
    expect(dry.stderr).not.toMatch(/✓ Deleted/);
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe(`${id}\n`);
  });

  it('drops its saved copy (exit 0, said), sends no DELETE, and it is paused no more nor resumable', async () => {
    const id = (await cli('recurring', 'create', '--message', 'Standup', '--cron', 'every day at 9am', '-q')).stdout.trim();
    const live = { id };
    expect((await cli('recurring', 'pause', live.id)).code).toBe(0);
    const posts = letta.requests('POST').length;
    const before = letta.received.length;
    const r = await cli('recurring', 'delete', live.id);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`Deleted paused schedule ${live.id}`));
    expect(letta.received.slice(before).filter((q) => q.method !== 'GET')).toEqual([]);
    expect((await cli('recurring', 'paused', '-q')).stdout).toBe('');
    expect((await cli('recurring', 'resume', live.id)).code).toBe(3);
    expect(letta.requests('POST')).toHaveLength(posts);
    // Deleted again (it was made here, so recorded): done already.
    const again = await cli('recurring', 'delete', live.id);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('already deleted');
  });

  it('--json says it was deleted', async () => {
    const live = letta.addSchedule(AGENT, { type: 'recurring', cron_expression: '0 9 * * *' }, 'Standup');
    await cli('recurring', 'pause', live.id);
    const r = await cli('recurring', 'delete', live.id, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id: live.id, deleted: true, was_paused: true })]);
  });
});

describe('deleting a paused set', () => {
  it('drops every paused schedule of it (exit 0), and a set half paused loses both halves', async () => {
    for (const half of [false, true]) {
      const made = await cli('recurring', 'create', '--message', 'Stretch', '--cron', 'every 90 minutes', '--json');
      const { set_id: setId, schedules } = JSON.parse(made.stdout) as { set_id: string; schedules: Array<{ id: string }> };
      const [first, second] = schedules.map((s) => s.id);
      expect((await cli('recurring', 'pause', ...(half ? [first!] : [setId]))).code).toBe(0);
      const r = await cli('recurring', 'delete', setId);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`Deleted set ${setId}`);
      expect((await cli('recurring', 'paused', '-q')).stdout).toBe('');
      expect(letta.schedules.has(first!) || letta.schedules.has(second!)).toBe(false);
    }
  });
});
